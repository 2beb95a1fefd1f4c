"""TOML key positions: every key and table where it is written, whatever strings, arrays, inline
tables or comments come before it (tomllib gives no positions; ``tomlkeys`` scans for them)."""

from __future__ import annotations

import pytest

from linter import tomlkeys
from linter.yamltree import LineIndex


def spans(text: str, before: str = "") -> dict[tuple, tuple[int, int, int, int]]:
    """(line, column, end line, end column) of every path, ``text`` placed after ``before``."""
    lines = LineIndex(before + text)
    return {
        path: (span.line, span.column, span.end_line, span.end_column)
        for path, span in tomlkeys.key_spans(text, len(before), lines).items()
    }


MULTILINE_BASIC = 'a = """\nb = 1\n[t]\n[[u]]\n"""\nc = 2\n'
MULTILINE_LITERAL = "a = '''\nb = 1\n[t]\n'''\n  c = 2\n"
QUOTE_RUNS = (
    'a = """x""""\n'  # 4 quotes: one belongs to the string
    'b = """x"""""\n'  # 5 quotes: two belong to the string
    "c = '''x'''''\n"
    'd = """\\""" = 1\n[t]\n"""\n'  # an escaped quote does not start the delimiter
    'e = """\\\n  [t]\n  """\n'  # a line-ending backslash
    'f = """"x"""\n'  # a quote right after the opening delimiter
    "g = 1\n"
)
ARRAYS = (
    "a = [\n"
    '  "x]", # ] = [\n'
    "  'y#', \"\"\"\nk = 1\n\"\"\", '''\n[t]\n''',\n"
    "  [1, [2, 3]],\n"
    "]\n"
    "b = [{x = 1}, {y = [{z = 2}]}]\n"
    "c = 3\n"
)
INLINE = 'x = {a = 1, "b.c" = {d = 2}, e.f = 3}\ny = {}\nz = 4\n'
COMMENTS = "# a = 1\n# [t]\nb = 2 # c = 3\n[u] # [v] w = 5\nd = 4 # = [\n"
QUOTED = '"a.b" = 1\n"é\\"x" = 2\n\'c d\' = 3\n"\\u00e9t\\u00e9" = 4\n"" = 5\n'
DOTTED = "a . b.  c = 1\nd.'e.f'.\"g\" = 2\n"
TABLES = "[t]\nx = 1\n[ t . u ]\n\ty = 2\n[\"v.w\".'x']\n  z = 3\n"
ARRAY_OF_TABLES = (
    "[[p]]\nn = 1\n[p.q]\nm = 1\n[[p]]\nn = 2\n[[p.r]]\nk = 1\n[[p.r]]\nk = 2\n[s]\nt = 1\n"
)
CRLF = (
    "a = '''\r\nb = 1\r\n'''\r\n[t]\r\nc = \"\"\"\r\nd = 2\"\"\"\r\ne = [\r\n 1,\r\n]\r\nf = 3\r\n"
)
TEXTS = {
    "multiline-basic": MULTILINE_BASIC,
    "multiline-literal": MULTILINE_LITERAL,
    "quote-runs": QUOTE_RUNS,
    "arrays": ARRAYS,
    "inline": INLINE,
    "comments": COMMENTS,
    "quoted": QUOTED,
    "dotted": DOTTED,
    "tables": TABLES,
    "array-of-tables": ARRAY_OF_TABLES,
    "crlf": CRLF,
}


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        pytest.param(MULTILINE_BASIC, ("a",), (1, 1, 1, 2), id="basic-key"),
        pytest.param(MULTILINE_BASIC, ("c",), (6, 1, 6, 2), id="after-multiline-basic"),
        pytest.param(MULTILINE_LITERAL, ("c",), (5, 3, 5, 4), id="after-multiline-literal"),
        pytest.param(QUOTE_RUNS, ("b",), (2, 1, 2, 2), id="after-four-quotes"),
        pytest.param(QUOTE_RUNS, ("c",), (3, 1, 3, 2), id="after-five-quotes"),
        pytest.param(QUOTE_RUNS, ("e",), (7, 1, 7, 2), id="after-escaped-quote"),
        pytest.param(QUOTE_RUNS, ("g",), (11, 1, 11, 2), id="after-line-ending-backslash"),
        pytest.param(ARRAYS, ("b",), (10, 1, 10, 2), id="after-multiline-array"),
        pytest.param(ARRAYS, ("b", 0, "x"), (10, 7, 10, 8), id="array-of-inline-tables"),
        pytest.param(ARRAYS, ("b", 1, "y", 0, "z"), (10, 22, 10, 23), id="nested-arrays"),
        pytest.param(ARRAYS, ("c",), (11, 1, 11, 2), id="after-nested-arrays"),
        pytest.param(INLINE, ("x", "a"), (1, 6, 1, 7), id="inline-key"),
        pytest.param(INLINE, ("x", "b.c"), (1, 13, 1, 18), id="inline-quoted-key"),
        pytest.param(INLINE, ("x", "b.c", "d"), (1, 22, 1, 23), id="inline-in-inline"),
        pytest.param(INLINE, ("x", "e"), (1, 30, 1, 31), id="inline-dotted-prefix"),
        pytest.param(INLINE, ("x", "e", "f"), (1, 30, 1, 33), id="inline-dotted-key"),
        pytest.param(INLINE, ("y",), (2, 1, 2, 2), id="empty-inline"),
        pytest.param(INLINE, ("z",), (3, 1, 3, 2), id="after-inline"),
        pytest.param(COMMENTS, ("b",), (3, 1, 3, 2), id="after-comments"),
        pytest.param(COMMENTS, ("u",), (4, 1, 4, 4), id="table-with-comment"),
        pytest.param(COMMENTS, ("u", "d"), (5, 1, 5, 2), id="key-after-table-comment"),
        pytest.param(QUOTED, ("a.b",), (1, 1, 1, 6), id="quoted-dot"),
        pytest.param(QUOTED, ('é"x',), (2, 1, 2, 7), id="quoted-escape"),
        pytest.param(QUOTED, ("c d",), (3, 1, 3, 6), id="literal-key"),
        pytest.param(QUOTED, ("été",), (4, 1, 4, 16), id="unicode-escape"),
        pytest.param(QUOTED, ("",), (5, 1, 5, 3), id="empty-key"),
        pytest.param(DOTTED, ("a",), (1, 1, 1, 2), id="dotted-first"),
        pytest.param(DOTTED, ("a", "b"), (1, 1, 1, 6), id="dotted-prefix"),
        pytest.param(DOTTED, ("a", "b", "c"), (1, 1, 1, 10), id="dotted-spaces"),
        pytest.param(DOTTED, ("d", "e.f", "g"), (2, 1, 2, 12), id="dotted-quoted"),
        pytest.param(TABLES, ("t",), (1, 1, 1, 4), id="table"),
        pytest.param(TABLES, ("t", "u"), (3, 1, 3, 10), id="table-spaces"),
        pytest.param(TABLES, ("t", "u", "y"), (4, 2, 4, 3), id="key-after-tab"),
        pytest.param(TABLES, ("v.w", "x"), (5, 1, 5, 12), id="table-quoted"),
        pytest.param(TABLES, ("v.w", "x", "z"), (6, 3, 6, 4), id="indented-key"),
        pytest.param(ARRAY_OF_TABLES, ("p",), (1, 1, 1, 6), id="aot-first-header"),
        pytest.param(ARRAY_OF_TABLES, ("p", 0, "n"), (2, 1, 2, 2), id="aot-0"),
        pytest.param(ARRAY_OF_TABLES, ("p", 0, "q", "m"), (4, 1, 4, 2), id="aot-subtable"),
        pytest.param(ARRAY_OF_TABLES, ("p", 1), (5, 1, 5, 6), id="aot-1-header"),
        pytest.param(ARRAY_OF_TABLES, ("p", 1, "n"), (6, 1, 6, 2), id="aot-1"),
        pytest.param(ARRAY_OF_TABLES, ("p", 1, "r", 0, "k"), (8, 1, 8, 2), id="nested-aot-0"),
        pytest.param(ARRAY_OF_TABLES, ("p", 1, "r", 1), (9, 1, 9, 8), id="nested-aot-1-header"),
        pytest.param(ARRAY_OF_TABLES, ("p", 1, "r", 1, "k"), (10, 1, 10, 2), id="nested-aot-1"),
        pytest.param(ARRAY_OF_TABLES, ("s", "t"), (12, 1, 12, 2), id="after-aot"),
        pytest.param(CRLF, ("t",), (4, 1, 4, 4), id="crlf-table"),
        pytest.param(CRLF, ("t", "c"), (5, 1, 5, 2), id="crlf-key"),
        pytest.param(CRLF, ("t", "f"), (10, 1, 10, 2), id="crlf-after-string-and-array"),
    ],
)  # fmt: skip
def test_key_span(text, path, expected):
    assert spans(text)[path] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(MULTILINE_BASIC, {("a",), ("c",)}, id="multiline-basic"),
        pytest.param(MULTILINE_LITERAL, {("a",), ("c",)}, id="multiline-literal"),
        pytest.param(QUOTE_RUNS, {(k,) for k in "abcdefg"}, id="quote-runs"),
        pytest.param(COMMENTS, {("b",), ("u",), ("u", "d")}, id="comments"),
        pytest.param(ARRAYS, {("a",), ("b",), ("b", 0, "x"), ("b", 1, "y"), ("b", 1, "y", 0, "z"), ("c",)},
                     id="arrays"),
    ],
)  # fmt: skip
def test_text_inside_strings_and_comments_is_not_a_key(text, expected):
    assert set(spans(text)) == expected


def test_positions_count_from_the_block_offset_in_the_page():
    # Front matter: the block starts after `+++`; CRLF endings as in the file.
    assert spans(CRLF, before="+++\r\n")[("t", "c")] == (6, 1, 6, 2)
    assert spans(MULTILINE_BASIC, before="+++\n")[("c",)] == (7, 1, 7, 2)


def _chain(data: object) -> tuple:
    """The keys of a one-key-per-level value, as tomllib read it (lists skipped)."""
    keys: tuple = ()
    while isinstance(data, (dict, list)) and len(data) == 1:
        if isinstance(data, dict):
            (key, data), *_ = data.items()
            keys = (*keys, key)
        else:
            data = data[0]
    return keys


def _paths(data: object, here: tuple = ()) -> set[tuple]:
    """Every path of a key of the data (list items indexed)."""
    found: set[tuple] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            found |= {(*here, key), *_paths(value, (*here, key))}
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found |= _paths(value, (*here, index))
    return found


@pytest.mark.parametrize("name", TEXTS)
def test_every_key_is_found_and_its_span_is_the_key_as_written(name):
    text = TEXTS[name]
    data = tomlkeys.loads(text)
    found = tomlkeys.key_spans(text, 0, LineIndex(text))
    # Every key tomllib read has a span, and nothing else has one (array-of-tables elements aside).
    keys = _paths(data)
    assert {p for p in found if not isinstance(p[-1], int)} == keys
    for path, span in found.items():
        written = text[span.start : span.end]
        names = tuple(p for p in path if not isinstance(p, int))
        if written.startswith("["):  # a table header: it names this path, or a table inside it
            assert _chain(tomlkeys.loads(written))[: len(names)] == names
        else:  # a key (or the start of a dotted key) as written, read back by tomllib
            parts = _chain(tomlkeys.loads(f"{written} = 0"))
            assert parts == names[-len(parts) :]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('a = """', {("a",)}),
        ("a = '''\nb = 1", {("a",)}),
        ('a = "x\nb = 1\n', {("a",), ("b",)}),
        ("a = [\n[[x]]\n", {("a",)}),
        ("a = {b = {c = [", {("a",), ("a", "b"), ("a", "b", "c")}),
        ("[[a.b\n= ]] }", {("a",), ("a", "b"), ("a", "b", 0)}),
        ('"\\uZZZZ" = 1\n"\\U0011FFFF" = 2\n', {("\\uZZZZ",), ("\\U0011FFFF",)}),
        ("\x00 = \\ ''' \"\"\" # [ ] { } , = .\nb = 1", {("\x00",), ("b",)}),
        ("a" + ".b" * 5_000 + " = 1\nc = 2\n", {("c",)}),
        ("a = " + "[" * 50_000 + "{b = 1}" + "]" * 50_000 + "\nc = 2\n", {("a",), ("c",)}),
    ],
    ids=lambda value: repr(value[:24]) if isinstance(value, str) else "",
)
def test_any_text_gives_an_answer_without_raising(text, expected):
    # Not TOML (unclosed, too deep): never an exception (which would give no span at all).
    assert set(spans(text)) == expected


def test_paths_deeper_than_any_toml_parser_reads_are_not_recorded():
    found = spans("x = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\ny = 2\n")
    assert (len(found), max(map(len, found)), found[("y",)]) == (257, 256, (2, 1, 2, 2))
