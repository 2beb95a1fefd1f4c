"""Reading pages: front-matter formats, and every kind of bad input as a located diagnostic."""

from __future__ import annotations

import os

import pytest

from tests.conftest import found, lint


def test_page_without_front_matter_is_skipped_silently(page):
    page("# Titre\n\nDu texte.\n")
    assert lint("page.md") == (
        0,
        {"version": 1, "files_checked": 1, "files_validated": 0, "diagnostics": []},
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            "---\ntitle: [x\nlayout: page\n---\n",
            ("FM001", 3, 7, "invalid YAML: did not find expected ',' or ']' "
             "(while parsing a flow sequence at line 2)"),
            id="yaml-syntax",
        ),
        pytest.param(
            "---\ntitle: a\nlayout: page\ntitle: b\n---\n",
            ("FM002", 4, 1, "duplicate key `title` (first defined at line 2)"),
            id="duplicate-key",
        ),
        pytest.param(
            "---\ntitle: a\n\nbody text\n",
            ("FM003", 1, 1, "front matter opened with `---` is never closed"),
            id="unclosed",
        ),
        pytest.param(
            "+++\ntitle = 'a'\n",
            ("FM003", 1, 1, "front matter opened with `+++` is never closed"),
            id="unclosed-toml",
        ),
        pytest.param(
            "---\n- title: a\n---\n",
            ("FM004", 2, 1, "front matter must be a mapping of keys to values, not a list"),
            id="list",
        ),
        pytest.param(
            "---\njust text\n---\n",
            ("FM004", 2, 1, "front matter must be a mapping of keys to values, not a single value"),
            id="scalar",
        ),
        pytest.param(
            "",
            ("FM007", 1, 1, "empty file"),
            id="empty",
        ),
        pytest.param(
            "---\ntitle: x\nrun: !!python/object/apply:os.system ['echo hacked']\n---\n",
            ("FM008", 3, 6, "tag `tag:yaml.org,2002:python/object/apply:os.system` is not "
             "allowed: it is ignored and the value read as plain text"),
            id="python-tag",
        ),
        pytest.param(
            "---\n? [a, b]\n: c\n---\n",
            ("FM010", 2, 3, "a key must be a plain name, not a list or a mapping"),
            id="complex-key",
        ),
        pytest.param(
            "---\ntitle: \"x\x01\"\n---\n",
            ("FM001", 2, 10, "invalid YAML: control characters are not allowed (#x0001)"),
            id="control-character",
        ),
        pytest.param(
            "{\n  \"title\": \"a\",\n  \"layout\" \"page\"\n}\n",
            ("FM001", 3, 12, "invalid JSON front matter: Expecting ':' delimiter"),
            id="json-syntax",
        ),
        pytest.param(
            "+++\ntitle = 'a'\nlayout = \n+++\n",
            ("FM001", 3, 10, "invalid TOML front matter: Invalid value"),
            id="toml-syntax",
        ),
    ],
)  # fmt: skip
def test_bad_front_matter_gets_one_located_diagnostic(page, content, expected):
    page(content)
    code, payload = lint("page.md")
    assert found(payload) == [expected]
    assert code == (0 if expected[0] == "FM007" else 1)


def test_non_utf8_byte_is_located(page):
    page("---\ntitle: Été\n---\n".encode("latin-1"))
    assert found(lint("page.md")[1]) == [
        ("FM005", 2, 8, "byte 0xC9 is not valid UTF-8: save the file as UTF-8")
    ]


def test_binary_and_utf16_files(page):
    page(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.md")
    page("---\ntitle: a\n---\n".encode("utf-16"), "utf16.md")
    assert found(lint("image.md", "utf16.md")[1]) == [
        ("FM005", 1, 1, "binary file: a page must be UTF-8 text"),
        ("FM005", 1, 1, "file is encoded in UTF-16: save it as UTF-8"),
    ]


def test_unreadable_file_and_the_run_goes_on(page, tmp_path):
    os.symlink(tmp_path / "nowhere.md", tmp_path / "broken.md")
    page("---\ntitle: a\ntitle: b\n---\n", "next.md")
    code, payload = lint("broken.md", "next.md")
    assert code == 1
    assert [
        (d["path"], *row) for d, row in zip(payload["diagnostics"], found(payload), strict=True)
    ] == [
        ("broken.md", "FM006", 1, 1, "cannot read file: No such file or directory"),
        ("next.md", "FM002", 3, 1, "duplicate key `title` (first defined at line 2)"),
    ]


def test_bom_and_crlf_keep_exact_columns(page):
    page("\ufeff---\r\ntitle: a\r\ntitle: b\r\n---\r\nbody\r\n")
    assert found(lint("page.md")[1]) == [
        ("FM002", 3, 1, "duplicate key `title` (first defined at line 2)")
    ]


def test_closing_with_dots_and_trailing_spaces(page):
    page("--- \ntitle: a\ntitle: b\n... \nbody\n")
    assert found(lint("page.md")[1]) == [
        ("FM002", 3, 1, "duplicate key `title` (first defined at line 2)")
    ]


def test_empty_front_matter_and_empty_hugo_index_are_fine(page):
    page("---\n---\nbody\n")
    page("", "_index.md")
    assert lint("page.md", "_index.md") == (
        0, {"version": 1, "files_checked": 2, "files_validated": 0, "diagnostics": []},
    )  # fmt: skip


def test_alias_bomb_is_refused_quickly(page):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    page("---\n" + "\n".join(lines) + "\n---\n")
    assert found(lint("page.md")[1]) == [
        ("FM009", 6, 36, "aliases expand to too many values: document refused")
    ]


def test_deep_nesting_is_refused(page):
    page("---\na: " + "[" * 100_000 + "]" * 100_000 + "\n---\n")
    assert found(lint("page.md")[1]) == [
        ("FM009", 2, 67, "front matter is nested too deeply to check")
    ]


def test_huge_file_is_refused_without_reading_it(page, tmp_path):
    with open(tmp_path / "page.md", "wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    assert found(lint("page.md")[1]) == [
        ("FM009", 1, 1, f"file is too large to check ({11 * 1024 * 1024} bytes)")
    ]


def test_toml_keys_after_a_multiline_string_keep_their_line_and_column(page, tmp_path):
    # A `"""` string whose lines look like keys and tables used to shift every later position.
    (tmp_path / "page.schema.json").write_text(
        '{"properties": {"title": {"type": "string"}, "summary": {"type": "string"},'
        ' "links": {"properties": {"home": {"type": "string"}}, "additionalProperties": false},'
        ' "params": {"properties": {"kind": {"enum": ["atelier", "bootcamp"]}}}},'
        ' "additionalProperties": false}',
        encoding="utf-8",
    )
    (tmp_path / ".frontlint.toml").write_text(
        '[schemas]\n"*.md" = "page.schema.json"\n', encoding="utf-8"
    )
    page(
        "+++\n"
        'title = "Atelier"\n'
        'summary = """\n'
        'layout = "fake"\n'
        "[extra]\n"
        '"""\n'
        '  tilte = "x"\n'
        "links = { hom = 'https://exemple.fr' }\n"
        "[params]\n"
        "\tkind = 'bootcmp'\n"
        "+++\n"
        "body\n"
    )
    assert found(lint("page.md")[1]) == [
        ("SC002", 7, 3, "unknown key `tilte`; did you mean `title`?"),
        ("SC002", 8, 11, "links: unknown key `hom`; did you mean `home`?"),
        ("SC006", 10, 2, "params.kind: `bootcmp` is not one of the 2 allowed values; "
         "did you mean `bootcamp`?"),
    ]  # fmt: skip
