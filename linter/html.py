"""Links, anchors and code ranges of an HTML page body (`.html`/`.htm` pages of Jekyll and Hugo).

Such a body is HTML, not Markdown: read as Markdown, HTML after a blank line or indented four
spaces becomes a code block whose links are never examined, and prose rules would read markup.
Here every URL attribute (`href`, `src`, each URL of `srcset`/`imagesrcset`, `poster`, `action`,
`formaction`, `cite`, `xlink:href`, `background`, `data` of `<object>`, the URL of a
`<meta http-equiv="refresh">`) is reported as written (entities kept) with its exact offsets;
`id` and `<a name>` values, decoded, are the anchors; tags, comments and the content of raw-text
and code elements are the code ranges.

Design: a hand scanner of the WHATWG tokenizer's rules (tags, attributes, comments, raw text,
script escapes), not ``html.parser``, which gives no attribute offsets, decodes values and
rescans unclosed tags (`<a ` 8,000 times: 6 s). Anchored patterns that split a tag in one way
only read each character a bounded number of times; no tree is built (foreign content and the
implicit closing of elements are not modelled: an unclosed `<code>` runs to the end).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from html.entities import html5

from linter.records import record
from linter.targets import LinkTarget

_WS = "\t\n\f\r "
_W = r"\t\n\f\r "
# The tag grammar of the WHATWG tokenizer, written so that a text can be split in one way only
# (a name or an unquoted value must run to its end, a value-less name is not followed by `=`):
# a tag unclosed at the end of the text fails in time linear in its length, with no retries.
_NAME = rf"[^{_W}/>][^{_W}/>=]*(?![^{_W}/>=])"
_VALUE = rf"""(?:"[^"]*"|'[^']*'|[^{_W}>"'][^{_W}>]*(?![^{_W}>])|(?=>))"""
_TAG = re.compile(
    rf"<(/?)([A-Za-z][^{_W}/>]*)(?![^{_W}/>])"
    rf"((?:[{_W}/]*{_NAME}(?:[{_W}]*=[{_W}]*{_VALUE}|(?![{_W}]*=)))*)[{_W}/]*>"
)
_ATTRIBUTE = re.compile(
    rf"[{_W}/]*({_NAME})"
    rf"""(?:[{_W}]*=[{_W}]*(?:"([^"]*)"|'([^']*)'|([^{_W}>"'][^{_W}>]*)(?![^{_W}>])|()\Z)"""
    rf"|(?![{_W}]*=))"
)
"""One attribute of the attribute list that ``_TAG`` matched (read up to its end only)."""
_MARKUP = re.compile(r"<[A-Za-z/!?]")
"""Where markup can start (any other `<` is text)."""
_SPACES = re.compile(r"[\t\n\f\r ]*")
_SRCSET_CANDIDATE = re.compile(
    r"[\t\n\f\r ,]*(?:([^\t\n\f\r ]+)(?:(?<=,)|[^,(]*(?:\([^)]*\)?[^,(]*)*)|\Z)"
)
"""One `srcset` candidate (WHATWG "parse a srcset attribute"): the white space and commas
before it, its URL, and (unless the URL ends with a comma) its descriptors, which run to a comma
outside parentheses. Each match ends where the next starts (the last one at the end)."""
_CHARACTER_REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_DIGITS = re.compile(r"[0-9]*")
_DIGITS_AND_DOTS = re.compile(r"[0-9.]*")
_SEPARATOR = re.compile(r"[\t\n\f\r ]*[;,]?[\t\n\f\r ]*")
_URL_PREFIX = re.compile(r"[Uu][Rr][Ll][\t\n\f\r ]*=[\t\n\f\r ]*")
# Names are folded to ASCII lower case only: ``str.lower`` on ASCII names (fast), else this
# table (``str.lower`` would fold `\u212a` KELVIN SIGN to `k`).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

URL_ATTRIBUTES = frozenset(
    {"href", "src", "poster", "action", "formaction", "cite", "xlink:href", "background"}
)
"""Attributes whose whole value is one URL, on any element."""
_FORM_ATTRIBUTES = frozenset({"action", "formaction"})
_SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
)
"""Elements whose content is text up to their end tag (RAWTEXT, RCDATA, script data): no tags."""
_RAW_NOT_CODE = frozenset({"title"})
"""Raw-text elements whose content is prose all the same."""
CODE_ELEMENTS = frozenset({"pre", "code", "kbd", "samp"})
"""Elements whose whole content (tags and text) is code for the prose rules."""
_SPECIAL = RAW_TEXT | CODE_ELEMENTS | {"plaintext"}
_RAW_END = {name: re.compile(rf"</{name}[\t\n\f\r />]", re.I) for name in RAW_TEXT}
_SCRIPT_DATA = re.compile(r"(<!--)|</script[\t\n\f\r />]", re.I)
_SCRIPT_ESCAPED = re.compile(r"(-->)|(<script[\t\n\f\r />])|</script[\t\n\f\r />]", re.I)
_SCRIPT_DOUBLE_ESCAPED = re.compile(r"(-->)|(</script[\t\n\f\r />])", re.I)


@record
class _Scan:
    links: tuple[LinkTarget, ...]
    code: tuple[tuple[int, int], ...]
    anchors: frozenset[str]


def links(text: str) -> list[LinkTarget]:
    """Every URL of the URL attributes of ``text``, in document order, as written: exact offsets,
    leading and trailing ASCII white space left out (an empty value is reported, empty)."""
    return list(_scan(text).links)


def code_ranges(text: str) -> list[tuple[int, int]]:
    """What prose rules must not read: tags (attributes included), comments, doctypes, and the
    content of raw-text and code elements. Sorted, disjoint and not adjacent (merged)."""
    return list(_scan(text).code)


def anchors(text: str) -> set[str]:
    """The fragments ``text`` defines: every non-empty `id` and `<a name>` value, decoded."""
    return set(_scan(text).anchors)


@lru_cache(maxsize=2)
def _scan(text: str) -> _Scan:
    """One pass over ``text`` for the three answers (the lead asks for several of one body)."""
    return _Scanner(text).run()


def _skip(pattern: re.Pattern[str], text: str, position: int, end: int) -> int:
    """Where ``pattern`` (which matches the empty string) stops matching from ``position``."""
    match = pattern.match(text, position, end)
    return match.end() if match else position


def _letter(character: str) -> bool:
    return character.isascii() and character.isalpha()


_READ = URL_ATTRIBUTES | _SRCSET_ATTRIBUTES | {"data", "content", "http-equiv", "id", "name"}
"""The attributes that give a link or an anchor (on some elements)."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[LinkTarget] = []
        self.code: list[tuple[int, int]] = []
        self.anchors: set[str] = set()
        self.open_code: dict[str, int] = {}
        self.code_depth = 0
        self.code_start = 0
        self.next_at: dict[str, int] = {}

    def run(self) -> _Scan:
        self._tokens()
        if self.code_depth:
            self.code_depth = 0
            self._add(self.code_start, len(self.text))
        return _Scan(tuple(self.found), tuple(self.code), frozenset(self.anchors))

    def _add(self, start: int, end: int) -> None:
        """A code range, merged with the previous one when they meet (ranges come in order)."""
        if self.code_depth or end <= start:
            return  # inside `<pre>`…: the element's range covers it
        code = self.code
        if code and start <= code[-1][1]:
            code[-1] = (code[-1][0], max(end, code[-1][1]))
        else:
            code.append((start, end))

    def _tokens(self) -> None:
        text = self.text
        code = self.code
        tag = _TAG.match
        markup = _MARKUP.search
        position = 0
        while True:
            found = markup(text, position)
            if found is None:
                return
            opening = found.start()
            match = tag(text, opening)
            if match is None:
                position = self._other(opening)
                if position < 0:
                    return
                continue
            end = match.end()
            if not self.code_depth:  # the tag is code (inlined ``_add``: the common case)
                if code and opening <= code[-1][1]:
                    code[-1] = (code[-1][0], end)
                else:
                    code.append((opening, end))
            slash, name, attributes = match.groups()
            name = name.lower() if name.isascii() else name.translate(_ASCII_LOWER)
            if slash:
                if name in self.open_code:
                    self._close_code(name, end)
            else:
                if attributes:
                    attributes_start = match.end(2)
                    self._read(name, attributes_start, attributes_start + len(attributes))
                if name in _SPECIAL:
                    end = self._special(name, end)
                    if end < 0:
                        return
            position = end

    def _other(self, opening: int) -> int:
        """What a `<` that opens no whole tag opens: a tag unclosed at the end (dropped, as
        browsers do), a comment, a bogus comment, or nothing (a `<` of the text). Where the
        scan goes on, or -1 at the end of the text."""
        text = self.text
        following = text[opening + 1 : opening + 2]
        if following == "/":
            after = text[opening + 2 : opening + 3]
            if after == ">":
                self._add(opening, opening + 3)  # `</>`: ignored
                return opening + 3
            if not after:
                return -1  # `</` at the end: text
            if not _letter(after):
                return self._bogus_comment(opening)
        elif following == "!" and text.startswith("<!--", opening):
            return self._comment(opening)
        elif following in ("!", "?"):
            return self._bogus_comment(opening)
        elif not _letter(following):
            return opening + 1
        self._add(opening, len(text))  # `<a …` or `</a …` with no end: to the end of the text
        return -1

    def _special(self, name: str, end: int) -> int:
        """After the start tag of a raw-text, `plaintext` or code element: where to go on."""
        text = self.text
        if name in CODE_ELEMENTS:
            if not self.code_depth:
                self.code_start = end
            self.code_depth += 1
            self.open_code[name] = self.open_code.get(name, 0) + 1
            return end
        if name == "plaintext":
            self._add(end, len(text))
            return -1
        closing = _script_end(text, end) if name == "script" else _RAW_END[name].search(text, end)
        tag = _TAG.match(text, closing.start()) if closing else None
        content = end if name not in _RAW_NOT_CODE else closing.start() if closing else len(text)
        if tag is None:  # no end tag: the content runs to the end of the text
            self._add(content, len(text))
            return -1
        self._add(content, tag.end())
        return tag.end()

    def _close_code(self, name: str, end: int) -> None:
        if self.open_code[name]:
            self.open_code[name] -= 1
            self.code_depth -= 1
            if not self.code_depth:
                self._add(self.code_start, end)

    def _comment(self, opening: int) -> int:
        """`<!--` to `-->` or `--!>` (`<!-->` and `<!--->` are whole), or to the end."""
        text = self.text
        inside = opening + 4
        if text.startswith(">", inside):
            end = inside + 1
        elif text.startswith("->", inside):
            end = inside + 2
        else:
            close = self._find("-->", inside)
            bang = self._find("--!>", inside)
            if bang >= 0 and (close < 0 or bang < close):
                end = bang + 4
            elif close >= 0:
                end = close + 3
            else:
                self._add(opening, len(text))
                return -1
        self._add(opening, end)
        return end

    def _find(self, needle: str, position: int) -> int:
        """``text.find(needle, position)``, remembered: a comment closed by `--!>` does not make
        the next search for `-->` read the rest of the text again, nor the other way round."""
        known = self.next_at.get(needle, -2)
        if known == -1 or known >= position:
            return known
        known = self.next_at[needle] = self.text.find(needle, position)
        return known

    def _bogus_comment(self, opening: int) -> int:
        """`<!…>`, `<?…>`, `</…>` not opening an end tag, doctypes, `<![CDATA[`: to the `>`."""
        close = self.text.find(">", opening + 2)
        if close < 0:
            self._add(opening, len(self.text))
            return -1
        self._add(opening, close + 1)
        return close + 1

    def _read(self, element: str, start: int, end: int) -> None:
        """The links and anchors of a start tag's attributes ``start:end``, in their order; the
        first of each name only (browsers drop the others)."""
        text = self.text
        seen: set[str] = set()
        for match in _ATTRIBUTE.finditer(text, start, end):
            name = match.group(1)
            name = name.lower() if name.isascii() else name.translate(_ASCII_LOWER)
            if name not in _READ or name in seen:
                continue
            seen.add(name)
            group = match.lastindex or 1
            value_start, value_end = (match.end(1),) * 2 if group == 1 else match.span(group)
            if name in _FORM_ATTRIBUTES and not text[value_start:value_end].strip():
                pass  # `<form action="">` submits to the page itself: no link to check
            elif name in URL_ATTRIBUTES or (name == "data" and element == "object"):
                self._link(value_start, value_end)
            elif name in _SRCSET_ATTRIBUTES:
                self._srcset(value_start, value_end)
            elif name == "content" and element == "meta" and _is_refresh(text, start, end):
                self._refresh(value_start, value_end)
            elif name == "id" or (name == "name" and element == "a"):
                anchor = decode_attribute(text[value_start:value_end])
                if anchor:
                    self.anchors.add(anchor)

    def _link(self, start: int, end: int) -> None:
        """The value ``start:end`` as a URL, without its leading and trailing white space."""
        text = self.text
        if start < end and (text[start] in _WS or text[end - 1] in _WS):
            while start < end and text[start] in _WS:
                start += 1
            while end > start and text[end - 1] in _WS:
                end -= 1
        self.found.append(LinkTarget(text[start:end], start, end, "html"))

    def _srcset(self, start: int, end: int) -> None:
        """Each URL of a `srcset` value ``start:end`` (a URL ending in commas loses them)."""
        text = self.text
        found = self.found
        for candidate in _SRCSET_CANDIDATE.finditer(text, start, end):
            url = candidate.group(1)
            if url is not None:
                url = url.rstrip(",")
                url_start = candidate.start(1)
                found.append(LinkTarget(url, url_start, url_start + len(url), "html"))

    def _refresh(self, start: int, end: int) -> None:
        """The URL of a refresh `content` (`5; url='/x'`), as browsers read it (WHATWG "shared
        declarative refresh steps"); nothing when there is no URL or the content is no refresh."""
        text = self.text
        position = _skip(_SPACES, text, start, end)
        time = _skip(_DIGITS, text, position, end)
        if time == position and not text.startswith(".", time):
            return
        position = _skip(_DIGITS_AND_DOTS, text, time, end)
        if position < end:
            if text[position] not in ";," + _WS:
                return
            position = _skip(_SEPARATOR, text, position, end)
        if position >= end:
            return
        url, stop = position, end
        if text[position] in "Uu":
            prefix = _URL_PREFIX.match(text, position, end)
            if prefix is None:  # `u…` but not `url=`: the whole rest is the URL
                self._refresh_link(position, end)
                return
            url = prefix.end()
        if url < end and text[url] in "\"'":
            close = text.find(text[url], url + 1, end)
            url += 1
            if close >= 0:
                stop = close
        self._refresh_link(url, stop)

    def _refresh_link(self, start: int, end: int) -> None:
        if self.text[start:end].strip(_WS):  # an empty URL is a reload, not a link
            self._link(start, end)


def _script_end(text: str, position: int) -> re.Match[str] | None:
    """The `</script` that ends a script whose content starts at ``position``: the script data
    states of the tokenizer, where after `<!--` a `<script>` hides the next `</script>` (in the
    old `document.write('<script …></script>')` within `<!-- … -->`) until its `-->`."""
    state = _SCRIPT_DATA
    while True:
        found = state.search(text, position)
        if found is None or found.lastindex is None:
            return found  # an ungrouped `</script…` ends the script; None: there is no end
        if state is _SCRIPT_DATA:  # `<!--`: escaped, its dashes may close at once (`<!-->`)
            state, position = _SCRIPT_ESCAPED, found.end() - 2
        elif found.lastindex == 1:  # `-->`
            state, position = _SCRIPT_DATA, found.end()
        elif state is _SCRIPT_ESCAPED:  # `<script`: double escaped
            state, position = _SCRIPT_DOUBLE_ESCAPED, found.end()
        else:  # `</script` while double escaped: back to escaped
            state, position = _SCRIPT_ESCAPED, found.end()


def _is_refresh(text: str, start: int, end: int) -> bool:
    """Whether the first `http-equiv` of the attributes ``start:end`` says `refresh`."""
    for match in _ATTRIBUTE.finditer(text, start, end):
        name = match.group(1)
        if (name.lower() if name.isascii() else name.translate(_ASCII_LOWER)) == "http-equiv":
            group = match.lastindex or 1
            value = "" if group == 1 else match.group(group)
            return decode_attribute(value).translate(_ASCII_LOWER) == "refresh"
    return False


def decode_attribute(value: str) -> str:
    """An attribute value as the DOM holds it: character references decoded (a named one
    without `;` followed by `=` or a letter or digit stays, as in attributes), NUL as U+FFFD."""
    if "&" in value:
        value = _CHARACTER_REFERENCE.sub(_reference, value)
    return value.replace("\0", "\ufffd")


def _reference(match: re.Match[str]) -> str:
    name = match.group(1)
    if name[0] == "#":
        return unescape(match.group())
    if name in html5:
        return html5[name]
    for length in range(len(name) - 1, 1, -1):
        known = html5.get(name[:length])
        if known is not None:
            following = name[length]
            if following == "=" or (following.isascii() and following.isalnum()):
                return match.group()
            return known + name[length:]
    return match.group()
