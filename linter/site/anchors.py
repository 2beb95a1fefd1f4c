"""The anchors a page defines: heading ids as the generators make them, explicit ids.

Heading ids depend on the Markdown renderer and its settings (Hugo's Goldmark: `github`,
`github-ascii`, `blackfriday`; Jekyll's kramdown, with or without transliteration, or its GFM
parser). The page's generator settings are not always known (a theme, a plugin), so a fragment
is accepted when any of these readings gives it: the check errs towards silence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_EXPLICIT = re.compile(r"\{:?\s*#([^\s}]+)[^}]*\}\s*$")
_ATTRIBUTE_ID = re.compile(r"""\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_IAL = re.compile(r"\{:?\s*#([\w:.-]+)[^}\n]*\}")
_INLINE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|<[^>]*>|[*_`~]")


def _plain(text: str) -> str:
    """A heading's text as rendered: link texts kept, emphasis, code marks and tags removed."""
    return _INLINE.sub(lambda m: m.group(1) or "", text).strip()


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _github(text: str) -> str:
    out = []
    for char in text.lower():
        if char.isalnum() or char in "-_":
            out.append(char)
        elif char == " ":
            out.append("-")
    return "".join(out)


def _blackfriday(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")


def _kramdown(text: str) -> str:
    text = re.sub(r"^[^a-zA-Z]+", "", text)
    text = re.sub(r"[^a-zA-Z0-9 -]", "", text).replace(" ", "-").lower()
    return text or "section"


def _gfm(text: str) -> str:
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


READINGS: dict[str, Callable[[str], str]] = {
    "github": lambda plain: _github(plain),
    "github-ascii": lambda plain: _github(_ascii(plain)),
    "blackfriday": lambda plain: _blackfriday(plain),
    "kramdown": lambda plain: _kramdown(plain),
    "kramdown-ascii": lambda plain: _kramdown(_without_accents(plain)),
    "gfm": lambda plain: _gfm(plain),
}
"""How each renderer makes a heading's id: Goldmark's `autoHeadingIDType` values (Hugo), kramdown
with and without `transliterated_header_ids`, kramdown's GFM parser (Jekyll's default)."""


def _ascii(text: str) -> str:
    return "".join(c for c in _without_accents(text) if c.isascii())


def heading_ids(
    text: str, readings: tuple[str, ...] = tuple(READINGS)
) -> tuple[set[str], list[str], bool]:
    """Every id a heading of ``text`` gets under each of ``readings`` (the site's renderer, or
    all of them when it is not known); the ids under the first reading, in document order
    (what a message suggests); and whether a heading is computed by a template (`## {{
    evenement.titre }}`: Liquid and Go templates are rendered before the Markdown, so its id
    may be any; none is made up from the expression)."""
    ids: set[str] = set()
    usual: list[str] = []
    computed = False
    seen: dict[str, int] = {}
    fence: str | None = None
    previous = ""
    makers = [READINGS[name] for name in readings if name in READINGS] or list(READINGS.values())
    for line in text.splitlines():
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence, previous = opening.group(1), ""
            continue
        heading = None
        atx = _ATX.match(line)
        if atx:
            heading = atx.group(1) or ""
        elif _SETEXT.match(line) and previous.strip():
            heading = previous.strip()
        previous = line
        if heading is None:
            continue
        explicit = _EXPLICIT.search(heading)
        if explicit:
            ids.add(explicit.group(1))
            usual.append(explicit.group(1))
            continue
        if "{{" in heading or "{%" in heading:
            computed = True
            continue
        plain = _plain(heading)
        for position, make in enumerate(makers):
            reading = make(plain)
            if not reading:
                continue
            count = seen.get(f"{position}:{reading}", 0)
            seen[f"{position}:{reading}"] = count + 1
            name = f"{reading}-{count}" if count else reading
            ids.add(name)
            if position == 0:
                usual.append(name)
    return ids, usual, computed


def explicit_ids(text: str) -> set[str]:
    """Ids written in the text: HTML `id`/`name` attributes and kramdown `{: #id}`."""
    ids = {next(g for g in m.groups() if g is not None) for m in _ATTRIBUTE_ID.finditer(text)}
    ids.update(m.group(1) for m in _IAL.finditer(text))
    return ids


def template_ids(text: str) -> tuple[set[str], list[str]]:
    """The ids a template gives: literal ones, and the literal prefixes of those computed by
    an expression (`accordion-{{ $index }}` -> `accordion-`; `{{ .Anchor }}` -> ``)."""
    literal: set[str] = set()
    prefixes: list[str] = []
    for match in _ATTRIBUTE_ID.finditer(text):
        value = next(g for g in match.groups() if g is not None)
        if "{{" in value or "{%" in value:
            prefixes.append(value.split("{", 1)[0])
        else:
            literal.add(value)
    return literal, prefixes
