"""French typography rules (TY): the light, unambiguous part — ordinals, stray spaces, `n°`.

Prose only: code, link targets, URL fields and HTML tags are masked (``TextValue.in_code``), so a
slug such as `/7eme-promotion` is never "corrected".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.diagnostics import Diagnostic, Severity
from linter.page import Page
from linter.spec import Doc, Rule, Text, bad, good

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


def check_ordinals(page: Page) -> Iterator[Diagnostic]:
    for value in page.texts():
        if value.is_url_field:
            continue
        for match in _ORDINAL.finditer(value.text):
            if value.in_code(match.start(), match.end()):
                continue
            fixed = ordinal_fix(match["number"], match["suffix"], match["plural"])
            if fixed is None:
                continue
            key = (
                "TY001.first"
                if match["number"] in ("1", "I") and match["suffix"] == "e"
                else "TY001"
            )
            yield value.diagnostic(
                ORDINAL, match.start(), match.end(), key, text=match.group(), fixed=fixed
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
)


def check_whitespace(page: Page) -> Iterator[Diagnostic]:
    for value in page.values:
        text = value.text
        if not value.is_single_line or text == text.strip():
            continue
        leading = len(text) - len(text.lstrip())
        if leading:
            yield value.diagnostic(WHITESPACE, 0, leading, "TY002.leading")
        trailing = len(text) - len(text.rstrip())
        if trailing and text.strip():
            yield value.diagnostic(WHITESPACE, len(text) - trailing, len(text), "TY002.trailing")


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
)


def check_numero(page: Page) -> Iterator[Diagnostic]:
    for value in page.texts():
        if value.is_url_field:
            continue
        for match in _NUMERO.finditer(value.text):
            if value.in_code(match.start(), match.end() + 1):
                continue
            digits = _DIGITS.match(value.text, match.end())
            number = digits.group() if digits else ""
            yield value.diagnostic(
                NUMERO, match.start(), match.end() + len(number), "TY003",
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
)

RULES = (ORDINAL, WHITESPACE, NUMERO)
