"""The command line: discovery, output shapes, summary, exit codes, rules and explain."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from linter import __version__
from linter.rules import all_rules
from tests.conftest import TODAY, found, lint, run
from tests.test_specs import NO_BAD_EXAMPLE

DUPLICATE = "---\ntitle: a\ntitle: b\n---\n"


def test_discovery_recurses_and_skips_build_dependency_and_hidden_folders(page):
    page(DUPLICATE, "content/a.md")
    page(DUPLICATE, "content/deep/b.markdown")
    page(DUPLICATE, "layouts/c.html")
    page(DUPLICATE, "d.htm")
    for skipped in ("node_modules", "public", "_site", "resources", ".venv", "vendor", ".git",
                    ".cache", "static"):  # fmt: skip
        page(DUPLICATE, f"{skipped}/x.md")
    page(DUPLICATE, "notes.txt")
    code, payload = lint(".")
    assert code == 1
    assert payload["files_checked"] == 4
    assert [d["path"] for d in payload["diagnostics"]] == [
        "content/a.md", "content/deep/b.markdown", "d.htm", "layouts/c.html",
    ]  # fmt: skip


def test_default_path_is_the_current_folder_and_explicit_files_are_always_checked(page):
    page(DUPLICATE, "a.md")
    page(DUPLICATE, "node_modules/explicit.txt")
    assert lint()[1]["files_checked"] == 1
    assert [d["path"] for d in lint("node_modules/explicit.txt", "a.md", "./a.md")[1]["diagnostics"]] == [
        "a.md", "node_modules/explicit.txt",
    ]  # fmt: skip


def test_text_output_and_summary(page):
    page(DUPLICATE, "b.md")
    page("---\ntitle: ok\n---\n", "a.md")
    page("", "c.md")
    assert run("check", "--today", "2025-09-19", "--format", "concise", ".") == (
        1,
        "b.md:3:1: FM002 duplicate key `title` (first defined at line 2)\n"
        "c.md:1:1: FM007 empty file\n"
        "1 error, 1 warning in 2 files (3 checked; none had a schema)\n",
    )


def test_clean_run_says_so_and_exits_0(page):
    page("---\ntitle: ok\n---\n")
    assert run("check", "--today", "2025-09-19", "page.md") == (
        0,
        "No problems found in 1 file (none had a schema)\n",
    )


def test_json_output_has_exactly_the_documented_shape(page):
    page(DUPLICATE)
    code, payload = lint("page.md")
    assert code == 1
    assert payload == {
        "version": 1,
        "files_checked": 1,
        "files_validated": 0,
        "diagnostics": [
            {
                "path": "page.md", "line": 3, "column": 1, "end_line": 3, "end_column": 6,
                "code": "FM002", "rule": "duplicate-key", "severity": "error",
                "message": "duplicate key `title` (first defined at line 2)",
            }
        ],
    }  # fmt: skip


def test_fail_on_decides_the_exit_code(page):
    page("", "empty.md")
    assert lint("empty.md")[0] == 0
    assert lint("empty.md", extra=("--fail-on", "warning"))[0] == 1
    assert lint("empty.md", extra=("--fail-on", "error"))[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "missing.md"), "path does not exist: missing.md"),
        (("check", "--today", "26/11/2026", "."), "'26/11/2026' does not match the format"),
        (
            ("check", "--format", "xml", "."),
            "'xml' is not one of 'full', 'concise', 'text', 'json'",
        ),
        (("explain", "ZZ999"), "unknown rule 'ZZ999'"),
    ],
)
def test_usage_errors_exit_2_with_a_message(page, args, message):
    code, out = run(*args)
    assert code == 2
    assert message in out


def test_output_is_sorted_and_deterministic(page):
    page("---\ntitle: a\nz: 1\nlayout: apply\ntitle: b\n---\n", "b.md")
    page(DUPLICATE, "a.md")
    first = lint(".")[1]
    assert first == lint(".")[1]
    rows = [(d["path"], d["line"], d["column"]) for d in first["diagnostics"]]
    assert rows == sorted(rows)


def test_rules_lists_every_rule_and_explain_shows_its_documentation():
    code, out = run("rules")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(all_rules()) == 63
    assert lines[0].split()[:3] == ["DT001", "month-spelling", "warning"]
    assert "SC002  unknown-key               error    A key that the page's schema does not" in out
    for rule in all_rules():
        code, text = run("explain", rule.code.lower())
        assert code == 0
        assert text.startswith(f"{rule.code} {rule.name} ({rule.default_severity})\n")
        assert "Example (good)" in text
        assert ("Example (bad)" in text) != (rule.code in NO_BAD_EXAMPLE)
        code, texte = run("explain", rule.code, "--lang", "fr")
        assert code == 0
        assert texte.startswith(
            f"{rule.code} {rule.name} ({rule.default_severity})\n\n{rule.summary('fr')}\n"
        )
        assert "Exemple (bon)" in texte
        assert ("Exemple (mauvais)" in texte) != (rule.code in NO_BAD_EXAMPLE)
        assert "Pourquoi" in texte and "Correction" in texte
    assert run("explain", "unknown-key")[1].startswith("SC002 unknown-key (error)")
    assert (
        run("rules", "--lang", "fr")[1]
        .splitlines()[0]
        .endswith("Un mois est mal orthographié (`fevrier`, `aout`) ou écrit en anglais.")
    )


def test_version_and_python_dash_m(tmp_path):
    assert run("--version") == (0, f"frontlint, version {__version__}\n")
    result = subprocess.run(
        [sys.executable, "-m", "linter", "rules"], capture_output=True, text=True, cwd=tmp_path,
        check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout.split()[0], result.stderr) == (0, "DT001", "")


def command(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    """``python -m linter ARGS``: the command's own entry (``cli.entry``, which ends the process
    without the interpreter's teardown)."""
    return subprocess.run(
        [sys.executable, "-m", "linter", *args], capture_output=True, text=True, cwd=cwd,
        check=False,
    )  # fmt: skip


def test_the_command_flushes_all_its_output_and_keeps_its_exit_status(page, tmp_path):
    for number in range(300):
        page(DUPLICATE, f"p{number:03}.md")
    text = command("check", "--today", TODAY, "--lang", "en", "--output-format", "concise", ".",
                   cwd=tmp_path)  # fmt: skip
    lines = text.stdout.splitlines()
    assert (text.returncode, len(lines), text.stderr) == (1, 301, "")
    assert lines[0] == "p000.md:3:1: FM002 duplicate key `title` (first defined at line 2)"
    assert lines[-1] == "300 errors in 300 files (300 checked; none had a schema)"
    to_file = command("check", "--today", TODAY, "--format", "json", "-o", "out.json", ".",
                      cwd=tmp_path)  # fmt: skip
    payload = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert (to_file.returncode, to_file.stdout, len(payload["diagnostics"])) == (1, "", 300)
    assert command("check", "--bogus", cwd=tmp_path).returncode == 2
    clean = command("check", "--today", TODAY, "--lang", "en", "--select", "LK", "p000.md",
                    cwd=tmp_path)  # fmt: skip
    assert (clean.returncode, clean.stdout) == (
        0,
        "No problems found in 1 file (none had a schema)\n",
    )


def test_internal_error_in_one_check_is_a_diagnostic_and_the_run_goes_on(page, monkeypatch):
    from linter import schema

    def broken(doc, store):
        raise ValueError("boom")

    monkeypatch.setattr(schema, "check", broken)
    page("---\ntitle: a\n---\n", "a.md")
    page(DUPLICATE, "b.md")
    code, payload = lint(".")
    assert (code, found(payload)) == (1, [
        ("FL001", 1, 1, "internal error in schema validation: ValueError: boom (please report "
         "this bug)"),
        ("FL001", 1, 1, "internal error in schema validation: ValueError: boom (please report "
         "this bug)"),
        ("FM002", 3, 1, "duplicate key `title` (first defined at line 2)"),
    ])  # fmt: skip


def test_readme_rule_table_is_the_generated_one():
    """The README's table is `frontlint rules --format markdown`: regenerate it on drift."""
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = readme.splitlines()
    start = lines.index("| code | name | severity | summary |")
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("| "))
    table = "\n".join(lines[start:end]) + "\n"
    code, generated = run("rules", "--format", "markdown")
    assert code == 0
    assert generated.splitlines()[2:] == [
        f"| {r.code} | {r.name} | {r.default_severity}{' (off)' if r.opt_in else ''} "
        f"| {r.summary('en')} |"
        for r in all_rules()
    ]
    assert table == generated


def test_readme_example_output_is_what_the_examples_give(monkeypatch):
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("The first command prints", 1)[1].split("```\n", 2)[1]
    monkeypatch.chdir(ROOT)
    assert run("check", "examples/") == (1, shown)


def test_every_package_of_the_source_is_installed():
    from linter.tomlkeys import loads
    from tests.conftest import ROOT

    config = loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "linter").rglob("__init__.py")
    }
    assert found | {"linter.schemas"} == declared


def test_the_command_with_its_output_closed_ends_without_a_traceback(tmp_path):
    # cli.entry flushes what is open: with `>&-`, the standard output is None.
    done = subprocess.run(
        ["sh", "-c", f"'{sys.executable}' -m linter --version >&-"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")


def test_a_check_with_its_output_closed_ends_with_the_problems_status(tmp_path):
    # `>&-`: the colour choice asked a missing stream whether it is a terminal (exit 2).
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\nla 7ème fois\n", encoding="utf-8")
    done = subprocess.run(
        ["sh", "-c", f"'{sys.executable}' -m linter check --isolated --today {TODAY} "
                     "--fail-on warning a.md >&-"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (1, "")


def test_a_reader_that_stops_early_does_not_change_the_exit_status(tmp_path):
    # `| head -1`: the report is written piece by piece (report.chunks); a closed pipe ends the
    # writing, not the run's verdict (warnings: exit 0), and says nothing.
    for number in range(1500):
        (tmp_path / f"p{number:04}.md").write_text(
            "---\ntitle: T\n---\nla 2ème fois\nla 3ème fois\n", encoding="utf-8"
        )
    command = [sys.executable, "-m", "linter", "check", "--isolated", "--today", TODAY,
               "--no-cache", "--lang", "en", "."]  # fmt: skip
    with subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # (the report is larger than a pipe's buffer: it is still writing)
        error = process.stderr.read()
        status = process.wait()
    assert first == "p0000.md:4:4: warning TY001 [french-ordinal] write `2e`, not `2ème`\n".encode()
    assert (status, error) == (0, b"")


def test_the_output_file_may_be_a_checked_page(tmp_path, monkeypatch):
    # The report is made whole before the file is opened (and emptied): its excerpt of that
    # page is the page as it was checked.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\nla 7ème fois\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: B\n---\nla 8ème fois\n", encoding="utf-8")
    assert run("check", "--isolated", "--today", TODAY, "--lang", "en", "--select", "TY001",
               "-o", "b.md", "a.md", "b.md") == (0, "")  # fmt: skip
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == (
        "a.md:4:4: warning TY001 [french-ordinal] write `7e`, not `7ème`\n"
        "  |\n"
        "4 | la 7ème fois\n"
        "  |    ^^^^\n"
        "\n"
        "b.md:4:4: warning TY001 [french-ordinal] write `8e`, not `8ème`\n"
        "  |\n"
        "4 | la 8ème fois\n"
        "  |    ^^^^\n"
        "\n"
        "2 warnings in 2 files (2 checked; none had a schema)\n"
        "2 fixable with `--fix`\n"
    )
