"""Correct French administrative prose must pass clean: a town hall's site on Hugo (issue 16).

`tests/sites/hugo-mairie` (its README lists the baits) is written the way town halls write:
deliberations and articles of law, opening hours typeset with no-break spaces, feasts named
`14 Juillet` and `11 Novembre`, an editor's note `[Mise à jour du …]`, forms « à compléter »,
tables aligned with `---:`, scores, fractions, prices, numbers of laws. The whole run must report
nothing, TY004 as the site configures it too; the last test makes sure the baits are still where
they were put.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, run

SITE = ROOT / "tests" / "sites" / "hugo-mairie"
NBSP = "\u00a0"


def test_correct_prose_reports_nothing(monkeypatch):
    monkeypatch.chdir(SITE.parent)
    code, out = run(
        "check", "--no-cache", "--format", "json", "--today", "2025-09-19", "--lang", "en",
        "hugo-mairie",
    )  # fmt: skip
    payload = json.loads(out)
    assert payload["diagnostics"] == []
    assert payload["files_checked"] == 15  # pages only: no layout, i18n, data or static file
    assert code == 0


def test_french_spacing_as_the_site_configures_it_reports_nothing(monkeypatch):
    monkeypatch.chdir(SITE)  # its .frontlint.toml: `no-break-space = "no-break"`
    code, out = run(
        "check", "--no-cache", "--format", "json", "--today", "2025-09-19", "--lang", "en",
        "--select", "TY004", ".",
    )  # fmt: skip
    assert (code, json.loads(out)["diagnostics"]) == (0, [])
    # Without it, the default style wants narrow no-break spaces before `; ! ?`: the run reads
    # the marks, and only those.
    code, out = run(
        "check", "--no-cache", "--isolated", "--format", "json", "--today", "2025-09-19",
        "--lang", "en", "--select", "TY004", ".",
    )  # fmt: skip
    messages = {d["message"].split(": ")[-1] for d in json.loads(out)["diagnostics"]}
    assert messages == {
        f"the space before `{mark}` should be a narrow no-break space (U+202F)" for mark in ";!?"
    }


BAITS = [
    # times typeset with no-break spaces (DT009)
    ("content/_index.md", 11, f"- du lundi au vendredi de 8{NBSP}h{NBSP}30 à 12{NBSP}h et de 13{NBSP}h{NBSP}30"),
    ("content/agenda/ceremonie-11-novembre.md", 12, f"- 10{NBSP}h{NBSP}30{NBSP}: rassemblement"),
    ("content/demarches/_index.md", 21, f"24{NBSP}h/24 et 7{NBSP}j/7"),
    # feasts by their names (DT004), and the dates in lower case
    ("content/agenda/_index.md", 11, "feu d’artifice du 14 Juillet, cinéma"),
    ("content/agenda/ceremonie-11-novembre.md", 2, "title: Cérémonie du 11 Novembre"),
    ("content/agenda/ceremonie-11-novembre.md", 18, "comme chaque 11 Novembre"),
    ("content/agenda/ceremonie-11-novembre.md", 10, "l’armistice du 11 novembre 1918, le mardi 11 novembre 2025."),
    # an editor's note, a form to fill in, « à venir » in prose and over a list (PH001)
    ("content/actualites/travaux-rue-du-8-mai-1945.md", 9, "**[Mise à jour du 12 septembre 2025]** Le Syndicat"),
    ("content/demarches/inscription-restaurant-scolaire.md", 29, f"- la fiche sanitaire à compléter{NBSP};"),
    ("content/agenda/_index.md", 6, "Retrouvez tous les événements à venir,"),
    ("content/actualites/travaux-rue-du-8-mai-1945.md", 23, "## Travaux à venir"),
    # tables aligned to the right and centred (TY004)
    ("content/agenda/marche-de-noel.md", 14, "| :--- | :---: | ---: | ---: |"),
    ("content/demarches/inscription-restaurant-scolaire.md", 40, "| --- | --- | ---: |"),
    # numbers that are not dates (DT008)
    ("content/_index.md", 25, "(25/18, 21/25, 25/19, 25/22)"),
    ("content/_index.md", 26, "l’emporte 21/18, 21/11 et"),
    ("content/conseil-municipal/seance-2025-06-26.md", 53, "facturé à 1/2 tarif."),
    ("content/demarches/inscription-restaurant-scolaire.md", 35, "## Tarifs de l’année scolaire 2025/2026"),
    ("content/mentions-legales.md", 21, "règlement (UE) 2016/679"),
    ("content/conseil-municipal/seance-2025-06-26.md", 18, f"## Délibération n°{NBSP}2025-031{NBSP}:"),
    ("content/conseil-municipal/seance-2025-09-25.md", 30, f"n°{NBSP}2019-1461 du 27 décembre 2019"),
    # references, and the same role and list on several items (PH001, PH003)
    ("content/conseil-municipal/seance-2025-09-25.md", 36, "[1] Le pouvoir est écrit et signé"),
    ("content/conseil-municipal/_index.md", 22, "    fonction: conseiller municipal délégué"),
    ("content/conseil-municipal/_index.md", 30, "    fonction: conseiller municipal délégué"),
    ("content/conseil-municipal/_index.md", 32, f"    liste: «{NBSP}Saint-Aubin ensemble{NBSP}»"),
    # links
    ("content/_index.md", 32, "(/demarches/inscription-restaurant-scolaire/#pi%C3%A8ces-%C3%A0-fournir)"),
    ("content/conseil-municipal/_index.md", 72, "(https://fr.wikipedia.org/wiki/Conseil_municipal_(France))"),
    ("content/demarches/_index.md", 13, "(https://anct.gouv.fr/) (ANCT))"),
    ("content/demarches/_index.md", 22, "(https://immatriculation.ants.gouv.fr/)"),
]  # fmt: skip


@pytest.mark.parametrize(("file", "line", "text"), BAITS)
def test_the_baits_are_in_place(file, line, text):
    lines = (SITE / file).read_text(encoding="utf-8").split("\n")
    assert text in lines[line - 1]
