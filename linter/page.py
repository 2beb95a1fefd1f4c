"""What a content rule sees of a page: its text values with exact positions, schema, body, date.

A ``TextValue`` is one string a rule can read — a front-matter string value (with its JSON path
and the part of the schema that describes it) or the Markdown body — and turns character offsets
inside that string into file positions (``span``), exact for every YAML scalar style (see
``spans``), falling back to the value's start where a position cannot be exact.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from linter import markdown
from linter.config import Settings
from linter.diagnostics import Change, Diagnostic, Edit, Fix, Message, Severity, Span, message
from linter.document import Document
from linter.french.dates import Reading
from linter.french.dates import read as read_dates
from linter.records import by_text, cached, record
from linter.site.model import Site
from linter.spans import char_offsets
from linter.spec import Rule, Text
from linter.targets import LinkTarget
from linter.templates import MASK, Masked, mask
from linter.yamltree import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    format_path,
    walk,
)

_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")

_DATELIKE = re.compile(r"\d|janv|f[ée]v|mars|avr|mai|juin|juil|ao[uû]|sept|octo|nov|d[ée]c")
"""What every date, time, month or misspelt month next to a correct one holds (a day, a year,
an hour, or a month's first letters)."""

URL_KEYS = frozenset({"link", "url", "href", "image", "src"})
"""Keys whose value is one URL (not Markdown), whatever the schema says."""
NAMING_KEYS = frozenset({"slug", "url", "permalink", "aliases", "redirect_from", "translationkey"})
"""Keys whose value names the page (its URL, its other URLs): a change breaks links to it."""
COPY_KEYWORDS = ("x-frontlint-reference", "x-frontlint-relation", "x-frontlint-in")
"""Annotations of a value that must equal another page's or field's (``rules/references.py``)."""


# What a value's text alone decides, read once per distinct text (``records.by_text``): labels
# and boilerplate repeat from page to page.


@by_text
def _markdown_links(text: str) -> tuple[LinkTarget, ...]:
    return tuple(markdown.links(text))


@by_text
def _html_links(text: str) -> tuple[LinkTarget, ...]:
    from linter import html  # (imported for HTML only: a pre-commit hook's start-up)

    return tuple(html.links(text))


_NO_DATES = Reading()
_NO_CODE = markdown.Ranges([])


@by_text
def _dates(text: str) -> Reading:
    return read_dates(text) if _DATELIKE.search(text.lower()) else _NO_DATES


def code_ranges(text: str, kind: str) -> markdown.Ranges:
    """The code of a text read as ``kind`` (``TextValue.kind``): code spans and blocks, link
    destinations, HTML tags; the whole text of a URL."""
    if kind == "url":
        return markdown.Ranges([(0, len(text))])
    return _code(text, kind)


@by_text
def _code(text: str, kind: str) -> markdown.Ranges:
    if kind == "html":
        from linter import html

        ranges = html.code_ranges(text)
        ranges += [(t.start, t.end) for t in _html_links(text) if t.exact]
    else:
        ranges = markdown.code_ranges(text)
        ranges += [(t.start, t.end) for t in _markdown_links(text) if t.exact]
        ranges += [(m.start(), m.end()) for m in _HTML_TAG.finditer(text)]
    return markdown.Ranges(ranges) if ranges else _NO_CODE


@dataclass(eq=False)
class TextValue:
    page: Page
    path: tuple[str | int, ...]
    """JSON path in the front matter; () for the body."""
    text: str
    node: ScalarNode | None
    """None for the body."""
    schema: Mapping[str, Any]
    """The subschema describing this value ({} when unknown)."""
    template: Masked | None = None
    """The value's template syntax (Liquid, Go templates, shortcodes): ``text`` is masked
    (``templates.MASK``, same length), so that no rule reads it as prose or a link."""

    def source(self, start: int, end: int) -> str:
        """Characters ``start:end`` as written (template syntax unmasked): what a message
        quotes."""
        return (self.template.source if self.template else self.text)[start:end]

    @property
    def is_body(self) -> bool:
        return self.node is None

    @property
    def key(self) -> str | int | None:
        return self.path[-1] if self.path else None

    @cached
    def where(self) -> str:
        """The JSON path as messages show it (empty for the body); once per value, not once per
        diagnostic."""
        return format_path(self.path)

    @cached
    def is_url_field(self) -> bool:
        """A value that is a single URL: by schema format, or by its key's name."""
        if self.is_body:
            return False
        if self.schema.get("format") in ("uri", "uri-reference", "iri", "iri-reference"):
            return True
        if "x-frontlint-media" in self.schema:  # a CMS's image or file field: one path
            return True
        return isinstance(self.key, str) and self.key.lower() in URL_KEYS

    @cached
    def is_copy(self) -> bool:
        """A value that must stay equal to something else: a reference to another page's title,
        a relation, one of the page's own listed values, a slug or an alias. Rules about the
        form of a text (``Rule.form``) leave it to its source of truth."""
        if self.is_body:
            return False
        named = next((k for k in reversed(self.path) if isinstance(k, str)), None)
        if named is not None and named.lower() in NAMING_KEYS:
            return True
        schemas = [self.schema]
        if isinstance(self.key, int) and self.page.schema is not None:
            schemas.append(self.page.schema_of(self.path[:-1]))
        return any(keyword in schema for schema in schemas for keyword in COPY_KEYWORDS)

    @cached
    def links(self) -> list[LinkTarget]:
        """The link targets of this value that hold no template syntax (``all_links``: those
        too; only the internal-link rule can tell what `{{ site.baseurl }}/a` leads to)."""
        return [t for t in self.all_links if MASK not in t.url]

    @cached
    def all_links(self) -> tuple[LinkTarget, ...]:
        """Every link target of this value: the whole value for a URL field; the HTML of an
        HTML page's body; else its Markdown."""
        if self.is_url_field:
            stripped = self.text.strip()
            start = self.text.find(stripped) if stripped else 0
            return (LinkTarget(stripped, start, start + len(stripped), "field"),)
        if self.is_html:
            return _html_links(self.text)
        return _markdown_links(self.text)

    @cached
    def is_html(self) -> bool:
        """The body of an HTML page (`.html`, `.htm`): read as HTML, not Markdown."""
        return self.is_body and self.page.doc.path.lower().endswith((".html", ".htm"))

    @cached
    def dates(self) -> Reading:
        """The French date and time expressions of this value (read once for every date rule).
        A text with no digit and no beginning of a month's name holds none: not read."""
        return _dates(self.text)

    @cached
    def kind(self) -> str:
        """How the value is read: `url` (one URL: all code), `html` (an HTML page's body) or
        `markdown` (the others): with its text, what decides its links and code."""
        return "url" if self.is_url_field else "html" if self.is_html else "markdown"

    @cached
    def _code_ranges(self) -> markdown.Ranges:
        """Ranges of code (spans, fenced blocks) and link destinations: not prose."""
        return code_ranges(self.text, self.kind)

    def in_code(self, start: int, end: int) -> bool:
        """Whether characters ``start:end`` meet code (any range with ``a < end and start < b``),
        in O(log n) (a page can hold a hundred thousand code spans)."""
        return self._code_ranges.overlaps(start, end)

    @property
    def is_single_line(self) -> bool:
        return "\n" not in self.text

    @cached
    def _offsets(self) -> list[int] | None:
        if self.node is None:
            return None
        return char_offsets(self.page.doc.text, self.node)

    def file_offset(self, index: int) -> int:
        if self.node is None:
            return self.page.doc.body_start + index
        offsets = self._offsets
        if offsets is None:
            return self.node.span.start
        return offsets[min(index, len(offsets) - 1)]

    def span(self, start: int, end: int) -> Span:
        """The file span of characters ``start:end`` of the value."""
        if self.node is not None and self._offsets is None:
            node_span = self.node.span
            return self.page.doc.lines.span(node_span.start, node_span.start)
        first = self.file_offset(start)
        last = self.file_offset(end - 1) + 1 if end > start else first
        return self.page.doc.lines.span(first, last)

    def fix(
        self, start: int, end: int, new: str, safety: str = "safe", said: Message | None = None
    ) -> Fix | None:
        """A fix that makes characters ``start:end`` of the value ``new``, written as the
        scalar's style needs (escaped in double quotes, doubled quotes in single ones, the
        whole scalar put in double quotes when a plain one cannot hold the text); None when the
        characters are not written one for one in the file (escapes, folding, template syntax),
        the value is shared through an anchor, or it must stay equal to another (``is_copy``)
        — no fix rather than a wrong one."""
        text = self.text
        if MASK in text[start:end] or MASK in new or self.is_copy:
            return None  # (a copy of another value is fixed at its source, never in place)
        if self.node is None:
            edit = Edit(self.page.doc.body_start + start, self.page.doc.body_start + end, new)
            return _fix([edit], safety, text[start:end], new, Change(None, start, end, new), said)
        offsets = self._offsets
        if offsets is None or self.page.doc.format not in ("yaml", "json"):
            return None
        if any(self.path[:depth] in self.page.anchored for depth in range(len(self.path) + 1)):
            return None  # (in an anchored node: an alias repeats it elsewhere)
        source = self.page.doc.text
        if start < end:
            # Written one for one: consecutive offsets, holding the value's characters.
            first_offset = offsets[start]
            if offsets[start:end] != list(range(first_offset, first_offset + end - start)):
                return None
            if source[first_offset : first_offset + end - start] != text[start:end]:
                return None
        first = offsets[start] if start < len(offsets) else offsets[-1] + 1
        last = offsets[end - 1] + 1 if end > start else first
        from linter import yamltext  # (imported for a fix only)

        change = Change(self.path, start, end, new)
        encoded = yamltext.encode(new, self.node.style, start == 0, end == len(text))
        if encoded is not None:
            return _fix([Edit(first, last, encoded)], safety, text[start:end], new, change, said)
        whole = yamltext.quoted(text[:start] + new + text[end:])
        span = self.node.span
        if self.node.style not in ("", "'") or "\n" in source[span.start : span.end]:
            return None
        return _fix([Edit(span.start, span.end, whole)], safety, text[start:end], new, change, said)

    def siblings(self) -> dict[str, TextValue]:
        """The other string values of the same mapping, by key (an item's heading, say)."""
        return {
            value.key: value
            for value in self.page.family(self.path[:-1])
            if isinstance(value.key, str) and value is not self
        }

    @cached
    def label(self) -> Text | None:
        """The value's place as an editor reads it, for a value inside a list item (``place``):
        once per value, however many diagnostics it has."""
        if not any(isinstance(part, int) for part in self.path):
            return None
        return place(self.page.schema, self.page.doc.data, self.path)

    def diagnostic(
        self,
        rule: Rule,
        start: int,
        end: int,
        msgid: str,
        /,
        severity: Severity | None = None,
        fix: Fix | None = None,
        **args: Any,
    ) -> Diagnostic:
        """A diagnostic on characters ``start:end``; the path is shown first in the message
        (in the formats people read, a list item by its name: `Sprint 5 — desc`)."""
        if "label" not in args and self.label is not None:
            args["label"] = self.label
        return Diagnostic.of(
            rule,
            self.page.doc.path,
            self.span(start, end),
            msgid,
            severity=severity,
            fix=fix,
            path=self.where,
            **args,
        )


@record
class SchemaView:
    """A page's schema as rules read it: its contents, and the resolver that validation uses
    (``referencing``), so that an annotation behind a ``$ref`` to another file is found."""

    contents: Mapping[str, Any]
    resolver: Any


def schema_at(view: SchemaView | None, path: tuple[str | int, ...]) -> Mapping[str, Any]:
    """The subschema that describes the value at ``path`` (properties, items, $ref, allOf)."""
    if view is None:
        return {}
    current, resolver = _deref(view.contents, view.resolver)
    for part in path:
        if not isinstance(current, Mapping):
            return {}
        current, resolver = _step(current, resolver, part)
    return current if isinstance(current, Mapping) else {}


def _step(current: Any, resolver: Any, part: str | int) -> tuple[Any, Any]:
    """The subschema of a member (``part``: its key or index) of what ``current`` describes."""
    if not isinstance(current, Mapping):
        return {}, resolver
    if isinstance(part, str):
        properties = current.get("properties", {})
        nxt = properties.get(part) if isinstance(properties, Mapping) else None
        if nxt is None:
            additional = current.get("additionalProperties")
            nxt = additional if isinstance(additional, Mapping) else {}
    else:
        prefix = current.get("prefixItems")
        if isinstance(prefix, list) and part < len(prefix):
            nxt = prefix[part]
        else:
            nxt = current.get("items", {})
    return _deref(nxt, resolver)


def described(view: SchemaView | None, root: Node | None) -> list[tuple[tuple, Node, Mapping]]:
    """Every node under ``root`` with its JSON path and its subschema (what ``schema_at`` gives
    for the path), in ``walk``'s order: one descent, not a descent from the root per node."""
    found: list[tuple[tuple, Node, Mapping]] = []
    start = _deref(view.contents, view.resolver) if view is not None else ({}, None)
    # (walk gives a collection before its members, each collection's subtree whole: its own
    # subschema is the last one stored at its path when its members come.)
    collections: dict[tuple, tuple[Any, Any]] = {}
    for here, node in walk(root):
        current, resolver = _step(*collections[here[:-1]], here[-1]) if here else start
        if isinstance(node, (MappingNode, SequenceNode)):
            collections[here] = (current, resolver)
        found.append((here, node, current if isinstance(current, Mapping) else {}))
    return found


def _deref(node: Any, resolver: Any, depth: int = 0) -> tuple[Any, Any]:
    """Follow ``$ref`` (with validation's own resolver: local, relative and other files; never
    remote) and merge ``allOf`` members, a few levels deep."""
    if not isinstance(node, Mapping) or depth > 8:
        return node, resolver
    ref = node.get("$ref")
    if isinstance(ref, str):
        try:
            resolved = resolver.lookup(ref)
        except Exception:  # referencing's Unresolvable, a refused remote reference
            target: Any = {}
        else:
            target, resolver = _deref(resolved.contents, resolved.resolver, depth + 1)
        merged = dict(target) if isinstance(target, Mapping) else {}
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        node = merged
    members = node.get("allOf")
    if isinstance(members, list):
        merged = {k: v for k, v in node.items() if k != "allOf"}
        for member in members:
            member, _ = _deref(member, resolver, depth + 1)
            if isinstance(member, Mapping):
                for key, value in member.items():
                    merged.setdefault(key, value)
        node = merged
    return node, resolver


@dataclass
class Page:
    """A page as content rules see it. Built once per page, read-only for rules."""

    doc: Document
    today: datetime.date
    schema: SchemaView | None = None
    settings: Settings = field(default_factory=Settings)
    """The run's settings; rules read only their own family's options from it."""
    site: Site | None = None
    """The site the page belongs to (None when checked without one: a page alone)."""
    real: str = ""
    """The page's real path (what the site's index knows it by)."""
    lang: str = "fr"
    """The language of the page's text (``Site.language``): French rules read French only."""
    online: Any = None
    """The run's online link checks (``linter.online.Online``): what the rules that need the
    network (``Rule.online``) ask for and read; None offline."""
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    """What a rule computes once per page and reuses (the page's own anchors)."""
    _values: list[TextValue] | None = field(default=None, repr=False)

    @property
    def values(self) -> list[TextValue]:
        """Every non-empty string value of the front matter, in document order."""
        if self._values is None:
            found = []
            for path, node, subschema in self.described:
                if isinstance(node, ScalarNode) and isinstance(node.value, str) and node.value:
                    if path and path[0] == "$schema":
                        continue
                    masked = mask(node.value)
                    found.append(TextValue(self, path, masked.text, node, subschema, masked))
            self._values = found
        return self._values

    @cached
    def _families(self) -> dict[tuple[str | int, ...], list[TextValue]]:
        families: dict[tuple[str | int, ...], list[TextValue]] = {}
        for value in self.values:
            if isinstance(value.key, str):
                families.setdefault(value.path[:-1], []).append(value)
        return families

    def family(self, parent: tuple[str | int, ...]) -> list[TextValue]:
        """The string values of the mapping at ``parent`` (keyed by a name), in document order:
        one dictionary look-up, not a pass over every value of the page."""
        return self._families.get(parent, [])

    @cached
    def body(self) -> TextValue | None:
        text = self.doc.body
        if self.doc.format == "none" or not text.strip():
            return None
        masked = mask(text)
        return TextValue(self, (), masked.text, None, {}, masked)

    @cached
    def anchored(self) -> frozenset[tuple[str | int, ...]]:
        """The paths of the front matter's anchored nodes (``&name``, which an alias repeats)."""
        return frozenset(path for path, node in walk(self.doc.root) if node.anchor)

    def texts(self) -> Iterator[TextValue]:
        """The front-matter strings, then the body."""
        yield from self.values
        if self.body is not None:
            yield self.body

    @cached
    def copies(self) -> frozenset[str]:
        """Where the values that must stay equal to something else are (``TextValue.where``)."""
        return frozenset(value.where for value in self.values if value.is_copy)

    def lists(self) -> Iterator[tuple[tuple, SequenceNode, Mapping[str, Any]]]:
        """Every list of the front matter with its path and its subschema."""
        for path, node, subschema in self.described:
            if isinstance(node, SequenceNode):
                yield path, node, subschema

    @cached
    def described(self) -> list[tuple[tuple, Node, Mapping[str, Any]]]:
        """Every node of the front matter with its path and subschema, in document order
        (``described``: computed once for the rules that read them)."""
        return described(self.schema, self.doc.root)

    def schema_of(self, path: tuple[str | int, ...]) -> Mapping[str, Any]:
        """The subschema of the front-matter node at ``path`` (``schema_at``, looked up)."""
        found = self._schemas.get(path)
        return found if found is not None else schema_at(self.schema, path)

    @cached
    def _schemas(self) -> dict[tuple, Mapping[str, Any]]:
        return {path: subschema for path, _node, subschema in self.described}


def _fix(
    edits: list[Edit], safety: str, old: str, new: str, change: Change, said: Message | None
) -> Fix:
    if said is not None:
        pass
    elif not old:
        said = message("fix.insert", new=new)
    elif not new:
        said = message("fix.delete", old=old)
    else:
        said = message("fix.replace", old=old, new=new)
    return Fix(tuple(edits), safety, said, (change,))


def place(view: SchemaView | None, data: Any, path: tuple) -> Text | None:
    """Where ``path`` is, as the editor reads the page: a list item by its own ``title``,
    ``name`` or ``label``, else by the title the schema gives the list's items and its
    position counted from 1 (`Sprint 5 — date`), else by its list and position
    (`steps.dates, item 5, desc`). None without a list item: the path reads as it is."""
    if not any(isinstance(part, int) for part in path):
        return None
    en = fr = ""
    named = False
    keys: list[str | int] = []
    value: Any = data
    for depth, part in enumerate(path):
        value = _child(value, part)
        if not isinstance(part, int):
            keys.append(part)
            continue
        name = _item_name(value)
        if name is None:
            title = schema_at(view, path[: depth + 1]).get("title")
            if isinstance(title, str) and title.strip():
                name = f"{_shortened(title)} {part + 1}"
        if name is not None:
            en = fr = name
        else:
            en = _then(en, named, format_path(keys), f"item {part + 1}")
            fr = _then(fr, named, format_path(keys), f"élément {part + 1}")
        named = name is not None
        keys = []
    if keys:
        en = _then(en, named, format_path(keys))
        fr = _then(fr, named, format_path(keys))
    return Text(en=en, fr=fr)


def _child(value: Any, part: str | int) -> Any:
    if isinstance(value, dict) and isinstance(part, str) and part in value:
        return value[part]
    if isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
        return value[part]
    return None


def _shortened(text: str, limit: int = 60) -> str:
    text = " ".join(text[:200].split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _item_name(item: Any) -> str | None:
    """A list item's own name: its ``title``, ``name`` or ``label`` text."""
    if isinstance(item, dict):
        for key in ("title", "name", "label"):
            text = item.get(key)
            if isinstance(text, str) and text.strip():
                return _shortened(text)  # once per diagnostic: a prefix
    return None


def _then(text: str, named: bool, *parts: str) -> str:
    """``text`` followed by ``parts`` (the empty ones left out): after an item's name with
    ` — `, else with `, `."""
    tail = ", ".join(part for part in parts if part)
    if not text:
        return tail
    return f"{text}{' — ' if named else ', '}{tail}"
