"""Front matter, schemas and configuration from anyone (issue 15): huge integers (C-1), deep
nesting (C-2), old Mac line endings (W-3), NaN in JSON (W-9), too many values (K-2).

Every refusal is a located diagnostic: no traceback, no RecursionError, no ValueError."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import yamltree
from linter.document import _nodes_from_data, load_json, load_toml, parse_text
from linter.yamltree import LineIndex, MappingNode, ScalarNode, SequenceNode
from tests.conftest import found, lint, run

N = 100_000
DIGITS = "9" * N
OPEN, CLOSE = "[" * N, "]" * N
NUMBER = "number too large to check (more than 640 digits)"
DEEP = "front matter is nested too deeply to check"
VALUES = "front matter has too many values to check (more than 20000)"


def read(text: str):
    """parse_text on a page text: (data or None, [(code, line, column, message key)])."""
    doc, problems = parse_text(text, Path("page.md"), "page.md")
    rows = [(p.code, p.span.line, p.span.column, p.message.key) for p in problems]
    return (doc.data if doc is not None else None), rows


# --- The property: 10^5 levels of nesting, 10^5-digit integers, in every format.


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # The 64th bracket is the 65th level (the root mapping is the first).
        ("---\na: " + OPEN + CLOSE + "\n---\n", 2, 4 + 63),
        ("+++\na = " + OPEN + CLOSE + "\n+++\n", 2, 5 + 63),
        ("+++\na = " + "{b=" * N + "}" * N + "\n+++\n", 2, 5 + 63 * 3),
        ('{"a": ' + OPEN + CLOSE + "}\n", 1, 7 + 63),
    ],
    ids=["yaml", "toml-arrays", "toml-inline-tables", "json"],
)
def test_C2_nesting_of_100000_levels_is_refused_where_it_goes_too_deep(page, text, line, column):
    page(text)
    assert found(lint("page.md")[1]) == [("FM009", line, column, DEEP)]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("---\nn: " + DIGITS + "\n---\n", 2, 4),
        ("+++\nn = " + DIGITS + "\n+++\n", 2, 5),
        ('{"n": ' + DIGITS + "}\n", 1, 7),
        ('{"n": -' + DIGITS + "}\n", 1, 7),
    ],
    ids=["yaml", "toml", "json", "json-negative"],
)
def test_C1_integer_of_100000_digits_is_refused_at_its_place(page, text, line, column):
    page(text)
    assert found(lint("page.md")[1]) == [("FM009", line, column, NUMBER)]


# --- C-1: integers, beyond Python's limit of 4,300 decimal digits and below it.


@pytest.mark.parametrize(
    "text",
    [
        "---\nn: " + "9" * 640 + "\n---\n",
        "+++\nn = " + "9" * 640 + "\n+++\n",
        '{"n": ' + "9" * 640 + "}\n",
    ],
    ids=["yaml", "toml", "json"],
)
def test_C1_integer_of_640_digits_is_read_as_an_integer(text):
    assert read(text) == ({"n": 10**640 - 1}, [])


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("---\nn: " + "9" * 641 + "\n---\n", 2, 4),
        ("---\nn: -" + "9" * 641 + "\n---\n", 2, 4),
        ("---\nn: !!int " + "9" * 641 + "\n---\n", 2, 4),
        ("---\nn: 0x" + "f" * 600 + "\n---\n", 2, 4),  # 723 decimal digits
        ("---\nn: 0o" + "7" * 800 + "\n---\n", 2, 4),
        ("+++\ntitle = 'x'\n[p]\nn = [1, " + "9" * 1000 + "]\n+++\n", 4, 9),
        ("+++\nn = 0x" + "f" * N + "\n+++\n", 2, 5),
        ('{"a": [1, "' + "9" * 700 + '", ' + "9" * 641 + "]}\n", 1, 715),
    ],
    ids=["yaml", "yaml-negative", "yaml-tagged", "yaml-hex", "yaml-octal", "toml", "toml-hex",
         "json-after-a-string-of-digits"],
)  # fmt: skip
def test_C1_integer_of_more_than_640_digits_is_refused_at_its_place(text, line, column):
    assert read(text) == (None, [("FM009", line, column, "FM009.number")])


def test_C1_long_floats_and_strings_of_digits_are_no_integers():
    text = "---\nf: " + DIGITS + ".5\ns: '" + DIGITS + "'\n---\n"
    assert read(text) == ({"f": float("inf"), "s": DIGITS}, [])
    assert read('{"f": 1' + "0" * 700 + ".5}\n") == ({"f": float("inf")}, [])


def test_C1_schema_with_a_huge_integer_is_an_unusable_schema(page, tmp_path):
    (tmp_path / "big.schema.json").write_text('{"maximum": ' + DIGITS + "}", encoding="utf-8")
    page("---\n$schema: big.schema.json\nn: 1\n---\n")
    assert found(lint("page.md")[1]) == [
        ("SC007", 2, 10, "schema `big.schema.json` is not valid JSON: "
                         "number of more than 640 digits (line 1)"),
    ]  # fmt: skip


def test_C1_configuration_with_a_huge_integer_is_a_located_usage_error(page, tmp_path):
    page("---\ntitle: a\n---\n")
    (tmp_path / ".frontlint.toml").write_text('lang = "fr"\nx = ' + DIGITS + "\n")
    code, out = run("check", "page.md")
    assert code == 2
    assert out.endswith("Error: .frontlint.toml:2:5: too complex: number of more than 640 digits\n")


# --- C-2: nesting, in every format and in what reads them.


@pytest.mark.parametrize(
    "text",
    [
        "---\na: " + "[" * 63 + "]" * 63 + "\n---\n",
        "+++\na = " + "[" * 63 + "]" * 63 + "\n+++\n",
        '{"a": ' + "[" * 63 + "]" * 63 + "}\n",
    ],
    ids=["yaml", "toml", "json"],
)
def test_C2_nesting_of_64_levels_is_read(text):
    value, problems = read(text)
    assert problems == []
    levels, inner = 1, value["a"]
    while inner:
        levels, inner = levels + 1, inner[0]
    assert levels == 63


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # Each part of a dotted key (or a table header) but the last opens a table; tomllib takes
        # quadratic time and memory on many parts: refused at the 65th part, before tomllib.
        ("+++\n" + "a" + ".a" * N + " = 1\n+++\n", 2, 1 + 64 * 2),
        ("+++\n[a" + ".a" * N + "]\nb = 1\n+++\n", 2, 2 + 64 * 2),
        ('+++\n"a"' + ' . "a"' * N + " = 1\n+++\n", 2, 1 + 64 * 6),
        # 40 tables, then 40 more by a dotted key: refused at the key.
        ("+++\n[" + ".".join(["t"] * 40) + "]\n" + ".".join(["k"] * 40) + " = 1\n+++\n", 3, 1),
        # Brackets in strings and comments do not count.
        ("+++\ns = '" + "[" * 70 + "'\n# " + "{" * 70 + '\nt = """\n' + "[" * 70 + '"""\n'
         "a = " + OPEN + CLOSE + "\n+++\n", 6, 5 + 63),
    ],
    ids=["dotted-key", "table-header", "quoted-dotted-key", "tables-and-keys", "strings"],
)  # fmt: skip
def test_C2_toml_keys_and_tables_nested_too_deep_are_refused(text, line, column):
    assert read(text) == (None, [("FM009", line, column, "FM009.depth")])


def test_C2_yaml_aliases_nest_too_deep_where_they_land():
    # Each alias lands 60 levels down with all that its anchor holds: 3,500 levels expanded,
    # from a document that never opens more than 62.
    lines = ["a0: &a0 " + "[" * 62 + "x" + "]" * 62]
    lines += [f"a{k}: &a{k} " + "[" * 60 + f"*a{k - 1}" + "]" * 60 for k in range(1, 60)]
    assert read("---\n" + "\n".join(lines) + "\n---\n") == (
        None, [("FM009", 3, 69, "FM009.depth")],
    )  # fmt: skip
    # An alias whose expansion stays within 64 levels is read.
    text = (
        "---\na: &a " + "[" * 30 + "x" + "]" * 30 + "\nb: " + "[" * 33 + "*a" + "]" * 33 + "\n---\n"
    )
    assert read(text)[1] == []


def test_C2_tree_conversions_use_no_recursion():
    # Five times Python's recursion limit (walk builds each node's path: its cost grows with the
    # depth squared, which the parsers bound to 64).
    depth = 5_000
    span = LineIndex("").span(0, 0)
    node: yamltree.Node = ScalarNode(span, None, value=1)
    for _ in range(depth):
        node = SequenceNode(span, None, items=[node])
    node = MappingNode(span, None, pairs=[(ScalarNode(span, None, value="a"), node)])
    data = yamltree.to_data(node)
    levels, inner = 0, data["a"]
    while isinstance(inner, list):
        levels, inner = levels + 1, inner[0]
    assert (levels, inner) == (depth, 1)
    assert sum(1 for _ in yamltree.walk(node)) == depth + 2
    deep: list = [1]
    for _ in range(N):
        deep = [deep]
    refused = _nodes_from_data({"a": deep}, lambda _path: span)
    assert refused == (None, ("depth", ("a",) + (0,) * 63))


def test_C2_to_data_applies_merge_keys_as_before():
    text = "---\nbase: &b {x: 1, y: 2}\nmore: &m {y: 3, z: 4}\nc:\n  <<: [*b, *m]\n  x: 9\n---\n"
    assert read(text) == (
        {"base": {"x": 1, "y": 2}, "more": {"y": 3, "z": 4}, "c": {"x": 9, "y": 2, "z": 4}}, [],
    )  # fmt: skip


def test_C2_schema_nested_too_deep_is_an_unusable_schema(page, tmp_path):
    (tmp_path / "deep.schema.json").write_text('{"items": ' + OPEN + CLOSE + "}", encoding="utf-8")
    page("---\n$schema: deep.schema.json\nn: 1\n---\n")
    assert found(lint("page.md")[1]) == [
        ("SC007", 2, 10, "schema `deep.schema.json` is not valid JSON: "
                         "nested more than 64 levels deep (line 1)"),
    ]  # fmt: skip


def test_C2_configuration_nested_too_deep_is_a_located_usage_error(page, tmp_path):
    page("---\ntitle: a\n---\n")
    (tmp_path / ".frontlint.toml").write_text("select = " + OPEN + CLOSE + "\n")
    code, out = run("check", "page.md")
    assert code == 2
    assert out.endswith(
        "Error: .frontlint.toml:1:73: too complex: nested more than 64 levels deep\n"
    )
    (tmp_path / ".frontlint.toml").write_text("a" + ".a" * N + " = 1\n")
    code, out = run("check", "page.md")
    assert code == 2
    assert out.endswith(
        "Error: .frontlint.toml:1:129: too complex: nested more than 64 levels deep\n"
    )


def test_C2_json_and_toml_loaders_accept_what_they_accepted():
    assert load_json('{"a": [1, 2.5, "NaN [", {"b": null}]}') == {
        "a": [1, 2.5, "NaN [", {"b": None}]
    }
    assert load_toml('a.b = 1\n[t]\nx = [[1], {y = "]]"}] # [[[\n') == {
        "a": {"b": 1}, "t": {"x": [[1], {"y": "]]"}]},
    }  # fmt: skip


# --- W-3: a lone CR ends a line, as LF and CRLF do.


def test_W3_lone_CR_line_endings_are_read_as_lines(page):
    page("---\rtitle: a\rtitle: b\r---\r")
    assert found(lint("page.md")[1]) == [
        ("FM002", 3, 1, "duplicate key `title` (first defined at line 2)")
    ]


@pytest.mark.parametrize(
    ("text", "data", "body"),
    [
        ("---\rtitle: a\rtags: [x, y]\r---\rbody\r", {"title": "a", "tags": ["x", "y"]}, "body\r"),
        ("---\r\ntitle: a\r\n---\r\nbody\r\n", {"title": "a"}, "body\r\n"),
        ("+++\rtitle = 'a'\rtags = [\r'x',\r'y']\r+++\rbody\r", {"title": "a", "tags": ["x", "y"]},
         "body\r"),
        ('{"title": "a"}\rbody\r', {"title": "a"}, "body\r"),
    ],
    ids=["yaml", "yaml-crlf", "toml", "json"],
)  # fmt: skip
def test_W3_lone_CR_front_matter_and_body_are_split_at_the_right_line(text, data, body):
    doc, problems = parse_text(text, Path("page.md"), "page.md")
    assert (doc.data, doc.body, problems) == (data, body, [])


def test_W3_lone_CR_positions_in_toml_and_json(page, tmp_path):
    (tmp_path / "p.schema.json").write_text(
        '{"properties": {"title": {"type": "string"}}, "additionalProperties": false}',
        encoding="utf-8",
    )
    page("+++\r'$schema' = 'p.schema.json'\rtitle = 'a'\r  tilte = 'b'\r+++\r", "toml.md")
    page('{"title": "a",\r"n": NaN}\r', "json.md")
    assert found(lint("toml.md", "json.md")[1]) == [
        ("FM001", 2, 6, "invalid JSON front matter: NaN is not a JSON value"),
        ("SC002", 4, 3, "unknown key `tilte`; did you mean `title`?"),
    ]


# --- W-9: NaN and Infinity are not JSON.


@pytest.mark.parametrize(
    ("text", "column", "token"),
    [
        ('{"title": NaN}\n', 11, "NaN"),
        ('{"a": [1, Infinity]}\n', 11, "Infinity"),
        ('{"a": {"b": -Infinity}}\n', 13, "-Infinity"),
    ],
)
def test_W9_NaN_and_Infinity_in_json_front_matter_are_syntax_errors(page, text, column, token):
    page(text)
    assert found(lint("page.md")[1]) == [
        ("FM001", 1, column, f"invalid JSON front matter: {token} is not a JSON value")
    ]


def test_W9_NaN_in_a_string_or_in_the_body_is_fine():
    assert read('{"title": "NaN", "n": "Infinity [{"}\nNaN Infinity [[[\n') == (
        {"title": "NaN", "n": "Infinity [{"}, [],
    )  # fmt: skip


def test_W9_schema_with_NaN_is_an_unusable_schema(page, tmp_path):
    (tmp_path / "nan.schema.json").write_text('{"maximum": NaN}', encoding="utf-8")
    page("---\n$schema: nan.schema.json\nn: 1\n---\n")
    assert found(lint("page.md")[1]) == [
        ("SC007", 2, 10, "schema `nan.schema.json` is not valid JSON: "
                         "NaN is not a JSON value (line 1)"),
    ]  # fmt: skip


# --- K-2: too many values is not an alias bomb.


def test_K2_a_150000_item_list_without_alias_is_refused_for_its_values(page):
    page("---\nl:\n" + "- x\n" * 150_000 + "---\n")
    # The root mapping and the list count when complete: the 20,001st item is the one too many.
    assert found(lint("page.md")[1]) == [("FM009", 2 + 20_001, 3, VALUES)]


def test_K2_values_are_counted_without_keys_up_to_the_limit():
    # 19,998 items, the list and the root mapping: 20,000 values; the key `l` does not count.
    data, problems = read("---\nl:\n" + "- x\n" * 19_998 + "---\n")
    assert (len(data["l"]), problems) == (19_998, [])
    assert read("---\nl:\n" + "- x\n" * 19_999 + "---\n") == (
        None, [("FM009", 2, 1, "FM009.values")],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("+++\nl = [" + "1, " * 25_000 + "]\n+++\n", 2, 1),
        ('{"l": [' + "1, " * 25_000 + "1]}\n", 1, 8 + 20_000 * 3),
    ],
    ids=["toml", "json"],
)
def test_K2_toml_and_json_lists_have_the_same_limit(text, line, column):
    assert read(text) == (None, [("FM009", line, column, "FM009.values")])


def test_K2_an_alias_bomb_is_still_an_alias_bomb():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    assert read("---\n" + "\n".join(lines) + "\n---\n") == (
        None, [("FM009", 6, 36, "FM009.aliases")],
    )  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.text("ab\n\r\u2028", max_size=30))
def test_line_starts_are_after_each_lf_crlf_or_cr(text):
    # LineIndex sums the lines' lengths when the text has no CR: the same starts as a search.
    expected = [0] + [found.end() for found in re.finditer(r"\r\n|\r|\n", text)]
    assert LineIndex(text).starts == expected
    assert LineIndex(text.replace("\r", "")).starts == [0] + [
        found.end() for found in re.finditer("\n", text.replace("\r", ""))
    ]
