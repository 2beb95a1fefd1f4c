"""Which JSON Schema applies to a page, and its validation errors as located, readable diagnostics.

A page's schema comes from its ``$schema`` key (a path relative to the page, or the name of a
bundled schema), else from its ``layout``: ``<layout>.schema.json`` in the project's schema folders,
then among the schemas bundled with frontlint. Schemas are compiled once per run (``SchemaStore``).
jsonschema's errors are translated, one diagnostic per problem, at the node the problem is about:
the key for unknown and missing keys, the value for everything else. ``anyOf``/``oneOf`` failures
are reduced to their most relevant branch with ``best_match``. Remote ``$ref`` are never fetched.

Pages are proposed by anyone: a page names only a schema inside its repository (the nearest folder
with ``.git``, else the working directory) or a bundled one; a schema file, and each file its
``$ref`` names (inside the repository, the bundled folder or a configured schema folder only), is
read only if it is a regular file of at most ``MAX_SCHEMA_BYTES``. frontlint's own annotations
(``x-frontlint-…``) are checked against ``frontlint-keywords.meta.json``: a bad one is reported
(SC007) and ignored. Messages quote a schema's content only as a short excerpt.

Patterns (``pattern``, ``patternProperties``) run on RE2, translated to keep Python's meaning;
what RE2 cannot read (lookaround, backreference) runs on Python's re under a time budget (SIGALRM:
POSIX, main thread; elsewhere not run) and too slow is an SC007. Why google-re2: linear time
whatever the pattern, prebuilt wheels, 3 ms to import, and only once a pattern is evaluated;
``regex`` (PyPI) only offers a timeout, still exponential below it.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import signal
import string
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from linter.diagnostics import Change, Diagnostic, Edit, Fix, Span, message
from linter.distance import Nearby
from linter.document import Document, NotRegularFile, TooLarge, load_json, read_regular
from linter.page import SchemaView, place, schema_at
from linter.records import record
from linter.rules.core import (
    BAD_FORMAT,
    BAD_VALUE,
    EMPTY_VALUE,
    MISSING,
    SCHEMA_PROBLEM,
    UNKNOWN,
    WRONG_TYPE,
)
from linter.spec import Rule, Text
from linter.yamltree import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    format_path,
    resolve_target,
)

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

"""Codes of the diagnostics that reject a whole value."""

_SAFE_NAME = re.compile(r"[\w.-]+\Z")
_PLAIN_NAME = re.compile(r"[A-Za-z_][\w-]*")
"""A key name that any YAML style (plain, quoted) and JSON hold as it is."""

MAX_SCHEMA_BYTES = 1024 * 1024
"""The largest schema file (or file a ``$ref`` names) frontlint reads."""
META_SCHEMA = "frontlint-keywords.meta.json"
"""The bundled meta-schema of the ``x-frontlint-…`` keywords (not a page schema)."""
KEYWORD_PREFIX = "x-frontlint-"
SEARCH_SECONDS = 1.0
"""The longest a pattern that RE2 cannot read may search one value."""
RUN_SECONDS = 10.0
"""The longest such patterns may search in all, in one run."""
_T = TypeVar("_T")


def bundled_schema_dir() -> Path:
    """The schemas shipped with frontlint (``schemas/`` of a source checkout)."""
    here = Path(__file__).resolve().parent
    installed = here / "schemas"
    return installed if installed.is_dir() else here.parent / "schemas"


@dataclass
class _Loaded:
    validator: Validator | None = None
    """Set unless ``error`` is."""
    error: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    """The parameters of ``error``'s message, beside ``schema``."""
    view: SchemaView | None = None
    """The ``SchemaView`` that rules read: the same contents and references as validation."""
    problems: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """The bad ``x-frontlint-…`` annotations of the schema and of the files its ``$ref`` name:
    (message key, parameters), reported on every page the schema validates."""


@record
class _Choice:
    path: Path | None = None
    node: Node | None = None
    """The node that chose the schema (``$schema`` or ``layout``)."""
    problem: str | None = None
    value: str | None = None
    """What the problem's message quotes (default: the page's ``$schema``)."""
    suggestion: str | None = None


@dataclass
class SchemaStore:
    """Finds, loads and compiles schemas once per run."""

    schema_dirs: tuple[Path, ...] | None = None
    """Project schema folders; None: ``schemas/`` at the repository root of each page."""
    mapped: Callable[[str | None, str], Path | None] = lambda layout, path: None
    """The configuration's ``[schemas]``: (layout, page path) -> schema file."""
    patterns: _Patterns = field(default_factory=lambda: _Patterns())
    """Every schema's patterns, searched with one time budget for the run."""
    derive: Callable[[Document], tuple[Path, dict[str, Any], str] | None] | None = None
    """A schema derived for a page when nothing else chose one (its Decap CMS collection's):
    (a key for it, the schema, its name in messages)."""
    _derived: dict[Path, dict[str, Any]] = field(default_factory=dict)
    _names: dict[Path, str] = field(default_factory=dict)
    _loaded: dict[Path, _Loaded] = field(default_factory=dict)
    _roots: dict[Path, Path] = field(default_factory=dict)
    _located: tuple[Document, _Choice] | None = None

    def repository(self, folder: Path) -> Path:
        """The repository that holds a folder: the nearest with ``.git``, else the working
        directory (resolved)."""
        if folder not in self._roots:
            resolved = folder.resolve()
            root = Path.cwd()
            for candidate in (resolved, *resolved.parents):
                if (candidate / ".git").exists():
                    root = candidate
                    break
            self._roots[folder] = root.resolve()
        return self._roots[folder]

    def readable(self, folder: Path) -> tuple[Path, ...]:
        """The folders a schema chosen for a page of ``folder`` may be read from (and the files
        its ``$ref`` name): the repository, the bundled schemas, the configured schema folders."""
        configured = tuple(_resolved(d) or d for d in self.schema_dirs or ())
        return (self.repository(folder), bundled_schema_dir().resolve(), *configured)

    def _project_dirs(self, page: Path) -> tuple[Path, ...]:
        if self.schema_dirs is not None:
            return self.schema_dirs
        return (self.repository(page.resolve().parent) / "schemas",)

    def locate(self, doc: Document) -> tuple[Path | None, Node | None, str | None]:
        """(schema path, node that chose it, problem key) for a page; all None when none applies."""
        choice = self.choice(doc)
        return choice.path, choice.node, choice.problem

    def choice(self, doc: Document) -> _Choice:
        """Asked twice per page (validation, then the rules' ``applied``): looked up once, for
        the page at hand only (a run of 50,000 pages keeps none of the others')."""
        if self._located is None or self._located[0] is not doc:
            self._located = (doc, self._locate(doc))
        return self._located[1]

    def _locate(self, doc: Document) -> _Choice:
        root = doc.root if isinstance(doc.root, MappingNode) else None
        declared = doc.data.get("$schema")
        if declared is not None and root is not None:
            node = root.get("$schema")
            if not isinstance(declared, str) or not declared.strip() or "\0" in declared:
                return _Choice(None, node, "SC007.declared")
            if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", declared):
                return _Choice(None, node, "SC007.remote")
            if Path(declared).is_absolute() or Path(declared).drive or declared[0] in "/\\":
                return _Choice(None, node, "SC007.absolute")
            local = doc.file.parent / declared
            resolved = _resolved(local)
            readable = self.readable(doc.file.resolve().parent)
            inside = resolved is not None and _inside(resolved, readable)
            # Whether a path out of the repository exists is never looked at: a page learns
            # nothing of other folders. A pipe is chosen too (SC007.special, not "not found").
            if inside and local.exists() and not local.is_dir():
                return _Choice(local, node, None)
            if _SAFE_NAME.match(declared):
                for name in (declared, f"{declared}.schema.json"):
                    bundled = bundled_schema_dir() / name
                    # Only *.schema.json are page schemas (not the meta-schema of our keywords).
                    if name.endswith(".schema.json") and bundled.is_file():
                        return _Choice(bundled, node, None)
            return _Choice(None, node, "SC007.declared" if inside else "SC007.outside")
        layout = doc.data.get("layout")
        chooser = root.get("layout") if root else None
        chosen = self.mapped(layout if isinstance(layout, str) else None, doc.path)
        if chosen is not None:
            return _Choice(chosen, chooser, None)
        if isinstance(layout, str) and _SAFE_NAME.match(layout):
            name = f"{layout}.schema.json"
            for folder in (*self._project_dirs(doc.file), bundled_schema_dir()):
                candidate = folder / name
                if candidate.is_file():
                    resolved = _resolved(candidate)
                    readable = self.readable(doc.file.resolve().parent)
                    if resolved is None or not _inside(resolved, readable):  # a link out of it
                        return _Choice(None, chooser, "SC007.outside", _display_path(candidate))
                    return _Choice(candidate, chooser, None)
        if isinstance(layout, str) and layout.strip():
            # `layout: aply` silently turns validation off: say so when a schema is that close.
            names = self._layout_names(doc.file)
            close = difflib.get_close_matches(layout, names, n=1, cutoff=0.8)
            if close and layout not in names:
                return _Choice(None, chooser, "SC007.layout", layout, close[0])
        if self.derive is not None:
            derived = self.derive(doc)
            if derived is not None:
                named, contents, shown = derived
                self._derived.setdefault(named, contents)  # a key, never looked up on disk
                self._names[named] = shown
                return _Choice(named, None, None)
        return _Choice()

    def _layout_names(self, page: Path) -> list[str]:
        """The layouts that have a schema (`<layout>.schema.json`) for pages of this folder."""
        names: set[str] = set()
        for folder in (*self._project_dirs(page), bundled_schema_dir()):
            try:
                names.update(f.name[: -len(".schema.json")] for f in folder.glob("*.schema.json"))
            except OSError:
                continue
        return sorted(names)

    def applied(self, doc: Document) -> SchemaView | None:
        """The schema that validates a page, for rules that read its annotations."""
        path, _node, problem = self.locate(doc)
        if path is None or problem is not None:
            return None
        return self.load(path).view

    def load(self, path: Path) -> _Loaded:
        if path in self._derived:  # derived in memory: compiled under its name, once
            if path not in self._loaded:
                readable = (*self.readable(path.parent), path.parent)
                self._loaded[path] = _compile(path, readable, self.patterns, self._derived[path])
            return self._loaded[path]
        path = path.resolve()
        if path not in self._loaded:
            # A schema mapped by the configuration may live elsewhere: its own folder is readable.
            readable = (*self.readable(path.parent), path.parent)
            self._loaded[path] = _compile(path, readable, self.patterns, self._derived.get(path))
        return self._loaded[path]


class _RemoteReference(Exception):
    pass


class _Refused(Exception):
    """A file a ``$ref`` names that is not read: the SC007 message key and its parameters."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _resolved(path: Path) -> Path | None:
    """``path`` with its links followed (None: a loop, a name the system refuses)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def _inside(path: Path, folders: tuple[Path, ...]) -> bool:
    return any(path.is_relative_to(folder) for folder in folders)


def _read_json(path: Path) -> Any:
    """A schema file's JSON: a regular file of at most ``MAX_SCHEMA_BYTES`` (``NotRegularFile``,
    ``TooLarge``, ``OSError``, ``UnicodeDecodeError``, ``json.JSONDecodeError`` otherwise)."""
    return load_json(read_regular(path, MAX_SCHEMA_BYTES).decode("utf-8"))


def _file_path(uri: str) -> Path:
    """The path of a ``file:`` URI (not with urllib.request: 25 ms to import)."""
    from urllib.parse import unquote, urlparse

    path = urlparse(uri).path
    if os.name == "nt":
        from nturl2path import url2pathname

        return Path(url2pathname(path))
    return Path(unquote(path))


def _read_reference(uri: str, readable: tuple[Path, ...]) -> Any:
    """The JSON of the file a ``file:`` URI names, if it is a schema frontlint may read."""
    target = _file_path(uri)
    shown = _show(_display_path(target), 120)
    resolved = _resolved(target)
    if resolved is None or not _inside(resolved, readable):
        raise _Refused("SC007.ref-outside", ref=shown)
    try:
        return _read_json(resolved)
    except NotRegularFile:
        raise _Refused("SC007.ref-special", ref=shown) from None
    except TooLarge as exc:
        raise _Refused("SC007.ref-too-large", ref=shown, size=exc.size, limit=_MIB) from None


_MIB = MAX_SCHEMA_BYTES // 1024 // 1024


def _compile(
    path: Path, readable: tuple[Path, ...], patterns: _Patterns, contents: Any = None
) -> _Loaded:
    """Compile the schema at ``path`` (``contents``: a schema derived in memory, named so)."""
    _import_jsonschema()
    from jsonschema import validators
    from jsonschema.exceptions import SchemaError
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    try:
        schema = contents if contents is not None else _read_json(path)  # deep, huge numbers
    except NotRegularFile:
        return _Loaded(error="SC007.special")
    except TooLarge as exc:
        return _Loaded(error="SC007.too-large", args={"size": exc.size, "limit": _MIB})
    except (OSError, UnicodeDecodeError) as exc:
        return _Loaded(error="SC007.unreadable", args={"detail": _show(str(exc), 160)})
    except json.JSONDecodeError as exc:
        return _Loaded(error="SC007.json", args={"detail": f"{exc.msg} (line {exc.lineno})"})
    if not isinstance(schema, (dict, bool)):
        return _Loaded(error="SC007.invalid", args={"detail": "a schema is a JSON object"})
    cls = validators.validator_for(schema, default=validators.Draft202012Validator)
    # The bundled schemas are checked by the test suite, and so are the schemas derived from a
    # CMS configuration (any configuration, in tests/test_decap.py: its users' patterns are
    # checked when derived): checking them again cost every run (and every worker) 10 to 30 ms
    # a schema. A boolean schema (`true`, `false`) is always valid.
    if (
        isinstance(schema, dict)
        and contents is None
        and path.parent != bundled_schema_dir().resolve()
    ):
        try:
            cls.check_schema(schema)
        except SchemaError as exc:
            where = format_path(list(exc.absolute_path)) or "(root)"
            detail = _show(f"{where}: {exc.message}", 160)  # the message quotes the schema
            return _Loaded(error="SC007.invalid", args={"detail": detail})
        except RecursionError:
            return _Loaded(error="SC007.invalid", args={"detail": "nested too deeply"})

    files: dict[str, Any] = {}
    """file URI -> its JSON, or why it is not read: each file read once per schema."""

    def read(uri: str) -> Any:
        if uri not in files:
            try:
                files[uri] = _read_reference(uri, readable)
            except Exception as exc:
                files[uri] = exc
        found = files[uri]
        if isinstance(found, Exception):
            raise found.with_traceback(None)
        return found

    def retrieve(uri: str) -> Resource:
        if not uri.startswith("file:"):
            raise _RemoteReference(uri)
        return Resource.from_contents(read(uri), default_specification=DRAFT202012)

    if isinstance(schema, dict) and "$id" not in schema:
        schema = {"$id": path.as_uri(), **schema}
    problems, pattern_properties = _survey(schema, path, read)
    safe = patterns.validator_class(cls, pattern_properties)
    # referencing's stubs declare the field `_retrieve` with attrs' `alias="retrieve"`, which
    # mypy's dataclass_transform support does not read: `retrieve=` is the documented keyword.
    registry: Registry = Registry(retrieve=retrieve)  # type: ignore[call-arg]
    validator = safe(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
    view = None
    if isinstance(schema, dict):
        view = SchemaView(schema, registry.resolver(base_uri=str(schema.get("$id", ""))))
    return _Loaded(validator=validator, view=view, problems=problems)


def check(doc: Document, store: SchemaStore) -> list[Diagnostic]:
    """Validate a page against its schema; [] when no schema applies.

    A page without front matter is validated (as an empty mapping) only when the configuration
    maps a schema to it: a page that must have front matter.
    """
    if doc.root is None and store.mapped(None, doc.path) is None:
        return []
    choice = store.choice(doc)
    where = choice.node.span if choice.node is not None else doc.opening
    if choice.problem is not None:
        value = choice.value if choice.value is not None else _show(doc.data.get("$schema"))
        extra: dict[str, Any] = {"value": value}
        if choice.suggestion:
            extra["suggestion"] = choice.suggestion
        return [Diagnostic.of(SCHEMA_PROBLEM, doc.path, where, choice.problem, **extra)]
    if choice.path is None:
        return []
    loaded = store.load(choice.path)
    name = store._names.get(choice.path) or _display_schema(choice.path)
    if loaded.error is not None:
        return [
            Diagnostic.of(SCHEMA_PROBLEM, doc.path, where, loaded.error, schema=name, **loaded.args)
        ]
    assert loaded.validator is not None
    # A bad annotation: once per page, where the page chose the schema.
    found = [Diagnostic.of(SCHEMA_PROBLEM, doc.path, where, k, **a) for k, a in loaded.problems]
    instance = {k: v for k, v in doc.data.items() if k != "$schema"}
    patterns = store.patterns
    patterns.events.clear()
    try:
        errors = list(loaded.validator.iter_errors(instance))
    except RecursionError:
        found.append(Diagnostic.of(SCHEMA_PROBLEM, doc.path, where, "SC007.recursion", schema=name))
        return found
    except Exception as exc:  # referencing's Unresolvable and jsonschema's wrapper of it
        ref = getattr(exc, "ref", None) or getattr(exc, "uri", None) or str(exc)
        key = "SC007.ref"
        args: dict[str, Any] = {"ref": _show(str(ref), 120)}
        cause: BaseException | None = exc
        for _ in range(32):  # the chain of causes, not an endless one
            if cause is None:
                break
            if isinstance(cause, _Refused):
                key, args = cause.key, cause.params
                break
            if isinstance(cause, _RemoteReference):
                key = "SC007.remote-ref"
                break
            cause = cause.__cause__ or cause.__context__
        found.append(Diagnostic.of(SCHEMA_PROBLEM, doc.path, where, key, schema=name, **args))
        return found
    translator = _Translator(doc, name, patterns, loaded.view)
    for error in errors:
        translator.add(error)
    found.extend(translator.finish())
    # A pattern that could not be evaluated inside a branch that jsonschema dropped (anyOf, not):
    # reported all the same, where the page chose the schema.
    for key, what in dict.fromkeys(patterns.events):
        if (key, what) not in translator.unevaluated:
            found.append(
                Diagnostic.of(SCHEMA_PROBLEM, doc.path, where, key, schema=name, what=what)
            )
    return found


def _display_schema(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return path.name if path.parent == bundled_schema_dir().resolve() else str(path)


def _display_path(path: Path) -> str:
    """A path as named (links not followed): from the working directory when inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _show(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = text.replace("\n", "⏎")
    return text if len(text) <= limit else text[: limit - 1] + "…"


_JSON_TYPES = (
    (bool, "boolean"),
    (int, "integer"),
    (float, "number"),
    (str, "string"),
    (list, "array"),
    (dict, "object"),
    (type(None), "null"),
)


def _json_type(value: Any) -> str:
    for py, name in _JSON_TYPES:
        if isinstance(value, py):
            return name
    return "unknown"


class _Translator:
    """jsonschema errors -> diagnostics, deduplicated and placed on nodes.

    Every keyword has messages of its own, in every language (jsonschema's English never reaches
    a report): ``add`` reads the keyword, its value in the schema and the page's value. Values are
    quoted as JSON; list items are counted from 1. A diagnostic inside a list item also carries a
    ``label`` parameter (a ``Text``): the place as the editor reads the page (``place``)."""

    def __init__(
        self, doc: Document, schema: str, patterns: _Patterns, view: SchemaView | None = None
    ) -> None:
        self.doc = doc
        self.schema = schema
        self.patterns = patterns
        self.view = view
        """The page's schema: the titles of list items (``place``); None: items are numbered."""
        self.out: list[Diagnostic] = []
        self.nearby: dict[tuple[int, int], Nearby] = {}
        self.seen: set[tuple] = set()
        self.unevaluated: set[tuple[str, str]] = set()
        """(message key, pattern) of the patterns reported as not evaluated, at their value."""
        self.compared = 0
        """Allowed values compared with difflib so far, for the page (``_COMPARISONS``)."""
        self.allowed: dict[int, _Allowed] = {}
        """The ``enum`` lists met, by identity (the schema holds them for the whole run)."""

    def node_at(self, path: tuple) -> tuple[Node | None, Node | None]:
        """(value node, key node) at a JSON path; the nearest ancestor's when the path is lost."""
        node: Node | None = self.doc.root
        key: Node | None = None
        for part in path:
            target = resolve_target(node)
            if isinstance(target, MappingNode) and isinstance(part, str):
                child = target.get(part)
                if child is None:
                    break
                key, node = target.key_node(part), child
            elif (
                isinstance(target, SequenceNode)
                and isinstance(part, int)
                and part < len(target.items)
            ):
                key, node = None, target.items[part]
            else:
                break
        return node, key

    def data_at(self, path: tuple) -> Any:
        """The page's value at a JSON path; ``_ABSENT`` when the path is lost."""
        value: Any = self.doc.data
        for part in path:
            value = _child(value, part)
        return value

    def emit(
        self, rule: Rule, span: Span, path: tuple, msgid: str, /, fix: Fix | None = None,
        **args: Any,
    ) -> None:  # fmt: skip
        ident = (rule.code, path, msgid, tuple(sorted(args.items())))
        if ident in self.seen:
            return
        self.seen.add(ident)
        args["path"] = format_path(path)
        label = self.place(path)
        if label is not None:
            args["label"] = label
        self.out.append(Diagnostic.of(rule, self.doc.path, span, msgid, fix=fix, **args))

    def rename(self, path: tuple, name: str, new: str) -> Fix | None:
        """An unsafe fix that renames key ``name`` of the mapping at ``path`` to ``new`` (the
        value may not be what the declared key wants: `--unsafe-fixes` only). None for a key
        written with escapes, or whose new name its quoting cannot hold as it is."""
        _node, key = self.node_at((*path, name))
        if not isinstance(key, ScalarNode) or key.anchor or self.doc.format not in ("yaml", "json"):
            return None
        start, end = key.span.start, key.span.end
        if key.style in ('"', "'"):
            start, end = start + 1, end - 1
        elif key.style != "":
            return None
        if self.doc.text[start:end] != name or not _PLAIN_NAME.fullmatch(new):
            return None
        said = message("fix.replace", old=name, new=new)
        return Fix(
            (Edit(start, end, new),), "unsafe", said, (Change((*path, name), text=new, key=True),)
        )

    def place(self, path: tuple) -> Text | None:
        return place(self.view, self.doc.data, path)

    def value_span(self, path: tuple) -> Span:
        node, key = self.node_at(path)
        if node is None or node is self.doc.root:
            return self.doc.opening
        if key is not None and node.span.start == node.span.end:
            return key.span  # `title:` with nothing after it: point at the key
        return node.span

    def key_span(self, path: tuple) -> Span:
        """Where a problem about a whole mapping points: its key, its item, or the first line."""
        node, key = self.node_at(path)
        if not path or node is None:
            return self.doc.opening
        return (key or node).span

    def head_span(self, path: tuple) -> Span:
        """Where a problem about a whole value points: a scalar, an empty list or mapping itself;
        a list or mapping with values inside at its key (a list item: at its first character),
        so that the diagnostic neither covers nor supersedes the problems of the values inside."""
        node, key = self.node_at(path)
        target = resolve_target(node)
        filled = (isinstance(target, MappingNode) and target.pairs) or (
            isinstance(target, SequenceNode) and target.items
        )
        if not filled:
            return self.value_span(path)
        if node is None or node is self.doc.root:
            return self.doc.opening
        if key is not None:
            return key.span
        return self.doc.lines.span(node.span.start, node.span.start + 1)

    def key_at(self, path: tuple, name: str) -> Span:
        """The span of key ``name`` of the mapping at ``path`` (the mapping's if it is lost)."""
        _node, key = self.node_at((*path, name))
        return key.span if key is not None else self.key_span(path)

    def bad(self, path: tuple, msgid: str, /, **args: Any) -> None:
        """An SC006 about the value at ``path``."""
        self.emit(BAD_VALUE, self.head_span(path), path, msgid, **args)

    def add(self, error: Any) -> None:
        from jsonschema.exceptions import best_match

        keyword = error.validator
        path = tuple(error.absolute_path)
        value = error.instance
        schema = error.schema if isinstance(error.schema, dict) else {}
        if keyword == _UNEVALUATED:
            key, what = error.message, str(error.validator_value)
            self.unevaluated.add((key, what))
            span = self.value_span(path)
            self.emit(SCHEMA_PROBLEM, span, path, key, schema=self.schema, what=what)
            return
        if keyword in ("anyOf", "oneOf") and error.context:
            types = _only_types(error.context)
            if types:  # `string | null`: the value has none of the types the branches allow
                self.wrong_type(path, value, types)
                return
            # The branch meant is the one whose type the value has: prefer its errors.
            typed = [e for e in error.context if e.validator != "type"]
            best = best_match(typed or error.context)
            if best is not None:
                self.add(best)
                return
        if self.key_name(error, path):
            return
        if keyword is None:  # a `false` subschema
            members = self.refused_members(error, path)
            for member in members:
                if isinstance(member, str):
                    span = self.key_at(path, member)
                    self.emit(UNKNOWN, span, path, "SC002.forbidden", key=_show(member))
                else:
                    self.bad((*path, member), "SC006.false")
            if not members:
                self.bad(path, "SC006.false")
            return
        if keyword == "required" and isinstance(value, dict):
            self.required(error, path, value, schema)
            return
        if keyword in ("dependentRequired", "dependencies") and isinstance(value, dict):
            needs = error.validator_value if isinstance(error.validator_value, dict) else {}
            for trigger, needed in needs.items():
                names = [needed] if isinstance(needed, str) else needed
                if trigger not in value or not isinstance(names, list):
                    continue
                for name in names:
                    if isinstance(name, str) and name not in value:
                        span = self.key_at(path, trigger)
                        self.emit(MISSING, span, path, "SC001.dependent", key=name, trigger=trigger)
            return
        if keyword == "additionalProperties" and isinstance(value, dict):
            for name in value:
                if not _declared(self.patterns, name, schema):
                    self.unknown(path, name, value, schema)
            return
        if keyword == "unevaluatedProperties" and isinstance(value, dict):
            self.unevaluated_properties(error, path, value, schema)
            return
        if keyword == "type":
            self.wrong_type(path, value, error.validator_value)
            return
        hint = _hint(schema.get("errorMessage"), keyword) if keyword in _HINTED else None
        if hint is not None and not isinstance(value, (dict, list)):
            rule = BAD_FORMAT if keyword == "format" else BAD_VALUE
            msgid = f"{rule.code}.hint"
            self.emit(rule, self.value_span(path), path, msgid, value=_show(value), hint=hint)
            return
        if keyword == "format":
            shown = _show(error.validator_value, 40)
            self.emit(
                BAD_FORMAT, self.value_span(path), path, "SC004", format=shown, value=_show(value)
            )
            return
        if keyword == "minLength" and isinstance(value, str):
            span = self.value_span(path)
            if value.strip() == "" and error.validator_value == 1:
                self.emit(EMPTY_VALUE, span, path, "SC005")
            else:
                minimum = error.validator_value
                self.emit(EMPTY_VALUE, span, path, "SC005.min", minimum=minimum, length=len(value))
            return
        if keyword == "pattern":
            self.emit(
                BAD_VALUE,
                self.value_span(path),
                path,
                "SC006.pattern",
                value=_show(value),
                pattern=_show(error.validator_value, 80),
            )
            return
        if isinstance(value, list) and self.list_problem(error, keyword, path, value, schema):
            return
        if isinstance(value, dict) and keyword in ("minProperties", "maxProperties"):
            bound = "minimum" if keyword == "minProperties" else "maximum"
            msgid = "SC006.min-properties" if bound == "minimum" else "SC006.max-properties"
            self.bad(path, msgid, count=len(value), **{bound: error.validator_value})
            return
        self.value_problem(error, keyword, path, value, schema)

    def wrong_type(self, path: tuple, value: Any, expected: Any) -> None:
        expected = " | ".join(map(str, expected)) if isinstance(expected, list) else str(expected)
        span = self.value_span(path)
        if value is None:
            self.emit(WRONG_TYPE, span, path, "SC003.null", expected=expected)
        else:
            found = _json_type(value)
            self.emit(
                WRONG_TYPE, span, path, "SC003", expected=expected, found=found, value=_show(value)
            )

    def key_name(self, error: Any, path: tuple) -> bool:
        """A key whose name ``propertyNames`` refuses (jsonschema validates the name in place of
        the value, at the mapping's path): reported at the key."""
        name = error.instance
        mapping = self.data_at(path)
        if not (
            isinstance(name, str)
            and isinstance(mapping, dict)
            and name in mapping
            and "propertyNames" in error.absolute_schema_path
        ):
            return False
        span = self.key_at(path, name)
        schema = error.schema if isinstance(error.schema, dict) else {}
        hint = _hint(schema.get("errorMessage"), error.validator)
        if hint is not None:
            self.emit(UNKNOWN, span, path, "SC002.name-hint", key=_show(name), hint=hint)
        elif error.validator == "pattern":
            pattern = _show(error.validator_value, 80)
            self.emit(UNKNOWN, span, path, "SC002.name-pattern", key=_show(name), pattern=pattern)
        else:
            self.emit(UNKNOWN, span, path, "SC002.name", key=_show(name))
        return True

    def refused_members(self, error: Any, path: tuple) -> list[str | int]:
        """The keys (``properties``, ``patternProperties``) or items (``prefixItems``) whose
        subschema is ``false``. jsonschema gives such an error the path of the mapping or list,
        not the member's: the member is the one that holds the very value refused (among equal
        ones, those the schema's ``properties`` or ``prefixItems`` declare ``false``)."""
        where = list(error.absolute_schema_path)
        kind = where[-1] if where else None
        container = self.data_at(path)
        members: list[str | int]
        if kind in ("properties", "patternProperties") and isinstance(container, dict):
            members = [name for name, item in container.items() if item is error.instance]
            declared = schema_at(self.view, path).get("properties")
        elif kind == "prefixItems" and isinstance(container, list):
            members = [index for index, item in enumerate(container) if item is error.instance]
            declared = schema_at(self.view, path).get("prefixItems")
        else:
            return []
        if len(members) > 1:
            false = [m for m in members if _member(declared, m) is False]
            members = false or members
        return members

    def required(self, error: Any, path: tuple, value: dict, schema: dict) -> None:
        trigger = _dependent_trigger(error)
        properties = schema.get("properties", {})
        properties = properties if isinstance(properties, dict) else {}
        for name in error.validator_value:
            if name in value:
                continue
            if trigger is not None:  # `dependentSchemas`: the key that asks for it
                span = self.key_at(path, trigger)
                self.emit(MISSING, span, path, "SC001.dependent", key=name, trigger=trigger)
                continue
            declared = properties.get(name)
            title = declared.get("title") if isinstance(declared, dict) else None
            self.emit(
                MISSING,
                self.key_span(path),
                path,
                "SC001" if not title else "SC001.title",
                key=name,
                title=_show(title, 80) if title else "",
            )

    def unknown(self, path: tuple, name: str, value: dict, schema: dict) -> None:
        """A key the schema does not declare, with the closest declared one still missing."""
        # One sorted set of candidates per mapping (``Nearby``), not every unknown key against
        # every declared one: a page of thousands of unknown keys stays linear.
        key = (id(schema), id(value))
        nearby = self.nearby.get(key)
        if nearby is None:
            allowed = _declared_names(schema)
            candidates = [a for a in allowed if a not in value] or allowed
            nearby = self.nearby[key] = Nearby(candidates)
        found = nearby.closest(name, 0.6) if len(name) <= 200 else None
        close = [found] if found else []
        span = self.key_at(path, name)
        if close:
            fix = self.rename(path, name, close[0])
            self.emit(UNKNOWN, span, path, "SC002.suggest", fix=fix, key=name, suggestion=close[0])
        else:
            self.emit(UNKNOWN, span, path, "SC002", key=name)

    def unevaluated_properties(self, error: Any, path: tuple, value: dict, schema: dict) -> None:
        """The keys jsonschema's message names (declared by no subschema that applied)."""
        names = list(value)
        picked = _listed(error.message, names)
        if picked is None:
            names.sort(key=str)
            picked = _listed(error.message, names)
        if picked is None:  # a message of another jsonschema: the keys of no local declaration
            names = [name for name in names if not _declared(self.patterns, name, schema)]
            picked = list(range(len(names)))
        for index in picked:
            if error.validator_value is False:
                self.unknown(path, names[index], value, schema)
            else:
                span = self.key_at(path, names[index])
                self.emit(UNKNOWN, span, path, "SC002.unevaluated", key=_show(names[index]))

    def list_problem(
        self, error: Any, keyword: str, path: tuple, value: list, schema: dict
    ) -> bool:
        """The keywords about a whole list; False for another keyword."""
        if keyword == "minItems":
            self.bad(path, "SC006.min-items", minimum=error.validator_value, count=len(value))
        elif keyword == "maxItems":
            self.bad(path, "SC006.max-items", maximum=error.validator_value, count=len(value))
        elif keyword in ("items", "additionalItems") and error.validator_value is False:
            before = schema.get("prefixItems" if keyword == "items" else "items")
            self.too_many(path, value, len(before) if isinstance(before, list) else 0)
        elif keyword == "unevaluatedItems":
            picked = _listed(error.message, value)
            if picked is None:
                self.bad(path, "SC006.unevaluated-items")
            elif picked == list(range(picked[0], len(value))):
                self.too_many(path, value, picked[0])
            else:
                for index in picked:
                    span = self.head_span((*path, index))
                    self.emit(BAD_VALUE, span, path, "SC006.unevaluated-item", position=index + 1)
        elif keyword == "uniqueItems":
            first: dict[Any, int] = {}
            for index, item in enumerate(value):
                seen = first.setdefault(_canonical(item), index)
                if seen != index:
                    span = self.head_span((*path, index))
                    self.emit(
                        BAD_VALUE, span, path, "SC006.unique", position=index + 1, first=seen + 1
                    )
        elif keyword in ("contains", "minContains", "maxContains"):
            what = _what(schema.get("contains"))
            least = schema.get("minContains", 1)
            if keyword == "maxContains":
                self.bad(path, "SC006.max-contains", maximum=error.validator_value, what=what)
            elif keyword == "minContains" or least != 1:
                minimum = error.validator_value if keyword == "minContains" else least
                self.bad(path, "SC006.min-contains", minimum=minimum, what=what)
            else:
                self.bad(path, "SC006.contains", what=what)
        else:
            return False
        return True

    def too_many(self, path: tuple, value: list, allowed: int) -> None:
        """Items after the ``allowed`` first ones: reported at the first of them."""
        if allowed < len(value):
            span = self.head_span((*path, allowed))
            self.emit(
                BAD_VALUE,
                span,
                path,
                "SC006.extra-items",
                maximum=allowed,
                count=len(value),
                position=allowed + 1,
            )

    def value_problem(
        self, error: Any, keyword: Any, path: tuple, value: Any, schema: dict
    ) -> None:
        """The keywords about one value (numbers, lengths, allowed values), and the others."""
        bound = _show(error.validator_value)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if keyword == "enum" and isinstance(error.validator_value, list):
            self.enum(path, value, error.validator_value)
        elif keyword == "const":
            self.bad(path, "SC006.const", value=_show(value), expected=bound)
        elif keyword == "maxLength" and isinstance(value, str):
            self.bad(path, "SC006.max-length", maximum=bound, length=len(value))
        elif keyword in ("minimum", "exclusiveMinimum") and number:
            # Drafts 4 and before: `"exclusiveMinimum": true` beside `minimum`.
            exclusive = keyword == "exclusiveMinimum" or schema.get("exclusiveMinimum") is True
            msgid = "SC006.exclusive-minimum" if exclusive else "SC006.minimum"
            self.bad(path, msgid, minimum=bound, value=_show(value))
        elif keyword in ("maximum", "exclusiveMaximum") and number:
            exclusive = keyword == "exclusiveMaximum" or schema.get("exclusiveMaximum") is True
            msgid = "SC006.exclusive-maximum" if exclusive else "SC006.maximum"
            self.bad(path, msgid, maximum=bound, value=_show(value))
        elif keyword in ("multipleOf", "divisibleBy") and number:
            self.bad(path, "SC006.multiple-of", factor=bound, value=_show(value))
        elif keyword == "not":
            self.bad(path, "SC006.not", value=_show(value))
        elif keyword == "oneOf":  # no context: the value fits several branches
            self.bad(path, "SC006.one-of")
        else:
            self.bad(path, "SC006.keyword", keyword=_show(str(keyword), 40))

    def enum(self, path: tuple, value: Any, options: list[Any]) -> None:
        """The closest allowed value and how many there are; never the whole list."""
        if len(options) == 1:
            self.bad(path, "SC006.const", value=_show(value), expected=_show(options[0]))
            return
        count = len(options)
        self.compared += count
        allowed = self.allowed.get(id(options))
        if allowed is None:  # the schema's list: the same object for every value it checks
            allowed = self.allowed[id(options)] = _Allowed(options)
        suggestion = allowed.closest(value, fuzzy=self.compared <= _COMPARISONS)
        if suggestion is not None:
            self.bad(
                path, "SC006.enum-suggest", value=_show(value), count=count, suggestion=suggestion
            )
            return
        listed = ", ".join(f"`{_show(option, 40)}`" for option in options[:3])
        msgid = "SC006.enum" if count <= 3 else "SC006.enum-many"
        self.bad(path, msgid, value=_show(value), count=count, allowed=listed)

    def finish(self) -> list[Diagnostic]:
        """One diagnostic per value: the most telling of those found for it.

        An empty text also fails its pattern and format, a URL without scheme its format and its
        pattern: the editor needs the first reason, not three. ``value_codes`` is by rank.
        """
        value_codes = (WRONG_TYPE.code, EMPTY_VALUE.code, BAD_FORMAT.code, BAD_VALUE.code)
        best: dict[tuple, Diagnostic] = {}
        kept: list[Diagnostic] = []
        # `titel` for `title`: the unknown key's "did you mean" says it all, not also "missing".
        misspelt = {
            (args["path"], args["suggestion"])
            for args in (dict(d.message.args) for d in self.out if d.code == UNKNOWN.code)
            if "suggestion" in args
        }
        for d in self.out:
            args = dict(d.message.args)
            if d.code == MISSING.code and (args["path"], args["key"]) in misspelt:
                continue
            if d.code not in value_codes:
                kept.append(d)
                continue
            where = (d.span, args.get("path"))
            if where not in best or value_codes.index(d.code) < value_codes.index(best[where].code):
                best[where] = d
        return kept + list(best.values())


_ABSENT = object()
"""What ``_child`` finds where a path leads nowhere."""

_COMPARISONS = 200_000
"""The most allowed values compared with difflib on one page (about half a second): past it,
an ``enum`` failure names no close value but one written with other capitals."""

_HINTED = frozenset(
    {
        "pattern",
        "format",
        "enum",
        "const",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "maxLength",
        "not",
    }
)
"""The keywords whose failure, on a text or a number, a schema's ``errorMessage`` replaces."""

_LANGUAGE = re.compile(r"[A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,8})*")
"""A key of a per-language ``errorMessage`` (`en`, `fr`, `fr-CA`)."""

_EXTRAS = re.compile(
    r"Unevaluated (?:properties|items) are not (?:allowed|valid under the given schema) "
    r"\((?P<listed>.*) (?:was|were) (?:unexpected|unevaluated and invalid)\)",
    re.DOTALL,
)


def _child(value: Any, part: str | int) -> Any:
    if isinstance(value, dict) and isinstance(part, str) and part in value:
        return value[part]
    if isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
        return value[part]
    return _ABSENT


def _member(declared: Any, member: str | int) -> Any:
    """The subschema of a key in ``properties``, or of an item in ``prefixItems``."""
    if isinstance(member, str) and isinstance(declared, Mapping):
        return declared.get(member)
    if isinstance(member, int) and isinstance(declared, list) and member < len(declared):
        return declared[member]
    return None


def _dependent_trigger(error: Any) -> str | None:
    """The key whose presence applied the ``dependentSchemas`` (or ``dependencies``) member
    whose ``required`` failed; None for another ``required``."""
    where = list(error.absolute_schema_path)
    if len(where) < 3 or where[-1] != "required" or where[-3] not in (
        "dependentSchemas", "dependencies"
    ):  # fmt: skip
        return None
    trigger = where[-2]
    return trigger if isinstance(trigger, str) and trigger in error.instance else None


def _only_types(context: list[Any]) -> list[str] | None:
    """The types that the branches of an ``anyOf``/``oneOf`` allow, when the value fails them
    all by its type only (`string | null`); None otherwise."""
    names: list[str] = []
    for error in context:
        if error.validator != "type" or error.relative_path:
            return None
        expected = error.validator_value
        for name in expected if isinstance(expected, list) else [expected]:
            if str(name) not in names:
                names.append(str(name))
    return names or None


def _declared_names(schema: dict) -> list[str]:
    """The keys a schema declares, its own and those of the subschemas it applies in place."""
    names: list[str] = []
    members: list[Any] = [schema]
    for keyword in ("allOf", "anyOf", "oneOf"):
        listed = schema.get(keyword)
        members += listed if isinstance(listed, list) else []
    members += [schema.get(keyword) for keyword in ("then", "else")]
    for member in members:
        properties = member.get("properties") if isinstance(member, dict) else None
        if isinstance(properties, dict):
            names += [name for name in properties if name not in names]
    return names


def _hint(raw: Any, keyword: Any) -> Text | None:
    """A schema's own message (``errorMessage``): a text; a text per language (`{"en": …,
    "fr": …}`: the report's language, else English, else any); or, as ajv-errors reads it, one
    of those per keyword (`{"pattern": …}`)."""
    if isinstance(raw, dict) and isinstance(keyword, str) and keyword in raw:
        raw = raw[keyword]
    if isinstance(raw, str):
        text = _show(raw.strip(), 200)
        return Text(en=text, fr=text) if text else None
    if not isinstance(raw, dict):
        return None
    by_language: dict[str, str] = {}
    for name, text in raw.items():
        if (
            isinstance(name, str)
            and name.lower() != "if"
            and _LANGUAGE.fullmatch(name)
            and isinstance(text, str)
            and text.strip()
        ):
            by_language.setdefault(name[:2].lower(), _show(text.strip(), 200))
    if not by_language:
        return None
    fallback = by_language.get("en", next(iter(by_language.values())))
    return Text(en=fallback, fr=by_language.get("fr", fallback))


class _Allowed:
    """The values of an ``enum``, read once per page for the closest to a value."""

    def __init__(self, options: list[Any]) -> None:
        self.numbers = [o for o in options if _json_type(o) in ("integer", "number")]
        self.texts = [o for o in options if isinstance(o, str) and len(o) <= 100]
        self.folded: dict[str, str] = {}
        for text in self.texts:
            self.folded.setdefault(text.casefold(), text)

    def closest(self, value: Any, fuzzy: bool = True) -> str | None:
        """The allowed value closest to ``value``, if one is close: for a number, the nearest
        number; for a text, the same text but for case, else (``fuzzy``) the closest by difflib
        (texts longer than 100 characters are not compared: difflib is quadratic). None for
        other values."""
        if _json_type(value) in ("integer", "number"):
            try:
                nearest = min(self.numbers, key=lambda o: abs(o - value), default=None)
            except OverflowError:  # an integer of hundreds of digits beside a float
                return None
            return None if nearest is None else _show(nearest)
        if not isinstance(value, str) or len(value) > 100:
            return None
        same = self.folded.get(value.casefold())
        if same is not None:
            return _show(same)
        if not fuzzy:
            return None
        close = difflib.get_close_matches(value, self.texts, n=1, cutoff=0.6)
        return _show(close[0]) if close else None


def _canonical(value: Any) -> Any:
    """A value as JSON compares it, hashable: `1` and `1.0` alike, `true` and `1` not. (Page
    values are at most 64 levels deep: the recursion is bounded.)"""
    if isinstance(value, bool):
        return ("boolean", value)
    if isinstance(value, (int, float)):
        return ("number", value)
    if isinstance(value, list):
        return ("array", tuple(_canonical(item) for item in value))
    if isinstance(value, dict):
        return ("object", frozenset((key, _canonical(item)) for key, item in value.items()))
    return (_json_type(value), value if isinstance(value, str) else None)


def _what(contains: Any) -> Text:
    """The items a ``contains`` asks for, as its messages name them."""
    if isinstance(contains, dict):
        if "const" in contains:
            shown = _show(contains["const"])
            return Text(en=f"equal to `{shown}`", fr=f"égal à `{shown}`")
        title = contains.get("title")
        if isinstance(title, str) and title.strip():
            shown = _show(title.strip())
            return Text(en=f"of the kind “{shown}”", fr=f"du genre « {shown} »")
    return Text(
        en="of the kind the schema describes (`contains`)",
        fr="du genre que décrit le schéma (`contains`)",
    )


def _listed(message: str, candidates: list[Any]) -> list[int] | None:
    """The positions in ``candidates`` of what jsonschema's message about unevaluated properties
    or items names (their ``repr``, in this order, joined by `, `); None when it cannot be read."""
    match = _EXTRAS.fullmatch(message)
    if match is None:
        return None
    listed = match["listed"]
    picked: list[int] = []
    at = 0
    for index, candidate in enumerate(candidates):
        text = repr(candidate)
        end = at + len(text)
        if listed.startswith(text, at) and (end == len(listed) or listed.startswith(", ", end)):
            picked.append(index)
            if end == len(listed):
                return picked
            at = end + 2
    return None


# --- Patterns: RE2 when it can read them, else Python's re under a time budget.

_UNEVALUATED = "frontlint:unevaluated"
"""The ``validator`` of the error that stands for a pattern frontlint did not evaluate."""

_RE2_DIGIT = r"\p{Nd}"
_RE2_WORD = r"\p{L}\p{N}_"
# Python's `\s` in a str pattern: the characters for which str.isspace() is true.
_RE2_SPACE = (
    r"\t\n\x{b}\x{c}\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}"
    r"\x{202f}\x{205f}\x{3000}"
)
_HEX_WIDTH = {"x": 2, "u": 4, "U": 8}
_LOWER_BOUND_OMITTED = re.compile(r",\d*\}")


def to_re2(pattern: str) -> tuple[str, bool] | None:
    """A pattern of Python's re in RE2's syntax with the same meaning (Python's Unicode classes
    spelt out, ``\\Z`` as ``\\z``), and whether it holds a ``$`` (Python's also matches before a
    final newline: such a search on a text ending with one goes to Python's re). None where RE2
    has no equivalent (``\\b``, backreferences, ``{,n}``, a ``[`` inside a class…)."""
    out: list[str] = []
    dollar = in_class = first = False
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        i += 1
        if char == "\\":
            if i >= n:
                return None
            escape = pattern[i]
            i += 1
            first = False
            if escape == "d":
                out.append(_RE2_DIGIT)
            elif escape == "D":
                out.append(r"\P{Nd}")
            elif escape in "ws":
                body = _RE2_WORD if escape == "w" else _RE2_SPACE
                out.append(body if in_class else f"[{body}]")
            elif escape in "WS" and not in_class:
                out.append(f"[^{_RE2_WORD if escape == 'W' else _RE2_SPACE}]")
            elif escape in "AZ" and not in_class:
                out.append(r"\A" if escape == "A" else r"\z")
            elif escape in _HEX_WIDTH:
                digits = pattern[i : i + _HEX_WIDTH[escape]]
                if len(digits) != _HEX_WIDTH[escape] or not all(
                    c in string.hexdigits for c in digits
                ):
                    return None
                out.append(f"\\x{{{digits}}}")
                i += len(digits)
            elif escape in "afnrtv" or (escape.isascii() and not escape.isalnum()):
                out.append("\\" + escape)
            else:
                return None
            continue
        if in_class:
            if char == "[":
                return None
            if char == "]" and first:
                out.append(r"\]")
            else:
                out.append(char)
                in_class = char != "]"
            first = False
            continue
        if char == "[":
            in_class = first = True
            out.append(char)
            if pattern.startswith("^", i):
                out.append("^")
                i += 1
            continue
        if char == "$":
            dollar = True
        elif char == "{" and _LOWER_BOUND_OMITTED.match(pattern, i):
            return None
        out.append(char)
    if in_class:
        return None
    return "".join(out), dollar


def _re2_compile(pattern: str) -> tuple[Any, bool] | None:
    """(RE2 regex, holds a ``$``), or None when RE2 cannot read the pattern (or is missing)."""
    translated = to_re2(pattern)
    if translated is None:
        return None
    try:
        import re2
    except ImportError:  # a platform without google-re2: Python's re, under the budget
        return None
    options = re2.Options()
    options.log_errors = False  # else a refused pattern is written to stderr
    options.never_capture = True
    try:
        return re2.compile(translated[0], options), translated[1]
    except Exception:  # re2.error (lookaround, backreference, too large), a lone surrogate
        return None


class _Unevaluated(Exception):
    """A pattern frontlint did not evaluate on a value: SC007 message key, pattern as quoted."""

    def __init__(self, key: str, what: str) -> None:
        super().__init__(key, what)
        self.key = key
        self.what = what

    def error(self, path: tuple[str, ...] = ()) -> Any:
        from jsonschema.exceptions import ValidationError

        return ValidationError(
            self.key, validator=_UNEVALUATED, validator_value=self.what, path=path
        )


class _Deadline(BaseException):
    """SIGALRM inside a budgeted call. A BaseException: no ``except Exception`` swallows it."""


def _timer_available() -> bool:
    """Whether Python's re can be interrupted: SIGALRM, in the main thread only."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class _Patterns:
    """Searches with the patterns of schemas, for one run.

    RE2 reads most patterns and runs in linear time. The others run on Python's re, interrupted
    after ``SEARCH_SECONDS`` (a pattern interrupted once is not run again) and refused once they
    have spent ``RUN_SECONDS`` in all: a run of untrusted schemas ends in bounded time."""

    def __init__(self) -> None:
        self._re2: dict[str, tuple[Any, bool] | None] = {}
        self._python: dict[str, re.Pattern[str]] = {}
        self._slow: set[str] = set()
        self._classes: dict[tuple[type, bool], Any] = {}
        self._armed = False
        self.left = RUN_SECONDS
        self.events: list[tuple[str, str]] = []
        """(message key, pattern) of every pattern not evaluated since the list was cleared."""

    def search(self, pattern: str, text: str) -> bool:
        if pattern not in self._re2:
            self._re2[pattern] = _re2_compile(pattern)
        compiled = self._re2[pattern]
        if compiled is not None and not (compiled[1] and text.endswith("\n")):
            try:
                return compiled[0].search(text) is not None
            except UnicodeEncodeError:  # a lone surrogate (JSON's "\ud800"): Python's re reads it
                pass
        return self._python_search(pattern, text)

    def _python_search(self, pattern: str, text: str) -> bool:
        if pattern in self._slow:
            raise self.unevaluated("SC007.slow", pattern)
        try:
            compiled = self._python.get(pattern)
            if compiled is None:
                compiled = self._python[pattern] = self.budgeted(pattern, re.compile, pattern)
            return self.budgeted(pattern, compiled.search, text) is not None
        except _Unevaluated as exc:
            if exc.key == "SC007.slow":
                self._slow.add(pattern)
            raise
        except Exception:  # re.error, RecursionError…: a pattern Python's re cannot read
            raise self.unevaluated("SC007.bad-pattern", pattern) from None

    def unevaluated(self, key: str, pattern: str) -> _Unevaluated:
        what = _show(pattern, 80)
        self.events.append((key, what))
        return _Unevaluated(key, what)

    def budgeted(self, pattern: str, function: Callable[..., _T], *args: Any) -> _T:
        """``function(*args)``, interrupted after ``SEARCH_SECONDS`` (``_Unevaluated``)."""
        if self._armed:  # inside a budgeted call: its deadline applies
            return function(*args)
        if not _timer_available():
            raise self.unevaluated("SC007.no-time-limit", pattern)
        if self.left <= 0:
            raise self.unevaluated("SC007.slow", pattern)

        def alarm(signum: int, frame: Any) -> None:
            if self._armed:
                raise _Deadline

        previous = signal.signal(signal.SIGALRM, alarm)
        start = time.monotonic()
        self._armed = True
        outer = (0.0, 0.0)  # a timer of whoever runs frontlint: restored after
        try:
            outer = signal.setitimer(signal.ITIMER_REAL, min(SEARCH_SECONDS, self.left))
            return function(*args)
        except _Deadline:
            raise self.unevaluated("SC007.slow", pattern) from None
        finally:
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
            spent = time.monotonic() - start
            self.left -= spent
            if outer[0] > 0:
                signal.setitimer(signal.ITIMER_REAL, max(outer[0] - spent, 1e-3), outer[1])

    def validator_class(self, cls: Any, pattern_properties: bool) -> Any:
        """``cls`` with its pattern keywords searching with this object (one class per draft)."""
        key = (cls, pattern_properties)
        if key not in self._classes:
            self._classes[key] = _safe_validator(cls, self, pattern_properties)
        return self._classes[key]


def _declared(patterns: _Patterns, name: str, schema: Any) -> bool:
    """Whether a key is one of a schema's ``properties`` or ``patternProperties`` (a pattern not
    evaluated counts as matching: it is reported by ``patternProperties``)."""
    properties = schema.get("properties", {})
    if isinstance(properties, dict) and name in properties:
        return True
    for pattern in schema.get("patternProperties", {}):
        try:
            if patterns.search(pattern, name):
                return True
        except _Unevaluated:
            return True
    return False


def _safe_validator(cls: Any, patterns: _Patterns, pattern_properties: bool) -> Any:
    """``cls`` whose ``pattern``, ``patternProperties`` and ``additionalProperties`` search with
    ``patterns``; with ``unevaluatedProperties`` under its budget when the schema has
    ``patternProperties`` (jsonschema searches them there with Python's re)."""
    from jsonschema import validators
    from jsonschema.exceptions import ValidationError

    def pattern(validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if not validator.is_type(instance, "string"):
            return
        try:
            if not patterns.search(value, instance):
                yield ValidationError(f"{_show(instance)} does not match {_show(value, 80)}")
        except _Unevaluated as exc:
            yield exc.error()

    def pattern_properties_(
        validator: Any, value: Any, instance: Any, schema: Any
    ) -> Iterator[Any]:
        if not validator.is_type(instance, "object"):
            return
        for each, subschema in value.items():
            for name, item in instance.items():
                try:
                    if not patterns.search(each, name):
                        continue
                except _Unevaluated as exc:
                    yield exc.error((name,))
                    continue
                yield from validator.descend(item, subschema, path=name, schema_path=each)

    def additional_properties(
        validator: Any, value: Any, instance: Any, schema: Any
    ) -> Iterator[Any]:
        if not validator.is_type(instance, "object"):
            return
        extras = [name for name in instance if not _declared(patterns, name, schema)]
        if validator.is_type(value, "object"):
            for name in extras:
                yield from validator.descend(instance[name], value, path=name)
        elif not value and extras:
            listed = _show(", ".join(repr(name) for name in extras), 160)
            yield ValidationError(f"additional properties are not allowed ({listed})")

    keywords = {
        "pattern": pattern,
        "patternProperties": pattern_properties_,
        "additionalProperties": additional_properties,
    }
    original = cls.VALIDATORS.get("unevaluatedProperties")
    if pattern_properties and original is not None:

        def unevaluated_properties(
            validator: Any, value: Any, instance: Any, schema: Any
        ) -> Iterator[Any]:
            def run() -> list[Any]:
                return list(original(validator, value, instance, schema) or ())

            try:
                errors = patterns.budgeted("unevaluatedProperties", run)
            except _Unevaluated as exc:
                yield exc.error()
                return
            yield from errors

        keywords["unevaluatedProperties"] = unevaluated_properties
    chosen = {k: v for k, v in keywords.items() if k in cls.VALIDATORS}
    return validators.extend(cls, chosen)  # type: ignore[no-untyped-call]


# --- frontlint's own keywords, and a walk over the subschemas of a schema.

_IN_PLACE = frozenset(
    {"additionalProperties", "unevaluatedProperties", "additionalItems", "unevaluatedItems",
     "items", "contains", "propertyNames", "not", "if", "then", "else"}
)  # fmt: skip
_IN_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems", "items"})
_IN_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
     "dependencies"}
)  # fmt: skip


def _subschemas(root: Any, base: str) -> Iterator[tuple[tuple[str | int, ...], dict, str]]:
    """(JSON pointer, subschema, base URI) of every subschema of a schema, in document order,
    without recursion (its keywords only: not what ``enum``, ``const`` or ``default`` hold)."""
    from urllib.parse import urljoin

    stack: list[tuple[tuple[str | int, ...], Any, str]] = [((), root, base)]
    while stack:
        pointer, node, base = stack.pop()
        if not isinstance(node, dict):
            continue
        if isinstance(node.get("$id"), str):
            base = urljoin(base, node["$id"])
        yield pointer, node, base
        children: list[tuple[tuple[str | int, ...], Any, str]] = []
        for key, value in node.items():
            if key in _IN_PLACE and isinstance(value, dict):
                children.append(((*pointer, key), value, base))
            elif key in _IN_LISTS and isinstance(value, list):
                children.extend(((*pointer, key, i), v, base) for i, v in enumerate(value))
            elif key in _IN_MAPS and isinstance(value, dict):
                children.extend(((*pointer, key, k), v, base) for k, v in value.items())
        stack.extend(reversed(children))


def _survey(
    schema: Any, path: Path, read: Callable[[str], Any]
) -> tuple[list[tuple[str, dict[str, Any]]], bool]:
    """The bad ``x-frontlint-…`` annotations of a schema and of the local files its ``$ref`` name
    (each once), and whether any of them has ``patternProperties``."""
    from urllib.parse import urldefrag, urljoin

    problems: list[tuple[str, dict[str, Any]]] = []
    pattern_properties = False
    base = schema.get("$id") if isinstance(schema, dict) else None
    base = base if isinstance(base, str) else path.as_uri()
    seen = {urldefrag(base)[0]}
    queue = [(path, base, schema)]
    while queue:
        file, base, contents = queue.pop(0)
        for pointer, node, here in _subschemas(contents, base):
            pattern_properties = pattern_properties or "patternProperties" in node
            for key, value in node.items():
                if isinstance(key, str) and key.startswith(KEYWORD_PREFIX):
                    problem = _annotation_problem(key, value, (*pointer, key))
                    if problem is not None:
                        problems.append(
                            (problem[0], {"schema": _display_schema(file), **problem[1]})
                        )
            ref = node.get("$ref")
            if not isinstance(ref, str):
                continue
            target = urldefrag(urljoin(here, ref))[0]
            if target.startswith("file:") and target not in seen:
                seen.add(target)
                try:
                    found = read(target)
                except Exception:  # reported by validation, where the reference is followed
                    continue
                queue.append((_file_path(target), target, found))
    return problems, pattern_properties


@lru_cache(maxsize=1)
def _import_jsonschema() -> None:
    """Import jsonschema with the modules of some of its format checkers loaded on first use,
    not at import: rfc3986-validator's grammar is one large regular expression whose compilation
    took 8 to 12 ms of every start (a pre-commit hook's budget), rfc3339-validator 2 ms more,
    for formats (uri, date-time) few pages use. jsonschema takes these functions by
    name when it is imported: it gets stand-ins that import the real module when first called.
    Only this import sees the stand-ins."""
    import importlib
    import importlib.util
    import types

    if "jsonschema" in sys.modules:
        return
    stand_ins = {}
    for module, name in _DEFERRED:
        if module in sys.modules or importlib.util.find_spec(module) is None:
            continue
        stand_in = types.ModuleType(module)
        setattr(stand_in, name, _deferred(module, name))
        stand_ins[module] = sys.modules[module] = stand_in
    try:
        importlib.import_module("jsonschema")
    finally:
        for module, stand_in in stand_ins.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]


_DEFERRED = (
    ("rfc3986_validator", "validate_rfc3986"),
    ("rfc3339_validator", "validate_rfc3339"),
)
"""(module, the name jsonschema's format checkers import from it)."""


# A subset of RFC 3986's URIs (scheme, `//`, a plain host, port, path, query and fragment of
# unreserved and sub-delimiter characters, no percent-encoding) and of its relative references
# (an absolute path, or one whose first segment holds no colon): what pages write. A string of
# this shape is valid; any other is judged by rfc3986-validator's grammar, imported then.
_PCHAR = r"[A-Za-z0-9._~!$&'()*+,;=:@-]"
_TAIL = r"(?:\?[A-Za-z0-9._~!$&'()*+,;=:@/?-]*)?(?:#[A-Za-z0-9._~!$&'()*+,;=:@/?-]*)?\Z"
_PLAIN_URI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9._~-]*(?::[0-9]*)?(?:/{_PCHAR}*)*{_TAIL}"
)
_PLAIN_RELATIVE = re.compile(
    rf"(?:/(?:{_PCHAR}+(?:/{_PCHAR}*)*)?|[A-Za-z0-9._~!$&'()*+,;=@-]+(?:/{_PCHAR}*)*)?{_TAIL}"
)


def _plain_uri(url: Any, rule: str = "URI") -> bool:
    """Whether ``validate_rfc3986(url, rule)`` holds, known without its grammar (False: ask it)."""
    if not isinstance(url, str) or rule not in ("URI", "URI_reference"):
        return False
    return bool(_PLAIN_URI.match(url) or (rule == "URI_reference" and _PLAIN_RELATIVE.match(url)))


def _deferred(module: str, name: str) -> Callable[..., Any]:
    import importlib

    real: list[Any] = []
    known = _plain_uri if name == "validate_rfc3986" else None

    def call(*args: Any, **kwargs: Any) -> Any:
        if known is not None and known(*args, **kwargs):
            return True
        if not real:
            try:
                real.append(getattr(importlib.import_module(module), name))
            except (ImportError, AttributeError):  # (broken: unchecked, as when not installed)
                real.append(lambda *_args, **_kwargs: True)
        return real[0](*args, **kwargs)

    return call


@lru_cache(maxsize=1)
def _meta() -> tuple[dict[str, Any], Any]:
    """The meta-schema of frontlint's keywords, and its validator."""
    _import_jsonschema()
    from jsonschema import Draft202012Validator

    meta = json.loads((bundled_schema_dir() / META_SCHEMA).read_text(encoding="utf-8"))
    return meta, Draft202012Validator(meta)


def _annotation_error(keyword: str, value: Any) -> tuple[str | int, ...] | None:
    """Where inside a known annotation's value its first problem is; None when it is valid."""
    from jsonschema.exceptions import best_match

    error = best_match(_meta()[1].iter_errors({keyword: value}))
    if error is None:
        return None
    where: tuple[str | int, ...] = tuple(error.absolute_path)[1:]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        where += tuple(name for name in error.instance if name not in known)[:1]
    return where


def valid_annotation(keyword: str, value: Any) -> bool:
    """Whether an ``x-frontlint-…`` annotation has the shape frontlint knows: rules read only
    those (the schema check reports the others, SC007). Checked once per annotation and process
    (the same object comes with every page of its type), known by its identity: the memory keeps
    the annotation, so that its identity is not another's."""
    if keyword not in _meta()[0]["properties"]:
        return False
    known = _VALID.get((keyword, id(value)))
    if known is None:
        if len(_VALID) >= 4096:
            _VALID.clear()
        known = _VALID[(keyword, id(value))] = (value, _annotation_error(keyword, value) is None)
    return known[1]


_VALID: dict[tuple[str, int], tuple[Any, bool]] = {}
"""(keyword, identity of the annotation) -> (the annotation, whether it is valid)."""


def _annotation_problem(
    keyword: str, value: Any, pointer: tuple[str | int, ...]
) -> tuple[str, dict[str, Any]] | None:
    known = _meta()[0]["properties"]
    if keyword not in known:
        # The closest keyword (a misspelling), else the list of them.
        close = difflib.get_close_matches(keyword, list(known), n=1, cutoff=0.8)
        names = f"`{close[0]}`" if close else ", ".join(f"`{name}`" for name in known)
        args = {"keyword": _show(keyword, 60), "pointer": _pointer(pointer), "known": names}
        return ("SC007.keyword-unknown-suggest" if close else "SC007.keyword-unknown"), args
    where = _annotation_error(keyword, value)
    if where is None:
        return None
    example = json.dumps(known[keyword]["examples"][0], ensure_ascii=False)
    args = {"keyword": keyword, "pointer": _pointer((*pointer, *where)), "expected": f"`{example}`"}
    return "SC007.keyword", args


def _pointer(parts: tuple[str | int, ...]) -> str:
    """A JSON pointer inside a schema file, as a URI fragment (``#/properties/dates``)."""
    escaped = (str(p).replace("~", "~0").replace("/", "~1") for p in parts)
    return _show("#" + "".join(f"/{p}" for p in escaped), 160)
