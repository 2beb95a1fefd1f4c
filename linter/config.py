"""The configuration: `.frontlint.toml` or `[tool.frontlint]` of a `pyproject.toml`, as one frozen
``Settings``. Found by walking up from the working directory; `--config PATH` names one;
`--isolated` ignores all. Every problem in the file (unknown key, wrong type, bad value) is a
``ConfigError`` that names the file, the line, the column and the key, with "did you mean" — the
CLI exits 2.

Command-line flags are applied over the file by ``Settings.override``: the file never reads flags.
"""

from __future__ import annotations

import difflib
import fnmatch
import functools
import json
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from linter.diagnostics import Severity, Span
from linter.paths import relative_path
from linter.records import cached, record
from linter.spec import Option

CONFIG_NAMES = (".frontlint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (
    ".git",
    "node_modules",
    "_site",
    "public",
    "resources",
    ".venv",
    "vendor",
    "static",
)


class ConfigError(Exception):
    """A located problem of the configuration file."""


@record
class Wild:
    """A wildcard of a field path: ``[*]`` any list item (``item``), ``*`` any key."""

    item: bool


Part = str | int | Wild
BODY = "body"
"""How ``[per-field-ignores]`` names the page's body (Decap CMS's name for it)."""


@record
class FieldIgnore:
    """One path of ``[per-field-ignores]``: ``code`` (a code, a prefix or `ALL`) is not reported
    at ``field`` (as written; ``parts`` parsed, None for the body) of the files ``glob`` matches.
    ``span``: where its code is written in the configuration file."""

    glob: str
    code: str
    field: str
    parts: tuple[Part, ...] | None
    span: Span

    def covers(self, at: tuple[str | int, ...] | str) -> bool:
        """Whether a diagnostic at ``at`` (a JSON path's parts, or ``BODY``) is in this field:
        the value itself or anything inside it."""
        if self.parts is None or isinstance(at, str):
            return self.parts is None and at == BODY
        if len(at) < len(self.parts):
            return False
        for want, part in zip(self.parts, at, strict=False):
            if isinstance(want, Wild):
                if want.item != isinstance(part, int):
                    return False
            elif want != part or isinstance(want, int) != isinstance(part, int):
                return False
        return True


class _FieldTree:
    """The field paths of the per-field ignores of one code, part by part: finding those that
    cover a diagnostic's path visits only the branches that can, not every entry (a pull request
    can write thousands). Of entries with the same path, only the first is kept: the others
    never ignore anything it does not (FL002 says so)."""

    __slots__ = ("any_item", "any_key", "body", "here", "keys")

    def __init__(self) -> None:
        self.here: int | None = None
        self.body: int | None = None
        self.keys: dict[str | int, _FieldTree] = {}
        self.any_key: _FieldTree | None = None
        self.any_item: _FieldTree | None = None

    def add(self, parts: tuple[Part, ...] | None, index: int) -> None:
        if parts is None:
            self.body = index if self.body is None else self.body
            return
        node = self
        for part in parts:
            if isinstance(part, Wild):
                child = node.any_item if part.item else node.any_key
                if child is None:
                    child = _FieldTree()
                    if part.item:
                        node.any_item = child
                    else:
                        node.any_key = child
            else:
                child = node.keys.get(part)
                if child is None:
                    child = node.keys[part] = _FieldTree()
            node = child
        node.here = index if node.here is None else node.here

    def covering(self, at: tuple[str | int, ...] | str) -> list[int]:
        """The entries that cover ``at`` (as ``FieldIgnore.covers`` tells)."""
        if isinstance(at, str):
            return [self.body] if at == BODY and self.body is not None else []
        found: list[int] = []
        todo: list[tuple[_FieldTree, int]] = [(self, 0)]
        while todo:
            node, depth = todo.pop()
            if node.here is not None:
                found.append(node.here)
            if depth < len(at):
                part = at[depth]
                wild = node.any_item if isinstance(part, int) else node.any_key
                for child in (node.keys.get(part), wild):
                    if child is not None:
                        todo.append((child, depth + 1))
        return found


_FIELD_KEY = re.compile(r"\*(?=[.\[]|$)|[^.\[\]\"'\s*]+")
_FIELD_INDEX = re.compile(r"""\[(?:([0-9]+)|(\*)|"((?:[^"\\]|\\.)*)"|'([^']*)')\]""")


def parse_field(text: str, body: bool = True) -> tuple[Part, ...] | None:
    """The parts of a field path: keys joined by `.`, `[n]` a list item, `*` any key, `[*]` any
    item, `["a.b"]` (or `['a.b']`) a key written as a JSON string (a dot, a space, a quote…);
    the output of ``yamltree.format_path`` reads back. ``body``: the word `body` alone is the
    page's body (None). Raises ``ValueError`` with why."""
    if body and text == BODY:
        return None
    if not text:
        raise ValueError("an empty path")
    parts: list[Part] = []
    i = 0
    while i < len(text):
        if text[i] == "[":
            index = _FIELD_INDEX.match(text, i)
            if index is None:
                raise ValueError(f'at character {i + 1}: expected `[0]`, `[*]` or `["key"]`')
            if index[1] is not None:
                parts.append(int(index[1]))
            elif index[2] is not None:
                parts.append(Wild(item=True))
            elif index[3] is not None:
                try:
                    parts.append(json.loads(f'"{index[3]}"'))
                except ValueError:
                    raise ValueError(f"at character {i + 1}: not a JSON string") from None
            else:
                parts.append(index[4])
            i = index.end()
            continue
        if parts:
            if text[i] != ".":
                raise ValueError(f"at character {i + 1}: expected `.` or `[`")
            i += 1
        key = _FIELD_KEY.match(text, i)
        if key is None:
            hint = '; write such a key `["…"]`' if i < len(text) else ""
            raise ValueError(f"at character {i + 1}: expected a key{hint}")
        parts.append(Wild(item=False) if key[0] == "*" else key[0])
        i = key.end()
    return tuple(parts)


@record
class Settings:
    select: tuple[str, ...] = ()
    """Codes or prefixes to report; empty: every rule."""
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity | None] = field(default_factory=dict)
    """Code or prefix -> severity; None: off."""
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    per_field_ignores: tuple[FieldIgnore, ...] = ()
    """``[per-field-ignores]``: (glob, code, field) entries, in file order."""
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    lang: str = "en"
    lang_set: bool = False
    """Whether the file names ``lang`` (else the sites' language decides: ``language.chosen``)."""
    fail_on: Severity = Severity.ERROR
    schema_dirs: tuple[Path, ...] | None = None
    schemas: tuple[tuple[str, Path], ...] = ()
    """(layout name or file glob, schema file), in file order."""
    base_url: str | None = None
    site_root: Path | None = None
    """``[site] root``: the site's folder, when it is not found from the checked paths."""
    site_language: str | None = None
    """``[site] language``: the language of pages whose site configuration names none."""
    cms_config: Path | None = None
    """``[site] cms-config``: the Decap CMS configuration, when not at its usual place."""
    jobs: int = 0
    """Processes that check the files (0: one a core; runs of few files use one)."""
    max_per_rule: int = 100
    """Diagnostics a rule reports at most in one page, then a note (0: no limit)."""
    options: Mapping[tuple[str, str], Any] = field(default_factory=dict)
    """The rules' options set by the file, by (table, key); see ``option``."""
    root: Path = field(default_factory=Path.cwd)
    """Where relative globs are anchored: the configuration file's folder, else the working one."""
    source: Path | None = None

    def option(self, option: Option) -> Any:
        """The value of one of the rules' options: the file's, else its default."""
        return self.options.get((option.table, option.key), option.default)

    def override(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def enabled(self, code: str, path: str | None = None) -> bool:
        """Whether ``code`` is reported (for ``path``): the most specific selector wins."""
        selected = self.select or ("",)
        chosen = _longest(code, (*selected, *self.extend_select))
        ignored = _longest(code, self.ignore)
        if path is not None and self.per_file_ignores:
            relative = self.relative(path)
            for pattern, codes in self.per_file_ignores:
                if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(
                    Path(relative).name, pattern
                ):
                    ignored = max(ignored, _longest(code, codes))
        off = _longest(code, tuple(k for k, v in self.severity.items() if v is None))
        if chosen == 0 and code in _opt_in() and not self._selects_all:
            return False  # an opt-in rule is selected by name, prefix or `ALL` only
        return chosen >= 0 and chosen > max(ignored, off)

    def field_ignores(self, path: str) -> tuple[int, ...]:
        """The indexes (in ``per_field_ignores``) of the entries whose glob matches ``path``."""
        if not self.per_field_ignores:
            return ()
        relative = self.relative(path)
        found: list[int] = []
        for glob, indexes in self._field_globs.items():  # each glob once, not once per entry
            if matches(relative, glob):
                found.extend(indexes)
        return tuple(sorted(found))

    @cached
    def _field_globs(self) -> dict[str, list[int]]:
        globs: dict[str, list[int]] = {}
        for i, entry in enumerate(self.per_field_ignores):
            globs.setdefault(entry.glob, []).append(i)
        return globs

    def field_ignored(
        self, entries: tuple[int, ...], code: str, at: tuple[str | int, ...] | str
    ) -> list[int]:
        """Which of ``entries`` ignore ``code`` at ``at`` (see ``FieldIgnore.covers``). As for
        ``ignore``, the most specific selector wins: an entry of `LK` does not beat
        ``select = ["LK004"]``, one of `LK004` does."""
        chosen = _longest(code, (*(self.select or ("",)), *self.extend_select))
        trees = self._field_trees.get(entries)
        if trees is None:  # (once per set of entries: the files their globs match alike)
            trees = self._field_trees[entries] = {}
            for i in entries:
                entry = self.per_field_ignores[i]
                trees.setdefault(entry.code, _FieldTree()).add(entry.parts, i)
        hits: list[int] = []
        for selector, tree in trees.items():
            if _longest(code, (selector,)) >= max(chosen, 0):
                hits += tree.covering(at)
        return sorted(hits)

    @cached
    def _field_trees(self) -> dict[tuple[int, ...], dict[str, _FieldTree]]:
        return {}

    @cached
    def _selects_all(self) -> bool:
        return any(s.strip().upper() == "ALL" for s in (*self.select, *self.extend_select))

    def severity_of(self, code: str) -> Severity | None:
        """The severity ``[severity]`` gives a code (the most specific prefix), if any."""
        best, chosen = -1, None
        for selector, level in self.severity.items():
            if code.startswith(selector) and len(selector) > best and level is not None:
                best, chosen = len(selector), level
        return chosen

    def relative(self, path: str) -> str:
        return relative_path(path, self.root)

    def excluded(self, path: str | os.PathLike[str]) -> bool:
        """Whether a path (file or folder, normal) matches ``exclude`` or ``extend-exclude``."""
        matcher = self._excluding
        text = os.fspath(path)
        return matcher is not None and bool(
            matcher.match(os.path.normcase(os.path.basename(text)))
            or matcher.match(os.path.normcase(self.relative(text)))
        )

    @cached
    def _excluding(self) -> re.Pattern[str] | None:
        """The globs of ``exclude`` and ``extend-exclude`` as one pattern (what ``fnmatch`` does
        for each: asked for every file and folder of the tree)."""
        globs = (*self.exclude, *self.extend_exclude)
        if not globs:
            return None
        return re.compile("|".join(f"(?:{fnmatch.translate(os.path.normcase(g))})" for g in globs))

    def schema_for(self, layout: str | None, path: str) -> Path | None:
        """The schema mapped by ``[schemas]`` to a page (by layout name, else by file glob)."""
        relative = self.relative(path)
        for key, schema in self.schemas:
            if (layout is not None and key == layout) or (
                any(c in key for c in "*?[/.") and fnmatch.fnmatch(relative, key)
            ):
                return schema
        return None


@functools.cache
def _opt_in() -> frozenset[str]:
    """The codes of the rules that are off unless selected (``Rule.opt_in``)."""
    from linter.rules import all_rules  # the rules import the settings' module

    return frozenset(code for rule in all_rules() if rule.opt_in for code in rule.codes)


def matches(relative: str, glob: str) -> bool:
    """Whether a file (its path relative to the configuration's folder) matches a glob of the
    configuration: its path, or its name alone."""
    return fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(relative.rpartition("/")[2], glob)


def unknown_code(code: str, known: frozenset[str]) -> str | None:
    """Why ``code`` selects no rule (with a "did you mean"), or None when it selects some."""
    upper = code.strip().upper()
    if upper == "ALL" or any(k.startswith(upper) for k in known):
        return None
    close = difflib.get_close_matches(upper, sorted(known), n=1, cutoff=0.6)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    return f"unknown rule code or prefix `{code}`{hint}"


def _longest(code: str, selectors: tuple[str, ...]) -> int:
    """Length of the longest selector that is a prefix of ``code`` (-1: none; `ALL` counts 0)."""
    best = -1
    for selector in selectors:
        selector = selector.strip().upper()
        if selector in ("ALL", "") or code.startswith(selector):
            best = max(best, 0 if selector in ("ALL", "") else len(selector))
    return best


# --- Reading the file.

_KEYS: dict[str, str] = {
    # key: expected kind (codes | globs | table-severity | table-globs | lang | severity | paths |
    # table-schemas | table-site | table-options: the tables of the rules' options)
    "select": "codes",
    "extend-select": "codes",
    "ignore": "codes",
    "severity": "table-severity",
    "per-file-ignores": "table-globs",
    "per-field-ignores": "table-fields",
    "exclude": "globs",
    "extend-exclude": "globs",
    "lang": "lang",
    "fail-on": "severity",
    "schema-dirs": "paths",
    "schemas": "table-schemas",
    "site": "table-site",
    "jobs": "jobs",
    "max-per-rule": "limit",
}
_SITE = {"base-url": "url", "root": "folder", "language": "language", "cms-config": "file"}


def _option_tables() -> dict[str, dict[str, Option]]:
    """The rules' options by table and key: each rule's spec declares its own."""
    from linter.rules import options

    tables: dict[str, dict[str, Option]] = {}
    for option in options():
        tables.setdefault(option.table, {})[option.key] = option
    return tables


MAX_CONFIG_BYTES = 1024 * 1024


def find(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` upwards (a pyproject.toml only with
    a [tool.frontlint] table). Only regular files count; a pyproject.toml is read only up to
    ``MAX_CONFIG_BYTES`` (one that cannot be read, or is larger, is returned: ``load`` says why)."""
    from linter.document import NotRegularFile, TooLarge, read_regular

    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            try:
                if not stat.S_ISREG(os.stat(candidate).st_mode):  # a pipe, a device: no file
                    continue
            except OSError:  # none there, a loop of links, a folder that cannot be searched
                continue
            if name == "pyproject.toml":
                try:
                    raw = read_regular(candidate, MAX_CONFIG_BYTES)
                except (OSError, NotRegularFile, TooLarge):
                    return candidate
                if b"[tool.frontlint" not in raw:
                    continue
            return candidate
    return None


def _read(path: Path, shown: str) -> str:
    """The text of a configuration file: a regular file of at most ``MAX_CONFIG_BYTES``, UTF-8,
    newlines read as ``\n`` (as ``Path.read_text`` would)."""
    from linter.document import NotRegularFile, TooLarge, read_regular

    cannot = f"{shown}: cannot read the configuration"
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES)
    except NotRegularFile:
        raise ConfigError(f"{cannot}: not a regular file") from None
    except TooLarge as exc:
        raise ConfigError(
            f"{cannot}: larger than {MAX_CONFIG_BYTES // 1024 // 1024} MiB ({exc.size} bytes)"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{cannot}: {exc.strerror or type(exc).__name__}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{cannot}: not UTF-8 (byte {exc.start + 1})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load(path: Path | None, known_codes: frozenset[str]) -> Settings:
    """Settings from a configuration file (None: the defaults)."""
    if path is None:
        return Settings()
    from linter import tomlkeys
    from linter.yamltree import LineIndex

    shown = _shown(path)
    text = _read(path, shown)
    from linter.document import TooComplex, load_toml

    try:
        data = load_toml(text)  # tomllib, refusing nesting and integers it would choke on
    except tomlkeys.TOMLDecodeError as exc:
        located = tomlkeys.error_position(exc)
        where = f"{shown}:{located[1]}:{located[2]}" if located else shown
        raise ConfigError(f"{where}: invalid TOML: {located[0] if located else exc}") from None
    except TooComplex as exc:
        line, column = LineIndex(text).position(exc.offset or 0)
        raise ConfigError(f"{shown}:{line}:{column}: too complex: {exc}") from None
    spans = tomlkeys.key_spans(text, 0, LineIndex(text))
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        prefix = ("tool", "frontlint")
        outer = _Reader(shown, spans, (), path.parent, known_codes)
        for depth in (1, 2):  # `tool`, then `tool.frontlint`: each must be a table
            data = data.get(prefix[depth - 1], {})
            if not isinstance(data, dict):
                raise outer.fail(prefix[:depth], f"expected a table, found {_kind(data)}")
    reader = _Reader(shown, spans, prefix, path.parent, known_codes)
    return reader.read(data, path)


def _shown(path: Path) -> str:
    try:
        return str(Path(os.path.realpath(path)).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class _Reader:
    def __init__(
        self, shown: str, spans: dict, prefix: tuple, folder: Path, codes: frozenset[str]
    ) -> None:
        self.shown = shown
        self.spans = spans
        self.prefix = prefix
        self.folder = folder
        self.codes = codes

    def fail(self, key_path: tuple, message: str) -> ConfigError:
        path = (*self.prefix, *key_path)
        while path and path not in self.spans:
            path = path[:-1]
        span = self.spans.get(path)
        line, column = (span.line, span.column) if span is not None else (1, 1)
        from linter.report import shown  # (keys and values from a pull request: shown, not obeyed)

        name = shown(".".join(map(str, key_path)))
        return ConfigError(f"{self.shown}:{line}:{column}: `{name}`: {shown(message)}")

    def unknown(self, key_path: tuple, allowed: list[str]) -> ConfigError:
        close = difflib.get_close_matches(str(key_path[-1]), allowed, n=1, cutoff=0.6)
        hint = f"; did you mean `{close[0]}`?" if close else f" (known keys: {', '.join(allowed)})"
        return self.fail(key_path, f"unknown key{hint}")

    def strings(self, key_path: tuple, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key_path, f"expected a list of strings, found {_kind(value)}")
        return tuple(value)

    def codes_of(self, key_path: tuple, value: Any) -> tuple[str, ...]:
        codes = self.strings(key_path, value)
        for code in codes:
            problem = unknown_code(code, self.codes)
            if problem:
                raise self.fail(key_path, problem)
        return tuple(c.strip().upper() for c in codes)

    def severity_of(self, key_path: tuple, value: Any, allow_off: bool = False) -> Severity | None:
        names = ["error", "warning", "info", *(["off"] if allow_off else [])]
        if not isinstance(value, str) or value.lower() not in names:
            raise self.fail(key_path, f"expected one of {', '.join(names)}, found {value!r}")
        return None if value.lower() == "off" else Severity.parse(value)

    def read(self, data: dict, source: Path) -> Settings:
        values: dict[str, Any] = {"root": self.folder, "source": source}
        tables = _option_tables()
        options: dict[tuple[str, str], Any] = {}
        for key, value in data.items():
            kind = _KEYS.get(key) or ("table-options" if key in tables else None)
            if kind is None:
                raise self.unknown((key,), [*_KEYS, *tables])
            if kind in ("table-site", "table-options") and isinstance(value, dict):
                for option in value:
                    if option not in tables.get(key, _SITE if key == "site" else {}):
                        elsewhere = [t for t, keys in tables.items() if option in keys]
                        if elsewhere:
                            hint = f"; it belongs to `[{elsewhere[0]}]`"
                            raise self.fail((key, option), f"unknown key{hint}")
            name = key.replace("-", "_")
            if kind == "codes":
                values[name] = self.codes_of((key,), value)
            elif kind == "globs":
                values[name] = self.strings((key,), value)
            elif kind == "paths":
                values[name] = tuple(self.folder / p for p in self.strings((key,), value))
            elif kind == "lang":
                if value not in ("en", "fr"):
                    raise self.fail((key,), f"expected `en` or `fr`, found {value!r}")
                values["lang"], values["lang_set"] = value, True
            elif kind == "severity":
                values["fail_on"] = self.severity_of((key,), value)
            elif kind == "jobs":
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 256:
                    raise self.fail(
                        (key,), f"expected a number of processes (0: one a core), found {value!r}"
                    )
                values["jobs"] = value
            elif kind == "limit":
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise self.fail(
                        (key,), f"expected a number of diagnostics (0: no limit), found {value!r}"
                    )
                values["max_per_rule"] = value
            elif not isinstance(value, dict):
                raise self.fail((key,), f"expected a table, found {_kind(value)}")
            elif kind == "table-severity":
                table = {}
                for code, level in value.items():
                    self.codes_of((key, code), [code])
                    table[code.upper()] = self.severity_of((key, code), level, allow_off=True)
                values["severity"] = table
            elif kind == "table-globs":
                values["per_file_ignores"] = tuple(
                    (glob, self.codes_of((key, glob), codes)) for glob, codes in value.items()
                )
            elif kind == "table-fields":
                values["per_field_ignores"] = self.field_ignores(key, value)
            elif kind == "table-schemas":
                schemas = []
                for target, schema in value.items():
                    if not isinstance(schema, str):
                        raise self.fail((key, target), f"expected a path, found {_kind(schema)}")
                    file = self.folder / schema
                    if not file.is_file():
                        raise self.fail((key, target), f"schema file `{schema}` not found")
                    schemas.append((target, file))
                values["schemas"] = tuple(schemas)
            elif kind == "table-site":
                for option, setting in value.items():
                    if option not in _SITE:
                        raise self.unknown((key, option), list(_SITE))
                    values.update(self.site((key, option), option, setting))
            else:
                for option, setting in value.items():
                    if option not in tables[key]:
                        raise self.unknown((key, option), list(tables[key]))
                    spec = tables[key][option]
                    options[(key, option)] = self.option((key, option), spec, setting)
        return Settings(**values, options=options)

    def field_ignores(self, key: str, value: dict) -> tuple[FieldIgnore, ...]:
        """``[per-field-ignores]``: glob -> { code -> [field paths] }."""
        entries = []
        for glob, table in value.items():
            if not isinstance(table, dict):
                hint = " (codes for a whole file go in `[per-file-ignores]`)"
                raise self.fail(
                    (key, glob), f"expected a table of codes, found {_kind(table)}{hint}"
                )
            for code, fields in table.items():
                where = (key, glob, code)
                (upper,) = self.codes_of(where, [code])
                if upper != "ALL" and all(
                    c.startswith(("FM", "FL")) for c in self.codes if c.startswith(upper)
                ):
                    raise self.fail(
                        where,
                        f"`{code}` is about a whole file, not a field: see `[per-file-ignores]`",
                    )
                span = self.span(where)
                for written in self.strings(where, fields):
                    try:
                        parts = parse_field(written)
                    except ValueError as exc:
                        raise self.fail(where, f"bad field path `{written}`: {exc}") from None
                    entries.append(FieldIgnore(glob, upper, written, parts, span))
        return tuple(entries)

    def span(self, key_path: tuple) -> Span:
        """Where a key is written (its nearest written ancestor's place)."""
        path = (*self.prefix, *key_path)
        while path and path not in self.spans:
            path = path[:-1]
        return self.spans.get(path) or Span(1, 1, 1, 1)

    def site(self, where: tuple, option: str, setting: Any) -> dict[str, Any]:
        """One key of ``[site]``, as the ``Settings`` field it sets."""
        if option == "base-url":
            from linter.site.model import valid_url

            if not isinstance(setting, str) or not valid_url(setting):
                raise self.fail(where, f"expected an absolute http(s) URL, found {setting!r}")
            return {"base_url": setting.rstrip("/")}
        if option == "root":
            if not isinstance(setting, str):
                raise self.fail(where, f"expected a folder, found {_kind(setting)}")
            folder = self.folder / setting
            # A pull request can change the configuration: the site stays in the repository
            # (checked first: whether a folder out of it exists is never told).
            if not Path(os.path.realpath(folder)).is_relative_to(os.path.realpath(self.folder)):
                raise self.fail(where, f"folder `{setting}` is outside the configuration's folder")
            if not os.path.isdir(folder):
                raise self.fail(where, f"folder `{setting}` not found")
            return {"site_root": folder}
        if option == "cms-config":
            if not isinstance(setting, str):
                raise self.fail(where, f"expected a file, found {_kind(setting)}")
            file = self.folder / setting
            # Whether a path out of the repository exists is never told: that check first.
            if not Path(os.path.realpath(file)).is_relative_to(os.path.realpath(self.folder)):
                raise self.fail(where, f"file `{setting}` is outside the configuration's folder")
            if not os.path.isfile(file):  # (never raises: a name too long is "not found")
                raise self.fail(where, f"file `{setting}` not found")
            return {"cms_config": file}
        if not isinstance(setting, str) or not re.fullmatch(
            r"[a-zA-Z]{2}([-_][a-zA-Z]+)?", setting
        ):
            raise self.fail(
                where, f"expected a language code such as `fr` or `en`, found {setting!r}"
            )
        return {"site_language": setting[:2].lower()}

    def option(self, where: tuple, spec: Option, setting: Any) -> Any:
        """A rule's option, checked against the kind its spec declares."""
        if spec.kind == "strings":
            strings = self.strings(where, setting)
            return tuple(s.lower() for s in strings) if spec.lower else strings
        if spec.kind == "bool":
            if not isinstance(setting, bool):
                raise self.fail(where, f"expected true or false, found {_kind(setting)}")
            return setting
        if isinstance(setting, bool) and str(setting).lower() in spec.choices:
            return str(setting).lower()  # a choice that was a yes/no once (`numeric-dates`)
        if setting not in spec.choices:
            close = difflib.get_close_matches(str(setting), spec.choices, n=1)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            raise self.fail(where, f"expected one of {', '.join(spec.choices)}{hint}")
        return setting


def _kind(value: Any) -> str:
    return {
        bool: "a boolean", int: "a number", float: "a number", str: "a string",
        list: "a list", dict: "a table",
    }.get(type(value), type(value).__name__)  # fmt: skip
