"""The whole real site (712 pages), as a user runs it: what it reports, and what it leaves alone.

The site is the copy in tests/corpus (see its NOTICE), checked from the repository's root as a
user would: its Hugo templates (`site/layouts/`), data and static files are part of the run, and
the site model (``linter.site``) knows them for what they are.

Every diagnostic counted here was reviewed against the page it points to (see the closing notes):
they are real problems of the site. A change in these numbers is a change in precision: review it.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest

from linter.discover import discover
from linter.site import Sites
from linter.site import index as site_index
from linter.site.index import Target
from tests.conftest import APPLY_PAGE, SITE, lint

LAYOUTS = SITE / "site" / "layouts"

EXPECTED_COUNTS = {
    "DT008": 5,  # a profile's career dates written 01/01/2014…
    "DT009": 9,  # 9h, 23h, 11h30 in blog posts
    "FM002": 1,  # a profile with `expertises` twice
    "LK001": 6,  # `//defis/lab-sante/` (goes to a host `defis`), URLs glued together
    "LK004": 56,  # http:// links
    "LK006": 2,  # demarches-simplifees.fr in both FAQs
    "LK009": 7,  # an address without mailto: (2); a letter case that GitHub Pages refuses (5)
    # "Lorem ipsum" on the cookies page, "Coming soon" in a 2019 post, and 33 profiles whose
    # whole body is « La description de ce profil est en cours de rédaction et sera disponible
    # prochainement. » (`sera disponible prochainement`, issue 16)
    "PH001": 35,
    # Its Decap CMS configuration's schemas, for every page of every collection:
    "RF001": 72,  # relations naming no entry: theme `Service public`, category `Open`, ` DataESR`
    "SC001": 419,  # fields the CMS requires (expertises 172, isSET/urlSET 200, related 47)
    "SC002": 4,  # keys no field describes (`introAlumni`, `administrations`, `candidates`…)
    "SC003": 14,  # `date: 2022` (a number: Decap writes a date, Hugo reads a timestamp)
    "TY001": 49,  # 7ème, 1ère… (not in `related` titles: at the titles themselves)
    "TY002": 72,  # quoted titles and names with a stray space; not at a relation's copy of
    # one: at the entry's title (`Accompagnement `), or RF001 when the copy alone has it
    "TY003": 2,  # n°1, n°2018
}


@pytest.fixture(scope="module")
def site() -> dict:
    code, payload = lint(SITE, extra=("--lang", "en"))  # the site is French: its messages too
    assert code == 1
    return payload


def test_counts_per_rule(site):
    assert site["files_checked"] == 712
    assert site["files_validated"] == 710  # all but the two pages no collection shows
    assert dict(Counter(d["code"] for d in site["diagnostics"])) == EXPECTED_COUNTS


def test_the_apply_page_gets_no_error_and_no_warning(site):
    assert [d for d in site["diagnostics"] if d["path"] == str(APPLY_PAGE)] == []
    assert lint(APPLY_PAGE) == (
        0,
        {"version": 1, "files_checked": 1, "files_validated": 1, "diagnostics": []},
    )


@pytest.mark.parametrize(
    ("page", "row"),
    [
        ("participer/candidats/faq.md", ("LK006", 100, 8, "questions[7].desc: domain `demarches-simplifees.fr` looks like a typo; did you mean `demarches-simplifiees.fr`?")),
        ("blog/retrospective-defis-eig2.md", ("LK001", 45, 13, "`//defis/lab-sante/` points to the host of that name; did you mean `/defis/lab-sante/`?")),
        ("cookies.md", ("PH001", 6, 1, "placeholder text `Lorem ipsum`")),
        ("personnes/anne-lise-coudry.md", ("FM002", 14, 1, "duplicate key `expertises` (first defined at line 9)")),
        ("blog/etre-eig.md", ("LK009", 65, 74, "`/blog/pourquoi-devenir-EIG/` differs from the site's URL `/blog/pourquoi-devenir-eig/` only by letter case: most servers answer “not found”")),
        ("blog/Chiffres-EIG.md", ("LK009", 23, 35, "`/img/promo.PNG` differs from the site's URL `/img/promo.png` only by letter case: most servers answer “not found”")),
        ("defis/artificia.md", ("SC003", 12, 7, "date: expected string, found integer `2022`")),
        ("blog/6-facteurs-de-reussite-defi-eig.md", ("SC001", 1, 1, "missing required key `related` (Lire aussi)")),
        ("blog/10-lorem-ipsum-dolor-sit-amet-consetetur-sadipscing-elitr-consetetur-sadipscing-elitr-consetetur-sadipscing-elitr.md", ("RF001", 10, 5, "categories[1]: `Open` is not the `title` of any entry of the Decap collection `categories`")),
        ("blog/benchmark-eig.md", ("LK009", 78, 119, "`entrepreneur-interet-general@data.gouv.fr` is an e-mail address written as a page link; write `mailto:entrepreneur-interet-general@data.gouv.fr`")),
    ],
)  # fmt: skip
def test_confirmed_real_findings(site, page, row):
    path = str(SITE / "site" / "content" / page)
    rows = [
        (d["code"], d["line"], d["column"], d["message"])
        for d in site["diagnostics"]
        if d["path"] == path
    ]
    assert row in rows


def test_templates_data_and_static_files_are_not_pages(site):
    everything = {file for file, _shown in discover([str(SITE)])}
    pages = {file for file, _shown in discover([str(SITE)], sites=Sites())}
    content = SITE / "site" / "content"
    assert pages == {file for file in everything if content in file.parents}
    assert len([file for file in everything if LAYOUTS in file.parents]) == 34
    assert not [d for d in site["diagnostics"] if not d["path"].startswith(str(content))]


def test_every_internal_link_of_a_sample_resolves_as_the_live_site_serves_it():
    """URLs of the live site (https://www.eig.numerique.gouv.fr), reasoned from Hugo's rules and
    the site's configuration (`removePathAccents`, taxonomies), and what serves each."""
    site = Sites().of(os.path.realpath(APPLY_PAGE))
    index = site_index.of(site)
    content, static = SITE / "site" / "content", SITE / "site" / "static"
    served = {
        "/defis/karfur/": content / "defis" / "karfu’r.md",  # `’` dropped from the path
        "/personnes/eric-le-guen/": content / "personnes" / "éric-le-guen.md",  # accents removed
        "/participer/candidats/": content / "participer" / "candidats" / "_index.md",
        "/participer/candidats/faq": content / "participer" / "candidats" / "faq.md",
        "/img/eig_7_reglement.pdf": static / "img" / "eig_7_reglement.pdf",
    }
    for url, file in served.items():
        found = index.lookup(url)
        assert found is not None and found.file == os.path.realpath(file), url
    assert index.lookup("/themes/") == Target("generated")  # a taxonomy's list
    assert index.lookup("/defis/karfour/") is None
    assert index.suggest("/defis/karfour/") == "/defis/karfur/"
