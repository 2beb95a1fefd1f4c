"""Sequence rules (SQ): lists of dated items, such as the recruitment sprints of the apply page.

A list is a dated sequence when its schema says so, with the annotation keyword
``x-frontlint-sequence`` on the array: ``{"heading": "date", "details": "desc"}`` names the key of
each item's heading (`Sprint n° 3 (août-septembre 2024)`) and of its dated details (`* Dépôt des
dossiers : du 19 août au 8 septembre 2024…`). No key path is hard-coded here: any page type can
declare its own sequences in its schema.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from linter.diagnostics import Diagnostic, Severity
from linter.french.dates import Period, periods
from linter.page import Page, TextValue
from linter.records import record
from linter.schema import valid_annotation
from linter.spec import Doc, Rule, Text, bad, good
from linter.yamltree import MappingNode, SequenceNode, format_path, key_name

KEYWORD = "x-frontlint-sequence"
_NUMBER = re.compile(r"\bn°\s*(\d+)|(?<![\d/.-])(\d{1,3})(?![\d/.-])")


@dataclass
class Item:
    index: int
    path: tuple
    node: MappingNode
    heading: TextValue | None
    details: TextValue | None

    @property
    def label(self) -> str:
        return self.heading.text.strip() if self.heading else format_path(self.path)

    def dated(self) -> list[Period]:
        """Every range and day of the details (not month names), in text order."""
        if self.details is None:
            return []
        return periods(self.details.text, self.details.dates, months=False)


def sequences(page: Page) -> Iterator[tuple[tuple, list[Item]]]:
    """Every dated sequence of the page (by its schema), with its items."""
    if not page.schema:
        return
    by_path = {value.path: value for value in page.values}
    for path, node, subschema in page.lists():
        annotation = subschema.get(KEYWORD)
        # A value of another shape (`"heading": ["date"]`) is reported once per page by the
        # schema check (SC007.keyword) and skipped here.
        if not isinstance(node, SequenceNode) or not isinstance(annotation, dict):
            continue
        if not valid_annotation(KEYWORD, annotation):
            continue
        heading_key, details_key = annotation.get("heading"), annotation.get("details")

        def value(here: tuple[str | int, ...], key: object) -> TextValue | None:
            # The key names come from the schema: anything but a string names no item key.
            return by_path.get((*here, key)) if isinstance(key, str) else None

        items = []
        for index, item in enumerate(node.items):
            if isinstance(item, MappingNode):
                here = (*path, index)
                items.append(
                    Item(index, here, item, value(here, heading_key), value(here, details_key))
                )
        yield path, items


def check_numbering(page: Page) -> Iterator[Diagnostic]:
    for _path, items in sequences(page):
        first: int | None = None
        seen: dict[int, Item] = {}
        for position, item in enumerate(items):
            match = _NUMBER.search(item.heading.text) if item.heading else None
            if match is None or item.heading is None:
                continue
            group = 1 if match.group(1) else 2
            number = int(match.group(group))
            start, end = match.span(group)
            if first is None:
                first = number - position
            if number in seen:
                yield item.heading.diagnostic(
                    NUMBERING,
                    start,
                    end,
                    "SQ001.duplicate",
                    number=number,
                    other=seen[number].label,
                )
            elif number != first + position:
                yield item.heading.diagnostic(
                    NUMBERING, start, end, "SQ001", number=number, expected=first + position
                )
            seen.setdefault(number, item)


NUMBERING = Rule(
    code="SQ001",
    name="sequence-numbering",
    default_severity=Severity.ERROR,
    summary=Text(
        en="The items of a dated sequence are not numbered 1, 2, 3… (gap, duplicate or disorder).",
        fr=(
            "Les éléments d’une suite datée ne sont pas numérotés 1, 2, 3… (trou, "
            "doublon ou désordre)."
        ),
    ),
    messages={
        "SQ001": Text(
            en="number {number} where {expected} is expected in the sequence",
            fr="numéro {number} là où la suite attend {expected}",
        ),
        "SQ001.duplicate": Text(
            en="number {number} again (already `{other}`)",
            fr="numéro {number} en double (déjà `{other}`)",
        ),
    },
    doc=Doc(
        what=Text(
            en="""in a list the schema marks as a dated sequence (`x-frontlint-sequence`),
the number of each heading (`Sprint n° 4`) follows the previous one's.""",
            fr="""dans une liste que le schéma déclare comme suite datée
(`x-frontlint-sequence`), le numéro de chaque intitulé (`Sprint n° 4`) suit celui du précédent.""",
        ),
        why=Text(
            en=(
                "a missing or repeated number makes readers think a sprint was "
                "cancelled or doubled."
            ),
            fr="un numéro manquant ou répété fait croire qu’un sprint a été annulé ou dédoublé.",
        ),
        fix=Text(
            en="renumber the headings.",
            fr="renuméroter les intitulés.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
steps:
  dates:
    - date: Sprint n° 4 (mars-avril 2025)
    - date: Sprint n° 6 (septembre-octobre 2025)
"""
        ),
        good(
            """
layout: apply
steps:
  dates:
    - date: Sprint n° 4 (mars-avril 2025)
    - date: Sprint n° 5 (septembre-octobre 2025)
"""
        ),
    ),
    check=check_numbering,
)


def check_order(page: Page) -> Iterator[Diagnostic]:
    for _path, items in sequences(page):
        previous: tuple[Item, datetime.date, datetime.date] | None = None
        for item in items:
            dated = item.dated()
            if not dated or item.details is None:
                continue
            start = min(d.start for d in dated)
            end = max(d.end for d in dated)
            first = min(dated, key=lambda d: d.start)
            if previous is not None:
                other, other_start, other_end = previous
                if end < other_start:
                    yield item.details.diagnostic(
                        ORDER, first.first, first.last, "SQ002.before", other=other.label,
                        start_date=start.isoformat(), other_date=other_start.isoformat(),
                    )  # fmt: skip
                elif start <= other_end:
                    yield item.details.diagnostic(
                        ORDER, first.first, first.last, "SQ002.overlap", other=other.label,
                        start_date=start.isoformat(), other_date=other_end.isoformat(),
                    )  # fmt: skip
            previous = (item, start, end)


ORDER = Rule(
    code="SQ002",
    name="sequence-order",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A dated item starts before the previous one ends (disorder or overlap).",
        fr="Un élément daté commence avant la fin du précédent (désordre ou chevauchement).",
    ),
    messages={
        "SQ002.before": Text(
            en="starts on {start_date}, before `{other}` (from {other_date}): items out of order",
            fr=(
                "commence le {start_date}, avant `{other}` (à partir du {other_date}) : "
                "éléments dans le désordre"
            ),
        ),
        "SQ002.overlap": Text(
            en="starts on {start_date}, before `{other}` ends ({other_date})",
            fr="commence le {start_date}, avant la fin de `{other}` ({other_date})",
        ),
    },
    doc=Doc(
        what=Text(
            en="""in a dated sequence, each item's dates (read from its details) start after
the previous item's last date: the items are in chronological order and do not overlap.""",
            fr="""dans une suite datée, les dates de chaque élément (lues dans son
détail) commencent après la dernière date de l’élément précédent : les éléments sont dans l’ordre
chronologique et ne se chevauchent pas.""",
        ),
        why=Text(
            en="""overlapping sprints mean a date was copied from the wrong sprint, or the order
is wrong;
candidates plan their application on these dates.""",
            fr="""des sprints qui se chevauchent trahissent une date copiée du mauvais sprint, ou un
ordre faux ; les candidats organisent leur candidature sur ces dates.""",
        ),
        fix=Text(
            en="correct the dates, or the order of the items.",
            fr="corriger les dates, ou l’ordre des éléments.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
steps:
  dates:
    - date: Sprint n° 2 (avril-mai 2024)
      desc: Entretiens de sélection du 6 au 24 mai 2024
    - date: Sprint n° 3 (mai-juin 2024)
      desc: Dépôt des dossiers du 20 mai au 7 juin 2024
"""
        ),
        good(
            """
layout: apply
steps:
  dates:
    - date: Sprint n° 2 (avril-mai 2024)
      desc: Entretiens de sélection du 6 au 24 mai 2024
    - date: Sprint n° 3 (juin 2024)
      desc: Dépôt des dossiers du 3 au 21 juin 2024
"""
        ),
    ),
    check=check_order,
)


def check_phases(page: Page) -> Iterator[Diagnostic]:
    for _path, items in sequences(page):
        for item in items:
            dated = item.dated()
            for before, after in itertools.pairwise(dated):
                if after.start <= before.end and item.details is not None:
                    text = item.details.text
                    yield item.details.diagnostic(
                        PHASES, after.first, after.last, "SQ003",
                        text=text[after.first : after.last],
                        previous=text[before.first : before.last],
                        end_date=before.end.isoformat(),
                    )  # fmt: skip


PHASES = Rule(
    code="SQ003",
    name="phase-order",
    default_severity=Severity.ERROR,
    summary=Text(
        en=(
            "Inside one item, a period starts before the previous one ends "
            "(interviews before deadline)."
        ),
        fr=(
            "Dans un élément, une période commence avant la fin de la précédente "
            "(entretiens trop tôt)."
        ),
    ),
    messages={
        "SQ003": Text(
            en="`{text}` starts before `{previous}` ends ({end_date})",
            fr="`{text}` commence avant la fin de `{previous}` ({end_date})",
        ),
    },
    doc=Doc(
        what=Text(
            en="""inside the details of one dated item, each date or range starts after the
previous one ends: the interviews start after the application window closes.""",
            fr="""dans le détail d’un élément daté, chaque date ou période commence
après la fin de la précédente : les entretiens commencent après la clôture des candidatures.""",
        ),
        why=Text(
            en=(
                "interviews that start while applications are still open are a typo in "
                "one of the dates."
            ),
            fr="""des entretiens qui commencent avant la clôture trahissent une faute de frappe dans
l’une des dates.""",
        ),
        fix=Text(
            en="correct the dates.",
            fr="corriger les dates.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
steps:
  dates:
    - date: Sprint n° 2 (avril-mai 2024)
      desc: |-
        * Dépôt des dossiers : du 3 au 26 avril 2024 à 23 h 59
        * Entretiens de sélection : du 16 au 30 avril 2024
"""
        ),
        good(
            """
layout: apply
steps:
  dates:
    - date: Sprint n° 2 (avril-mai 2024)
      desc: |-
        * Dépôt des dossiers : du 3 au 26 avril 2024 à 23 h 59
        * Entretiens de sélection : du 6 au 24 mai 2024
"""
        ),
    ),
    check=check_phases,
)


def check_heading(page: Page) -> Iterator[Diagnostic]:
    for _path, items in sequences(page):
        for item in items:
            if item.heading is None:
                continue
            spans = item.heading.dates.months
            dated = item.dated()
            if not spans or not dated:
                continue
            span = spans[0]
            start = min(d.start for d in dated)
            end = max(d.end for d in dated)
            years = {d.start.year for d in dated} | {d.end.year for d in dated}
            if end < span.first_day or start > span.last_day or span.year not in years:
                yield item.heading.diagnostic(
                    HEADING, span.start, span.end, "SQ004", start_date=start.isoformat(),
                    end_date=end.isoformat(), period=item.heading.text[span.start : span.end],
                )  # fmt: skip


HEADING = Rule(
    code="SQ004",
    name="heading-mismatch",
    default_severity=Severity.ERROR,
    language="fr",
    summary=Text(
        en="An item's heading names months that its dates do not fall in (or another year).",
        fr=(
            "L’intitulé d’un élément annonce des mois où ses dates ne tombent pas "
            "(ou une autre année)."
        ),
    ),
    messages={
        "SQ004": Text(
            en="heading says `{period}` but the dates run from {start_date} to {end_date}",
            fr="l’intitulé annonce `{period}` mais les dates vont du {start_date} au {end_date}",
        ),
    },
    doc=Doc(
        what=Text(
            en="""the month range of a dated item's heading (`(février-mars 2024)`) and the
dates of its details overlap, in the same year. A heading `février-mars 2024` over `du 29 janvier
au 1er mars 2024` is right (they overlap) and is not reported.""",
            fr="""la période de l’intitulé d’un élément daté (`(février-mars 2024)`) et
les dates de son détail se recouvrent, la même année. Un intitulé `février-mars 2024` au-dessus
de `du 29 janvier au 1er mars 2024` est juste (ils se recouvrent) et n’est pas signalé.""",
        ),
        why=Text(
            en="""a heading copied from the previous sprint announces the wrong months to readers
who only
skim the headings.""",
            fr="""un intitulé recopié du sprint précédent annonce les mauvais mois aux lecteurs
qui ne
lisent que les intitulés.""",
        ),
        fix=Text(
            en="correct the heading or the dates.",
            fr="corriger l’intitulé ou les dates.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
steps:
  dates:
    - date: Sprint n° 3 (juin-juillet 2024)
      desc: Dépôt des dossiers du 19 août au 8 septembre 2024
"""
        ),
        good(
            """
layout: apply
steps:
  dates:
    - date: Sprint n° 3 (août-septembre 2024)
      desc: Dépôt des dossiers du 19 août au 8 septembre 2024
"""
        ),
    ),
    check=check_heading,
)


def check_count(page: Page) -> Iterator[Diagnostic]:
    for path, items in sequences(page):
        headings = [item.heading.text for item in items if item.heading]
        noun = re.match(r"\s*([^\W\d_]{3,})", headings[0]) if headings else None
        if noun is None:
            continue
        announced = re.compile(rf"\b(\d+)\s+{re.escape(noun.group(1))}s?\b", re.I)
        for value in page.values:
            if value.path[: len(path)] == path:
                continue  # the items themselves
            for match in announced.finditer(value.text):
                if int(match.group(1)) != len(items) and not value.in_code(
                    match.start(), match.end()
                ):
                    yield value.diagnostic(
                        COUNT, match.start(1), match.end(1), "SQ005", text=match.group(),
                        count=len(items), where=format_path(path),
                    )  # fmt: skip


COUNT = Rule(
    code="SQ005",
    name="announced-count",
    default_severity=Severity.ERROR,
    language="fr",
    summary=Text(
        en="The page announces a number of items (`5 sprints`) that the sequence does not have.",
        fr="La page annonce un nombre d’éléments (`5 sprints`) que la suite n’a pas.",
    ),
    messages={
        "SQ005": Text(
            en="`{text}` announced, but `{where}` has {count}",
            fr="`{text}` annoncés, mais `{where}` en compte {count}",
        ),
    },
    doc=Doc(
        what=Text(
            en="""a number followed by the sequence's noun (the first word of its headings:
`5 sprints` in a title, `l'un des 4 sprints` in a description) equals the number of items.""",
            fr="""un nombre suivi du nom de la suite (le premier mot de ses intitulés :
`5 sprints` dans un titre, `l'un des 4 sprints` dans une description) est égal au nombre
d’éléments.""",
        ),
        why=Text(
            en="a sprint added or removed without updating the text that counts them.",
            fr="un sprint ajouté ou retiré sans mettre à jour le texte qui les compte.",
        ),
        fix=Text(
            en="update the count, or write it without a number.",
            fr="mettre le nombre à jour, ou l’écrire sans nombre.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
steps:
  title: Les 3 sprints de 2025
  dates:
    - date: Sprint n° 4 (mars-avril 2025)
    - date: Sprint n° 5 (septembre-octobre 2025)
"""
        ),
        good(
            """
layout: apply
steps:
  title: Les 2 sprints de 2025
  dates:
    - date: Sprint n° 4 (mars-avril 2025)
    - date: Sprint n° 5 (septembre-octobre 2025)
"""
        ),
    ),
    check=check_count,
)


def check_key_order(page: Page) -> Iterator[Diagnostic]:
    for _path, items in sequences(page):
        if not items:
            continue
        reference = [key_name(k) for k, _v in items[0].node.pairs]
        for item in items[1:]:
            keys = [key_name(k) for k, _v in item.node.pairs]
            if keys != reference and sorted(map(str, keys)) == sorted(map(str, reference)):
                first_key = item.node.pairs[0][0]
                yield Diagnostic.of(
                    KEY_ORDER, page.doc.path, first_key.span, "SQ006", path=format_path(item.path),
                    order=", ".join(map(str, reference)),
                )  # fmt: skip


KEY_ORDER = Rule(
    code="SQ006",
    name="key-order",
    default_severity=Severity.INFO,
    summary=Text(
        en="An item's keys are not in the same order as the first item's.",
        fr="Les clés d’un élément ne sont pas dans le même ordre que celles du premier.",
    ),
    messages={
        "SQ006": Text(
            en="keys not in the order of the first item ({order})",
            fr="clés dans un autre ordre que celles du premier élément ({order})",
        ),
    },
    doc=Doc(
        what=Text(
            en="""every item of a dated sequence lists its keys in the order of the first
item (`date` then `desc`).""",
            fr="""chaque élément d’une suite datée donne ses clés dans l’ordre du premier
(`date` puis `desc`).""",
        ),
        why=Text(
            en=(
                "harmless for the site, but a sign of a hand edit, and it makes the "
                "file harder to review."
            ),
            fr="""sans effet sur le site, mais signe d’une modification à la main, et le fichier
devient
plus difficile à relire.""",
        ),
        fix=Text(
            en="reorder the keys.",
            fr="remettre les clés dans l’ordre.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
steps:
  dates:
    - date: Sprint n° 4 (mars-avril 2025)
      desc: Dépôt des dossiers du 6 mars au 11 avril 2025
    - desc: Dépôt des dossiers du 18 septembre au 5 octobre 2025
      date: Sprint n° 5 (septembre-octobre 2025)
"""
        ),
        good(
            """
layout: apply
steps:
  dates:
    - date: Sprint n° 4 (mars-avril 2025)
      desc: Dépôt des dossiers du 6 mars au 11 avril 2025
    - date: Sprint n° 5 (septembre-octobre 2025)
      desc: Dépôt des dossiers du 18 septembre au 5 octobre 2025
"""
        ),
    ),
    check=check_key_order,
)

RULES = (NUMBERING, ORDER, PHASES, HEADING, COUNT, KEY_ORDER)


@record
class Phase:
    label: str
    start: datetime.date
    end: datetime.date


@record
class Calendar:
    """A dated sequence as a report draws it (the Markdown summary's Gantt chart)."""

    path: str
    sequence: str
    items: tuple[tuple[str, tuple[Phase, ...]], ...]


def calendars(page: Page) -> list[Calendar]:
    """The dated sequences of a page, each item with its phases (`Dépôt des dossiers`…)."""
    if not page.schema:
        return []
    found = []
    for path, items in sequences(page):
        drawn = []
        for item in items:
            phases = []
            for period in item.dated():
                text = item.details.text if item.details else ""
                line = text[text.rfind("\n", 0, period.first) + 1 : period.first]
                label = line.strip(" *-:\t").rstrip(" :") or "dates"
                phases.append(
                    Phase(label, min(period.start, period.end), max(period.start, period.end))
                )
            drawn.append((item.label, tuple(phases)))
        if any(phases for _label, phases in drawn):
            found.append(Calendar(page.doc.path, format_path(path), tuple(drawn)))
    return found


COLLECTORS = {"calendars": calendars}
