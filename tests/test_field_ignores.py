"""`[per-field-ignores]`: a code ignored at one field of a file or glob (what survives a CMS that
drops YAML comments), the unused entries reported, and every mistake in the table located."""

from __future__ import annotations

import pytest

from linter import config
from linter.config import BODY, FieldIgnore, Wild, parse_field
from linter.diagnostics import Span
from linter.rules import all_rules
from linter.yamltree import format_path
from tests.conftest import ROOT, TODAY, found, lint, run

CODES = frozenset(rule.code for rule in all_rules())

APPLY = """---
title: Candidater
join:
  link: http://example.org/formulaire
steps:
  dates:
    - desc: Sprint n°1
    - desc: Sprint n°2
---
Voir [l'ancien site](http://example.org).
"""
ALL_OF_APPLY = [
    ("LK004", 4, 9, "join.link: insecure link `http://example.org/formulaire`: "
     "use `https://example.org/formulaire`"),
    ("TY003", 7, 20, "steps.dates[0].desc: write `n°\u00a01` with a non-breaking space, not `n°1`"),
    ("TY003", 8, 20, "steps.dates[1].desc: write `n°\u00a02` with a non-breaking space, not `n°2`"),
    ("LK004", 10, 22, "insecure link `http://example.org`: use `https://example.org`"),
]  # fmt: skip
PERSON = """---
title: Ada
role: Pilote n°1
---
Ada, n°1 du programme.
"""
SCHEMA = """{"type": "object", "required": ["title", "expertises"],
 "properties": {"title": {"type": "string"}, "expertises": {"type": "array"}},
 "additionalProperties": false}"""
WITH_SCHEMA = '[schemas]\n"content/personnes/*.md" = "schemas/personne.schema.json"\n'


@pytest.fixture
def site(page):
    """The pages of a small site (the working folder), and a way to write its configuration."""
    page(APPLY, "content/candidats/_index.md")
    page(PERSON, "content/personnes/ada.md")
    page(SCHEMA, "schemas/personne.schema.json")

    def configure(text: str, name: str = ".frontlint.toml") -> None:
        page(text, name)

    return configure


def rows(*paths: str, extra: tuple[str, ...] = ()) -> list[tuple[str, str, int, int, str]]:
    _code, payload = lint(*(paths or (".",)), extra=extra)
    paths_of = [d["path"] for d in payload["diagnostics"]]
    return [(path, *row) for path, row in zip(paths_of, found(payload), strict=True)]


def apply_rows(*codes_lines: tuple[str, int]) -> list[tuple[str, str, int, int, str]]:
    """The diagnostics of the apply page but those at (code, line)."""
    return [
        ("content/candidats/_index.md", *row)
        for row in ALL_OF_APPLY
        if (row[0], row[1]) not in codes_lines
    ]


# --- What is ignored.


def test_without_the_table_every_diagnostic_is_reported(site):
    assert rows("content/candidats") == apply_rows()


def test_a_field_is_ignored_and_only_that_field(site):
    site('[per-field-ignores]\n"content/candidats/_index.md" = { LK004 = ["join.link"] }\n')
    assert rows("content/candidats") == apply_rows(("LK004", 4))


def test_a_list_item_wildcard_and_one_item(site):
    site('[per-field-ignores]\n"content/candidats/_index.md" = { TY003 = ["steps.dates[*].desc"] }\n')  # fmt: skip
    assert rows("content/candidats") == apply_rows(("TY003", 7), ("TY003", 8))
    site('[per-field-ignores]\n"content/candidats/_index.md" = { TY003 = ["steps.dates[1].desc"] }\n')  # fmt: skip
    assert rows("content/candidats") == apply_rows(("TY003", 8))


def test_a_path_covers_everything_inside_it_and_a_key_wildcard(site):
    site('[per-field-ignores]\n"content/candidats/_index.md" = { TY003 = ["steps"] }\n')
    assert rows("content/candidats") == apply_rows(("TY003", 7), ("TY003", 8))
    site('[per-field-ignores]\n"content/candidats/_index.md" = { ALL = ["*.link"] }\n')
    assert rows("content/candidats") == apply_rows(("LK004", 4))


def test_a_prefix(site):
    site('[per-field-ignores]\n"content/candidats/_index.md" = { LK = ["join"] }\n')
    assert rows("content/candidats") == apply_rows(("LK004", 4))


def test_a_glob_and_a_file_name(site):
    site('[per-field-ignores]\n"content/*/*.md" = { TY003 = ["steps.dates[0]"] }\n')
    assert rows("content/candidats") == apply_rows(("TY003", 7))
    site('[per-field-ignores]\n"_index.md" = { TY003 = ["steps.dates[0]"] }\n')
    assert rows("content/candidats") == apply_rows(("TY003", 7))


def test_the_body(site):
    site('[per-field-ignores]\n"content/candidats/_index.md" = { LK004 = ["body"] }\n')
    assert rows("content/candidats") == apply_rows(("LK004", 10))


def test_a_front_matter_key_named_body_is_quoted(page):
    page("---\nbody: http://example.org\n---\nVoir http://example.org/a.\n")
    page('[per-field-ignores]\n"page.md" = { LK004 = [\'["body"]\'] }\n', ".frontlint.toml")
    assert rows("page.md") == [
        ("page.md", "LK004", 4, 6,
         "insecure link `http://example.org/a`: use `https://example.org/a`"),
    ]  # fmt: skip


def test_a_key_with_a_dot(page):
    page('---\n"a.b": http://example.org\nc: http://example.org\n---\n')
    page('[per-field-ignores]\n"page.md" = { LK004 = [\'["a.b"]\', "c"] }\n', ".frontlint.toml")
    assert rows("page.md") == []


def test_the_schema_codes_are_at_the_key_missing_or_unknown(site):
    site(WITH_SCHEMA)
    assert rows("content/personnes") == [
        ("content/personnes/ada.md", "SC001", 1, 1, "missing required key `expertises`"),
        ("content/personnes/ada.md", "SC002", 3, 1, "unknown key `role`"),
        ("content/personnes/ada.md", "TY003", 3, 14,
         "role: write `n°\u00a01` with a non-breaking space, not `n°1`"),
        ("content/personnes/ada.md", "TY003", 5, 6,
         "write `n°\u00a01` with a non-breaking space, not `n°1`"),
    ]  # fmt: skip
    site(WITH_SCHEMA + '[per-field-ignores]\n"content/personnes/*.md" = { SC = ["expertises", "role"], TY = ["body"] }\n')  # fmt: skip
    assert rows("content/personnes") == [
        ("content/personnes/ada.md", "TY003", 3, 14,
         "role: write `n°\u00a01` with a non-breaking space, not `n°1`"),
    ]  # fmt: skip


def test_a_more_specific_select_wins_and_the_entry_is_then_unused(site):
    site('select = ["LK004", "TY", "FL"]\n[per-field-ignores]\n"_index.md" = { LK = ["join.link"] }\n')  # fmt: skip
    assert rows("content/candidats") == [
        (".frontlint.toml", "FL002", 3, 17,
         "unused ignore in `.frontlint.toml`: `LK` at `join.link` of `_index.md` ignores nothing"),
        *apply_rows(),
    ]  # fmt: skip


# --- Unused entries.

UNUSED = """[per-field-ignores]
"content/candidats/_index.md" = { LK004 = ["join.link", "title"], TY = ["body"] }
"content/personnes/*.md" = { SC001 = ["expertises"] }
"""


def test_unused_entries_are_reported_at_their_code_in_the_configuration(site):
    site(UNUSED)
    code, out = run("check", "--today", TODAY, "--no-color", "content/candidats")
    assert code == 0
    assert out.splitlines()[:9] == [
        ".frontlint.toml:2:35: info FL002 [unused-suppression] unused ignore in `.frontlint.toml`:"
        " `LK004` at `title` of `content/candidats/_index.md` ignores nothing",
        "  |",
        '2 | "content/candidats/_index.md" = { LK004 = ["join.link", "title"], TY = ["body"] }',
        "  |                                   ^^^^^",
        "",
        ".frontlint.toml:2:67: info FL002 [unused-suppression] unused ignore in `.frontlint.toml`:"
        " `TY` at `body` of `content/candidats/_index.md` ignores nothing",
        "  |",
        '2 | "content/candidats/_index.md" = { LK004 = ["join.link", "title"], TY = ["body"] }',
        "  |                                                                   ^^",
    ]
    # The glob of `content/personnes/*.md` matched no checked file: not reported.
    assert "personnes" not in out


def test_unused_entries_in_french(site):
    site(UNUSED)
    assert rows("content/candidats", extra=("--lang", "fr"))[:2] == [
        (".frontlint.toml", "FL002", 2, 35, "exception inutile dans `.frontlint.toml` : `LK004` "
         "sur `title` de `content/candidats/_index.md` n’ignore rien"),
        (".frontlint.toml", "FL002", 2, 67, "exception inutile dans `.frontlint.toml` : `TY` sur "
         "`body` de `content/candidats/_index.md` n’ignore rien"),
    ]  # fmt: skip


def test_an_entry_of_a_pyproject_is_located_in_it(site):
    site('[tool.frontlint.per-field-ignores]\n"_index.md" = { LK004 = ["title"] }\n', "pyproject.toml")  # fmt: skip
    assert rows("content/candidats")[-1] == (
        "pyproject.toml", "FL002", 2, 17,
        "unused ignore in `pyproject.toml`: `LK004` at `title` of `_index.md` ignores nothing",
    )  # fmt: skip


def test_a_glob_is_unused_only_when_every_page_it_matches_was_checked(site, page):
    page(PERSON.replace("role: Pilote n°1\n", "expertises: [data]\n"), "content/personnes/bob.md")
    site(WITH_SCHEMA + '[per-field-ignores]\n"content/personnes/*.md" = { SC001 = ["expertises"] }\n')  # fmt: skip
    # pre-commit on bob.md: the entry is not needed there, but ada.md was not checked.
    assert rows("content/personnes/bob.md") == [
        ("content/personnes/bob.md", "TY003", 5, 6,
         "write `n°\u00a01` with a non-breaking space, not `n°1`"),
    ]  # fmt: skip
    # Every page it matches: used on ada.md.
    assert [r[:2] for r in rows("content/personnes")] == [
        ("content/personnes/ada.md", "SC002"),
        ("content/personnes/ada.md", "TY003"),
        ("content/personnes/ada.md", "TY003"),
        ("content/personnes/bob.md", "TY003"),
    ]
    # Every page it matches, and none needs it any more: reported.
    page(PERSON.replace("role: Pilote n°1\n", "expertises: []\n"), "content/personnes/ada.md")
    assert rows("content/personnes")[0] == (
        ".frontlint.toml", "FL002", 4, 30,
        "unused ignore in `.frontlint.toml`: `SC001` at `expertises` of `content/personnes/*.md` "
        "ignores nothing",
    )  # fmt: skip


def test_an_entry_whose_rule_did_not_run_is_not_unused(site):
    # LK004 not selected: the rule did not run, its entry is not stale.
    site('ignore = ["LK"]\n[per-field-ignores]\n"_index.md" = { LK004 = ["title"] }\n')
    assert [r[1] for r in rows("content/candidats")] == ["TY003", "TY003"]


def test_an_entry_is_unused_on_an_unreadable_page_never(page):
    page("---\ntitle: [unclosed\n---\n")
    page('[per-field-ignores]\n"page.md" = { LK004 = ["title"] }\n', ".frontlint.toml")
    assert [r[1] for r in rows("page.md")] == ["FM001"]


def test_a_diagnostic_an_inline_comment_suppressed_leaves_the_entry_unused(page):
    page("---\nlink: http://example.org  # frontlint: disable=LK004\n---\n")
    page('[per-field-ignores]\n"page.md" = { LK004 = ["link"] }\n', ".frontlint.toml")
    assert rows("page.md") == [
        (".frontlint.toml", "FL002", 2, 15,
         "unused ignore in `.frontlint.toml`: `LK004` at `link` of `page.md` ignores nothing"),
    ]  # fmt: skip


def test_fl002_ignored_reports_no_unused_entry(page):
    page("---\ntitle: Bonjour\n---\n")
    page('ignore = ["FL002"]\n[per-field-ignores]\n"page.md" = { LK004 = ["title"] }\n', ".frontlint.toml")  # fmt: skip
    assert rows("page.md") == []


# --- Mistakes in the table: located, with "did you mean".


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('per-field-ignores = ["LK004"]\n',
         "1:1: `per-field-ignores`: expected a table, found a list"),
        ('[per-field-ignores]\n"a.md" = ["LK004"]\n',
         "2:1: `per-field-ignores.a.md`: expected a table of codes, found a list (codes for a "
         "whole file go in `[per-file-ignores]`)"),
        ('[per-field-ignores]\n"a.md" = { LK04 = ["title"] }\n',
         "2:12: `per-field-ignores.a.md.LK04`: unknown rule code or prefix `LK04`; did you mean "
         "`LK014`?"),
        ('[per-field-ignores]\n"a.md" = { FM001 = ["title"] }\n',
         "2:12: `per-field-ignores.a.md.FM001`: `FM001` is about a whole file, not a field: see "
         "`[per-file-ignores]`"),
        ('[per-field-ignores]\n"a.md" = { LK004 = "title" }\n"b.md" = { LK004 = [1] }\n',
         "3:12: `per-field-ignores.b.md.LK004`: expected a list of strings, found a list"),
        ('[per-field-ignores]\n"a.md".LK004 = ["steps[x]"]\n',
         '2:1: `per-field-ignores.a.md.LK004`: bad field path `steps[x]`: at character 6: '
         'expected `[0]`, `[*]` or `["key"]`'),
        ('[per-field-ignores]\n"a.md".LK004 = ["a..b"]\n',
         "2:1: `per-field-ignores.a.md.LK004`: bad field path `a..b`: at character 3: expected "
         'a key; write such a key `["…"]`'),
        ('[per-field-ignores]\n"a.md".LK004 = ["a b"]\n',
         "2:1: `per-field-ignores.a.md.LK004`: bad field path `a b`: at character 2: expected "
         "`.` or `[`"),
        ('[per-field-ignores]\n"a.md".LK004 = ["a."]\n',
         "2:1: `per-field-ignores.a.md.LK004`: bad field path `a.`: at character 3: expected a "
         "key"),
        ('[per-field-ignores]\n"a.md".LK004 = [""]\n',
         "2:1: `per-field-ignores.a.md.LK004`: bad field path ``: an empty path"),
        ('[per-field-ignores]\n"a.md".LK004 = [\'["\\x"]\']\n',
         '2:1: `per-field-ignores.a.md.LK004`: bad field path `["\\x"]`: at character 1: not a '
         "JSON string"),
    ],
)  # fmt: skip
def test_every_mistake_is_a_located_configuration_error(tmp_path, text, message):
    file = tmp_path / ".frontlint.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(config.ConfigError) as caught:
        config.load(file, CODES)
    assert str(caught.value) == f"{config._shown(file)}:{message}"


def test_a_mistake_stops_the_run_with_exit_2(page):
    page(APPLY)
    page('[per-field-ignores]\n"page.md" = { TY003 = ["steps.dates[*]desc"] }\n', ".frontlint.toml")  # fmt: skip
    code, out = run("check", "page.md")
    assert code == 2
    assert out.endswith(
        "Error: .frontlint.toml:2:15: `per-field-ignores.page.md.TY003`: bad field path "
        "`steps.dates[*]desc`: at character 15: expected `.` or `[`\n"
    )


# --- The path syntax.


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("body", None),
        ('["body"]', ("body",)),
        ("join.link", ("join", "link")),
        ("steps.dates[2].desc", ("steps", "dates", 2, "desc")),
        ("steps.dates[*].desc", ("steps", "dates", Wild(item=True), "desc")),
        ("*.link", (Wild(item=False), "link")),
        ('["*"]', ("*",)),
        ('a["b.c"][0]', ("a", "b.c", 0)),
        ("a['b \"c\"']", ("a", 'b "c"')),
        ('a["\\u00e9t\\u00e9"]', ("a", "été")),
        ("prénom-2", ("prénom-2",)),
        ("2024", ("2024",)),
    ],
)
def test_field_paths(text, parts):
    assert parse_field(text) == parts


@pytest.mark.parametrize(
    "path",
    [("title",), ("body",), ("a.b", 0, "c d"), ("steps", "dates", 12, "desc"), ('q"uote', "é")],
)
def test_every_path_a_message_shows_reads_back(path):
    assert parse_field(format_path(path), body=False) == path


def test_a_field_covers_its_value_and_what_is_inside_it_only():
    entry = FieldIgnore("*.md", "TY", "steps[*]", parse_field("steps[*]"), Span(1, 1, 1, 1))
    assert [entry.covers(at) for at in [("steps",), ("steps", 0), ("steps", 0, "desc"),
                                        ("steps", "0"), ("stepsx", 0), BODY]] == [
        False, True, True, False, False, False]  # fmt: skip
    body = FieldIgnore("*.md", "TY", "body", None, Span(1, 1, 1, 1))
    assert [body.covers(at) for at in [BODY, ("body",), ()]] == [True, False, False]


# --- The README's example.


def test_the_readme_example_does_what_it_says(page):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("Decap CMS drops YAML comments", 1)[1]
    example = example.split("```toml\n", 1)[1].split("```\n", 1)[0]
    page(APPLY, "content/participer/candidats/_index.md")
    page(PERSON, "content/personnes/ada.md")
    page(PERSON.replace("role: Pilote n°1\n", "expertises: [data]\n"), "content/personnes/bob.md")
    page(SCHEMA.replace('"expertises": {', '"role": {"type": "string"}, "expertises": {'),
         "schemas/personne.schema.json")  # fmt: skip
    page(WITH_SCHEMA + example, ".frontlint.toml")
    assert rows() == [
        ("content/participer/candidats/_index.md", "LK004", 10, 22,
         "insecure link `http://example.org`: use `https://example.org`"),
        ("content/personnes/ada.md", "TY003", 3, 14,
         "role: write `n°\u00a01` with a non-breaking space, not `n°1`"),
    ]  # fmt: skip
