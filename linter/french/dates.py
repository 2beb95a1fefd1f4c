"""French date and time expressions, read with exact character spans. Pure code, no YAML.

It recognises days (`29 janvier`, `1er mars 2024`, `mardi 19 avril 2022`), ranges (`du 29 janvier
au 1er mars 2024`, `du 11 au 29 mars 2024`, `du 15 décembre au 10 janvier 2025`), bounds
(`jusqu'au 29 février 2024`, `avant le 15 mai`), month spans (`février-mars 2024`, `janvier
2024`), times (`à 23 h 59`, `de 13 h 45 à 14 h 45`) and the forms the house style rejects
(`29/01/2024`, `le 29/01`, `2024-01-29` in prose, `23h59`, `23:59`, `23H59`), and the month
words that stand without a day (`décembre 2022`, `juin-juillet`), misspelt or not.

Years: a day without a year takes the year of its own expression (the end of its range, one less
when the range crosses New Year), else the nearest explicit year in the same paragraph of the
text, else none — and the checks that need a year are then skipped: never guess. (A long body
mentions many years; a year three paragraphs away says nothing of `jeudi 14 mars`.)
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from linter.distance import distance
from linter.markdown import Ranges
from linter.records import record

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


def fold(word: str) -> str:
    """Lower case without accents: `Février` -> `fevrier`."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FOLDED = {fold(name): number for number, name in enumerate(MONTHS, 1)}
_ENGLISH = {name: number for number, name in enumerate(ENGLISH_MONTHS, 1)}
# Words the reader takes for a month (correct or not); the rules say what is wrong with them.
_MONTH_WORD = r"[A-Za-zÀ-ÿ]{3,10}"
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_DAY = rf"(?:(?P<{{p}}wd>{_WEEKDAY})\s+)?(?P<{{p}}d>[0-3]?\d)(?P<{{p}}er>er)?"
_YEAR = r"(?:19|20)\d\d"


@lru_cache(maxsize=4096)
def month_of(word: str) -> int | None:
    """The month a word names in French (any case, accents optional), else None."""
    return _FOLDED.get(fold(word))


@lru_cache(maxsize=4096)
def suspect_month(word: str) -> int | None:
    """The month a word was probably meant to be: English, or one letter off a French month."""
    folded = fold(word)
    if folded in _ENGLISH:
        return _ENGLISH[folded]
    return near_month(word)


@lru_cache(maxsize=4096)
def near_month(word: str) -> int | None:
    """The French month a word is one letter off (an insertion, a deletion, a substitution or a
    swap of two neighbours), for words and months of five letters or more only: the short
    months have real words as neighbours (`mais`, `main`, `mari`, `mare`, `juif`)."""
    folded = fold(word)
    if len(folded) >= 5 and folded not in _FOLDED:
        for name, number in _FOLDED.items():
            if len(name) >= 5 and distance(folded, name, 1) == 1:
                return number
    return None


@record
class Day:
    """`mardi 19 avril 2022`: a day as written, with the offsets of its parts in the text."""

    start: int
    end: int
    day: int
    day_span: tuple[int, int]
    month: int | None
    """None when the month word is not a French month (see ``month_word``)."""
    month_word: str
    month_span: tuple[int, int]
    year: int | None
    year_explicit: bool
    weekday: str | None = None
    weekday_span: tuple[int, int] | None = None
    first_suffix: bool = False
    """Written `1er`."""
    year_other: int | None = None
    """The year after (or before) ``year`` when ``year`` was read from another date of the
    paragraph and the text crosses a New Year between the two (`lundi 8 décembre 2025 …, lundi
    12 janvier`): the day may be of either year."""

    @property
    def own_month(self) -> bool:
        """Whether the month is written with this day (not shared with a range's end)."""
        return self.month_span != (0, 0)

    def date(self) -> datetime.date | None:
        """The calendar date, when month and year are known and the day exists."""
        if self.month is None or self.year is None:
            return None
        try:
            return datetime.date(self.year, self.month, self.day)
        except ValueError:
            return None

    def exists(self) -> bool | None:
        """Whether the day exists (None when the year is needed and unknown: 29 February)."""
        if self.month is None:
            return None
        if self.year is None:
            return (
                self.day <= (29 if self.month == 2 else calendar.monthrange(2001, self.month)[1])
                and self.day >= 1
            )
        return 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]


@record
class DateRange:
    """`du 29 janvier au 1er mars 2024` (and `du 11 au 29 mars`, `11 au 29 mars`)."""

    start: int
    end: int
    first: Day
    last: Day


@record
class MonthSpan:
    """`février-mars 2024`, `(juin-juillet 2024)`, `janvier 2024`."""

    start: int
    end: int
    first_month: int
    last_month: int
    year: int

    @property
    def first_day(self) -> datetime.date:
        year = self.year - 1 if self.last_month < self.first_month else self.year
        return datetime.date(year, self.first_month, 1)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(
            self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1]
        )


@record
class MonthWord:
    """A month word that stands without a day: before a year (`décembre 2022`) or next to
    another month in a range (`juin-juillet`, `de janvier à février`), correct or not."""

    start: int
    end: int
    word: str
    month: int | None
    """The month it names (accents optional), None when it is only near one (``near``)."""
    near: int | None = None
    """The month a misspelt word was probably meant to be (one letter off)."""


@record
class Token:
    """A time, or a form the house style rejects, with its span and the house-style rewrite."""

    kind: str
    """time | bad-time | numeric-date | iso-date"""
    start: int
    end: int
    rewrite: str = ""


@dataclass
class Reading:
    days: list[Day] = field(default_factory=list)
    """Every day, those inside ranges included."""
    ranges: list[DateRange] = field(default_factory=list)
    months: list[MonthSpan] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    month_words: list[MonthWord] = field(default_factory=list)
    """Month words outside days (those of days are the days' ``month_word``)."""


def _day(match: re.Match[str], prefix: str, month_group: str | None, year_group: str | None) -> Day:
    weekday = match.group(prefix + "wd")
    first_suffix = bool(match.group(prefix + "er"))
    day_end = match.end(prefix + "er") if first_suffix else match.end(prefix + "d")
    word = match.group(month_group) if month_group else ""
    year = match.group(year_group) if year_group else None
    if year_group and year:
        end = match.end(year_group)
    elif month_group and word:
        end = match.end(month_group)
    else:
        end = day_end
    return Day(
        start=match.start(prefix + "wd") if weekday else match.start(prefix + "d"),
        end=end,
        day=int(match.group(prefix + "d")),
        day_span=(match.start(prefix + "d"), day_end),
        month=month_of(word) if word else None,
        month_word=word or "",
        month_span=match.span(month_group) if month_group and word else (0, 0),
        year=int(year) if year else None,
        year_explicit=bool(year),
        weekday=weekday,
        weekday_span=match.span(prefix + "wd") if weekday else None,
        first_suffix=first_suffix,
    )


_RANGE = re.compile(
    r"(?<![\w/])(?:(?P<du>du|Du)\s+)?"
    + _DAY.format(p="a_")
    + rf"(?:\s+(?P<a_m>{_MONTH_WORD})(?:\s+(?P<a_y>{_YEAR}))?)?"
    + r"\s+au\s+"
    + _DAY.format(p="b_")
    + rf"\s+(?P<b_m>{_MONTH_WORD})(?:\s+(?P<b_y>{_YEAR}))?\b"
)
_SINGLE = re.compile(
    r"(?<![\w/.,])" + _DAY.format(p="s_") + rf"\s+(?P<s_m>{_MONTH_WORD})(?:\s+(?P<s_y>{_YEAR}))?\b"
)
_MONTH_SPAN = re.compile(
    rf"(?<![\w])(?P<m1>{_MONTH_WORD})(?:\s*[-–]\s*(?P<m2>{_MONTH_WORD}))?\s+(?P<y>{_YEAR})\b"
)
# A time ends at a word character, a `/` (`24h/24`, `4h/24`: a rate, not a time of day) or a
# colon followed by a digit (`12:30:45`); a colon of the sentence may follow (`à 13h45 :`).
_GOOD_TIME = re.compile(r"(?<![\w:])([01]?\d|2[0-3]) h(?:[ \u00a0\u202f]([0-5]\d))?(?![\w]|:\d)")
_BAD_TIME = re.compile(
    # A space, never a line break: `9H⏎15 personnes` is `9H`, then another line.
    r"(?<![\w:/.,])([01]?\d|2[0-3])"
    r"(?:[ \u00a0\u202f]?[hH](?:[ \u00a0\u202f]?([0-5]\d))?|:([0-5]\d))(?![\w/]|:\d)"
)
# A numeric date in prose stands alone: not inside a word, a number (`7,3/10`), a path or a URL
# (`/blog/2024/01/03/`, `?d=2024-01-03`), a file name or a version (`2019-05-03.png`, `12/10.5`).
_NOT_AFTER = r"(?<![\w/.\-=#@~\\])(?<!\d,)"
_NOT_BEFORE = r"(?![\w/\\\-]|[.,]\w)"
_NUMERIC = re.compile(_NOT_AFTER + r"([0-3]?\d)/([01]\d)(?:/(\d{4}|\d{2}))?" + _NOT_BEFORE)
# Without a year, `7/10` is a score, a ratio or a fraction as often as the 7th of October: it is a
# date only after a word that announces one (`le 7/10`, `du 3/10 au 5/10`, `jusqu'au 3/10`,
# `depuis le 3/10`, `dès le 3/10`, `lundi 7/10`).
_DATE_CUE = re.compile(
    rf"(?<![\w])(?:le|du|au|depuis|dès|{_WEEKDAY})[ \u00a0\u202f]+\Z", re.IGNORECASE
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_ISO = re.compile(_NOT_AFTER + r"(\d{4})-([01]\d)-([0-3]\d)" + _NOT_BEFORE)
_SPACE = r"[ \u00a0\u202f]+"
# Month words without a day: before a year, or in a range with another month.
_MONTH_BEFORE_YEAR = re.compile(rf"(?<!\w)(?P<m>{_MONTH_WORD}){_SPACE}{_YEAR}(?!\w)")
_MONTH_PAIR = re.compile(
    rf"(?<!\w)(?P<m1>{_MONTH_WORD})"
    rf"(?:[ \u00a0\u202f]*[-–—/][ \u00a0\u202f]*|{_SPACE}(?:à|au|et|ou){_SPACE})"
    rf"(?P<m2>{_MONTH_WORD})(?![\w'’])"
)


# --- Where the expressions may start -----------------------------------------------------------
# Python's re tries a pattern that begins with a look-behind at every character of a text. Every
# pattern below but one holds a digit at a place that fixes where its match starts (a day, an
# hour, a year): the digit runs of the text are found once, the places a match may start are
# derived from them, and each pattern is tried there only — the matches ``finditer`` gives, in
# about a third of the time (tests/test_dates_anchors.py checks the two agree).
_DIGIT_RUN = re.compile(r"\d+")
_LETTERS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" + "".join(map(chr, range(0xC0, 0x100)))
)
"""The characters of ``_MONTH_WORD`` (`[A-Za-zÀ-ÿ]`)."""
_SPACES = frozenset(" \u00a0\u202f")


def _space_before(text: str, end: int, spaces: frozenset[str] | None = None) -> int:
    """The start of the run of white space (``\\s``, or ``spaces``) that ends at ``end``."""
    start = end
    while start and (text[start - 1] in spaces if spaces else text[start - 1].isspace()):
        start -= 1
    return start


def _words_before(text: str, end: int) -> list[int]:
    """Where a month word that ends at ``end`` may start, in order: the start of the run of its
    characters, and after each `×` or `÷` in it (they are in `[À-ÿ]`, but no word characters)."""
    starts = []
    start = end
    while start and text[start - 1] in _LETTERS:
        start -= 1
        if text[start] in "×÷" and start + 1 < end:
            starts.append(start + 1)
    if start < end:
        starts.append(start)
    return starts[::-1]


def _word_before(text: str, end: int, words: dict[str, tuple[str, ...]]) -> int | None:
    """Where one of ``words`` (by their last letter) that ends at ``end`` starts."""
    for word in words.get(text[end - 1], ()) if end else ():
        if end >= len(word) and text.startswith(word, end - len(word)):
            return end - len(word)
    return None


def _by_last_letter(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for word in words:
        found[word[-1]] = (*found.get(word[-1], ()), word)
    return found


_WEEKDAYS_BY_END = _by_last_letter(WEEKDAYS)
_DU_BY_END = _by_last_letter(("du", "Du"))


def _followed(runs: list[tuple[int, int]], text: str, after: str, most: int = 2) -> list[int]:
    """The starts of the runs of at most ``most`` digits followed by one of ``after`` (white
    space for a space): where a day (`3 juin`, `1er`), an hour (`9 h`, `9h`, `9:30`) or a
    numeric date (`3/06`) may start; a run such as `7` of `7ème` starts none."""
    space = " " in after
    return [
        start
        for start, end in runs
        if end - start <= most
        and end < len(text)
        and (text[end] in after or (space and text[end].isspace()))
    ]


def _days(runs: list[tuple[int, int]], text: str) -> list[int]:
    """Where a day or a range (`_RANGE`, `_SINGLE`) may start."""
    return list(_day_starts(_followed(runs, text, " e"), text))


def _hours(runs: list[tuple[int, int]], text: str) -> list[int]:
    """Where a time (`_GOOD_TIME`, `_BAD_TIME`) may start."""
    return _followed(runs, text, " \u00a0\u202fhH:")


def _slashed(runs: list[tuple[int, int]], text: str) -> list[int]:
    """Where a numeric date (`_NUMERIC`) may start."""
    return _followed(runs, text, "/")


def _dashed(runs: list[tuple[int, int]], text: str) -> list[int]:
    """Where an ISO date (`_ISO`) may start."""
    return _followed(runs, text, "-", 4)


def _day_starts(days: list[int], text: str) -> Iterator[int]:
    """Where a day or a range may start, in order: each digit run that may be a day, the
    weekday written before it, and `du` before those (`du lundi 3`)."""
    for start in days:
        found = [start]
        space = _space_before(text, start)
        if space < start:
            weekday = _word_before(text, space, _WEEKDAYS_BY_END)
            if weekday is not None:
                found.append(weekday)
                space = _space_before(text, weekday)
            if space < found[-1]:
                article = _word_before(text, space, _DU_BY_END)
                if article is not None:
                    found.append(article)
        yield from reversed(found)


def _year_starts(
    runs: list[tuple[int, int]], text: str, spaces: frozenset[str] | None, pair: bool
) -> Iterator[int]:
    """Where a month before a year may start, in order: the word before each run of four digits
    that can be a year, and with ``pair`` the word before that one's dash (`mars-avril 2024`)."""
    for start, end in runs:
        if end - start != 4 or text[start : start + 2] not in ("19", "20"):
            continue
        space = _space_before(text, start, spaces)
        words = _words_before(text, space) if space < start else []
        if pair and words:
            # (`mars-avril 2024`: the first month's word, before the dash, then the second's.)
            dash = _space_before(text, words[0])
            if dash and text[dash - 1] in "-–":
                firsts = _words_before(text, _space_before(text, dash - 1))
                words = sorted({*firsts, *words})
        yield from words


def _matches(pattern: re.Pattern[str], text: str, starts: Iterator[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` gives when each of its matches starts at one of ``starts``
    (in order): the pattern is tried at those places only."""
    position = 0
    for start in starts:
        if start < position:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            position = match.end()


def _is_month_like(word: str) -> bool:
    return month_of(word) is not None or suspect_month(word) is not None


def read(text: str) -> Reading:
    """Every date and time expression of ``text``, years inferred as the module says."""
    reading = Reading()
    taken: list[tuple[int, int]] = []
    # What a pass adds ends before its next match starts (finditer's matches do not overlap), so
    # each pass checks only what the passes before it took: a fixed set, bisected.
    earlier = Ranges([])

    def free(start: int, end: int) -> bool:
        return not earlier.overlaps(start, end)

    runs = [match.span() for match in _DIGIT_RUN.finditer(text)]
    hours = _hours(runs, text)
    # (Where a range may start holds where a single day may: `du` is no start of one, and the
    # pattern says so at once.)
    days = _days(runs, text)
    for match in _matches(_RANGE, text, iter(days)):
        if not _is_month_like(match["b_m"]) or (match["a_m"] and not _is_month_like(match["a_m"])):
            continue
        last = _day(match, "b_", "b_m", "b_y")
        first = _day(match, "a_", "a_m" if match["a_m"] else None, "a_y" if match["a_y"] else None)
        if first.month_word == "":
            # `du 11 au 29 mars 2024`: the start shares the end's month and year.
            first = replace(first, month=last.month, month_word=last.month_word, year=last.year)
        elif first.year is None and last.year is not None and first.month and last.month:
            first = replace(first, year=_start_year(first, last.month, last.day, last.year))
        start = match.start("du") if match["du"] else first.start
        reading.ranges.append(DateRange(start, last.end, first, last))
        reading.days += [first, last]
        taken.append((start, last.end))
    earlier = Ranges(taken)
    for match in _matches(_SINGLE, text, iter(days)):
        if not free(match.start(), match.end()) or not _is_month_like(match["s_m"]):
            continue
        if month_of(match["s_m"]) is None and not (match["s_y"] or match["s_wd"]):
            continue  # `3 étapes`, `5 sprints`: a suspect month needs a year or a weekday
        reading.days.append(_day(match, "s_", "s_m", "s_y" if match["s_y"] else None))
        taken.append(match.span())
    earlier = Ranges(taken)
    for match in _matches(_MONTH_SPAN, text, _year_starts(runs, text, None, pair=True)):
        # Month numbers (not `first`/`last`: those name the Days of the ranges above).
        first_month = month_of(match["m1"])
        last_month = month_of(match["m2"]) if match["m2"] else None
        if (
            first_month is None
            or (match["m2"] and last_month is None)
            or not free(match.start(), match.end())
        ):
            continue
        reading.months.append(
            MonthSpan(
                match.start(), match.end(), first_month, last_month or first_month, int(match["y"])
            )
        )
    for match in _matches(_GOOD_TIME, text, iter(hours)):
        reading.tokens.append(Token("time", match.start(), match.end()))
        taken.append(match.span())
    earlier = Ranges(taken)
    for match in _matches(_BAD_TIME, text, iter(hours)):
        if not free(match.start(), match.end()):
            continue
        minutes = match.group(2) or match.group(3)
        hour = int(match.group(1))
        rewrite = f"{hour} h {minutes}" if minutes and minutes != "00" else f"{hour} h"
        reading.tokens.append(Token("bad-time", match.start(), match.end(), rewrite))
    for match in _matches(_NUMERIC, text, iter(_slashed(runs, text))):
        day, month = int(match.group(1)), int(match.group(2))
        year = match.group(3)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        if not year and not _DATE_CUE.search(text, max(0, match.start() - 12), match.start()):
            continue
        full_year = (2000 + int(year) if len(year) == 2 else int(year)) if year else None
        rewrite = f"{'1er' if day == 1 else day} {MONTHS[month - 1]}" + (
            f" {full_year}" if full_year else ""
        )
        reading.tokens.append(Token("numeric-date", match.start(), match.end(), rewrite))
    if not re.fullmatch(r"\s*\d{4}-\d\d-\d\d(?:[T ].*)?\s*", text):
        for match in _matches(_ISO, text, iter(_dashed(runs, text))):
            year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
            if 1 <= month <= 12 and 1 <= day <= 31:
                rewrite = f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"
                reading.tokens.append(Token("iso-date", match.start(), match.end(), rewrite))
    reading.month_words = _month_words(text, {d.month_span for d in reading.days}, runs)
    _infer_years(reading, text)
    reading.days.sort(key=lambda d: d.start)
    reading.tokens.sort(key=lambda t: t.start)
    return reading


def _month_words(
    text: str, of_days: set[tuple[int, int]], runs: list[tuple[int, int]]
) -> list[MonthWord]:
    """The month words of ``text`` that stand without a day: before a year, or paired with a
    month in a range (`juin-juillet`, `de janvier à février`, `mai ou juin`) — a pair needs one
    correct month, so that two words near months are not taken for one. English months are left
    out here (`in March 2024` is an English quotation, not a misspelling)."""
    found: dict[tuple[int, int], MonthWord] = {}

    def add(span: tuple[int, int], word: str) -> None:
        month = month_of(word)
        near = None if month else near_month(word)
        if (month or near) and span not in of_days:
            found[span] = MonthWord(span[0], span[1], word, month, near)

    for match in _matches(_MONTH_BEFORE_YEAR, text, _year_starts(runs, text, _SPACES, False)):
        add(match.span("m"), match["m"])
    for match in _MONTH_PAIR.finditer(text):
        if month_of(match["m1"]) is not None or month_of(match["m2"]) is not None:
            add(match.span("m1"), match["m1"])
            add(match.span("m2"), match["m2"])
    return sorted(found.values(), key=lambda w: w.start)


def _start_year(first: Day, end_month: int, end_day: int, end_year: int) -> int:
    """The year of a range's start written without one: the end's, or the one before when the
    range crosses New Year (`du 15 décembre au 10 janvier 2025`) — only for a short range: `du 20
    juin au 6 mai 2024` is a reversed range, not one of eleven months."""
    if first.month is None or first.month <= end_month:
        return end_year
    try:
        crossing = datetime.date(end_year, end_month, end_day) - datetime.date(
            end_year - 1, first.month, first.day
        )
    except ValueError:
        return end_year
    return end_year - 1 if crossing.days <= 183 else end_year


def _infer_years(reading: Reading, text: str) -> None:
    """Days still without a year take the nearest explicit year of the same paragraph."""
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]

    def paragraph(position: int) -> int:
        return bisect.bisect(breaks, position)

    # (place, year, the months it spans: the first, the last)
    anchors = [(d.start, d.year, (d.month, d.month)) for d in reading.days if d.year_explicit]
    anchors += [(m.start, m.year, (m.first_month, m.last_month)) for m in reading.months]
    if not anchors:
        return
    # Per paragraph, the anchors by place (then by their rank above, which breaks a tie between
    # two equally near anchors as a first-found minimum over that list did).
    by_paragraph: dict[int, list[tuple[int, int, int | None, tuple[int | None, int | None]]]]
    by_paragraph = {}
    for rank, (place, year, months) in enumerate(anchors):
        by_paragraph.setdefault(paragraph(place), []).append((place, rank, year, months))
    places: dict[int, list[int]] = {}
    for number, here in by_paragraph.items():
        here.sort()
        places[number] = [place for place, _rank, _year, _months in here]

    def nearest(position: int) -> tuple[int, int, int | None, tuple[int | None, int | None]] | None:
        number = paragraph(position)
        here = by_paragraph.get(number)
        if not here:
            return None
        starts = places[number]
        after = bisect.bisect_left(starts, position)
        candidates = []
        if after < len(starts):  # the nearest at or after, the first of its place
            candidates.append(here[after])
        before = bisect.bisect_left(starts, starts[after - 1]) if after else -1
        if before >= 0:  # the nearest before, the first of its place
            candidates.append(here[before])
        return min(candidates, key=lambda a: (abs(a[0] - position), a[1]))

    fixed: dict[int, Day] = {}
    for day in reading.days:
        if day.year is None:
            anchor = nearest(day.start)
            year = anchor[2] if anchor is not None else None
            if anchor is None or year is None:
                continue
            place, (opening, closing) = anchor[0], anchor[3]
            other = None
            if day.month is not None and place < day.start and closing and day.month < closing:
                other = year + 1  # (the text went on into the next year)
            elif day.month is not None and place > day.start and opening and day.month > opening:
                other = year - 1  # (the year is the one of a later date, after New Year)
            fixed[id(day)] = replace(day, year=year, year_other=other)
    if not fixed:
        return
    reading.days = [fixed.get(id(d), d) for d in reading.days]
    ranges = []
    for rng in reading.ranges:
        first, last = fixed.get(id(rng.first), rng.first), fixed.get(id(rng.last), rng.last)
        if (
            rng.first.year is None
            and rng.last.year is None
            and first.month
            and last.month
            and last.year
        ):
            first = replace(first, year=_start_year(first, last.month, last.day, last.year))
        ranges.append(DateRange(rng.start, rng.end, first, last))
    reading.ranges = ranges


@record
class Period:
    """The stretch of days an expression names, and where it is named."""

    start: datetime.date
    end: datetime.date
    first: int
    last: int


def periods(text: str, reading: Reading | None = None, months: bool = True) -> list[Period]:
    """Every range, day (and, with ``months``, month span) of ``text`` whose dates are known, in
    text order. ``reading`` is ``read(text)`` when the caller has it already."""
    reading = reading or read(text)
    found: list[Period] = []
    in_ranges = {day for rng in reading.ranges for day in (rng.first, rng.last)}
    for rng in reading.ranges:
        first, last = rng.first.date(), rng.last.date()
        if first and last:
            found.append(Period(first, last, rng.start, rng.end))
    for day in reading.days:
        date = day.date()
        if date and day not in in_ranges:
            found.append(Period(date, date, day.start, day.end))
    for span in reading.months if months else ():
        found.append(Period(span.first_day, span.last_day, span.start, span.end))
    return sorted(found, key=lambda p: p.first)
