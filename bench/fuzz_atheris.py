"""Coverage-guided fuzzing of frontlint with atheris (libFuzzer), seeded from the real pages.

    pip install atheris
    python bench/fuzz_atheris.py -max_total_time=1800 [libFuzzer options]

Each input is written as a page and checked with every rule and every output format, under the
property of tests/fuzz.py (no internal error, every report well-formed). The seeds are the pages
of tests/corpus, copied into a temporary folder (libFuzzer reads a corpus folder flat); what
libFuzzer finds goes to ./fuzz-findings/. Run from the repository root. Not part of the tests:
atheris needs a compiler toolchain and time.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["linter"]):
    from tests.fuzz import check_property

WORK = Path(tempfile.mkdtemp(prefix="frontlint-fuzz-"))


def one_input(data: bytes) -> None:
    check_property(WORK, "page.md", data)


def main() -> None:
    seeds = Path(tempfile.mkdtemp(prefix="frontlint-seeds-"))
    for index, page in enumerate(sorted((ROOT / "tests" / "corpus").rglob("*.md"))):
        shutil.copy(page, seeds / f"{index:04d}.md")
    findings = Path("fuzz-findings")
    findings.mkdir(exist_ok=True)
    args = [*sys.argv, f"-artifact_prefix={findings}/", str(findings), str(seeds)]
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
