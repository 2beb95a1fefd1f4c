"""Runs every check over the pages and gathers their diagnostics, sorted and deterministic.

Each file is checked in isolation: whatever goes wrong inside a check (a bug of ours) becomes an
FL001 diagnostic on that file, and the run goes on with the next check and the next file.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from pathlib import Path

from linter import schema, suppress
from linter.config import Settings
from linter.diagnostics import Diagnostic, Rule, Severity, Span
from linter.document import Document, read_document
from linter.page import Page
from linter.rules.sequences import Calendar
from linter.rules.sequences import calendars as sequence_calendars

INTERNAL = Rule(
    "FL001",
    "internal-error",
    Severity.ERROR,
    "frontlint itself failed on this file (a bug: please report it).",
    """What it checks: nothing; it reports that a check of frontlint crashed on this file. The
other checks of the file, and the other files, were still run.

Why: a bug of frontlint should never hide the problems it can still find, nor stop the run.

Example: any page on which a check raises an unexpected exception.

Fix: report the message and the page to the frontlint developers; `--ignore FL001` is not the
fix.""",
    summary_fr="frontlint lui-même a échoué sur ce fichier (un bogue : merci de le signaler).",
    doc_fr="""\
Ce qui est vérifié : rien ; cette règle signale qu’une vérification de frontlint a planté
sur ce fichier. Les autres vérifications du fichier, et les autres fichiers, ont bien été faites.

Pourquoi : un bogue de frontlint ne doit ni cacher les problèmes qu’il sait encore trouver, ni
arrêter l’analyse.

Exemple : toute page sur laquelle une vérification lève une exception inattendue.

Correction : signaler le message et la page aux développeurs de frontlint ; `--ignore FL001`
n’est pas la solution.""",
)


@dataclass(frozen=True)
class Options:
    today: datetime.date
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True)
class Result:
    diagnostics: tuple[Diagnostic, ...]
    files_checked: int
    calendars: tuple[Calendar, ...] = ()
    """The dated sequences met on the way, for reports that draw them."""


def _internal(path: str, where: str, exc: BaseException) -> Diagnostic:
    detail = f"{type(exc).__name__}: {exc}"
    return Diagnostic.of(INTERNAL, path, Span(1, 1, 1, 1), "FL001", where=where, detail=detail)


def check_file(
    file: Path,
    path: str,
    store: schema.SchemaStore,
    options: Options,
    rules: tuple[Rule, ...],
    calendars: list[Calendar] | None = None,
) -> list[Diagnostic]:
    """Every diagnostic of one file, after its suppressions and the configuration's filter."""
    try:
        doc, found = read_document(file, path)
    except Exception as exc:
        return [_internal(path, "reading", exc)]
    if doc is not None:
        found.extend(_check_document(doc, store, options, rules, calendars))
        try:
            found = suppress.apply(doc, found)
        except Exception as exc:
            found.append(_internal(path, "suppressions", exc))
    return _configured(found, options.settings, path)


def _check_document(
    doc: Document,
    store: schema.SchemaStore,
    options: Options,
    rules: tuple[Rule, ...],
    calendars: list[Calendar] | None,
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    try:
        found.extend(schema.check(doc, store))
        page = Page(doc, options.today, store.applied(doc), options.settings)
    except Exception as exc:
        found.append(_internal(doc.path, "schema validation", exc))
        page = Page(doc, options.today, None, options.settings)
    # A value its schema already rejects is reported once, by the schema: the site's own word.
    rejected = [(d.span.start, d.span.end) for d in found if d.code in schema.VALUE_CODES]
    for rule in rules:
        try:
            for diagnostic in rule.check(page):  # type: ignore[misc]
                if not any(a <= diagnostic.span.start < b for a, b in rejected):
                    found.append(diagnostic)
        except Exception as exc:
            found.append(_internal(doc.path, f"rule {rule.code}", exc))
    if calendars is not None and page.schema:
        try:
            calendars.extend(sequence_calendars(page))
        except Exception as exc:
            found.append(_internal(doc.path, "calendar", exc))
    return found


def _configured(found: list[Diagnostic], settings: Settings, path: str) -> list[Diagnostic]:
    """Selection, per-file ignores and severity overrides of the configuration."""
    kept = []
    for diagnostic in found:
        if not settings.enabled(diagnostic.code, path):
            continue
        severity = settings.severity_of(diagnostic.code)
        kept.append(replace(diagnostic, severity=severity) if severity else diagnostic)
    return kept


def run(files: list[tuple[Path, str]], options: Options) -> Result:
    from linter.rules import content_rules

    settings = options.settings
    store = schema.SchemaStore(settings.schema_dirs, settings.schema_for)
    rules = tuple(rule for rule in content_rules() if rule.check is not None)
    diagnostics: list[Diagnostic] = []
    calendars: list[Calendar] = []
    for file, path in files:
        diagnostics.extend(check_file(file, path, store, options, rules, calendars))
    diagnostics.sort(key=Diagnostic.sort_key)
    return Result(tuple(diagnostics), len(files), tuple(calendars))
