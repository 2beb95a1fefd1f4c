"""The French date reader tries its patterns only where a match can start (``_matches``, derived
from the digit runs of the text): it must find exactly what ``finditer`` over the whole text
finds, on real pages and on generated text full of the characters that border a match."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.french import dates

SITES = Path(__file__).parent / "sites"

ANCHORED = {
    "_RANGE": lambda runs, text: iter(dates._days(runs, text)),
    "_SINGLE": lambda runs, text: iter(dates._days(runs, text)),  # (`du`: as read() does)
    "_MONTH_SPAN": lambda runs, text: dates._year_starts(runs, text, None, pair=True),
    "_MONTH_BEFORE_YEAR": lambda runs, text: dates._year_starts(runs, text, dates._SPACES, False),
    "_GOOD_TIME": lambda runs, text: iter(dates._hours(runs, text)),
    "_BAD_TIME": lambda runs, text: iter(dates._hours(runs, text)),
    "_NUMERIC": lambda runs, text: iter(dates._slashed(runs, text)),
    "_ISO": lambda runs, text: iter(dates._dashed(runs, text)),
}

TOKENS = (
    "du", "Du", "au", "lundi", "Lundi", "dimanche", "1er", "er", "3", "12", "31", "07", "0", "29",
    "19", "20", "2000", "2024", "1999", "mars", "Avril", "juin-juillet", "décembre", "decembre",
    "-", "–", "/", "/10", ".", ",", ":", "h", "H", "9H", "15", "×", "÷", "ÿ", "é", "x", "a", "le",
    "dès", "٣", "2019-05-03", " ", "  ", "\n", "\t", "\r", "\u00a0", "\u202f", "\u2003", "\x1c",
    "ème", "e", "7ème", "h30", ":30",
)  # fmt: skip


def found(name: str, text: str) -> tuple[list, list]:
    pattern = getattr(dates, name)
    runs = [match.span() for match in dates._DIGIT_RUN.finditer(text)]
    everywhere = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    anchored = [
        (m.span(), m.groups()) for m in dates._matches(pattern, text, ANCHORED[name](runs, text))
    ]
    return everywhere, anchored


@pytest.mark.parametrize("name", sorted(ANCHORED))
def test_the_fixture_sites_read_the_same(name):
    pages = sorted(SITES.rglob("*.md"))
    assert len(pages) > 20
    matched = 0
    for page in pages:
        everywhere, anchored = found(name, page.read_text(encoding="utf-8"))
        assert anchored == everywhere, page
        matched += len(everywhere)
    if name in ("_SINGLE", "_MONTH_BEFORE_YEAR", "_GOOD_TIME"):
        assert matched > 10  # (the fixtures do hold such dates: the comparison compares something)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=24).map("".join))
def test_generated_text_reads_the_same(text):
    for name in ANCHORED:
        everywhere, anchored = found(name, text)
        assert anchored == everywhere, name


@pytest.mark.parametrize(
    ("text", "name", "spans"),
    [
        ("Avril – ×er 2024", "_MONTH_SPAN", [(0, 16)]),  # a second month word after `×`
        ("é9H×dès\n2019 x", "_MONTH_SPAN", [(4, 12)]),  # a word starting after `×`
        ("du lundi 3 au 5 mars", "_RANGE", [(0, 20)]),
        ("xdu 3 au 5 mars", "_RANGE", [(4, 15)]),  # `du` inside a word: the range starts at 3
    ],
)
def test_the_borders_of_a_match(text, name, spans):
    everywhere, anchored = found(name, text)
    assert [span for span, _groups in anchored] == [span for span, _groups in everywhere] == spans
