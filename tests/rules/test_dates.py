"""French date rules: each check, positive and negative, at exact positions."""

from __future__ import annotations

import pytest

from tests.conftest import check_page


@pytest.mark.parametrize(
    ("desc", "expected"),
    [
        # DT001 month-spelling
        ("du 19 aout au 8 septembre 2024", [("DT001", 2, 13, "desc: write `août`, not `aout`")]),
        ("le 5 fevrier 2024", [("DT001", 2, 12, "desc: write `février`, not `fevrier`")]),
        ("le 5 February 2024", [("DT001", 2, 12, "desc: write `février`, not `February`")]),
        ("le 5 janvir 2024", [("DT001", 2, 12, "desc: write `janvier`, not `janvir`")]),
        ("Les 3 étapes, 5 sprints", []),
        # DT002 impossible-date
        ("jusqu'au 31 avril 2024", [("DT002", 2, 16, "desc: 31 avril 2024 does not exist")]),
        ("le 29 février 2023", [("DT002", 2, 10, "desc: 29 février 2023 does not exist")]),
        ("le 32 mai", [("DT002", 2, 10, "desc: 32 mai  does not exist")]),
        ("le 29 février 2024", []),
        # DT003 day-format
        ("du 1 mars au 5 avril 2024", [("DT003", 2, 10, "desc: write `1er`, not `1`, for the first of a month")]),
        ("le 06 mars 2024", [("DT003", 2, 10, "desc: write `6`, not `06`")]),
        ("le 1er mars 2024", []),
        # DT004 month-capital
        ("du 3 Avril au 12 avril 2024", [("DT004", 2, 12, "desc: write `avril` in lower case, not `Avril`")]),
        ("'Avril 2024 : bilan'", []),
        # DT005 weekday-mismatch
        ("lundi 14 mars 2024", [("DT005", 2, 7, "desc: 14 March 2024 is a Thursday, not `lundi`")]),
        ("jeudi 14 mars 2024", []),
        ("lundi 14 mars", []),
        ("mardi 5 mars de 13 h 45 à 14 h 45, et le 12 avril 2024", []),
        ("lundi 5 mars de 13 h 45 à 14 h 45, et le 12 avril 2024", [("DT005", 2, 7, "desc: 5 March 2024 is a Tuesday, not `lundi`")]),
        # (A year read across a New Year: the next one, or the one before, may be meant.)
        ("lundi 8 décembre 2025, auditions ; lundi 12 janvier, annonce", []),
        ("lundi 29 décembre, puis lundi 5 janvier 2026", []),
        ("mardi 12 janvier, annonce ; lundi 8 décembre 2025, auditions", [("DT005", 2, 7, "desc: 12 January 2025 is a Sunday, not `mardi`")]),
        ("mardi 3 juin, et le 4 juillet 2024", [("DT005", 2, 7, "desc: 3 June 2024 is a Monday, not `mardi`")]),
        # DT006 reversed-range, DT007 empty-range
        ("du 25 au 6 juin 2024", [("DT006", 2, 7, "desc: date range runs backwards: `du 25 au 6 juin 2024` ends on 6 June 2024, before it starts on 25 June 2024; is the start's month missing?")]),
        ("du 20 juin au 6 mai 2024", [("DT006", 2, 7, "desc: date range runs backwards: `du 20 juin au 6 mai 2024` ends on 6 May 2024, before it starts on 20 June 2024")]),
        ("du 15 décembre au 10 janvier 2025", []),
        ("du 6 juin au 6 juin 2024", [("DT007", 2, 7, "desc: date range `du 6 juin au 6 juin 2024` starts and ends on the same day")]),
        # DT008 numeric-date, DT009 time-format
        ("Dépôt jusqu'au 12/02/2024", [("DT008", 2, 22, "desc: write `12 février 2024`, not `12/02/2024`")]),
        ("publié le 2024-01-29.", [("DT008", 2, 17, "desc: write `29 janvier 2024`, not `2024-01-29`")]),
        ("le 1er mars 2024 à 23h59", [("DT009", 2, 26, "desc: write `23 h 59`, not `23h59`")]),
        ("'à 23:59 ou 9h'", [("DT009", 2, 10, "desc: write `23 h 59`, not `23:59`"), ("DT009", 2, 19, "desc: write `9 h`, not `9h`")]),
        ("le 1er mars 2024 à 23 h 59", []),
        ("voir [l'article](https://x.fr/2018/12/05/texte)", []),
    ],
)  # fmt: skip
def test_date_rules(tmp_path, desc, expected):
    assert check_page(tmp_path, f"---\ndesc: {desc}\n---\n") == expected


def test_date_fields_and_the_body(tmp_path):
    text = "---\ndate: 2024-01-29\nstart: 2024-01-29T10:00:00Z\n---\nRéunion lundi 14 mars 2024 à 9h.\n"
    assert check_page(tmp_path, text) == [
        ("DT005", 5, 9, "14 March 2024 is a Thursday, not `lundi`"),
        ("DT009", 5, 30, "write `9 h`, not `9h`"),
    ]


def test_french_messages(tmp_path):
    assert check_page(tmp_path, "---\ndesc: du 25 au 6 juin 2024\n---\n", lang="fr") == [
        ("DT006", 2, 7, "desc: période à l’envers : `du 25 au 6 juin 2024` finit le 6 juin 2024, "
         "avant de commencer le 25 juin 2024 ; manque-t-il le mois du début ?"),
    ]  # fmt: skip


def test_positions_in_a_literal_block(tmp_path):
    text = (
        "---\ndesc: |-\n  * Dépôt : du 3 au 26 avril 2024\n  * Entretiens : mardi 6 mai 2024\n---\n"
    )
    assert check_page(tmp_path, text) == [
        ("DT005", 4, 18, "desc: 6 May 2024 is a Monday, not `mardi`")
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_W5_a_time_never_crosses_a_line_end(tmp_path, newline):
    text = f"---{newline}title: Atelier{newline}---{newline}Rendez-vous à 9H{newline}15 personnes.{newline}"
    assert check_page(tmp_path, text) == [("DT009", 4, 15, "write `9 h`, not `9H`")]
