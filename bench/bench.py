"""Speed figures of frontlint, measured in fresh processes as a pre-commit hook and CI run it.

    python bench/bench.py [--runs N]

1. one page (the real apply page, which has a schema) in a fresh process: the pre-commit case;
   budget 0.25 s wall.
2. the whole real site (712 pages, its templates, data and static files beside them) in a fresh
   process, in one process and on every core (`--jobs`); budget 3 s wall.
3. the whole site with `--select FM,SC`: rules that are not selected do not run;
4. startup alone (`frontlint --version`, and `python -c pass`), for reference;
5. an unchanged site's second run, with the cache (on a copy of the site: the shared corpus is
   never written to). Every other case runs with `--no-cache`.
Every command runs in the site's repository, as pre-commit and CI do (the site model finds the
site from there). Prints the median and the best of N runs of each. Needs the project installed
(`pip install .`).

Reads the real site from OUTSIDE the repository: ../shared/corpus/eig-site, the shared corpus beside
the checkout (the tests use their own copy, tests/corpus; the benchmark does not). When that folder
is absent it says so on stderr and exits with status 2, timing nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT.parent / "shared" / "corpus" / "eig-site"
APPLY = SITE / "site" / "content" / "participer" / "candidats" / "postuler.md"


def timed(command: list[str], runs: int, cwd: Path = SITE) -> list[float]:
    """Wall times of ``command`` run in the site's repository (where pre-commit and CI run)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    if not SITE.is_dir():
        print(
            f"{Path(__file__).name}: the shared corpus is not beside this checkout "
            f"(expected at {SITE}); the benchmark needs it",
            file=sys.stderr,
        )
        sys.exit(2)
    frontlint = shutil.which("frontlint", path=str(Path(sys.executable).parent)) or "frontlint"
    check = [frontlint, "check", "--today", "2025-09-19", "--no-cache"]
    cases = [
        ("one page, fresh process (budget 0.25 s)", [*check, str(APPLY.relative_to(SITE))]),
        ("whole site, 712 pages, one process", [*check, "--jobs", "1", "."]),
        ("whole site, every core (budget 3 s)", [*check, "."]),
        ("whole site, schema only (--select FM,SC)", [*check, "--select", "FM,SC", "."]),
        ("startup: frontlint --version", [frontlint, "--version"]),
        ("startup: python -c pass", [sys.executable, "-c", "pass"]),
    ]
    for label, command in cases:
        timed(command, 1)  # warm the file cache and the bytecode
        report(label, timed(command, runs))
    # The cache: a copy of the site (the shared corpus is not written to), run once to fill it.
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "site"
        shutil.copytree(SITE, copy)
        warm = [frontlint, "check", "--today", "2025-09-19", "."]
        timed(warm, 1, cwd=copy)
        report("whole site, unchanged, second run (cache)", timed(warm, runs, cwd=copy))


def report(label: str, times: list[float]) -> None:
    print(f"{label:<42} median {statistics.median(times):.3f} s   best {min(times):.3f} s")


if __name__ == "__main__":
    main()
