"""Placeholder rules (PH): text that is not real content yet, and how stale it has become.

A placeholder is only a warning while the period it stands for has not started; once it has, the
page misleads its readers and the placeholder is an error. The period is read (French month
ranges and dates with an explicit year) from the value itself, else from its siblings — for a
sprint, its heading `Sprint n° 3 (juin-juillet 2024)`. Without a period it stays a warning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from linter.diagnostics import Diagnostic, Severity
from linter.french.dates import Period, periods
from linter.markdown import Ranges
from linter.page import Page, TextValue
from linter.spec import Doc, Option, Rule, Text, bad, good

_VERBS = r"(?:communiqu|annonc|précis|publi|transmis|fix)\w*"
_SOON = r"(?:prochainement|ultérieurement|bientôt|plus tard)"
_TO_DO = r"à\s+(?:compléter|définir|venir|préciser|confirmer|déterminer)"
_WORDS = r"(?:[\w’'-]+\s+){0,3}"

_CODE_WORDS = ("todo", "fixme", "tbd", "xxx")

_LINE_PHRASE = re.compile(rf"^[^\w\n]*{_WORDS}{_TO_DO}[^\w\n]*$", re.I | re.M)
"""A line that is only a short phrase with « à venir », « à compléter »…"""
_HEADING_LINE = re.compile(r"^[ ]{0,3}#{1,6}[ \t]|:[ \t]*$")


def _introduces(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` is a heading (`## …` or `…:`) with content under it:
    the next line that is not blank is not itself a heading. (« À venir » alone, or a heading
    over nothing, stands in for content.)"""
    line = text[text.rfind("\n", 0, end) + 1 : end]
    if not _HEADING_LINE.search(line):
        return False
    for following in text[end : end + 2000].split("\n")[1:]:
        if following.strip():
            return not re.match(r"[ ]{0,3}#", following)
    return False


PHRASES: tuple[tuple[re.Pattern[str], bool, tuple[str, ...], str | None], ...] = (
    # (pattern, applies to the body too, cheap hints: one must be in the lower-cased text,
    # the language of the phrase: None for any)
    (re.compile(r"\b(?:TODO|FIXME|TBD|XXX)\b"), False, _CODE_WORDS, None),
    (
        re.compile(r"\b(?:TODO|FIXME|TBD|XXX)\b(?=[ \t]*(?::|$|\)|\]))", re.M),
        True,
        _CODE_WORDS,
        None,
    ),
    (re.compile(r"\blorem ipsum\b", re.I), True, ("lorem",), None),
    (
        re.compile(rf"\b(?:sera|seront)\s+{_VERBS}\s+{_SOON}", re.I),
        True,
        ("prochainement", "ultérieurement", "bientôt", "plus tard"),
        "fr",
    ),
    (
        re.compile(r"\b(?:coming soon|to be (?:announced|confirmed|defined|determined))\b", re.I),
        True,
        ("coming", "to be"),
        None,
    ),
    (_LINE_PHRASE, True, ("à ",), "fr"),
    (re.compile(rf"[(\[]\s*{_WORDS}{_TO_DO}\s*[)\]]", re.I), True, ("à ",), "fr"),
)
_TEMPLATE_FIELD = re.compile(r"(?<![\]!\\\w])\[(?P<inner>[A-ZÀ-Ý0-9][^\[\]\n]{1,40})\](?![(\[:])")


SITE_PHRASES = Option(
    "placeholders",
    "phrases",
    "strings",
    (),
    Text(
        en="The site's own placeholder phrases, beyond TODO, lorem ipsum, « à compléter »…",
        fr="Les formules d’attente propres au site, en plus de TODO, lorem ipsum, « à compléter »…",
    ),
    lower=True,
)


def _placeholders(value: TextValue) -> list[tuple[int, int, str]]:
    """(start, end, text) of every placeholder in a value, in order, without overlaps.

    Linear in the value: the matches of one pattern never overlap one another, so each pattern
    is checked against what the patterns before it found, a fixed set bisected (``Ranges``)."""
    text_of = value.text
    found: list[tuple[int, int, str]] = []
    lowered = text_of.lower()
    for pattern, in_body, hints, language in PHRASES:
        if (value.is_body and not in_body) or not any(hint in lowered for hint in hints):
            continue
        if language is not None and language != value.page.lang:
            continue
        taken = Ranges([(a, b) for a, b, _ in found])
        for match in pattern.finditer(text_of):
            start, end = match.span()
            if pattern is _LINE_PHRASE and _introduces(text_of, end):
                continue  # `## Nos ateliers à venir` over the list of them: a heading
            text = match.group().strip()
            start = text_of.index(text, start) if text else start
            end = start + len(text)
            if not value.in_code(start, end) and not taken.overlaps(start, end):
                found.append((start, end, text))
    for phrase in value.page.settings.option(SITE_PHRASES):
        if phrase in lowered:
            taken = Ranges([(a, b) for a, b, _ in found])
            for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text_of, re.I):
                start, end = match.span()
                if not value.in_code(start, end) and not taken.overlaps(start, end):
                    found.append((start, end, match.group()))
    if "[" in text_of:
        taken = Ranges([(a, b) for a, b, _ in found])
        first = len(text_of) - len(text_of.lstrip())  # the first character that is not a space
        last = len(text_of.rstrip())  # just after the last one
        defined = _Definitions(text_of)
        for match in _TEMPLATE_FIELD.finditer(text_of):
            inner = match["inner"]
            if re.fullmatch(r"[.…\s]+|\d+|[A-Z]|v?\d+(?:\.\d+)+\S*", inner) or value.in_code(
                *match.span()
            ):  # `[1.2.0]`: a version (a changelog's heading), not a field to fill
                continue
            if match.start() <= first and match.end() < last:
                continue  # `[Vidéo] Restitution…`, `[OFFRE POURVUE] Chargé…`: a label, not a field
            if defined.has(inner):
                continue  # a reference link with its definition
            if not taken.overlaps(*match.span()):
                found.append((match.start(), match.end(), match.group()))
    return sorted(found)


_DEFINITION_LINE = re.compile(r"^[ ]{0,3}\[(?P<label>[^\[\]\n]+)\]:", re.M)
_PLAIN_CASE = re.compile(r"[\x00-\x7fÀ-ÖØ-Þà-öø-þ]*")
"""Characters whose case-insensitive matches (``re.I``) are exactly those of equal ``lower()``:
ASCII and the Latin-1 letters (not `µ`, `ß` nor `ÿ`, whose kin lie outside). `i`, `s`, `k`
and `å` also match `ı`, `ſ`, the Kelvin and the Ångström signs, which are not in the set: a
label that holds one of those is checked by the pattern itself."""


class _Definitions:
    r"""The labels of the reference definitions of a text (`[label]: …` at a line's start), to
    tell at once whether `[inner]` has one — what ``re.search(rf"^[ ]{0,3}\[{inner}\]:", text,
    re.M | re.I)`` tells, without reading the whole text once per field."""

    def __init__(self, text: str) -> None:
        self.plain: set[str] = set()
        self.labels: list[str] = []
        for match in _DEFINITION_LINE.finditer(text) if "]:" in text else ():
            self.labels.append(match["label"])
            if _PLAIN_CASE.fullmatch(match["label"]):
                self.plain.add(match["label"].lower())
        self.others = "\n".join(f"[{x}]:" for x in self.labels if not _PLAIN_CASE.fullmatch(x))
        self.every: str | None = None

    def has(self, inner: str) -> bool:
        pattern = rf"^\[{re.escape(inner)}\]:"
        if _PLAIN_CASE.fullmatch(inner):
            return inner.lower() in self.plain or bool(
                self.others and re.search(pattern, self.others, re.M | re.I)
            )
        if self.every is None:  # rare: a field with other letters; the pattern over every label
            self.every = "\n".join(f"[{label}]:" for label in self.labels)
        return re.search(pattern, self.every, re.M | re.I) is not None


def _period(
    value: TextValue, first_dated: dict[tuple[str | int, ...], TextValue | None]
) -> tuple[Period, str] | None:
    """The period a value speaks of, and the words naming it: in its own text, else in its
    siblings (an item's heading). ``first_dated`` keeps, per mapping, its first value that names
    a period, so that a mapping of many values is read once, not once per value."""
    if value.is_body:
        return None
    found = periods(value.text, value.dates)
    if found:
        return found[0], value.text[found[0].first : found[0].last]
    parent = value.path[:-1]
    if parent not in first_dated:
        family = value.page.family(parent)
        if len({v.key for v in family}) < len(family):
            # A key written twice: the siblings are read as ``siblings`` gives them.
            for candidate in value.siblings().values():
                found = periods(candidate.text, candidate.dates)
                if found:
                    return found[0], candidate.text[found[0].first : found[0].last]
            return None
        first_dated[parent] = next(
            (v for v in family if periods(v.text, v.dates)), None
        )  # (not ``value``: its own text names no period)
    named = first_dated[parent]
    if named is None:
        return None
    found = periods(named.text, named.dates)
    return found[0], named.text[found[0].first : found[0].last]


def check_placeholders(page: Page) -> Iterator[Diagnostic]:
    first_dated: dict[tuple[str | int, ...], TextValue | None] = {}
    for value in page.texts():
        found = _placeholders(value)
        if not found:
            continue
        dated = _period(value, first_dated)
        for start, end, text in found:
            shown = text if len(text) <= 60 else text[:59] + "…"
            if dated is None:
                yield value.diagnostic(PLACEHOLDER, start, end, "PH001", text=shown)
                continue
            period, named = dated
            if period.start <= page.today:
                yield value.diagnostic(
                    STALE, start, end, "PH002", text=shown, period=named,
                    start_date=period.start.isoformat(),
                )  # fmt: skip
            else:
                yield value.diagnostic(
                    PLACEHOLDER, start, end, "PH001.period", text=shown, period=named
                )


PLACEHOLDER = Rule(
    code="PH001",
    name="placeholder",
    default_severity=Severity.WARNING,
    summary=Text(
        en=(
            "Placeholder text (TODO, lorem ipsum, « à compléter », [Titre]…) for a "
            "period not yet started."
        ),
        fr=(
            "Texte provisoire (TODO, lorem ipsum, « à compléter », [Titre]…) pour "
            "une période à venir."
        ),
    ),
    messages={
        "PH001": Text(
            en="placeholder text `{text}`",
            fr="texte provisoire `{text}`",
        ),
        "PH001.period": Text(
            en="placeholder text `{text}` for {period}: write the real content before it starts",
            fr="texte provisoire `{text}` pour {period} : écrire le vrai contenu avant son début",
        ),
    },
    doc=Doc(
        what=Text(
            en="""text that is not real content yet: `TODO`, `FIXME`, `TBD`, `XXX`
(in the body only when followed by `:` or at the end of a line), "lorem ipsum", "sera/seront
communiqué(e)s prochainement" and its kin, "coming soon", "to be announced", a short phrase or
parenthesis ending in "à compléter / à définir / à venir / à préciser / à confirmer", and
template fields in square brackets such as `[15 avril]` or `[Titre]` (not links, nor a label
that opens a title, like `[Vidéo] Restitution…`). While the
period the text belongs to has not started (or when it names none), this is a warning; once the
period has started, PH002 reports it as an error instead.""",
            fr="""le texte qui n’est pas encore du vrai contenu : `TODO`, `FIXME`,
`TBD`, `XXX` (dans le corps, seulement suivis de `:` ou en fin de ligne), « lorem ipsum »,
« sera/seront communiqué(e)s prochainement » et ses variantes, « coming soon », « to be
announced », une courte phrase ou parenthèse finissant par « à compléter / à définir / à venir /
à préciser / à confirmer », et les champs de modèle entre crochets comme `[15 avril]` ou `[Titre]`
(hors liens, et hors étiquette en tête d’un titre comme `[Vidéo] Restitution…`). Tant que la
période concernée n’a pas commencé (ou si aucune n’est nommée), c’est
un avertissement ; dès qu’elle a commencé, PH002 le signale comme une erreur.""",
        ),
        why=Text(
            en="a reader takes the page at its word; a placeholder left online misleads.",
            fr="le lecteur prend la page au mot ; un texte provisoire resté en ligne le trompe.",
        ),
        fix=Text(
            en="write the real content before the period starts.",
            fr="écrire le vrai contenu avant le début de la période.",
        ),
    ),
    examples=(
        bad(
            """
steps:
  dates:
    - date: Sprint n° 3 (juin-juillet 2024)
      desc: Les dates de candidature et d'entretien seront communiquées prochainement.
""",
            today="2024-03-01",
        ),
        good(
            """
steps:
  dates:
    - date: Sprint n° 3 (juin-juillet 2024)
      desc: "* Dépôt des dossiers : du 3 au 21 juin 2024 à 23 h 59"
"""
        ),
    ),
    check=check_placeholders,
    also_reports=("PH002",),
    options=(SITE_PHRASES,),
)

STALE = Rule(
    code="PH002",
    name="stale-placeholder",
    default_severity=Severity.ERROR,
    summary=Text(
        en="Placeholder text still online after the period it announces has started.",
        fr="Texte provisoire encore en ligne alors que la période annoncée a commencé.",
    ),
    messages={
        "PH002": Text(
            en="stale placeholder `{text}`: {period} started on {start_date}",
            fr="texte provisoire périmé `{text}` : {period} a commencé le {start_date}",
        ),
    },
    doc=Doc(
        what=Text(
            en="""the placeholders of PH001 whose period (read from the value or from its
item's heading, e.g. `Sprint n° 3 (juin-juillet 2024)`) has started on the reference date
(`--today`, default the system date).""",
            fr="""les textes provisoires de PH001 dont la période (lue dans la valeur ou
dans l’intitulé de son élément, par exemple `Sprint n° 3 (juin-juillet 2024)`) a commencé à la
date de référence (`--today`, par défaut la date du système).""",
        ),
        why=Text(
            en=(
                '"dates will be announced soon" for a period already under way tells '
                "candidates there is nothing to apply to — while the applications may "
                "already be open, or closed."
            ),
            fr=(
                "« les dates seront communiquées prochainement » pour une période déjà "
                "entamée dit aux candidats qu’il n’y a rien à quoi postuler, alors que "
                "les candidatures sont peut-être déjà ouvertes, ou closes."
            ),
        ),
        fix=Text(
            en="replace the placeholder with the real content, or remove the item.",
            fr="remplacer le texte provisoire par le vrai contenu, ou retirer l’élément.",
        ),
    ),
    examples=(
        bad(
            """
steps:
  dates:
    - date: Sprint n° 3 (juin-juillet 2024)
      desc: Les dates de candidature et d'entretien seront communiquées prochainement.
""",
            today="2024-06-10",
        ),
        good(
            """
steps:
  dates:
    - date: Sprint n° 3 (juin-juillet 2024)
      desc: "* Dépôt des dossiers : du 3 au 21 juin 2024 à 23 h 59"
"""
        ),
    ),
)


def check_repeated(page: Page) -> Iterator[Diagnostic]:
    by_list: dict[tuple, dict[str, list[TextValue]]] = defaultdict(lambda: defaultdict(list))
    for value in page.values:
        path = value.path
        if len(path) >= 2 and isinstance(path[-2], int) and isinstance(path[-1], str):
            by_list[path[:-2]][path[-1]].append(value)
    for items in by_list.values():
        for values in items.values():
            seen: dict[str, TextValue] = {}
            for value in values:
                text = value.text.strip()
                if len(text) < 40:
                    continue
                if text in seen and not _placeholders(value):
                    first = seen[text]
                    yield value.diagnostic(
                        REPEATED,
                        0,
                        len(value.text),
                        "PH003",
                        first=first.where,
                        line=first.span(0, 0).line,
                    )
                elif text not in seen:
                    seen[text] = value


REPEATED = Rule(
    code="PH003",
    name="repeated-text",
    default_severity=Severity.WARNING,
    summary=Text(
        en="The same long text is repeated verbatim in several items of a list.",
        fr="Le même long texte est répété à l’identique dans plusieurs éléments d’une liste.",
    ),
    messages={
        "PH003": Text(
            en="same text as `{first}` (line {line}): a copy left unedited?",
            fr="même texte que `{first}` (ligne {line}) : une copie oubliée ?",
        ),
    },
    doc=Doc(
        what=Text(
            en="""in a list of items (sprints, questions, team members…), a text of 40
characters or more that is the same, to the letter, as the same field of an earlier item.""",
            fr="""dans une liste d’éléments (sprints, questions, membres d’équipe…), un
texte de 40 caractères ou plus identique, à la lettre près, au même champ d’un élément
précédent.""",
        ),
        why=Text(
            en="""it is nearly always a copy-paste that was meant to be edited: the second item
shows the
first one's dates or description.""",
            fr="""c’est presque toujours un copier-coller qu’il fallait modifier : le second élément
affiche les dates ou la description du premier.""",
        ),
        fix=Text(
            en="edit the copy.",
            fr="modifier la copie.",
        ),
    ),
    examples=(
        bad(
            """
steps:
  dates:
    - date: Sprint n° 1 (février-mars 2024)
      desc: Dépôt des dossiers du 29 janvier au 1er mars 2024
    - date: Sprint n° 2 (avril-mai 2024)
      desc: Dépôt des dossiers du 29 janvier au 1er mars 2024
"""
        ),
        good(
            """
steps:
  dates:
    - date: Sprint n° 1 (février-mars 2024)
      desc: Dépôt des dossiers du 29 janvier au 1er mars 2024
    - date: Sprint n° 2 (avril-mai 2024)
      desc: Dépôt des dossiers du 3 au 26 avril 2024
"""
        ),
    ),
    check=check_repeated,
)

RULES = (PLACEHOLDER, STALE, REPEATED)
