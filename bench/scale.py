"""Fast at any size: frontlint against its peers on replicated copies of the real site.

    python bench/scale.py [--pages 5000 50000] [--quick] [--runs 3] [--keep] [--profile]

For each size, builds a corpus in a temporary folder (never in ../shared): a copy of the real
site ../shared/corpus/eig-site (Hugo configuration, layouts, data, static/admin/config.yml, the
Decap CMS schemas) whose 712 pages are kept and replicated, beside their originals, to N pages:
`<name>-v<k>.md`, the title given the copy's number, `url:` made unique, runs of list items
shuffled — no two pages alike. Section indexes (`_index.md`) are not replicated. The apply page
(`layout: apply`, validated by the bundled schemas/apply.schema.json) is replicated like the
others.

Then runs, interleaved (one of each per round, `--runs` rounds; A B C A B C…), in the corpus's
root as pre-commit and CI do, each in a fresh process:

- frontlint, all rules, `--no-cache`, `--jobs 1` and the default jobs (one a core);
- frontlint `--select FM,SC --no-cache` (schema only);
- frontlint with its cache: cold (`.frontlint_cache/` removed), then the same run again (warm);
- frontlint on a page with an internal link (its check builds the site's URL index): without
  cache, and with the cache after a commit (a new state of the tree: the sites' facts kept by the
  cold run answer for the pages that did not change); figures, not a target;
- frontlint on the apply page alone (`--no-cache`), `python -c pass`, `check-jsonschema --version`
  (frontlint's modules are compiled to bytecode first, as `pip install` does: an editable install
  under PYTHONDONTWRITEBYTECODE would compile them from source at every start);
- check-jsonschema (with ruamel.yaml.clib), one process per schema, one after the other, on the
  front matter of every page extracted to a `.yaml` file before any timing. A page's schema is
  the one frontlint applies: the bundled `<layout>.schema.json` (the apply page), else its Decap
  collection's, derived by frontlint's own `linter.site.decap` (what `frontlint schemas export`
  prints; the keys other collections filter on, which frontlint also allows, aside); a page of
  no collection gets `{}`, so that it is still read and parsed;
- the parse floor (bench/parse_floor.py): read every page, split its front matter, parse it with
  ruamel.yaml's C loader — nothing else.

Every command runs under GNU time (`/usr/bin/time -f %M`: the max RSS of the measured process
and its children, not of this script); wall time around the process, CPU time (user + sys of it
and its children) from `os.wait4`. Prints medians, the four targets of issue 13 as ratios with
PASS/FAIL, and the machine's core count. `--profile`: also profile frontlint (all rules,
`--jobs 1`) on the smallest corpus with cProfile and print the 15 functions of frontlint's own
code with the most cumulative time.

The peers are optional (`pip install '.[bench]'`): a missing one is reported, and only the
ratios that need it are skipped. Exits with status 2 when the shared corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT.parent / "shared" / "corpus" / "eig-site"
CONTENT = Path("site") / "content"
APPLY = CONTENT / "participer" / "candidats" / "postuler.md"
LINKING = CONTENT / "cookies.md"
"""A page with an internal link (`/img/…`): its check builds the site's URL index."""
DECAP = Path("site") / "static" / "admin" / "config.yml"
TODAY = "2025-09-19"
BIN = Path(sys.executable).parent
TIME = Path("/usr/bin/time")
INSTALL = "(pip install '.[bench]')"

# ── The corpus ────────────────────────────────────────────────────────────────────────────────


def front_matter(text: str) -> tuple[int, int] | None:
    """(start, end) of a page's YAML front matter (between the first two `---` lines)."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    return (4, end + 1) if end >= 0 else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _extent(lines: list[str], index: int) -> int:
    """The index after the top-level key at ``index`` and its continuation lines."""
    end = index + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > 0):
        end += 1
    while end > index + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _suffixed(lines: list[str], key: str, change: Callable[[str], str]) -> None:
    """Apply ``change`` to the text of the top-level ``key``'s value (its last line, before the
    closing quote of a quoted scalar)."""
    for index, line in enumerate(lines):
        if not line.startswith(f"{key}:"):
            continue
        last = _extent(lines, index) - 1
        value = lines[index][len(key) + 1 :].strip()
        text = lines[last].rstrip()
        if value[:1] in "\"'" and text.endswith(value[0]) and (last > index or len(value) > 1):
            lines[last] = change(text[:-1]) + value[0]
        elif value or last > index:
            lines[last] = change(text)
        return


_ITEM = re.compile(r"( *)- \S")


def _shuffle_lists(lines: list[str], rng: random.Random) -> None:
    """Shuffle every run of one-line list items (same indentation, nothing nested under them)."""
    index = 0
    while index < len(lines):
        match = _ITEM.match(lines[index])
        if not match:
            index += 1
            continue
        width, end = len(match.group(1)), index
        while end < len(lines):
            item = _ITEM.match(lines[end])
            if not item or len(item.group(1)) != width:
                break
            end += 1
        simple = end == len(lines) or _indent(lines[end]) <= width
        items = lines[index:end]
        if simple and end - index > 1 and not any(i.rstrip().endswith(":") for i in items):
            rng.shuffle(items)
            lines[index:end] = items
        index = max(end, index + 1)


def replica(text: str, copy: int, rng: random.Random) -> str:
    """The page ``text`` as its copy number ``copy``: title numbered, `url` made unique, list
    items shuffled."""
    span = front_matter(text)
    if span is None:
        return text + f"\n<!-- {copy} -->\n"
    start, end = span
    lines = text[start:end].split("\n")
    _suffixed(lines, "title", lambda t: f"{t} {copy}")
    _suffixed(lines, "url", lambda t: f"{t.rstrip('/')}-{copy}" + ("/" if t.endswith("/") else ""))
    _shuffle_lists(lines, rng)
    return text[:start] + "\n".join(lines) + text[end:]


@dataclass
class Corpus:
    root: Path
    pages: list[Path]
    """Every page, relative to ``root``."""


def build(folder: Path, count: int, seed: int = 13) -> Corpus:
    """The real site with its pages replicated to ``count`` pages, in ``folder``."""
    content = SITE / CONTENT
    shutil.copytree(
        SITE, folder, ignore=lambda d, names: ["content"] if d == str(SITE / "site") else []
    )
    originals = sorted(p.relative_to(SITE) for p in content.rglob("*.md"))
    if count < len(originals):
        raise SystemExit(f"scale.py: --pages must be at least {len(originals)} (the real site)")
    pages: list[Path] = []
    texts: dict[Path, str] = {}
    for page in originals:
        texts[page] = (SITE / page).read_text(encoding="utf-8")
        (folder / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SITE / page, folder / page)
        pages.append(page)
    pool = [page for page in originals if page.name != "_index.md"]
    rng = random.Random(seed)
    for extra in range(count - len(originals)):
        source = pool[extra % len(pool)]
        copy = extra // len(pool) + 2
        page = source.with_name(f"{source.stem}-v{copy}.md")
        if page in texts:  # an original of that name: never overwritten
            raise SystemExit(f"scale.py: {page} is both an original page and a copy's name")
        (folder / page).write_text(replica(texts[source], copy, rng), encoding="utf-8")
        pages.append(page)
    return Corpus(folder, pages)


# ── The check-jsonschema peer: front matter extracted, a schema per page ──────────────────────


@dataclass
class Peer:
    folder: Path
    groups: list[tuple[str, list[str]]] = field(default_factory=list)
    """(schema file, instance files), relative to ``folder``."""
    counts: dict[str, int] = field(default_factory=dict)


def extract(corpus: Corpus, folder: Path) -> Peer:
    """Write each page's front matter to a `.yaml` file and the schema frontlint applies to it
    (see the module's documentation), grouped by schema."""
    from ruamel.yaml import YAML

    from linter.schema import bundled_schema_dir
    from linter.site import decap

    yaml = YAML(typ="safe", pure=False)
    config = decap.load(corpus.root / DECAP, corpus.root)
    bundled = {
        p.name[: -len(".schema.json")]: p for p in bundled_schema_dir().glob("*.schema.json")
    }
    (folder / "fm").mkdir(parents=True)
    (folder / "schemas").mkdir()
    peer = Peer(folder)
    by_schema: dict[str, tuple[str, list[str]]] = {}
    for number, page in enumerate(corpus.pages):
        text = (corpus.root / page).read_text(encoding="utf-8")
        span = front_matter(text)
        if span is None:
            continue
        instance = f"fm/{number}.yaml"
        (folder / instance).write_text(text[span[0] : span[1]], encoding="utf-8")
        try:
            data = yaml.load(text[span[0] : span[1]])
        except Exception:
            data = None
        data = data if isinstance(data, dict) else {}
        layout = data.get("layout")
        kind: str
        if isinstance(layout, str) and layout in bundled:
            key, kind = f"bundled:{layout}", f"bundled {layout}.schema.json"
            schema: Any = json.loads(bundled[layout].read_text(encoding="utf-8"))
        else:
            found = decap.collection_of(config, page.as_posix(), data) if config else None
            schema = found[1] if found and found[1] else {}
            kind = f"Decap {found[0].name}" if found and schema else "none ({})"
            key = json.dumps(schema, sort_keys=True, default=str)
        if key not in by_schema:
            name = f"schemas/{len(by_schema)}.schema.json"
            (folder / name).write_text(json.dumps(schema, default=str), encoding="utf-8")
            by_schema[key] = (name, [])
        by_schema[key][1].append(instance)
        peer.counts[kind] = peer.counts.get(kind, 0) + 1
    peer.groups = list(by_schema.values())
    return peer


def peer_commands(peer: Peer, program: str) -> list[list[str]]:
    """One check-jsonschema process per schema (more if its files overflow a command line)."""
    commands = []
    for schema, files in peer.groups:
        head = [program, "--schemafile", schema, "--regex-variant", "python"]
        for start in range(0, len(files), 20_000):
            commands.append([*head, *files[start : start + 20_000]])
    return commands


# ── Measures ──────────────────────────────────────────────────────────────────────────────────


@dataclass
class Sample:
    wall: float
    cpu: float
    rss: float
    """Max RSS, MB (of the measured process or one of its children)."""
    status: int = 0
    tail: str = ""


def measure(command: list[str], cwd: Path) -> Sample:
    """Run ``command`` in a fresh process: wall and CPU (its own and its children's) seconds,
    max RSS; standard output kept for its last line (a summary)."""
    with tempfile.TemporaryDirectory() as scratch:
        rss_file = Path(scratch) / "rss"
        out = Path(scratch) / "out"
        wrapped = (
            [str(TIME), "-f", "%M", "-o", str(rss_file), *command] if TIME.exists() else command
        )
        with open(out, "wb") as sink:
            start = time.perf_counter()
            process = subprocess.Popen(wrapped, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT)
            _pid, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        try:  # GNU time's last line (it may say first that the command exited non-zero)
            rss_kb = float(rss_file.read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            rss_kb = (
                usage.ru_maxrss
            )  # includes this script's own pages when it forked: an upper bound
        lines = out.read_text(errors="replace").strip().splitlines()
        return Sample(
            wall,
            usage.ru_utime + usage.ru_stime,
            rss_kb / 1024,
            process.returncode,
            lines[-1] if lines else "",
        )


def measure_all(commands: list[list[str]], cwd: Path) -> Sample:
    """Commands run one after the other, as one measure: times summed, the largest RSS."""
    samples = [measure(command, cwd) for command in commands]
    return Sample(
        sum(s.wall for s in samples),
        sum(s.cpu for s in samples),
        max(s.rss for s in samples),
        max(s.status for s in samples),
        samples[-1].tail if samples else "",
    )


@dataclass
class Case:
    label: str
    run: Callable[[], Sample]
    ok: tuple[int, ...] = (0, 1)
    """Exit statuses that mean it ran (1: problems found)."""
    samples: list[Sample] = field(default_factory=list)

    def median(self, attribute: str) -> float:
        return float(statistics.median(getattr(s, attribute) for s in self.samples))


def which(name: str) -> str | None:
    return shutil.which(name, path=str(BIN)) or shutil.which(name)


def code_state() -> list[tuple[str, int]]:
    """frontlint's own files and their modification times: a change voids the cache (its key
    holds them: an editable install changes without a new version)."""
    return sorted((str(p), p.stat().st_mtime_ns) for p in (ROOT / "linter").rglob("*.py"))


def remove_caches(root: Path) -> None:
    for folder in (root / ".frontlint_cache", root / "site" / ".frontlint_cache"):
        shutil.rmtree(folder, ignore_errors=True)


def cases_for(corpus: Corpus, peer: Peer | None, programs: dict[str, str | None]) -> list[Case]:
    root = corpus.root
    frontlint = programs["frontlint"] or "frontlint"
    check = [frontlint, "check", "--today", TODAY]
    nocache = [*check, "--no-cache"]

    def run(command: list[str]) -> Callable[[], Sample]:
        return lambda: measure(command, root)

    code: list[list[tuple[str, int]]] = []

    def cold() -> Sample:
        remove_caches(root)
        code[:] = [code_state()]
        return measure([*check, "."], root)

    def warm() -> Sample:
        sample = measure([*check, "."], root)
        if code and code[0] != code_state():  # part of the cache's key: rightly a miss
            sample.tail = "!! frontlint's code changed since the cold run: the cache was void"
        return sample

    def after_commit() -> Sample:
        # A new state of the tree (as after a commit): the results cache misses, the sites'
        # facts that the cold run kept (every page's URLs) answer for the unchanged pages.
        marker = root / "site" / "bench-commit.txt"
        marker.write_text(f"{time.time_ns()}\n", encoding="utf-8")
        return measure([*check, str(LINKING)], root)

    cases = [
        Case("frontlint all rules --jobs 1", run([*nocache, "--jobs", "1", "."])),
        Case("frontlint all rules (default jobs)", run([*nocache, "."])),
        Case("frontlint --select FM,SC", run([*nocache, "--select", "FM,SC", "."])),
        Case("frontlint cache: cold (first run)", cold),
        Case("frontlint cache: warm (second run)", warm),
        Case(
            "parse floor (C loader alone)",
            run([sys.executable, str(ROOT / "bench" / "parse_floor.py"), str(CONTENT)]),
            (0,),
        ),
        Case("frontlint, one page (apply)", run([*nocache, str(APPLY)])),
        Case("frontlint, one linking page, no cache", run([*nocache, str(LINKING)])),
        Case("frontlint, one linking page, after commit", after_commit),
        Case("python -c pass", run([sys.executable, "-c", "pass"]), (0,)),
    ]
    cjs = programs["check-jsonschema"]
    if cjs is not None and peer is not None:
        commands = peer_commands(peer, cjs)
        cases.insert(
            3, Case("check-jsonschema (+clib)", lambda: measure_all(commands, peer.folder))
        )
        cases.append(Case("check-jsonschema --version", run([cjs, "--version"]), (0,)))
    return cases


# ── Report ────────────────────────────────────────────────────────────────────────────────────


def verdict(ratio: float, target: float) -> str:
    return "PASS" if ratio <= target else "FAIL"


def ratio_line(name: str, mine: float, theirs: float, unit: str, target: float, what: str) -> str:
    ratio = mine / theirs if theirs > 0 else float("inf")
    return (
        f"  {name:<42} {mine:8.3f} {unit} / {theirs:8.3f} {unit} {what:<22} = {ratio:6.3f}x "
        f"(target <= {target:g}x) {verdict(ratio, target)}"
    )


def report_size(pages: int, cases: dict[str, Case], peer: Peer | None) -> None:
    print(f"\n== {pages:,} pages: median of {len(next(iter(cases.values())).samples)} run(s) ==")
    print(f"  {'':<40} {'wall s':>9} {'CPU s':>9} {'max RSS MB':>11}  last line of output")
    for case in cases.values():
        tail = case.samples[0].tail[:60]
        bad = [s.status for s in case.samples if s.status not in case.ok]
        flag = f"  !! exit status {bad[0]}" if bad else ""
        print(
            f"  {case.label:<40} {case.median('wall'):9.3f} {case.median('cpu'):9.3f} "
            f"{case.median('rss'):11.1f}  {tail}{flag}"
        )
    if peer is not None:
        shown = ", ".join(f"{kind}: {n}" for kind, n in sorted(peer.counts.items()))
        print(f"  check-jsonschema: {len(peer.groups)} schemas; pages by schema: {shown}")


def targets(sizes: dict[int, dict[str, Case]], processes: int) -> None:
    """``processes``: how many check-jsonschema runs at the largest size (0: not installed)."""
    largest = max(sizes)
    big = sizes[largest]
    print(f"\n== Targets (issue 13), at {largest:,} pages unless said ==")
    if processes:
        print("(1) all rules vs check-jsonschema (+clib) on the same pages:")
        cjs = big["check-jsonschema (+clib)"]
        mine = big["frontlint all rules (default jobs)"]
        print(
            ratio_line(
                "wall, default jobs",
                mine.median("wall"),
                cjs.median("wall"),
                "s",
                0.5,
                "check-jsonschema",
            )
        )
        print(
            ratio_line(
                "CPU, default jobs",
                mine.median("cpu"),
                cjs.median("cpu"),
                "s",
                1,
                "check-jsonschema",
            )
        )
        one = big["frontlint all rules --jobs 1"]
        print(
            ratio_line(
                "CPU, --jobs 1 (for reference)",
                one.median("cpu"),
                cjs.median("cpu"),
                "s",
                1,
                "check-jsonschema",
            )
        )
        started = processes * big["check-jsonschema --version"].median("cpu")
        print(
            f"      (check-jsonschema ran {processes} processes, one a schema: about "
            f"{started:.1f} s of its CPU is their start-up, {processes} x `--version`)"
        )
    else:
        print(f"(1) check-jsonschema: not installed {INSTALL}; its ratios skipped")
    floor = big["parse floor (C loader alone)"]
    if floor.samples and all(s.status == 0 for s in floor.samples):
        schema = big["frontlint --select FM,SC"]
        print(
            ratio_line(
                "(1) schema only CPU (--select FM,SC)",
                schema.median("cpu"),
                floor.median("cpu"),
                "s",
                2,
                "parse floor",
            )
        )
    else:
        print(f"(1) parse floor: ruamel.yaml.clib not installed {INSTALL}; its ratio skipped")
    for pages, cases in sorted(sizes.items()):
        one, bare = cases["frontlint, one page (apply)"], cases["python -c pass"]
        print(
            ratio_line(
                f"(2) one page, fresh ({pages:,}-page site)",
                one.median("wall"),
                bare.median("wall"),
                "s",
                10,
                "python -c pass",
            )
        )
        if "check-jsonschema --version" in cases:
            version = cases["check-jsonschema --version"].median("wall")
            times = one.median("wall") / version
            print(
                f"      (check-jsonschema --version: {version:.3f} s; one page / it = {times:.2f}x)"
            )
        linking = cases["frontlint, one linking page, no cache"].median("wall")
        facts = cases["frontlint, one linking page, after commit"].median("wall")
        print(
            f"      (a page with an internal link: {linking:.3f} s without cache, {facts:.3f} s "
            "after a commit with the sites' facts; not a target)"
        )
    cold, warm = big["frontlint cache: cold (first run)"], big["frontlint cache: warm (second run)"]
    print(
        ratio_line(
            "(3) unchanged site, second run (cache)",
            warm.median("wall"),
            cold.median("wall"),
            "s",
            0.1,
            "first run",
        )
    )
    if len(sizes) > 1:
        smallest = min(sizes)
        for label, jobs in (
            ("frontlint all rules --jobs 1", "--jobs 1"),
            ("frontlint all rules (default jobs)", "default jobs"),
        ):
            print(
                ratio_line(
                    f"(4) max RSS, all rules, {jobs}",
                    sizes[largest][label].median("rss"),
                    sizes[smallest][label].median("rss"),
                    "MB",
                    1.5,
                    f"at {smallest:,} pages",
                )
            )
    else:
        print("(4) memory: needs two sizes (--pages 5000 50000)")


def profile(corpus: Corpus, frontlint_python: str) -> None:
    """cProfile of frontlint (all rules, --jobs 1) on ``corpus``: the 15 functions of its own
    code with the most cumulative time, then the 10 functions (any code) with the most own time."""
    import pstats

    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "profile"
        command = [
            frontlint_python, "-m", "cProfile", "-o", str(out), "-m", "linter",
            "check", "--today", TODAY, "--no-cache", "--jobs", "1", ".",
        ]  # fmt: skip
        subprocess.run(command, cwd=corpus.root, stdout=subprocess.DEVNULL, check=False)
        table: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]
    rows = []
    for (file, line, name), (_primitive, calls, own, cumulative, _callers) in table.items():
        place = Path(file)
        shown = place.relative_to(ROOT) if place.is_relative_to(ROOT) else Path(*place.parts[-2:])
        rows.append((cumulative, own, calls, f"{shown}:{line}({name})", file))
    total = max((row[0] for row in rows), default=0.0)
    print(
        f"\n== cProfile, frontlint all rules --jobs 1, {len(corpus.pages):,} pages "
        f"(total {total:.1f} s under the profiler) =="
    )
    print(f"  {'cumulative s':>12} {'own s':>8} {'calls':>9}  function (frontlint's code)")
    own_code = [row for row in rows if row[4].startswith(str(ROOT / "linter"))]
    for cumulative, own, calls, where, _file in sorted(own_code, reverse=True)[:15]:
        print(f"  {cumulative:12.2f} {own:8.2f} {calls:9d}  {where}")
    print(f"  {'own s':>12} {'cum. s':>8} {'calls':>9}  function (any code, by own time)")
    for cumulative, own, calls, where, _file in sorted(rows, key=lambda r: -r[1])[:10]:
        print(f"  {own:12.2f} {cumulative:8.2f} {calls:9d}  {where}")


def compile_bytecode(frontlint: str) -> str:
    """Compile the measured frontlint's modules to bytecode, as `pip install` does: an editable
    install under PYTHONDONTWRITEBYTECODE (a common setting of development machines) would
    otherwise compile every module from source at every start, some 40 % of a one-page run."""
    try:
        first = Path(frontlint).read_text(encoding="utf-8", errors="replace").splitlines()[0]
    except (OSError, IndexError):
        return "not compiled (frontlint's interpreter unknown)"
    python = first[2:].strip() if first.startswith("#!") else sys.executable
    done = subprocess.run(
        [python, "-c", "import compileall, linter, os; "
         "print(compileall.compile_dir(os.path.dirname(linter.__file__), quiet=1), "
         "os.path.dirname(linter.__file__))"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    ok, _space, where = done.stdout.strip().partition(" ")
    return f"compiled in {where}" if done.returncode == 0 and ok == "True" else "not compiled"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--quick", action="store_true", help="one corpus of 2,000 pages")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--keep", action="store_true", help="keep the corpora (their folder is printed)"
    )
    parser.add_argument(
        "--profile", action="store_true", help="cProfile frontlint on the smallest corpus"
    )
    args = parser.parse_args()
    if not SITE.is_dir():
        print(
            f"scale.py: the shared corpus is not beside this checkout (expected at {SITE})",
            file=sys.stderr,
        )
        sys.exit(2)
    sizes = [2000] if args.quick else sorted(set(args.pages))
    programs = {name: which(name) for name in ("frontlint", "check-jsonschema")}
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"frontlint scale benchmark: {cpus} cores usable ({os.cpu_count()} on the machine), "
        f"Python {sys.version.split()[0]}, sizes {', '.join(f'{n:,}' for n in sizes)}, "
        f"{args.runs} run(s) each"
    )
    if programs["frontlint"] is None:
        print("frontlint: not installed (pip install -e .)", file=sys.stderr)
        sys.exit(2)
    if programs["check-jsonschema"] is None:
        print(f"check-jsonschema: not installed {INSTALL}")
    if not TIME.exists():
        print("/usr/bin/time: not found; max RSS is wait4's (an upper bound)")
    compiled = compile_bytecode(programs["frontlint"])
    print(f"frontlint's bytecode: {compiled}")
    scratch = Path(tempfile.mkdtemp(prefix="frontlint-scale-"))
    results: dict[int, dict[str, Case]] = {}
    try:
        for pages in sizes:
            started = time.perf_counter()
            corpus = build(scratch / f"site-{pages}", pages)
            peer = (
                extract(corpus, scratch / f"peer-{pages}") if programs["check-jsonschema"] else None
            )
            print(
                f"\n{pages:,} pages built in {time.perf_counter() - started:.0f} s: {corpus.root}"
            )
            cases = cases_for(corpus, peer, programs)
            for case in cases:  # warm the file cache and the bytecode (the big runs: the floor)
                if case.label.startswith(
                    ("parse floor", "frontlint, one page", "python", "check-jsonschema --")
                ):
                    case.run()
            for round_ in range(args.runs):
                for case in cases:
                    case.samples.append(case.run())
                print(
                    f"  round {round_ + 1}/{args.runs} done "
                    f"({time.perf_counter() - started:.0f} s)",
                    flush=True,
                )
            results[pages] = {case.label: case for case in cases}
            report_size(pages, results[pages], peer)
            if args.profile and pages == sizes[0]:
                profile(corpus, sys.executable)
        targets(results, len(peer_commands(peer, "")) if peer is not None else 0)
    finally:
        if args.keep:
            print(f"\ncorpora kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
