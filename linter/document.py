"""A page file -> a Document: its front matter as a node tree with spans, and its Markdown body.

Reading never raises: every way a file can be unusable (unreadable, binary, not UTF-8, front
matter unclosed or broken) becomes a diagnostic of one of the FM rules documented below, at the
place in the file where the problem is. YAML and JSON front matter get exact positions (JSON is
read by the YAML parser once ``json`` has accepted it); in TOML, keys are placed exactly and a
value at its key (``tomlkeys``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter import yamltree
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


_YAML_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*\r?$", re.M)


def read_document(file: Path, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read one page. Returns the Document (None if unusable) and the problems found."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            span = _first_line_span()
            return None, [_diag(TOO_COMPLEX, path, span, "FM009.size", size=size)]
        raw = file.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, [_diag(UNREADABLE, path, _first_line_span(), "FM006", reason=reason)]
    if not raw.strip():
        if file.name.startswith("_index."):
            return None, []  # Hugo: an empty _index.md declares a section; that is its whole job.
        return None, [_diag(EMPTY, path, _first_line_span(), "FM007")]
    text, problems = _decode(raw, path)
    if text is None:
        return None, problems
    return parse_text(text, file, path)


def parse_text(text: str, file: Path, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Split and parse the front matter of a decoded page text."""
    lines = LineIndex(text)
    newline = text.find("\n")
    first = (text if newline < 0 else text[:newline]).rstrip(" \t\r")
    content_start = len(text) if newline < 0 else newline + 1
    opening = lines.span(0, len(first))

    def document(fmt: str, root: Node | None, body_start: int) -> Document:
        data = yamltree.to_data(root) if root is not None else {}
        return Document(path, file, text, lines, fmt, root, data, opening, body_start)

    if first in ("---", "+++"):
        closing = (_YAML_CLOSE if first == "---" else _TOML_CLOSE).search(text, content_start)
        if closing is None:
            return None, [_diag(UNCLOSED, path, opening, "FM003", delimiter=first)]
        block = text[content_start : closing.start()]
        body_start = closing.end() + (1 if text.startswith("\n", closing.end()) else 0)
        if first == "+++":
            root, problems = _parse_toml(block, content_start, lines, path)
            return (document("toml", root, body_start) if root else None), problems
        node, found = yamltree.parse(block, content_start, lines)
        return _finish_yaml(
            node, found, "yaml", lines, path, lambda n: document("yaml", n, body_start)
        )
    if text.startswith("{"):
        try:
            _data, end = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError as exc:
            span = lines.span(exc.pos, exc.pos + 1)
            return None, [_diag(SYNTAX, path, span, "FM001.json", detail=exc.msg)]
        node, found = yamltree.parse(text[:end], 0, lines)
        if node is None and found and found[0].kind == "syntax":
            # Valid JSON that libyaml refuses: keep the data, positions on the opening line.
            node, found = _nodes_from_data(_data, lambda _p: opening), []
        body_start = end + (1 if text.startswith("\n", end) else 0)
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
        return _diag(TOO_COMPLEX, path, span, f"FM009.{problem.detail}")
    if problem.kind == "not-a-key":
        return _diag(COMPLEX_KEY, path, span, "FM010")
    return _diag(SYNTAX, path, span, f"FM001.{fmt}", detail=problem.detail)


# --- TOML: parsed by tomllib; keys and table headers placed by tomlkeys' scanner.


def _parse_toml(
    block: str, base: int, lines: LineIndex, path: str
) -> tuple[Node | None, list[Diagnostic]]:
    from linter import tomlkeys

    try:
        data = tomlkeys.loads(block)
    except tomlkeys.TOMLDecodeError as exc:
        first_line = lines.position(base)[0]
        located = tomlkeys.error_position(exc)
        message, line, column = located or (str(exc), 1, 1)
        line += first_line - 1
        start = lines.starts[line - 1] + column - 1
        span = Span(line, column, line, column + 1, start, start + 1)
        return None, [_diag(SYNTAX, path, span, "FM001.toml", detail=message)]
    spans = tomlkeys.key_spans(block, base, lines)
    opening = lines.span(base - 4, base - 1) if base >= 4 else lines.span(0, 0)

    def span_of(node_path: tuple) -> Span:
        while node_path and node_path not in spans:
            node_path = node_path[:-1]
        return spans.get(node_path, opening)

    return _nodes_from_data(data, span_of), []


def _nodes_from_data(data: Any, span_of: Any, here: tuple = ()) -> Node:
    """Nodes for data that came without positions; ``span_of(path)`` places each."""
    span = span_of(here)
    if isinstance(data, dict):
        node = MappingNode(span, None)
        for key, value in data.items():
            node.pairs.append(
                (ScalarNode(span_of((*here, key)), None, raw=str(key), value=str(key)),
                 _nodes_from_data(value, span_of, (*here, key)))
            )  # fmt: skip
        return node
    if isinstance(data, list):
        return SequenceNode(
            span, None, items=[_nodes_from_data(v, span_of, (*here, i)) for i, v in enumerate(data)]
        )
    if hasattr(data, "isoformat"):
        data = data.isoformat()
    return ScalarNode(span, None, raw=str(data), value=data)
