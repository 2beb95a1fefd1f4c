"""Periods named in French text: `juin-juillet 2024`, `(février-mars 2024)`, `1er mars 2024`.

Pure functions. A period needs an explicit year: without one, nothing is returned (never guess).
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip

_SPELLINGS = {name: number for number, name in enumerate(MONTHS, 1)}
_SPELLINGS.update({"fevrier": 2, "aout": 8, "decembre": 12})
_MONTH = "|".join(sorted(_SPELLINGS, key=len, reverse=True))

_MONTH_RANGE = re.compile(
    rf"\b(?P<m1>{_MONTH})(?:\s*[-–/à]\s*|\s+(?:à|au|et)\s+)?(?P<m2>{_MONTH})?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_DAY_DATE = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:er)?\s+(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    first: int
    """Offsets of the text that names the period."""
    last: int


def month_number(word: str) -> int | None:
    return _SPELLINGS.get(word.lower())


def _last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def periods(text: str) -> list[Period]:
    """Every month range, month or dated day with an explicit year named in ``text``."""
    found: list[Period] = []
    taken: list[range] = []
    for match in _DAY_DATE.finditer(text):
        month = month_number(match["month"])
        year = int(match["year"])
        try:
            day = datetime.date(year, month or 0, int(match["day"]))
        except ValueError:
            continue
        found.append(Period(day, day, match.start(), match.end()))
        taken.append(range(match.start(), match.end()))
    for match in _MONTH_RANGE.finditer(text):
        if any(match.start() in span for span in taken):
            continue
        year = int(match["year"])
        first = month_number(match["m1"]) or 1
        last = month_number(match["m2"]) if match["m2"] else first
        assert last is not None
        start_year = year - 1 if last < first else year  # `décembre-janvier 2025`
        found.append(
            Period(
                datetime.date(start_year, first, 1),
                _last_day(year, last),
                match.start(),
                match.end(),
            )
        )
    return sorted(found, key=lambda p: p.first)
