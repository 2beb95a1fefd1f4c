"""The human text report: `full` (each problem with its source line underlined) and `concise`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter.diagnostics import Diagnostic, Edit, Fix, Severity, Span, message
from linter.engine import Result
from linter.report import text
from linter.report.excerpt import Sources, cut
from linter.yamltree import LineIndex
from tests.conftest import TODAY, run

TITLE = "---\ntitle: Découvrez la 7ème promotion\n---\n"


def check(*args: str) -> tuple[int, str]:
    return run("check", "--isolated", "--today", TODAY, *args)


def ordinal(path: str, source: str, start: int, end: int, fix: Fix | None = None) -> Diagnostic:
    """A TY001 diagnostic on characters ``start:end`` of ``source`` (the file's text)."""
    return Diagnostic(
        path,
        LineIndex(source).span(start, end),
        "TY001",
        "french-ordinal",
        Severity.WARNING,
        message("TY001", fixed="7e", text="7ème"),
        fix,
    )


def render(*diagnostics: Diagnostic, lang: str = "en", show_fixes: bool = False) -> str:
    result = Result(tuple(diagnostics), 1)
    return text.render(result, lang, show_fixes=show_fixes, quiet=True)


# -- What a problem looks like --------------------------------------------------------------------

TITLE_FULL = (
    "page.md:2:21: warning TY001 [french-ordinal] title: write `7e`, not `7ème`\n"
    "  |\n"
    "2 | title: Découvrez la 7ème promotion\n"
    "  |                     ^^^^\n"
    "\n"
    "1 warning in 1 file (1 checked; none had a schema)\n"
    "1 fixable with `--fix`\n"
)
"""``TITLE`` in the full format."""


def test_a_one_line_span_is_underlined_under_its_line(page):
    page(TITLE)
    assert check("page.md") == (0, TITLE_FULL)


def test_text_is_the_other_name_of_full_and_output_format_of_format(page):
    page(TITLE)
    full = check("page.md")
    assert full == (0, TITLE_FULL)
    assert check("--format", "text", "page.md") == full
    assert check("--output-format", "full", "page.md") == full
    assert check("--output-format", "text", "page.md") == full


def test_concise_keeps_the_one_line_form(page):
    page(TITLE)
    assert check("--output-format", "concise", "page.md") == (0, (
        "page.md:2:21: TY001 title: write `7e`, not `7ème`\n"
        "1 warning in 1 file (1 checked; none had a schema)\n"
    ))  # fmt: skip
    assert check("--format", "concise", "--quiet", "page.md") == (
        0, "page.md:2:21: TY001 title: write `7e`, not `7ème`\n"
    )  # fmt: skip


def test_french_output(page):
    page(TITLE)
    assert check("--lang", "fr", "page.md") == (0, (
        "page.md:2:21: avertissement TY001 [french-ordinal] title: écrire `7e`, pas `7ème`\n"
        "  |\n"
        "2 | title: Découvrez la 7ème promotion\n"
        "  |                     ^^^^\n"
        "\n"
        "1 avertissement dans 1 fichier (1 vérifié ; aucun n’avait de schéma)\n"
        "1 problème corrigeable avec `--fix`\n"
    ))  # fmt: skip


def test_quiet_and_statistics_in_the_full_form(page):
    page(TITLE)
    assert check("--quiet", "page.md") == (0, (
        "page.md:2:21: warning TY001 [french-ordinal] title: write `7e`, not `7ème`\n"
        "  |\n"
        "2 | title: Découvrez la 7ème promotion\n"
        "  |                     ^^^^\n"
    ))  # fmt: skip
    assert check("--quiet", "--statistics", "page.md") == (0, (
        "page.md:2:21: warning TY001 [french-ordinal] title: write `7e`, not `7ème`\n"
        "  |\n"
        "2 | title: Découvrez la 7ème promotion\n"
        "  |                     ^^^^\n"
        "\n"
        "1  TY001  french-ordinal\n"
    ))  # fmt: skip


def test_a_problem_of_a_whole_file_has_no_excerpt_and_a_link_out_is_not_read(tmp_path, monkeypatch):
    (tmp_path / "outside.md").write_text("---\ntitle: secret\n---\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "page.md").symlink_to("../outside.md")
    monkeypatch.chdir(tmp_path / "site")
    assert check("page.md") == (1, (
        "page.md:1:1: error FM006 [unreadable-file] symbolic link pointing outside the checked "
        "folder: not followed\n"
        "\n"
        "1 error in 1 file (1 checked; none had a schema)\n"
    ))  # fmt: skip
    # Even with a span that would fit, an FM006 is never an excerpt of the file it names.
    refused = Diagnostic(
        "page.md", Span(1, 1, 1, 4, 0, 3), "FM006", "unreadable-file", Severity.ERROR,
        message("FM006.outside"),
    )  # fmt: skip
    assert Sources().excerpt(refused) is None


# -- Where the carets go --------------------------------------------------------------------------


def test_a_span_at_column_1316_of_a_long_line_is_shown_cut_around_it(page):
    line = "texte " * 218 + "abc la 7ème fois " + "suite " * 50
    page(f"---\ntitle: Un titre\n---\n{line}\n")
    assert check("--select", "TY001", "page.md") == (0, (
        "page.md:4:1316: warning TY001 [french-ordinal] write `7e`, not `7ème`\n"
        "  |\n"
        "4 | …exte texte texte texte texte texte texte abc la 7ème fois "
        "suite suite suite suite suite suite suite …\n"
        "  |                                                  ^^^^\n"
        "\n"
        "1 warning in 1 file (1 checked; none had a schema)\n"
        "1 fixable with `--fix`\n"
    ))  # fmt: skip


def test_a_span_near_the_end_of_a_long_line_takes_its_context_before():
    line = "a" * 200 + "7ème" + "b" * 10
    excerpt = cut(3, line, 200, 204)
    assert excerpt.text == "…" + "a" * 86 + "7ème" + "b" * 10
    assert (excerpt.before, excerpt.carets, excerpt.continues) == (87, 4, None)


def test_a_span_longer_than_the_width_is_cut_too():
    line = "title: " + "z" * 300
    excerpt = cut(2, line, 7, 307)
    assert excerpt.text == "title: " + "z" * 80 + "…"
    assert (excerpt.before, excerpt.carets) == (7, 80)


def test_a_multi_line_span_shows_its_first_line_and_says_it_continues(page):
    source = "---\ndescription: >\n  un texte\n  sur deux lignes\n---\n"
    page(source)
    start = source.index("description")
    d = ordinal("page.md", source, start, source.index("\n---\n", 4))
    assert render(d) == (
        "page.md:2:1: warning TY001 [french-ordinal] write `7e`, not `7ème`\n"
        "  |\n"
        "2 | description: >\n"
        "  | ^^^^^^^^^^^^^^ (continues to line 4)\n"
    )
    assert render(d, lang="fr").splitlines()[3] == "  | ^^^^^^^^^^^^^^ (jusqu’à la ligne 4)"
    # Up to the line break (the next line's first column): the span ends with its line.
    whole_line = ordinal("page.md", source, start, source.index("  un texte"))
    assert render(whole_line).splitlines()[3] == "  | ^^^^^^^^^^^^^^"


def test_tabs_are_four_spaces_and_the_carets_follow(page):
    page("---\ntitle: La\t7ème promotion\n---\n")
    assert check("--quiet", "page.md") == (0, (
        "page.md:2:11: warning TY001 [french-ordinal] title: write `7e`, not `7ème`\n"
        "  |\n"
        "2 | title: La    7ème promotion\n"
        "  |              ^^^^\n"
    ))  # fmt: skip


def test_a_combining_accent_takes_no_cell(page):
    page("---\ntitle: De\u0301couvrez la 7ème promotion\n---\n")
    assert check("--quiet", "page.md") == (0, (
        "page.md:2:22: warning TY001 [french-ordinal] title: write `7e`, not `7ème`\n"
        "  |\n"
        "2 | title: De\u0301couvrez la 7ème promotion\n"
        "  |                     ^^^^\n"
    ))  # fmt: skip


def test_an_emoji_and_cjk_take_two_cells(page):
    page("---\ntitle: 🎉 日本 la 7ème promotion\n---\n")
    assert check("--quiet", "page.md") == (0, (
        "page.md:2:16: warning TY001 [french-ordinal] title: write `7e`, not `7ème`\n"
        "  |\n"
        "2 | title: 🎉 日本 la 7ème promotion\n"
        "  |                   ^^^^\n"
    ))  # fmt: skip


def test_an_empty_span_gets_one_caret_even_past_the_end_of_its_line():
    assert cut(1, "abc", 1, 1) == cut(1, "abc", 1, 1, None, False, False)
    excerpt = cut(1, "abc", 3, 3)
    assert (excerpt.text, excerpt.before, excerpt.carets) == ("abc", 3, 1)


def test_a_line_number_of_several_digits_widens_the_gutter(page):
    source = "---\ntitle: Un titre\n---\n" + "\n" * 120 + "la 7ème fois\n"
    page(source)
    start = source.index("7ème")
    assert render(ordinal("page.md", source, start, start + 4)) == (
        "page.md:124:4: warning TY001 [french-ordinal] write `7e`, not `7ème`\n"
        "    |\n"
        "124 | la 7ème fois\n"
        "    |    ^^^^\n"
    )


# -- Files that changed, vanished or are hostile --------------------------------------------------


def test_a_file_that_vanished_or_changed_since_has_no_excerpt(page):
    path = page(TITLE)
    start = TITLE.index("7ème")
    d = ordinal("page.md", TITLE, start, start + 4)
    header = "page.md:2:21: warning TY001 [french-ordinal] write `7e`, not `7ème`\n"
    path.write_text("---\ntitle: La 7ème\n---\n", encoding="utf-8")  # the offset is now beyond
    assert render(d) == header
    path.write_text("---\nt: x\ntitle: Découvrez la 7ème promotion\n", encoding="utf-8")
    assert render(d) == header  # the offset is on another line
    path.unlink()
    assert render(d) == header
    path.mkdir()
    assert render(d) == header
    path.rmdir()
    os.mkfifo(path)  # no regular file: never opened (opening a pipe waits for a writer)
    assert render(d) == header


def test_each_file_is_read_once_for_all_its_problems(page, monkeypatch):
    from linter import document

    source = "---\ntitle: la 7ème et la 8ème\n---\n"
    page(source)
    reads: list[str] = []
    real = document.read_regular

    def counted(file, limit):
        reads.append(str(file))
        return real(file, limit)

    monkeypatch.setattr(document, "read_regular", counted)
    first, second = source.index("7ème"), source.index("8ème")
    out = render(
        ordinal("page.md", source, first, first + 4), ordinal("page.md", source, second, second + 4)
    )
    assert out.count("2 | title: la 7ème et la 8ème\n") == 2
    assert reads == ["page.md"]


def test_hostile_lines_are_shown_escaped_and_never_run_as_commands(page):
    page(
        "---\ntitle: Un titre\n---\n::error::x la 7ème fois\n\x1b[31mla\u202e 8ème ##[group]x\n",
        "::warning::y.md",
    )
    assert check("--select", "TY001", "::warning::y.md") == (0, (
        "./::warning::y.md:4:15: warning TY001 [french-ordinal] write `7e`, not `7ème`\n"
        "  |\n"
        "4 | ::error::x la 7ème fois\n"
        "  |               ^^^^\n"
        "\n"
        "./::warning::y.md:5:10: warning TY001 [french-ordinal] write `8e`, not `8ème`\n"
        "  |\n"
        "5 | \\x1b[31mla\\u202e 8ème #\\x23[group]x\n"
        "  |                  ^^^^\n"
        "\n"
        "2 warnings in 1 file (1 checked; none had a schema)\n"
        "2 fixable with `--fix`\n"
    ))  # fmt: skip


@pytest.mark.parametrize("flush", [1, 2, 3, 5, 4096])
def test_the_report_is_written_a_few_lines_at_a_time(page, monkeypatch, tmp_path, flush):
    # text.chunks: a report of many problems is never held whole; the pieces end at line ends
    # (`defused` reads whole lines) and make the report the whole text would.
    page(
        "---\ntitle: Un titre\n---\n::error::x la 7ème fois\n\n::notice::la 8ème\n",
        "::warning::y.md",
    )
    expected = (0, (
        "./::warning::y.md:4:15: warning TY001 [french-ordinal] write `7e`, not `7ème`\n"
        "  |\n"
        "4 | ::error::x la 7ème fois\n"
        "  |               ^^^^\n"
        "\n"
        "./::warning::y.md:6:14: warning TY001 [french-ordinal] write `8e`, not `8ème`\n"
        "  |\n"
        "6 | ::notice::la 8ème\n"
        "  |              ^^^^\n"
        "\n"
        "2 warnings in 1 file (1 checked; none had a schema)\n"
        "2 fixable with `--fix`\n"
    ))  # fmt: skip
    monkeypatch.setattr(text, "FLUSH_LINES", flush)
    assert check("--select", "TY001", "::warning::y.md") == expected
    assert check("--select", "TY001", "-o", "out.txt", "::warning::y.md") == (0, "")
    assert Path("out.txt").read_text(encoding="utf-8") == expected[1]
    ordinals = [ordinal("a.md", "la 7ème\n" * 3, 3 + 9 * i, 8 + 9 * i) for i in range(3)]
    pieces = list(text.chunks(Result(tuple(ordinals), 1), "en", quiet=True))
    assert "".join(pieces) == text.render(Result(tuple(ordinals), 1), "en", quiet=True)
    assert all(piece.endswith("\n") for piece in pieces)
    assert len(pieces) == {1: 3, 2: 2, 3: 2, 5: 1, 4096: 1}[flush]  # (a.md: no excerpt)


def test_an_escape_sequence_in_front_matter_is_shown_at_the_parser_position(page):
    page('---\ntitle: "\x1b]8;;x\x07lien"\n---\n')
    code, out = check("--quiet", "page.md")
    assert (code, out) == (1, (
        "page.md:2:9: error FM001 [front-matter-syntax] invalid YAML: control characters are "
        "not allowed (#x001b)\n"
        "  |\n"
        '2 | title: "\\x1b]8;;x\\x07lien"\n'
        "  |         ^^^^\n"
    ))  # fmt: skip


def test_a_byte_that_is_not_utf8_is_shown_where_it_is(page):
    page(b"---\ntitle: caf\xe9 au lait\n---\n")
    assert check("--quiet", "page.md") == (1, (
        "page.md:2:11: error FM005 [invalid-encoding] byte 0xE9 is not valid UTF-8: save the file "
        "as UTF-8\n"
        "  |\n"
        "2 | title: caf\ufffd au lait\n"
        "  |           ^\n"
    ))  # fmt: skip


# -- Fixes ----------------------------------------------------------------------------------------


def _fixes(source: str) -> tuple[Diagnostic, Diagnostic]:
    start = source.index("7ème")
    safe = Fix(
        (Edit(start, start + 4, "7e"),), "safe", message("fix.replace", old="7ème", new="7e")
    )
    unsafe = Fix((Edit(start, start + 4, ""),), "unsafe", message("fix.delete", old="7ème"))
    return (
        ordinal("page.md", source, start, start + 4, safe),
        ordinal("page.md", source, start, start + 4, unsafe),
    )


def test_show_fixes_says_what_the_fix_does_and_when_it_is_unsafe(page):
    page(TITLE)
    safe, unsafe = _fixes(TITLE)
    excerpt = (
        "page.md:2:21: warning TY001 [french-ordinal] write `7e`, not `7ème`\n"
        "  |\n"
        "2 | title: Découvrez la 7ème promotion\n"
        "  |                     ^^^^\n"
    )
    assert render(safe, unsafe, show_fixes=True) == (
        f"{excerpt}  = fix: replace `7ème` with `7e`\n\n{excerpt}  = unsafe fix: delete `7ème`\n"
    )
    assert render(safe, unsafe) == f"{excerpt}\n{excerpt}"
    french = render(safe, unsafe, lang="fr", show_fixes=True).splitlines()
    assert (french[4], french[10]) == (
        "  = correction : remplacer `7ème` par `7e`",
        "  = correction risquée : supprimer `7ème`",
    )


def test_a_fix_of_a_problem_without_excerpt_still_shows():
    safe, _unsafe = _fixes(TITLE)  # no page.md: nothing to quote
    assert render(safe, show_fixes=True) == (
        "page.md:2:21: warning TY001 [french-ordinal] write `7e`, not `7ème`\n"
        "  = fix: replace `7ème` with `7e`\n"
    )


def test_the_closing_line_counts_safe_and_unsafe_fixes():
    safe, unsafe = _fixes(TITLE)
    plain = ordinal("page.md", TITLE, 0, 3)

    def closing(*diagnostics: Diagnostic, lang: str = "en") -> str | None:
        return text.fixable_line(Result(tuple(diagnostics), 1), lang)

    assert closing(plain) is None
    assert closing(safe, plain) == "1 fixable with `--fix`"
    assert closing(safe, safe, unsafe) == "2 fixable with `--fix` (1 more with `--unsafe-fixes`)"
    assert closing(unsafe) == "1 fixable with `--unsafe-fixes`"
    assert closing(safe, unsafe, lang="fr") == (
        "1 problème corrigeable avec `--fix` (1 de plus avec `--unsafe-fixes`)"
    )
    assert closing(unsafe, unsafe, lang="fr") == "2 problèmes corrigeables avec `--unsafe-fixes`"


# -- Colours --------------------------------------------------------------------------------------

COLOURED = (
    "\x1b[1mpage.md:2:21:\x1b[0m \x1b[33m\x1b[1mwarning\x1b[0m \x1b[1mTY001\x1b[0m "
    "[french-ordinal] title: write `7e`, not `7ème`\n"
    "\x1b[2m  |\x1b[0m\n"
    "\x1b[2m2 |\x1b[0m title: Découvrez la 7ème promotion\n"
    "\x1b[2m  |\x1b[0m                     \x1b[33m\x1b[1m^^^^\x1b[0m\n"
)
PLAIN = (
    "page.md:2:21: warning TY001 [french-ordinal] title: write `7e`, not `7ème`\n"
    "  |\n"
    "2 | title: Découvrez la 7ème promotion\n"
    "  |                     ^^^^\n"
)


@pytest.mark.parametrize(
    ("environ", "args", "expected"),
    [
        ({}, (), PLAIN),  # not a terminal
        ({"FORCE_COLOR": "1"}, (), COLOURED),
        ({"FORCE_COLOR": "0"}, (), PLAIN),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, (), PLAIN),
        ({"FORCE_COLOR": "1", "NO_COLOR": ""}, (), COLOURED),  # empty: not set (no-color.org)
        ({"NO_COLOR": "1"}, ("--color",), COLOURED),
        ({"FORCE_COLOR": "1"}, ("--no-color",), PLAIN),
    ],
)
def test_colours(page, monkeypatch, environ, args, expected):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    page(TITLE)
    assert check("--quiet", *args, "page.md") == (0, expected)


def test_colours_on_a_terminal_unless_no_color_and_never_in_a_file():
    wants = text.wants_color
    assert wants(None, False, True, {}) is True
    assert wants(None, False, True, {"NO_COLOR": "1"}) is False
    assert wants(None, True, True, {"FORCE_COLOR": "1"}) is False
    assert wants(True, True, False, {"NO_COLOR": "1"}) is True
    assert wants(None, False, False, {"FORCE_COLOR": "yes"}) is True


def test_the_output_file_is_never_coloured_by_default(page, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("FORCE_COLOR", "1")
    page(TITLE)
    assert check("--quiet", "-o", "report.txt", "page.md") == (0, "")
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == PLAIN


def test_a_cut_never_leaves_a_combining_mark_without_its_letter():
    line = "e\u0301" * 150 + "7ème" + "b" * 150
    excerpt = cut(1, line, 300, 304)
    assert excerpt.text == "…" + "e\u0301" * 48 + "7ème" + "b" * 48 + "…"
    assert (excerpt.before, excerpt.carets) == (49, 4)
