"""Start-up: a pre-commit hook starts a fresh process on every commit, so a run imports only what
its pages need (issue 13). The time itself is measured by bench/scale.py, not here: this checks
which modules a fresh process loads."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import TODAY

LAZY = (
    "linter.cache",  # the results cache: not with --no-cache
    "multiprocessing",  # workers: not for fewer than 64 files
    "linter.html",  # HTML pages and HTML in Markdown only
    "linter.yamltext",  # fixes only
    "linter.report.excerpt",  # source lines: only when there is a problem to show
    "rfc3986_validator",  # jsonschema's uri format: when a uri is checked
    "rfc3339_validator",  # its date-time format
    "httpx",  # --online only
)

PROGRAM = (
    "import sys\nfrom linter.cli import main\n"
    f"sys.argv = ['frontlint', 'check', '--no-cache', '--today', '{TODAY}', '--lang', 'en', "
    "*sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    f"print(sorted(m for m in {LAZY!r} if m in sys.modules))\n"
)


def loaded(tmp_path, *args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, *args], cwd=tmp_path, capture_output=True, text=True,
        timeout=60, check=True,
    )  # fmt: skip
    return done.stdout.splitlines()


def test_a_clean_page_loads_none_of_what_it_does_not_need(tmp_path):
    (tmp_path / "page.md").write_text(
        "---\ntitle: Réunion publique\n---\nLe 3 mars 2025 à 18 h, [en ligne](https://example.org/).\n",
        encoding="utf-8",
    )
    assert loaded(tmp_path, "page.md") == ["No problems found in 1 file (none had a schema)", "[]"]


def test_what_a_page_needs_is_loaded_when_it_needs_it(tmp_path):
    (tmp_path / "page.md").write_text(
        "---\ntitle: Le 7ème\n---\n<p>Voir <a href='https://example.org/'>le site</a>.</p>\n",
        encoding="utf-8",
    )
    assert loaded(tmp_path, "--fix", "page.md") == [
        "No problems found in 1 file (none had a schema)",
        "['linter.html', 'linter.yamltext']",
    ]
    assert (tmp_path / "page.md").read_text(encoding="utf-8").startswith("---\ntitle: Le 7e\n")
