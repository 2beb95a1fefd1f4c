"""French date rules (DT): months, impossible days, `1er`, weekdays, ranges, house style.

Every string value and the body are read with ``french.dates.read``; what lies in code, links
and URL fields is skipped. Checks that need a year run only when the year is written or can be
inferred from the same value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from linter.diagnostics import Diagnostic, Severity
from linter.french.dates import (
    ENGLISH_MONTHS,
    MONTHS,
    WEEKDAYS,
    Day,
    Reading,
    fold,
    suspect_month,
)
from linter.markdown import Ranges
from linter.page import Page, TextValue
from linter.spec import Doc, Option, Rule, Text, bad, good

_DIGIT = re.compile(r"\d")


def _readings(page: Page) -> Iterator[tuple[TextValue, Reading]]:
    for value in page.texts():
        if not value.is_url_field and _DIGIT.search(value.text):
            yield value, value.dates


def _days(page: Page) -> Iterator[tuple[TextValue, Day]]:
    """Every day outside code, with its value: found once per page, read by every rule."""
    found = page.cache.get("dates.days")
    if found is None:
        found = page.cache["dates.days"] = [
            (value, day)
            for value, reading in _readings(page)
            for day in reading.days
            if not value.in_code(day.start, day.end)
        ]
    return iter(found)


def _month_words(page: Page) -> Iterator[tuple[TextValue, int, int, str, int | None, int | None]]:
    """Every month word (value, start, end, word, month, meant): those of days, then those that
    stand without a day (before a year, in a range of months)."""
    for value, day in _days(page):
        if day.own_month:
            start, end = day.month_span
            meant = None if day.month else suspect_month(day.month_word)
            yield value, start, end, day.month_word, day.month, meant
    for value in page.texts():  # a range of months needs no digit: `de janvir à mars`
        if value.is_url_field:
            continue
        for word in value.dates.month_words:
            if not value.in_code(word.start, word.end):
                yield value, word.start, word.end, word.word, word.month, word.near


def check_month(page: Page) -> Iterator[Diagnostic]:
    for value, start, end, word, month, meant in _month_words(page):
        if month is None:
            if meant:
                correct = MONTHS[meant - 1]
                fix = value.fix(start, end, _cased(word, correct), _month_safety(word, correct))
                yield value.diagnostic(
                    MONTH, start, end, "DT001", fix=fix, word=word, month=correct
                )
        else:
            correct = MONTHS[month - 1]
            # `Avril` is DT004's (a capital only); `AVRIL` is a heading's style.
            if not word.isupper() and (word[1:] != correct[1:] or word[0].lower() != correct[0]):
                fix = value.fix(start, end, _cased(word, correct))
                yield value.diagnostic(
                    MONTH, start, end, "DT001", fix=fix, word=word, month=correct
                )


def _cased(word: str, month: str) -> str:
    """The month as the word was cased: `Fevrier` (a sentence's start) becomes `Février`."""
    return month[0].upper() + month[1:] if word[:1].isupper() else month


def _month_safety(word: str, month: str) -> str:
    """Safe for an English month or a French one without its accents; a one-letter typo
    (`octobr`) may be another word: unsafe."""
    if word.lower() in ENGLISH_MONTHS or fold(word) == fold(month):
        return "safe"
    return "unsafe"


MONTH = Rule(
    code="DT001",
    name="month-spelling",
    default_severity=Severity.WARNING,
    language="fr",
    summary=Text(
        en="A month is misspelt (`fevrier`, `aout`) or written in English.",
        fr="Un mois est mal orthographié (`fevrier`, `aout`) ou écrit en anglais.",
    ),
    messages={
        "DT001": Text(
            en="write `{month}`, not `{word}`",
            fr="écrire `{month}`, pas `{word}`",
        ),
    },
    doc=Doc(
        what=Text(
            en="""the month word of every date (`5 fevrier 2024`, `du 3 aout au…`) and of
every month written without a day, before a year (`la loi de decembre 2022`) or next to another
month in a range (`juin-juilet 2025`, `de janvier à fevrier`): missing accents (`fevrier`,
`aout`, `decembre`), one-letter typos (`janvir`, `octobr`: a letter added, missing, wrong or
swapped; for months of five letters or more only, since `mais`, `main`, `mari` or `juif` are
words), and English months after a day number (`5 February 2024`; `March 2024` alone may be an
English quotation and is left alone), with the French spelling.""",
            fr="""le mois de chaque date (`5 fevrier 2024`, `du 3 aout au…`) et de chaque
mois écrit sans jour, devant une année (`la loi de decembre 2022`) ou à côté d’un autre mois
dans une période (`juin-juilet 2025`, `de janvier à fevrier`) : accents oubliés (`fevrier`,
`aout`, `decembre`), fautes d’une lettre (`janvir`, `octobr` : une lettre en trop, en moins,
fausse ou inversée ; seulement pour les mois de cinq lettres ou plus, car `mais`, `main`, `mari`
ou `juif` sont des mots) et mois en anglais après un numéro de jour (`5 February 2024` ;
`March 2024` seul peut être une citation en anglais et n’est pas signalé), avec l’orthographe
française.""",
        ),
        why=Text(
            en="""a reader trusts a date that looks careful; a misspelt month also escapes every
tool that
reads dates.""",
            fr="""le lecteur se fie à une date soignée ; un mois mal écrit échappe aussi à tous les
outils qui lisent les dates.""",
        ),
        fix=Text(
            en="write the month as the message says.",
            fr="écrire le mois comme le message l’indique.",
        ),
    ),
    examples=(
        bad(
            """
desc: Dépôt des dossiers du 19 aout au 8 septembre 2024
"""
        ),
        good(
            """
desc: Dépôt des dossiers du 19 août au 8 septembre 2024
"""
        ),
    ),
    check=check_month,
    form=True,
    fixable="safe",
)


def check_impossible(page: Page) -> Iterator[Diagnostic]:
    for value, day in _days(page):
        if day.exists() is False:
            month = MONTHS[day.month - 1] if day.month else day.month_word
            yield value.diagnostic(
                IMPOSSIBLE,
                day.start,
                day.end,
                "DT002",
                day=day.day,
                month=month,
                year=day.year or "",
            )


IMPOSSIBLE = Rule(
    code="DT002",
    name="impossible-date",
    default_severity=Severity.ERROR,
    language="fr",
    summary=Text(
        en="A date does not exist (`31 avril`, `29 février 2023`, `32 mai`).",
        fr="Une date n’existe pas (`31 avril`, `29 février 2023`, `32 mai`).",
    ),
    messages={
        "DT002": Text(
            en="{day} {month} {year} does not exist",
            fr="le {day} {month} {year} n’existe pas",
        ),
    },
    doc=Doc(
        what=Text(
            en="that every written day exists in its month (and year, for 29 February).",
            fr="""que chaque jour écrit existe dans son mois (et son année, pour le
29 février).""",
        ),
        why=Text(
            en=(
                "candidates cannot apply on a day that does not exist; the real date is "
                "something else."
            ),
            fr="on ne peut pas candidater un jour qui n’existe pas ; la vraie date est autre.",
        ),
        fix=Text(
            en="find the intended date.",
            fr="retrouver la date voulue.",
        ),
    ),
    examples=(
        bad(
            """
desc: Dépôt des dossiers jusqu'au 31 avril 2024
"""
        ),
        good(
            """
desc: Dépôt des dossiers jusqu'au 30 avril 2024
"""
        ),
    ),
    check=check_impossible,
)


def check_day_format(page: Page) -> Iterator[Diagnostic]:
    for value, day in _days(page):
        if day.month is None:
            continue
        start, end = day.day_span
        written = value.text[start:end]
        if day.day == 1 and not day.first_suffix:
            fix = value.fix(start, end, "1er")
            yield value.diagnostic(DAY_FORMAT, start, end, "DT003.first", fix=fix, text=written)
        elif written.startswith("0"):
            fixed = "1er" if day.day == 1 else str(day.day)
            fix = value.fix(start, end, fixed)
            yield value.diagnostic(
                DAY_FORMAT, start, end, "DT003.zero", fix=fix, text=written, fixed=fixed
            )


DAY_FORMAT = Rule(
    code="DT003",
    name="day-format",
    default_severity=Severity.WARNING,
    language="fr",
    summary=Text(
        en=(
            "The first of a month is written `1` instead of `1er`, or a day has a "
            "leading zero (`06 mars`)."
        ),
        fr=(
            "Le premier du mois est écrit `1` au lieu de `1er`, ou un jour a un "
            "zéro initial (`06 mars`)."
        ),
    ),
    messages={
        "DT003.first": Text(
            en="write `1er`, not `{text}`, for the first of a month",
            fr="écrire `1er`, pas `{text}`, pour le premier du mois",
        ),
        "DT003.zero": Text(
            en="write `{fixed}`, not `{text}`",
            fr="écrire `{fixed}`, pas `{text}`",
        ),
    },
    doc=Doc(
        what=Text(
            en="""the day number of dates written in words: `1 mars` → `1er mars`,
`06 mars` → `6 mars`.""",
            fr="""le numéro du jour des dates écrites en toutes lettres : `1 mars` →
`1er mars`, `06 mars` → `6 mars`.""",
        ),
        why=Text(
            en="""French typography writes the first day of a month as an ordinal and other days
without
a leading zero.""",
            fr="""la typographie française écrit le premier jour du mois en ordinal, et les autres
jours sans zéro initial.""",
        ),
        fix=Text(
            en="write the day as the message says.",
            fr="écrire le jour comme le message l’indique.",
        ),
    ),
    examples=(
        bad(
            """
desc: du 06 mars au 1 avril 2025
"""
        ),
        good(
            """
desc: du 6 mars au 1er avril 2025
"""
        ),
    ),
    check=check_day_format,
    form=True,
    fixable="safe",
)


# The days whose name is a feast or a commemoration, written with a capital when they name it
# (the Imprimerie nationale's rule: `le 14 Juillet`, `la cérémonie du 11 Novembre`), but not as
# dates (`l’armistice du 11 novembre 1918`, `mardi 11 novembre 2025`): only without a year.
_FEASTS = frozenset({(1, 5), (8, 5), (18, 6), (14, 7), (11, 11), (19, 3)})


def check_capital(page: Page) -> Iterator[Diagnostic]:
    for value, day in _days(page):
        word = day.month_word
        if not day.own_month or day.month is None or not word[:1].isupper() or word.isupper():
            continue
        if word[1:] != MONTHS[day.month - 1][1:]:
            continue  # misspelt too: DT001 gives the whole correct word
        if (day.day, day.month) in _FEASTS and not day.year_explicit:
            continue  # `la cérémonie du 11 Novembre`: the feast's name, capitalised
        start, end = day.month_span
        month = MONTHS[day.month - 1]
        fix = value.fix(start, end, month)
        yield value.diagnostic(CAPITAL, start, end, "DT004", fix=fix, word=word, month=month)


CAPITAL = Rule(
    code="DT004",
    name="month-capital",
    default_severity=Severity.WARNING,
    language="fr",
    summary=Text(
        en="A month is capitalised after its day (`du 3 Avril`): French months take no capital.",
        fr="Un mois a une majuscule après son jour (`du 3 Avril`) : les mois n’en prennent pas.",
    ),
    messages={
        "DT004": Text(
            en="write `{month}` in lower case, not `{word}`",
            fr="écrire `{month}` en minuscules, pas `{word}`",
        ),
    },
    doc=Doc(
        what=Text(
            en="""the month of a date written after its day number, capitalised; not in the name
of a feast or a commemoration written without a year (`le 14 Juillet`, `le 1er Mai`, `le 8 Mai`,
`le 18 Juin`, `le 19 Mars`, `la cérémonie du 11 Novembre`), which takes a capital.""",
            fr="""le mois d’une date écrit avec une majuscule après son numéro de jour ; pas dans le
nom d’une fête ou d’une commémoration écrit sans année (`le 14 Juillet`, `le 1er Mai`, `le 8 Mai`,
`le 18 Juin`, `le 19 Mars`, `la cérémonie du 11 Novembre`), qui prend la majuscule.""",
        ),
        why=Text(
            en="in French, month names are common nouns, written in lower case inside a sentence.",
            fr=(
                "en français, les noms de mois sont des noms communs, en minuscules "
                "dans une phrase."
            ),
        ),
        fix=Text(
            en="write the month in lower case.",
            fr="écrire le mois en minuscules.",
        ),
    ),
    examples=(
        bad(
            """
desc: Entretiens du 3 Avril au 12 Avril 2024
"""
        ),
        good(
            """
desc: Entretiens du 3 avril au 12 avril 2024
"""
        ),
    ),
    check=check_capital,
    form=True,
    fixable="safe",
)


_ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def check_weekday(page: Page) -> Iterator[Diagnostic]:
    for value, day in _days(page):
        date = day.date()
        if day.weekday is None or day.weekday_span is None or date is None:
            continue
        actual = WEEKDAYS[date.weekday()]
        if day.weekday.lower() == actual:
            continue
        if day.year_other is not None:  # (a year read across New Year: either may be meant)
            other = replace(day, year=day.year_other, year_other=None).date()
            if other is not None and WEEKDAYS[other.weekday()] == day.weekday.lower():
                continue
        start, end = day.weekday_span
        named = Text(en=_ENGLISH_WEEKDAYS[date.weekday()], fr=actual)
        yield value.diagnostic(
            WEEKDAY, start, end, "DT005", weekday=day.weekday, actual=named,
            actual_date=date.isoformat(), date=value.text[day.day_span[0] : day.end],
        )  # fmt: skip


WEEKDAY = Rule(
    code="DT005",
    name="weekday-mismatch",
    default_severity=Severity.ERROR,
    language="fr",
    summary=Text(
        en="A weekday does not match its date (`lundi 14 mars 2024` was a Thursday).",
        fr="Un jour de la semaine ne correspond pas à sa date (le 14 mars 2024 était un jeudi).",
    ),
    messages={
        "DT005": Text(
            en="{actual_date} is a {actual}, not `{weekday}`",
            fr="le {actual_date} est un {actual}, pas un {weekday}",
        ),
    },
    doc=Doc(
        what=Text(
            en="""`lundi 14 mars 2024`: the weekday agrees with the date. Checked only when
the year is written in the date or elsewhere in the same value; a year read from another date
across a New Year (`lundi 8 décembre 2025 …, lundi 12 janvier`) may be that one or the next.""",
            fr="""`lundi 14 mars 2024` : le jour de la semaine correspond à la date.
Vérifié seulement quand l’année est écrite dans la date ou ailleurs dans la même valeur ; une
année lue dans une autre date par-delà un Nouvel An (`lundi 8 décembre 2025…, lundi 12
janvier`) peut être celle-là ou la suivante.""",
        ),
        why=Text(
            en="one of the two is wrong, and the reader cannot tell which: the meeting is missed.",
            fr="""l’un des deux est faux, et le lecteur ne peut pas savoir lequel : le rendez-vous
est
manqué.""",
        ),
        fix=Text(
            en="check the date, then correct the weekday or the day.",
            fr="vérifier la date, puis corriger le jour de la semaine ou le quantième.",
        ),
    ),
    examples=(
        bad(
            """
desc: Réunion d'information lundi 14 mars 2024
"""
        ),
        good(
            """
desc: Réunion d'information jeudi 14 mars 2024
"""
        ),
    ),
    check=check_weekday,
)


def check_ranges(page: Page) -> Iterator[Diagnostic]:
    for value, reading in _readings(page):
        for rng in reading.ranges:
            if value.in_code(rng.start, rng.end):
                continue
            first, last = rng.first.date(), rng.last.date()
            if first is None or last is None:
                continue
            text = value.text[rng.start : rng.end]
            if last < first:
                key = "DT006" if rng.first.own_month else "DT006.month"
                yield value.diagnostic(
                    REVERSED, rng.start, rng.end, key, text=text,
                    first_date=first.isoformat(), last_date=last.isoformat(),
                )  # fmt: skip
            elif last == first:
                yield value.diagnostic(EMPTY_RANGE, rng.start, rng.end, "DT007", text=text)


REVERSED = Rule(
    code="DT006",
    name="reversed-range",
    default_severity=Severity.ERROR,
    language="fr",
    summary=Text(
        en="A date range ends before it starts (`du 25 au 6 juin 2024`).",
        fr="Une période finit avant de commencer (`du 25 au 6 juin 2024`).",
    ),
    messages={
        "DT006": Text(
            en=(
                "date range runs backwards: `{text}` ends on {last_date}, before it "
                "starts on {first_date}"
            ),
            fr=(
                "période à l’envers : `{text}` finit le {last_date}, avant de commencer "
                "le {first_date}"
            ),
        ),
        "DT006.month": Text(
            en=(
                "date range runs backwards: `{text}` ends on {last_date}, before it "
                "starts on {first_date}; is the start's month missing?"
            ),
            fr=(
                "période à l’envers : `{text}` finit le {last_date}, avant de commencer "
                "le {first_date} ; manque-t-il le mois du début ?"
            ),
        ),
    },
    doc=Doc(
        what=Text(
            en="""`du … au …` ranges: the end is after the start. A range across New Year
(`du 15 décembre au 10 janvier 2025`) is read as such, not as reversed.""",
            fr="""les périodes `du … au …` : la fin est après le début. Une période qui
passe le Nouvel An (`du 15 décembre au 10 janvier 2025`) est lue comme telle, pas à l’envers.""",
        ),
        why=Text(
            en="""the usual cause is a dropped month (`du 25 mai au 6 juin` became `du 25 au 6
juin`): the
published window is impossible and candidates do not know when to apply.""",
            fr="""la cause habituelle est un mois oublié (`du 25 mai au 6 juin` devenu `du 25 au 6
juin`) : la fenêtre publiée est impossible et les candidats ne savent pas quand postuler.""",
        ),
        fix=Text(
            en="restore the missing month, or swap the dates.",
            fr="rétablir le mois oublié, ou inverser les dates.",
        ),
    ),
    examples=(
        bad(
            """
desc: Dépôt des dossiers du 25 au 6 juin 2024
"""
        ),
        good(
            """
desc: Dépôt des dossiers du 25 mai au 6 juin 2024
"""
        ),
    ),
    check=check_ranges,
    also_reports=("DT007",),
)

EMPTY_RANGE = Rule(
    code="DT007",
    name="empty-range",
    default_severity=Severity.WARNING,
    language="fr",
    summary=Text(
        en="A date range ends on the day it starts (`du 6 au 6 juin`).",
        fr="Une période finit le jour où elle commence (`du 6 au 6 juin`).",
    ),
    messages={
        "DT007": Text(
            en="date range `{text}` starts and ends on the same day",
            fr="la période `{text}` commence et finit le même jour",
        ),
    },
    doc=Doc(
        what=Text(
            en="`du … au …` ranges whose two ends are the same day.",
            fr="les périodes `du … au …` dont les deux bornes sont le même jour.",
        ),
        why=Text(
            en="""a one-day range is written `le 6 juin`; the same date twice is usually a
copy-paste where
one end was meant to change.""",
            fr="""une période d’un jour s’écrit `le 6 juin` ; deux fois la même date est souvent un
copier-coller dont une borne devait changer.""",
        ),
        fix=Text(
            en="correct one end, or write a single day.",
            fr="corriger une borne, ou écrire un seul jour.",
        ),
    ),
    examples=(
        bad(
            """
desc: Entretiens du 6 juin au 6 juin 2024
"""
        ),
        good(
            """
desc: Entretiens du 6 au 21 juin 2024
"""
        ),
    ),
)


_TIME_PARTS = re.compile(r"(\d{1,2})\s?[hH:]\s?(\d{2})?")


def time_in(form: str, written: str) -> str:
    """A time rewritten in a house style: spaced `23 h 59`/`20 h`, compact `23h59`/`20h`,
    compact-minutes `23h59`/`20h00`, colon `23:59`/`20:00`."""
    match = _TIME_PARTS.match(written)
    if match is None:
        return written
    hours, minutes = int(match.group(1)), match.group(2)
    if form in ("colon", "compact-minutes"):
        return f"{hours}{':' if form == 'colon' else 'h'}{minutes or '00'}"
    minutes = None if minutes == "00" else minutes
    if form == "compact":
        return f"{hours}h{minutes or ''}"
    return f"{hours} h {minutes}" if minutes else f"{hours} h"


TIME_FORMAT = Option(
    "dates",
    "time-format",
    "choice",
    "spaced",
    Text(
        en="How the site writes times: `spaced` 23 h 59 and 20 h (the default: the Imprimerie "
        "nationale's rule, spaces on both sides of the `h`, no `00`), `compact` 23h59 and 20h "
        "(the common press style, no `00`), `compact-minutes` 23h59 and 20h00 (the style of the "
        "government's own guides: two digits of minutes always, `00` included), or `colon` "
        "23:59 and 20:00 (the international and timetable style).",
        fr="Comment le site écrit les heures : `spaced` 23 h 59 et 20 h (par défaut : règle de "
        "l’Imprimerie nationale, une espace de chaque côté du `h`, sans `00`), `compact` 23h59 "
        "et 20h (usage courant de la presse, sans `00`), `compact-minutes` 23h59 et 20h00 (le "
        "style des guides de l’État : toujours deux chiffres de minutes, `00` compris), ou "
        "`colon` 23:59 et 20:00 (usage international et des horaires).",
    ),
    choices=("spaced", "compact", "compact-minutes", "colon"),
)
NUMERIC_DATES = Option(
    "dates",
    "numeric-dates",
    "choice",
    "words",
    Text(
        en="Where the site accepts numeric dates (29/01/2024, 2024-01-29): `words` nowhere in "
        "text (the default: dates in words, the Imprimerie nationale's rule), `tables` inside the "
        "rows of Markdown tables only (where a column of dates is read better in figures), `any` "
        "everywhere (DT008 is silent). `false` and `true`, the values of the time when this "
        "option was a yes/no, still mean `words` and `any`.",
        fr="Où le site accepte les dates en chiffres (29/01/2024, 2024-01-29) : `words` nulle "
        "part dans le texte (par défaut : dates en lettres, règle de l’Imprimerie nationale), "
        "`tables` dans les lignes des tableaux Markdown seulement (où une colonne de dates se lit "
        "mieux en chiffres), `any` partout (DT008 se tait). `false` et `true`, les valeurs du "
        "temps où cette option était un oui/non, valent toujours `words` et `any`.",
    ),
    choices=("words", "tables", "any", "false", "true"),
)


# `![capture 2019-05-03](…)`: an image's alt text is often a file name, not prose.
_IMAGE_ALT = re.compile(r"!\[[^\[\]\n]{0,1000}\]")
_DELIMITER_CELL = re.compile(r":?-+:?")
_LINE = re.compile(r"[^\n]*(?:\n|\Z)")


def _is_delimiter_row(line: str) -> bool:
    """A Markdown table's delimiter row: `|---|:--:|`, `--- | ---` (a `|` at least)."""
    line = line.strip()
    if "|" not in line or "-" not in line:
        return False
    cells = line.removeprefix("|").removesuffix("|").split("|")
    return all(_DELIMITER_CELL.fullmatch(cell.strip()) for cell in cells)


def table_rows(text: str) -> list[tuple[int, int]]:
    """The lines of the Markdown tables of ``text`` (header, delimiter and body rows): a line
    holding a `|` just above a delimiter row, and the lines holding a `|` that follow, up to the
    first that holds none."""
    if "|" not in text or "-" not in text:
        return []
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.start() < len(text)]
    rows: list[tuple[int, int]] = []
    number = 1
    while number < len(lines):
        start, end = lines[number]
        header = lines[number - 1]
        if "|" in text[header[0] : header[1]] and _is_delimiter_row(text[start:end]):
            rows += [header, (start, end)]
            number += 1
            while number < len(lines) and "|" in text[lines[number][0] : lines[number][1]]:
                rows.append(lines[number])
                number += 1
        number += 1
    return rows


# `8 h 30` typeset with no-break spaces (U+00A0, U+202F), as careful sites do, is the spaced style.
_NO_BREAK_AS_SPACE = str.maketrans("\u00a0\u202f", "  ")


def check_house_style(page: Page) -> Iterator[Diagnostic]:
    settings = page.settings
    numeric = {"false": "words", "true": "any"}.get(
        settings.option(NUMERIC_DATES), settings.option(NUMERIC_DATES)
    )
    for value, reading in _readings(page):
        accepted: Ranges | None = None
        for token in reading.tokens:
            if value.in_code(token.start, token.end):
                continue
            written = value.text[token.start : token.end]
            if token.kind in ("time", "bad-time"):
                fixed = time_in(settings.option(TIME_FORMAT), written)
                if fixed != written and fixed != written.translate(_NO_BREAK_AS_SPACE):
                    fix = value.fix(token.start, token.end, fixed)
                    yield value.diagnostic(
                        TIME_STYLE, token.start, token.end, "DT009", fix=fix, text=written,
                        fixed=fixed,
                    )  # fmt: skip
                continue
            if numeric == "any":
                continue
            if accepted is None:  # once a value, and only when it holds a numeric date
                spans = [m.span() for m in _IMAGE_ALT.finditer(value.text)] if value.is_body else []
                if numeric == "tables":
                    spans += table_rows(value.text)
                accepted = Ranges(sorted(spans))
            if not accepted.overlaps(token.start, token.end):
                safety = "safe" if _unambiguous(token.kind, written) else "unsafe"
                fix = value.fix(token.start, token.end, token.rewrite, safety)
                yield value.diagnostic(
                    NUMERIC_DATE, token.start, token.end, "DT008", fix=fix, text=written,
                    fixed=token.rewrite,
                )  # fmt: skip


def _unambiguous(kind: str, written: str) -> bool:
    """Whether a numeric date reads one way only: ISO, or a day that cannot be a month
    (`29/01/2024`); `02/03/2024` is the 3rd of February to an American reader."""
    if kind == "iso-date":
        return True
    day, month = (int(part) for part in written.split("/")[:2])
    return day > 12 or day == month


NUMERIC_DATE = Rule(
    code="DT008",
    name="numeric-date",
    default_severity=Severity.WARNING,
    language="fr",
    summary=Text(
        en="A date in prose is numeric (`29/01/2024`, `2024-01-29`), not in words.",
        fr="Une date dans le texte est numérique (`29/01/2024`, `2024-01-29`), pas en lettres.",
    ),
    messages={
        "DT008": Text(
            en="write `{fixed}`, not `{text}`",
            fr="écrire `{fixed}`, pas `{text}`",
        ),
    },
    doc=Doc(
        what=Text(
            en="""dates written `29/01/2024`, `29/01/24` or `2024-01-29` inside text, and
`29/01` after a word that announces a date (`le`, `du`, `au`, `jusqu'au`, `depuis`, `dès`, a
weekday): without a year or such a word, `7/10` is a score, a ratio or a fraction as often as a
date (`note : 7/10`, `7,3/10`, `3/4 des participants`, `24/7`). A numeric date in prose stands
alone: figures inside a word, a number, a URL, a path or a file name are not dates
(`capture-2019-05-03.png`, `/blog/2024/01/03/`, `?date=2024-01-03`, `2019/2020`, `v2.10`),
nor is an image's alt text in the body, nor a value that is only an ISO date (`date:
2024-01-29` is a date field). The option `[dates] numeric-dates` says where the site accepts
numeric dates. The message gives the text in words.""",
            fr="""les dates écrites `29/01/2024`, `29/01/24` ou `2024-01-29` dans un texte,
et `29/01` après un mot qui annonce une date (`le`, `du`, `au`, `jusqu'au`, `depuis`, `dès`, un
jour de la semaine) : sans année ni un tel mot, `7/10` est une note, un ratio ou une fraction
aussi souvent qu’une date (`note : 7/10`, `7,3/10`, `3/4 des participants`, `24/7`). Une date en
chiffres dans un texte est isolée : des chiffres dans un mot, un nombre, une URL, un chemin ou
un nom de fichier ne sont pas des dates (`capture-2019-05-03.png`, `/blog/2024/01/03/`,
`?date=2024-01-03`, `2019/2020`, `v2.10`), pas plus que le texte alternatif d’une image dans le
corps, ni une valeur qui n’est qu’une date ISO (`date: 2024-01-29` est un champ date). L’option
`[dates] numeric-dates` dit où le site accepte les dates en chiffres. Le message donne la date en
lettres.""",
        ),
        why=Text(
            en="""the French convention for content is `29 janvier 2024`: unambiguous (is 02/03
the 2nd of
March or the 3rd of February?) and readable.""",
            fr="""la convention française pour les contenus est `29 janvier 2024` : sans ambiguïté
(02/03, est-ce le 2 mars ou le 3 février ?) et lisible.""",
        ),
        fix=Text(
            en="write the date as the message says.",
            fr="écrire la date comme le message l’indique.",
        ),
    ),
    examples=(
        bad(
            """
desc: Dépôt des dossiers jusqu'au 12/02/2024
"""
        ),
        good(
            """
desc: Dépôt des dossiers jusqu'au 12 février 2024
"""
        ),
    ),
    check=check_house_style,
    form=True,
    fixable="safe",
    also_reports=("DT009",),
    options=(NUMERIC_DATES,),
)

TIME_STYLE = Rule(
    code="DT009",
    name="time-format",
    default_severity=Severity.WARNING,
    language="fr",
    summary=Text(
        en="A time is written `23h59`, `23:59` or `23H59` where French typography wants `23 h 59`.",
        fr="Une heure est écrite `23h59`, `23:59` ou `23H59` au lieu de `23 h 59`.",
    ),
    messages={
        "DT009": Text(
            en="write `{fixed}`, not `{text}`",
            fr="écrire `{fixed}`, pas `{text}`",
        ),
    },
    doc=Doc(
        what=Text(
            en="""times in text written otherwise than the house style (`[dates]
time-format`, by default `23 h 59`): `23h59`, `23H59`, `23:59`, `9h` → `23 h 59`, `9 h`, also
next to punctuation (`(14h)`, `à 13h45 :`). Durations are written like times in French
typography (`1h30 de trajet` → `1 h 30`) and are reported too. A rate is not a time of day:
`24h/24` and `7j/7` are left alone, as are `12:30:45` and words such as `H2O` or `h1`. The
spaces of `23 h 59` may be no-break ones (U+00A0, U+202F).""",
            fr="""les heures du texte écrites autrement que dans le style du site (`[dates]
time-format`, par défaut `23 h 59`) : `23h59`, `23H59`, `23:59`, `9h` → `23 h 59`, `9 h`, y
compris contre une ponctuation (`(14h)`, `à 13h45 :`). Les durées s’écrivent comme les heures
en typographie française (`1h30 de trajet` → `1 h 30`) et sont signalées aussi. Une fréquence
n’est pas une heure : `24h/24` et `7j/7` ne sont pas signalés, pas plus que `12:30:45` ou des
mots comme `H2O` ou `h1`. Les espaces de `23 h 59` peuvent être insécables (U+00A0, U+202F).""",
        ),
        why=Text(
            en="""the French typographic convention (and this site's house style) separates the
hour, the
`h` and the minutes with spaces (ideally non-breaking).""",
            fr="""la convention typographique française (et le style de ce site) sépare l’heure, le
`h` et les minutes par des espaces (de préférence insécables).""",
        ),
        fix=Text(
            en="write the time as the message says.",
            fr="écrire l’heure comme le message l’indique.",
        ),
    ),
    examples=(
        bad(
            """
desc: Dépôt des dossiers jusqu'au 1er mars 2024 à 23h59
"""
        ),
        good(
            """
desc: Dépôt des dossiers jusqu'au 1er mars 2024 à 23 h 59
"""
        ),
    ),
    options=(TIME_FORMAT,),
    form=True,
    fixable="safe",
)

RULES = (
    MONTH,
    IMPOSSIBLE,
    DAY_FORMAT,
    CAPITAL,
    WEEKDAY,
    REVERSED,
    EMPTY_RANGE,
    NUMERIC_DATE,
    TIME_STYLE,
)
