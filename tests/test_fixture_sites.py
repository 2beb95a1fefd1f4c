"""The acceptance test of the site model: two realistic sites of both generators (tests/sites).

Each site's README lists the problems planted in it; everything else is correct content written
to catch false alarms (templates, Liquid and shortcodes in pages, English pages, HTML pages,
every URL form). The whole run must report exactly the planted problems, at their exact places.
"""

from __future__ import annotations

import os

import pytest

from linter.site import Sites
from linter.site import index as site_index
from linter.site.index import Target
from tests.conftest import ROOT, lint

SITES = ROOT / "tests" / "sites"
JEKYLL, HUGO = SITES / "jekyll-fr", SITES / "hugo-multi"

PLANTED = [
    ("hugo-multi/content/actualites/2025-rapport/index.md", "DT004", 13, 3, "write `avril` in lower case, not `Avril`"),
    ("hugo-multi/content/actualites/2025-rapport/index.md", "LK009", 22, 33, "no page or file of the site is at `/documents/rapport-2023.pdf`; did you mean `/documents/rapport-2024.pdf`?"),
    ("hugo-multi/content/actualites/atelier-usagers.md", "TY003", 10, 85, "write `n°\xa03` with a non-breaking space, not `n°3`"),
    ("hugo-multi/content/actualites/atelier-usagers.md", "LK009", 25, 50, "this template reference names `compte-rendu-atelier-3.md`, which is no file of the site"),
    ("hugo-multi/content/actualites/atelier-usagers.md", "LK009", 28, 18, "no page or file of the site is at `/services/accompagnement/`; did you mean `/services/accompagnement-numerique/`?"),
    ("hugo-multi/content/services/_index.md", "LK010", 7, 75, "`#nos-valeurs` is not an anchor of `/a-propos/`, whose anchors are: #qui-sommes-nous-, #nos-missions, #notre-équipe, #contact-presse"),
    ("hugo-multi/content/services/formation.md", "LK009", 21, 78, "no page or file of the site is at `/services/acompagnement/`; did you mean `/services/accompagnement-numerique/`?"),
    ("jekyll-fr/_offres/designer.md", "DT001", 14, 5, "write `septembre`, not `septmbre`"),
    ("jekyll-fr/_offres/developpeur.md", "DT009", 24, 62, "write `23 h 59`, not `23h59`"),
    ("jekyll-fr/_posts/2025-03-12-lancement.md", "LK009", 26, 74, "no page or file of the site is at `/assets/docs/guide-2024.pdf`; did you mean `/assets/docs/guide.pdf`?"),
    ("jekyll-fr/a-propos.md", "LK010", 15, 56, "`#remuneration` is not an anchor of `/faq/`, whose anchors are: #foire-aux-questions, #quest-ce-quun-eig-, #comment-postuler-, #quelle-est-la-durée-du-programme-, #quelle-est-la-rémunération-, …"),
    ("jekyll-fr/a-propos.md", "LK009", 23, 82, "no page or file of the site is at `/equipe/alice/`"),
    ("jekyll-fr/contact.html", "LK009", 33, 16, "no page or file of the site is at `/mentions-legales/`"),
    ("jekyll-fr/index.md", "LK009", 28, 49, "no page or file of the site is at `/offres/developpeuse/`; did you mean `/offres/developpeur/`?"),
]  # fmt: skip


def test_both_sites_report_exactly_the_planted_problems(monkeypatch):
    monkeypatch.chdir(SITES)
    code, out = lint("jekyll-fr", "hugo-multi", extra=("--today", "2026-11-26", "--lang", "en"))
    assert code == 1
    assert out["files_checked"] == 25  # pages only: no template, data or static file
    rows = [
        (d["path"], d["code"], d["line"], d["column"], d["message"]) for d in out["diagnostics"]
    ]
    assert rows == PLANTED


@pytest.mark.parametrize(
    ("root", "url", "file"),
    [
        (JEKYLL, "/", "index.md"),
        (JEKYLL, "/a-propos/", "a-propos.md"),
        (JEKYLL, "/contact/", "contact.html"),
        (JEKYLL, "/2025/03/12/lancement/", "_posts/2025-03-12-lancement.md"),
        (JEKYLL, "/actualites/2025/06/01/bilan/", "_posts/2025-06-01-bilan.md"),
        (JEKYLL, "/bilan-2025/", "_posts/2025-06-01-bilan.md"),
        (JEKYLL, "/offres/developpeur/", "_offres/developpeur.md"),
        (JEKYLL, "/en/about/", "en/about.md"),
        (JEKYLL, "/assets/docs/guide.pdf", "assets/docs/guide.pdf"),
        (JEKYLL, "/assets/css/style.css", "assets/css/style.scss"),
        (JEKYLL, "/equipe/alice/", None),  # `output: false`
        (JEKYLL, "/brouillon/", None),  # a draft
        (JEKYLL, "/scripts/modele-offre/", None),  # excluded
        (HUGO, "/a-propos/", "content/a-propos.md"),
        (HUGO, "/qui-sommes-nous/", "content/a-propos.md"),
        (HUGO, "/en/about/", "content/a-propos.en.md"),
        (HUGO, "/actualites/2025/04/rapport-annuel/", "content/actualites/2025-rapport/index.md"),
        (HUGO, "/actualites/2025/04/rapport-annuel/graphique.png", "content/actualites/2025-rapport/graphique.png"),
        (HUGO, "/services/accompagnement-numerique/", "content/services/accompagnement.md"),
        (HUGO, "/formation-agents/", "content/services/formation.md"),
        (HUGO, "/en/services/formation/", "content/services/formation.en.md"),
        (HUGO, "/img/logo.png", "static/img/logo.png"),
        (HUGO, "/services/formation/", None),  # `url:` replaced it
        (HUGO, "/layouts/_default/single.html", None),
    ],
)  # fmt: skip
def test_each_url_form_is_served_by_its_file(root, url, file):
    site = Sites().of(os.path.realpath(root / "index.md"))
    assert site.root == root
    found = site_index.of(site).lookup(url)
    if file is None:
        assert found is None
    else:
        assert found is not None and found.file == os.path.realpath(root / file)


def test_generated_pages_are_served(monkeypatch):
    site = Sites().of(os.path.realpath(HUGO / "content" / "contact.md"))
    index = site_index.of(site)
    for url in ("/actualites/", "/tags/", "/tags/innovation/", "/en/", "/index.xml"):
        assert index.lookup(url) is not None, url
    assert index.lookup("/services/") == Target(
        "page", os.path.realpath(HUGO / "content" / "services" / "_index.md")
    )
