"""Rendering messages: a key of a rule's spec (``CODE`` or ``CODE.variant``) and its parameters,
in English or French; parameters are filled with ``str.format``, dates and type names localised.
Texts that come from outside (a YAML parser's explanation, a value found in the page) are passed
as parameters and shown as they are; a parameter that has words of its own in each language (a
schema's per-language ``errorMessage``, a list item's name) is a ``Text``, rendered in ``lang``.
"""

from __future__ import annotations

from typing import Any

from linter.diagnostics import Message
from linter.spec import Text

_FRENCH_TYPES = {
    "string": "texte",
    "integer": "nombre entier",
    "number": "nombre",
    "boolean": "booléen",
    "array": "liste",
    "object": "dictionnaire",
    "null": "valeur vide",
}


_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def format_date(iso: str, lang: str) -> str:
    """`2024-06-01` -> `1 June 2024` / `1er juin 2024`."""
    year, month, day = (int(part) for part in iso.split("-"))
    if lang == "fr":
        return f"{'1er' if day == 1 else day} {_MONTHS_FR[month - 1]} {year}"
    return f"{day} {_MONTHS_EN[month - 1]} {year}"


def prepare(
    key: str, args: dict[str, Any], lang: str = "en", human: bool = False
) -> tuple[str, dict[str, Any]]:
    """The template of a message in ``lang`` (after the `path: ` it is about, if any) and its
    parameters ready to fill it: a reporter that must tell the message's own words from the values
    it quotes (the Markdown report) walks the template; ``render`` simply fills it. ``human``:
    for the formats people read, a list item is named as an editor sees it (its ``label``,
    `Sprint 5 — date`) rather than by its JSON path (`steps.dates[4].date`), which the formats
    tools read keep."""
    from linter.rules import messages

    template = messages()[key](lang)
    for name, value in args.items():
        if isinstance(value, Text):
            args[name] = value(lang)
    for name in [n for n in args if n.endswith("_date")]:
        args[name] = format_date(str(args[name]), lang)
    if lang == "fr":
        # JSON type names (SC003) are words of the message, not values: translate them.
        for name in ("expected", "found"):
            if name in args and key.startswith("SC003"):
                words = str(args[name]).split(" | ")
                args[name] = " | ".join(_FRENCH_TYPES.get(w, w) for w in words)
    if human and args.get("label"):
        template = "{label}: " + template
    elif args.get("path"):
        template = "{path}: " + template
    return template, args


def render(key: str, args: dict[str, Any], lang: str = "en", human: bool = False) -> str:
    template, args = prepare(key, args, lang, human)
    return template.format(**args)


def text_of(message: Message, lang: str = "en", human: bool = False) -> str:
    """A diagnostic's message in ``lang`` (``human``: see ``prepare``)."""
    return render(message.key, dict(message.args), lang, human)
