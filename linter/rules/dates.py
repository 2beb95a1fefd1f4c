"""French date rules (DT): months, impossible days, `1er`, weekdays, ranges, house style.

Every string value and the body are read with ``french.dates.read``; what lies in code, links
and URL fields is skipped. Checks that need a year run only when the year is written or can be
inferred from the same value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.diagnostics import Diagnostic, Severity
from linter.french.dates import MONTHS, WEEKDAYS, Day, Reading, suspect_month
from linter.page import Page, TextValue
from linter.spec import Doc, Option, Rule, Text, bad, good

_DIGIT = re.compile(r"\d")


def _readings(page: Page) -> Iterator[tuple[TextValue, Reading]]:
    for value in page.texts():
        if not value.is_url_field and _DIGIT.search(value.text):
            yield value, value.dates


def _days(page: Page) -> Iterator[tuple[TextValue, Day]]:
    for value, reading in _readings(page):
        for day in reading.days:
            if not value.in_code(day.start, day.end):
                yield value, day


def check_month(page: Page) -> Iterator[Diagnostic]:
    for value, day in _days(page):
        if not day.own_month:
            continue
        start, end = day.month_span
        if day.month is None:
            meant = suspect_month(day.month_word)
            if meant:
                yield value.diagnostic(
                    MONTH, start, end, "DT001", word=day.month_word, month=MONTHS[meant - 1]
                )
        else:
            word, correct = day.month_word, MONTHS[day.month - 1]
            # `Avril` is DT004's (a capital only); `AVRIL` is a heading's style.
            if not word.isupper() and (word[1:] != correct[1:] or word[0].lower() != correct[0]):
                yield value.diagnostic(MONTH, start, end, "DT001", word=word, month=correct)


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
            en="""the month word of every date (`5 fevrier 2024`, `du 3 aout au…`): missing
accents (`fevrier`, `aout`, `decembre`), one-letter typos (`janvir`), and English months
(`5 February 2024`), with the French spelling.""",
            fr="""le mois de chaque date (`5 fevrier 2024`, `du 3 aout au…`) : accents
oubliés (`fevrier`, `aout`, `decembre`), fautes d’une lettre (`janvir`) et mois en anglais
(`5 February 2024`), avec l’orthographe française.""",
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
            yield value.diagnostic(DAY_FORMAT, start, end, "DT003.first", text=written)
        elif written.startswith("0"):
            fixed = "1er" if day.day == 1 else str(day.day)
            yield value.diagnostic(DAY_FORMAT, start, end, "DT003.zero", text=written, fixed=fixed)


DAY_FORMAT = Rule(
    code="DT003",
    name="day-format",
    default_severity=Severity.WARNING,
    language="fr",
    summary=Text(
        en=(
            "The first of a month is written `1`, not `1er`, or a day has a leading "
            "zero (`06 mars`)."
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
)


def check_capital(page: Page) -> Iterator[Diagnostic]:
    for value, day in _days(page):
        word = day.month_word
        if not day.own_month or day.month is None or not word[:1].isupper() or word.isupper():
            continue
        if word[1:] != MONTHS[day.month - 1][1:]:
            continue  # misspelt too: DT001 gives the whole correct word
        start, end = day.month_span
        yield value.diagnostic(CAPITAL, start, end, "DT004", word=word, month=MONTHS[day.month - 1])


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
            en="the month of a date written after its day number, capitalised.",
            fr="le mois d’une date écrit avec une majuscule après son numéro de jour.",
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
)


def check_weekday(page: Page) -> Iterator[Diagnostic]:
    for value, day in _days(page):
        date = day.date()
        if day.weekday is None or day.weekday_span is None or date is None:
            continue
        actual = WEEKDAYS[date.weekday()]
        if day.weekday.lower() != actual:
            start, end = day.weekday_span
            yield value.diagnostic(
                WEEKDAY, start, end, "DT005", weekday=day.weekday, actual=actual, year=date.year,
                date=value.text[day.day_span[0] : day.end],
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
            en="{date} was a {actual}, not a {weekday}",
            fr="le {date} était un {actual}, pas un {weekday}",
        ),
    },
    doc=Doc(
        what=Text(
            en="""`lundi 14 mars 2024`: the weekday agrees with the date. Checked only when
the year is written in the date or elsewhere in the same value.""",
            fr="""`lundi 14 mars 2024` : le jour de la semaine correspond à la date.
Vérifié seulement quand l’année est écrite dans la date ou ailleurs dans la même valeur.""",
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
    """A time rewritten in a house style: spaced `23 h 59`, compact `23h59`, colon `23:59`."""
    match = _TIME_PARTS.match(written)
    if match is None:
        return written
    hours, minutes = int(match.group(1)), match.group(2)
    minutes = None if minutes == "00" and form != "colon" else minutes
    if form == "colon":
        return f"{hours}:{minutes or '00'}"
    if form == "compact":
        return f"{hours}h{minutes or ''}"
    return f"{hours} h {minutes}" if minutes else f"{hours} h"


TIME_FORMAT = Option(
    "dates",
    "time-format",
    "choice",
    "spaced",
    Text(
        en="How the site writes times: `spaced` 23 h 59 (the Imprimerie nationale's rule), "
        "`compact` 23h59, or `colon` 23:59.",
        fr="Comment le site écrit les heures : `spaced` 23 h 59 (règle de l’Imprimerie "
        "nationale), `compact` 23h59, ou `colon` 23:59.",
    ),
    choices=("spaced", "compact", "colon"),
)
NUMERIC_DATES = Option(
    "dates",
    "numeric-dates",
    "bool",
    False,
    Text(
        en="`true` when numeric dates (29/01/2024) are the house style: DT008 is then silent.",
        fr="`true` quand les dates en chiffres (29/01/2024) sont le style du site : DT008 se tait "
        "alors.",
    ),
)


def check_house_style(page: Page) -> Iterator[Diagnostic]:
    settings = page.settings
    for value, reading in _readings(page):
        for token in reading.tokens:
            if value.in_code(token.start, token.end):
                continue
            written = value.text[token.start : token.end]
            if token.kind in ("time", "bad-time"):
                fixed = time_in(settings.option(TIME_FORMAT), written)
                if fixed != written:
                    yield value.diagnostic(
                        TIME_STYLE, token.start, token.end, "DT009", text=written, fixed=fixed
                    )
            elif not settings.option(NUMERIC_DATES):
                yield value.diagnostic(
                    NUMERIC_DATE, token.start, token.end, "DT008", text=written, fixed=token.rewrite
                )


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
            en="""dates written `29/01/2024`, `29/01` or `2024-01-29` inside text (a value
that is only an ISO date, such as `date: 2024-01-29`, is a date field and is left alone). The
message gives the text in the house style.""",
            fr="""les dates écrites `29/01/2024`, `29/01` ou `2024-01-29` dans un texte
(une valeur qui n’est qu’une date ISO, comme `date: 2024-01-29`, est un champ date et n’est pas
signalée). Le message donne le texte dans le style de la maison.""",
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
            en="times in text: `23h59`, `23H59`, `23:59`, `9h` → `23 h 59`, `9 h`.",
            fr="""les heures dans le texte : `23h59`, `23H59`, `23:59`, `9h` →
`23 h 59`, `9 h`.""",
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
