"""Which JSON Schema applies to a page, and its validation errors as located, readable diagnostics.

A page's schema comes from its ``$schema`` key (a path relative to the page, or the name of a
bundled schema), else from its ``layout``: ``<layout>.schema.json`` in the project's schema folders,
then among the schemas bundled with frontlint. Schemas are compiled once per run (``SchemaStore``).
jsonschema's errors are translated, one diagnostic per problem, at the node the problem is about:
the key for unknown and missing keys, the value for everything else. ``anyOf``/``oneOf`` failures
are reduced to their most relevant branch with ``best_match``. Remote ``$ref`` are never fetched.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.diagnostics import Diagnostic, Span
from linter.document import Document
from linter.page import SchemaView
from linter.rules.core import (
    BAD_FORMAT,
    BAD_VALUE,
    EMPTY_VALUE,
    MISSING,
    SCHEMA_PROBLEM,
    UNKNOWN,
    WRONG_TYPE,
)
from linter.spec import Rule
from linter.yamltree import MappingNode, Node, SequenceNode, format_path, resolve_target

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

"""Codes of the diagnostics that reject a whole value."""

_SAFE_NAME = re.compile(r"[\w.-]+\Z")


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
    detail: str = ""
    view: SchemaView | None = None
    """The ``SchemaView`` that rules read: the same contents and references as validation."""


@dataclass
class SchemaStore:
    """Finds, loads and compiles schemas once per run."""

    schema_dirs: tuple[Path, ...] | None = None
    """Project schema folders; None: ``schemas/`` at the repository root of each page."""
    mapped: Callable[[str | None, str], Path | None] = lambda layout, path: None
    """The configuration's ``[schemas]``: (layout, page path) -> schema file."""
    _loaded: dict[Path, _Loaded] = field(default_factory=dict)
    _roots: dict[Path, Path] = field(default_factory=dict)
    _located: dict[str, tuple[Path | None, Node | None, str | None]] = field(default_factory=dict)

    def _project_dirs(self, page: Path) -> tuple[Path, ...]:
        if self.schema_dirs is not None:
            return self.schema_dirs
        folder = page.resolve().parent
        if folder not in self._roots:
            root = Path.cwd()
            for candidate in (folder, *folder.parents):
                if (candidate / ".git").exists():
                    root = candidate
                    break
            self._roots[folder] = root
        return (self._roots[folder] / "schemas",)

    def locate(self, doc: Document) -> tuple[Path | None, Node | None, str | None]:
        """(schema path, node that chose it, problem key) for a page; all None when none applies.

        Asked twice per page (validation, then the rules' ``applied``): looked up once."""
        if doc.path not in self._located:
            self._located[doc.path] = self._locate(doc)
        return self._located[doc.path]

    def _locate(self, doc: Document) -> tuple[Path | None, Node | None, str | None]:
        root = doc.root if isinstance(doc.root, MappingNode) else None
        declared = doc.data.get("$schema")
        if declared is not None and root is not None:
            node = root.get("$schema")
            if not isinstance(declared, str) or not declared.strip():
                return None, node, "SC007.declared"
            if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", declared):
                return None, node, "SC007.remote"
            local = doc.file.parent / declared
            if local.is_file():
                return local, node, None
            if _SAFE_NAME.match(declared):
                for name in (declared, f"{declared}.schema.json"):
                    bundled = bundled_schema_dir() / name
                    if bundled.is_file():
                        return bundled, node, None
            return None, node, "SC007.declared"
        layout = doc.data.get("layout")
        chosen = self.mapped(layout if isinstance(layout, str) else None, doc.path)
        if chosen is not None:
            return chosen, root.get("layout") if root else None, None
        if isinstance(layout, str) and _SAFE_NAME.match(layout):
            name = f"{layout}.schema.json"
            for folder in (*self._project_dirs(doc.file), bundled_schema_dir()):
                candidate = folder / name
                if candidate.is_file():
                    return candidate, root.get("layout") if root else None, None
        return None, None, None

    def applied(self, doc: Document) -> SchemaView | None:
        """The schema that validates a page, for rules that read its annotations."""
        path, _node, problem = self.locate(doc)
        if path is None or problem is not None:
            return None
        return self.load(path).view

    def load(self, path: Path) -> _Loaded:
        path = path.resolve()
        if path not in self._loaded:
            self._loaded[path] = _compile(path)
        return self._loaded[path]


class _RemoteReference(Exception):
    pass


def _compile(path: Path) -> _Loaded:
    from jsonschema import validators
    from jsonschema.exceptions import SchemaError
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return _Loaded(error="SC007.unreadable", detail=str(exc))
    except json.JSONDecodeError as exc:
        return _Loaded(error="SC007.json", detail=f"{exc.msg} (line {exc.lineno})")
    if not isinstance(schema, (dict, bool)):
        return _Loaded(error="SC007.invalid", detail="a schema is a JSON object")
    cls = validators.validator_for(schema, default=validators.Draft202012Validator)
    # The bundled schemas are checked by the test suite; checking them again costs every run.
    # A boolean schema (`true`, `false`) is always valid.
    if isinstance(schema, dict) and path.parent != bundled_schema_dir().resolve():
        try:
            cls.check_schema(schema)
        except SchemaError as exc:
            where = format_path(list(exc.absolute_path)) or "(root)"
            return _Loaded(error="SC007.invalid", detail=f"{where}: {exc.message}")

    def retrieve(uri: str) -> Resource:
        if not uri.startswith("file:"):
            raise _RemoteReference(uri)
        from urllib.parse import unquote, urlparse

        target = Path(unquote(urlparse(uri).path))
        contents = json.loads(target.read_text(encoding="utf-8"))
        return Resource.from_contents(contents, default_specification=DRAFT202012)

    if isinstance(schema, dict) and "$id" not in schema:
        schema = {"$id": path.as_uri(), **schema}
    # referencing's stubs declare the field `_retrieve` with attrs' `alias="retrieve"`, which
    # mypy's dataclass_transform support does not read: `retrieve=` is the documented keyword.
    registry: Registry = Registry(retrieve=retrieve)  # type: ignore[call-arg]
    validator = cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
    view = None
    if isinstance(schema, dict):
        view = SchemaView(schema, registry.resolver(base_uri=str(schema.get("$id", ""))))
    return _Loaded(validator=validator, view=view)


def check(doc: Document, store: SchemaStore) -> list[Diagnostic]:
    """Validate a page against its schema; [] when no schema applies.

    A page without front matter is validated (as an empty mapping) only when the configuration
    maps a schema to it: a page that must have front matter.
    """
    if doc.root is None and store.mapped(None, doc.path) is None:
        return []
    schema_path, chooser, problem = store.locate(doc)
    where = chooser.span if chooser is not None else doc.opening
    if problem is not None:
        return [
            Diagnostic.of(
                SCHEMA_PROBLEM, doc.path, where, problem, value=_show(doc.data.get("$schema"))
            )
        ]
    if schema_path is None:
        return []
    loaded = store.load(schema_path)
    name = _display_schema(schema_path)
    if loaded.error is not None:
        return [
            Diagnostic.of(
                SCHEMA_PROBLEM, doc.path, where, loaded.error, schema=name, detail=loaded.detail
            )
        ]
    assert loaded.validator is not None
    instance = {k: v for k, v in doc.data.items() if k != "$schema"}
    try:
        errors = list(loaded.validator.iter_errors(instance))
    except RecursionError:
        return [Diagnostic.of(SCHEMA_PROBLEM, doc.path, where, "SC007.recursion", schema=name)]
    except Exception as exc:  # referencing's Unresolvable and jsonschema's wrapper of it
        ref = getattr(exc, "ref", None) or getattr(exc, "uri", None) or str(exc)
        cause: BaseException | None = exc
        while cause is not None and not isinstance(cause, _RemoteReference):
            cause = cause.__cause__ or cause.__context__
        key = "SC007.remote-ref" if cause is not None else "SC007.ref"
        return [Diagnostic.of(SCHEMA_PROBLEM, doc.path, where, key, schema=name, ref=str(ref))]
    translator = _Translator(doc)
    for error in errors:
        translator.add(error)
    return translator.finish()


def _display_schema(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return path.name if path.parent == bundled_schema_dir().resolve() else str(path)


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
    """jsonschema errors -> diagnostics, deduplicated and placed on nodes."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.out: list[Diagnostic] = []
        self.seen: set[tuple] = set()

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

    def emit(self, rule: Rule, span: Span, path: tuple, msgid: str, /, **args: Any) -> None:
        ident = (rule.code, path, msgid, tuple(sorted(args.items())))
        if ident in self.seen:
            return
        self.seen.add(ident)
        args["path"] = format_path(path)
        self.out.append(Diagnostic.of(rule, self.doc.path, span, msgid, **args))

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

    def add(self, error: Any) -> None:
        from jsonschema.exceptions import best_match

        keyword = error.validator
        path = tuple(error.absolute_path)
        value = error.instance
        if keyword in ("anyOf", "oneOf") and error.context:
            # The branch meant is the one whose type the value has: prefer its errors.
            typed = [e for e in error.context if e.validator != "type"]
            best = best_match(typed or error.context)
            if best is not None:
                self.add(best)
                return
        if keyword == "required" and isinstance(value, dict):
            properties = (
                error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
            )
            for name in error.validator_value:
                if name not in value:
                    title = (
                        properties.get(name, {}).get("title")
                        if isinstance(properties.get(name), dict)
                        else None
                    )
                    self.emit(
                        MISSING,
                        self.key_span(path),
                        path,
                        "SC001" if not title else "SC001.title",
                        key=name,
                        title=title or "",
                    )
            return
        if keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(value, dict):
            schema = error.schema if isinstance(error.schema, dict) else {}
            allowed = list(schema.get("properties", {}))
            patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
            for name in value:
                if name in allowed or any(p.search(name) for p in patterns):
                    continue
                candidates = [a for a in allowed if a not in value] or allowed
                close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
                _node, key_node = self.node_at((*path, name))
                span = key_node.span if key_node is not None else self.value_span(path)
                if close:
                    self.emit(UNKNOWN, span, path, "SC002.suggest", key=name, suggestion=close[0])
                else:
                    self.emit(UNKNOWN, span, path, "SC002", key=name)
            return
        span = self.value_span(path)
        if keyword == "type":
            expected = error.validator_value
            expected = " | ".join(expected) if isinstance(expected, list) else str(expected)
            found = _json_type(value)
            if value is None:
                self.emit(WRONG_TYPE, span, path, "SC003.null", expected=expected)
            else:
                self.emit(
                    WRONG_TYPE,
                    span,
                    path,
                    "SC003",
                    expected=expected,
                    found=found,
                    value=_show(value),
                )
            return
        hint = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
        if keyword in ("pattern", "format") and isinstance(hint, str):
            rule = BAD_VALUE if keyword == "pattern" else BAD_FORMAT
            self.emit(rule, span, path, "SC006.hint", value=_show(value), hint=hint)
            return
        if keyword == "format":
            self.emit(
                BAD_FORMAT, span, path, "SC004", format=error.validator_value, value=_show(value)
            )
            return
        if keyword == "minLength" and isinstance(value, str):
            if value.strip() == "" and error.validator_value == 1:
                self.emit(EMPTY_VALUE, span, path, "SC005")
            else:
                self.emit(
                    EMPTY_VALUE,
                    span,
                    path,
                    "SC005.min",
                    minimum=error.validator_value,
                    length=len(value),
                )
            return
        if keyword == "pattern":
            self.emit(
                BAD_VALUE,
                span,
                path,
                "SC006.pattern",
                value=_show(value),
                pattern=error.validator_value,
            )
            return
        if keyword == "enum":
            options = [str(o) for o in error.validator_value]
            close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
            listed = ", ".join(f"`{o}`" for o in options)
            if close:
                self.emit(
                    BAD_VALUE,
                    span,
                    path,
                    "SC006.enum-suggest",
                    value=_show(value),
                    allowed=listed,
                    suggestion=close[0],
                )
            else:
                self.emit(BAD_VALUE, span, path, "SC006.enum", value=_show(value), allowed=listed)
            return
        if keyword == "const":
            self.emit(
                BAD_VALUE,
                span,
                path,
                "SC006.const",
                value=_show(value),
                expected=_show(error.validator_value),
            )
            return
        if keyword == "minItems" and isinstance(value, list):
            self.emit(
                BAD_VALUE,
                span,
                path,
                "SC006.min-items",
                minimum=error.validator_value,
                count=len(value),
            )
            return
        self.emit(BAD_VALUE, span, path, "SC006", detail=error.message)

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
