"""Placeholder rules: phrases, template fields, staleness by date, repeated text."""

from __future__ import annotations

import pytest

from tests.conftest import SEED, check_page, lint

SEED_ROWS = [(33, 53, 2), (34, 53, 3), (37, 53, 4)]
PERIODS = ["juin-juillet 2024", "septembre-octobre 2024", "novembre-décembre 2024"]


def test_seed_placeholders_are_warnings_before_their_sprints():
    code, payload = lint(SEED, extra=("--today", "2024-03-01"))
    assert code == 0
    placeholders = [d for d in payload["diagnostics"] if d["code"].startswith("PH")]
    assert [(d["code"], d["severity"], d["line"], d["column"], d["message"]) for d in placeholders] == [
        ("PH001", "warning", line, col, f"steps.dates[{i}].desc: placeholder text `seront communiquées "
         f"prochainement` for {period}: write the real content before it starts")
        for (line, col, i), period in zip(SEED_ROWS, PERIODS, strict=True)
    ]  # fmt: skip


def test_seed_placeholders_are_stale_errors_once_their_sprints_started():
    code, payload = lint(SEED, extra=("--today", "2026-11-26"))
    assert code == 1
    starts = ["1 June 2024", "1 September 2024", "1 November 2024"]
    placeholders = [d for d in payload["diagnostics"] if d["code"].startswith("PH")]
    assert [(d["code"], d["severity"], d["line"], d["column"], d["message"]) for d in placeholders] == [
        ("PH002", "error", line, col, f"steps.dates[{i}].desc: stale placeholder `seront communiquées "
         f"prochainement`: {period} started on {start}")
        for (line, col, i), period, start in zip(SEED_ROWS, PERIODS, starts, strict=True)
    ]  # fmt: skip


def test_staleness_turns_on_the_first_day_of_the_period():
    _code, payload = lint(SEED, extra=("--today", "2024-06-01"))
    assert [d["code"] for d in payload["diagnostics"]] == ["PH002", "SQ006", "PH001", "PH001"]
    assert lint(SEED, extra=("--today", "2024-05-31"))[1]["diagnostics"][0]["code"] == "PH001"


def test_french_message_with_french_date(tmp_path):
    text = "---\nsteps:\n  - date: Sprint n° 1 (mars 2024)\n    desc: Dates à venir\n---\n"
    assert check_page(tmp_path, text, today="2024-03-01", lang="fr") == [
        ("PH002", 4, 11, "steps[0].desc: texte provisoire périmé `Dates à venir` : mars 2024 a commencé le 1er mars 2024"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("TODO", [("PH001", 2, 8, "title: placeholder text `TODO`")]),
        ("Atelier FIXME", [("PH001", 2, 16, "title: placeholder text `FIXME`")]),
        ("'Lorem ipsum dolor sit amet'", [("PH001", 2, 9, "title: placeholder text `Lorem ipsum`")]),
        ("Les dates seront annoncées prochainement", [("PH001", 2, 18, "title: placeholder text `seront annoncées prochainement`")]),
        ("Coming soon", [("PH001", 2, 8, "title: placeholder text `Coming soon`")]),
        ("À compléter", [("PH001", 2, 8, "title: placeholder text `À compléter`")]),
        ("Lieu (à définir)", [("PH001", 2, 13, "title: placeholder text `(à définir)`")]),
        ("Rendez-vous le [15 avril]", [("PH001", 2, 23, "title: placeholder text `[15 avril]`")]),
        ("'[Titre]'", [("PH001", 2, 9, "title: placeholder text `[Titre]`")]),
        # Not placeholders.
        ("Les défis des années à venir", []),
        ("'[Vidéo] Restitution des défis'", []),
        ("Voir [la page](/x) et [ref]", []),
        ("Citation […] coupée", []),
        ("Ma todo liste", []),
    ],
)  # fmt: skip
def test_phrases_in_front_matter(tmp_path, value, expected):
    assert check_page(tmp_path, f"---\ntitle: {value}\n---\n") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Texte.\n\nTODO: relire\n", [("PH001", 6, 1, "placeholder text `TODO`")]),
        ("J'ai dans ma TODO liste une idée.\n", []),
        ("Code : `TODO: x` et `lorem ipsum`\n", []),
        ("*Coming soon*, le récit.\n", [("PH001", 4, 2, "placeholder text `Coming soon`")]),
    ],
)
def test_phrases_in_the_body(tmp_path, body, expected):
    assert check_page(tmp_path, f"---\ntitle: Page\n---\n{body}") == expected


def test_repeated_dates_across_items_with_other_headings(tmp_path):
    desc = "Dépôt des dossiers du 29 janvier au 1er mars 2024 à 23 h 59"
    text = (
        "---\nsteps:\n"
        f"  - date: Sprint n° 1 (février-mars 2024)\n    desc: {desc}\n"
        f"  - date: Sprint n° 2 (avril-mai 2024)\n    desc: {desc}\n"
        "  - date: Sprint n° 3 (juin 2024)\n    desc: Dépôt des dossiers du 2 au 20 mai 2024\n"
        f"  - date: Sprint n° 4 (septembre 2024)\n    desc: {desc}\n"
        "---\n"
    )
    message = "same dates as `steps[0].desc` (line 4) under another heading: a copy left unedited?"
    assert check_page(tmp_path, text) == [
        ("PH003", 6, 11, f"steps[1].desc: {message}"),
        ("PH003", 10, 11, f"steps[3].desc: {message}"),
    ]
