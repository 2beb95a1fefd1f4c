"""Periods named in French text."""

from __future__ import annotations

import datetime

import pytest

from linter.french.dates import periods

D = datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sprint n° 3 (juin-juillet 2024)", [(D(2024, 6, 1), D(2024, 7, 31), "juin-juillet 2024")]),
        ("Sprint n° 1 (février-mars 2024)", [(D(2024, 2, 1), D(2024, 3, 31), "février-mars 2024")]),
        ("session de décembre-janvier 2025", [(D(2024, 12, 1), D(2025, 1, 31), "décembre-janvier 2025")]),
        ("en septembre 2025", [(D(2025, 9, 1), D(2025, 9, 30), "septembre 2025")]),
        ("le 1er mars 2024 à 23 h 59", [(D(2024, 3, 1), D(2024, 3, 1), "1er mars 2024")]),
        ("Aout 2024 et fevrier 2025", [(D(2024, 8, 1), D(2024, 8, 31), "Aout 2024"),
                                       (D(2025, 2, 1), D(2025, 2, 28), "fevrier 2025")]),
        ("en juin", []),
        ("le 31 avril 2024", []),  # an impossible day names no period (DT002 reports it)
        ("mars 1850", []),
    ],
)  # fmt: skip
def test_periods(text, expected):
    assert [(p.start, p.end, text[p.first : p.last]) for p in periods(text)] == expected
