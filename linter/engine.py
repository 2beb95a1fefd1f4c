"""Runs every check over the pages and gathers their diagnostics, sorted and deterministic.

Each file is checked in isolation: whatever goes wrong inside a check (a bug of ours) becomes an
FL001 diagnostic on that file, and the run goes on with the next check and the next file.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from linter import schema
from linter.diagnostics import Diagnostic, Rule, Severity, Span
from linter.document import read_document

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
)


@dataclass(frozen=True)
class Options:
    today: datetime.date
    schema_dirs: tuple[Path, ...] | None = None


@dataclass(frozen=True)
class Result:
    diagnostics: tuple[Diagnostic, ...]
    files_checked: int


def _internal(path: str, where: str, exc: BaseException) -> Diagnostic:
    detail = f"{type(exc).__name__}: {exc}"
    return Diagnostic.of(INTERNAL, path, Span(1, 1, 1, 1), "FL001", where=where, detail=detail)


def check_file(file: Path, path: str, store: schema.SchemaStore) -> list[Diagnostic]:
    try:
        doc, found = read_document(file, path)
    except (Exception, RecursionError) as exc:
        return [_internal(path, "reading", exc)]
    if doc is None:
        return found
    try:
        found.extend(schema.check(doc, store))
    except (Exception, RecursionError) as exc:
        found.append(_internal(path, "schema validation", exc))
    return found


def run(files: list[tuple[Path, str]], options: Options) -> Result:
    store = schema.SchemaStore(options.schema_dirs)
    diagnostics: list[Diagnostic] = []
    for file, path in files:
        diagnostics.extend(check_file(file, path, store))
    diagnostics.sort(key=Diagnostic.sort_key)
    return Result(tuple(diagnostics), len(files))
