"""`max-per-rule`: a rule reports at most so many diagnostics in one file, then a note in the
place of the first one left out (issue 15, H-4: a page of a hundred thousand problems is
reported in time linear in its size). What a suppression, the schema or the configuration hides
does not count: the limit never hides a problem behind hidden ones."""

from __future__ import annotations

from tests.conftest import found, lint, run

FRONT = "---\ntitle: Page\n---\n"
NOTE = "more than {limit} problems `TY001` in this file: the others were not looked for; fix these and run again, or raise `max-per-rule` (0: no limit)"


def rows(*extra: str) -> tuple[int, list[tuple[str, int, int, str]]]:
    code, payload = lint("page.md", extra=("--isolated", *extra))
    return code, found(payload)


def ordinal(line: int) -> tuple[str, int, int, str]:
    return ("TY001", line, 4, "write `7e`, not `7ème`")


def test_a_rule_stops_at_the_limit_with_a_note_in_the_place_of_the_next(page):
    page(FRONT + "la 7ème fois\n" * 5)
    assert rows("--max-per-rule", "3") == (
        0,
        [ordinal(4), ordinal(5), ordinal(6), ("TY001", 7, 4, NOTE.format(limit=3))],
    )


def test_exactly_the_limit_gives_no_note_and_zero_means_no_limit(page):
    page(FRONT + "la 7ème fois\n" * 3)
    assert rows("--max-per-rule", "3") == (0, [ordinal(4), ordinal(5), ordinal(6)])
    assert rows("--max-per-rule", "0") == (0, [ordinal(4), ordinal(5), ordinal(6)])


def test_the_default_is_a_hundred_per_rule_and_file_and_other_rules_go_on(page):
    page(FRONT + "la 7ème fois\n" * 150 + "Sprint n°3\n")
    code, diagnostics = rows()
    assert code == 0
    assert diagnostics[:100] == [ordinal(line) for line in range(4, 104)]
    assert diagnostics[100:] == [
        ("TY001", 104, 4, NOTE.format(limit=100)),
        ("TY003", 154, 8, "write `n°\xa03` with a non-breaking space, not `n°3`"),
    ]


def test_suppressed_diagnostics_do_not_count_and_their_suppressions_are_not_judged(page):
    suppressed = "la 7ème fois <!-- frontlint: disable=TY001 -->\n" * 300
    page(
        FRONT
        + suppressed
        + "la 7ème fois\n" * 3
        + "la 7ème fois <!-- frontlint: disable=TY001 -->\n"
    )
    # The three left are reported, then the note; the suppression after the note's place is not
    # reported unused: the rule stopped before it.
    assert rows("--max-per-rule", "2") == (
        0,
        [ordinal(304), ordinal(305), ("TY001", 306, 4, NOTE.format(limit=2))],
    )


def test_values_the_schema_rejects_do_not_count(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "schemas").mkdir()
    schema = '{"properties": {"items": {"type": "array", "items": {"enum": ["ok"]}}}}'
    (tmp_path / "schemas" / "post.schema.json").write_text(schema, encoding="utf-8")
    items = "  - la 7ème fois\n" * 20
    text = "---\nlayout: post\nitems:\n" + items + "---\n" + "la 8ème fois\n" * 3
    (tmp_path / "page.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, payload = lint("page.md", extra=("--max-per-rule", "2"))
    diagnostics = found(payload)
    assert code == 1
    assert [d for d in diagnostics if d[0] == "SC006"][-1] == (
        "SC006", 23, 5, "items[19]: expected `ok`, found `la 7ème fois`",
    )  # fmt: skip
    assert [d for d in diagnostics if d[0] != "SC006"] == [
        ("TY001", 25, 4, "write `8e`, not `8ème`"),
        ("TY001", 26, 4, "write `8e`, not `8ème`"),
        ("TY001", 27, 4, NOTE.format(limit=2)),
    ]


def test_the_note_of_a_value_names_it_and_is_suppressed_with_its_rule(page):
    page('---\ntitle: "la 7ème, la 7ème, la 7ème"\n---\n')
    assert rows("--max-per-rule", "1") == (
        0,
        [
            ("TY001", 2, 12, "title: write `7e`, not `7ème`"),
            ("TY001", 2, 21, "title: " + NOTE.format(limit=1)),
        ],
    )
    page('---\ntitle: "la 7ème, la 7ème, la 7ème"  # frontlint: disable=TY001\n---\n')
    assert rows("--max-per-rule", "1") == (0, [])


def test_the_note_in_french_and_in_the_configuration(page):
    page(FRONT + "la 7ème fois\n" * 3)
    page("max-per-rule = 1\n", ".frontlint.toml")
    _code, payload = lint("page.md", extra=("--lang", "fr"))
    assert found(payload)[1] == (
        "TY001",
        5,
        4,
        "plus de 1 problèmes `TY001` dans ce fichier : les autres n’ont pas été cherchés ; "
        "corrigez ceux-ci et relancez, ou augmentez `max-per-rule` (0 : sans limite)",
    )


def test_a_negative_limit_on_the_command_line_is_a_usage_error(page):
    page(FRONT)
    code, out = run("check", "--max-per-rule", "-1", "page.md")
    assert code == 2
    assert "Invalid value for '--max-per-rule': -1 is not in the range x>=0." in out


def test_values_the_configuration_ignores_do_not_count(page):
    items = "".join(f"  - la 7ème fois {i}\n" for i in range(5))
    page("---\ntitle: la 7ème\nitems:\n" + items + "---\nla 7ème\nla 7ème\n")
    page('[per-field-ignores]\n"page.md" = { TY001 = ["items[*]"] }\n', ".frontlint.toml")
    _code, payload = lint("page.md", extra=("--max-per-rule", "2"))
    assert found(payload) == [
        ("TY001", 2, 11, "title: write `7e`, not `7ème`"),
        ("TY001", 10, 4, "write `7e`, not `7ème`"),
        ("TY001", 11, 4, NOTE.format(limit=2)),
    ]


def test_a_check_that_supersedes_runs_to_its_end_and_its_diagnostics_do_not_count(
    tmp_path, monkeypatch
):
    # RF005 (a date field's value is not a YAML date) supersedes the DT rules on that value:
    # with RF005 stopped at the limit, DT008 would have reported the items after it.
    (tmp_path / ".git").mkdir()
    schema = (
        '{"type": "object", "properties": {"dates": {"type": "array", "items": '
        '{"type": "string", "x-frontlint-yaml": {"type": "date"}}}}}'
    )
    (tmp_path / "event.schema.json").write_text(schema, encoding="utf-8")
    dates = "".join(f"  - {day}/01/2024\n" for day in (29, 30, 31))
    text = (
        "---\n$schema: event.schema.json\ndates:\n" + dates + "---\nLe 3/02/2024 et le 4/02/2024.\n"
    )
    (tmp_path / "page.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _code, payload = lint("page.md", extra=("--max-per-rule", "1"))
    note = NOTE.format(limit=1).replace("`TY001`", "`DT008`, `DT009`")
    assert found(payload) == [
        *(
            ("RF005", line, 5, f"dates[{line - 4}]: `{day}/01/2024` is not a YAML date: write it "
             "year-month-day, as in `2024-01-29`")
            for line, day in ((4, 29), (5, 30), (6, 31))
        ),
        ("DT008", 8, 4, "write `3 février 2024`, not `3/02/2024`"),
        ("DT008", 8, 20, note),
    ]  # fmt: skip


def test_a_prefix_suppression_after_the_stop_is_not_judged_unused(page):
    page(FRONT + "la 7ème fois\n" * 3 + "la 7ème fois <!-- frontlint: disable=TY -->\n")
    assert rows("--max-per-rule", "2") == (
        0,
        [ordinal(4), ordinal(5), ("TY001", 6, 4, NOTE.format(limit=2))],
    )


def test_fix_fixes_every_problem_whatever_the_limit(page):
    path = page(FRONT + "la 7ème fois\n" * 12)
    code, out = run("check", "--today", "2025-09-19", "--max-per-rule", "1", "--fix", "page.md")
    assert (code, out) == (
        0,
        "Fixed 12 problems in 1 file.\nNo problems found in 1 file (none had a schema)\n",
    )
    assert path.read_text(encoding="utf-8") == FRONT + "la 7e fois\n" * 12


def test_the_checks_that_supersede_are_known_by_every_code_they_report():
    # LK014 (the HTTPS version works, which supersedes LK004) is reported by LK011's check.
    from linter import filter
    from linter.config import Settings

    assert filter.plan(Settings(), "page.md").superseding == {"LK011", "RF005"}
