"""Placeholder rules (PH): text that is not real content yet, and how stale it has become.

A placeholder is only a warning while the period it stands for has not started; once it has, the
page misleads its readers and the placeholder is an error. The period is read (French month
ranges and dates with an explicit year) from the value itself, else, in an item of a list, from
its siblings — for a sprint, its heading `Sprint n° 3 (juin-juillet 2024)`; never from unrelated
keys of the page. Without a period it stays a warning.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator

from linter.diagnostics import Diagnostic, Severity
from linter.french.dates import Period, periods
from linter.markdown import Ranges
from linter.page import Page, TextValue, code_ranges
from linter.records import by_text
from linter.spec import Doc, Option, Rule, Text, bad, good

_VERBS = r"(?:(?:communiqu|annonc|précis|publi|transmis|fix|disponible)\w*|mise?s?\s+en\s+ligne)"
_SOON = r"(?:prochainement|ultérieurement|bientôt|plus tard)"
_STRONG = r"(?:compléter|définir|préciser|confirmer|déterminer)"
_STRONG_HINTS = ("compléter", "définir", "préciser", "confirmer", "déterminer")
_WORDS = r"(?:[\w’'-]+\s+){0,3}"

_CODE_WORDS = ("todo", "fixme", "tbd", "tbc", "tk", "xxx")

_LINE_PHRASE = re.compile(
    rf"^(?:[^\n:]{{0,60}}?:[^\S\n]+)?"  # a label: `Date : à confirmer`
    rf"(?P<p>[^\w\n]*(?:{_WORDS}à|(?-i:A))\s+{_STRONG}[^\w\n]*)$",
    re.I | re.M,
)
"""A line (or what follows its label) that is only a short phrase with « à compléter »,
« à définir »…; `A compléter` unaccented only at the start."""
_PAREN_PHRASE = re.compile(rf"[(\[]\s*{_WORDS}à\s+{_STRONG}\s*[)\]]", re.I)
_FORM_TO_FILL = re.compile(
    r"\b(?:formulaires?|fiches?|dossiers?|bulletins?|questionnaires?|imprimés?|cerfa"
    r"|attestations?|coupons?|déclarations?|bordereaux|bordereau|autorisations?)"
    r"(?:\s+[\w’'-]+){0,2}\s+à\s+compléter\b",
    re.I,
)
"""A form that the reader fills in (« - la fiche sanitaire à compléter ; », « (formulaire à
compléter) »): a document of a procedure, not content left to write."""
_HEADING_LINE = re.compile(r"^[ ]{0,3}#{1,6}[ \t]|:[ \t]*$")

_WEAK = re.compile(
    r"\b(?:(?:à|(?P<bare>(?-i:A)))\s+venir|en\s+cours\s+de\s+rédaction"
    r"|(?P<built>en\s+(?:cours\s+de\s+)?construction))\b"
    r"(?=[^\S\n]*(?:[.!?…)\]»]|$))",
    re.I | re.M,
)
"""« à venir », « en cours de rédaction », « en construction » closing a sentence or a line:
placeholders only where they stand in for content (see ``_weak_span``)."""
_INFO = (
    r"(?:dates?|horaires?|heures?|lieux?|adresses?|programmes?|détails|informations?|infos?"
    r"|précisions|contenus?|modalités|liens?|calendriers?|listes?|intervenant(?:e|s|es)?"
    r"|tarifs?|inscriptions?|descriptions?|supports?|documents?|ordres?\s+du\s+jour|pages?|rubriques?"
    r"|sections?|articles?|fiches?|parties?)"
)
"""Nouns of information given later: « Dates à venir », « Page en cours de rédaction »."""
_SITE = r"(?:pages?|sites?|rubriques?|sections?|espaces?|contenus?)"
"""What is « en construction » on a web site (not a building)."""


@functools.cache  # (compiled on first need: 6 ms, a pre-commit hook's start-up time)
def _noun_before(nouns: str) -> re.Pattern[str]:
    """The information noun a weak phrase follows, at the end of the text before it: at the
    start of a line, a sentence, a parenthesis, after a colon or a dash, with « plus de » before
    it, one adjective or « et <noun> » after it (« Programme détaillé », « Date et lieu »), or as
    the subject of « est / sont » (« Cette page est »)."""
    phrase = (
        rf"(?:plus\s+(?:de\s+|d['’]))?{nouns}(?:\s+(?:et|&)\s+(?:[dl]['’])?{nouns})?"
        r"(?:\s+[\w’'-]+)?"
    )
    return re.compile(
        r"(?P<lead>^|[.!?…:;,(\[–—]|\s-)[^\w\n]*"
        rf"(?P<p>(?:(?:cette|ce|la|le|l['’]|notre|votre|les|nos|ces)\s*(?={phrase}\s+(?:est|sont)\b))?"
        rf"{phrase}(?:\s+(?:est|sont)(?:\s+(?:actuellement|encore|toujours))?)?)"
        r"(?:\s+|\s*\(\s*)$",
        re.I,
    )


_LABEL_BEFORE = re.compile(r":[^\w\n]*$")


_CLOSING = re.compile(r"[^\S\n]*[)\]]")


def _weak_span(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """Where the weak placeholder ``match`` starts and ends, or None where it is prose (« Nos
    fonctionnalités à venir », « - Export PDF (à venir) »). It stands in for content when it is
    the whole line (`À venir`, `(À venir)`), the value after a label (`Date : à venir`), or follows
    a noun of information (`Dates à venir`, `Plus d'informations à venir`, `Lieu (à venir)`).
    Reads at most 80 characters before it: linear however many a line holds."""
    start, end = match.span()
    low = max(0, start - 80)
    newline = text.rfind("\n", low, start)
    whole = newline >= 0 or low == 0  # ``before`` starts at the start of its line
    line_start = newline + 1 if newline >= 0 else low
    before = text[line_start:start]
    if not (whole and not re.search(r"\w", before)) and not _LABEL_BEFORE.search(before):
        if match["bare"]:
            return None  # `A venir` unaccented: only at the start
        noun = _noun_before(_SITE if match["built"] else _INFO).search(before)
        if noun and not whole and not noun["lead"] and noun.start() == 0:
            noun = None  # the window's start is not a line's
        if noun is None:
            return None
        if not before.rstrip().endswith("("):  # `Lieu (à venir)`: the parenthesis alone
            start = line_start + noun.start("p")
    if whole and _introduces(text, line_start, end):
        return None  # `## Dates à venir` over the list of them: a heading
    closing = _CLOSING.match(text, end)
    if start > 0 and text[start - 1] in "([" and closing:
        return start - 1, closing.end()
    return start, end


def _introduces(text: str, start: int, end: int) -> bool:
    """Whether the line ``start:end`` is a heading (`## …` or `…:`) with content under it:
    the next line that is not blank is not itself a heading. (« À venir » alone, or a heading
    over nothing, stands in for content.)"""
    if not _HEADING_LINE.search(text[start:end]):
        return False
    for following in text[end : end + 2000].split("\n")[1:]:
        if following.strip():
            return not re.match(r"[ ]{0,3}#", following)
    return False


_MASK = re.compile(
    r"(?<![\w./-])(?:[Xx]{4,}|(?:\d{1,4}[ ./-]){0,4}[Xx]{2,4}(?:[ ./-](?:[Xx]{2,4}|\d{1,4})){1,5})"
    r"(?![\w/-])"
)
"""`XXXX`, `xxxxxxxx`, and masks of dates and numbers (`XX/XX/XXXX`, `01 XX XX XX XX`)."""
_WHOLE_TEST = re.compile(r"\A\s*(?:test(?:\s+(?:test|\d{1,3}))*|lorem)\s*\Z", re.I)
"""A value that is only `Test`, `Test 1`, `test test` or `Lorem`."""

PHRASES: tuple[tuple[re.Pattern[str], bool, tuple[str, ...], str | None], ...] = (
    # (pattern, applies to the body too, cheap hints: one must be in the lower-cased text,
    # the language of the phrase: None for any)
    (_WHOLE_TEST, True, ("test", "lorem"), None),
    (re.compile(r"\b(?:TODO|FIXME|TBD|TBC|XXX)\b|(?<![\w-])TK(?![\w-])"), False, _CODE_WORDS, None),
    (
        re.compile(r"\b(?:TODO|FIXME|TBD|TBC|XXX)\b(?=[ \t]*(?::|$|\)|\]))", re.M),
        True,
        _CODE_WORDS,
        None,
    ),
    (re.compile(r"\blorem\s+ipsum\b", re.I), True, ("lorem",), None),
    (_MASK, True, ("xx",), None),
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
    (_LINE_PHRASE, True, _STRONG_HINTS, "fr"),
    (_PAREN_PHRASE, True, _STRONG_HINTS, "fr"),
    (_WEAK, True, ("venir", "rédaction", "construction"), "fr"),
)
_HINTED = tuple(
    (pattern, in_body, re.compile("|".join(map(re.escape, hints))), language)
    for pattern, in_body, hints, language in PHRASES
)
"""``PHRASES`` with each one's hints as one pattern (a search, not a loop over the hints, for
each of the page's values)."""
_TEMPLATE_FIELD = re.compile(r"(?<![\]!\\\w])\[(?P<inner>[^\W_][^\[\]\n]{1,40})\](?![(\[:])")
_FIELD_WORD = re.compile(
    r"(?:insérer|inserer|ajouter|indiquer|remplacer|compléter|saisir|nom|prénom|titre|date|heure"
    r"|lieu|adresse|lien|url|e-?mail|courriel|téléphone|texte|image|photo|logo|description"
    r"|résumé|légende|ville|entreprise|votre|vos|insert|add|name|title|link|text|your|x{2,})\b",
    re.I,
)
"""The first word of a template field however written: `[lien]`, `[insérer le logo]`, `[NOM]`."""
_NOT_A_FIELD = re.compile(
    r"[.…\s]+|\d+|[A-Z]|v?\d+(?:\.\d+)+\S*"  # `[…]`, a footnote `[1]`, a year, a version
    r"|\d+[A-Za-z]{1,3}|[A-Za-z]{1,3}\d+[A-Za-z]?"  # a code: `[7A]`, `[B2]`
    r"|[A-Z]{2,3}"  # a tag: `[EN]`, `[PDF]`
    r"|None|True|False|Null|NaN"  # a literal of code
)


_EDITOR_NOTE = re.compile(
    r"(?:mise?s?\s+à\s+jour|m[àa]j|actualisation|actualisée?|rectificatif|erratum|[ée]dit"
    r"|update[ds]?)\b",
    re.I,
)
"""An editor's note in a text, not a field: `[Mise à jour du 12 septembre 2025]`, `[Erratum]`."""


def _is_field(inner: str) -> bool:
    """Whether `[inner]` is a template field to fill (`[Titre]`, `[Nom de l'entreprise]`,
    `[15 avril]`, `[XX]`, `[lien]`, `[insérer …]`), not an aside: a field starts with a field
    word, or with a capital or a digit and is not a list (`[PhD, 2017]`, `[None, 5]`), a number,
    a year, a version, nor a code or tag (`[7A]`, `[EN]`); lower-case asides (`[sic]`, `[ref]`)
    are not fields, nor an editor's note (`[Mise à jour du 12 septembre 2025]`)."""
    if _EDITOR_NOTE.match(inner):
        return False
    if _FIELD_WORD.match(inner):
        return True
    if not (inner[0].isupper() or inner[0].isdigit()) or _NOT_A_FIELD.fullmatch(inner):
        return False
    return not re.search(r"[,;=<>{}\"|]", inner)


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


def _placeholders(value: TextValue) -> tuple[tuple[int, int, str], ...]:
    """(start, end, text) of every placeholder in a value, in order, without overlaps."""
    phrases = tuple(value.page.settings.option(SITE_PHRASES))
    return _found(value.text, value.kind, value.is_body, value.page.lang, phrases)


@by_text
def _found(
    text_of: str, kind: str, is_body: bool, lang: str, phrases: tuple[str, ...]
) -> tuple[tuple[int, int, str], ...]:
    """``_placeholders`` of a text, read once per text and facts (labels repeat across pages).

    Linear in the value: the matches of one pattern never overlap one another, so each pattern
    is checked against what the patterns before it found, a fixed set bisected (``Ranges``)."""
    found: list[tuple[int, int, str]] = []
    lowered = text_of.lower()
    for pattern, in_body, hints, language in _HINTED:
        if (is_body and not in_body) or not hints.search(lowered):
            continue
        if language is not None and language != lang:
            continue
        taken = Ranges([(a, b) for a, b, _ in found])
        for match in pattern.finditer(text_of):
            start, end = match.span("p") if "p" in pattern.groupindex else match.span()
            if pattern is _LINE_PHRASE and _introduces(text_of, match.start(), match.end()):
                continue  # `## Nos ateliers à compléter` over the list of them: a heading
            if pattern in (_LINE_PHRASE, _PAREN_PHRASE) and _FORM_TO_FILL.search(
                text_of, start, end
            ):
                continue
            if pattern is _WEAK:
                span = _weak_span(text_of, match)
                if span is None:
                    continue
                start, end = span
            text = text_of[start:end].strip()
            start = text_of.index(text, start) if text else start
            end = start + len(text)
            if not _in_code(text_of, kind, start, end) and not taken.overlaps(start, end):
                found.append((start, end, text))
    for phrase in phrases:
        if phrase in lowered:
            taken = Ranges([(a, b) for a, b, _ in found])
            for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text_of, re.I):
                start, end = match.span()
                if not _in_code(text_of, kind, start, end) and not taken.overlaps(start, end):
                    found.append((start, end, match.group()))
    if "[" in text_of:
        taken = Ranges([(a, b) for a, b, _ in found])
        first = len(text_of) - len(text_of.lstrip())  # the first character that is not a space
        last = len(text_of.rstrip())  # just after the last one
        defined = _Definitions(text_of)
        for match in _TEMPLATE_FIELD.finditer(text_of):
            if not _is_field(match["inner"]) or _in_code(text_of, kind, *match.span()):
                continue
            inner = match["inner"]
            if match.start() <= first and match.end() < last:
                continue  # `[Vidéo] Restitution…`, `[OFFRE POURVUE] Chargé…`: a label, not a field
            if defined.has(inner):
                continue  # a reference link with its definition
            if not taken.overlaps(*match.span()):
                found.append((match.start(), match.end(), match.group()))
    return tuple(sorted(found))


def _in_code(text: str, kind: str, start: int, end: int) -> bool:
    """Whether characters ``start:end`` meet the text's code (read on a candidate's first need:
    most texts hold none)."""
    return code_ranges(text, kind).overlaps(start, end)


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
    """The period a value speaks of, and the words naming it: in its own text, else, for a value
    of an item of a list, in its siblings (the item's heading). ``first_dated`` keeps, per
    mapping, its first value that names a period, so that a mapping of many values is read once,
    not once per value."""
    if value.is_body:
        return None
    found = periods(value.text, value.dates)
    if found:
        return found[0], value.text[found[0].first : found[0].last]
    parent = value.path[:-1]
    if not parent or not isinstance(parent[-1], int):
        return None  # only an item of a list has a heading; other keys are unrelated
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
            en="""text that is not real content yet:
- `TODO`, `FIXME`, `TBD`, `TBC`, `XXX` (in the body only when followed by `:` or at the end of a
  line), `TK` (front matter only), in capitals; runs of four `X` or more (`XXXXXXXX`, `xxxx`)
  and masks such as `XX/XX/XXXX` or `01 XX XX XX XX`;
- "lorem ipsum", and a whole value that is only `Lorem`, `Test`, `Test 1` or `test test`;
- "coming soon", "to be announced / confirmed / defined / determined";
- in French: "sera/seront communiqué(e)s / annoncé(e)s / publié(e)s / disponible(s) / mis en
  ligne prochainement" and their kin; a short line, or the value after a label (`Date :`), or a
  parenthesis, that ends in "à compléter / à définir / à préciser / à confirmer / à déterminer"
  (`A compléter` unaccented only at the start; not a form the reader fills in, `la fiche
  sanitaire à compléter`); "à venir" and "en cours de rédaction" only where
  they stand in for content — the whole line (`À venir`, `(À venir)`), the value after a label
  (`Date : à venir`), or after a noun of information (`Dates à venir`, `Programme détaillé à
  venir`, `Plus d'informations à venir`, `Lieu (à venir)`, `Cette page est en cours de
  rédaction`), not in prose (`Nos fonctionnalités à venir`, `Export PDF (à venir)`); "page /
  site en (cours de) construction";
- template fields in square brackets: `[Titre]`, `[Nom de l'entreprise]`, `[15 avril]`, `[XX]`,
  `[lien]`, `[insérer …]` — text that starts with a capital, a digit or a field word (`lien`,
  `nom`, `insérer`, `votre`…). Not a field: a link or reference with its definition, a label
  that opens a title (`[Vidéo] Restitution…`), a list (`[PhD, 2017]`, `[None, 5]`), a number,
  year or version (`[1]`, `[2019]`, `[1.2.0]`), a code or tag (`[7A]`, `[EN]`), a lower-case
  aside (`[sic]`, `[…]`), an editor's note (`[Mise à jour du 12 septembre 2025]`);
- the site's own phrases (`[placeholders] phrases`).

While the period the text belongs to has not started (or when it names none), this is a warning;
once the period has started, PH002 reports it as an error instead. The period is named by the
value itself or, in an item of a list, by the item's heading (another field).""",
            fr="""le texte qui n’est pas encore du vrai contenu :
- `TODO`, `FIXME`, `TBD`, `TBC`, `XXX` (dans le corps, seulement suivis de `:` ou en fin de
  ligne), `TK` (dans l’en-tête seulement), en capitales ; les suites d’au moins quatre `X`
  (`XXXXXXXX`, `xxxx`) et les masques comme `XX/XX/XXXX` ou `01 XX XX XX XX` ;
- « lorem ipsum », et une valeur entière qui n’est que `Lorem`, `Test`, `Test 1` ou `test test` ;
- « coming soon », « to be announced / confirmed / defined / determined » ;
- en français : « sera/seront communiqué(e)s / annoncé(e)s / publié(e)s / disponible(s) / mis en
  ligne prochainement » et leurs variantes ; une ligne courte, la valeur après une étiquette
  (`Date :`) ou une parenthèse finissant par « à compléter / à définir / à préciser / à confirmer
  / à déterminer » (`A compléter` sans accent seulement en tête ; pas un formulaire que le
  lecteur remplit, `la fiche sanitaire à compléter`) ; « à venir » et « en cours de
  rédaction » seulement quand ils tiennent la place du contenu — la ligne entière (`À venir`,
  `(À venir)`), la valeur après une étiquette (`Date : à venir`) ou après un nom d’information
  (`Dates à venir`, `Programme détaillé à venir`, `Plus d’informations à venir`, `Lieu (à
  venir)`, `Cette page est en cours de rédaction`), pas dans la prose (`Nos fonctionnalités à
  venir`, `Export PDF (à venir)`) ; « page / site en (cours de) construction » ;
- les champs de modèle entre crochets : `[Titre]`, `[Nom de l’entreprise]`, `[15 avril]`, `[XX]`,
  `[lien]`, `[insérer …]` — un texte qui commence par une capitale, un chiffre ou un mot de
  champ (`lien`, `nom`, `insérer`, `votre`…). Ne sont pas des champs : un lien ou une référence
  définie, une étiquette en tête d’un titre (`[Vidéo] Restitution…`), une liste (`[PhD, 2017]`,
  `[None, 5]`), un nombre, une année ou une version (`[1]`, `[2019]`, `[1.2.0]`), un code ou une
  étiquette (`[7A]`, `[EN]`), un aparté en minuscules (`[sic]`, `[…]`), une note de la
  rédaction (`[Mise à jour du 12 septembre 2025]`) ;
- les formules propres au site (`[placeholders] phrases`).

Tant que la période concernée n’a pas commencé (ou si aucune n’est nommée), c’est un
avertissement ; dès qu’elle a commencé, PH002 le signale comme une erreur. La période est nommée
par la valeur elle-même ou, dans un élément de liste, par l’intitulé de l’élément (un autre
champ).""",
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


def _heading(
    item: tuple[str | int, ...],
    key: str,
    headings: dict[tuple[str | int, ...], list[tuple[str, Period]]],
    page: Page,
) -> Period | None:
    """The period the heading of a list item names: its first other field that names one.
    ``headings`` keeps, per item, the first period of each of its fields, read once."""
    if item not in headings:
        named = []
        for value in page.family(item):
            found = periods(value.text, value.dates)
            if found and isinstance(value.key, str):
                named.append((value.key, found[0]))
        headings[item] = named
    return next((period for k, period in headings[item] if k != key), None)


def check_repeated(page: Page) -> Iterator[Diagnostic]:
    """A text that names dates copied into an item whose heading names another period: the
    copy kept the first item's dates. A text repeated under no such heading (the same employer,
    the same place) is legitimate."""
    by_list: dict[tuple, dict[str, list[TextValue]]] = defaultdict(lambda: defaultdict(list))
    for value in page.values:
        path = value.path
        if len(path) >= 2 and isinstance(path[-2], int) and isinstance(path[-1], str):
            by_list[path[:-2]][path[-1]].append(value)
    headings: dict[tuple[str | int, ...], list[tuple[str, Period]]] = {}
    for items in by_list.values():
        for key, values in items.items():
            if len(values) < 2:
                continue
            seen: dict[str, tuple[TextValue, Period]] = {}
            for value in values:
                if not periods(value.text, value.dates):
                    continue  # names no dates
                heading = _heading(value.path[:-1], key, headings, page)
                if heading is None:
                    continue
                text = value.text.strip()
                if text not in seen:
                    seen[text] = (value, heading)
                    continue
                first, first_heading = seen[text]
                if (first_heading.start, first_heading.end) == (heading.start, heading.end):
                    continue
                if _placeholders(value):
                    continue
                yield value.diagnostic(
                    REPEATED,
                    0,
                    len(value.text),
                    "PH003",
                    first=first.where,
                    line=first.span(0, 0).line,
                )


REPEATED = Rule(
    code="PH003",
    name="repeated-text",
    default_severity=Severity.WARNING,
    summary=Text(
        en="The same dates copied into list items whose headings name different periods.",
        fr=(
            "Les mêmes dates recopiées dans des éléments de liste dont les intitulés nomment "
            "des périodes différentes."
        ),
    ),
    messages={
        "PH003": Text(
            en="same dates as `{first}` (line {line}) under another heading: a copy left unedited?",
            fr=(
                "mêmes dates que `{first}` (ligne {line}) sous un autre intitulé : "
                "une copie oubliée ?"
            ),
        ),
    },
    doc=Doc(
        what=Text(
            en="""in a list of items (sprints, sessions…), a text that names dates and is the
same, to the letter, as the same field of an earlier item, while the two items' headings (another
field naming a period, such as `Sprint n° 2 (avril-mai 2024)`) name different periods. Text
repeated for good reasons — the same employer on successive missions, the same place for several
events, a text that names no date, items with no dated heading — is not reported.""",
            fr="""dans une liste d’éléments (sprints, sessions…), un texte qui nomme des dates et
qui est identique, à la lettre près, au même champ d’un élément précédent, alors que les intitulés
des deux éléments (un autre champ nommant une période, comme `Sprint n° 2 (avril-mai 2024)`)
nomment des périodes différentes. Un texte répété à bon droit — le même employeur pour des
missions successives, le même lieu pour plusieurs événements, un texte sans date, des éléments
sans intitulé daté — n’est pas signalé.""",
        ),
        why=Text(
            en="""it is nearly always a copy-paste that was meant to be edited: the second item
shows the first one's dates.""",
            fr="""c’est presque toujours un copier-coller qu’il fallait modifier : le second élément
affiche les dates du premier.""",
        ),
        fix=Text(
            en="write the item's own dates in the copy.",
            fr="écrire dans la copie les dates de son propre élément.",
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
