"""French date rules on real-looking prose: numbers that are not dates, times next to punctuation,
months written without a day, and the house-style options (`[dates]`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.french.dates import read
from linter.rules.dates import table_rows
from tests.conftest import TODAY, found, run


def dates_of(tmp_path: Path, body: str, config: str | None = None) -> list[tuple]:
    """The DT diagnostics of a page whose body is ``body`` (line 4 on), with ``config`` as its
    `.frontlint.toml` (none: no configuration at all)."""
    page = tmp_path / "page.md"
    page.write_text(f"---\ntitle: Page\n---\n{body}", encoding="utf-8", newline="")
    options = ["--isolated"]
    if config is not None:
        (tmp_path / ".frontlint.toml").write_text(config, encoding="utf-8")
        options = ["--config", str(tmp_path / ".frontlint.toml")]
    code, out = run("check", "--format", "json", "--today", TODAY, "--select", "DT", *options,
                    str(page))  # fmt: skip
    assert code in (0, 1), out
    return found(json.loads(out))


# -- DT008: what is a numeric date in prose --------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Note : 7/10, et 7,3/10 en moyenne ; note : 16/20.\n",
        "Score : 8/10. Les 3/4 des participants, 1/2 journée, 50/50.\n",
        "Versions 1.2.3 et v2.10, ouvert 24/7.\n",
        "L'année scolaire 2019/2020 et la promotion 2021/22.\n",
        "![capture-2019-05-03.png](capture-2019-05-03.png)\n",
        "![Capture du 2019-05-03](capture.png) et ![le 03/05/2019](b.png)\n",
        "Voir capture-2019-05-03.png, rapport_2024-01-03.pdf et le fichier 2019-05-03.png.\n",
        "Voir https://x.fr/2024-01-03/rapport et /blog/2024/01/03/ ou ?date=2024-01-03.\n",
        "Une moyenne de 12/10.5 et 3/10,5.\n",
    ],
)
def test_numbers_that_are_not_dates(tmp_path, body):
    assert dates_of(tmp_path, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Réunion le 3/10 à la mairie.\n", [("DT008", 4, 12, "write `3 octobre`, not `3/10`")]),
        ("Ouvert du 3/10 au 5/10.\n", [("DT008", 4, 11, "write `3 octobre`, not `3/10`"),
                                       ("DT008", 4, 19, "write `5 octobre`, not `5/10`")]),
        ("Jusqu’au 12/02 inclus.\n", [("DT008", 4, 10, "write `12 février`, not `12/02`")]),
        ("Atelier lundi 7/10.\n", [("DT008", 4, 15, "write `7 octobre`, not `7/10`")]),
        ("Dépôt (avant 12/02/2024).\n", [("DT008", 4, 14, "write `12 février 2024`, not `12/02/2024`")]),
        ("Publié le 2024-01-29, puis 01/03/24.\n", [
            ("DT008", 4, 11, "write `29 janvier 2024`, not `2024-01-29`"),
            ("DT008", 4, 28, "write `1er mars 2024`, not `01/03/24`"),
        ]),
    ],
)  # fmt: skip
def test_numeric_dates_still_reported(tmp_path, body, expected):
    assert dates_of(tmp_path, body) == expected


def test_a_score_after_a_date_cue_word_needs_the_cue_right_before_it():
    text = "le score 7/10, le 7/10"
    assert [(t.kind, text[t.start : t.end]) for t in read(text).tokens] == [
        ("numeric-date", "7/10")
    ]
    assert read(text).tokens[0].start == 18


# -- [dates] numeric-dates ---------------------------------------------------------------------

TABLE_PAGE = """\
| Étape | Date |
| --- | :---: |
| Dépôt | 12/02/2024 |
Clôture | 2024-03-01

Résultats le 15/03/2024.
"""
IN_TABLE = [
    ("DT008", 8, 11, "write `12 février 2024`, not `12/02/2024`"),
    ("DT008", 9, 11, "write `1er mars 2024`, not `2024-03-01`"),
]
IN_PROSE = [("DT008", 11, 14, "write `15 mars 2024`, not `15/03/2024`")]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (None, IN_TABLE + IN_PROSE),
        ('[dates]\nnumeric-dates = "words"\n', IN_TABLE + IN_PROSE),
        ('[dates]\nnumeric-dates = "tables"\n', IN_PROSE),
        ('[dates]\nnumeric-dates = "any"\n', []),
        ("[dates]\nnumeric-dates = false\n", IN_TABLE + IN_PROSE),  # the yes/no of old: words
        ("[dates]\nnumeric-dates = true\n", []),  # any
    ],
)
def test_numeric_dates_option(tmp_path, config, expected):
    assert dates_of(tmp_path, "Calendrier :\n\n" + TABLE_PAGE, config) == expected


def test_numeric_dates_option_error(tmp_path):
    (tmp_path / ".frontlint.toml").write_text('[dates]\nnumeric-dates = "table"\n')
    (tmp_path / "page.md").write_text("---\ntitle: Page\n---\n")
    code, out = run(
        "check", "--config", str(tmp_path / ".frontlint.toml"), str(tmp_path / "page.md")
    )
    assert code == 2
    assert out.splitlines()[-1].endswith(
        ".frontlint.toml:2:1: `dates.numeric-dates`: expected one of words, tables, any, false, "
        "true; did you mean `tables`?"
    )


def test_table_rows():
    text = "a | b\n--|--\n1 | 2\n\nx | y\n---\n| c |\n|---|\n| 3 |\nfin\n"
    assert [text[a:b] for a, b in table_rows(text)] == [
        "a | b\n", "--|--\n", "1 | 2\n", "| c |\n", "|---|\n", "| 3 |\n",
    ]  # fmt: skip


# -- DT009 and [dates] time-format -------------------------------------------------------------

TIMES = "Accueil à 20h00, atelier 9 h 30 (fin 23:59) et 9h.\n"


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("spaced", [("DT009", 4, 11, "write `20 h`, not `20h00`"),
                    ("DT009", 4, 38, "write `23 h 59`, not `23:59`"),
                    ("DT009", 4, 48, "write `9 h`, not `9h`")]),
        ("compact", [("DT009", 4, 11, "write `20h`, not `20h00`"),
                     ("DT009", 4, 26, "write `9h30`, not `9 h 30`"),
                     ("DT009", 4, 38, "write `23h59`, not `23:59`")]),
        ("compact-minutes", [("DT009", 4, 26, "write `9h30`, not `9 h 30`"),
                             ("DT009", 4, 38, "write `23h59`, not `23:59`"),
                             ("DT009", 4, 48, "write `9h00`, not `9h`")]),
        ("colon", [("DT009", 4, 11, "write `20:00`, not `20h00`"),
                   ("DT009", 4, 26, "write `9:30`, not `9 h 30`"),
                   ("DT009", 4, 48, "write `9:00`, not `9h`")]),
    ],
)  # fmt: skip
def test_time_format_option(tmp_path, form, expected):
    assert dates_of(tmp_path, TIMES, f'[dates]\ntime-format = "{form}"\n') == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Début à 13h45: accueil.\n", [("DT009", 4, 9, "write `13 h 45`, not `13h45`")]),
        ("Début à 13 h 45 : accueil.\n", []),
        # The space before a colon is not the time's.
        ("Accueil 9h : café, 13h\u00a0: repas.\n", [
            ("DT009", 4, 9, "write `9 h`, not `9h`"),
            ("DT009", 4, 20, "write `13 h`, not `13h`"),
        ]),
        ("À 9h30, puis (14h) et 9H30.\n", [("DT009", 4, 3, "write `9 h 30`, not `9h30`"),
                                          ("DT009", 4, 15, "write `14 h`, not `14h`"),
                                          ("DT009", 4, 23, "write `9 h 30`, not `9H30`")]),
        # A duration is written like a time of day: reported.
        ("Comptez 1h30 de trajet.\n", [("DT009", 4, 9, "write `1 h 30`, not `1h30`")]),
        # Rates, chemistry, HTML headings, seconds: not times of day.
        ("Ouvert 24h/24 et 7j/7, 4h/24 ; H2O ; <h1>Titre</h1> ; h2 ; 12:30:45.\n", []),
    ],
)  # fmt: skip
def test_times_next_to_punctuation(tmp_path, body, expected):
    assert dates_of(tmp_path, body) == expected


# -- DT001: months without a day ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Selon la loi de decembre 2022.\n", [("DT001", 4, 17, "write `décembre`, not `decembre`")]),
        ("Publié en octobr 2024.\n", [("DT001", 4, 11, "write `octobre`, not `octobr`")]),
        ("Fevrier 2023 : bilan.\n", [("DT001", 4, 1, "write `février`, not `Fevrier`")]),
        ("## Sprint n° 3 (juin-juilet 2025)\n", [("DT001", 4, 22, "write `juillet`, not `juilet`")]),
        ("De janvier à fevrier 2024.\n", [("DT001", 4, 14, "write `février`, not `fevrier`")]),
        ("De janvir à mars.\n", [("DT001", 4, 4, "write `janvier`, not `janvir`")]),
        ("Depuis la mi-decembre 2022 et d’aout 2023.\n", [
            ("DT001", 4, 14, "write `décembre`, not `decembre`"),
            ("DT001", 4, 33, "write `août`, not `aout`"),
        ]),
        # Short months have real words as neighbours; English alone may be a quotation; capitals
        # are a heading's style.
        ("Mais 2024, main 2024, mari 2024, mare 2024, juif 2024, juni 2024.\n", []),
        ("In March 2024, avant 2024, Avril 2024 : bilan. AOUT 2024. Mai ou juin.\n", []),
    ],
)  # fmt: skip
def test_months_without_a_day(tmp_path, body, expected):
    assert dates_of(tmp_path, body) == expected


def test_a_month_of_a_day_is_reported_once(tmp_path):
    assert dates_of(tmp_path, "Le 5 fevrier 2024.\n") == [
        ("DT001", 4, 6, "write `février`, not `fevrier`")
    ]


# -- A town hall's pages (tests/sites/hugo-mairie): no-break spaces in times, feasts' names -----

NO_BREAK_TIMES = "De 8\u00a0h\u00a030 à 12\u202fh, puis 14\u00a0h\u00a000 et 9 h\u00a015.\n"


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        # `8 h 30` typeset with no-break spaces is the spaced style; `00` is still not written.
        (None, [("DT009", 4, 24, "write `14 h`, not `14\u00a0h\u00a000`")]),
        ('[dates]\ntime-format = "compact"\n', [
            ("DT009", 4, 4, "write `8h30`, not `8\u00a0h\u00a030`"),
            ("DT009", 4, 13, "write `12h`, not `12\u202fh`"),
            ("DT009", 4, 24, "write `14h`, not `14\u00a0h\u00a000`"),
            ("DT009", 4, 35, "write `9h15`, not `9 h\u00a015`"),  # the minutes are the time's
        ]),
    ],
)  # fmt: skip
def test_times_with_no_break_spaces(tmp_path, config, expected):
    assert dates_of(tmp_path, NO_BREAK_TIMES, config) == expected


def test_a_feast_named_by_its_day_takes_a_capital_its_date_does_not(tmp_path):
    body = (
        "Le feu d’artifice du 14 Juillet, la fête du 1er Mai, l’appel du 18 Juin, la cérémonie "
        "du 11 Novembre.\nLe 11 Novembre 2025, le 8 Mai 1945 et le 3 Avril.\n"
    )
    assert dates_of(tmp_path, body) == [
        ("DT004", 5, 7, "write `novembre` in lower case, not `Novembre`"),
        ("DT004", 5, 27, "write `mai` in lower case, not `Mai`"),
        ("DT004", 5, 44, "write `avril` in lower case, not `Avril`"),
    ]
