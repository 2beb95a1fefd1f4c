"""Hostile pull requests against `--fix`/`--diff`, the languages and `[per-field-ignores]`: no
false internal error, no quadratic work, no control character from a configuration on a
terminal or in a log, and a diff that applies."""

from __future__ import annotations

import datetime
import json
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

from click.testing import CliRunner

from linter import engine
from linter import fix as fixing
from linter.cli import cli
from linter.config import BODY, FieldIgnore, Settings, _FieldTree, parse_field
from linter.diagnostics import Change, Diagnostic, Edit, Fix, Span, message
from linter.i18n import usage_fr
from tests.conftest import TODAY


def frontlint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--today", TODAY, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def rows(out: str) -> list[tuple[str, int, int, str]]:
    return [
        (d["code"], d["line"], d["column"], d["message"]) for d in json.loads(out)["diagnostics"]
    ]


# --- --fix on pages whose front matter has problems, or values an alias repeats ---------------


DUPLICATE = "---\ntitle: La 7ème promotion\ntitle: autre\n---\nLe 5ème jour.\n"


def test_a_page_with_a_duplicate_key_is_not_fixed_and_no_fix_is_called_a_bug(page):
    path = page(DUPLICATE)
    code, out, err = frontlint("--lang", "en", "--fix", "--format", "json", "page.md")
    assert (code, err) == (1, "")
    assert rows(out) == [
        ("TY001", 2, 11, "title: write `7e`, not `7ème`"),
        ("FM002", 3, 1, "duplicate key `title` (first defined at line 2)"),
        ("TY001", 5, 4, "write `5e`, not `5ème`"),
    ]
    assert path.read_text(encoding="utf-8") == DUPLICATE
    assert frontlint("--lang", "en", "--select", "TY", "--diff", "page.md") == (0, "", "")


ANCHORED = (
    "---\n"
    "base: &b\n"
    "  t: La 7ème\n"
    "  l: [1ère]\n"
    "c:\n"
    "  <<: *b\n"
    "  u: 8ème\n"
    "d: *b\n"
    "f: 3ème\n"
    "---\n"
    "Le 9ème\n"
)


def test_a_value_inside_an_anchored_mapping_is_not_fixed_in_place(page):
    path = page(ANCHORED)
    code, out, err = frontlint(
        "--lang", "en", "--select", "TY,FL", "--fix", "--format", "json", "page.md"
    )
    assert (code, err) == (0, "Fixed 3 problems in 1 file.\n")
    assert rows(out) == [
        ("TY001", 3, 9, "base.t: write `7e`, not `7ème`"),
        ("TY001", 4, 7, "base.l[0]: write `1re`, not `1ère`"),
    ]
    assert [d.get("fix") for d in json.loads(out)["diagnostics"]] == [None, None]
    assert path.read_text(encoding="utf-8") == ANCHORED.replace("8ème", "8e").replace(
        "3ème", "3e"
    ).replace("9ème", "9e")


# --- failing fixes: found by halves, in a bounded number of parses, reported once -------------


def _wrong(start: int) -> tuple[Diagnostic, Fix]:
    """A fix of the body that says it changes a front-matter value: it always fails."""
    diagnostic = Diagnostic(
        "p.md", Span(5, 1, 5, 2, start, start + 1), "TY001", "french-ordinal", 2, message("TY001")
    )
    change = Change(("a",), 0, 1, "z")
    return diagnostic, Fix(
        (Edit(start, start + 1, "z"),), "safe", message("fix.insert", new="z"), (change,)
    )


def test_a_thousand_failing_fixes_cost_a_bounded_number_of_parses(monkeypatch):
    text = "---\na: x\n---\n" + "y" * 1000
    parses: list[int] = []
    real = fixing.parse_text

    def counting(*args):
        parses.append(1)
        return real(*args)

    monkeypatch.setattr(fixing, "parse_text", counting)
    fixes = [_wrong(13 + i) for i in range(1000)]
    result, count, failed = fixing.apply(text, Path("p.md"), "p.md", fixes)
    assert (result, count) == (text, 0)
    # The text before, all the fixes, then MAX_CHECKS groups: halves down to the last 13 fixes.
    assert len(parses) == 2 + fixing.MAX_CHECKS == 34
    assert [d.span.start - 13 for d in failed] == list(range(999, 986, -1))
    assert {(d.code, dict(d.message.args)["detail"]) for d in failed} == {
        ("FL001", "the fixed file would hold other data")
    }


def test_a_failing_fix_is_reported_once_and_not_tried_again(tmp_path, monkeypatch):
    file = tmp_path / "p.md"
    file.write_text("---\na: 7ème\n---\nyy\n", encoding="utf-8")
    good = Diagnostic(
        "p.md", Span(2, 4, 2, 8, 7, 11), "TY001", "french-ordinal", 2, message("TY001"),
        Fix((Edit(7, 11, "7e"),), "safe", message("fix.insert", new="7e"),
            (Change(("a",), 0, 4, "7e"),)),
    )  # fmt: skip
    bad, bad_fix = _wrong(16)
    rounds: list[int] = []

    def run(pending, options, *rest):
        rounds.append(len(pending))
        moved = 16 - (2 if len(rounds) > 1 else 0)  # (`7ème` became `7e`)
        edit = replace(bad_fix, edits=(Edit(moved, moved + 1, "z"),))
        failing = replace(bad, span=Span(4, 1, 4, 2, moved, moved + 1), fix=edit)
        return SimpleNamespace(diagnostics=[good, failing] if len(rounds) == 1 else [failing])

    monkeypatch.setattr(fixing.engine, "run", run)
    options = engine.Options(today=datetime.date(2025, 9, 19))
    fixed, dropped = fixing.fix_files([(file, "p.md")], options, unsafe=False)
    assert fixed["p.md"].text == "---\na: 7e\n---\nyy\n"
    assert [(d.code, d.span.line) for d in dropped] == [("FL001", 4)]
    assert rounds == [1, 1]  # the second round finds the failing fix alone: not tried again


# --- --diff: a patch that `git apply` and `patch` accept ---------------------------------------


def test_a_diff_has_no_line_the_file_lacks_and_marks_a_missing_final_newline(page):
    page("---\ntitle: La 7ème\n---\nx")
    page("---\ntitle: La 8ème\n---\ny\n", "b.md")
    code, out, err = frontlint("--lang", "en", "--select", "TY", "--diff", "page.md", "b.md")
    assert (code, err) == (1, "Would fix 2 problems in 2 files.\n")
    assert out == (
        "--- a/b.md\n+++ b/b.md\n@@ -1,4 +1,4 @@\n ---\n-title: La 8ème\n+title: La 8e\n ---\n y\n"
        "--- a/page.md\n+++ b/page.md\n@@ -1,4 +1,4 @@\n ---\n-title: La 7ème\n+title: La 7e\n"
        " ---\n x\n\\ No newline at end of file\n"
    )


def test_a_last_line_changed_without_a_newline_is_marked_on_both_sides():
    state = fixing.Fixed(Path("p.md"), "p.md", "a\r\nLe 7ème", "a\r\nLe 7e", False)
    assert fixing.diff(state) == [
        "--- a/p.md",
        "+++ b/p.md",
        "@@ -1,2 +1,2 @@",
        " a",
        "-Le 7ème",
        "\\ No newline at end of file",
        "+Le 7e",
        "\\ No newline at end of file",
    ]


# --- a page --fix cannot write: its name shown, not obeyed, exit 2 -----------------------------


def test_a_page_that_cannot_be_written_is_named_escaped_and_exits_2(page, monkeypatch):
    page("---\ntitle: La 7ème\n---\n", "a\x1b[31mb.md")

    def refuse(state):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fixing, "write", refuse)
    code, out, err = frontlint("--lang", "fr", "--select", "TY", "--fix", "a\x1b[31mb.md")
    assert (code, out) == (2, "")
    assert err == (
        "Erreur : impossible d’écrire les corrections de `a\\x1b[31mb.md` : permission refusée\n"
    )


# --- configuration errors quote hostile keys and values escaped ---------------------------------


HOSTILE = (
    "[per-field-ignores]\n"
    '"a\\u001b[31m\\n::error::g" = { TY001 = ["x\\u001b]0;t\\u0007\\n::error::f\\u202e"] }\n'
)


def test_a_configuration_error_shows_control_characters_escaped(page):
    page(HOSTILE, ".frontlint.toml")
    page("---\ntitle: x\n---\n")
    code, out, err = frontlint("--lang", "en", "page.md")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        "Error: .frontlint.toml:2:31: `per-field-ignores.a\\x1b[31m\\n::error::g.TY001`: "
        "bad field path `x\\x1b]0;t\\x07\\n::error::f\\u202e`: at character 3: expected `.` or `[`"
    )


def test_per_field_ignore_errors_speak_french(page):
    page(
        '[per-field-ignores]\n"a.md" = { LK004 = ["a. b"], TY001 = "steps[x]" }\n',
        ".frontlint.toml",
    )
    page("---\ntitle: x\n---\n")
    code, _out, err = frontlint("--lang", "fr", "page.md")
    assert code == 2
    assert err.splitlines()[-1] == (
        "Erreur : .frontlint.toml:2:12: `per-field-ignores.a.md.LK004`: chemin de champ invalide "
        '`a. b` : au caractère 3 : clé attendue ; écrire une telle clé `["…"]`'
    )
    assert usage_fr(
        "c:2:1: `per-field-ignores.a.md`: expected a table of codes, found a list (codes for a "
        "whole file go in `[per-file-ignores]`)"
    ) == (
        "c:2:1: `per-field-ignores.a.md`: table de codes attendue, trouvé : une liste (les codes "
        "d’un fichier entier vont dans `[per-file-ignores]`)"
    )
    assert usage_fr("c:1:1: `x`: bad field path `[0`: at character 1: expected `[0]`, `[*]` or "
                    '`["key"]`') == (
        "c:1:1: `x`: chemin de champ invalide `[0` : au caractère 1 : `[0]`, `[*]` ou `[\"clé\"]` "
        "attendu"
    )  # fmt: skip


def test_french_usage_errors_of_hostile_shapes_are_translated_in_one_pass():
    """Shapes that made two patterns quadratic (a `(.*)` tried at every position, a lazy group
    scanned again from every `expected one of`): the same translation, in linear time."""
    long = "x" * 50_000
    assert usage_fr(long + " is not the work tree of a repository with a .git") == (
        long + " n’est pas le dossier de travail d’un dépôt qui a son .git"
    )
    assert usage_fr(long) == long
    many = "expected one of " * 5_000
    assert usage_fr(many + ";") == "valeur attendue parmi " + many[16:] + ";"
    assert usage_fr("expected one of `a`, `b`, found `c`; did you mean `a`?") == (
        "valeur attendue parmi `a`, `b`, trouvé : `c` ; vouliez-vous dire `a` ?"
    )


# --- [per-field-ignores]: a tree of field paths, not a scan of every entry a diagnostic --------


FIELDS = ["a", "b", "a.b", "*", "[*]", "a[*]", "a[0]", '["1"]', "a.*.b", "*.*", "body", "[1]"]
PATHS = [
    BODY,
    (),
    ("a",),
    ("b",),
    ("a", "b"),
    ("a", 0),
    ("a", 1, "b"),
    ("1",),
    (1,),
    ("a", "x", "b"),
]


def test_the_tree_finds_what_covers_finds_the_first_of_equal_entries_only():
    entries = [FieldIgnore("*", "TY", f, parse_field(f), Span(1, 1, 1, 1)) for f in FIELDS * 2]
    tree = _FieldTree()
    for index, entry in enumerate(entries):
        tree.add(entry.parts, index)
    for at in PATHS:
        expected = sorted(i for i, e in enumerate(entries[: len(FIELDS)]) if e.covers(at))
        assert sorted(tree.covering(at)) == expected, at


def test_an_entry_equal_to_an_earlier_one_is_unused(page):
    page('[per-field-ignores]\n"*.md" = { TY001 = ["k1", "*", "*"] }\n', ".frontlint.toml")
    page("---\nk1: La 7ème\nk2: La 8ème\n---\nLe 9ème\n")
    code, out, _err = frontlint("--lang", "en", "--format", "json", "page.md")
    assert code == 0
    assert rows(out) == [
        (
            "FL002",
            2,
            12,
            "unused ignore in `.frontlint.toml`: `TY001` at `*` of `*.md` ignores nothing",
        ),
        ("TY001", 5, 4, "write `9e`, not `9ème`"),
    ]


def test_many_entries_and_many_diagnostics(page, monkeypatch):
    """2,000 entries of one glob, 2,000 values with a problem each and 2,000 in the body: each
    distinct field looked up once, in the tree (a scan of every entry per diagnostic took
    seconds here, minutes at ten times the size)."""
    fields = ", ".join(f'"a{i}"' for i in range(2000))
    page(f'[per-field-ignores]\n"*" = {{ TY001 = [{fields}, "k7"] }}\n', ".frontlint.toml")
    front = "".join(f"k{i}: La 7ème\n" for i in range(2000))
    page("---\n" + front + "---\n" + "Le 9ème.\n" * 2000)
    looked_up: list[object] = []
    real = Settings.field_ignored

    def counting(self, entries, code, at):
        looked_up.append(at)
        return real(self, entries, code, at)

    monkeypatch.setattr(Settings, "field_ignored", counting)
    code, out, _err = frontlint(
        "--lang", "en", "--select", "TY", "--format", "json", "--max-per-rule", "0", "page.md"
    )
    found = rows(out)
    assert code == 0
    assert len(found) == 3999
    assert len(looked_up) == 2001  # each field once: 2,000 values and the body
    assert found[6:8] == [
        ("TY001", 8, 8, "k6: write `7e`, not `7ème`"),
        ("TY001", 10, 8, "k8: write `7e`, not `7ème`"),
    ]  # (`k7` ignored)
    assert found[-1] == ("TY001", 4002, 4, "write `9e`, not `9ème`")
