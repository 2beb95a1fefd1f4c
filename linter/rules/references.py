"""Reference rules (RF): values that name other pages or files, and rules between fields.

A page's schema says which values refer to what, with annotation keywords that JSON Schema
ignores (their shapes: ``schemas/frontlint-keywords.meta.json``; a bad one is reported as SC007
and ignored here):

- ``x-frontlint-reference`` (RF001): the value (or each value of a list) names a page or a file
  of the site: ``{"pages": "content/organisations/*.md", "field": "title"}`` (the value is that
  field of one of the pages the glob matches), ``{"path": "content/people/{value}.md"}`` (that
  file exists) or ``{"file": "static/img"}`` (the value is the path of a file under the folder).
- ``x-frontlint-relation`` (RF001): Decap CMS's relation widget, as ``site.decap`` derives it
  from the CMS configuration: the value is the ``value_field`` of an entry of the collection.
- ``x-frontlint-after`` (RF002): a date or number comes after a sibling field's.
- ``x-frontlint-unique`` (RF003): no two items of a list have the same value at a key.
- ``x-frontlint-in`` (RF004): the value is one of the values at a path of the same page.

Decisions:

- Paths are from the site's root (``Site.root``; a page under no site: the working folder) and
  are looked up in the site's file list (``site.index``: links out of the site are not followed,
  nothing outside the site is read). Target pages are read once a run for each pattern and
  field (their front matter, with ``read_document``'s limits): the set of values they give is
  kept (``Site.cache``), not their front matter, so a check is a set look-up and a "did you
  mean" a ``distance.Nearby`` query (never a pass over every target).
- Only string values are looked up (a number or null is the schema's ``type``'s business), and
  not those that hold template syntax or a URL with a scheme (`https://…` for a file).
- A glob, a path or a folder that matches no file at all makes every reference to it dangling:
  the first one is reported saying so, the page's others are not (a moved folder, or a typo in
  the schema, should not bury the page under one diagnostic per value). Pages that match but
  lack the field give no value: each reference to them is reported.
- Where the target set cannot be known (the site's file list truncated, a Decap ``value_field``
  template other than ``{{slug}}``, a collection folder outside the site), nothing is reported.
"""

from __future__ import annotations

import datetime
import math
import os
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from linter.diagnostics import Diagnostic, Severity
from linter.distance import Nearby
from linter.page import Page, TextValue
from linter.records import record
from linter.schema import valid_annotation
from linter.site.model import LANGUAGE_CODES, Site
from linter.spec import Doc, Rule, Text, bad, good
from linter.templates import MASK
from linter.yamltree import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    format_path,
    key_name,
    resolve_target,
    walk,
)

if TYPE_CHECKING:
    from linter.site.decap import Collection, Config

REFERENCE = "x-frontlint-reference"
RELATION = "x-frontlint-relation"
AFTER = "x-frontlint-after"
UNIQUE = "x-frontlint-unique"
IN = "x-frontlint-in"
YAML = "x-frontlint-yaml"
KEYWORDS = (REFERENCE, RELATION, AFTER, UNIQUE, IN, YAML)

SLUG_FIELDS = frozenset({"{{slug}}", "{{filename}}"})
"""A ``field`` (or Decap ``value_field``) that names the file's name without its extension."""
CUTOFF = 0.75
"""How close a target must be to be suggested (``difflib``'s ratio)."""
SHORT = 80
"""Values are quoted up to this many characters."""
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|//")
_ISO = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?"
    r"[ ]?([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
)
_DATA_SUFFIXES = frozenset({".yml", ".yaml", ".json", ".toml"})


def short(text: str, limit: int = SHORT) -> str:
    """``text`` as a message quotes it: one line, at most ``limit`` characters."""
    text = text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the annotated values of a page ----------------------------------------------------------


@record
class Annotated:
    """A front-matter node whose subschema holds one of the keywords."""

    path: tuple[str | int, ...]
    at: Node
    """The node as written (an alias: the alias itself), where diagnostics point."""
    node: Node
    """The node's value (an alias's target)."""
    annotation: Mapping[str, Any]


def annotated(page: Page, keyword: str) -> list[Annotated]:
    """Every node of the page annotated with ``keyword`` (one pass over the page for all the
    keywords, kept in ``Page.cache``)."""
    found = page.cache.get("references")
    if found is None:
        found = page.cache["references"] = _survey(page)
    result: list[Annotated] = found.get(keyword, [])
    return result


def _survey(page: Page) -> dict[str, list[Annotated]]:
    found: dict[str, list[Annotated]] = {}
    if page.schema is None or page.doc.root is None:
        return found
    for path, node, subschema in page.described:
        if path[:1] == ("$schema",):
            continue
        for keyword in KEYWORDS:
            annotation = subschema.get(keyword)
            if annotation is None or not isinstance(annotation, Mapping):
                continue
            if valid_annotation(keyword, annotation):  # (once per annotation and run)
                target = resolve_target(node)
                if target is not None:
                    found.setdefault(keyword, []).append(Annotated(path, node, target, annotation))
    return found


def _strings(page: Page) -> dict[tuple[str | int, ...], TextValue]:
    found = page.cache.get("references:strings")
    if found is None:
        found = page.cache["references:strings"] = {value.path: value for value in page.values}
    return found


def _entries(item: Annotated) -> Iterator[tuple[tuple[str | int, ...], Node, Node]]:
    """(path, node as written, its value) of an annotated value, or of each item of a list."""
    if isinstance(item.node, SequenceNode):
        for index, child in enumerate(item.node.items):
            target = resolve_target(child)
            if target is not None:
                yield (*item.path, index), child, target
    else:
        yield item.path, item.at, item.node


def _report(
    page: Page, rule: Rule, path: tuple[str | int, ...], at: Node, msgid: str, /, **args: Any
) -> Diagnostic:
    """A diagnostic on a value: its characters when it is a string written in place, else the
    node (a number, an alias)."""
    value = _strings(page).get(path)
    if value is not None and value.node is at:
        return value.diagnostic(rule, 0, len(value.text), msgid, **args)
    return Diagnostic.of(rule, page.doc.path, at.span, msgid, path=format_path(path), **args)


def _shown(node: Node) -> str:
    return short(node.raw if isinstance(node, ScalarNode) else "")


class _Mappings:
    """Key -> value node of the mappings of a page, each mapping read once (a mapping of many
    keys, each annotated, is not rescanned for each)."""

    def __init__(self) -> None:
        self._keys: dict[int, tuple[MappingNode, dict[str, Node]]] = {}

    def get(self, mapping: MappingNode, name: str) -> Node | None:
        known = self._keys.get(id(mapping))
        if known is None:
            keys: dict[str, Node] = {}
            for key, value in mapping.pairs:
                found = key_name(key)
                if found is not None:
                    keys[found] = value  # the last of duplicated keys, as the data has it
            known = self._keys[id(mapping)] = (mapping, keys)
        return known[1].get(name)


def values_at(data: Any, parts: list[str]) -> Iterator[Any]:
    """The scalar values at a dotted path in data (``*``: every item of a list, every value of
    a mapping); a list found at the end gives its scalar items. An explicit stack."""
    todo: list[tuple[Any, int]] = [(data, 0)]
    while todo:
        current, depth = todo.pop()
        if depth == len(parts):
            if isinstance(current, list):
                yield from (item for item in current if not isinstance(item, (list, dict)))
            elif not isinstance(current, dict):
                yield current
            continue
        part = parts[depth]
        if part == "*":
            children = (
                current
                if isinstance(current, list)
                else list(current.values())
                if isinstance(current, dict)
                else []
            )
            todo.extend((child, depth + 1) for child in reversed(children))
        elif isinstance(current, dict) and part in current:
            todo.append((current[part], depth + 1))


def scalar_key(value: Any) -> tuple[str, Any] | None:
    """What two values compare by (a string, a number — `1` is `1.0` —, a boolean); None for
    what is not compared (null, a list, a mapping, NaN)."""
    if isinstance(value, bool):
        return ("boolean", value)
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else ("number", value)
    if isinstance(value, str):
        return ("string", value)
    return None


# --- target sets -----------------------------------------------------------------------------


@dataclass
class Targets:
    """The values that name an existing target (the pages' field values, the names that fill a
    path pattern, the files of a folder), with suggestions for the others."""

    values: frozenset[str]
    pattern: str
    """What the targets are (a glob, a path pattern, a folder, a collection), as messages show."""
    matched: bool = True
    """Whether any file matches the pattern (a page without the field still matches)."""
    _folded: dict[str, str] | None = field(default=None, repr=False)
    _nearby: Nearby | None = field(default=None, repr=False)
    _suggested: dict[str, str | None] = field(default_factory=dict, repr=False)

    def suggest(self, value: str) -> str | None:
        """The target closest to ``value``: the same but for letter case, else a near one."""
        if value not in self._suggested:
            if self._folded is None:
                self._folded = {}
                for name in sorted(self.values):
                    self._folded.setdefault(name.casefold(), name)
            found = self._folded.get(value.casefold())
            if found is None and len(value) <= 200:  # (a longer value is no misspelling)
                if self._nearby is None:
                    self._nearby = Nearby(list(self.values))
                found = self._nearby.closest(value, CUTOFF)
            self._suggested[value] = found
        return self._suggested[value]


def _sources(site: Site) -> Mapping[str, str] | None:
    """Path from the site's root -> real path of every file of the site; None when the list is
    truncated (a missing file may then exist)."""
    from linter.site import index as site_index

    index = site_index.of(site)
    return None if index.truncated else index.sources


def _cached(site: Site, key: str, make: Callable[[], Any]) -> Any:
    cache = site.cache.setdefault("references", {})
    if key not in cache:
        cache[key] = make()
    return cache[key]


def read_data(real: str) -> Any:
    """The front matter of a page (the data of a data file); None when it cannot be read.
    Pages are read with ``read_document``'s limits (``front_matter_data``). Not kept: only the
    values a field gives are (``page_targets``), so that the front matter of ten thousand pages
    is not held for the run."""
    from linter.document import front_matter_data
    from linter.site import model

    try:
        if PurePosixPath(real).suffix.lower() in _DATA_SUFFIXES:
            return model.read_data(Path(real))
        return front_matter_data(Path(real), real)
    except Exception:  # a target that cannot be read gives no value (it is checked on its own)
        return None


def slugs(site: Site, relative: str) -> list[str]:
    """The names a file goes by: its name without extension (`acme` for `acme.md`, `acme.fr`
    and `acme` for `acme.fr.md`), its folder's for a bundle (`x/index.md`, `x/_index.md`)."""
    path = PurePosixPath(relative)
    if path.stem in ("index", "_index") or path.stem.startswith(("index.", "_index.")):
        return [path.parent.name] if path.parent.name else []
    names = [path.stem]
    if "." in path.stem:
        base, _dot, marker = path.stem.rpartition(".")
        if marker.lower() in (site.languages or LANGUAGE_CODES):
            names.append(base)
    return names


def field_values(site: Site, relative: str, real: str, name: str) -> list[str] | None:
    """The values ``name`` gives a target file: its slug, or the strings (and integers, as
    written) at a dotted path of its data; None when ``name`` is a template we cannot compute."""
    if name in SLUG_FIELDS:
        return slugs(site, relative)
    if "{{" in name:
        return None
    found = []
    for value in values_at(read_data(real), name.split(".")):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            found.append(str(value))
    return found


def glob_parts(glob: str) -> list[str]:
    parts = [part for part in glob.replace("\\", "/").split("/") if part not in ("", ".")]
    collapsed: list[str] = []
    for part in parts:
        if not (part == "**" and collapsed[-1:] == ["**"]):
            collapsed.append(part)
    return collapsed


def glob_match(pattern: list[str], parts: list[str]) -> bool:
    """Whether a path's ``parts`` match a glob's (``*`` any characters but `/`, ``?`` one, a
    ``**`` part any number of folders): positions reached, part by part (no backtracking)."""
    reached = [True] + [False] * len(parts)
    for segment in pattern:
        following = [False] * (len(parts) + 1)
        if segment == "**":
            running = False
            for position, flag in enumerate(reached):
                running = running or flag
                following[position] = running
        else:
            for position in range(len(parts)):
                if reached[position] and name_match(segment, parts[position]):
                    following[position + 1] = True
        reached = following
        if not any(reached):
            return False
    return reached[-1]


def name_match(pattern: str, name: str) -> bool:
    """Whether a file name matches a pattern of ``*`` and ``?``: the literal pieces between
    stars found leftmost in turn (what leaves the most room to the next), no backtracking."""
    pieces = pattern.split("*")
    if len(pieces) == 1:
        return len(name) == len(pattern) and _fits(pattern, name, 0)
    first, last = pieces[0], pieces[-1]
    end = len(name) - len(last)
    if end < len(first) or not _fits(first, name, 0) or not _fits(last, name, end):
        return False
    position = len(first)
    for piece in pieces[1:-1]:
        position = _find(piece, name, position, end)
        if position < 0:
            return False
        position += len(piece)
    return True


def _fits(piece: str, name: str, at: int) -> bool:
    if at + len(piece) > len(name):
        return False
    return all(p in ("?", c) for p, c in zip(piece, name[at : at + len(piece)], strict=True))


def _find(piece: str, name: str, start: int, end: int) -> int:
    if "?" not in piece:
        return name.find(piece, start, end)
    for at in range(start, end - len(piece) + 1):
        if _fits(piece, name, at):
            return at
    return -1


def matching(site: Site, glob: str) -> list[tuple[str, str]] | None:
    """(path from the root, real path) of the site's files that ``glob`` matches."""

    def make() -> list[tuple[str, str]] | None:
        sources = _sources(site)
        if sources is None:
            return None
        pattern = glob_parts(glob)
        literal = []
        for part in pattern:
            if "*" in part or "?" in part:
                break
            literal.append(part)
        prefix = "/".join(literal)
        found = []
        for relative in sources:
            if relative.startswith(prefix) and glob_match(pattern, relative.split("/")):
                found.append((relative, sources[relative]))
        return sorted(found)

    result: list[tuple[str, str]] | None = _cached(site, "glob\0" + glob, make)
    return result


def page_targets(site: Site, glob: str, name: str) -> Targets | None:
    """The values of ``name`` among the pages ``glob`` matches (None: they cannot be known)."""

    def make() -> Targets | None:
        files = matching(site, glob)
        if files is None:
            return None
        values: set[str] = set()
        for relative, real in files:
            found = field_values(site, relative, real, name)
            if found is None:
                return None
            values.update(found)
        return Targets(frozenset(values), glob, bool(files))

    result: Targets | None = _cached(site, f"pages\0{glob}\0{name}", make)
    return result


def path_targets(site: Site, template: str) -> Targets | None:
    """The values that fill ``template`` with an existing file's path (None: the template
    holds ``{value}`` more than once, and no suggestion is made)."""

    def make() -> Targets | None:
        sources = _sources(site)
        if sources is None:
            return None
        prefix, _value, suffix = _normal(template).partition("{value}")
        if "{value}" in suffix:
            return None  # a pattern that repeats the value: no suggestion
        names = {
            relative[len(prefix) : len(relative) - len(suffix)]
            for relative in sources
            if relative.startswith(prefix)
            and relative.endswith(suffix)
            and len(relative) > len(prefix) + len(suffix)
            and "/" not in relative[len(prefix) : len(relative) - len(suffix)]
        }
        return Targets(frozenset(names), template, bool(names))

    result: Targets | None = _cached(site, "path\0" + template, make)
    return result


def folder_targets(site: Site, folder: str) -> Targets | None:
    """The files under ``folder``, by their path from it."""

    def make() -> Targets | None:
        sources = _sources(site)
        if sources is None:
            return None
        base = _normal(folder).strip("/")
        base = "" if base == "." else base
        start = base + "/" if base else ""
        names = {relative[len(start) :] for relative in sources if relative.startswith(start)}
        return Targets(frozenset(names), folder, bool(names))

    result: Targets | None = _cached(site, "file\0" + folder, make)
    return result


def _normal(path: str) -> str:
    """A path from the site's root as the file list writes it (no leading `/`, no `./`)."""
    normal = posixpath.normpath(path.replace("\\", "/").lstrip("/"))
    return "" if normal == "." else normal


# --- Decap CMS ---------------------------------------------------------------------------------


def decap_config(site: Site) -> Config | None:
    """The site's Decap CMS configuration (``site.cms``: read once, on first need)."""
    from linter.site.cms import config_of

    return config_of(site)


def prepare(site: Site) -> None:
    """Make the targets of every relation field of the site's Decap configuration, as the pages'
    checks would on first need: before worker processes start (``engine._prepare``), so that
    they inherit them instead of each reading every target page again. The configuration is
    read as the pages would not (``cms.peek``): its problems stay theirs to report."""
    from linter.schema import valid_annotation
    from linter.site.cms import peek

    config = peek(site)
    if config is None:
        return
    schemas: list[Any] = []
    for collection in config.collections:
        schemas += [collection.schema, collection.translation_schema]
        schemas += [s for f in collection.files for s in (f.schema, f.translation_schema)]
    todo = [schema for schema in schemas if schema]
    while todo:
        node = todo.pop()
        if isinstance(node, list):
            todo.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        annotation = node.get(RELATION)
        if isinstance(annotation, dict) and valid_annotation(RELATION, annotation):
            name = annotation.get("collection")
            target = next((c for c in config.collections if c.name == name), None)
            if target is not None:
                relation_targets(site, config, target, annotation)
        todo.extend(value for key, value in node.items() if key != RELATION)


def relation_targets(
    site: Site, config: Config, collection: Collection, annotation: Mapping[str, Any]
) -> Targets | None:
    """The ``value_field`` values of a collection's entries (of its file ``file``)."""
    name = annotation["value_field"]
    file = annotation.get("file")

    def make() -> Targets | None:
        sources = _sources(site)
        if sources is None:
            return None
        files: list[tuple[str, str]] = []
        if collection.folder is None:
            for listed in collection.files:
                if file is None or listed.name == file:
                    relative = _in_site(site, config, listed.path)
                    if relative is None:
                        return None  # outside the site: not read
                    if relative in sources:
                        files.append((relative, sources[relative]))
        else:
            folder = _in_site(site, config, collection.folder)
            if folder is None:
                return None
            start = folder + "/" if folder else ""
            suffix = "." + collection.extension
            for relative in sources:
                if (
                    relative.startswith(start)
                    and relative.endswith(suffix)
                    and relative.count("/") - start.count("/") < collection.depth
                ):
                    files.append((relative, sources[relative]))
        from linter.engine import spread  # (the files are read by the run's workers, if any)

        values: set[str] = set()
        for found in spread(lambda file: field_values(site, *file, name), sorted(files)):
            if found is None:
                return None
            values.update(found)
        return Targets(frozenset(values), collection.name, bool(files))

    key = f"relation\0{collection.name}\0{file}\0{name}"
    result: Targets | None = _cached(site, key, make)
    return result


def _in_site(site: Site, config: Config, path: PurePosixPath) -> str | None:
    """A path of the Decap configuration (from the repository) from the site's root; None when
    it is outside the site."""
    absolute = os.path.join(config.repository, *path.parts)
    try:
        relative = os.path.relpath(os.path.normpath(absolute), site.root).replace(os.sep, "/")
    except ValueError:  # another drive
        return None
    return None if relative == ".." or relative.startswith("../") else _normal(relative)


# --- RF001 -------------------------------------------------------------------------------------


def check_references(page: Page) -> Iterator[Diagnostic]:
    site = page.site
    if site is None:
        return
    said: set[str] = set()  # the patterns that match nothing, reported once per page
    for item in annotated(page, REFERENCE):
        for path, at, node in _entries(item):
            found = _reference_problem(site, item.annotation, page, path, node)
            if found is None:
                continue
            msgid, args = found
            if msgid == "RF001.none":
                if args["pattern"] in said:
                    continue
                said.add(args["pattern"])
            yield _report(page, DANGLING, path, at, msgid, **args)
    for item in annotated(page, RELATION):
        yield from _relations(page, site, item, said)


def _text(page: Page, path: tuple[str | int, ...], node: Node) -> str | None:
    """The string value to look up: None for what is not a string, empty, or template syntax."""
    if not isinstance(node, ScalarNode) or not isinstance(node.value, str) or not node.value:
        return None
    value = _strings(page).get(path)
    if value is not None and MASK in value.text:
        return None
    return node.value


def _reference_problem(
    site: Site,
    annotation: Mapping[str, Any],
    page: Page,
    path: tuple[str | int, ...],
    node: Node,
) -> tuple[str, dict[str, Any]] | None:
    text = _text(page, path, node)
    if text is None:
        return None
    shown = short(text)
    if "pages" in annotation:
        name = annotation.get("field", "{{slug}}")
        targets = page_targets(site, annotation["pages"], name)
        if targets is None or text in targets.values:
            return None
        args = {"value": shown, "field": short(name, 40), "pages": short(targets.pattern)}
        return _missing(targets, text, "RF001", args)
    if "path" in annotation:
        template = annotation["path"]
        if "/" in text or "\\" in text or ".." in text:
            return "RF001.unsafe", {"value": shown, "pattern": short(template)}
        relative = _normal(template.replace("{value}", text))
        sources = _sources(site)
        if sources is None or relative in sources:
            return None
        args = {"value": shown, "target": short(relative)}
        targets = path_targets(site, template)
        if targets is None:
            return "RF001.path", args
        return _missing(targets, text, "RF001.path", args)
    folder = annotation["file"]
    if _SCHEME.match(text):
        return None  # a URL: not a file of the site
    inside = posixpath.normpath(text.replace("\\", "/").lstrip("/"))
    if inside == ".." or inside.startswith("../"):
        return "RF001.outside", {"value": shown, "folder": short(folder)}
    relative = _normal(posixpath.join(_normal(folder), inside))
    sources = _sources(site)
    if sources is None or relative in sources:
        return None
    if "%" in relative:
        from urllib.parse import unquote

        if unquote(relative) in sources:
            return None
    targets = folder_targets(site, folder)
    if targets is None:
        return None
    lead = "/" if text.startswith("/") else ""  # suggested as the value is written
    args = {"value": shown, "target": short(relative)}
    return _missing(targets, inside, "RF001.file", args, lead)


_SUGGESTING = {
    "RF001": "RF001.suggestion",
    "RF001.path": "RF001.path-suggestion",
    "RF001.file": "RF001.file-suggestion",
    "RF001.relation": "RF001.relation-suggestion",
}
_NONE = {"RF001.relation": "RF001.relation-none"}


def _missing(
    targets: Targets, text: str, msgid: str, args: dict[str, Any], lead: str = ""
) -> tuple[str, dict[str, Any]]:
    """The diagnostic of a value that ``targets`` lacks: with the closest target, or saying
    that there is none at all (``RF001.none``: reported once per page and pattern)."""
    if not targets.matched:
        if msgid in _NONE:
            return _NONE[msgid], {k: args[k] for k in ("value", "collection")}
        return "RF001.none", {"value": args["value"], "pattern": short(targets.pattern)}
    suggestion = targets.suggest(text) if targets.values else None
    if suggestion is not None:
        return _SUGGESTING[msgid], {**args, "suggestion": short(lead + suggestion)}
    return msgid, args


def _relations(page: Page, site: Site, item: Annotated, said: set[str]) -> Iterator[Diagnostic]:
    annotation = item.annotation
    name, wanted = annotation.get("collection"), annotation.get("value_field")
    if not isinstance(name, str) or not isinstance(wanted, str):
        return  # a configuration problem, reported with the configuration (FM011)
    config = decap_config(site)
    if config is None:
        return
    collection = next((c for c in config.collections if c.name == name), None)
    targets = None
    if collection is not None:
        targets = relation_targets(site, config, collection, annotation)
        if targets is None:
            return
    for path, at, node in _entries(item):
        text = _text(page, path, node)
        if text is None:
            continue
        shown = short(text)
        if targets is None:
            if "collection\0" + name not in said:
                said.add("collection\0" + name)
                yield _report(page, DANGLING, path, at, "RF001.collection", value=shown,
                              collection=short(name))  # fmt: skip
            continue
        if text in targets.values:
            continue
        args = {"value": shown, "field": short(wanted, 40), "collection": short(name)}
        msgid, args = _missing(targets, text, "RF001.relation", args)
        if msgid == "RF001.relation-none":
            if "empty\0" + name in said:
                continue
            said.add("empty\0" + name)
        yield _report(page, DANGLING, path, at, msgid, **args)


def _example_schema(properties: dict[str, Any]) -> str:
    """The text of an example's schema file (a property a line)."""
    import json

    lines = [f"    {json.dumps(name)}: {json.dumps(value)}" for name, value in properties.items()]
    return (
        '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n'
        '  "type": "object",\n  "properties": {\n' + ",\n".join(lines) + "\n  }\n}\n"
    )


_PRODUCT_SCHEMA = (
    "product.schema.json",
    _example_schema(
        {
            "maker": {
                "type": "string",
                REFERENCE: {"pages": "organisations/*.md", "field": "title"},
            },
            "image": {"type": "string", REFERENCE: {"file": "img"}},
        }
    ),
)
_ORGANISATION = ("organisations/acme.md", "---\ntitle: ACME Corporation\n---\n")
_IMAGE = ("img/widget.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>\n')

DANGLING = Rule(
    code="RF001",
    name="dangling-reference",
    default_severity=Severity.ERROR,
    summary=Text(
        en=(
            "A value that names a page or a file of the site (`x-frontlint-reference`, a Decap "
            "relation) names none."
        ),
        fr=(
            "Une valeur qui désigne une page ou un fichier du site (`x-frontlint-reference`, "
            "relation Decap) n’en désigne aucun."
        ),
    ),
    messages={
        "RF001": Text(
            en="`{value}` is not the `{field}` of any page of `{pages}`",
            fr="`{value}` n’est le `{field}` d’aucune page de `{pages}`",
        ),
        "RF001.suggestion": Text(
            en=(
                "`{value}` is not the `{field}` of any page of `{pages}`; "
                "did you mean `{suggestion}`?"
            ),
            fr=(
                "`{value}` n’est le `{field}` d’aucune page de `{pages}` ; "
                "vouliez-vous dire `{suggestion}` ?"
            ),
        ),
        "RF001.path": Text(
            en="`{value}` names no page: `{target}` does not exist",
            fr="`{value}` ne désigne aucune page : `{target}` n’existe pas",
        ),
        "RF001.path-suggestion": Text(
            en="`{value}` names no page: `{target}` does not exist; did you mean `{suggestion}`?",
            fr=(
                "`{value}` ne désigne aucune page : `{target}` n’existe pas ; "
                "vouliez-vous dire `{suggestion}` ?"
            ),
        ),
        "RF001.unsafe": Text(
            en="`{value}` cannot name a page of `{pattern}`: it holds `/` or `..`",
            fr="`{value}` ne peut désigner une page de `{pattern}` : il contient `/` ou `..`",
        ),
        "RF001.file": Text(
            en="`{value}` names no file: `{target}` does not exist",
            fr="`{value}` ne désigne aucun fichier : `{target}` n’existe pas",
        ),
        "RF001.file-suggestion": Text(
            en="`{value}` names no file: `{target}` does not exist; did you mean `{suggestion}`?",
            fr=(
                "`{value}` ne désigne aucun fichier : `{target}` n’existe pas ; "
                "vouliez-vous dire `{suggestion}` ?"
            ),
        ),
        "RF001.outside": Text(
            en="`{value}` leads out of `{folder}`",
            fr="`{value}` sort du dossier `{folder}`",
        ),
        "RF001.none": Text(
            en=(
                "`{value}` names nothing: no file of the site matches `{pattern}` "
                "(the page's other values for it are not reported)"
            ),
            fr=(
                "`{value}` ne désigne rien : aucun fichier du site ne correspond à `{pattern}` "
                "(les autres valeurs de la page ne sont pas signalées)"
            ),
        ),
        "RF001.relation": Text(
            en="`{value}` is not the `{field}` of any entry of the Decap collection `{collection}`",
            fr="`{value}` n’est le `{field}` d’aucune entrée de la collection Decap `{collection}`",
        ),
        "RF001.relation-suggestion": Text(
            en=(
                "`{value}` is not the `{field}` of any entry of the Decap collection "
                "`{collection}`; did you mean `{suggestion}`?"
            ),
            fr=(
                "`{value}` n’est le `{field}` d’aucune entrée de la collection Decap "
                "`{collection}` ; vouliez-vous dire `{suggestion}` ?"
            ),
        ),
        "RF001.relation-none": Text(
            en=(
                "`{value}` names nothing: the Decap collection `{collection}` has no entry "
                "(the page's other values for it are not reported)"
            ),
            fr=(
                "`{value}` ne désigne rien : la collection Decap `{collection}` n’a aucune "
                "entrée (les autres valeurs de la page ne sont pas signalées)"
            ),
        ),
        "RF001.collection": Text(
            en=(
                "`{value}` cannot be checked: the Decap configuration has no collection "
                "`{collection}`"
            ),
            fr=(
                "`{value}` ne peut être vérifié : la configuration Decap n’a pas de collection "
                "`{collection}`"
            ),
        ),
    },
    doc=Doc(
        what=Text(
            en="""a value whose schema says that it names another page, or a file, of the
site names one that exists. The schema says how, with `x-frontlint-reference` on a string (or a
list of strings), in one of three forms:

- `{"pages": "content/organisations/*.md", "field": "title"}`: the value is the `title`
  of one of the pages the glob matches (from the site's root; `*` any characters but `/`,
  `?` one, `**` any folders). `field` is a dotted path into their front matter
  (`authors.*.name`: `*` for every item of a list), or `{{slug}}` (the default) or
  `{{filename}}`: the file's name without extension (a bundle `x/index.md`: `x`).
- `{"path": "content/people/{value}.md"}`: the file with `{value}` replaced by the value
  exists (a value that holds `/` or `..` names none).
- `{"file": "static/img"}`: the value is the path of a file under that folder (a leading
  `/` starts at the folder, not at the site's root); a URL (`https://…`) is not checked.

A Decap CMS relation field (`x-frontlint-relation`, derived from the CMS configuration) is
checked the same way: the value is the `value_field` of an entry of its collection. Only
strings are looked up, not those holding template syntax. When a glob, a path or a folder
matches no file at all, the page's first value is reported saying so, and its others are not.""",
            fr="""une valeur dont le schéma dit qu’elle désigne une autre page, ou un
fichier, du site en désigne un qui existe. Le schéma le dit avec `x-frontlint-reference` sur un
texte (ou une liste de textes), sous l’une de trois formes :

- `{"pages": "content/organisations/*.md", "field": "title"}` : la valeur est le `title`
  de l’une des pages que le motif désigne (depuis la racine du site ; `*` tout caractère sauf
  `/`, `?` un seul, `**` tout dossier). `field` est un chemin pointé dans leurs métadonnées
  (`authors.*.name` : `*` pour chaque élément d’une liste), ou `{{slug}}` (par défaut) ou
  `{{filename}}` : le nom du fichier sans extension (un paquet `x/index.md` : `x`).
- `{"path": "content/people/{value}.md"}` : le fichier où `{value}` est remplacé par la
  valeur existe (une valeur qui contient `/` ou `..` n’en désigne aucun).
- `{"file": "static/img"}` : la valeur est le chemin d’un fichier de ce dossier (un `/`
  initial part du dossier, pas de la racine du site) ; une URL (`https://…`) n’est pas
  vérifiée.

Un champ relation de Decap CMS (`x-frontlint-relation`, tiré de la configuration du CMS) est
vérifié de la même façon : la valeur est le `value_field` d’une entrée de sa collection. Seuls
les textes sont cherchés, et pas ceux qui contiennent des gabarits. Quand un motif, un chemin
ou un dossier ne correspond à aucun fichier, la première valeur de la page est signalée en le
disant, et les suivantes ne le sont pas.""",
        ),
        why=Text(
            en="""a page that names an organisation, a person or an image that does not exist
shows an empty box, a broken link or stops the build; a page renamed or deleted in a pull request
leaves such references behind, and nothing else sees them.""",
            fr="""une page qui nomme une organisation, une personne ou une image qui n’existe
pas affiche un cadre vide, un lien cassé, ou fait échouer la construction ; une page renommée ou
supprimée dans une demande de fusion laisse de telles références derrière elle, et rien d’autre
ne les voit.""",
        ),
        fix=Text(
            en="""correct the value (the suggestion is the closest existing target), or create
the page or the file it names.""",
            fr="""corriger la valeur (la suggestion est la cible existante la plus proche), ou
créer la page ou le fichier qu’elle désigne.""",
        ),
    ),
    examples=(
        bad(
            """
$schema: product.schema.json
title: Widget
maker: Acme Corporation
image: /widget.png
""",
            files=(_PRODUCT_SCHEMA, _ORGANISATION, _IMAGE),
        ),
        good(
            """
$schema: product.schema.json
title: Widget
maker: ACME Corporation
image: /widget.svg
""",
            files=(_PRODUCT_SCHEMA, _ORGANISATION, _IMAGE),
        ),
    ),
    check=check_references,
    prepare=prepare,
)


# --- RF002 -------------------------------------------------------------------------------------


@record
class Point:
    """A value that can be ordered: a number, or a day with or without a time."""

    number: float | int | None = None
    day: datetime.date | None = None
    moment: datetime.datetime | None = None
    """The day and time, when the value has a time (aware when it has a zone)."""


def point(value: Any) -> Point | None:
    """A number, or an ISO date (`2025-03-14`, `2025-03-14T09:30:00+01:00`); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else Point(number=value)
    if not isinstance(value, str) or len(value) > 64:
        return None
    match = _ISO.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        date = datetime.date(int(year), int(month), int(day))
        if hour is None:
            return Point(day=date)
        tz = None
        if zone is not None:
            if zone in ("Z", "z"):
                tz = datetime.timezone.utc
            else:
                digits = zone[1:].replace(":", "")
                offset = datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
                tz = datetime.timezone(-offset if zone[0] == "-" else offset)
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        moment = datetime.datetime(
            date.year, date.month, date.day, int(hour), int(minute), int(second or 0), micro, tz
        )
    except ValueError:
        return None
    return Point(day=date, moment=moment)


def compare(a: Point, b: Point) -> int | None:
    """-1, 0 or 1 as ``a`` comes before, with or after ``b``; None when they cannot be
    compared (a number and a date; a day and a time on that day; a time with a zone and one
    without, on the same day)."""
    if a.number is not None and b.number is not None:
        return (a.number > b.number) - (a.number < b.number)
    if a.day is None or b.day is None:
        return None
    if (
        a.moment is not None
        and b.moment is not None
        and (a.moment.tzinfo is None) == (b.moment.tzinfo is None)
    ):
        return (a.moment > b.moment) - (a.moment < b.moment)
    if a.day != b.day:
        return (a.day > b.day) - (a.day < b.day)
    return 0 if a.moment is None and b.moment is None else None


def check_after(page: Page) -> Iterator[Diagnostic]:
    items = annotated(page, AFTER)
    if not items:
        return
    nodes = dict(walk(page.doc.root))
    mappings = _Mappings()
    for item in items:
        if not item.path or not isinstance(item.node, ScalarNode):
            continue
        parent = resolve_target(nodes.get(item.path[:-1]))
        name = item.annotation["field"]
        other = mappings.get(parent, name) if isinstance(parent, MappingNode) else None
        other_value = resolve_target(other)
        if other is None or not isinstance(other_value, ScalarNode):
            continue
        mine, theirs = point(item.node.value), point(other_value.value)
        order = compare(mine, theirs) if mine is not None and theirs is not None else None
        if order is None or order > 0 or (order == 0 and not item.annotation.get("strict")):
            continue
        yield _report(
            page, ORDER, item.path, item.at, "RF002" if order < 0 else "RF002.same",
            value=_shown(item.node), other=_shown(other_value), field=short(name, 40),
            line=other.span.line,
        )  # fmt: skip


_EVENT_SCHEMA = (
    "event.schema.json",
    _example_schema(
        {
            "start": {"type": "string", "format": "date"},
            "end": {"type": "string", "format": "date", AFTER: {"field": "start"}},
        }
    ),
)

ORDER = Rule(
    code="RF002",
    name="field-order",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A date or a number comes before the field it must follow (`end` before `start`).",
        fr="Une date ou un nombre vient avant le champ qu’il doit suivre (`end` avant `start`).",
    ),
    messages={
        "RF002": Text(
            en="`{value}` comes before {field} `{other}` (line {line})",
            fr="`{value}` vient avant {field} `{other}` (ligne {line})",
        ),
        "RF002.same": Text(
            en="`{value}` is the same as {field} `{other}` (line {line}): it must come after",
            fr="`{value}` est identique à {field} `{other}` (ligne {line}) : il doit venir après",
        ),
    },
    doc=Doc(
        what=Text(
            en="""a value annotated `x-frontlint-after` comes after the value of a sibling
field of the same mapping: `{"field": "start", "strict": true}` on `end` says that `end` is after
`start` (`strict` false, the default: not before it). Dates are ISO dates as YAML and TOML write
them (`2025-03-14`, with a time or not); numbers are numbers. Nothing is checked when either
field is missing, or when the two cannot be compared (a date and a number; a date and a time on
that same day).""",
            fr="""une valeur annotée `x-frontlint-after` vient après la valeur d’un champ
voisin du même dictionnaire : `{"field": "start", "strict": true}` sur `end` dit que `end` est
après `start` (`strict` faux, par défaut : pas avant). Les dates sont des dates ISO comme YAML et
TOML les écrivent (`2025-03-14`, avec ou sans heure) ; les nombres sont des nombres. Rien n’est
vérifié quand l’un des champs manque, ou quand les deux ne se comparent pas (une date et un
nombre ; une date et une heure du même jour).""",
        ),
        why=Text(
            en="""an end before its start is a typo that calendars and countdowns show to
everyone; `format: date` cannot see it, since each date is valid on its own.""",
            fr="""une fin avant le début est une faute de frappe que les calendriers et les
comptes à rebours montrent à tous ; `format: date` ne la voit pas, chaque date étant valide en
elle-même.""",
        ),
        fix=Text(
            en="correct one of the two values.",
            fr="corriger l’une des deux valeurs.",
        ),
    ),
    examples=(
        bad(
            """
$schema: event.schema.json
title: Hackathon
start: 2025-03-14
end: 2025-03-12
""",
            files=(_EVENT_SCHEMA,),
        ),
        good(
            """
$schema: event.schema.json
title: Hackathon
start: 2025-03-14
end: 2025-03-16
""",
            files=(_EVENT_SCHEMA,),
        ),
    ),
    check=check_after,
)


# --- RF003 -------------------------------------------------------------------------------------


def check_unique(page: Page) -> Iterator[Diagnostic]:
    mappings = _Mappings()
    for item in annotated(page, UNIQUE):
        if not isinstance(item.node, SequenceNode):
            continue
        parts = item.annotation["key"].split(".")
        seen: dict[tuple[str, Any], Node] = {}
        for index, child in enumerate(item.node.items):
            current: Node | None = resolve_target(child)
            at: Node | None = child
            for part in parts:
                found = mappings.get(current, part) if isinstance(current, MappingNode) else None
                if at is not child or not _is_alias(child):
                    at = found
                current = resolve_target(found)
            if not isinstance(current, ScalarNode) or at is None:
                continue
            key = scalar_key(current.value)
            if key is None or key == ("string", ""):
                continue
            first = seen.setdefault(key, at)
            if first is not at:
                path = (*item.path, index) if at is child else (*item.path, index, *parts)
                yield _report(
                    page, DUPLICATE, path, at, "RF003", value=_shown(current),
                    line=first.span.line,
                )  # fmt: skip


def _is_alias(node: Node) -> bool:
    return resolve_target(node) is not node


_PHASES_SCHEMA = (
    "product.schema.json",
    _example_schema(
        {
            "phases": {
                "type": "array",
                "items": {"type": "object", "properties": {"name": {"type": "string"}}},
                UNIQUE: {"key": "name"},
            },
            "current_phase": {"type": "string", IN: {"list": "phases.*.name"}},
        }
    ),
)

DUPLICATE = Rule(
    code="RF003",
    name="duplicate-item",
    default_severity=Severity.ERROR,
    summary=Text(
        en="Two items of a list have the same value at a key that must be unique (`name`).",
        fr="Deux éléments d’une liste ont la même valeur pour une clé qui doit être unique.",
    ),
    messages={
        "RF003": Text(
            en="duplicate `{value}` (first at line {line})",
            fr="`{value}` en double (déjà à la ligne {line})",
        ),
    },
    doc=Doc(
        what=Text(
            en="""in a list annotated `x-frontlint-unique`, `{"key": "name"}`, no two items
have the same value at `key` (a key of each item, or a dotted path into it). The second
occurrence is reported, with the line of the first. Strings are compared exactly, numbers by
value; items without the key are left out.""",
            fr="""dans une liste annotée `x-frontlint-unique`, `{"key": "name"}`, deux
éléments n’ont jamais la même valeur pour `key` (une clé de chaque élément, ou un chemin pointé
dans l’élément). La seconde occurrence est signalée, avec la ligne de la première. Les textes
sont comparés à l’identique, les nombres par leur valeur ; les éléments sans cette clé sont
ignorés.""",
        ),
        why=Text(
            en="""a repeated name makes the items ambiguous for everything that names them
(which `Build` phase is the current one?), and is most often an item copied and not renamed.""",
            fr="""un nom répété rend les éléments ambigus pour tout ce qui les nomme (quelle
phase `Build` est la phase en cours ?), et trahit le plus souvent un élément copié sans être
renommé.""",
        ),
        fix=Text(
            en="rename one of the items, or merge them.",
            fr="renommer l’un des éléments, ou les fusionner.",
        ),
    ),
    examples=(
        bad(
            """
$schema: product.schema.json
title: Widget
phases:
  - name: Design
  - name: Build
  - name: Build
""",
            files=(_PHASES_SCHEMA,),
        ),
        good(
            """
$schema: product.schema.json
title: Widget
phases:
  - name: Design
  - name: Build
  - name: Launch
""",
            files=(_PHASES_SCHEMA,),
        ),
    ),
    check=check_unique,
)


# --- RF004 -------------------------------------------------------------------------------------


def check_in(page: Page) -> Iterator[Diagnostic]:
    lists: dict[str, tuple[set[tuple[str, Any]], Targets]] = {}
    for item in annotated(page, IN):
        where = item.annotation["list"]
        if where not in lists:
            keys = {scalar_key(v) for v in values_at(page.doc.data, where.split("."))}
            known = {key for key in keys if key is not None}
            strings = frozenset(value for kind, value in known if kind == "string")
            lists[where] = (known, Targets(strings, where))
        allowed, targets = lists[where]
        if not allowed:
            continue  # nothing listed: nothing to check against
        for path, at, node in _entries(item):
            if not isinstance(node, ScalarNode):
                continue
            key = scalar_key(node.value)
            if key is None or key == ("string", "") or key in allowed:
                continue
            if isinstance(node.value, str):
                text = _text(page, path, node)
                if text is None:
                    continue  # template syntax
                suggestion = targets.suggest(text) if targets.values else None
            else:
                suggestion = None
            args: dict[str, Any] = {"value": _shown(node), "list": short(where, 60)}
            if suggestion is not None:
                yield _report(page, NOT_LISTED, path, at, "RF004.suggestion", **args,
                              suggestion=short(suggestion))  # fmt: skip
            else:
                yield _report(page, NOT_LISTED, path, at, "RF004", **args)


NOT_LISTED = Rule(
    code="RF004",
    name="value-not-listed",
    default_severity=Severity.ERROR,
    summary=Text(
        en=(
            "A value is not one of the values listed elsewhere in the page "
            "(`current_phase` among the phases' names)."
        ),
        fr=(
            "Une valeur ne fait pas partie de celles qu’énumère la page ailleurs "
            "(`current_phase` parmi les noms des phases)."
        ),
    ),
    messages={
        "RF004": Text(
            en="`{value}` is not one of the values of `{list}`",
            fr="`{value}` ne fait pas partie des valeurs de `{list}`",
        ),
        "RF004.suggestion": Text(
            en="`{value}` is not one of the values of `{list}`; did you mean `{suggestion}`?",
            fr=(
                "`{value}` ne fait pas partie des valeurs de `{list}` ; "
                "vouliez-vous dire `{suggestion}` ?"
            ),
        ),
    },
    doc=Doc(
        what=Text(
            en="""a value annotated `x-frontlint-in`, `{"list": "phases.*.name"}`, is one of
the values found at that path from the root of the page's front matter (a dotted path, `*` for
every item of a list); on a list, each of its values is. Nothing is checked when the path finds
no value.""",
            fr="""une valeur annotée `x-frontlint-in`, `{"list": "phases.*.name"}`, est
l’une des valeurs trouvées à ce chemin depuis la racine des métadonnées de la page (un chemin
pointé, `*` pour chaque élément d’une liste) ; sur une liste, chacune de ses valeurs l’est. Rien
n’est vérifié quand le chemin ne trouve aucune valeur.""",
        ),
        why=Text(
            en="""templates look the value up in the list: a value that is not there shows
nothing, or the wrong item (a phase renamed, and not the field that points to it).""",
            fr="""les gabarits cherchent la valeur dans la liste : une valeur absente n’affiche
rien, ou le mauvais élément (une phase renommée, sans le champ qui la désigne).""",
        ),
        fix=Text(
            en=(
                "write one of the listed values (the suggestion is the closest), or add it to "
                "the list."
            ),
            fr=(
                "écrire l’une des valeurs de la liste (la suggestion est la plus proche), ou l’y "
                "ajouter."
            ),
        ),
    ),
    examples=(
        bad(
            """
$schema: product.schema.json
title: Widget
phases:
  - name: Design
  - name: Build
current_phase: Biuld
""",
            files=(_PHASES_SCHEMA,),
        ),
        good(
            """
$schema: product.schema.json
title: Widget
phases:
  - name: Design
  - name: Build
current_phase: Build
""",
            files=(_PHASES_SCHEMA,),
        ),
    ),
    check=check_in,
)

# --- RF005 yaml-date


_YAML_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_YAML_TIMESTAMP = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?"
    r"(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?"
)


def check_yaml_date(page: Page) -> Iterator[Diagnostic]:
    for item in annotated(page, YAML):
        wanted = item.annotation.get("type", "date")
        shape = _YAML_DATE if wanted == "date" else _YAML_TIMESTAMP
        for path, at, node in _entries(item):
            if not isinstance(node, ScalarNode) or not isinstance(node.value, str):
                continue
            text = node.value.strip()
            if node.style == "" and shape.fullmatch(text):
                continue  # a date as YAML reads it
            if shape.fullmatch(text):
                yield _report(page, YAML_DATE, path, at, "RF005.quoted", value=_shown(node))
            else:
                yield _report(
                    page, YAML_DATE, path, at, "RF005", value=_shown(node), type=str(wanted)
                )


_DATES_SCHEMA = (
    "event.schema.json",
    _example_schema({"date": {"type": "string", "format": "date", YAML: {"type": "date"}}}),
)

YAML_DATE = Rule(
    code="RF005",
    name="yaml-date",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A date that the site's templates compare as a date is written as text (quoted).",
        fr="Une date que les gabarits du site comparent comme une date est écrite comme un texte "
        "(entre guillemets).",
    ),
    messages={
        "RF005.quoted": Text(
            en="`{value}` is text, not a YAML date: write it without quotes",
            fr="`{value}` est un texte, pas une date YAML : l’écrire sans guillemets",
        ),
        "RF005": Text(
            en="`{value}` is not a YAML {type}: write it year-month-day, as in `2024-01-29`",
            fr="`{value}` n’est pas une date YAML ({type}) : l’écrire année-mois-jour, comme "
            "`2024-01-29`",
        ),
    },
    doc=Doc(
        what=Text(
            en="""a value whose schema says `"x-frontlint-yaml": {"type": "date"}` (or
`"timestamp"`, a date with an optional time) must be a YAML date: unquoted, `2024-01-29`. By
default frontlint validates a date as the text the editor typed, quoted or not; this keyword is
for the sites whose templates compare dates (Hugo's `.Date`, `where … "gt" now`, Jekyll's sort
by date), as zod's `z.date()` requires a real date.""",
            fr="""une valeur dont le schéma dit `"x-frontlint-yaml": {"type": "date"}` (ou
`"timestamp"`, une date avec une heure facultative) doit être une date YAML : sans guillemets,
`2024-01-29`. Par défaut, frontlint valide une date comme le texte saisi, entre guillemets ou
non ; ce mot-clé sert aux sites dont les gabarits comparent des dates (`.Date` de Hugo,
`where … "gt" now`, tri par date de Jekyll), comme `z.date()` de zod exige une vraie date.""",
        ),
        why=Text(
            en="a quoted date is a text: the template compares it as text, or fails, and the "
            "page is sorted or hidden wrongly.",
            fr="une date entre guillemets est un texte : le gabarit la compare comme un texte, "
            "ou échoue, et la page est mal triée ou masquée à tort.",
        ),
        fix=Text(
            en="write the date without quotes, as `2024-01-29`.",
            fr="écrire la date sans guillemets, sous la forme `2024-01-29`.",
        ),
    ),
    examples=(
        bad(
            """
$schema: event.schema.json
date: "2024-01-29"
""",
            files=(_DATES_SCHEMA,),
        ),
        good(
            """
$schema: event.schema.json
date: 2024-01-29
""",
            files=(_DATES_SCHEMA,),
        ),
    ),
    check=check_yaml_date,
    supersedes=("DT",),  # a date field's value is judged as a date field's, not as prose
)

RULES = (DANGLING, ORDER, DUPLICATE, NOT_LISTED, YAML_DATE)
