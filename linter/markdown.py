"""Links in Markdown text, with the character offsets of each destination; code to leave alone.

markdown-it-py decides what is a link (inline, image, reference, autolink, raw HTML `href`/`src`),
so that code spans, escaped brackets and broken syntax are judged as CommonMark judges them. Its
tokens carry no character offsets, so each destination is then located in the source *in document
order*, from a cursor that only moves forward, by the forms the syntax allows (`](dest`, `<dest>`,
`href="dest"`, `[label]: dest`): exact for every form, never a search of the whole file. A
reference link (its token carries its label: `store_labels`) is located at its definition only;
an inline tag at the place of its first URL, its other URLs inside it. Bare URLs
(`https://…` in prose) are found by a pattern outside links and code: no linkify dependency.
This module is reused by the rules that check internal targets and fetch external links.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from linter.targets import LinkTarget

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_LINE_END = re.compile(r"\r\n|\r|\n")
_BARE_URL = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>\[\]()\"'`]*[^\s<>\[\]()\"'`.,;:!?»)]", re.I
)
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.M)
_LINK_SYNTAX_HINT = re.compile(
    r"\]\(|\]:|\]\[|<(?![A-Za-z][A-Za-z0-9-]*[ \t\n]*/?>)[A-Za-z]"
    r"|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@"
)
"""What every link, image, reference, autolink or URL-bearing tag holds: `](`, `]:`, `][`, `<`
and a letter that opens no bare tag (`<b>`, `<br/>` have no attribute, so no URL; an end tag's
attributes are never read), or an e-mail autolink's `<local@`."""
_BACKTICKS = re.compile(r"`+")
_NO_URL_TAG = re.compile(r"<!--|</?[A-Za-z][A-Za-z0-9-]*[ \t\n]*/?>\Z")
"""Raw HTML of one comment, or one tag without attributes (`<b>`, `</a>`): no URL in it."""
_BRACKET_OR_BREAK = re.compile(r"[\]\n]")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    class Parser(MarkdownIt):
        def validateLink(self, url: str) -> bool:
            return True  # keep `javascript:` links: they are what we look for

        # A destination is taken as written (escapes and references decoded), not normalized
        # (percent-encoded, punycode): it is located in the source as written, and the two URL
        # parses of each link were most of the parse of a page of links.
        def normalizeLink(self, url: str) -> str:
            return url

        def normalizeLinkText(self, link: str) -> str:
            return link

    # Only where links are matters: the inline rules that make no link and move no bracket are
    # off (emphasis, entities, line breaks and their post-passes: 38 % of the parse). The block
    # rules all stay: a heading ends a paragraph, after which a reference definition may start.
    # `store_labels`: a reference link's token carries its label, an inline link's none.
    parser = Parser("commonmark", {"store_labels": True}).enable(["table"])
    parser.helpers = _Helpers(parser.helpers)  # type: ignore[assignment]  # (a module's stand-in)
    return parser.disable(
        ["emphasis", "entity", "newline", "balance_pairs", "fragments_join", "text_join"]
    )


class _Helpers:
    """markdown-it's helpers, but for ``parseLinkDestination``: ``destination``."""

    def __init__(self, helpers: Any) -> None:
        self.parseLinkLabel = helpers.parseLinkLabel
        self.parseLinkTitle = helpers.parseLinkTitle
        self.parseLinkDestination = destination


_DESTINATION_STOP = re.compile(r"[\x00-\x20\x7f()\\]")
_ANGLED_STOP = re.compile(r"[\n<>\\]")


@lru_cache(maxsize=1)
def _destination_parts() -> tuple[Any, Any]:
    """markdown-it's result class and unescaping, imported once (not at each destination)."""
    from markdown_it.common.utils import unescapeAll
    from markdown_it.helpers.parse_link_destination import _Result

    return _Result, unescapeAll


def destination(string: str, pos: int, maximum: int) -> Any:
    """markdown-it's ``parseLinkDestination`` (same result), which reads a destination a
    character at a time in Python (a third of the parse of a page of links): this one searches
    for the characters that decide, in C."""
    result_class, unescapeAll = _destination_parts()
    result = result_class()
    start = pos
    if string.startswith("<", pos):
        pos += 1
        while pos < maximum:
            stop = _ANGLED_STOP.search(string, pos, maximum)
            if stop is None:
                return result  # no closing `>`
            pos = stop.start()
            char = string[pos]
            if char == ">":
                result.pos = pos + 1
                result.str = unescapeAll(string[start + 1 : pos])
                result.ok = True
                return result
            if char != "\\":
                return result  # a line break or `<`
            pos += 2 if pos + 1 < maximum else 1
        return result
    level = 0
    while pos < maximum:
        stop = _DESTINATION_STOP.search(string, pos, maximum)
        if stop is None:
            pos = maximum
            break
        pos = stop.start()
        char = string[pos]
        if char == "\\":
            if pos + 1 < maximum:
                if string[pos + 1] == " ":
                    break
                pos += 2
                continue
        elif char == "(":
            level += 1
            if level > 32:
                return result
        elif char == ")":
            if level == 0:
                break
            level -= 1
        else:
            break  # a space or a control character
        pos += 1
    if start == pos or level != 0:
        return result
    result.str = unescapeAll(string[start:pos])
    result.pos = pos
    result.ok = True
    return result


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks and inline code spans (`…`): text that is not prose nor links.

    Linear: the backtick runs are read once; an opening run of length n closes at the next run
    of exactly n backticks (found by bisection in the starts of the runs of that length).
    """
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
    fenced = Ranges(ranges)
    runs = (
        [(m.start(), m.end() - m.start()) for m in _BACKTICKS.finditer(text)] if "`" in text else []
    )
    by_length: dict[int, list[int]] = {}
    for start, length in runs:
        by_length.setdefault(length, []).append(start)
    index = 0
    for opening, run in runs:
        if opening < index or fenced.contains(opening):
            continue
        same = by_length[run]
        following = bisect.bisect_right(same, opening)
        if following == len(same):
            continue
        closed_end = same[following] + run
        ranges.append((opening, closed_end))
        index = closed_end
    return sorted(ranges)


class Ranges:
    """Sorted ranges (possibly overlapping or empty) answering "does any range meet this?" in
    O(log n): the starts, bisected, and the running maximum of the ends before each one."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ordered = sorted(ranges) if ranges else ranges
        self.starts = [a for a, _b in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _a, b in ordered:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def _reach_before(self, limit: int) -> int:
        """The furthest end of the ranges that start before ``limit`` (-1 when none does)."""
        count = bisect.bisect_left(self.starts, limit)
        return self.reach[count - 1] if count else -1

    def contains(self, position: int) -> bool:
        """Whether some range ``a <= position < b`` holds ``position``."""
        return self._reach_before(position + 1) > position

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range ``(a, b)`` has ``a < end and start < b``."""
        return self._reach_before(end) > start


def _candidates(href: str) -> list[str]:
    from markdown_it.common.normalize_url import normalizeLink, normalizeLinkText

    forms = [href, normalizeLinkText(href), normalizeLink(href)]
    forms += [form.replace("&", "&amp;") for form in forms if "&" in form]
    return list(dict.fromkeys(f for f in forms if f is not None))


_WHITE = " \t\n"
_RAW_DESTINATION = re.compile(r"[ \t]*\n?[ \t]*<?([^\s<>()]+)")
"""A destination as written after `](` (one without parentheses or white space)."""
_SPACE = re.compile(r"[ \t\n\r\f\v]")
_TOKEN_CAP = 256
"""Longest form looked up in an index; longer ones are searched in the text."""
_DEFINITION = re.compile(r"^[ ]{0,3}\[(?:[^\]\\\n]|\\.)+\]:[ \t]*", re.M)
_DEFINITION_PREFIX = re.compile(r"[ ]{0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*<?$")


def _skip_white(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITE:
        position += 1
    return position


class _Index:
    """Where destinations of one kind can start, for prefix look-ups in O(log n).

    ``starts`` are the places, in order, where a destination of the kind can start (the text
    before them ends with `](`, `="`… as ``_Locator._valid`` requires, outside code); ``anchor``
    is the string that opens one (`](`, `=`, `<`, or the line break before a definition). Each
    start keys the text after it up to white space, the next anchor or ``_TOKEN_CAP``
    characters, so that the first start of a form after a cursor is found by bisection in the
    sorted keys, not by a search of the text: a form absent from the page costs a bisection, not
    a scan. ``usable`` says which forms the index answers exactly (no white space, no anchor
    inside, not too long, not starting with a character a start never has); ``_Locator``
    searches the text for the others, as it always did.
    """

    def __init__(self, text: str, anchor: str, starts: list[int], excluded: str) -> None:
        self.text = text
        self.anchor = anchor
        self.excluded = excluded
        self.starts = starts
        groups: dict[str, list[int]] = {}
        for start in starts:
            end = min(start + _TOKEN_CAP, len(text))
            space = _SPACE.search(text, start, end)
            if space:
                end = space.start()
            cut = text.find(anchor, start, end)
            if cut >= 0:
                end = cut + len(anchor) - 1
            groups.setdefault(text[start:end], []).append(start)
        self.groups = groups
        self.keys = sorted(groups)
        self.merged: dict[tuple[str, bool], list[int]] = {}

    def usable(self, form: str) -> bool:
        return (
            0 < len(form) < _TOKEN_CAP
            and form[0] not in self.excluded
            and self.anchor not in form
            and not _SPACE.search(form)
        )

    def first(self, form: str, cursor: int, closing: bool = False) -> int | None:
        """The first start at or after ``cursor`` where ``form`` is written (followed by `>` when
        ``closing``), or None; ``form`` must be ``usable``."""
        index = bisect.bisect_left(self.starts, cursor)
        if index < len(self.starts):
            start = self.starts[index]
            if self.text.startswith(form, start) and (
                not closing or self.text.startswith(">", start + len(form))
            ):
                return start
        places = self.merged.get((form, closing))
        if places is None:
            # Every start of the form, once per form: the keys it begins are contiguous.
            places = []
            key = bisect.bisect_left(self.keys, form)
            while key < len(self.keys) and self.keys[key].startswith(form):
                token = self.keys[key]
                if not closing or token[len(form) : len(form) + 1] == ">":
                    places += self.groups[token]
                key += 1
            places.sort()
            self.merged[(form, closing)] = places
        index = bisect.bisect_left(places, cursor)
        return places[index] if index < len(places) else None


class _Locator:
    """Finds each destination after the previous one, in the form its kind is written."""

    def __init__(self, text: str, code: list[tuple[int, int]]) -> None:
        self.text = text
        self.code = Ranges(code)
        self.cursor = 0
        self.found: list[LinkTarget] = []
        self.definitions: set[int] = set()
        self.indexes: dict[str, _Index] = {}
        self.brackets: list[int] | None = None
        self.empty_definition: int | None = None

    def _before(self, start: int) -> str:
        """The text just before ``start``, white space (a line break included) skipped."""
        return self.text[max(0, start - 64) : start].rstrip(" \t\n")

    def _valid(self, kind: str, start: int, form: str) -> bool:
        """Whether ``form`` written at ``start`` is a destination of ``kind``."""
        before = self._before(start)
        return not self.code.contains(start) and (
            (kind in ("link", "image") and before.endswith(("](", "](<")))
            or (
                kind == "autolink"
                and before.endswith("<")
                and self.text.startswith(">", start + len(form))
            )
            or (kind == "html" and before.endswith(("=", '="', "='")))
        )

    def _index(self, kind: str) -> _Index:
        """The index of the starts of ``kind`` (link and image share one), built once."""
        family = "link" if kind == "image" else kind
        index = self.indexes.get(family)
        if index is None:
            index = self.indexes[family] = self._build(family)
        return index

    def _build(self, family: str) -> _Index:
        text = self.text
        places: list[int] = []
        if family == "definition":
            for match in _DEFINITION.finditer(text):
                end = match.end()
                start = end + 1 if text.startswith("<", end) else end
                if _DEFINITION_PREFIX.match(text, match.start(), start):
                    places.append(start)
            return _Index(text, "\n", places, " \t<")
        anchor, opener, excluded = {
            "link": ("](", ("<",), _WHITE + "<"),
            "html": ("=", ("'", '"'), _WHITE + "\"'"),
        }.get(family, ("<", (), _WHITE))
        position = text.find(anchor)
        while position >= 0:
            after = position + len(anchor)
            first = _skip_white(text, after)
            if text.startswith(opener, after):  # `](<`, `="`, `='`: then white space may follow
                first = _skip_white(text, after + 1)
            if first < len(text) and text[first] not in excluded:
                # (autolinks: the closing `>` depends on the form, checked at look-up)
                before = self._before(first)
                if not self.code.contains(first) and (
                    before.endswith(("](", "](<"))
                    if family == "link"
                    else before.endswith(("=", '="', "='"))
                    if family == "html"
                    else before.endswith("<")
                ):
                    places.append(first)
            position = text.find(anchor, position + 1)
        return _Index(text, anchor, sorted(set(places)), excluded)

    def _search(self, kind: str, form: str, cursor: int) -> int | None:
        """The first place at or after ``cursor`` where ``form`` is a destination of ``kind``."""
        index = self._index(kind)
        if index.usable(form):
            return index.first(form, cursor, closing=kind == "autolink")
        start = self.text.find(form, cursor)
        while start >= 0:
            if self._valid(kind, start, form):
                return start
            start = self.text.find(form, start + 1)
        return None

    def locate(self, kind: str, forms: list[str]) -> bool:
        for form in forms:
            if not form:
                start = self._bracket(self.cursor)
                if start >= 0 and kind in ("link", "image"):
                    return self._take(start + 2, start + 2, kind)
                continue
            found = self._search(kind, form, self.cursor)
            if found is not None:
                return self._take(found, found + len(form), kind)
        return False

    def written(self, kind: str, href: str, md: MarkdownIt) -> bool:
        """A destination written with character references (`https:&#x2F;&#x2F;a.fr`), which
        no form of ``href`` finds: the one at the next `](` if markdown-it reads it as ``href``."""
        from markdown_it.common.utils import unescapeAll

        bracket = self._bracket(self.cursor)
        raw = _RAW_DESTINATION.match(self.text, bracket + 2) if bracket >= 0 else None
        if raw is None or md.normalizeLink(unescapeAll(raw.group(1))) != href:
            return False
        return self._take(raw.start(1), raw.end(1), kind)

    def _bracket(self, cursor: int) -> int:
        """The first `](` at or after ``cursor`` outside code (an empty destination's place)."""
        if self.brackets is None:
            self.brackets = []
            position = self.text.find("](")
            while position >= 0:
                if not self.code.contains(position):
                    self.brackets.append(position)
                position = self.text.find("](", position + 1)
        index = bisect.bisect_left(self.brackets, cursor)
        return self.brackets[index] if index < len(self.brackets) else -1

    def _take(self, start: int, end: int, kind: str) -> bool:
        self.found.append(LinkTarget(self.text[start:end], start, end, kind))
        self.cursor = end
        return True

    def definition(self, forms: list[str]) -> bool:
        """A reference link's target: its definition `[label]: dest`, reported once."""
        index = self._index("definition")
        for form in forms:
            if not form:  # `[r]: <>`: the first empty destination (found once)
                if self.empty_definition is None:
                    self.empty_definition = next(
                        (s for s in index.starts if self.text.startswith(">", s)), -1
                    )
                start = self.empty_definition if self.empty_definition >= 0 else None
            elif index.usable(form):
                start = index.first(form, 0)
            else:
                start = self._definition_scan(form)
            if start is not None:
                if start not in self.definitions:
                    self.definitions.add(start)
                    self.found.append(LinkTarget(form, start, start + len(form), "reference"))
                return True
        return False

    def _definition_scan(self, form: str) -> int | None:
        start = self.text.find(form)
        while start >= 0:
            line_start = self.text.rfind("\n", 0, start) + 1
            if _DEFINITION_PREFIX.match(self.text[line_start:start]):
                return start
            start = self.text.find(form, start + 1)
        return None

    def lost(self, url: str, kind: str) -> None:
        self.found.append(LinkTarget(url, 0, 0, kind, exact=False))


def links(text: str) -> list[LinkTarget]:
    """Every link destination in Markdown ``text``, in document order."""
    syntax = _LINK_SYNTAX_HINT.search(text) is not None
    if not syntax and "://" not in text and not _WWW.search(text):
        return []  # (most values: no link syntax, no URL; nothing to parse)
    code = code_ranges(text)
    found = _markdown_links(text, code) if syntax else []
    masks = [Ranges(code), Ranges([(t.start, t.end) for t in found if t.exact])]
    masks.append(Ranges(_link_texts(text)))
    for match in _bare_urls(text):
        start = match.start()
        if any(mask.contains(start) for mask in masks):
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


_URL_RUN = re.compile(r"[a-z0-9+.-]+", re.I)
_WORD_START = re.compile(r"\b[a-z]", re.I)
_WWW = re.compile(r"\bwww\.", re.I)


def _bare_urls(text: str) -> Iterator[re.Match[str]]:
    """What ``_BARE_URL.finditer(text)`` gives, without trying the pattern from every word start
    of a long run such as `a.b.c.d…` (each try would read the run to its end).

    The pattern matches at a place only through a scheme (a run of ``[a-z0-9+.-]`` followed by
    `://`) or `www.`: it is tried at the first word start of each run that ends with `://`, and
    at each `www.`, in order. Every start in one run reaches the same `://`, so when the first
    fails through the scheme, the others do too: the run is then done with."""
    runs = []  # (start, end) of each run followed by `://`, read backwards from the `://`
    backwards = text[::-1] if "://" in text else ""
    end = text.find("://")
    while end >= 0:
        letters = _URL_RUN.match(backwards, len(text) - end)
        if letters:
            runs.append((end - len(letters.group()), end))
        end = text.find("://", end + 1)
    wwws = [match.start() for match in _WWW.finditer(text)]
    position = run = www = 0
    while True:
        scheme = None
        while run < len(runs) and scheme is None:
            start, end = runs[run]
            first = _WORD_START.search(text, max(start, position), end) if end > position else None
            if first is None:
                run += 1
            else:
                scheme = first.start()
        while www < len(wwws) and wwws[www] < position:
            www += 1
        candidates = [c for c in (scheme, wwws[www] if www < len(wwws) else None) if c is not None]
        if not candidates:
            return
        start = min(candidates)
        match = _BARE_URL.match(text, start)
        if match:
            yield match
            position = match.end()
            continue
        if start == scheme:
            run += 1  # the scheme of this run fails wherever it starts
        position = start + 1


def _link_texts(text: str) -> list[tuple[int, int]]:
    r"""The spans that ``re.finditer(r"\[[^\]\n]*\]\(", text)`` gives (a link's text and its
    `](`), found in one pass: the pattern, tried at every `[`, would read a long line once for
    each `[` it holds."""
    spans = []
    previous = -1  # the last `]` or line break seen
    for delimiter in _BRACKET_OR_BREAK.finditer(text):
        end = delimiter.start()
        if text.startswith("](", end):
            opening = text.find("[", previous + 1, end)
            if opening >= 0:
                spans.append((opening, end + 2))
        previous = end
    return spans


def _markdown_links(text: str, code: list[tuple[int, int]]) -> list[LinkTarget]:
    md = _parser()
    env: dict[str, Any] = {}
    tokens = md.parse(text, env)
    locator = _Locator(text, code)
    references = {ref.get("href") for ref in env.get("references", {}).values()}

    def html(content: str, offset: int | None = None) -> None:
        """The links of raw HTML, read as HTML (`srcset` too); at ``offset`` in the text when
        the content is known to stand there as is, else each located from the cursor."""
        from linter.html import links as html_links  # (only for a text that holds HTML)

        targets = html_links(content)
        first = next((target for target in targets if target.url), None)
        if offset is None and first is not None:
            # The tag stands where its first URL is found, if the whole tag is written there
            # (not over the lines of a quote): its other URLs are then placed in it at once.
            place = locator._search("html", first.url, locator.cursor)
            if (
                place is not None
                and place >= first.start
                and text.startswith(content, place - first.start)
            ):
                offset = place - first.start
        for target in targets:
            if offset is not None:
                start = offset + target.start
                locator.found.append(LinkTarget(target.url, start, start + len(target.url), "html"))
                locator.cursor = max(locator.cursor, start + len(target.url))
            elif not locator.locate("html", [target.url]):
                locator.lost(target.url, "html")

    starts: list[int] | None = None
    for token in tokens:
        if token.type == "html_block":
            offset = None
            if token.map:
                if starts is None:
                    starts = [0, *(m.end() for m in _LINE_END.finditer(text))]
                first = starts[token.map[0]] if token.map[0] < len(starts) else None
                if first is not None and text.startswith(token.content.rstrip("\n"), first):
                    offset = first
            html(token.content, offset)
        for child in token.children or ():
            if child.type in ("link_open", "image"):
                href = str(child.attrs.get("href" if child.type == "link_open" else "src", ""))
                autolink = child.markup == "autolink"
                kind = "autolink" if autolink else "image" if child.type == "image" else "link"
                if not autolink and "label" in child.meta and href in references:
                    # A reference link (`[texte][r]`): its destination is its definition's,
                    # never an inline link's written further on.
                    if not locator.definition([href]) and not locator.definition(_candidates(href)):
                        locator.lost(href, kind)
                    continue
                if locator.locate(kind, [href]):
                    continue  # the first form, as written: the other forms are not needed
                forms = _candidates(href)
                if autolink:
                    forms += [f.removeprefix("mailto:") for f in forms]
                    if not locator.locate("autolink", list(dict.fromkeys(forms))):
                        locator.lost(href, "autolink")
                    continue
                if locator.locate(kind, forms):
                    continue
                if href in references and locator.definition(forms):
                    continue
                if "&" in text and locator.written(kind, href, md):
                    continue
                locator.lost(href, kind)
            elif child.type == "html_inline" and not _NO_URL_TAG.match(child.content):
                html(child.content)
    return locator.found
