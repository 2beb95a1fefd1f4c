"""Runs the checks over the pages and gathers their diagnostics, sorted and deterministic.

Each file is checked in isolation: whatever goes wrong inside a check (a bug of ours) becomes an
FL001 diagnostic on that file, and the run goes on with the next check and the next file. The
engine knows no rule family: which checks run and what is reported is ``filter``'s decision;
what reporters draw (calendars) comes from the families' collectors, by name.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter import filter, schema
from linter.config import Settings
from linter.diagnostics import Diagnostic, Span
from linter.document import Document, parse_text, read_document
from linter.page import Page
from linter.rules import collectors
from linter.rules.core import INTERNAL
from linter.site import Sites


@dataclass(frozen=True)
class Options:
    today: datetime.date
    settings: Settings = field(default_factory=Settings)
    collect: bool = False
    """Whether to run the families' collectors (only reports that draw need them)."""
    sites: Sites | None = None
    """The sites of the run (what a page's URLs, links and language are judged against)."""
    texts: Mapping[str, str] = field(default_factory=dict)
    """Texts to check instead of the files' (by shown path): a file's fixed text, in memory."""


@dataclass(frozen=True)
class Result:
    diagnostics: tuple[Diagnostic, ...]
    files_checked: int
    files_validated: int = 0
    """The pages that had a schema (their own, a layout's, a mapped one, their CMS collection's)."""
    collected: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    """What the collectors gathered, by name (``calendars``: the dated sequences met)."""


def _internal(path: str, where: str, exc: BaseException) -> Diagnostic:
    detail = f"{type(exc).__name__}: {exc}"
    return Diagnostic.of(INTERNAL, path, Span(1, 1, 1, 1), "FL001", where=where, detail=detail)


def check_file(
    file: Path,
    path: str,
    store: schema.SchemaStore,
    options: Options,
    collected: dict[str, list[Any]] | None = None,
    plan: filter.Plan | None = None,
    counts: dict[str, int] | None = None,
    ignores: filter.Ignores | None = None,
) -> list[Diagnostic]:
    """Every diagnostic of one file that the filter stage keeps."""
    settings = options.settings
    plan = plan or filter.plan(settings, path)
    try:
        if path in options.texts:
            doc, found = parse_text(options.texts[path], file, path)
        else:
            doc, found = read_document(file, path)
    except Exception as exc:
        found = [_internal(path, "reading", exc)]
        return filter.decide(None, found, settings, path, plan.ran, ignores)
    ran = plan.ran
    if doc is not None:
        checked, skipped = _check_document(doc, store, options, plan, collected)
        if counts is not None and store.choice(doc).path is not None:
            counts["validated"] = counts.get("validated", 0) + 1
        found.extend(checked)
        ran = ran - skipped
    try:
        return filter.decide(doc, found, settings, path, ran, ignores)
    except Exception as exc:
        return [*found, _internal(path, "filter", exc)]


def _check_document(
    doc: Document,
    store: schema.SchemaStore,
    options: Options,
    plan: filter.Plan,
    collected: dict[str, list[Any]] | None,
) -> tuple[list[Diagnostic], frozenset[str]]:
    """The diagnostics of a document, and the codes of the checks that did not run on it (a
    rule for another language than the page's)."""
    found: list[Diagnostic] = []
    site, real, lang = None, "", "fr"
    try:
        real = os.path.realpath(doc.file)
        if options.sites is not None:
            site = options.sites.of(real)
            lang = site.language(real, doc.data)
    except Exception as exc:
        found.append(_internal(doc.path, "site model", exc))
    view = None
    try:
        if plan.validate:
            found.extend(schema.check(doc, store))
        view = store.applied(doc)
    except Exception as exc:
        found.append(_internal(doc.path, "schema validation", exc))
    page = Page(doc, options.today, view, options.settings, site, real, lang)
    skipped: set[str] = set()
    for rule in plan.checks:
        if rule.language is not None and rule.language != lang:
            skipped.update(rule.codes)
            continue
        try:
            assert rule.check is not None  # a plan holds content rules only
            if rule.form and page.copies:
                found.extend(d for d in rule.check(page) if _at(d) not in page.copies)
            else:
                found.extend(rule.check(page))
        except Exception as exc:
            found.append(_internal(doc.path, f"rule {rule.code}", exc))
    if collected is not None:
        for name, collect in collectors():
            try:
                collected.setdefault(name, []).extend(collect(page))
            except Exception as exc:
                found.append(_internal(doc.path, name, exc))
    return found, frozenset(skipped)


def _at(diagnostic: Diagnostic) -> Any:
    """The JSON path of the value a content rule's diagnostic is on (``TextValue.diagnostic``)."""
    return dict(diagnostic.message.args).get("path")


def _cms_schema(sites: Sites) -> Any:
    """The schema of a page's Decap CMS collection, from its site's configuration."""
    from linter.site import cms

    def derive(doc: Document) -> Any:
        return cms.schema_for(sites.of(os.path.realpath(doc.file)), doc)

    return derive


def run(
    files: list[tuple[Path, str]], options: Options, problems: Sequence[Diagnostic] = ()
) -> Result:
    """Check ``files``; ``problems``: what discovery could not follow or list (FM006), reported
    through the same filter."""
    settings = options.settings
    store = schema.SchemaStore(settings.schema_dirs, settings.schema_for)
    if options.sites is not None:
        store.derive = _cms_schema(options.sites)
    diagnostics: list[Diagnostic] = []
    ignores = filter.Ignores(settings, options.sites)  # [per-field-ignores]: judged per run
    for problem in problems:
        diagnostics.extend(filter.decide(None, [problem], settings, problem.path, frozenset()))
    collected: dict[str, list[Any]] | None = {} if options.collect else None
    # Without per-file ignores, every file has the same plan: make it once.
    shared = None if settings.per_file_ignores else filter.plan(settings, "")
    counts: dict[str, int] = {}
    for file, path in files:
        diagnostics.extend(
            check_file(file, path, store, options, collected, shared, counts, ignores)
        )
    if options.sites is not None:  # the sites' configurations that could not be used (FM011)
        late = options.sites.pending()
        for problem in late:
            diagnostics.extend(filter.decide(None, [problem], settings, problem.path, frozenset()))
        problems = [*problems, *late]
    diagnostics.extend(ignores.unused())
    diagnostics.sort(key=Diagnostic.sort_key)
    gathered = {name: tuple(items) for name, items in (collected or {}).items()}
    considered = len(files) + len({p.path for p in problems} - {path for _file, path in files})
    validated = counts.get("validated", 0)
    return Result(tuple(diagnostics), considered, validated, gathered)
