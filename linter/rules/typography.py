"""French typography rules (TY): the light, unambiguous part — ordinals, stray spaces, `n°` —
and, for the sites that ask for it, no-break spaces around `: ; ! ? « »` (TY004, opt-in).

Prose only: code, link targets, URL fields and HTML tags are masked (``TextValue.in_code``), so a
slug such as `/7eme-promotion` is never "corrected"; and a value that must stay equal to another
(``Rule.form``) is left to its source.

TY004 judges a mark only where it is punctuation of French prose: `:` and `;` followed by a
space or the end of the text (not `12:30`, `https:`, `&amp;`, `[ref]:`, `:emoji:`, a table's
`---:`), `!` and `?` followed by a space, a closing sign or the end (not `![image]`, `?q=1`), the
first mark of a run (`?!`); a mark that starts a line (a kramdown definition) is not one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from linter.diagnostics import Diagnostic, Severity, message
from linter.page import Page, TextValue
from linter.records import by_text
from linter.spec import Doc, Option, Rule, Text, bad, good
from linter.templates import MASK

_ORDINAL = re.compile(
    r"(?<![\w/.,-])(?P<number>\d+|[IVXLC]+)"
    r"(?P<suffix>ième|ieme|ème|eme|éme|è|ière|iere|ère|ere|ére|e)(?P<plural>s?)\b"
)
_FEMININE = ("ière", "iere", "ère", "ere", "ére")
_NUMERO = re.compile(r"\b[nN]°(?=\d)")
_DIGITS = re.compile(r"\d+")


def ordinal_fix(number: str, suffix: str, plural: str) -> str | None:
    """The French typographic ordinal for a written one, or None when it is already right."""
    first = number in ("1", "I")
    if first:
        if suffix in _FEMININE:
            return f"{number}re{plural}"
        if suffix == "e" and not plural:
            return f"{number}er"  # `1e`: masculine is the likelier meaning; the message says both
        return (
            f"{number}er{plural}" if suffix in ("ème", "eme", "éme", "è", "ième", "ieme") else None
        )
    if suffix == "e":
        return None
    if suffix in _FEMININE:
        return None  # `2ère` is no ordinal form at all: leave it to a human
    return f"{number}e{plural}"


@by_text
def _ordinals(text: str) -> tuple[tuple[int, int, str, str, str], ...]:
    """(start, end, number, suffix, plural) of every ordinal of a text: once per distinct text."""
    return tuple(
        (m.start(), m.end(), m["number"], m["suffix"], m["plural"]) for m in _ORDINAL.finditer(text)
    )


def check_ordinals(page: Page) -> Iterator[Diagnostic]:
    for value in page.texts():
        if value.is_url_field:
            continue
        for start, end, number, suffix, plural in _ordinals(value.text):
            if value.in_code(start, end):
                continue
            fixed = ordinal_fix(number, suffix, plural)
            if fixed is None:
                continue
            key = "TY001.first" if number in ("1", "I") and suffix == "e" else "TY001"
            fix = value.fix(start, end, fixed)
            yield value.diagnostic(
                ORDINAL, start, end, key, fix=fix, text=value.text[start:end], fixed=fixed
            )


ORDINAL = Rule(
    code="TY001",
    name="french-ordinal",
    default_severity=Severity.WARNING,
    language="fr",
    summary=Text(
        en="An ordinal is written `7ème`, `1ère`…; French typography wants `7e`, `1re`, `1er`.",
        fr=(
            "Un ordinal est écrit `7ème`, `1ère`… ; la typographie française veut "
            "`7e`, `1re`, `1er`."
        ),
    ),
    messages={
        "TY001": Text(
            en="write `{fixed}`, not `{text}`",
            fr="écrire `{fixed}`, pas `{text}`",
        ),
        "TY001.first": Text(
            en="write `{fixed}` (or `1re` if feminine), not `{text}`",
            fr="écrire `{fixed}` (ou `1re` au féminin), pas `{text}`",
        ),
    },
    doc=Doc(
        what=Text(
            en="""ordinal numbers in prose (not in links or code): `2ème`, `2eme`, `2éme`,
`2ième`, `2è` → `2e`; `1ère`, `1ere` → `1re`; `1ème` → `1er`; plurals alike (`2èmes` → `2es`,
`1ères` → `1res`); Roman numerals too (`XIXème` → `XIXe`).""",
            fr="""les nombres ordinaux dans le texte (hors liens et code) : `2ème`,
`2eme`, `2éme`, `2ième`, `2è` → `2e` ; `1ère`, `1ere` → `1re` ; `1ème` → `1er` ; de même au
pluriel (`2èmes` → `2es`, `1ères` → `1res`) et en chiffres romains (`XIXème` → `XIXe`).""",
        ),
        why=Text(
            en="""the rule of the Imprimerie nationale, followed by French public sites; the long
forms look
careless next to the correct ones on the same site.""",
            fr="""c’est la règle de l’Imprimerie nationale, suivie par les sites publics ; les
formes
longues font négligé à côté des formes correctes du même site.""",
        ),
        fix=Text(
            en="use the short form (in HTML, `7<sup>e</sup>` if the layout allows).",
            fr="utiliser la forme courte (en HTML, `7<sup>e</sup>` si la mise en page le permet).",
        ),
    ),
    examples=(
        bad(
            """
title: Découvrez la 7ème promotion
"""
        ),
        good(
            """
title: Découvrez la 7e promotion
"""
        ),
    ),
    check=check_ordinals,
    form=True,
    fixable="safe",
)


def check_whitespace(page: Page) -> Iterator[Diagnostic]:
    for value in page.values:
        text = value.text
        if not value.is_single_line or text == text.strip():
            continue
        leading = len(text) - len(text.lstrip())
        if leading:
            fix = value.fix(0, leading, "", said=message("fix.strip"))
            yield value.diagnostic(WHITESPACE, 0, leading, "TY002.leading", fix=fix)
        trailing = len(text) - len(text.rstrip())
        if trailing and text.strip():
            start = len(text) - trailing
            fix = value.fix(start, len(text), "", said=message("fix.strip"))
            yield value.diagnostic(WHITESPACE, start, len(text), "TY002.trailing", fix=fix)


WHITESPACE = Rule(
    code="TY002",
    name="surrounding-whitespace",
    default_severity=Severity.WARNING,
    summary=Text(
        en="A single-line value starts or ends with spaces.",
        fr="Une valeur d’une ligne commence ou finit par des espaces.",
    ),
    messages={
        "TY002.leading": Text(
            en="leading white space",
            fr="espace au début de la valeur",
        ),
        "TY002.trailing": Text(
            en="trailing white space",
            fr="espace à la fin de la valeur",
        ),
    },
    doc=Doc(
        what=Text(
            en="""leading or trailing white space in a one-line front-matter value (only
quoted values can hold it).""",
            fr="""les espaces au début ou à la fin d’une valeur d’une ligne de
l’en-tête (seules les valeurs entre guillemets peuvent en contenir).""",
        ),
        why=Text(
            en="""the spaces show up as a shifted title, a gap before punctuation, or a value that
no
longer matches what templates compare it with.""",
            fr="""elles se voient (titre décalé, blanc avant une ponctuation) ou empêchent un
gabarit
de reconnaître la valeur.""",
        ),
        fix=Text(
            en="remove the spaces.",
            fr="retirer les espaces.",
        ),
    ),
    examples=(
        bad(
            """
title: "Appel à candidatures "
"""
        ),
        good(
            """
title: "Appel à candidatures"
"""
        ),
    ),
    check=check_whitespace,
    form=True,
    fixable="safe",
)


def check_numero(page: Page) -> Iterator[Diagnostic]:
    for value in page.texts():
        if value.is_url_field or "°" not in value.text:
            continue
        for match in _NUMERO.finditer(value.text):
            if value.in_code(match.start(), match.end() + 1):
                continue
            digits = _DIGITS.match(value.text, match.end())
            number = digits.group() if digits else ""
            said = message("fix.insert-space", space=_SPACE_NAMES[NO_BREAK])
            fix = value.fix(match.end(), match.end(), NO_BREAK, said=said)
            yield value.diagnostic(
                NUMERO, match.start(), match.end() + len(number), "TY003", fix=fix,
                text=match.group() + number, fixed=f"{match.group()}\u00a0{number}",
            )  # fmt: skip


NUMERO = Rule(
    code="TY003",
    name="numero-spacing",
    default_severity=Severity.WARNING,
    language="fr",
    summary=Text(
        en="`n°` is glued to its number (`n°3`); French typography wants a (non-breaking) space.",
        fr=(
            "`n°` est collé à son nombre (`n°3`) ; la typographie française veut "
            "une espace (insécable)."
        ),
    ),
    messages={
        "TY003": Text(
            en="write `{fixed}` with a non-breaking space, not `{text}`",
            fr="écrire `{fixed}` avec une espace insécable, pas `{text}`",
        ),
    },
    doc=Doc(
        what=Text(
            en="`n°` or `N°` directly followed by a digit.",
            fr="`n°` ou `N°` immédiatement suivi d’un chiffre.",
        ),
        why=Text(
            en="""French typography separates the abbreviation from the number with a non-breaking
space,
which also keeps them on the same line.""",
            fr="""la typographie française sépare l’abréviation du nombre par une espace insécable,
qui les garde aussi sur la même ligne.""",
        ),
        fix=Text(
            en="add a space, ideally a non-breaking one (U+00A0).",
            fr="ajouter une espace, de préférence insécable (U+00A0).",
        ),
    ),
    examples=(
        bad(
            """
date: Sprint n°3 (août-septembre 2024)
"""
        ),
        good(
            """
date: Sprint n° 3 (août-septembre 2024)
"""
        ),
    ),
    check=check_numero,
    form=True,
    fixable="safe",
)

NARROW, NO_BREAK = "\u202f", "\u00a0"
SPACE_STYLE = Option(
    "typography",
    "no-break-space",
    "choice",
    "imprimerie-nationale",
    Text(
        en="The no-break space TY004 wants: `imprimerie-nationale` (the Lexique des règles "
        "typographiques: a no-break space U+00A0 before `:` and inside « », a narrow one U+202F "
        "before `; ! ?`), `narrow` (U+202F everywhere), or `no-break` (U+00A0 everywhere: for "
        "typefaces without U+202F, such as the State's Marianne).",
        fr="L’espace insécable que veut TY004 : `imprimerie-nationale` (le Lexique des règles "
        "typographiques : espace insécable U+00A0 avant `:` et dans les « », espace fine "
        "insécable U+202F avant `; ! ?`), `narrow` (U+202F partout), ou `no-break` (U+00A0 "
        "partout : pour les polices sans U+202F, comme la Marianne de l’État).",
    ),
    choices=("imprimerie-nationale", "narrow", "no-break"),
)
_SPACE_NAMES = {
    NARROW: Text(en="narrow no-break space (U+202F)", fr="espace fine insécable (U+202F)"),
    NO_BREAK: Text(en="no-break space (U+00A0)", fr="espace insécable (U+00A0)"),
}
_MARKS = re.compile(r"[:;!?»«]")
_SPACES = " \t\u00a0\u202f\u2009\u2007"
_ENTITY_END = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+)$")
_SHORTCODE = re.compile(r"(?:^|(?<=\s)):[a-z0-9_+-]+$")
_AFTER_BANG = frozenset(")]»\"'”’.…,!?")


def _wanted(style: str, mark: str) -> str:
    if style == "narrow":
        return NARROW
    if style == "no-break" or mark in ":«»":
        return NO_BREAK
    return NARROW


def _is_punctuation(text: str, at: int) -> bool:
    """Whether the mark at ``at`` is punctuation of prose (see the module's docstring)."""
    mark = text[at]
    after = at + 1
    while after < len(text) and text[after] in "*_":
        after += 1  # `**Note :**`: the emphasis closes after the mark
    following = text[after] if after < len(text) else ""
    if mark in "«»":
        return True
    if mark in "!?":
        if at and text[at - 1] in "!?":
            return False  # `?!`: only the first mark of a run takes the space
        return following == "" or following.isspace() or following in _AFTER_BANG
    if following and not following.isspace():
        return False  # `12:30`, `https:`, `&amp;x`
    if mark == ":" and text[at - 1 : at] == "-":
        return False  # `| ---: |`: a Markdown table's column alignment
    head = text[max(0, at - 64) : at]
    if mark == ";":
        return not _ENTITY_END.search(head)
    return not (head.endswith("]") or _SHORTCODE.search(head))


def check_spacing(page: Page) -> Iterator[Diagnostic]:
    style = page.settings.option(SPACE_STYLE)
    for value in page.texts():
        if value.is_url_field or not _MARKS.search(value.text):
            continue
        yield from _spacing(value, style)


def _spacing(value: TextValue, style: str) -> Iterator[Diagnostic]:
    text = value.text
    for match in _MARKS.finditer(text):
        at, mark = match.start(), match.group()
        if value.in_code(at, at + 1) or not _is_punctuation(text, at):
            continue
        want = _wanted(style, mark)
        space = _SPACE_NAMES[want]
        if mark == "«":
            end, written = _space_after(text, at + 1)
            if end == len(text) or text[end] in "\n\r" + MASK:
                continue
            fix = value.fix(at + 1, end, want, said=message("fix.space", space=space))
            if end == at + 1:
                yield value.diagnostic(SPACING, at, end, "TY004.after", fix=fix, space=space)
            elif written != want:
                yield value.diagnostic(
                    SPACING, at + 1, end, "TY004.wrong-after", fix=fix, space=space
                )
            continue
        end = at
        while end and text[end - 1] in "*_":
            end -= 1  # `*Note :*`: the emphasis opened before the mark
        start, written = _space_before(text, end)
        if start == 0 or text[start - 1] in "\n\r" + MASK:
            continue  # the mark starts a line (or follows a template's output)
        fix = value.fix(start, end, want, said=message("fix.space", space=space))
        if start == end:
            if text[end - 1] in "/\\":
                continue
            yield value.diagnostic(SPACING, at, at + 1, "TY004", fix=fix, mark=mark, space=space)
        elif written != want:
            yield value.diagnostic(
                SPACING, start, at + 1, "TY004.wrong", fix=fix, mark=mark, space=space
            )


_ENTITY = r"&(?:nbsp|NonBreakingSpace|#0*160|#[xX]0*[aA]0|#0*8239|#[xX]0*202[fF]);"
_SPACE_ENTITY = re.compile(_ENTITY + "$")
_SPACE_ENTITY_AFTER = re.compile(_ENTITY)


def _space_after(text: str, start: int) -> tuple[int, str]:
    """Where the spaces (or a space's HTML entity) from ``start`` end, and the space they make."""
    entity = _SPACE_ENTITY_AFTER.match(text, start)
    if entity is not None:
        return entity.end(), html.unescape(entity.group())
    end = start
    while end < len(text) and text[end] in _SPACES:
        end += 1
    return end, text[start:end]


def _space_before(text: str, end: int) -> tuple[int, str]:
    """Where the spaces (characters, or an HTML entity such as `&nbsp;`) before ``end`` start,
    and the space they make (as characters)."""
    entity = _SPACE_ENTITY.search(text, max(0, end - 24), end)
    if entity is not None:
        return entity.start(), html.unescape(entity.group())
    start = end
    while start and text[start - 1] in _SPACES:
        start -= 1
    return start, text[start:end]


SPACING = Rule(
    code="TY004",
    name="french-spacing",
    default_severity=Severity.WARNING,
    language="fr",
    opt_in=True,
    form=True,
    summary=Text(
        en="No no-break space before `: ; ! ? »` or after `«` (off unless selected).",
        fr="Pas d’espace insécable avant `: ; ! ? »` ou après `«` (désactivée sauf sélection).",
    ),
    messages={
        "TY004": Text(
            en="put a {space} before `{mark}`",
            fr="mettre une {space} avant `{mark}`",
        ),
        "TY004.wrong": Text(
            en="the space before `{mark}` should be a {space}",
            fr="l’espace avant `{mark}` doit être une {space}",
        ),
        "TY004.after": Text(
            en="put a {space} after `«`",
            fr="mettre une {space} après `«`",
        ),
        "TY004.wrong-after": Text(
            en="the space after `«` should be a {space}",
            fr="l’espace après `«` doit être une {space}",
        ),
    },
    doc=Doc(
        what=Text(
            en="""in French text, the space before `:`, `;`, `!`, `?` and `»` and after `«`:
missing, or an ordinary space where a no-break one is wanted (which one:
`[typography] no-break-space`). Only marks used as punctuation are judged: not `12:30`,
`https://`, `&amp;`, `![image]`, `?q=1`, a table's `| ---: |`, code or link targets. The rule
is off unless selected (`extend-select = ["TY004"]`): not every site wants it.""",
            fr="""dans un texte en français, l’espace avant `:`, `;`, `!`, `?` et `»` et
après `«` : absente, ou ordinaire là où il faut une insécable (laquelle :
`[typography] no-break-space`). Seuls les signes de ponctuation sont jugés : ni `12:30`, ni
`https://`, ni `&amp;`, ni `![image]`, ni `?q=1`, ni le `| ---: |` d’un tableau, ni le code ou
les cibles de liens. La règle
est désactivée sauf sélection (`extend-select = ["TY004"]`) : tous les sites n’en veulent pas.""",
        ),
        why=Text(
            en="""French typography puts a space before the high punctuation marks and inside
guillemets; an ordinary space lets the line break there, leaving `?` or `»` alone at the start
of a line.""",
            fr="""la typographie française met une espace avant les ponctuations hautes et à
l’intérieur des guillemets ; une espace ordinaire laisse la ligne se couper là, et un `?` ou un
`»` se retrouve seul en début de ligne.""",
        ),
        fix=Text(
            en="put the no-break space the message names (or set the site's choice).",
            fr="mettre l’espace insécable que le message indique (ou régler le choix du site).",
        ),
    ),
    examples=(
        bad(
            """
title: "Qui peut candidater ?"
"""
        ),
        good(
            """
title: "Qui peut candidater\u202f?"
"""
        ),
    ),
    check=check_spacing,
    options=(SPACE_STYLE,),
    fixable="safe",
)

RULES = (ORDINAL, WHITESPACE, NUMERO, SPACING)
