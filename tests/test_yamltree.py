"""The YAML reader: spans, scalar resolution, and what it refuses."""

from __future__ import annotations

import math

import pytest

from linter import yamltree
from linter.yamltree import LineIndex, MappingNode, ScalarNode, SequenceNode


def parse(text: str):
    return yamltree.parse(text, 0, LineIndex(text))


def test_spans_are_one_based_in_unicode_characters():
    root, problems = parse('titre: "Été 2024"\nliste:\n  - €uro\n')
    assert problems == []
    assert isinstance(root, MappingNode)
    value = root.get("titre")
    assert (value.span.line, value.span.column, value.span.end_line, value.span.end_column) == (
        1, 8, 1, 18,
    )  # fmt: skip
    key = root.key_node("liste")
    assert (key.span.line, key.span.column) == (2, 1)
    items = root.get("liste")
    assert isinstance(items, SequenceNode)
    assert (items.items[0].span.line, items.items[0].span.column) == (3, 5)
    assert items.items[0].span.end_column == 9


def test_crlf_and_offsets_inside_a_file():
    text = "---\r\na: 1\r\nb: é\r\n---\r\n"
    lines = LineIndex(text)
    end = text.index("---", 3)
    root, _ = yamltree.parse(text[5:end], 5, lines)
    value = root.get("b")
    assert (value.span.line, value.span.column, value.span.start) == (3, 4, 14)
    assert text[value.span.start : value.span.end] == "é"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", None), ("~", None), ("null", None), ("true", True), ("False", False),
        ("yes", "yes"), ("42", 42), ("-7", -7), ("0o17", 15), ("0x1F", 31), ("1.5", 1.5),
        ("1e3", 1000.0), (".inf", math.inf), ("2024-01-29", "2024-01-29"), ("1er mars", "1er mars"),
        ("+", "+"),
    ],
)  # fmt: skip
def test_plain_scalars_resolve_with_the_yaml_1_2_core_schema(raw, expected):
    assert yamltree.resolve_plain(raw) == expected


def test_quoted_and_block_scalars_stay_strings_and_keep_their_style():
    root, _ = parse("a: '42'\nb: \"true\"\nc: |\n  x\nd: >-\n  y\n  z\n")
    assert [(root.get(k).value, root.get(k).style) for k in "abcd"] == [
        ("42", "'"), ("true", '"'), ("x\n", "|"), ("y z", ">"),
    ]  # fmt: skip


def test_duplicate_key_is_reported_at_the_second_occurrence():
    root, problems = parse("title: a\nlayout: b\n'title': c\n")
    assert [(p.kind, p.start, p.detail, p.first_line) for p in problems] == [
        ("duplicate-key", 19, "title", 1)
    ]
    assert root.get("title").value == "c"


def test_python_tags_are_refused_and_never_constructed():
    root, problems = parse("a: !!python/object/apply:os.system ['true']\nb: !custom x\n")
    assert [(p.kind, p.detail) for p in problems] == [
        ("tag", "tag:yaml.org,2002:python/object/apply:os.system"),
        ("tag", "!custom"),
    ]
    assert yamltree.to_data(root) == {"a": ["true"], "b": "x"}


def test_standard_tags_are_honoured():
    root, problems = parse("a: !!str 42\nb: !!int '7'\nc: !!float 1\n")
    assert problems == []
    assert yamltree.to_data(root) == {"a": "42", "b": 7, "c": 1.0}


def test_billion_laughs_is_refused_quickly():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    root, problems = parse("\n".join(lines) + "\n")
    assert root is None
    assert [(p.kind, p.detail) for p in problems] == [("too-complex", "aliases")]
    # The limit is passed at the 8th alias of line e (each *d stands for 11,111 values).
    line_e = "\n".join(lines).index("e: ")
    assert problems[0].start == line_e + len("e: &e [") + 7 * len("*d, ")


def test_deep_nesting_is_refused_without_recursion_error():
    text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    root, problems = parse(text)
    assert root is None
    assert [(p.kind, p.detail, p.start) for p in problems] == [("too-complex", "depth", 66)]


def test_aliases_merge_keys_and_alias_spans():
    root, problems = parse("base: &b {x: 1, y: 2}\npage:\n  <<: *b\n  y: 3\nother: *b\n")
    assert problems == []
    assert yamltree.to_data(root)["page"] == {"x": 1, "y": 3}
    alias = root.get("other")
    assert (alias.span.line, alias.span.column) == (5, 8)


@pytest.mark.parametrize(
    ("text", "detail"),
    [("a: *nope\n", "undefined alias *nope"), ("a: &x [*x]\n", "recursive alias *x")],
)
def test_bad_aliases_are_syntax_problems(text, detail):
    root, problems = parse(text)
    assert root is None
    assert [(p.kind, p.detail) for p in problems] == [("syntax", detail)]


def test_syntax_error_position_and_context():
    root, problems = parse("title: [x\nlayout: apply\n")
    assert root is None
    assert [(p.start, p.detail) for p in problems] == [
        (16, "did not find expected ',' or ']' (while parsing a flow sequence at line 1)")
    ]


def test_format_path():
    assert yamltree.format_path(("steps", "dates", 2, "desc")) == "steps.dates[2].desc"
    assert yamltree.format_path(("a b", 0)) == '["a b"][0]'
    assert yamltree.format_path(()) == ""


def test_walk_yields_every_node_with_its_path():
    root, _ = parse("a:\n  - b: 1\n")
    assert [path for path, _node in yamltree.walk(root)] == [(), ("a",), ("a", 0), ("a", 0, "b")]
    assert isinstance(dict(yamltree.walk(root))[("a", 0, "b")], ScalarNode)
