"""A page file -> a Document: its front matter as a node tree with spans, and its Markdown body.

Reading never raises: every way a file can be unusable (unreadable, binary, not UTF-8, front
matter unclosed or broken) becomes a diagnostic of one of the FM rules documented below, at the
place in the file where the problem is. YAML and JSON front matter get exact positions (JSON is
read by the YAML parser once ``json`` has accepted it); in TOML, keys are placed exactly and a
value at its key (``tomlkeys``).
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter import i18n, yamltree
from linter.diagnostics import Diagnostic, Span
from linter.rules.core import (
    COMPLEX_KEY,
    DUPLICATE_KEY,
    EMPTY,
    ENCODING,
    NOT_MAPPING,
    SYNTAX,
    TOO_COMPLEX,
    UNCLOSED,
    UNREADABLE,
    UNSAFE_TAG,
)
from linter.spec import Rule
from linter.yamltree import LineIndex, MappingNode, Node, ScalarNode, SequenceNode

MAX_FILE_BYTES = 10 * 1024 * 1024

PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm")


@dataclass
class Document:
    """A page read successfully (its front matter may still hold problems, reported apart)."""

    path: str
    """The path as shown to the user."""
    file: Path
    text: str
    """The decoded text, without BOM; spans' offsets index into it."""
    lines: LineIndex
    format: str
    """yaml | toml | json | none"""
    root: Node | None
    """The front matter's root mapping (None when there is no front matter)."""
    data: dict[str, Any]
    """The front matter as JSON-like data (what schemas validate)."""
    opening: Span
    """The opening delimiter (or the first line); where problems of the whole block point."""
    body_start: int

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


def _diag(rule: Rule, path: str, span: Span, msgid: str, /, **args: Any) -> Diagnostic:
    return Diagnostic.of(rule, path, span, msgid, **args)


def _first_line_span() -> Span:
    return Span(1, 1, 1, 1, 0, 0)


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [_diag(ENCODING, path, _first_line_span(), "FM005.utf16")]
    if b"\x00" in raw[:8192]:
        return None, [_diag(ENCODING, path, _first_line_span(), "FM005.binary")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", errors="replace")
        before = before.removeprefix("\ufeff")
        lines = LineIndex(before)
        line, column = lines.position(len(before))
        span = Span(line, column, line, column + 1, len(before), len(before) + 1)
        byte = raw[exc.start]
        return None, [_diag(ENCODING, path, span, "FM005.utf8", byte=f"0x{byte:02X}")]
    return text.removeprefix("\ufeff"), []


# A line is ended by LF, CRLF or a lone CR; a closing delimiter is a whole line.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_YAML_CLOSE = re.compile(r"(?<![^\r\n])(?:---|\.\.\.)[ \t]*(?=[\r\n]|\Z)")
_TOML_CLOSE = re.compile(r"(?<![^\r\n])\+\+\+[ \t]*(?=[\r\n]|\Z)")


class NotRegularFile(Exception):
    """The path is a pipe, a device, a socket or a folder: never read."""


class TooLarge(Exception):
    """The file holds more bytes than the limit (``size``: its size, or the bytes met so far)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


# O_NONBLOCK: should the path become a pipe between stat and open, opening it does not wait for a
# writer. O_NOCTTY: a terminal never becomes ours. O_BINARY (Windows): no newline translation.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_OPEN_FLAGS |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def read_regular(file: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (symbolic links followed).

    A pipe, a device or a socket is refused before it is opened (``NotRegularFile``: reading
    /dev/zero never ends, opening a pipe waits for a writer), and again after (``fstat``: the path
    may have changed in between). The size is checked before reading and while reading: at most
    ``limit + 1`` bytes are read (``TooLarge``), so a file that grows is refused too. Other
    failures raise ``OSError`` (its ``errno`` is ``ELOOP`` for a loop of symbolic links).
    """
    if not stat.S_ISREG(os.stat(file).st_mode):
        raise NotRegularFile(file)
    fd = os.open(file, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(file)
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        chunks: list[bytes] = []
        total = 0
        want = info.st_size + 1  # the whole file and its end in one read, usually
        while total <= limit:
            chunk = os.read(fd, min(want, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            want = 1 << 16
        if total > limit:
            raise TooLarge(total)
        return b"".join(chunks)
    finally:
        os.close(fd)


def front_matter_data(file: Path, path: str) -> Any:
    """``read_document(file, path)``'s ``data`` (None when it makes no document), for the
    readers of other pages' values (the site's URLs, the CMS relations' targets): the YAML
    front matter of a usual page is read by ``yamltree.plain_data``, twice as fast; everything
    else (TOML, JSON, no front matter, an anchor, a tag, a problem…) by ``read_document`` itself,
    so that the answer is always its own."""
    try:
        raw = read_regular(file, MAX_FILE_BYTES)
        text, _problems = _decode(raw, path)
    except Exception:
        text = None
    if text:
        newline = _LINE_BREAK.search(text)
        if newline is not None and text[: newline.start()].rstrip(" \t") == "---":
            closing = _YAML_CLOSE.search(text, newline.end())
            if closing is not None:
                data = yamltree.plain_data(text[newline.end() : closing.start()])
                if data is not None:
                    return data
    doc, _found = read_document(file, path)
    return doc.data if doc is not None else None


def read_document(file: Path, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read one page. Returns the Document (None if unusable) and the problems found."""
    span = _first_line_span()
    try:
        raw = read_regular(file, MAX_FILE_BYTES)
    except TooLarge as exc:
        return None, [_diag(TOO_COMPLEX, path, span, "FM009.size", size=exc.size)]
    except NotRegularFile:
        return None, [_diag(UNREADABLE, path, span, "FM006.special")]
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, [_diag(UNREADABLE, path, span, "FM006.loop")]
        return None, [_diag(UNREADABLE, path, span, "FM006", reason=i18n.os_reason(exc))]
    if not raw.strip():
        if file.name.startswith("_index."):
            return None, []  # Hugo: an empty _index.md declares a section; that is its whole job.
        return None, [_diag(EMPTY, path, _first_line_span(), "FM007")]
    text, problems = _decode(raw, path)
    if text is None:
        return None, problems
    return parse_text(text, file, path)


def parse_text(text: str, file: Path, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Split and parse the front matter of a decoded page text.

    LF, CRLF and a lone CR (old Mac files) all end a line, here as in ``LineIndex`` and libyaml.
    """
    lines = LineIndex(text)
    newline = _LINE_BREAK.search(text)
    first = (text if newline is None else text[: newline.start()]).rstrip(" \t")
    content_start = len(text) if newline is None else newline.end()
    opening = lines.span(0, len(first))

    def document(fmt: str, root: Node | None, body_start: int) -> Document:
        data = yamltree.to_data(root) if root is not None else {}
        return Document(path, file, text, lines, fmt, root, data, opening, body_start)

    def after_line_break(end: int) -> int:
        found = _LINE_BREAK.match(text, end)
        return end if found is None else found.end()

    if first in ("---", "+++"):
        closing = (_YAML_CLOSE if first == "---" else _TOML_CLOSE).search(text, content_start)
        if closing is None:
            return None, [_diag(UNCLOSED, path, opening, "FM003", delimiter=first)]
        block = text[content_start : closing.start()]
        body_start = after_line_break(closing.end())
        if first == "+++":
            root, problems = _parse_toml(block, content_start, lines, path, opening)
            return (document("toml", root, body_start) if root else None), problems
        node, found = yamltree.parse(block, content_start, lines)
        return _finish_yaml(
            node, found, "yaml", lines, path, lambda n: document("yaml", n, body_start)
        )
    if text.startswith("{"):
        refused = _scan_json(text, 0)
        if refused is not None:
            return None, [_refused_json(refused, lines, path)]
        try:
            _data, end = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError as exc:
            span = lines.span(exc.pos, exc.pos + 1)
            return None, [_diag(SYNTAX, path, span, "FM001.json", detail=i18n.parser_text(exc.msg))]
        node, found = yamltree.parse(text[:end], 0, lines)
        if node is None and found and found[0].kind == "syntax":
            # Valid JSON that libyaml refuses: keep the data, positions on the opening line.
            # (The scan above refused what is too deep or too large for the data as well.)
            node, _refused = _nodes_from_data(_data, lambda _p: opening)
            found = []
        body_start = after_line_break(end)
        return _finish_yaml(
            node, found, "json", lines, path, lambda n: document("json", n, body_start)
        )
    return document("none", None, 0), []


def _finish_yaml(
    node: Node | None,
    found: list[yamltree.YamlProblem],
    fmt: str,
    lines: LineIndex,
    path: str,
    make: Callable[[Node | None], Document],
) -> tuple[Document | None, list[Diagnostic]]:
    """Problems to diagnostics; the Document unless the front matter is unusable."""
    problems = [_yaml_diagnostic(problem, lines, path, fmt) for problem in found]
    if node is None:
        if problems:
            return None, problems
        return make(None), problems
    target = yamltree.resolve_target(node)
    if isinstance(target, ScalarNode) and target.value is None:
        return make(None), problems
    if not isinstance(target, MappingNode):
        kind = "list" if isinstance(target, SequenceNode) else "value"
        return None, [*problems, _diag(NOT_MAPPING, path, node.span, f"FM004.{kind}")]
    return make(node), problems


def _yaml_diagnostic(
    problem: yamltree.YamlProblem, lines: LineIndex, path: str, fmt: str
) -> Diagnostic:
    start, end = problem.start, problem.end
    if end <= start:
        end = start + 1
    span = lines.span(start, end)
    if span.end_line != span.line:
        span = Span(span.line, span.column, span.line, span.column, start, start)
    if problem.kind == "duplicate-key":
        return _diag(
            DUPLICATE_KEY, path, span, "FM002", key=problem.detail, line=problem.first_line
        )
    if problem.kind == "tag":
        return _diag(UNSAFE_TAG, path, span, "FM008", tag=problem.detail)
    if problem.kind == "too-complex":
        return _too_complex(problem.detail, span, path)
    if problem.kind == "not-a-key":
        return _diag(COMPLEX_KEY, path, span, "FM010")
    return _diag(SYNTAX, path, span, f"FM001.{fmt}", detail=i18n.parser_text(problem.detail))


# --- Limits every format shares with YAML (``yamltree``): nesting and integer size.


class TooComplex(Exception):
    """Text refused before, or instead of, parsing it: ``kind`` (depth | number) at ``offset``
    (None: somewhere)."""

    def __init__(self, kind: str, offset: int | None) -> None:
        super().__init__(_REFUSED[kind])
        self.kind = kind
        self.offset = offset


_REFUSED = {
    "depth": f"nested more than {yamltree.MAX_DEPTH} levels deep",
    "number": f"number of more than {yamltree.MAX_INT_DIGITS} digits",
}


def _too_complex(kind: str, span: Span, path: str) -> Diagnostic:
    limit = {"number": yamltree.MAX_INT_DIGITS, "values": yamltree.MAX_VALUES}.get(kind)
    args = {} if limit is None else {"limit": limit}
    return _diag(TOO_COMPLEX, path, span, f"FM009.{kind}", **args)


# --- JSON: ``json`` recurses once per level of nesting, converts integers to decimal with
# Python's limit, and accepts NaN and Infinity, which are not JSON. One forward scan, strings
# skipped, finds all three before ``json`` runs.

_JSON_TOKEN = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"?'  # a string (to its end, or to the end of the text)
    r"|[\[\]{}]"
    r"|-?Infinity|NaN"
    # An integer (not the start of a fraction or an exponent) of too many digits.
    rf"|(?<![0-9.eE+-])-?[0-9]{{{yamltree.MAX_INT_DIGITS + 1},}}(?![0-9.eE])",
    re.S,
)


def _scan_json(text: str, start: int) -> tuple[str, int, str] | None:
    """The first thing of the JSON value at ``start`` that ``json`` must not be given:
    (depth | number | constant, its offset, its text). The scan ends with the value."""
    depth = 0
    for match in _JSON_TOKEN.finditer(text, start):
        token = match.group()
        first = token[0]
        if first in "[{":
            depth += 1
            if depth > yamltree.MAX_DEPTH:
                return "depth", match.start(), token
        elif first in "]}":
            depth -= 1
            if depth <= 0:
                return None
        elif first in "NI" or token[:2] == "-I":
            return "constant", match.start(), token
        elif first != '"':
            return "number", match.start(), token
    return None


def _refused_json(refused: tuple[str, int, str], lines: LineIndex, path: str) -> Diagnostic:
    what, offset, token = refused
    span = lines.span(offset, offset + len(token))
    if what == "constant":
        detail = i18n.parser_text(f"{token} is not a JSON value")
        return _diag(SYNTAX, path, span, "FM001.json", detail=detail)
    return _too_complex(what, span, path)


def load_json(text: str) -> Any:
    """``json.loads`` for a text from anyone (a schema): nesting deeper than ``MAX_DEPTH``, an
    integer of more than ``MAX_INT_DIGITS`` digits, NaN or Infinity raise ``json.JSONDecodeError``
    at their place, as a syntax error does, instead of RecursionError or ValueError."""
    refused = _scan_json(text, 0)
    if refused is not None:
        what, offset, token = refused
        message = f"{token} is not a JSON value" if what == "constant" else _REFUSED[what]
        raise json.JSONDecodeError(message, text, offset)
    return json.loads(text)


# --- TOML: parsed by tomllib; keys and table headers placed by tomlkeys' scanner. Before tomllib,
# one forward scan (strings and comments skipped) refuses what it would recurse on (arrays and
# inline tables) or spend quadratic time on (a dotted key or a table header of many parts).

_TOML_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_TOML_DOTTED = re.compile(rf"{_TOML_PART}[ \t]*\.[ \t]*")
_TOML_TOKEN = re.compile(
    # A key of more parts than the nesting allows (each part but the last opens a table).
    rf"(?P<key>(?<![A-Za-z0-9_-]){_TOML_PART}"
    rf"(?:[ \t]*\.[ \t]*{_TOML_PART}){{{yamltree.MAX_DEPTH},}})"
    r'|(?P<skip>"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*(?:"{0,2}""")?'
    r"|'''[^']*(?:'(?!'')[^']*)*(?:'{0,2}''')?"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"?'
    r"|'[^'\n]*'?"
    r"|#[^\n]*)"
    r"|(?P<open>[\[{])|(?P<close>[\]}])"
    # A number (or a key, or a date) of many characters: where a too large integer may be.
    r"|(?P<number>(?<![A-Za-z0-9_+-])[+-]?[0-9][0-9A-Za-z_]{499,})",
    re.S,
)
_LONE_CR = re.compile(r"\r(?!\n)")


def _scan_toml(text: str) -> tuple[int | None, list[int]]:
    """The offset of the first place nested too deeply (or None), and the offsets of the long
    number-like runs, outside strings and comments."""
    depth = 0
    numbers: list[int] = []
    for match in _TOML_TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            if depth >= yamltree.MAX_DEPTH:  # the root table is one level
                return match.start(), numbers
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "number":
            numbers.append(match.start())
        elif kind == "key":
            at = match.start()
            for _part in range(yamltree.MAX_DEPTH):
                at = _TOML_DOTTED.match(text, at).end()  # type: ignore[union-attr]
            return at, numbers
    return None, numbers


def load_toml(text: str) -> Any:
    """``tomllib.loads`` for a text from anyone (a configuration): nesting deeper than
    ``MAX_DEPTH`` and integers too large for Python's conversion raise ``TooComplex`` (at their
    place) instead of RecursionError or ValueError, before tomllib spends long on them. A syntax
    error raises ``tomllib.TOMLDecodeError``."""
    return _load_toml(text, _scan_toml(text))


def _load_toml(text: str, scan: tuple[int | None, list[int]]) -> Any:
    from linter import tomlkeys

    deep, numbers = scan
    if deep is not None:
        raise TooComplex("depth", deep)
    try:
        return tomlkeys.loads(text)
    except tomlkeys.TOMLDecodeError:
        raise
    except RecursionError:  # pragma: no cover - the scan refuses what tomllib would recurse on
        raise TooComplex("depth", None) from None
    except ValueError:  # an integer beyond Python's limit of decimal digits
        raise TooComplex("number", numbers[0] if numbers else None) from None


def _parse_toml(
    block: str, base: int, lines: LineIndex, path: str, opening: Span
) -> tuple[Node | None, list[Diagnostic]]:
    from linter import tomlkeys

    block = _LONE_CR.sub("\n", block)  # the same length: offsets stay those of the file
    scan = _scan_toml(block)
    try:
        data = _load_toml(block, scan)
    except TooComplex as exc:
        span = opening
        if exc.offset is not None:
            span = lines.span(base + exc.offset, base + exc.offset + 1)
        return None, [_too_complex(exc.kind, span, path)]
    except tomlkeys.TOMLDecodeError as exc:
        first_line = lines.position(base)[0]
        located = tomlkeys.error_position(exc)
        message, line, column = located or (str(exc), 1, 1)
        line += first_line - 1
        start = lines.starts[line - 1] + column - 1
        span = Span(line, column, line, column + 1, start, start + 1)
        return None, [_diag(SYNTAX, path, span, "FM001.toml", detail=i18n.parser_text(message))]
    spans = tomlkeys.key_spans(block, base, lines)

    def span_of(node_path: tuple) -> Span:
        while node_path and node_path not in spans:
            node_path = node_path[:-1]
        return spans.get(node_path, opening)

    node, refused = _nodes_from_data(data, span_of)
    if refused is None:
        return node, []
    kind, where = refused
    span = span_of(where)
    if kind == "number":
        # The number itself: the first long number-like run at or after its key.
        after = [offset for offset in scan[1] if base + offset >= span.start]
        if after:
            span = lines.span(base + after[0], base + after[0] + 1)
    return None, [_too_complex(kind, span, path)]


def _nodes_from_data(data: Any, span_of: Any) -> tuple[Node | None, tuple[str, tuple] | None]:
    """Nodes for data that came without positions; ``span_of(path)`` places each.

    Returns the root node, or None and why the data is refused, with the path where it is: the
    first collection nested more than ``MAX_DEPTH`` deep ("depth"), integer of more than
    ``MAX_INT_DIGITS`` digits ("number"), value beyond ``MAX_VALUES`` ("values"). An explicit
    stack: no recursion.
    """
    root: Node | None = None
    values = 0
    # (value, its path, depth of the collection holding it, where it goes, its key there)
    todo: list[tuple[Any, tuple, int, Node | None, Node | None]] = [(data, (), 0, None, None)]
    while todo:
        value, here, depth, parent, key = todo.pop()
        values += 1
        if values > yamltree.MAX_VALUES:
            return None, ("values", here)
        span = span_of(here)
        node: Node
        if isinstance(value, (dict, list)):
            if depth >= yamltree.MAX_DEPTH:
                return None, ("depth", here)
            children: list[tuple[tuple, Any, Node | None]]
            if isinstance(value, dict):
                node = MappingNode(span, None)
                children = [
                    ((*here, k), v, ScalarNode(span_of((*here, k)), None, raw=str(k), value=str(k)))
                    for k, v in value.items()
                ]
            else:
                node = SequenceNode(span, None)
                children = [((*here, i), v, None) for i, v in enumerate(value)]
            for where, child, child_key in reversed(children):
                todo.append((child, where, depth + 1, node, child_key))
        else:
            if yamltree.too_large(value):
                return None, ("number", here)
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            node = ScalarNode(span, None, raw=str(value), value=value)
        if isinstance(parent, MappingNode):
            assert key is not None
            parent.pairs.append((key, node))
        elif isinstance(parent, SequenceNode):
            parent.items.append(node)
        else:
            root = node
    return root, None
