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
from linter.page import Page

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
    schema_dirs: tuple[Path, ...] | None = None


@dataclass(frozen=True)
class Result:
    diagnostics: tuple[Diagnostic, ...]
    files_checked: int


def _internal(path: str, where: str, exc: BaseException) -> Diagnostic:
    detail = f"{type(exc).__name__}: {exc}"
    return Diagnostic.of(INTERNAL, path, Span(1, 1, 1, 1), "FL001", where=where, detail=detail)


def check_file(
    file: Path, path: str, store: schema.SchemaStore, options: Options, rules: tuple[Rule, ...]
) -> list[Diagnostic]:
    try:
        doc, found = read_document(file, path)
    except Exception as exc:
        return [_internal(path, "reading", exc)]
    if doc is None:
        return found
    try:
        found.extend(schema.check(doc, store))
        page = Page(doc, options.today, store.applied(doc))
    except Exception as exc:
        found.append(_internal(path, "schema validation", exc))
        page = Page(doc, options.today, None)
    # A value its schema already rejects is reported once, by the schema: the site's own word.
    rejected = [(d.span.start, d.span.end) for d in found if d.code in schema.VALUE_CODES]
    for rule in rules:
        try:
            for diagnostic in rule.check(page):  # type: ignore[misc]
                if not any(a <= diagnostic.span.start < b for a, b in rejected):
                    found.append(diagnostic)
        except Exception as exc:
            found.append(_internal(path, f"rule {rule.code}", exc))
    return found


def run(files: list[tuple[Path, str]], options: Options) -> Result:
    from linter.rules import content_rules

    store = schema.SchemaStore(options.schema_dirs)
    rules = tuple(rule for rule in content_rules() if rule.check is not None)
    diagnostics: list[Diagnostic] = []
    for file, path in files:
        diagnostics.extend(check_file(file, path, store, options, rules))
    diagnostics.sort(key=Diagnostic.sort_key)
    return Result(tuple(diagnostics), len(files))
