"""Correct French prose must pass clean: a realistic public-sector site with no planted problem.

`tests/sites/prose-fr` (its README lists the baits) is written the way French public-sector sites
write, full of what naive rules take for problems: « à venir » in prose, bracketed asides
(`[PhD, 2017]`, `[sic]`, `[None, 5]`, `[EN]`), the same employer or place on several list items,
scores, fractions, versions and school years that look like dates, URLs that embed URLs. The whole
run must report nothing; the second test makes sure the baits are still where they were put.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, run

SITE = ROOT / "tests" / "sites" / "prose-fr"


def test_correct_prose_reports_nothing(monkeypatch):
    monkeypatch.chdir(SITE.parent)
    code, out = run("check", "--format", "json", "--today", "2025-09-19", "prose-fr")
    payload = json.loads(out)
    assert payload["diagnostics"] == []
    assert payload["files_checked"] == 12  # pages only: no layout, include, data or static file
    assert code == 0


BAITS = [
    # « à venir » as ordinary prose
    ("nouveautes.md", 6, "  titre: Nos fonctionnalités à venir"),
    ("nouveautes.md", 8, "    - Export PDF (à venir)"),
    ("nouveautes.md", 21, "## Nos fonctionnalités à venir"),
    ("nouveautes.md", 23, "- Export PDF (à venir)"),
    ("agenda.md", 3, "description: Les événements à venir du laboratoire, à Paris et en ligne."),
    ("index.md", 25, "- [Nos fonctionnalités à venir](/nouveautes/#nos-fonctionnalités-à-venir)"),
    # bracketed asides
    ("equipe.md", 7, "    diplome: Docteure en ergonomie [PhD, 2017]"),
    ("equipe.md", 43, "Docteure en ergonomie [PhD, 2017], Camille"),
    ("_posts/2025-01-03-rapport-activite-2024.md", 8, "annexe: voir l’annexe [7A] du rapport"),
    ("_posts/2024-03-01-lancement-7e-promotion.md", 7, "“trop ambitieux” [sic], nous"),
    ("_posts/2025-01-03-rapport-activite-2024.md", 21, "«\xa0Le numérique […] doit rester"),
    ("faq.md", 5, 'exemple_plage: "[None, 5]"'),
    ("faq.md", 23, "par exemple `[None, 5]` ou `[0, 12]`."),
    ("faq.md", 24, "la plage [None, 5] retient"),
    ("index.md", 4, 'lien_anglais: "[EN] The lab in English"'),
    ("index.md", 26, "- [EN] The lab in English: [read the English version](/en/)"),
    ("_posts/2025-01-03-rapport-activite-2024.md", 26, "[rapport de l’an dernier][1]"),
    ("_posts/2025-01-03-rapport-activite-2024.md", 30, "[1]: https://www.example.gouv.fr/2024-01-03/rapport"),
    # the same long value on successive items
    ("equipe.md", 10, "        employer: Direction interministérielle du numérique (DINUM)"),
    ("equipe.md", 13, "        employer: Direction interministérielle du numérique (DINUM)"),
    ("agenda.md", 7, "    lieu: Auditorium du ministère, 20 avenue de Ségur, Paris"),
    ("agenda.md", 10, "    lieu: Auditorium du ministère, 20 avenue de Ségur, Paris"),
    ("agenda.md", 14, "    lieu: Auditorium du ministère, 20 avenue de Ségur, Paris"),
    # numbers that are not dates
    ("_posts/2024-03-01-lancement-7e-promotion.md", 8, "note_journee: 7/10"),
    ("_posts/2025-01-03-rapport-activite-2024.md", 17, "atteint 7,3/10, contre 6,8/10"),
    ("statistiques.md", 22, "| 2023/2024 | 750 000 | 7,3/10 | 16/20 | 3/4 |"),
    ("faq.md", 31, "Une 1/2 journée. Elle est ouverte aux agents depuis l’année scolaire 2019/2020"),
    ("faq.md", 3, "ouvert 24h/24 et 7j/7."),
    ("faq.md", 38, "(par exemple v2.10 ou 1.2.3)"),
    ("_posts/2024-03-01-lancement-7e-promotion.md", 6, "image_alt: capture-2019-05-03.png"),
    ("nouveautes.md", 43, '![capture-2019-05-03.png](/assets/img/capture-2019-05-03.png "capture-2019-05-03.png")'),
    ("_posts/2025-01-03-rapport-activite-2024.md", 5, "source: https://www.example.gouv.fr/2024-01-03/rapport"),
    ("_posts/2025-01-03-rapport-activite-2024.md", 28, "`export-2024-01-03.csv`"),
    ("statistiques.md", 6, "`statistiques-2025-09-01.csv`"),
    # URLs that embed URLs
    ("index.md", 5, "partage: https://twitter.com/intent/tweet?url=https://lab.example.gouv.fr/"),
    ("index.md", 6, "archive: https://web.archive.org/web/20200101000000/https://www.example.gouv.fr/page"),
    ("index.md", 29, "(https://web.archive.org/web/20200101000000/https://www.example.gouv.fr/page)"),
    ("index.md", 31, "(https://twitter.com/intent/tweet?url=https://lab.example.gouv.fr/)"),
    # correct French dates, times, ordinals
    ("_posts/2024-03-01-lancement-7e-promotion.md", 12, "Vendredi 1er mars 2024, la 7e promotion"),
    ("_posts/2024-03-01-lancement-7e-promotion.md", 13, "C’est la 1re édition"),
    ("recrutement.md", 4, "avis: avis de vacance n°\xa03 du lundi 1er septembre 2025"),
    ("recrutement.md", 28, "jusqu’au vendredi 31 octobre 2025 à 23 h 59."),
    ("recrutement.md", 29, "du lundi 17 au vendredi 21 novembre 2025"),
    # English pages
    ("en/index.md", 3, "lang: en"),
    ("en/index.md", 5, "next_event: Thursday, October 2nd, 2025, 2:30 pm"),
    ("en/index.md", 17, "September 30th at 11:59 pm (23:59, Paris time)"),
    ("en/about.md", 13, "scored 7.3/10 in 2024"),
]  # fmt: skip


@pytest.mark.parametrize(("file", "line", "text"), BAITS)
def test_the_baits_are_in_place(file, line, text):
    lines = (SITE / file).read_text(encoding="utf-8").split("\n")
    assert text in lines[line - 1]
