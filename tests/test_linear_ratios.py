"""Pathological pages (issue 15, H-4): the cost of a page grows with its size, not faster.

Each test times the same shape at two sizes (the larger four times the smaller) and asserts
that the larger costs less than ten times as much: a linear stage costs four times as much, a
quadratic one sixteen. Each size is timed three times and the fastest kept (a busy machine
slows one run, not three), and the output is checked exactly, so that a fast stage cannot be
a wrong one. The speeds themselves (seconds per MB) are measured by `bench/pathological.py`.

The full text report is the one people read: its excerpts (`report/excerpt.py`) are cut from
lines a page may hold a hundred thousand problems on."""

from __future__ import annotations

import random
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from linter.report import excerpt, shown
from linter.report.excerpt import WIDTH, Excerpt, cut
from tests.conftest import TODAY, lint, run

FACTOR = 10
"""The most that four times the size may cost, in times the cost of the smaller size."""


def fastest(action: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def assert_linear(small: Callable[[], object], large: Callable[[], object]) -> None:
    small_time, large_time = fastest(small), fastest(large)
    assert large_time < FACTOR * small_time, (small_time, large_time)


# --- The excerpt of a problem: counted characters on the lines most pages have.


def _reference_cut(line: str, start: int, end: int) -> tuple[str, int, int]:
    """What an excerpt shows, computed a character at a time (the cells as `excerpt._cell`
    draws them, the room shared half each side): (text, cells before the carets, carets)."""

    def cell(i: int) -> tuple[str, int]:
        char = line[i]
        if char == "\t":
            return "    ", 4
        if shown(char) != char:
            return shown(char), len(shown(char))
        if char == "#" and 0 < i < len(line) - 1 and line[i - 1] == "#" and line[i + 1] == "[":
            return "\\x23", 4
        if unicodedata.category(char) in ("Mn", "Me", "Cf") and char != "\xad":
            return char, 0
        return char, 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1

    def walk(indices: range, budget: int) -> tuple[list[str], int]:
        cells: list[str] = []
        width = marks = 0
        for count, i in enumerate(indices):
            if count >= 4 * WIDTH:
                break
            text, wide = cell(i)
            if width + wide > budget:
                if indices.step < 0 and marks:
                    del cells[-marks:]
                break
            cells.append(text)
            width += wide
            marks = marks + 1 if wide == 0 else 0
        return cells, width

    middle, middle_width = walk(range(start, end), WIDTH - 20)
    middle_cut = start + len(middle) < end
    room = WIDTH - middle_width
    left, left_width = walk(range(start - 1, -1, -1), room)
    right: list[str] = []
    if not middle_cut:
        right, right_width = walk(range(end, len(line)), room)
        if left_width > max(room // 2, room - right_width):
            left, left_width = walk(range(start - 1, -1, -1), max(room // 2, room - right_width))
        right, right_width = walk(range(end, len(line)), room - left_width)
    left.reverse()
    cut_left = start - len(left) > 0
    cut_right = middle_cut or end + len(right) < len(line)
    text = ("…" if cut_left else "") + "".join(left + middle + right) + ("…" if cut_right else "")
    return text, int(cut_left) + left_width, max(1, middle_width)


def test_H4_excerpts_are_cut_as_a_walk_of_every_cell_would_cut_them():
    pieces = ["a", "é", "’", " ", "#", "##[", "\t", "\u0301", "\u200d", "字", "\x1b", "\u202e"]
    pieces += ["😀", "\xad", "œ", "«\u202f", "x" * 30, "y" * 97]
    generator = random.Random(15)
    for _ in range(4000):
        count = generator.randint(0, generator.choice([5, 40, 200]))
        line = "".join(generator.choice(pieces) for _ in range(count))
        start = generator.randint(0, len(line))
        end = generator.randint(start, min(len(line), start + generator.choice([0, 3, 80, 300])))
        shown_cut = cut(7, line, start, end)
        assert (shown_cut.text, shown_cut.before, shown_cut.carets) == _reference_cut(
            line, start, end
        ), (line, start, end)


def test_H4_a_plain_line_is_cut_around_its_span():
    line = "mot " * 100
    assert cut(3, line, 200, 203) == Excerpt(3, "…" + line[152:252] + "…", 49, 3)
    assert cut(3, line, 2, 5) == Excerpt(3, line[:100] + "…", 2, 3)
    assert cut(3, line, 398, 400) == Excerpt(3, "…" + line[300:], 99, 2)
    assert cut(3, "court", 5, 5) == Excerpt(3, "court", 5, 1)


def test_H4_plain_characters_are_the_ones_drawn_as_themselves_in_one_cell():
    plain = excerpt._PLAIN
    for code in range(0x3000):
        char = chr(code)
        if plain.fullmatch(char):
            assert excerpt._cell(char + "x", 0) == (char, 1), hex(code)
    assert [bool(plain.fullmatch(c)) for c in "aé’ \u202f#\t\xad\u0301字\x85\u202e"] == [
        True, True, True, True, True, False, False, True, False, False, False, False,
    ]  # fmt: skip


# --- Whole pages through the command line, the full report included.


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _full_report(path: Path) -> str:
    """The full text report of ``path`` (named relative to the working folder, its own), every
    diagnostic of it (no `max-per-rule`: the report's own cost is what is measured)."""
    code, out = run(
        "check", "--today", TODAY, "--isolated", "--no-cache", "--max-per-rule", "0", path.name
    )
    assert code in (0, 1)
    return out


def test_H4_a_line_of_thousands_of_ordinals_in_the_full_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    small = _write(tmp_path, "small.md", "---\ntitle: T\n---\n" + "7ème " * 2000 + "\n")
    large = _write(tmp_path, "large.md", "---\ntitle: T\n---\n" + "7ème " * 8000 + "\n")
    out = _full_report(large)
    last = 7999 * 5 + 1  # the last `7ème`: 95 characters before it shown, and the space after
    line = "7ème " * 8000
    assert out.count("TY001 [french-ordinal]") == 8000
    assert out.endswith(
        f"large.md:4:{last}: warning TY001 [french-ordinal] write `7e`, not `7ème`\n"
        "  |\n"
        f"4 | …{line[last - 96 :]}\n"
        f"  | {' ' * 96}^^^^\n\n"
        "8000 warnings in 1 file (1 checked; none had a schema)\n"
        "8000 fixable with `--fix`\n"
    )
    assert_linear(lambda: _full_report(small), lambda: _full_report(large))


def test_H4_the_same_links_thousands_of_times(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    unit = "[lien](http://exemple.fr/) et <https://exemple.fr/> [x](https://exemple.fr:x/) "
    small = _write(tmp_path, "small.md", "---\ntitle: T\n---\n" + unit * 500 + "\n")
    large = _write(tmp_path, "large.md", "---\ntitle: T\n---\n" + unit * 2000 + "\n")
    code, payload = lint(large, extra=("--isolated", "--max-per-rule", "0"))
    rows = [(d["code"], d["column"]) for d in payload["diagnostics"]]
    assert code == 1
    port = unit.index("https://exemple.fr:x/") + 1
    assert rows[:2] == [("LK004", 8), ("LK001", port)]
    assert rows[-2:] == [("LK004", 1999 * len(unit) + 8), ("LK001", 1999 * len(unit) + port)]
    assert len(rows) == 4000
    assert_linear(lambda: _full_report(small), lambda: _full_report(large))


def test_H4_a_value_folded_over_thousands_of_lines_in_the_full_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def folded(count: int) -> str:
        lines = "".join(f"  mot {i} TODO et n°{i % 10}\n" for i in range(count))
        return f"---\ntitle: Titre\ndescription:\n{lines}---\nCorps.\n"

    small = _write(tmp_path, "small.md", folded(1000))
    large = _write(tmp_path, "large.md", folded(4000))
    out = _full_report(large)
    assert out.count("PH001 [placeholder]") == out.count("TY003 [numero-spacing]") == 4000
    assert out.endswith(
        "large.md:4003:12: warning PH001 [placeholder] description: placeholder text `TODO`\n"
        "     |\n"
        "4003 |   mot 3999 TODO et n°9\n"
        "     |            ^^^^\n\n"
        "large.md:4003:20: warning TY003 [numero-spacing] description: write `n°\xa09` with a "
        "non-breaking space, not `n°9`\n"
        "     |\n"
        "4003 |   mot 3999 TODO et n°9\n"
        "     |                    ^^^\n\n"
        "8000 warnings in 1 file (1 checked; none had a schema)\n"
        "4000 fixable with `--fix`\n"
    )
    assert_linear(lambda: _full_report(small), lambda: _full_report(large))


def test_H4_inline_tags_in_code_and_out_of_it():
    """Tags with attributes, the same text in code spans then in prose, some holding no URL:
    each is placed from the cursor through the index of its first URL, never by a search of
    the rest of the page."""
    from linter.markdown import links

    def page(n: int) -> str:
        code = '`<span class="a">` `<a href="/x">` ' * n
        return code + "\n\n" + '<span class="a">t</span> <a href="/x">l</a> ' * n + "\n"

    small, large = page(500), page(2000)
    found = links(large)
    assert len(found) == 2000
    assert all(t.exact and large[t.start : t.end] == "/x" for t in found)
    assert found[0].start == large.index('<a href="/x">l') + 9
    assert_linear(lambda: links(small), lambda: links(large))
