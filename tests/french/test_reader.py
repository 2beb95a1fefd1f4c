"""The French date-expression reader: every form, with spans, and years inferred or left unknown."""

from __future__ import annotations

import datetime

import pytest

from linter.french.dates import read

D = datetime.date


def days(text: str) -> list[tuple]:
    return [(text[d.start : d.end], d.date(), d.year_explicit, d.weekday) for d in read(text).days]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le 29 janvier", [("29 janvier", None, False, None)]),
        ("le 1er mars 2024", [("1er mars 2024", D(2024, 3, 1), True, None)]),
        ("mardi 19 avril 2022", [("mardi 19 avril 2022", D(2022, 4, 19), True, "mardi")]),
        ("jusqu'au 29 février 2024 (inclus)", [("29 février 2024", D(2024, 2, 29), True, None)]),
        ("avant le 15 mai", [("15 mai", None, False, None)]),
        # The nearest explicit year of the same paragraph; none from another paragraph.
        ("mardi 5 mars de 13 h 45 à 14 h 45, puis le 12 avril 2024",
         [("mardi 5 mars", D(2024, 3, 5), False, "mardi"), ("12 avril 2024", D(2024, 4, 12), True, None)]),
        ("jeudi 14 mars.\n\nEn 2019, le 3 juin 2019.",
         [("jeudi 14 mars", None, False, "jeudi"), ("3 juin 2019", D(2019, 6, 3), True, None)]),
        ("3 étapes et 5 sprints", []),
        ("le 5 February 2024", [("5 February 2024", None, True, None)]),
    ],
)  # fmt: skip
def test_days(text, expected):
    assert days(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("du 29 janvier au 1er mars 2024", ("du 29 janvier au 1er mars 2024", D(2024, 1, 29), D(2024, 3, 1))),
        ("du 11 au 29 mars 2024", ("du 11 au 29 mars 2024", D(2024, 3, 11), D(2024, 3, 29))),
        ("du 15 décembre 2024 au 10 janvier 2025", ("du 15 décembre 2024 au 10 janvier 2025", D(2024, 12, 15), D(2025, 1, 10))),
        ("du 15 décembre au 10 janvier 2025", ("du 15 décembre au 10 janvier 2025", D(2024, 12, 15), D(2025, 1, 10))),
        ("Entretiens : 6 au 24 mai 2024", ("6 au 24 mai 2024", D(2024, 5, 6), D(2024, 5, 24))),
        ("du 25 au 6 juin 2024", ("du 25 au 6 juin 2024", D(2024, 6, 25), D(2024, 6, 6))),
    ],
)  # fmt: skip
def test_ranges(text, expected):
    (rng,) = read(text).ranges
    assert (text[rng.start : rng.end], rng.first.date(), rng.last.date()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(février-mars 2024)", [("février-mars 2024", D(2024, 2, 1), D(2024, 3, 31))]),
        ("Sprint n° 3 (juin-juillet 2024)", [("juin-juillet 2024", D(2024, 6, 1), D(2024, 7, 31))]),
        ("janvier 2024", [("janvier 2024", D(2024, 1, 1), D(2024, 1, 31))]),
        ("décembre-janvier 2025", [("décembre-janvier 2025", D(2024, 12, 1), D(2025, 1, 31))]),
    ],
)  # fmt: skip
def test_month_spans(text, expected):
    assert [(text[m.start : m.end], m.first_day, m.last_day) for m in read(text).months] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("à 23 h 59", [("time", "23 h 59", "")]),
        ("de 13 h 45 à 14 h 45", [("time", "13 h 45", ""), ("time", "14 h 45", "")]),
        ("à 9 h", [("time", "9 h", "")]),
        ("à 23h59, 23:59, 23H59 ou 9h", [("bad-time", "23h59", "23 h 59"), ("bad-time", "23:59", "23 h 59"),
                                         ("bad-time", "23H59", "23 h 59"), ("bad-time", "9h", "9 h")]),
        ("le 29/01/2024 ou le 29/01", [("numeric-date", "29/01/2024", "29 janvier 2024"),
                                        ("numeric-date", "29/01", "29 janvier")]),
        ("publié le 2024-01-29 ici", [("iso-date", "2024-01-29", "29 janvier 2024")]),
        ("2024-01-29", []),
        ("2024-01-29T10:00:00Z", []),
        ("24/7, 1/2, 50/50, v1.2/03", []),
    ],
)  # fmt: skip
def test_times_and_house_style_tokens(text, expected):
    assert [(t.kind, text[t.start : t.end], t.rewrite) for t in read(text).tokens] == expected
