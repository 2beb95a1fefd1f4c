"""French typography rules (TY): the light, unambiguous part — ordinals, stray spaces, `n°`.

Prose only: code, link targets, URL fields and HTML tags are masked (``TextValue.in_code``), so a
slug such as `/7eme-promotion` is never "corrected".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.diagnostics import Diagnostic, Severity
from linter.page import Page
from linter.rules import define

_ORDINAL = re.compile(
    r"(?<![\w/.,-])(?P<number>\d+|[IVXLC]+)"
    r"(?P<suffix>ième|ieme|ème|eme|éme|è|ière|iere|ère|ere|ére|e)(?P<plural>s?)\b"
)
_FEMININE = ("ière", "iere", "ère", "ere", "ére")
_NUMERO = re.compile(r"\b[nN]°(?=\d)")


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


ORDINAL = define(
    "TY001", "french-ordinal", Severity.WARNING,
    "An ordinal is written `7ème`, `1ère`…; French typography wants `7e`, `1re`, `1er`.",
    "Un ordinal est écrit `7ème`, `1ère`… ; la typographie française veut `7e`, `1re`, `1er`.",
    """What it checks: ordinal numbers in prose (not in links or code): `2ème`, `2eme`, `2éme`,
`2ième`, `2è` → `2e`; `1ère`, `1ere` → `1re`; `1ème` → `1er`; plurals alike (`2èmes` → `2es`,
`1ères` → `1res`); Roman numerals too (`XIXème` → `XIXe`).

Why: the rule of the Imprimerie nationale, followed by French public sites; the long forms look
careless next to the correct ones on the same site.

Example (bad):
    title: Découvrez la 7ème promotion
Example (good):
    title: Découvrez la 7e promotion

Fix: use the short form (in HTML, `7<sup>e</sup>` if the layout allows).""",
    """Ce qui est vérifié : les nombres ordinaux dans le texte (hors liens et code) : `2ème`,
`2eme`, `2éme`, `2ième`, `2è` → `2e` ; `1ère`, `1ere` → `1re` ; `1ème` → `1er` ; de même au
pluriel (`2èmes` → `2es`, `1ères` → `1res`) et en chiffres romains (`XIXème` → `XIXe`).

Pourquoi : c’est la règle de l’Imprimerie nationale, suivie par les sites publics ; les formes
longues font négligé à côté des formes correctes du même site.

Exemple (mauvais) :
    title: Découvrez la 7ème promotion
Exemple (bon) :
    title: Découvrez la 7e promotion

Correction : utiliser la forme courte (en HTML, `7<sup>e</sup>` si la mise en page le permet).""",
    check_ordinals,
)  # fmt: skip


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


WHITESPACE = define(
    "TY002", "surrounding-whitespace", Severity.WARNING,
    "A single-line value starts or ends with spaces.",
    "Une valeur d’une ligne commence ou finit par des espaces.",
    """What it checks: leading or trailing white space in a one-line front-matter value (only
quoted values can hold it).

Why: the spaces show up as a shifted title, a gap before punctuation, or a value that no
longer matches what templates compare it with.

Example (bad):
    title: "Appel à candidatures "
Example (good):
    title: "Appel à candidatures"

Fix: remove the spaces.""",
    """Ce qui est vérifié : les espaces au début ou à la fin d’une valeur d’une ligne de
l’en-tête (seules les valeurs entre guillemets peuvent en contenir).

Pourquoi : elles se voient (titre décalé, blanc avant une ponctuation) ou empêchent un gabarit
de reconnaître la valeur.

Exemple (mauvais) :
    title: "Appel à candidatures "
Exemple (bon) :
    title: "Appel à candidatures"

Correction : retirer les espaces.""",
    check_whitespace,
)  # fmt: skip


def check_numero(page: Page) -> Iterator[Diagnostic]:
    for value in page.texts():
        if value.is_url_field:
            continue
        for match in _NUMERO.finditer(value.text):
            if value.in_code(match.start(), match.end() + 1):
                continue
            digits = re.match(r"\d+", value.text[match.end() :])
            number = digits.group() if digits else ""
            yield value.diagnostic(
                NUMERO, match.start(), match.end() + len(number), "TY003",
                text=match.group() + number, fixed=f"{match.group()}\u00a0{number}",
            )  # fmt: skip


NUMERO = define(
    "TY003", "numero-spacing", Severity.WARNING,
    "`n°` is glued to its number (`n°3`); French typography wants a (non-breaking) space.",
    "`n°` est collé à son nombre (`n°3`) ; la typographie française veut une espace (insécable).",
    """What it checks: `n°` or `N°` directly followed by a digit.

Why: French typography separates the abbreviation from the number with a non-breaking space,
which also keeps them on the same line.

Example (bad):
    date: Sprint n°3 (août-septembre 2024)
Example (good):
    date: Sprint n° 3 (août-septembre 2024)

Fix: add a space, ideally a non-breaking one (U+00A0).""",
    """Ce qui est vérifié : `n°` ou `N°` immédiatement suivi d’un chiffre.

Pourquoi : la typographie française sépare l’abréviation du nombre par une espace insécable,
qui les garde aussi sur la même ligne.

Exemple (mauvais) :
    date: Sprint n°3 (août-septembre 2024)
Exemple (bon) :
    date: Sprint n° 3 (août-septembre 2024)

Correction : ajouter une espace, de préférence insécable (U+00A0).""",
    check_numero,
)  # fmt: skip

RULES = (ORDINAL, WHITESPACE, NUMERO)
