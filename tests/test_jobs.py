"""`--jobs`: several processes check the files, and the report is byte for byte the one of a
single process (the real site: 712 pages, FM011, calendars, per-field ignores)."""

from __future__ import annotations

import datetime
import json
import os
import re

import pytest

from linter import engine
from tests.conftest import CORPUS, TODAY, run, spy

SUMMARY = (
    "528 errors, 228 warnings, 1 info in 407 files (714 checked; 711 validated by a schema, 3 "
    "without)"
)
# The first and the last diagnostic of the corpus, as concise rows.
FIRST = (
    "apply-seed.md:33:53: PH002 steps.dates[2].desc: stale placeholder `seront communiquées "
    "prochainement`: juin-juillet 2024 started on 1 June 2024"
)
LAST = "eig-site/site/content/team.md:10:1: SC002 unknown key `introAlumni`"


def pinned(fmt: str, out: str) -> tuple[object, ...]:
    """What a report of the corpus says, whatever its format: how many diagnostics, and the
    first and the last."""
    if fmt == "json":
        found = json.loads(out)["diagnostics"]
        rows = [f"{d['path']}:{d['line']}:{d['column']}: {d['code']} {d['message']}" for d in found]
        return len(rows), rows[0], rows[-1]
    if fmt == "sarif":
        found = json.loads(out)["runs"][0]["results"]
        rows = []
        for result in found:
            where = result["locations"][0]["physicalLocation"]
            rows.append(
                f"{where['artifactLocation']['uri']}:{where['region']['startLine']}:"
                f"{where['region']['startColumn']}: {result['ruleId']} {result['message']['text']}"
            )
        return len(rows), rows[0], rows[-1]
    lines = out.splitlines()
    if fmt == "markdown":  # (the table of the rules: a row a code, with its count)
        counts = re.findall(r"^\| `[A-Z]{2}\d{3}` [a-z-]+ \| (\d+) \|$", out, re.MULTILINE)
        return len(counts), sum(map(int, counts)), lines[:3]
    return lines[0], lines[-2:]


@pytest.mark.parametrize(
    ("fmt", "said"),
    [
        ("json", (757, FIRST, LAST)),  # (753 of the site, 4 of the seed)
        ("full", (
            "apply-seed.md:33:53: error PH002 [stale-placeholder] Sprint 3 — desc: stale "
            "placeholder `seront communiquées prochainement`: juin-juillet 2024 started on 1 June "
            "2024",
            [SUMMARY, "136 fixable with `--fix` (60 more with `--unsafe-fixes`)"],
        )),
        ("markdown", (17, 757, ["## frontlint", "", SUMMARY])),
        ("sarif", (757, FIRST, LAST)),
    ],
)  # fmt: skip
def test_the_report_is_the_same_with_one_or_several_processes(fmt, said, monkeypatch):
    monkeypatch.chdir(CORPUS)
    pools = spy(monkeypatch, engine, "_in_parallel", lambda work, jobs: jobs)
    one = run("check", "--format", fmt, "--lang", "en", "--today", TODAY, "--jobs", "1", ".")
    assert pools == []  # (one process: no workers)
    two = run("check", "--format", fmt, "--lang", "en", "--today", TODAY, "--jobs", "2", ".")
    assert pools == [2]  # (the files were checked by two processes)
    assert one[0] == two[0] == 1
    assert one[1] == two[1]
    assert pinned(fmt, one[1]) == said


def test_per_field_ignores_are_judged_over_every_process(tmp_path, monkeypatch):
    assert engine.PARALLEL_FROM < 120
    monkeypatch.chdir(tmp_path)
    for i in range(120):  # (more than engine.PARALLEL_FROM)
        (tmp_path / f"p{i:03}.md").write_text(f"---\ntitle: Le {i}ème\n---\n", encoding="utf-8")
    (tmp_path / ".frontlint.toml").write_text(
        '[per-field-ignores]\n"p0*.md" = { TY001 = ["title"] }\n"p1*.md" = { TY001 = ["nope"] }\n',
        encoding="utf-8",
    )
    outputs = {
        jobs: run("check", "--format", "concise", "--today", TODAY, "--jobs", jobs, ".")
        for jobs in ("1", "2")
    }
    assert outputs["1"] == outputs["2"]
    lines = outputs["1"][1].splitlines()
    assert lines[0] == (
        ".frontlint.toml:3:14: FL002 unused ignore in `.frontlint.toml`: `TY001` at `nope` of "
        "`p1*.md` ignores nothing"
    )
    assert [line.split(":")[0] for line in lines[1:-1]] == [f"p{i:03}.md" for i in range(100, 120)]


def test_jobs_in_the_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".frontlint.toml").write_text("jobs = -1\n", encoding="utf-8")
    code, out = run("check", ".")
    assert code == 2
    assert "jobs" in out and "expected a number of processes (0: one a core), found -1" in out


def test_what_pages_share_is_built_before_the_workers_start(monkeypatch):
    # engine._prepare: the workers inherit the sites' URL index and the CMS relations' targets
    # (the same ones the pages' checks build) instead of each building them; a run whose rules
    # need neither builds neither.
    from linter import filter as filtering
    from linter import schema
    from linter.config import Settings
    from linter.discover import discover
    from linter.site import Sites

    monkeypatch.chdir(CORPUS)

    def built(settings: Settings, do) -> list[list[str]]:
        sites = Sites()
        files = discover(["."], settings, sites=sites)
        options = engine.Options(datetime.date(2025, 9, 19), settings=settings, sites=sites)
        store = schema.SchemaStore(settings.schema_dirs, settings.schema_for)
        store.derive = engine._cms_schema(sites)
        do(engine._Work(files, store, options, None, filtering.Ignores(settings, sites)))
        return [
            sorted(key.replace("\0", "|") for key in site.cache.get("references", {}))
            + [key for key in site.cache if key == "index"]
            for site in sites._known
            if site.generator == "hugo"
        ]

    prepared = built(Settings(), engine._prepare)
    assert prepared == built(Settings(), lambda work: engine._check_files(work, 0, len(work.files)))
    assert prepared == [
        [f"relation|{name}|None|title" for name in
         ("articles", "categories", "defis", "expertises", "personnes", "promos", "themes")]
        + ["index"]
    ]  # fmt: skip
    assert built(Settings(select=("FM", "SC")), engine._prepare) == [[]]


def test_what_pages_share_is_read_by_the_workers_of_a_parallel_run(monkeypatch):
    # engine.spread: preparing with two workers reads the pages' URLs and the relations' values
    # in forked processes, and builds what one process builds.
    from linter import filter as filtering
    from linter import schema
    from linter.config import Settings
    from linter.discover import discover
    from linter.site import Sites

    monkeypatch.chdir(CORPUS)
    spreads = []
    spread = engine.spread
    monkeypatch.setattr(
        engine,
        "spread",
        lambda function, items: spreads.append(len(items)) or spread(function, items),
    )

    def prepared(jobs: int) -> list[tuple[object, ...]]:
        settings = Settings()
        sites = Sites()
        files = discover(["."], settings, sites=sites)
        options = engine.Options(datetime.date(2025, 9, 19), settings=settings, sites=sites)
        store = schema.SchemaStore(settings.schema_dirs, settings.schema_for)
        engine._prepare(
            engine._Work(files, store, options, None, filtering.Ignores(settings, sites)), jobs
        )
        return [
            (site.cache["references"], site.cache["index"].urls, site.cache["index"].page_urls)
            for site in sites._known
            if site.generator == "hugo"
        ]

    one = prepared(1)
    # The site's pages, then the files of each collection a relation names (those of 64 files
    # or more are read by workers: engine.PARALLEL_FROM).
    assert spreads == [1594, 712, 431, 11, 132, 8, 62, 22, 27]
    assert prepared(2) == one
    assert len(one) == 1
    assert len(one[0][1]) == 1576
    assert engine._SPREAD == []


def test_spread_uses_workers_only_while_a_parallel_run_prepares(monkeypatch):
    here = os.getpid()
    items = list(range(100))
    assert engine.spread(lambda x: (x * x, os.getpid()), items) == [(x * x, here) for x in items]
    monkeypatch.setattr(engine, "_SPREAD", [2])
    results = engine.spread(lambda x: (x * x, os.getpid()), items)
    assert [square for square, _pid in results] == [x * x for x in items]
    assert here not in {pid for _square, pid in results}
    assert engine._SPREAD == [2]
    few = engine.spread(lambda x: os.getpid(), items[: engine.PARALLEL_FROM - 1])
    assert set(few) == {here}


def test_preparing_reads_no_cms_configuration_the_pages_would_not(tmp_path, monkeypatch):
    # references.prepare reads the Decap configuration to find its relations: its problems are
    # reported only when a page needs it (here every page has its own schema), with any jobs.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.toml").write_text('baseURL = "https://exemple.fr/"\n', encoding="utf-8")
    (tmp_path / "static" / "admin").mkdir(parents=True)
    (tmp_path / "static" / "admin" / "config.yml").write_text(
        "collections: [\n  - name: : bad\n", encoding="utf-8"
    )
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "post.schema.json").write_text(
        '{"type": "object", "properties": {"title": {"type": "string"}}}', encoding="utf-8"
    )
    (tmp_path / "content").mkdir()
    for i in range(70):  # (more than engine.PARALLEL_FROM)
        (tmp_path / "content" / f"p{i:02}.md").write_text(
            f"---\nlayout: post\ntitle: Page {i}\n---\n", encoding="utf-8"
        )
    outputs = {
        jobs: run("check", "--format", "concise", "--lang", "en", "--today", TODAY, "--jobs",
                  jobs, "--fail-on", "info", ".")
        for jobs in ("1", "2")
    }  # fmt: skip
    assert (
        outputs["1"]
        == outputs["2"]
        == (0, "No problems found in 70 files (all validated by a schema)\n")
    )
