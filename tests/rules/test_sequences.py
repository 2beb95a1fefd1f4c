"""Sequence rules on the apply page's sprint calendar (declared by `x-frontlint-sequence`)."""

from __future__ import annotations

import pytest

from tests.conftest import APPLY_PAGE, SEED, check_page, lint

APPLY = APPLY_PAGE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param("Sprint n° 4 (mars-avril 2025)", "Sprint n° 6 (mars-avril 2025)",
                     [("SQ001", 33, 23, "steps.dates[3].date: number 6 where 4 is expected in the sequence")], id="gap"),
        pytest.param("Sprint n° 2 (avril-mai 2024)", "Sprint n° 1 (avril-mai 2024)",
                     [("SQ001", 25, 23, "steps.dates[1].date: number 1 again (already `Sprint n° 1 (février-mars 2024)`)")],
                     id="duplicate"),
        pytest.param("du 3 au 26 avril 2024", "du 20 mars au 26 avril 2024",
                     [("SQ002", 27, 32, "steps.dates[1].desc: starts on 20 March 2024, before "
                       "`Sprint n° 1 (février-mars 2024)` ends (29 March 2024)")], id="overlap"),
        pytest.param("du 6 mars au 11 avril 2025", "du 6 mars au 11 avril 2024", [
            ("SQ002", 35, 32, "steps.dates[3].desc: starts on 6 March 2024, before `Sprint n° 3 "
             "(août-septembre 2024)` ends (4 October 2024)"),
        ], id="year-typo"),
        pytest.param("du 6 au 24 mai 2024", "du 16 au 30 avril 2024",
                     [("SQ003", 28, 37, "steps.dates[1].desc: `du 16 au 30 avril 2024` starts before "
                       "`du 3 au 26 avril 2024` ends (26 April 2024)")], id="interviews-before-deadline"),
        pytest.param("Sprint n° 3 (août-septembre 2024)", "Sprint n° 3 (juin-juillet 2024)",
                     [("SQ004", 29, 26, "steps.dates[2].date: heading says `juin-juillet 2024` but the dates "
                       "run from 19 August 2024 to 4 October 2024")], id="heading"),
        pytest.param("  title: Calendrier\n", "  title: Les 4 sprints\n",
                     [("SQ005", 19, 14, "steps.title: `4 sprints` announced, but `steps.dates` has 5")], id="count"),
        pytest.param("  title: Calendrier\n", "  title: Les 5 sprints\n", [], id="count-right"),
        pytest.param("du 6 au 24 mai 2024", "du 25 au 6 juin 2024",
                     [("DT006", 28, 37, "steps.dates[1].desc: date range runs backwards: `du 25 au 6 juin 2024` "
                       "ends on 6 June 2024, before it starts on 25 June 2024; is the start's month missing?")],
                     id="published-mistake"),
    ],
)  # fmt: skip
def test_sequence_rules_on_broken_copies_of_the_apply_page(tmp_path, old, new, expected):
    assert old in APPLY
    assert check_page(tmp_path, APPLY.replace(old, new, 1)) == expected


def test_the_real_apply_page_and_its_correct_heading_are_left_alone():
    # `février-mars 2024` over `du 29 janvier au 1er mars 2024` overlaps: correct, not reported.
    assert lint(APPLY_PAGE)[1]["diagnostics"] == []


def test_key_order_and_announced_count_on_the_seed():
    _code, payload = lint(SEED, extra=("--today", "2024-03-01"))
    rows = [
        (d["code"], d["severity"], d["line"], d["column"], d["message"])
        for d in payload["diagnostics"]
    ]
    assert (
        "SQ006",
        "info",
        34,
        7,
        "steps.dates[3]: keys not in the order of the first item (date, desc)",
    ) in rows
    assert [r for r in rows if r[0] == "SQ005"] == []  # `5 sprints`, `l'un des 5 sprints`: 5 items


def test_a_list_without_the_annotation_is_not_a_sequence(tmp_path):
    text = "---\nitems:\n  - date: Sprint n° 4\n  - date: Sprint n° 9\n---\n"
    assert check_page(tmp_path, text) == []


def test_an_annotation_behind_a_ref_to_another_schema_file_is_honoured(tmp_path, monkeypatch):
    """Validation and rules resolve `$ref` alike: a sequence declared in another file counts."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "defs.json").write_text(
        '{"$defs": {"calendar": {"type": "array", "x-frontlint-sequence": '
        '{"heading": "date", "details": "desc"}}}}',
        encoding="utf-8",
    )
    (tmp_path / "schemas" / "event.schema.json").write_text(
        '{"type": "object", "properties": {"sprints": {"$ref": "defs.json#/$defs/calendar"}}}',
        encoding="utf-8",
    )
    (tmp_path / "page.md").write_text(
        "---\nlayout: event\nsprints:\n"
        "  - date: Sprint n° 1 (mars 2024)\n    desc: Dépôt des dossiers du 4 au 29 mars 2024\n"
        "  - date: Sprint n° 3 (avril 2024)\n    desc: Dépôt des dossiers du 2 au 26 avril 2024\n"
        "---\n",
        encoding="utf-8",
    )
    _code, payload = lint("page.md", extra=("--select", "SQ"))
    assert [(d["code"], d["line"], d["column"], d["message"]) for d in payload["diagnostics"]] == [
        ("SQ001", 6, 21, "sprints[1].date: number 3 where 2 is expected in the sequence"),
    ]
