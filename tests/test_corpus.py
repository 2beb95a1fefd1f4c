"""The whole real site (712 pages), as a user runs it: what it reports, and what it leaves alone.

The site is the copy in tests/corpus (see its NOTICE). Its Hugo templates (`site/layouts/`) are
left out through a configuration file: today the linter would read them as pages.

Every diagnostic counted here was reviewed against the page it points to (see the closing notes):
they are real problems of the site. A change in these numbers is a change in precision: review it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from linter import config
from linter.discover import discover
from linter.rules import all_rules
from tests.conftest import APPLY_PAGE, SITE, lint

LAYOUTS = SITE / "site" / "layouts"
# The linter reads Hugo templates (site/layouts/**.html) as pages until the site-model issue teaches
# it a site's structure; until then this run leaves out that folder, and only it (see the last test).
# `*/` because a pattern is matched against the path relative to the configuration's folder (a
# temporary one here), else against the whole path.
CONFIG = 'extend-exclude = ["*/eig-site/site/layouts"]\n'

EXPECTED_COUNTS = {
    "DT008": 5,  # a profile's career dates written 01/01/2014…
    "DT009": 9,  # 9h, 23h, 11h30 in blog posts
    "FM002": 1,  # a profile with `expertises` twice
    "LK001": 6,  # `//defis/lab-sante/` (goes to a host `defis`), URLs glued together
    "LK004": 56,  # http:// links
    "LK006": 2,  # demarches-simplifees.fr in both FAQs
    "PH001": 2,  # "Lorem ipsum" on the cookies page, "Coming soon" in a 2019 post
    "TY001": 52,  # 7ème, 1ère…
    "TY002": 117,  # quoted titles and names with a stray space
    "TY003": 2,  # n°1, n°2018
}


@pytest.fixture(scope="module")
def config_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus-config") / ".frontlint.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site(config_file: Path) -> dict:
    code, payload = lint(SITE, extra=("--config", str(config_file)))
    assert code == 1
    return payload


def test_counts_per_rule(site):
    assert site["files_checked"] == 712
    assert dict(Counter(d["code"] for d in site["diagnostics"])) == EXPECTED_COUNTS


def test_the_apply_page_gets_no_error_and_no_warning(site):
    assert [d for d in site["diagnostics"] if d["path"] == str(APPLY_PAGE)] == []
    assert lint(APPLY_PAGE) == (0, {"version": 1, "files_checked": 1, "diagnostics": []})


@pytest.mark.parametrize(
    ("page", "row"),
    [
        ("participer/candidats/faq.md", ("LK006", 100, 8, "questions[7].desc: domain `demarches-simplifees.fr` looks like a typo; did you mean `demarches-simplifiees.fr`?")),
        ("blog/retrospective-defis-eig2.md", ("LK001", 45, 13, "`//defis/lab-sante/` points to the host of that name; did you mean `/defis/lab-sante/`?")),
        ("cookies.md", ("PH001", 6, 1, "placeholder text `Lorem ipsum`")),
        ("personnes/anne-lise-coudry.md", ("FM002", 14, 1, "duplicate key `expertises` (first defined at line 9)")),
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


def test_the_hugo_templates_are_the_one_thing_left_out(config_file):
    # The site-model issue will remove this exclusion (and this test).
    assert LAYOUTS.is_dir()
    settings = config.load(config_file, frozenset(rule.code for rule in all_rules()))
    everything = {file for file, _shown in discover([str(SITE)])}
    checked = {file for file, _shown in discover([str(SITE)], settings)}
    left_out = everything - checked
    assert checked < everything
    assert left_out == {file for file in everything if LAYOUTS in file.parents}
    assert len(left_out) == 34  # every template of site/layouts is an .html file
