"""`--fix`, `--unsafe-fixes`, `--diff`: text edits on exact spans, verified, idempotent."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from linter.cli import cli
from linter.diagnostics import Change, Diagnostic, Edit, Fix, Span, message
from linter.fix import apply
from tests.conftest import TODAY

RULES = "TY"  # the typography fixes, whatever other rules say about these pages


def frontlint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--today", TODAY, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


PAGE = (
    "---\n"
    'title: "La 7ème promotion "   # quoted, with a stray space\n'
    "plain: La 1ère session, n°3\n"
    "sq: 'L''équipe du 2ème étage'\n"
    'esc: "Caf\\u00e9 du 3ème"\n'
    "lit: |\n"
    "  Le 4ème jour\n"
    "other: 7ème  # a comment stays\n"
    "---\n"
    "Le 5ème jour, n°6.\n"
)
FIXED = (
    "---\n"
    'title: "La 7e promotion"   # quoted, with a stray space\n'
    "plain: La 1re session, n°\u00a03\n"
    "sq: 'L''équipe du 2e étage'\n"
    'esc: "Caf\\u00e9 du 3e"\n'
    "lit: |\n"
    "  Le 4e jour\n"
    "other: 7e  # a comment stays\n"
    "---\n"
    "Le 5e jour, n°\u00a06.\n"
)


def test_diff_shows_what_fix_does_and_changes_nothing(page):
    path = page(PAGE)
    code, out, err = frontlint("--select", RULES, "--diff", "page.md")
    assert code == 1
    assert out == (
        "--- a/page.md\n+++ b/page.md\n@@ -1,10 +1,10 @@\n ---\n"
        '-title: "La 7ème promotion "   # quoted, with a stray space\n'
        "-plain: La 1ère session, n°3\n"
        "-sq: 'L''équipe du 2ème étage'\n"
        '-esc: "Caf\\u00e9 du 3ème"\n'
        '+title: "La 7e promotion"   # quoted, with a stray space\n'
        "+plain: La 1re session, n°\u00a03\n"
        "+sq: 'L''équipe du 2e étage'\n"
        '+esc: "Caf\\u00e9 du 3e"\n'
        " lit: |\n"
        "-  Le 4ème jour\n"
        "-other: 7ème  # a comment stays\n"
        "+  Le 4e jour\n"
        "+other: 7e  # a comment stays\n"
        " ---\n"
        "-Le 5ème jour, n°6.\n"
        "+Le 5e jour, n°\u00a06.\n"
    )
    assert err == "Would fix 10 problems in 1 file.\n"
    assert path.read_text(encoding="utf-8") == PAGE


def test_fix_edits_exact_spans_and_a_second_run_changes_nothing(page):
    path = page(PAGE)
    code, out, err = frontlint("--select", RULES, "--fix", "page.md")
    assert (code, out, err) == (
        0,
        "No problems found in 1 file (none had a schema)\n",
        "Fixed 10 problems in 1 file.\n",
    )
    assert path.read_text(encoding="utf-8") == FIXED
    assert frontlint("--select", RULES, "--fix", "page.md") == (
        0,
        "No problems found in 1 file (none had a schema)\n",
        "",
    )
    assert frontlint("--select", RULES, "--diff", "page.md") == (0, "", "")
    assert path.read_text(encoding="utf-8") == FIXED


def test_line_endings_and_bom_are_kept_byte_for_byte(page):
    path = page(b"\xef\xbb\xbf---\r\ntitle: Le 5\xc3\xa8me # note\r\n---\r\nCorps 6\xc3\xa8me\r\n")
    frontlint("--select", RULES, "--fix", "page.md")
    assert path.read_bytes() == b"\xef\xbb\xbf---\r\ntitle: Le 5e # note\r\n---\r\nCorps 6e\r\n"


def test_the_file_mode_is_kept_and_a_link_writes_its_target(page, tmp_path):
    target = page("---\ntitle: Le 5ème\n---\n", "real.md")
    os.chmod(target, 0o640)
    os.symlink("real.md", tmp_path / "page.md")
    frontlint("--select", RULES, "--fix", "page.md")
    assert (tmp_path / "page.md").is_symlink()
    assert target.read_text(encoding="utf-8") == "---\ntitle: Le 5e\n---\n"
    assert target.stat().st_mode & 0o777 == 0o640


SCHEMA = (
    '{"type": "object", "properties": {"title": {"type": "string"}}, "additionalProperties": false}'
)


def test_unsafe_fixes_apply_only_when_asked(page):
    page(SCHEMA, "s.schema.json")
    path = page("---\n$schema: s.schema.json\ntitel: Bonjour # à garder\n---\n")
    code, out, err = frontlint("--select", "SC", "--format", "json", "--fix", "page.md")
    assert (code, err) == (1, "")
    assert [d["message"] for d in json.loads(out)["diagnostics"]] == [
        "unknown key `titel`; did you mean `title`?"
    ]
    assert (
        path.read_text(encoding="utf-8")
        == "---\n$schema: s.schema.json\ntitel: Bonjour # à garder\n---\n"
    )
    code, out, err = frontlint("--select", "SC", "--fix", "--unsafe-fixes", "page.md")
    assert (code, err) == (0, "Fixed 1 problem in 1 file.\n")
    assert (
        path.read_text(encoding="utf-8")
        == "---\n$schema: s.schema.json\ntitle: Bonjour # à garder\n---\n"
    )


def test_values_written_with_escapes_or_shared_by_an_anchor_are_not_fixed(page):
    text = '---\na: "7\\u00e8me"\nb: &x Le 8ème\nc: *x\n---\n'
    path = page(text)
    _code, out, _err = frontlint("--select", RULES, "--format", "json", "--fix", "page.md")
    found = [(d["line"], d["column"], d["message"]) for d in json.loads(out)["diagnostics"]]
    assert found == [
        (2, 5, "a: write `7e`, not `7ème`"),
        (3, 10, "b: write `8e`, not `8ème`"),  # (`c` is the same value)
    ]
    assert path.read_text(encoding="utf-8") == text


def test_the_summary_is_french_in_french(page):
    page(PAGE)
    assert (
        frontlint("--select", RULES, "--lang", "fr", "--diff", "page.md")[2]
        == "10 problèmes seraient corrigés dans 1 fichier.\n"
    )


def test_rules_say_which_fixes_they_have():
    result = CliRunner().invoke(cli, ["rules", "--format", "json"])
    fixable = {r["code"]: r["fixable"] for r in json.loads(result.stdout) if r["fixable"]}
    assert (
        fixable["TY001"] == "safe" and fixable["TY004"] == "safe" and fixable["SC002"] == "unsafe"
    )


def test_a_diff_cannot_inject_into_a_terminal_or_a_log(page):
    page("---\ntitle: Le 5ème\n---\nLe 7ème \x1b]0;pwned\x07\n::error::x 6ème\n")
    out = frontlint("--select", RULES, "--diff", "page.md")[1]
    assert "\x1b" not in out and "\x07" not in out
    assert "-\\x3a:error::x 6ème\n" not in out  # (the diff's lines start with -, + or space)
    assert "+::error::x 6e\n" in out and not any(line.startswith("::") for line in out.splitlines())


# --- the engine of fixes, on fixes made by hand ------------------------------------------------


def _fix(start: int, end: int, new: str, change: Change) -> tuple[Diagnostic, Fix]:
    diagnostic = Diagnostic(
        "p.md", Span(2, 1, 2, 2, start, end), "TY001", "french-ordinal", 2, message("TY001")
    )
    return diagnostic, Fix(
        (Edit(start, end, new),), "safe", message("fix.insert", new=new), (change,)
    )


TEXT = "---\na: 7ème\nb: x\n---\n"


def test_overlapping_fixes_are_not_applied_together():
    first = _fix(7, 11, "7e", Change(("a",), 0, 4, "7e"))
    second = _fix(8, 11, "e", Change(("a",), 1, 4, "e"))
    text, count, failed = apply(TEXT, Path("p.md"), "p.md", [second, first])
    assert (text, count, failed) == ("---\na: 7e\nb: x\n---\n", 1, [])


def test_a_fix_that_changes_other_data_is_dropped_and_reported():
    wrong = _fix(15, 16, "y", Change(("a",), 0, 4, "7e"))  # says `a`, edits `b`
    right = _fix(7, 11, "7e", Change(("a",), 0, 4, "7e"))
    text, count, failed = apply(TEXT, Path("p.md"), "p.md", [wrong, right])
    assert (text, count) == ("---\na: 7e\nb: x\n---\n", 1)
    assert [(d.code, d.message.key, dict(d.message.args)) for d in failed] == [
        (
            "FL001",
            "FL001",
            {"where": "fix of TY001", "detail": "the fixed file would hold other data"},
        )
    ]


def test_a_fix_that_breaks_the_yaml_is_dropped():
    broken = _fix(7, 11, "7e: [", Change(("a",), 0, 4, "7e: ["))
    text, count, failed = apply(TEXT, Path("p.md"), "p.md", [broken])
    assert (text, count, len(failed)) == (TEXT, 0, 1)
