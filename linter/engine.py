"""Runs the checks over the pages and gathers their diagnostics, sorted and deterministic.

Each file is checked in isolation: whatever goes wrong inside a check (a bug of ours) becomes an
FL001 diagnostic on that file, and the run goes on with the next check and the next file. The
engine knows no rule family: which checks run and what is reported is ``filter``'s decision;
what reporters draw (calendars) comes from the families' collectors, by name.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from linter import filter, schema
from linter.config import Settings
from linter.diagnostics import Diagnostic, Span, message
from linter.discover import shown_paths
from linter.document import Document, parse_text, read_document
from linter.page import Page
from linter.paths import real_path
from linter.records import forget_long, record
from linter.rules import collectors
from linter.rules.core import INTERNAL
from linter.site import Sites

if TYPE_CHECKING:
    from linter.cache import Cache


@record
class Options:
    today: datetime.date
    settings: Settings = field(default_factory=Settings)
    collect: bool = False
    """Whether to run the families' collectors (only reports that draw need them)."""
    sites: Sites | None = None
    """The sites of the run (what a page's URLs, links and language are judged against)."""
    texts: Mapping[str, str] = field(default_factory=dict)
    """Texts to check instead of the files' (by shown path): a file's fixed text, in memory."""
    online: Any = None
    """The online link checks of the run (``linter.online.Online``, ``--online``): None
    offline, when the rules that need the network (``Rule.online``) do not run."""
    jobs: int = 1
    """Processes that check the files (``PARALLEL_FROM`` files at least; see ``run``)."""
    cache: Cache | None = None
    """Results of the files of an unchanged tree (``linter.cache``); None: check everything."""


@record
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
    ran, stopped = plan.ran, frozenset[str]()
    if doc is not None:
        checked, skipped, stopped = _check_document(doc, store, options, plan, collected)
        forget_long()  # (what a huge page's values gave is not kept for the next page)
        if counts is not None and store.choice(doc).path is not None:
            counts["validated"] = counts.get("validated", 0) + 1
        found.extend(checked)
        ran = ran - skipped
    try:
        return filter.decide(doc, found, settings, path, ran, ignores, stopped)
    except Exception as exc:
        return [*found, _internal(path, "filter", exc)]


def _check_document(
    doc: Document,
    store: schema.SchemaStore,
    options: Options,
    plan: filter.Plan,
    collected: dict[str, list[Any]] | None,
) -> tuple[list[Diagnostic], frozenset[str], frozenset[str]]:
    """The diagnostics of a document, the codes of the checks that did not run on it (a rule
    for another language than the page's), and those of the checks stopped at the limit."""
    found: list[Diagnostic] = []
    site, real, lang = None, "", "fr"
    try:
        real = real_path(doc.file)
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
    page = Page(doc, options.today, view, options.settings, site, real, lang, options.online)
    skipped: set[str] = set()
    stopped: set[str] = set()
    limit = options.settings.max_per_rule
    reported = None
    try:
        reported = filter.reporter(doc, found, options.settings, doc.path) if limit else None
    except Exception as exc:
        found.append(_internal(doc.path, "filter", exc))
    # The checks one of whose codes supersedes others (``Plan.superseding``: first in the plan)
    # run to their end: the limit weighs the others against all of their diagnostics.
    for rule in plan.checks:
        if (rule.language is not None and rule.language != lang) or (
            rule.online and options.online is None
        ):
            skipped.update(rule.codes)
            continue
        try:
            assert rule.check is not None  # a plan holds content rules only
            produced = rule.check(page)
            if rule.form and page.copies:
                produced = (d for d in produced if _at(d) not in page.copies)
            if reported is None or rule.code in plan.superseding:
                found.extend(produced)  # (a check that supersedes others runs to its end)
            elif _limited(produced, limit, found, reported, rule.codes):
                stopped.update(rule.codes)  # (its suppressions further on are not judged)
        except Exception as exc:
            found.append(_internal(doc.path, f"rule {rule.code}", exc))
    if collected is not None:
        for name, collect in collectors():
            try:
                collected.setdefault(name, []).extend(collect(page))
            except Exception as exc:
                found.append(_internal(doc.path, name, exc))
    return found, frozenset(skipped), frozenset(stopped)


def _limited(
    produced: Iterable[Diagnostic],
    limit: int,
    found: list[Diagnostic],
    reported: Callable[[Diagnostic], bool],
    codes: tuple[str, ...],
) -> bool:
    """Adds to ``found`` the diagnostics of one check on one page until ``limit`` of them would
    be reported and, when one more would be, in its place a note of the check (its ``codes``,
    and the code, severity and place of that one) and True: the check is stopped there.

    ``reported`` is the filter stage's verdict (``filter.reporter``): the diagnostics that a
    suppression, the schema's verdict or the configuration hides do not count, so that a
    thousand suppressed lines do not hide the one left. (A page of a hundred thousand `7ème`
    would cost seconds to report, and no one reads the ten-thousandth; the rest are found once
    these are fixed.)"""
    count = 0
    for diagnostic in produced:
        if reported(diagnostic):
            count += 1
            if count > limit:
                where = {k: v for k, v in diagnostic.message.args if k in ("path", "label")}
                named = ", ".join(f"`{code}`" for code in codes)
                note = message("limit", codes=named, limit=limit, **where)
                found.append(replace(diagnostic, message=note, fix=None))
                return True
        found.append(diagnostic)
    return False


def _at(diagnostic: Diagnostic) -> Any:
    """The JSON path of the value a content rule's diagnostic is on (``TextValue.diagnostic``)."""
    return dict(diagnostic.message.args).get("path")


PARALLEL_FROM = 64
"""Fewer files are checked in the process itself: starting workers costs more than it saves
(a pre-commit run is one to a few pages)."""


def _fork() -> Any:
    """Workers are forked: they inherit the run (settings, sites, schemas) instead of receiving
    it pickled, and the site model each builds is its own. Where there is no fork (Windows), one
    process checks everything (None). (multiprocessing is imported only for a run that may use
    workers: 8 ms of a pre-commit hook's start.)"""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


@dataclass
class _Work:
    files: Sequence[tuple[Path, str]]
    store: schema.SchemaStore
    options: Options
    shared: filter.Plan | None
    ignores: filter.Ignores
    digests: list[str | None] | None = None
    """The hash of each file's bytes, when the run computed them first (``_to_check``)."""


@dataclass
class _Part:
    """What checking some of the files gave: diagnostics in file order, and what the run adds
    up (counts, collected items, FM011 of sites' configurations, per-field ignores' use)."""

    diagnostics: list[Diagnostic]
    counts: dict[str, int]
    collected: dict[str, list[Any]]
    late: list[Diagnostic]
    used: set[int]
    applied: set[int]
    seen: set[str]
    cached: dict[str, tuple[str, Any]] = field(default_factory=dict)
    """The cache entries this part made (a worker's cache is its own copy)."""


def _check_files(work: _Work, start: int, end: int) -> _Part:
    options = work.options
    cache = options.cache
    collected: dict[str, list[Any]] | None = {} if options.collect else None
    counts: dict[str, int] = {}
    found: list[Diagnostic] = []
    late: list[Diagnostic] = []
    ignores = replace(work.ignores, used=set(), applied=set(), seen=set())
    paths = shown_paths(work.files)  # (a `Path` is made only for a file the cache misses)
    for index in range(start, end):
        path = paths[index]
        if work.digests is not None:
            digest = work.digests[index]
        else:
            digest = cache.digest(path) if cache is not None else None
        if cache is not None and digest is not None:
            hit = cache.get(path, digest)
            if hit is not None:
                found.extend(hit.diagnostics)
                counts["validated"] = counts.get("validated", 0) + hit.validated
                late.extend(hit.late)
                ignores.used.update(hit.used)
                ignores.applied.update(hit.applied)
                if options.settings.per_field_ignores:
                    ignores.seen.add(options.settings.relative(path))
                continue
        used, applied = set(ignores.used), set(ignores.applied)
        validated = counts.get("validated", 0)
        site, asked = None, 0
        if cache is not None and digest is not None and options.sites is not None:
            site = options.sites.of(real_path(path))
            asked = site.cache.get("cms-asked", 0)
        diagnostics = check_file(
            work.files[index][0], path, work.store, options, collected, work.shared, counts,
            ignores,
        )  # fmt: skip
        found.extend(diagnostics)
        fresh = options.sites.pending() if options.sites is not None else []
        late.extend(fresh)
        if cache is not None and digest is not None:
            from linter.cache import Entry  # (a run without the cache does not import it)

            # (What a run of this page alone reports of its site, not what this run met first
            # with it: any page of the site, any command line, says the same from the cache.)
            own = []
            if site is not None and options.sites is not None:
                own = options.sites.problems_of(site, site.cache.get("cms-asked", 0) > asked)
            entry = Entry(
                diagnostics, counts.get("validated", 0) - validated, own,
                sorted(ignores.used - used), sorted(ignores.applied - applied),
            )  # fmt: skip
            cache.put(path, digest, entry)
    if options.sites is not None:
        late.extend(options.sites.pending())
    part = _Part(found, counts, collected or {}, late, ignores.used, ignores.applied, ignores.seen)
    part.cached = dict(cache.fresh) if cache is not None else {}
    return part


_WORK: list[_Work] = []
"""The run a forked worker inherits (set just before the pool starts)."""


def _chunk(bounds: tuple[int, int]) -> _Part:
    return _check_files(_WORK[0], *bounds)


T = TypeVar("T")
R = TypeVar("R")

_SPREAD: list[Any] = []
"""While a parallel run prepares (``_prepare``): its number of workers, then the function that
``spread``'s forked workers inherit."""


def spread(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[function(item) for item in items]``: over the run's worker processes while a parallel
    run prepares what its checks share (``Rule.prepare``: reading every page for the site's
    URLs or a relation's values is most of it), in this process otherwise. ``function`` runs in
    forked workers: it may be a closure (they inherit it); its results travel pickled."""
    jobs = _SPREAD[0] if _SPREAD else 1
    if jobs < 2 or len(items) < PARALLEL_FROM or len(_SPREAD) != 1:
        return [function(item) for item in items]
    from concurrent.futures import ProcessPoolExecutor

    size = max(8, -(-len(items) // (jobs * 4)))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    _SPREAD.append(function)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_fork()) as pool:
            return [result for part in pool.map(_spread_chunk, chunks) for result in part]
    finally:
        del _SPREAD[1:]


def _spread_chunk(items: Sequence[Any]) -> list[Any]:
    return [_SPREAD[1](item) for item in items]


def _prepare(work: _Work, jobs: int = 1) -> None:
    """What the selected checks share across pages and would each build on first need
    (``Rule.prepare``: the URL index of the pages' sites, their CMS relations' targets), built
    before the workers start: they inherit it instead of each building it again (at 5,000
    pages, a second of CPU time a worker). What fails here is met again, and reported, by the
    pages' checks."""
    sites = work.options.sites
    checks = (work.shared or filter.plan(work.options.settings, "")).checks
    prepares = list(dict.fromkeys(r.prepare for r in checks if r.prepare is not None))
    if sites is None or not prepares:
        return

    folders: dict[str, str] = {}  # a folder of pages -> one of them (the pages' sites)
    for shown in shown_paths(work.files):
        folders.setdefault(os.path.dirname(shown), shown)
    _SPREAD[:] = [jobs]
    try:
        for site in dict.fromkeys(sites.of(real_path(shown)) for shown in folders.values()):
            for prepare in prepares:
                prepare(site)
    except Exception:  # (each page's check meets it, and reports it where it belongs)
        return
    finally:
        _SPREAD.clear()


def _in_parallel(work: _Work, jobs: int) -> list[_Part]:
    """The files in contiguous chunks, several per worker (a slow page does not hold one
    worker's whole share), gathered in file order: the output is the one of a single process."""
    from concurrent.futures import ProcessPoolExecutor

    _prepare(work, jobs)
    count = len(work.files)
    size = max(8, -(-count // (jobs * 4)))
    bounds = [(start, min(start + size, count)) for start in range(0, count, size)]
    _WORK[:] = [work]
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_fork()) as pool:
            return list(pool.map(_chunk, bounds))
    finally:
        _WORK.clear()


def _cms_schema(sites: Sites) -> Any:
    """The schema of a page's Decap CMS collection, from its site's configuration."""
    from linter.site import cms

    def derive(doc: Document) -> Any:
        return cms.schema_for(sites.of(real_path(doc.file)), doc)

    return derive


def prefetch(
    files: Sequence[tuple[Path, str]], options: Options, store: schema.SchemaStore | None = None
) -> None:
    """The online phase (``--online``), once per run, before any page is judged: every page's
    rules that need the network name the URLs they want (``Online.collecting``), then every
    URL is fetched at once (deduplicated across pages, hosts in parallel); the checks of the
    run then read the answers like any other fact, so that suppressions, precedence, per-field
    ignores and fixes treat them as the other rules' diagnostics."""
    online = options.online
    if online is None or online.fetched:
        return
    settings = options.settings
    if store is None:
        store = schema.SchemaStore(settings.schema_dirs, settings.schema_for)
        if options.sites is not None:
            store.derive = _cms_schema(options.sites)
    for file, path in files:
        full = filter.plan(settings, path)
        checks = tuple(rule for rule in full.checks if rule.online)
        if checks:
            codes = frozenset().union(*(r.codes for r in checks))
            plan = filter.Plan(checks, False, codes, full.superseding)
            check_file(file, path, store, options, None, plan)  # (what it finds: nothing yet)
    online.fetch()


def _to_check(work: _Work) -> int:
    """How many files the cache does not answer (all of them without a cache). When it may answer
    most, every file's hash is computed first, so that a run of cache hits starts no workers."""
    cache = work.options.cache
    if cache is None:
        return len(work.files)

    paths = shown_paths(work.files)
    unknown = sum(1 for path in paths if path not in cache.entries)
    if unknown >= PARALLEL_FROM:
        return unknown  # (the workers hash their own files)
    work.digests = [cache.digest(path) for path in paths]
    return sum(
        1
        for path, digest in zip(paths, work.digests, strict=True)
        if digest is None or cache.entries.get(path, ("",))[0] != digest
    )


def run(
    files: Sequence[tuple[Path, str]], options: Options, problems: Sequence[Diagnostic] = ()
) -> Result:
    """Check ``files``; ``problems``: what discovery could not follow or list (FM006), reported
    through the same filter."""
    settings = options.settings
    store = schema.SchemaStore(settings.schema_dirs, settings.schema_for)
    if options.sites is not None:
        store.derive = _cms_schema(options.sites)
    if options.online is not None and not options.online.fetched:
        prefetch(files, options, store)
    diagnostics: list[Diagnostic] = []
    ignores = filter.Ignores(settings, options.sites)  # [per-field-ignores]: judged per run
    for problem in problems:
        diagnostics.extend(filter.decide(None, [problem], settings, problem.path, frozenset()))
    # Without per-file ignores, every file has the same plan: make it once.
    shared = None if settings.per_file_ignores else filter.plan(settings, "")
    work = _Work(files, store, options, shared, ignores)
    if options.jobs > 1 and _to_check(work) >= PARALLEL_FROM and _fork() is not None:
        parts = _in_parallel(work, options.jobs)
    else:
        parts = [_check_files(work, 0, len(files))]
    counts: dict[str, int] = {}
    collected: dict[str, list[Any]] | None = {} if options.collect else None
    late: dict[Diagnostic, None] = {}  # (in order, once: each process reports what it met)
    for part in parts:
        diagnostics.extend(part.diagnostics)
        for name, count in part.counts.items():
            counts[name] = counts.get(name, 0) + count
        for name, items in part.collected.items():
            if collected is not None:
                collected.setdefault(name, []).extend(items)
        late.update(dict.fromkeys(part.late))
        ignores.used |= part.used
        ignores.applied |= part.applied
        ignores.seen |= part.seen
        if options.cache is not None:
            options.cache.fresh.update(part.cached)
            options.cache.entries.update(part.cached)
    if late:  # the sites' configurations that could not be used (FM011)
        for problem in late:
            diagnostics.extend(filter.decide(None, [problem], settings, problem.path, frozenset()))
        problems = [*problems, *late]
    diagnostics.extend(ignores.unused())
    diagnostics.sort(key=Diagnostic.sort_key)
    if options.cache is not None:
        options.cache.save()
    gathered = {name: tuple(items) for name, items in (collected or {}).items()}
    considered = len(files) + len({p.path for p in problems} - set(shown_paths(files)))
    validated = counts.get("validated", 0)
    return Result(tuple(diagnostics), considered, validated, gathered)
