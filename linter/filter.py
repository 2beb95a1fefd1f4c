"""The one stage that decides what is reported: rules only find problems.

Before the checks: the plan of a file, which checks run (a rule none of whose codes is selected
for it is not run at all); it is the same for every file unless per-file ignores are set. After
them, in this order: precedence between rules (a problem is reported once, by the rule whose
spec ``supersedes`` the other on the same characters — the schema's verdict on a value over
every content rule), inline suppressions, then the configuration (selection, per-file ignores,
per-field ignores, severity overrides).

Per-field ignores (``[per-field-ignores]``, which survive a CMS that drops comments) are judged
over a whole run (``Ignores``): an entry is unused when it matched a checked file on which its
code ran, ignored nothing in any of them, and every page its glob matches was checked (a partial
run, pre-commit on one file, says nothing of the others).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from linter import suppress
from linter.config import BODY, Settings, matches, parse_field
from linter.diagnostics import Diagnostic
from linter.document import Document
from linter.markdown import Ranges
from linter.records import record
from linter.rules import all_rules, by_code, content_rules
from linter.rules.core import UNUSED
from linter.spec import Rule


@record
class Plan:
    """What runs on a file: its content checks, whether its schema is validated, and every code
    those can report (``ran``: what an unused suppression is judged against)."""

    checks: tuple[Rule, ...]
    validate: bool
    ran: frozenset[str]
    superseding: frozenset[str] = frozenset()
    """The checks one of whose codes supersedes others' (RF005; LK011's, which reports LK014):
    first in ``checks``."""


def plan(settings: Settings, path: str) -> Plan:
    """The plan of ``path``: a rule none of whose codes is selected for it is not run."""
    checks = tuple(
        rule for rule in content_rules() if any(settings.enabled(c, path) for c in rule.codes)
    )
    schema_codes = [r.code for r in all_rules() if r.code.startswith("SC")]
    validate = any(settings.enabled(code, path) for code in schema_codes)
    always = (r.code for r in all_rules() if r.core and not r.code.startswith("SC"))
    ran = frozenset(always).union(
        *(rule.codes for rule in checks), schema_codes if validate else ()
    )
    specs = by_code()
    superseding = frozenset(
        rule.code for rule in checks if any(specs[code].supersedes for code in rule.codes)
    )
    # They run first (reports are sorted: the order of the checks shows nowhere).
    checks = tuple(sorted(checks, key=lambda rule: rule.code not in superseding))
    return Plan(checks, validate, ran, superseding)


@dataclass
class Ignores:
    """The per-field ignores over one run: which ignored something (``used``), which matched a
    file on which their code ran (``applied``), and every file of the run (``seen``, relative to
    the configuration's folder). ``sites``: the run's, to tell pages from other files."""

    settings: Settings
    sites: Any = None
    used: set[int] = field(default_factory=set)
    applied: set[int] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)

    def file(
        self,
        doc: Document | None,
        path: str,
        ran: frozenset[str],
        entries: tuple[int, ...],
        stopped: frozenset[str] = frozenset(),
    ) -> None:
        """Record a file of the run, and which of ``entries`` (those whose glob matches it)
        apply to it: their code ran on it, and no check their code covers stopped early."""
        settings = self.settings
        if settings.per_field_ignores:  # (else never asked: not held for every file of a run)
            self.seen.add(settings.relative(path))
        if doc is None:
            return  # not read: no rule ran on its fields
        for i in entries:
            if i in self.applied:
                continue
            code = settings.per_field_ignores[i].code
            if any(code == "ALL" or c.startswith(code) for c in stopped):
                continue
            if any(
                (code == "ALL" or c.startswith(code)) and settings.enabled(c, path) for c in ran
            ):
                self.applied.add(i)

    def unused(self) -> list[Diagnostic]:
        """One FL002 (``FL002.config``) per unused entry, at its code in the configuration."""
        entries = self.settings.per_field_ignores
        candidates = sorted(self.applied - self.used)
        if not candidates or self.settings.source is None:
            return []
        partial = self._partial({entries[i].glob for i in candidates})
        config = _shown(str(self.settings.source))
        found = []
        for i in candidates:
            entry = entries[i]
            if entry.glob in partial:
                continue
            found.append(
                Diagnostic.of(
                    UNUSED,
                    config,
                    entry.span,
                    "FL002.config",
                    config=os.path.basename(config),
                    glob=entry.glob,
                    code=entry.code,
                    field=entry.field,
                )
            )
        return _configured(found, self.settings, config)

    def _partial(self, globs: set[str]) -> set[str]:
        """The globs that match a page this run did not check (one walk of the configuration's
        folder, as discovery walks it; only when an entry would be reported). A path without a
        wildcard matched its one file: nothing to walk for it."""
        from linter.discover import MissingPath, discover

        walked = {g for g in globs if "/" not in g or any(c in g for c in "*?[")}
        if not walked:
            return set()
        try:
            pages = discover([_shown(str(self.settings.root))], self.settings, sites=self.sites)
        except MissingPath:
            return set()
        partial: set[str] = set()
        for _file, shown in pages:
            relative = self.settings.relative(shown)
            if relative not in self.seen:
                partial.update(g for g in walked - partial if matches(relative, g))
                if partial == walked:
                    break
        return partial


def _shown(path: str) -> str:
    """A path as reports show it: from the working folder when inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def decide(
    doc: Document | None,
    found: list[Diagnostic],
    settings: Settings,
    path: str,
    ran: frozenset[str],
    ignores: Ignores | None = None,
    stopped: frozenset[str] = frozenset(),
) -> list[Diagnostic]:
    """What is reported of ``found``; ``ran`` is every code whose check ran on the file to its
    end, ``stopped`` those of the checks stopped at the limit (``engine._limited``): what could
    suppress or ignore one of them is not judged unused; ``ignores``: the run's per-field
    ignores, which this file uses or not."""
    kept = _precedence(found)
    if doc is not None:
        kept = suppress.apply(doc, kept, ran, stopped)
    entries = settings.field_ignores(path)
    if ignores is not None and ignores.settings is not settings:
        ignores = None  # another run's settings: not for this run to judge
    if ignores is not None and settings.per_field_ignores:
        ignores.file(doc, path, ran, entries, stopped)
    return _configured(kept, settings, path, ignores, entries)


def reporter(
    doc: Document, found: list[Diagnostic], settings: Settings, path: str
) -> Callable[[Diagnostic], bool]:
    """Whether ``decide`` would report a diagnostic found after ``found`` (whose diagnostics
    that supersede others, read as the list grows, are the only ones it weighs it against),
    judged alone and without side effects: what ``engine._limited`` counts."""
    rules = by_code()
    winners: dict[str, list[tuple[int, int]]] = {}
    spans: dict[str, Ranges] = {}  # (rebuilt when read after its code won again: ``dirty``)
    dirty: set[str] = set()
    read = 0  # how much of ``found`` (which grows as checks run) was read for winners
    # (The suppressions and per-field ignores are read at the first diagnostic: most pages
    # have none.)
    covered: Callable[[Diagnostic], bool] | None = None
    entries: tuple[int, ...] = ()

    def superseded(diagnostic: Diagnostic, loser: Rule) -> bool:
        nonlocal read
        for d in found[read:]:
            if d.path == path and d.code in rules and rules[d.code].supersedes:
                winners.setdefault(d.code, []).append((d.span.start, d.span.end))
                dirty.add(d.code)
        read = len(found)
        for code, places in winners.items():
            if _supersedes(rules[code], loser):
                if code in dirty:
                    spans[code] = Ranges(sorted(places))
                    dirty.discard(code)
                if spans[code].contains(diagnostic.span.start):
                    return True
        return False

    def reported(diagnostic: Diagnostic) -> bool:
        nonlocal covered, entries
        if covered is None:
            covered, entries = suppress.covering(doc), settings.field_ignores(path)
        loser = rules.get(diagnostic.code)
        if loser is not None and superseded(diagnostic, loser):
            return False
        return not covered(diagnostic) and bool(
            _configured([diagnostic], settings, path, None, entries)
        )

    return reported


def _supersedes(winner: Rule, loser: Rule) -> bool:
    return any(
        (prefix == "content" and not loser.core) or loser.code.startswith(prefix)
        for prefix in winner.supersedes
    )


def _precedence(found: list[Diagnostic]) -> list[Diagnostic]:
    rules = by_code()
    winners = [d for d in found if d.code in rules and rules[d.code].supersedes]
    if not winners:
        return found
    # The winners' spans per (path, code), bisected: one look-up per group, not per winner.
    groups: dict[tuple[str, str], list[Diagnostic]] = {}
    for w in winners:
        groups.setdefault((w.path, w.code), []).append(w)
    spans = {key: Ranges([(w.span.start, w.span.end) for w in ws]) for key, ws in groups.items()}
    kept = []
    for diagnostic in found:
        loser = rules.get(diagnostic.code)
        if loser is not None and any(
            path == diagnostic.path
            and _supersedes(rules[code], loser)
            and (
                any(  # the diagnostic is a winner of this group: the others only
                    w is not diagnostic and w.span.start <= diagnostic.span.start < w.span.end
                    for w in groups[(path, code)]
                )
                if diagnostic.code == code and diagnostic.path == path
                else spans[(path, code)].contains(diagnostic.span.start)
            )
            for path, code in groups
        ):
            continue
        kept.append(diagnostic)
    return kept


def _configured(
    found: list[Diagnostic],
    settings: Settings,
    path: str,
    ignores: Ignores | None = None,
    entries: tuple[int, ...] = (),
) -> list[Diagnostic]:
    """Selection, per-file ignores, per-field ignores (``entries``: those whose glob matches
    ``path``) and severity overrides."""
    kept = []
    ignored: dict[tuple[str, Any], bool] = {}  # (code, field) -> ignored: each looked up once
    for diagnostic in found:
        if not settings.enabled(diagnostic.code, path):
            continue
        at = _field(diagnostic) if entries else None
        if at is not None:
            hit = ignored.get((diagnostic.code, at))
            if hit is None:
                hits = settings.field_ignored(entries, diagnostic.code, at)
                if hits and ignores is not None:
                    ignores.used.update(hits)
                hit = ignored[(diagnostic.code, at)] = bool(hits)
            if hit:
                continue
        severity = settings.severity_of(diagnostic.code)
        kept.append(replace(diagnostic, severity=severity) if severity else diagnostic)
    return kept


def _field(diagnostic: Diagnostic) -> tuple[str | int, ...] | str | None:
    """Where a diagnostic is, as ``[per-field-ignores]`` names it: the JSON path of its value
    (content rules and the schema's diagnostics carry it as ``path``; SC001 and SC002 name the
    mapping, and the key missing or unknown in it as ``key``: the path is the key's), ``BODY``
    for the body (a content rule's empty path), None when it is about no value (a whole file)."""
    args = dict(diagnostic.message.args)
    path = args.get("path")
    if not isinstance(path, str):
        return None
    schema = diagnostic.code.startswith("SC")
    if path == "" and not schema:
        return BODY
    parts = _parts(path)
    if parts is None:
        return None
    key = args.get("key")
    if diagnostic.code in ("SC001", "SC002") and isinstance(key, str):
        parts = (*parts, key)
    return parts


@functools.lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[str | int, ...] | None:
    """A diagnostic's JSON path (``yamltree.format_path``) as its parts (no wildcard in it)."""
    if path == "":
        return ()
    try:
        parsed = parse_field(path, body=False)
    except ValueError:
        return None
    if parsed is None or not all(isinstance(p, (str, int)) for p in parsed):
        return None
    return tuple(p for p in parsed if isinstance(p, (str, int)))
