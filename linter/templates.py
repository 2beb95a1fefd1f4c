"""Template syntax in page text: Liquid (Jekyll), Go templates and Hugo shortcodes, masked.

Masked, so that no rule reads them as prose or links: outputs ``{{ … }}``, tags ``{% … %}``,
shortcodes ``{{< … >}}`` and ``{{% … %}}`` (opening and closing markers; the prose between a
pair stays), and whole blocks whose content is code or literal text — ``{% raw %}``,
``{% highlight %}``, ``{% comment %}`` up to their end tag, ``{{< highlight >}}`` and
``{{< code >}}`` up to their closing marker, escaped shortcodes ``{{</* … */>}}``.

Design: every character of an expression becomes ``MASK`` except line breaks, so the masked text
has the input's length and lines: every offset and span stays exact and rules need no change.
Scanning is str.find-based and linear: a search that found nothing is never repeated from a
later position (``_Finder``), and a malformed shortcode is not rescanned from inside itself.
``Masked.expressions`` are read from the source when first asked for: most texts are only read
masked, and ``Masked.expression_at`` reads the one expression under an offset.

Not templates: an opening without its closing (``{{`` with no ``}}`` after it), a shortcode
Hugo would reject (a character it refuses, an unterminated string); an opening block tag
without its end tag masks only itself (the page would not build; the rest stays readable).
Liquid ends an output at the first ``}}`` and a tag at the first ``%}`` whatever the quotes
(``{{ {{ }} }}`` is ``{{ {{ }}`` then text); nested ``{% comment %}`` end at the first
``{% endcomment %}``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import field

from linter.records import cached, record

MASK = "\ue000"
"""A private-use character: what every masked character (but line breaks) becomes."""

OUTPUT = "output"
TAG = "tag"
SHORTCODE = "shortcode"
BLOCK = "block"

ESCAPED_SHORTCODE = "/*"
"""The name of an escaped shortcode ``{{</* … */>}}`` (a block: documentation, not a call)."""

_BASES = frozenset(
    {
        "site.baseurl",
        "site.url",
        "site.github.url",
        ".Site.BaseURL",
        ".Site.Home.Permalink",
        "$.Site.BaseURL",
        "$.Site.Home.Permalink",
        "site.BaseURL",
        "site.Home.Permalink",
    }
)
"""Outputs that print the site's base path or URL."""
_NEUTRAL_FILTERS = frozenset(
    {"escape", "escape_once", "xml_escape", "uri_escape", "strip", "safeURL", "safeHTML"}
)
"""Filters that leave a base URL as it is (apart from HTML escaping)."""
_URL_FILTERS = frozenset(
    {"relative_url", "absolute_url", "relURL", "absURL", "relLangURL", "absLangURL"}
)
"""Filters (Liquid) and functions (Go) that turn a site path into a URL."""
_KEY_PARAMETERS = {"figure": "src", "ref": "path", "relref": "path"}
"""Shortcodes whose reference is a named parameter (when they are given named parameters)."""

_WS = re.compile(r"\s*")
_WORD = re.compile(r"#|\w+")
_IDENTIFIER = re.compile(r"[.$\w][\w.$-]*")
_TAG_ARGUMENT = re.compile(r"\s+(?:\"([^\"]*)\"|'([^']*)'|([^\s\"']+))")
_SC_PLAIN = re.compile(r"[\w\s\-./=\\:#+@,]*")
"""What a shortcode may hold outside its strings (Hugo refuses most other characters)."""
_SC_WORD = re.compile(r"[^\s\"`=]*")
_NOT_BREAK = re.compile(r"[^\r\n]+")


@record(slots=True)
class Expression:
    start: int
    end: int
    """Character offsets of the whole expression in the text (``end`` excluded)."""
    kind: str
    """``output`` ``{{ … }}``, ``tag`` ``{% … %}``, ``shortcode`` ``{{< … >}}``/``{{% … %}}``,
    ``block`` (a raw, highlight, comment or code block, or an escaped shortcode, whole)."""
    name: str
    """Tag or shortcode name (``/name`` for a shortcode's closing marker; ``/*`` for an escaped
    shortcode); for an output, its first identifier (``site.baseurl``, ``.Site.BaseURL``, or
    the filter after a leading string literal); ``""`` when there is none."""
    argument: tuple[str, int, int] | None = None
    """The first argument ``(value, start, end)``, ``text[start:end] == value`` (quotes left out,
    escapes kept): a tag's or shortcode's first parameter (``figure``: ``src``; ``ref`` and
    ``relref`` with named parameters: ``path``); for an output, the string literal given to a
    URL filter (``"/x" | relative_url``, ``"/x" | prepend: site.baseurl``, ``relURL "/x"``).
    None for closing markers and when there is no such argument."""
    base_url: bool = False
    """An output that prints only the site's base path or URL (``{{ site.baseurl }}``,
    ``{{ .Site.BaseURL }}``…, through escaping filters at most): ``{{ site.baseurl }}/page``
    then reads as the root-relative ``/page``."""


_Span = tuple[int, int, str, int]
"""Start, end, kind, and where the closing delimiter of the (opening) expression starts."""


@record
class Masked:
    text: str
    """The input with every character of every expression, but ``\\n`` and ``\\r``, replaced by
    ``MASK``: same length, same lines."""
    _source: str = field(repr=False, compare=False)
    _spans: tuple[_Span, ...] = field(repr=False)  # compared: same text, same expressions

    @property
    def source(self) -> str:
        """The text as written, expressions unmasked (what a message quotes)."""
        return self._source

    @cached
    def expressions(self) -> tuple[Expression, ...]:
        """In document order, disjoint; read from the source when first asked for (most texts
        are only read masked)."""
        return tuple(_expression(self._source, span) for span in self._spans)

    def expression_at(self, offset: int) -> Expression | None:
        """The expression that covers ``offset``, read alone (the others are not read)."""
        index = bisect_right(self._spans, offset, key=_span_start) - 1
        if index < 0 or self._spans[index][1] <= offset:
            return None
        return _expression(self._source, self._spans[index])


def _span_start(span: _Span) -> int:
    return span[0]


def mask(text: str) -> Masked:
    """The text with its template expressions masked, and the expressions (see the module)."""
    if "{{" not in text and "{%" not in text:
        return Masked(text, text, ())
    spans = _scan(text)
    if not spans:
        return Masked(text, text, ())
    pieces: list[str] = []
    last = 0
    for start, end, _kind, _head in spans:
        pieces.append(text[last:start])
        segment = text[start:end]
        if "\n" in segment or "\r" in segment:
            pieces.append(_NOT_BREAK.sub(_blank, segment))
        else:
            pieces.append(MASK * (end - start))
        last = end
    pieces.append(text[last:])
    return Masked("".join(pieces), text, tuple(spans))


def _blank(match: re.Match[str]) -> str:
    return MASK * (match.end() - match.start())


def _scan(text: str) -> list[_Span]:
    """The spans of the expressions, in order. Outputs and tags, most expressions, are found
    here; shortcodes and the ends of blocks by ``_Searches``."""
    spans: list[_Span] = []
    find = text.find
    searches: _Searches | None = None  # built for the first shortcode or block
    output = find("{{")
    tag = find("{%")
    output_close = tag_close = -1  # the first "}}" / "%}" at or after the last search
    while output != -1 or tag != -1:
        if output != -1 and (tag == -1 or output < tag):
            start = output
            if output_close < start + 2:
                output_close = find("}}", start + 2)
                if output_close == -1:  # nothing after can close, not even a shortcode
                    output = -1
                    continue
            following = text[start + 2 : start + 3]
            if following == "<" or following == "%":
                searches = searches or _Searches(text)
                position = searches.shortcode(start, following, spans)
            else:
                position = output_close + 2
                spans.append((start, position, OUTPUT, output_close))
        else:
            start = tag
            if tag_close < start + 2:
                tag_close = find("%}", start + 2)
                if tag_close == -1:
                    tag = -1
                    continue
            position = tag_close + 2
            block = _LIQUID_BLOCK.match(text, start + 2, tag_close)
            block_end = 0
            if block:
                searches = searches or _Searches(text)
                block_end = searches.liquid_ends[block.group(1)].at(position)
            if block_end:
                position = block_end
                spans.append((start, position, BLOCK, tag_close))
            else:
                spans.append((start, position, TAG, tag_close))
        if output != -1 and output < position:
            output = find("{{", position)
        if tag != -1 and tag < position:
            tag = find("{%", position)
    return spans


class _Finder:
    """``text.find(needle, position)`` for positions that grow: the last answer is reused while
    it holds, so a search that found nothing is not repeated from a later position."""

    __slots__ = ("_found", "_from", "_needle", "_text")

    def __init__(self, text: str, needle: str) -> None:
        self._text = text
        self._needle = needle
        self._from = len(text) + 1
        self._found = -1

    def at(self, position: int) -> int:
        if self._from <= position and (self._found == -1 or position <= self._found):
            return self._found
        self._from = position
        self._found = self._text.find(self._needle, position)
        return self._found


class _EndFinder:
    """Where the first end tag of a block at or after a position ends (0: none): ``pattern``
    tried at each occurrence of ``opening``; remembered like ``_Finder``."""

    __slots__ = ("_found", "_from", "_opening", "_pattern", "_text")

    def __init__(self, text: str, opening: str, pattern: re.Pattern[str]) -> None:
        self._text = text
        self._opening = opening
        self._pattern = pattern
        self._from = len(text) + 1
        self._found = (-1, 0)

    def at(self, position: int) -> int:
        found = self._found
        if self._from <= position and (found[0] == -1 or position <= found[0]):
            return found[1]
        self._from = position
        text = self._text
        opening = self._opening
        candidate = text.find(opening, position)
        while candidate != -1:
            match = self._pattern.match(text, candidate)
            if match:
                self._found = (candidate, match.end())
                return match.end()
            candidate = text.find(opening, candidate + 1)
        self._found = (-1, 0)
        return 0


def _liquid_end(name: str) -> re.Pattern[str]:
    return re.compile(r"\{%-?\s*end" + name + r"\s*-?%\}")


def _hugo_end(name: str) -> re.Pattern[str]:
    closers = (r"\{\{<\s*/\s*" + name + r"\s*>\}\}", r"\{\{%\s*/\s*" + name + r"\s*%\}\}")
    return re.compile("|".join(closers))


_LIQUID_BLOCK = re.compile(r"-?\s*(raw|highlight|comment)(?!\w)")
_HUGO_BLOCK = re.compile(r"\s*(highlight|code)(?![\w\-/.])")
_LIQUID_END = {name: _liquid_end(name) for name in ("raw", "highlight", "comment")}
_HUGO_END = {name: _hugo_end(name) for name in ("highlight", "code")}


class _Searches:
    """Shortcodes, and the searches that must not be repeated: block ends, closing quotes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.escaped_ends = {"<": _Finder(text, "*/>}}"), "%": _Finder(text, "*/%}}")}
        self.newlines = _Finder(text, "\n")
        self.backticks = _Finder(text, "`")
        self.liquid_ends = {n: _EndFinder(text, "{%", p) for n, p in _LIQUID_END.items()}
        self.hugo_ends = {n: _EndFinder(text, "{{", p) for n, p in _HUGO_END.items()}
        self.barrier = -1
        """Shortcodes opening before this position are text: inside a malformed one."""

    def shortcode(self, start: int, delimiter: str, spans: list[_Span]) -> int:
        """Where scanning goes on after ``{{<`` or ``{{%`` at ``start``."""
        text = self.text
        if text.startswith("/*", start + 3):
            close = self.escaped_ends[delimiter].at(start + 5)
            if close == -1:
                return start + 1
            spans.append((start, close + 5, BLOCK, close + 2))
            return close + 5
        if start < self.barrier:
            return start + 1
        close = self._close(start + 3, ">}}" if delimiter == "<" else "%}}")
        if close < 0:
            self.barrier = -close
            return start + 1
        end = close + 3
        block = _HUGO_BLOCK.match(text, start + 3, close)
        block_end = block and self.hugo_ends[block.group(1)].at(end)
        if block_end:
            spans.append((start, block_end, BLOCK, close))
            return block_end
        spans.append((start, end, SHORTCODE, close))
        return end

    def _close(self, position: int, closing: str) -> int:
        """Where the closing delimiter starts; else minus the position where the shortcode
        proved malformed (a character Hugo refuses, an unterminated string)."""
        text = self.text
        length = len(text)
        while True:
            position = _skip(_SC_PLAIN, text, position, length)
            if position >= length:
                return -length
            char = text[position]
            if char == closing[0]:
                return position if text.startswith(closing, position) else -position
            if char == '"':
                newline = self.newlines.at(position)
                line_end = length if newline == -1 else newline
                end = _string_end(text, position + 1, line_end)
                if end == -1:
                    return -line_end
                position = end + 1
            elif char == "`":
                end = self.backticks.at(position + 1)
                if end == -1:
                    return -position
                position = end + 1
            else:
                return -position


# Reading an expression (when Masked.expressions is first read)


def _expression(text: str, span: _Span) -> Expression:
    start, end, kind, head = span
    if kind == OUTPUT:
        return _output(text, start, end, head)
    if text[start + 1] == "%":  # a tag, or a Liquid block
        name, argument = _tag_call(text, start, head)
    elif kind == BLOCK and text.startswith("/*", start + 3):
        name, argument = ESCAPED_SHORTCODE, None
    else:
        name, argument = _shortcode_call(text, start + 3, head)
    return Expression(start, end, kind, name, argument)


def _output(text: str, start: int, end: int, close: int) -> Expression:
    inner, inner_end = _inner(text, start + 2, close)
    position = _skip(_WS, text, inner, inner_end)
    name = ""
    argument = None
    base = False
    quote = text[position : position + 1]
    if quote == '"' or quote == "'":
        literal_end = text.find(quote, position + 1, inner_end)
        if literal_end != -1:
            filters = _filters(text[literal_end + 1 : inner_end])
            if filters:
                name = filters[0][0]
                if _url_filter(*filters[0]):
                    argument = (text[position + 1 : literal_end], position + 1, literal_end)
    else:
        match = _IDENTIFIER.match(text, position, inner_end)
        if match:
            name = match.group()
            rest = text[match.end() : inner_end]
            if name in _URL_FILTERS:
                argument = _call_argument(text, match.end(), inner_end)
            elif name in _BASES:
                filters = _filters(rest) if rest.strip() else []
                base = filters is not None and all(
                    f in _NEUTRAL_FILTERS and not a for f, a in filters
                )
    return Expression(start, end, OUTPUT, name, argument, base)


def _tag_call(text: str, start: int, close: int) -> tuple[str, tuple[str, int, int] | None]:
    """The name and first argument of ``{% name argument… %}``."""
    inner, inner_end = _inner(text, start + 2, close)
    position = _skip(_WS, text, inner, inner_end)
    match = _WORD.match(text, position, inner_end)
    if not match:
        return "", None
    found = _TAG_ARGUMENT.match(text, match.end(), inner_end)
    if not found:
        return match.group(), None
    group = found.lastindex or 0
    value = found.group(group)
    if group == 3 and ("{" in value or "}" in value):
        return match.group(), None  # {% include {{ page.x }} %}: computed
    return match.group(), (value, found.start(group), found.end(group))


def _skip(pattern: re.Pattern[str], text: str, position: int, end: int) -> int:
    """Past the run of ``pattern`` (a character class repeated) at ``position``."""
    match = pattern.match(text, position, end)
    return match.end() if match else position


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """The content of an output or tag, whitespace-control dashes left out."""
    if start < end and text[start] == "-":
        start += 1
    if start < end and text[end - 1] == "-":
        end -= 1
    return start, end


def _filters(rest: str) -> list[tuple[str, str]] | None:
    """``| name: arguments | name…`` as (name, arguments) pairs; None when ``rest`` is not a
    chain of filters."""
    pieces = rest.split("|")
    if pieces[0].strip():
        return None
    filters = []
    for piece in pieces[1:]:
        piece = piece.strip()
        match = _WORD.match(piece)
        if not match:
            return None
        filters.append((match.group(), piece[match.end() :].lstrip(" \t\r\n:").strip()))
    return filters


def _url_filter(name: str, arguments: str) -> bool:
    if name == "prepend":
        return arguments in _BASES
    return name in _URL_FILTERS and not arguments


def _call_argument(text: str, position: int, end: int) -> tuple[str, int, int] | None:
    """The string literal after a Go URL function (``relURL "/x"``), alone or before a pipe."""
    position = _skip(_WS, text, position, end)
    quote = text[position : position + 1]
    if quote not in ('"', "`"):
        return None
    close = text.find(quote, position + 1, end)
    if close == -1:
        return None
    rest = text[close + 1 : end].strip()
    if rest and not rest.startswith("|"):
        return None
    return (text[position + 1 : close], position + 1, close)


def _string_end(text: str, position: int, line_end: int) -> int:
    """The closing quote of a shortcode string (``\\"`` escapes a quote) before the line end."""
    while True:
        end = text.find('"', position, line_end)
        if end == -1 or text[end - 1] != "\\":
            return end
        position = end + 1


def _tokens(text: str, position: int, end: int) -> Iterator[tuple[str, int, int]]:
    """The words, ``=`` and strings (content offsets) of a well-formed shortcode."""
    while True:
        position = _skip(_WS, text, position, end)
        if position >= end:
            return
        char = text[position]
        if char == '"':
            close = _string_end(text, position + 1, end)
            if close == -1:  # not after a scan, which checked the strings
                return
            yield "string", position + 1, close
            position = close + 1
        elif char == "`":
            close = text.find("`", position + 1, end)
            if close == -1:
                return
            yield "string", position + 1, close
            position = close + 1
        elif char == "=":
            yield "=", position, position + 1
            position += 1
        else:
            word_end = _skip(_SC_WORD, text, position, end)
            yield "word", position, word_end
            position = word_end


def _shortcode_call(text: str, start: int, end: int) -> tuple[str, tuple[str, int, int] | None]:
    """The name and the argument (see ``Expression``) of a shortcode's inside."""
    tokens = _tokens(text, start, end)
    token = next(tokens, None)
    if token is None or token[0] != "word":
        return "", None
    name = text[token[1] : token[2]]
    if name == "/":
        token = next(tokens, None)
        return ("/" + text[token[1] : token[2]] if token and token[0] == "word" else "/"), None
    if name.startswith("/"):
        return name, None
    key = _KEY_PARAMETERS.get(name)
    first = True
    following = next(tokens, None)
    while following is not None:
        token, following = following, next(tokens, None)
        if token[0] == "word" and text[token[1] : token[2]] == "/":
            continue  # self-closing: {{< name />}}
        if following is not None and following[0] == "=":  # a named parameter
            value = next(tokens, None)
            if value is None or value[0] == "=":
                return name, None
            if (key is None and first) or text[token[1] : token[2]] == key:
                return name, (text[value[1] : value[2]], value[1], value[2])
            following = next(tokens, None)
        elif first:  # a positional parameter
            return name, (text[token[1] : token[2]], token[1], token[2])
        else:
            return name, None  # positional after named: Hugo refuses the mix
        first = False
    return name, None
