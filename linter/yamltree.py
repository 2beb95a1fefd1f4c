"""YAML text -> a tree of nodes with exact source spans, built from libyaml's event stream.

Why events and not ``compose()`` or a loader: the C parser's events are the cheapest thing that
carries positions (start/end character offsets) and scalar styles, and building the tree with an
explicit stack here lets us refuse what a loader would choke on or execute: unknown tags (never
constructed), alias bombs (expanded size counted as the tree is built), absurd nesting (no
recursion anywhere), and duplicate keys (reported at the second occurrence, never silently merged).
Plain scalars are resolved with the YAML 1.2 core schema; timestamps stay strings, so that a date
is validated as the ISO text the editor typed.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from linter.diagnostics import Span
from linter.records import record

MAX_DEPTH = 64
"""Deeper front matter is refused: no real page nests this far, and validators recurse."""

MAX_VALUES = 20_000
"""Front matter of more values (collections and scalars, keys not counted) is refused. A real page
has at most a few thousand (the largest of the corpus: 63); every value costs every check (some
0.07 ms for a short string): a page of this many takes between one and two seconds."""

MAX_EXPANDED_NODES = 100_000
"""A document whose aliases expand beyond this many nodes (keys counted) is refused ("billion
laughs"): schemas validate the expanded data."""

MAX_INT_DIGITS = 640
"""A larger integer is refused. Python converts integers to and from decimal text only up to a
limit (4,300 digits by default, never less than 640 however the interpreter is configured), so
that every message, schema and report can show any integer accepted here."""

_INT_LIMIT = 10**MAX_INT_DIGITS

_STANDARD_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    _STANDARD_TAG + name
    for name in "str int float bool null timestamp binary map seq omap pairs set merge".split()
) | {"!"}


_PLUS_ONE = (1).__add__


class LineIndex:
    """Converts character offsets of a text into 1-based (line, column).

    Only LF, CRLF and CR end a line, as in editors (not U+2028, form feed...).
    """

    _BREAK = re.compile(r"\r\n|\r|\n")

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self.starts = [0] + [m.end() for m in self._BREAK.finditer(text)]
            return
        # Only LF (most texts): the lines' lengths plus one, summed in C (2.5x faster).
        self.starts = list(accumulate(map(_PLUS_ONE, map(len, text.split("\n"))), initial=0))
        self.starts.pop()

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column, start, end)


@dataclass(eq=False)
class Node:
    span: Span
    tag: str | None
    size: int = field(default=1, repr=False)
    """How many nodes this one stands for once aliases are expanded."""
    height: int = field(default=0, repr=False)
    """How many levels of collections it holds once aliases are expanded (a scalar: 0)."""
    anchor: str | None = field(default=None, repr=False)


@dataclass(eq=False)
class ScalarNode(Node):
    raw: str = ""
    """The scalar's content as the parser delivers it (escapes, folding and indentation done)."""
    style: str = ""
    """'' plain, "'" single-quoted, '"' double-quoted, '|' literal, '>' folded."""
    value: Any = None


@dataclass(eq=False)
class MappingNode(Node):
    pairs: list[tuple[Node, Node]] = field(default_factory=list)
    flow: bool = False

    def get(self, name: str) -> Node | None:
        """The value node of key ``name`` (the last one when a key is duplicated)."""
        pair = self._index().get(name)
        return pair[1] if pair is not None else None

    def key_node(self, name: str) -> Node | None:
        pair = self._index().get(name)
        return pair[0] if pair is not None else None

    def _index(self) -> dict[str, tuple[Node, Node]]:
        """Key name -> (key, value) of the last pair with it: made on the first look-up (after
        the tree is built), so that a mapping of many keys is not scanned once per key."""
        index: dict[str, tuple[Node, Node]] | None = self.__dict__.get("_by_name")
        if index is None or self.__dict__.get("_indexed") != len(self.pairs):
            index = {}
            for key, value in self.pairs:
                name = key_name(key)
                if name is not None:
                    index[name] = (key, value)
            self.__dict__["_by_name"] = index
            self.__dict__["_indexed"] = len(self.pairs)
        return index


@dataclass(eq=False)
class SequenceNode(Node):
    items: list[Node] = field(default_factory=list)
    flow: bool = False


@dataclass(eq=False)
class AliasNode(Node):
    """``*name``: its span is the alias itself, its target the anchored node."""

    target: Node | None = None


@record
class YamlProblem:
    """Something in the YAML text that stops or spoils reading it, at character offsets."""

    kind: str
    """syntax | duplicate-key | tag | too-complex | not-a-key"""
    start: int
    end: int
    detail: str = ""
    first_line: int = 0
    """For duplicate keys: the line of the first occurrence."""


class NumberTooLarge(ValueError):
    """An integer of more than ``MAX_INT_DIGITS`` digits."""


class YamlError(Exception):
    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.detail)
        self.problem = problem


def resolve_target(node: Node | None) -> Node | None:
    while isinstance(node, AliasNode):
        node = node.target
    return node


def key_name(key: Node) -> str | None:
    """The property name a key contributes to the JSON view of a mapping, or None."""
    target = resolve_target(key)
    if not isinstance(target, ScalarNode):
        return None
    if isinstance(target.value, str):
        return target.value
    return target.raw


_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")


def resolve_plain(raw: str) -> Any:
    """YAML 1.2 core schema resolution of a plain scalar (timestamps stay strings).

    Raises NumberTooLarge for an integer of more than ``MAX_INT_DIGITS`` digits.
    """
    if raw in ("", "~", "null", "Null", "NULL"):
        return None
    if raw in ("true", "True", "TRUE"):
        return True
    if raw in ("false", "False", "FALSE"):
        return False
    first = raw[0]
    if not (first.isdigit() or first in "+-."):
        return raw
    if _INT.match(raw):
        if len(raw) - (first in "+-") > MAX_INT_DIGITS:
            raise NumberTooLarge(raw)
        return int(raw)
    if _OCT.match(raw) or _HEX.match(raw):
        # Base 8 and 16 have no conversion limit (and are linear): check the value.
        value = int(raw[2:], 8 if raw[1] == "o" else 16)
        if value >= _INT_LIMIT:
            raise NumberTooLarge(raw)
        return value
    if _FLOAT.match(raw):
        return float(raw)
    if _INF.match(raw):
        return -math.inf if raw[0] == "-" else math.inf
    if _NAN.match(raw):
        return math.nan
    return raw


def too_large(value: Any) -> bool:
    """Whether ``value`` is an integer of more than ``MAX_INT_DIGITS`` digits."""
    return isinstance(value, int) and abs(value) >= _INT_LIMIT


def _resolve_tagged(raw: str, tag: str) -> Any:
    name = tag[len(_STANDARD_TAG) :] if tag.startswith(_STANDARD_TAG) else "str"
    resolved = resolve_plain(raw)
    if name == "null":
        return None
    if (name == "int" and isinstance(resolved, int) and not isinstance(resolved, bool)) or (
        name == "bool" and isinstance(resolved, bool)
    ):
        return resolved
    if name == "float" and isinstance(resolved, (int, float)) and not isinstance(resolved, bool):
        return float(resolved)
    return raw


def _events(text: str) -> Iterator[Any]:
    try:
        from _ruamel_yaml import CParser
    except ImportError:  # pragma: no cover - depends on the installation
        try:
            from _ruamel_yaml_clibz import CParser
        except ImportError:
            CParser = None
    if CParser is not None:
        parser = CParser(text)
        while True:
            event = parser.get_event()
            if event is None:
                return
            yield event
    else:  # pragma: no cover - slow pure-Python fallback, same events
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)


def _syntax_problem(exc: Exception, text: str, base: int, lines: LineIndex) -> YamlProblem:
    """A parser exception as a problem at file offsets, its context's line in the message."""
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.reader import ReaderError

    if isinstance(exc, ReaderError):
        offset = base + (exc.position if isinstance(exc.position, int) else 0)
        detail = f"{exc.reason} (#x{exc.character:04x})" if isinstance(exc.character, int) else ""
        return YamlProblem("syntax", offset, offset + 1, detail or str(exc.reason))
    if isinstance(exc, MarkedYAMLError) and exc.problem_mark is not None:
        offset = base + exc.problem_mark.index
        detail = exc.problem or "invalid YAML"
        if detail == "found character that cannot start any token" and offset - base < len(text):
            # libyaml does not say which (the pure-Python parser does): often an invisible tab.
            detail = f"found character {text[offset - base]!r} that cannot start any token"
        if exc.context and exc.context_mark is not None:
            context_line = lines.position(base + exc.context_mark.index)[0]
            detail += f" ({exc.context} at line {context_line})"
        return YamlProblem("syntax", offset, offset, detail)
    end = base + len(text)
    return YamlProblem("syntax", end, end, str(exc) or type(exc).__name__)


class _Frame:
    __slots__ = ("key", "keys", "node")

    def __init__(self, node: MappingNode | SequenceNode) -> None:
        self.node = node
        self.key: Node | None = None
        self.keys: dict[str, Node] = {}


def parse(text: str, base: int, lines: LineIndex) -> tuple[Node | None, list[YamlProblem]]:
    """Parse the YAML ``text`` found at character offset ``base`` of a file.

    Returns the root node (None for an empty document) and the problems found. A syntax error or
    a refused document (too deep, too many values, a too large number) gives
    ``(None, [problem])``; duplicate keys and refused tags are reported and reading goes on.
    """
    from ruamel.yaml import events as ev
    from ruamel.yaml.error import YAMLError

    problems: list[YamlProblem] = []
    anchors: dict[str, Node] = {}
    stack: list[_Frame] = []
    root: Node | None = None
    documents = 0
    total = 0  # nodes, aliases expanded
    written = 0  # values as written, keys not counted (an alias is one)

    def span(event: Any) -> Span:
        return lines.span(base + event.start_mark.index, base + event.end_mark.index)

    def check_tag(tag: str | None, event: Any) -> str | None:
        if tag is None or tag in _ALLOWED_TAGS:
            return tag
        s = span(event)
        problems.append(YamlProblem("tag", s.start, s.end, tag))
        return None

    def attach(node: Node) -> None:
        nonlocal root, total, written
        frame = stack[-1] if stack else None
        is_key = frame is not None and isinstance(frame.node, MappingNode) and frame.key is None
        # Every node counts once, an alias for all that it stands for.
        written += not is_key
        total += node.size if isinstance(node, AliasNode) else 1
        if written > MAX_VALUES:
            raise YamlError(YamlProblem("too-complex", node.span.start, node.span.end, "values"))
        if total > MAX_EXPANDED_NODES:
            raise YamlError(YamlProblem("too-complex", node.span.start, node.span.end, "aliases"))
        if frame is None:
            root = node
            return
        parent = frame.node
        parent.size += node.size
        parent.height = max(parent.height, node.height + 1)
        if isinstance(parent, SequenceNode):
            parent.items.append(node)
        elif frame.key is None:
            frame.key = node
        else:
            key = frame.key
            frame.key = None
            assert isinstance(parent, MappingNode)
            name = key_name(key)
            if name is None:
                problems.append(YamlProblem("not-a-key", key.span.start, key.span.end))
            elif name in frame.keys and name != "<<":
                problems.append(
                    YamlProblem(
                        "duplicate-key",
                        key.span.start,
                        key.span.end,
                        name,
                        first_line=frame.keys[name].span.line,
                    )
                )
            else:
                frame.keys[name] = key
            parent.pairs.append((key, node))

    try:
        for event in _events(text):
            kind = type(event)
            if kind is ev.ScalarEvent:
                tag = check_tag(event.tag, event)
                style = event.style or ""
                raw = event.value
                try:
                    if tag is not None:
                        value = _resolve_tagged(raw, tag)
                    elif style:
                        value = raw
                    else:
                        value = resolve_plain(raw)
                except NumberTooLarge:
                    s = span(event)
                    raise YamlError(YamlProblem("too-complex", s.start, s.end, "number")) from None
                node: Node = ScalarNode(span(event), tag, raw=raw, style=style, value=value)
                if event.anchor:
                    anchors[event.anchor] = node
                    node.anchor = event.anchor
                attach(node)
            elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    s = span(event)
                    raise YamlError(YamlProblem("too-complex", s.start, s.end, "depth"))
                tag = check_tag(event.tag, event)
                flow = bool(event.flow_style)
                s = span(event)
                container: MappingNode | SequenceNode = (
                    MappingNode(s, tag, flow=flow, height=1)
                    if kind is ev.MappingStartEvent
                    else SequenceNode(s, tag, flow=flow, height=1)
                )
                # Its anchor is registered when complete: an alias to an open anchor is recursive.
                container.anchor = event.anchor
                stack.append(_Frame(container))
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                frame = stack.pop()
                done = frame.node
                end = base + event.end_mark.index
                if not done.flow:
                    # A block collection's end event sits on the next token; end at its last child.
                    children = (
                        [v for _k, v in done.pairs] if isinstance(done, MappingNode) else done.items
                    )
                    if children:
                        end = children[-1].span.end
                done.span = lines.span(done.span.start, max(end, done.span.start))
                if done.anchor:
                    anchors[done.anchor] = done
                attach(done)
            elif kind is ev.AliasEvent:
                s = span(event)
                target = anchors.get(event.anchor)
                if target is None:
                    open_names = {f.node.anchor for f in stack}
                    why = "recursive alias" if event.anchor in open_names else "undefined alias"
                    raise YamlError(YamlProblem("syntax", s.start, s.end, f"{why} *{event.anchor}"))
                if len(stack) + target.height > MAX_DEPTH:
                    # Aliases nest too: what they stand for is checked at the depth it lands.
                    raise YamlError(YamlProblem("too-complex", s.start, s.end, "depth"))
                attach(AliasNode(s, None, size=target.size, height=target.height, target=target))
            elif kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    s = span(event)
                    raise YamlError(YamlProblem("syntax", s.start, s.end, "more than one document"))
    except YamlError as exc:
        return None, [exc.problem]
    except YAMLError as exc:
        return None, [_syntax_problem(exc, text, base, lines)]
    return root, problems


def plain_data(text: str) -> dict[str, Any] | None:
    """``to_data(parse(text, …)[0])`` for a mapping of plain values, straight from the events
    (no node, span or line index: what reading another page's values needs, at twice the
    speed); None whenever that could differ or ``parse`` would say more: an anchor, an alias, a
    tag, a merge key, a key that is a collection, a syntax error, a limit reached, a root that is
    no mapping. Duplicate keys agree (the last value, at the first key's place)."""
    from ruamel.yaml import events as ev

    stack: list[Any] = []
    keys: list[str | None] = []  # per open collection: a mapping's key waiting for its value
    root: Any = None
    written = documents = 0
    opening = (ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent)
    try:
        for event in _events(text):
            kind = type(event)
            if kind in opening:
                if event.tag is not None or event.anchor:
                    return None
                if kind is ev.ScalarEvent:
                    raw = event.value
                    value: Any = raw if event.style else resolve_plain(raw)  # (may raise)
                    if stack and keys[-1] is None and type(stack[-1]) is dict:
                        if raw == "<<" and not event.style:
                            return None
                        keys[-1] = raw  # (``key_name``: the value when a string, else as written)
                        continue
                elif len(stack) >= MAX_DEPTH:
                    return None
                else:
                    value = {} if kind is ev.MappingStartEvent else []
                written += 1  # (as ``parse`` counts: every value but keys, the root too)
                if written > MAX_VALUES:
                    return None
                if not stack:
                    root = value
                elif type(stack[-1]) is dict:
                    if keys[-1] is None:
                        return None  # a collection as a key
                    stack[-1][keys[-1]] = value
                    keys[-1] = None
                else:
                    stack[-1].append(value)
                if kind is not ev.ScalarEvent:
                    stack.append(value)
                    keys.append(None)
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                stack.pop()
                keys.pop()
            elif kind is ev.AliasEvent:
                return None
            elif kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    return None
    except Exception:  # a syntax error, a number too large…: ``parse`` says what
        return None
    return root if type(root) is dict else None


def to_data(node: Node | None) -> Any:
    """The JSON-like value of a node: dicts with string keys, lists, scalars.

    Merge keys (``<<: *defaults``) are applied; explicit keys win over merged ones. An explicit
    stack, no recursion: however deep a tree is, converting it cannot overflow.
    """
    results: list[Any] = []
    # (node, None): to convert; (collection, plan): its children's values are the last results.
    todo: list[tuple[Node | None, list[tuple[str | None, Node | None]] | None]] = [(node, None)]
    while todo:
        current, plan = todo.pop()
        current = resolve_target(current)
        if plan is not None:
            count = len(plan)
            values = results[len(results) - count :]
            del results[len(results) - count :]
            results.append(_assemble(current, plan, values))
        elif isinstance(current, (MappingNode, SequenceNode)):
            plan = _plan(current)
            todo.append((current, plan))
            todo.extend((child, None) for _name, child in reversed(plan))
        else:
            results.append(current.value if isinstance(current, ScalarNode) else None)
    return results[0]


def _plan(node: MappingNode | SequenceNode) -> list[tuple[str | None, Node | None]]:
    """The children whose values make a collection's: (name, node) of each pair that names a
    property, (None, source) for each source of a merge key (in the order they are applied),
    (None, item) for the items of a sequence."""
    if isinstance(node, SequenceNode):
        return [(None, item) for item in node.items]
    plan: list[tuple[str | None, Node | None]] = []
    for key, value in node.pairs:
        name = key_name(key)
        if name is None:
            continue
        if name == "<<" and isinstance(resolve_target(key), ScalarNode) and not key_style(key):
            sources = resolve_target(value)
            parts = sources.items if isinstance(sources, SequenceNode) else [sources]
            plan.extend((None, part) for part in reversed(parts))
        else:
            plan.append((name, value))
    return plan


def _assemble(node: Node | None, plan: list[tuple[str | None, Node | None]], values: list) -> Any:
    if isinstance(node, SequenceNode):
        return values
    result: dict[str, Any] = {}
    merged: dict[str, Any] = {}
    for (name, _child), data in zip(plan, values, strict=True):
        if name is not None:
            result[name] = data
        elif isinstance(data, dict):
            merged.update(data)
    if merged:
        return {**merged, **result}
    return result


def key_style(key: Node) -> str:
    target = resolve_target(key)
    return target.style if isinstance(target, ScalarNode) else ""


def walk(node: Node | None, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple, Node]]:
    """Every node with its JSON path, depth-first, aliases not followed."""
    todo: list[tuple[tuple, Node | None]] = [(path, node)]
    while todo:
        here, current = todo.pop()
        if current is None:
            continue
        yield here, current
        if isinstance(current, MappingNode):
            for key, value in reversed(current.pairs):
                name = key_name(key)
                if name is not None:
                    todo.append(((*here, name), value))
        elif isinstance(current, SequenceNode):
            for index in range(len(current.items) - 1, -1, -1):
                todo.append(((*here, index), current.items[index]))


def format_path(path: tuple[str | int, ...] | list[str | int]) -> str:
    """``('steps', 'dates', 2, 'desc')`` -> ``steps.dates[2].desc``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_$][\w$-]*", part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out
