"""Positions of the keys and tables of a TOML text (tomllib gives none), by a lexical scan.

Shared by TOML front matter and by the configuration file, whose errors must name their place.
A key's span is the key as written (`a.b` for `a.b = 1`, quotes included; a prefix of a dotted key
spans up to its part); a table's span is its whole header `[a.b]` or `[[a]]`, brackets included.
"""

from __future__ import annotations

import re
import sys

# A version check, not try/except ImportError: mypy then checks the branch of its python_version.
if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from linter.diagnostics import Span
from linter.yamltree import LineIndex

TOMLDecodeError = tomllib.TOMLDecodeError
loads = tomllib.loads

_ERROR_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
# Each pattern below matches at a given position and cannot fail (it may match nothing), so the
# regex engine never backtracks; every scan moves forward: the whole pass is linear.
# Their `.match(...)` is therefore never None, which mypy cannot know: `type: ignore[union-attr]`.
_SPACE = re.compile(r"[ \t]*")
_BLANK = re.compile(r"[ \t\r\n]*")
_BARE_VALUE = re.compile(r"[^,\]}#\r\n]*")
_BARE_KEY = re.compile(r"[^ \t\r\n=.\"'\[\]{},#]*")
_BASIC_STOP = re.compile(r'[\\"\n]')
_LITERAL_STOP = re.compile(r"['\n]")
_ML_BASIC_STOP = re.compile(r'[\\"]')
_ESCAPE = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|.)", re.S)
_MAX_PATH = 256
"""Deeper keys (nesting or dotted parts) are not recorded: tomllib refuses far less deep text."""
_ESCAPES = {
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    '"': '"',
    "\\": "\\",
}


def key_spans(block: str, base: int, lines: LineIndex) -> dict[tuple, Span]:
    """Path of every key and table (array-of-tables elements indexed 0, 1…) -> its span.

    ``block`` is the TOML text, ``base`` its offset in the text ``lines`` indexes. Never raises;
    made for text tomllib accepted, it gives some answer (possibly partial) for any other.
    """
    try:
        places = _Scanner(block).run()
    except Exception:  # pragma: no cover - defensive: positions are a nicety, never a crash
        places = {}
    return {path: lines.span(base + start, base + end) for path, (start, end) in places.items()}


def comment_starts(text: str) -> set[int]:
    """The offsets of the real comments of a TOML text (a `#` inside a string is none)."""
    scanner = _Scanner(text)
    try:
        scanner.run()
    except Exception:  # pragma: no cover - defensive, as key_spans
        return set()
    return set(scanner.comments)


class _Scanner:
    """One forward pass over the text: strings, comments, arrays and inline tables are skipped
    as TOML reads them, so that only real keys and headers are recorded."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.places: dict[tuple, tuple[int, int]] = {}
        self.comments: list[int] = []
        """Where each real comment (`#` outside strings) starts."""
        self.counts: dict[tuple, int] = {}
        """Array of tables (resolved path) -> how many elements its headers opened so far."""

    def run(self) -> dict[tuple, tuple[int, int]]:
        text, size = self.text, len(self.text)
        table: tuple | None = ()
        # Open arrays and inline tables: [kind, path, items seen]; an explicit stack, no recursion.
        stack: list[list] = []
        i = 0
        while i < size:
            before = i
            i = self.blank(i)
            if i >= size:
                break
            char = text[i]
            if not stack:
                if char == "[":
                    i, table = self.header(i)
                    continue
                parts, i = self.key(i)
                if not parts:
                    newline = text.find("\n", i)
                    i = size if newline < 0 else newline + 1  # not a key: skip the line
                    continue
                path = self.record(table, parts)
                i = self.value(self.equals(i), path, stack)
            elif char == ",":
                i += 1
            elif stack[-1][0] == "array":
                frame = stack[-1]
                if char == "]":
                    stack.pop()
                    i += 1
                else:
                    frame[2] += 1
                    inner = None if frame[1] is None else (*frame[1], frame[2] - 1)
                    i = self.value(i, inner, stack)
            elif char == "}":
                stack.pop()
                i += 1
            else:
                parts, i = self.key(i)
                if parts:
                    path = self.record(stack[-1][1], parts)
                    i = self.value(self.equals(i), path, stack)
            if i <= before:
                i = before + 1  # never stand still, whatever the input
        return self.places

    # --- Pieces of the text, each from position i; each returns the position after it.

    def blank(self, i: int) -> int:
        """Spaces, line breaks and comments."""
        text = self.text
        while True:
            i = _BLANK.match(text, i).end()  # type: ignore[union-attr]
            if not text.startswith("#", i):
                return i
            self.comments.append(i)
            newline = text.find("\n", i)
            i = len(text) if newline < 0 else newline

    def equals(self, i: int) -> int:
        """Past the `=` after a key (and the spaces around it)."""
        i = _SPACE.match(self.text, i).end()  # type: ignore[union-attr]
        if self.text.startswith("=", i):
            i += 1
        return _SPACE.match(self.text, i).end()  # type: ignore[union-attr]

    def value(self, i: int, path: tuple | None, stack: list[list]) -> int:
        """Past a value; an array or inline table is opened on the stack instead."""
        text = self.text
        if text.startswith('"""', i):
            return self.multiline(i, '"""')
        if text.startswith("'''", i):
            return self.multiline(i, "'''")
        char = text[i : i + 1]
        if char == '"':
            return self.basic(i)
        if char == "'":
            return self.literal(i)
        if char in "[{":
            deep = path is None or len(path) >= _MAX_PATH
            stack.append(["array" if char == "[" else "table", None if deep else path, 0])
            return i + 1
        return _BARE_VALUE.match(text, i).end()  # type: ignore[union-attr]

    def basic(self, i: int) -> int:
        """Past a one-line "string" (stops at a line break if unclosed)."""
        text, i = self.text, i + 1
        while True:
            stop = _BASIC_STOP.search(text, i)
            if stop is None:
                return len(text)
            if stop.group() == "\\":
                i = stop.end() + 1
            else:
                return stop.end() if stop.group() == '"' else stop.start()

    def literal(self, i: int) -> int:
        """Past a one-line 'string' (stops at a line break if unclosed)."""
        stop = _LITERAL_STOP.search(self.text, i + 1)
        if stop is None:
            return len(self.text)
        return stop.end() if stop.group() == "'" else stop.start()

    def multiline(self, i: int, delimiter: str) -> int:
        """Past a \"\"\"string\"\"\" or '''string''': the first run of 3 or more quotes closes it
        (up to two of them, before the delimiter, belong to the string)."""
        text, quote, i = self.text, delimiter[0], i + 3
        size = len(text)
        while True:
            if quote == '"':
                stop = _ML_BASIC_STOP.search(text, i)
                at = -1 if stop is None else stop.start()
            else:
                at = text.find(quote, i)
            if at < 0:
                return size
            if text[at] == "\\":
                i = at + 2
                continue
            end = at
            while end < size and text[end] == quote:
                end += 1
            if end - at >= 3:
                return end
            i = end

    def key(self, i: int) -> tuple[list[tuple[str, int, int]], int]:
        """A dotted key: its parts as (name, start, end), and the position after its last part."""
        text = self.text
        parts: list[tuple[str, int, int]] = []
        while True:
            start = i
            if text.startswith('"', i):
                i = self.basic(i)
                name = _unescape(text[start + 1 : i - 1] if text[i - 1 : i] == '"' else "")
            elif text.startswith("'", i):
                i = self.literal(i)
                name = text[start + 1 : i - 1] if text[i - 1 : i] == "'" else ""
            else:
                i = _BARE_KEY.match(text, i).end()  # type: ignore[union-attr]
                name = text[start:i]
            if i == start:
                return parts, i
            parts.append((name, start, i))
            after = _SPACE.match(text, i).end()  # type: ignore[union-attr]
            if not text.startswith(".", after):
                return parts, i
            i = _SPACE.match(text, after + 1).end()  # type: ignore[union-attr]

    def header(self, i: int) -> tuple[int, tuple | None]:
        """A `[table]` or `[[array.of.tables]]` header: the position after it, and its path."""
        text, start = self.text, i
        array = text.startswith("[[", i)
        i = _SPACE.match(text, i + (2 if array else 1)).end()  # type: ignore[union-attr]
        parts, i = self.key(i)
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        closing = "]]" if array else "]"
        if text.startswith(closing, i):
            i += len(closing)
        path: tuple = ()
        if len(parts) > _MAX_PATH // 2:  # each part may add an index
            return max(i, start + 1), None
        for number, (name, _start, _end) in enumerate(parts):
            path = (*path, name)
            last = number == len(parts) - 1
            if last and array:
                self.places.setdefault(path, (start, i))
                self.counts[path] = self.counts.get(path, 0) + 1
                path = (*path, self.counts[path] - 1)
            elif path in self.counts:  # a table inside the latest element of an array of tables
                path = (*path, self.counts[path] - 1)
            if last:
                self.places[path] = (start, i)
            else:
                self.places.setdefault(path, (start, i))
        return max(i, start + 1), path

    def record(self, prefix: tuple | None, parts: list[tuple[str, int, int]]) -> tuple | None:
        """Record a dotted key under ``prefix``: the whole key, and each prefix if not yet seen."""
        if prefix is None or len(prefix) + len(parts) > _MAX_PATH:
            return None
        path = prefix
        first = parts[0][1]
        for number, (name, _start, end) in enumerate(parts):
            path = (*path, name)
            if number == len(parts) - 1:
                self.places[path] = (first, end)
            else:
                self.places.setdefault(path, (first, end))
        return path


def _unescape(raw: str) -> str:
    """The value of a basic string's content (TOML escapes; an unknown one is kept as written)."""
    if "\\" not in raw:
        return raw

    def one(match: re.Match[str]) -> str:
        code = match.group()[1:]
        if len(code) > 1:
            try:
                return chr(int(code[1:], 16))
            except (ValueError, OverflowError):
                return match.group()
        return _ESCAPES.get(code, match.group())

    return _ESCAPE.sub(one, raw)


def error_position(exc: Exception) -> tuple[str, int, int] | None:
    """(message, line, column) of a TOMLDecodeError, lines counted in the decoded text."""
    message = str(exc)
    found = _ERROR_AT.search(message)
    if not found:
        return None
    return message[: found.start()].strip(), int(found.group(1)), int(found.group(2))
