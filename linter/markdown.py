"""Links in Markdown text, with the character offsets of each destination; code to leave alone.

markdown-it-py decides what is a link (inline, image, reference, autolink, raw HTML `href`/`src`),
so that code spans, escaped brackets and broken syntax are judged as CommonMark judges them. Its
tokens carry no character offsets, so each destination is then located in the source *in document
order*, from a cursor that only moves forward, by the forms the syntax allows (`](dest`, `<dest>`,
`href="dest"`, `[label]: dest`): exact for every form, never a search of the whole file. Bare URLs
(`https://…` in prose) are found by a pattern outside links and code: no linkify dependency.
This module is reused by the rules that check internal targets and fetch external links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_HTML_ATTRIBUTE = re.compile(r"""\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_BARE_URL = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>\[\]()\"'`]*[^\s<>\[\]()\"'`.,;:!?»)]", re.I
)
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.M)
_LINK_SYNTAX_HINT = re.compile(r"\]\(|\]:|<[a-zA-Z/]|\]\[")


@dataclass(frozen=True)
class LinkTarget:
    url: str
    """The destination as written in the source (escapes and entities as typed)."""
    start: int
    end: int
    kind: str
    """link | image | reference | autolink | html | bare"""
    exact: bool = True
    """False when the destination could not be located (start/end then point at the text start)."""


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    class Parser(MarkdownIt):
        def validateLink(self, url: str) -> bool:
            return True  # keep `javascript:` links: they are what we look for

    return Parser("commonmark").enable(["table", "strikethrough"])


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks and inline code spans (`…`): text that is not prose nor links."""
    ranges: list[tuple[int, int]] = []
    position = 0
    for fence in _FENCE.finditer(text):
        if fence.start() < position:
            continue
        marker = fence.group(1)
        closing = re.compile(rf"^[ ]{{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.M)
        line_end = text.find("\n", fence.end())
        end_match = closing.search(text, line_end + 1) if line_end >= 0 else None
        end = end_match.end() if end_match else len(text)
        ranges.append((fence.start(), end))
        position = end
    index = 0
    while True:
        opening = text.find("`", index)
        if opening < 0:
            break
        run = len(text) - opening - len(text[opening:].lstrip("`"))
        if any(a <= opening < b for a, b in ranges):
            index = opening + run
            continue
        closed = re.compile(rf"(?<!`)`{{{run}}}(?!`)").search(text, opening + run)
        if closed is None:
            index = opening + run
            continue
        ranges.append((opening, closed.end()))
        index = closed.end()
    return sorted(ranges)


def _inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in ranges)


def _candidates(md: MarkdownIt, href: str) -> list[str]:
    forms = [href, md.normalizeLinkText(href)]
    forms += [form.replace("&", "&amp;") for form in forms if "&" in form]
    return list(dict.fromkeys(f for f in forms if f is not None))


class _Locator:
    """Finds each destination after the previous one, in the form its kind is written."""

    def __init__(self, text: str, code: list[tuple[int, int]]) -> None:
        self.text = text
        self.code = code
        self.cursor = 0
        self.found: list[LinkTarget] = []
        self.definitions: set[int] = set()

    def _before(self, start: int) -> str:
        """The text just before ``start``, white space (a line break included) skipped."""
        return self.text[max(0, start - 64) : start].rstrip(" \t\n")

    def locate(self, kind: str, forms: list[str]) -> bool:
        for form in forms:
            if not form:
                start = self.text.find("](", self.cursor)
                while start >= 0 and _inside(start, self.code):
                    start = self.text.find("](", start + 1)
                if start >= 0 and kind in ("link", "image"):
                    return self._take(start + 2, start + 2, kind)
                continue
            start = self.text.find(form, self.cursor)
            while start >= 0:
                before = self._before(start)
                if not _inside(start, self.code) and (
                    (kind in ("link", "image") and before.endswith(("](", "](<")))
                    or (
                        kind == "autolink"
                        and before.endswith("<")
                        and self.text.startswith(">", start + len(form))
                    )
                    or (kind == "html" and before.endswith(("=", '="', "='")))
                ):
                    return self._take(start, start + len(form), kind)
                start = self.text.find(form, start + 1)
        return False

    def _take(self, start: int, end: int, kind: str) -> bool:
        self.found.append(LinkTarget(self.text[start:end], start, end, kind))
        self.cursor = end
        return True

    def definition(self, forms: list[str]) -> bool:
        """A reference link's target: its definition `[label]: dest`, reported once."""
        for form in forms:
            start = self.text.find(form)
            while start >= 0:
                line_start = self.text.rfind("\n", 0, start) + 1
                if re.match(r"[ ]{0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*<?$", self.text[line_start:start]):
                    if start not in self.definitions:
                        self.definitions.add(start)
                        self.found.append(LinkTarget(form, start, start + len(form), "reference"))
                    return True
                start = self.text.find(form, start + 1)
        return False

    def lost(self, url: str, kind: str) -> None:
        self.found.append(LinkTarget(url, 0, 0, kind, exact=False))


def links(text: str) -> list[LinkTarget]:
    """Every link destination in Markdown ``text``, in document order."""
    code = code_ranges(text)
    found: list[LinkTarget] = []
    if _LINK_SYNTAX_HINT.search(text):
        found = _markdown_links(text, code)
    taken = [(t.start, t.end) for t in found if t.exact]
    link_texts = [(m.start(), m.end()) for m in re.finditer(r"\[[^\]\n]*\]\(", text)]
    for match in _BARE_URL.finditer(text):
        start = match.start()
        if _inside(start, code) or _inside(start, taken) or _inside(start, link_texts):
            continue
        if text[max(0, start - 2) : start] == "](" or text[start - 1 : start] in (
            '"',
            "'",
            "<",
            "=",
        ):
            continue
        found.append(LinkTarget(match.group(), start, match.end(), "bare"))
    return sorted(found, key=lambda t: (t.start, t.end))


def _markdown_links(text: str, code: list[tuple[int, int]]) -> list[LinkTarget]:
    md = _parser()
    env: dict[str, Any] = {}
    tokens = md.parse(text, env)
    locator = _Locator(text, code)
    references = {ref.get("href") for ref in env.get("references", {}).values()}

    def html(content: str) -> None:
        for match in _HTML_ATTRIBUTE.finditer(content):
            value = next(g for g in match.groups()[1:] if g is not None)
            if not locator.locate("html", [value]):
                locator.lost(value, "html")

    for token in tokens:
        if token.type == "html_block":
            html(token.content)
        for child in token.children or ():
            if child.type in ("link_open", "image"):
                href = str(child.attrs.get("href" if child.type == "link_open" else "src", ""))
                forms = _candidates(md, href)
                if child.markup == "autolink":
                    forms += [f.removeprefix("mailto:") for f in forms]
                    if not locator.locate("autolink", list(dict.fromkeys(forms))):
                        locator.lost(href, "autolink")
                    continue
                kind = "image" if child.type == "image" else "link"
                if locator.locate(kind, forms):
                    continue
                if href in references and locator.definition(forms):
                    continue
                locator.lost(href, kind)
            elif child.type == "html_inline":
                html(child.content)
    return locator.found
