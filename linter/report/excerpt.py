"""The source line under a problem, for the human text report: the line as a terminal shows it,
and where its carets go.

**Where the text comes from.** A ``Result`` carries diagnostics, not texts, and the reporter
reads each file again (``Sources``) rather than have the engine keep them: the engine holds one
page at a time (a site of 10,000 pages would otherwise stay in memory until the report), and
the problems worth an excerpt most — a YAML syntax error, a byte that is not UTF-8 — are found
on files the engine never made a ``Document`` of. Diagnostics come sorted by path, so each file
is read once and only one is held at a time. Reading goes through ``document.read_regular``
(regular files only, the page size limit) and decodes like the engine (UTF-8, BOM dropped;
a byte that is not UTF-8, which FM005 points at, as U+FFFD `�`). A
problem of a whole file (an empty span at its start: unreadable, a link out of the tree, too
large, an internal error) has no excerpt and its file is not read: a link discovery refused to
follow is never opened here either. A file that changed or vanished since it was checked gives
no excerpt: the span's line and column must still be where its offsets are.

**What a terminal shows.** Every character is drawn in cells: a tab as four spaces, a control or
bidirectional character as its escape (``report.shown``: `\\x1b`, `\\u202e`), the second `#` of
`##[` as `\\x23` (``report.defused`` would, after the carets were placed), a wide character
(CJK, emoji: East Asian width W or F) in two, a combining mark or an invisible format character
(U+200D, U+FE0F) in none. Carets are counted in cells, so they stay under their characters. A
line wider than ``WIDTH`` cells is cut around the span, with `…` at each cut end; only the
characters near the span are looked at (``_REACH``), so a problem on a 10 MB line costs no more
than one on a short line.
"""

from __future__ import annotations

import re
import unicodedata

from linter.diagnostics import Diagnostic
from linter.records import record
from linter.report import shown

WIDTH = 100
"""The most cells of page text an excerpt shows (`…` marks not counted)."""
TAB = "    "
_REACH = 4 * WIDTH
"""The most characters looked at on each side of the span (zero-width ones included)."""
_LONGEST_SPAN = WIDTH - 20
"""The most cells of a span shown; a longer one is cut, with room left for what precedes it."""


@record
class Excerpt:
    """One line of the page as shown, and its carets: ``text`` (cut, escaped), the cells before
    the carets (``before``) and the carets' count (``carets``, at least 1), the line number, and
    the line the span ends on when it goes on past this one (``continues``)."""

    line: int
    text: str
    before: int
    carets: int
    continues: int | None = None


class Sources:
    """The texts of the files diagnostics are on, read again when asked, one file at a time."""

    def __init__(self) -> None:
        self._path: str | None = None
        self._text: str | None = None
        self._starts: list[int] = []

    def _load(self, path: str) -> str | None:
        if path == self._path:
            return self._text
        from linter.document import MAX_FILE_BYTES, NotRegularFile, TooLarge, read_regular
        from linter.yamltree import LineIndex

        self._path, self._text, self._starts = path, None, []
        try:
            raw = read_regular(path, MAX_FILE_BYTES)
        except (OSError, ValueError, NotRegularFile, TooLarge):  # ValueError: a NUL in the name
            return None
        # A byte that is not UTF-8 is U+FFFD, as where FM005 places it; a file with one has no
        # other problem.
        text = raw.decode("utf-8", "replace").removeprefix("\ufeff")
        self._text, self._starts = text, LineIndex(text).starts
        return text

    def excerpt(self, diagnostic: Diagnostic) -> Excerpt | None:
        """The excerpt of ``diagnostic``'s span; None for a problem of a whole file, or when the
        file cannot be read again or no longer holds the span where it was."""
        span = diagnostic.span
        if span.end <= 0 or diagnostic.code == "FM006":
            return None
        text = self._load(diagnostic.path)
        if text is None or not 0 <= span.start <= span.end <= len(text):
            return None
        starts = self._starts
        index = span.line - 1
        if not (0 <= index < len(starts) and 0 <= span.end_line - 1 < len(starts)):
            return None
        if not (
            _at(starts, span.start, index, span.column)
            and _at(starts, span.end, span.end_line - 1, span.end_column)
        ):
            return None
        first = starts[index]
        stop = starts[index + 1] if index + 1 < len(starts) else len(text)
        if text.endswith("\r\n", first, stop):
            stop -= 2
        elif text.endswith(("\n", "\r"), first, stop):
            stop -= 1
        # Only the characters an excerpt can show are copied (a line may be 10 MB long).
        end = min(span.end, stop)
        low = max(first, span.start - _REACH - 1)
        high = min(stop, (end if end - span.start <= _REACH else span.start) + _REACH + 1)
        line = text[low:high]
        # A span that ends on the next line's first column ends with its line.
        continues = None
        if span.end_line > span.line and not (
            span.end_line == span.line + 1 and span.end_column == 1
        ):
            continues = span.end_line
        return cut(
            span.line, line, span.start - low, end - low, continues, low > first, high < stop
        )


def _at(starts: list[int], offset: int, index: int, column: int) -> bool:
    """Whether ``offset`` is on line ``index`` (0-based) at ``column`` (1-based)."""
    following = starts[index + 1] if index + 1 < len(starts) else None
    return starts[index] + column - 1 == offset and (following is None or offset < following)


def _cell(line: str, i: int) -> tuple[str, int]:
    """Character ``i`` of ``line`` as drawn, and its width in cells."""
    char = line[i]
    if char == "\t":
        return TAB, len(TAB)
    escaped = shown(char)
    if escaped != char:
        return escaped, len(escaped)
    if char == "#" and 0 < i < len(line) - 1 and line[i - 1] == "#" and line[i + 1] == "[":
        return "\\x23", 4  # `##[` is a workflow command in a GitHub log: as `report.defused`
    if unicodedata.category(char) in ("Mn", "Me", "Cf") and char != "\xad":
        return char, 0
    return char, 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _plain_class() -> str:
    """A character class of the characters drawn as themselves in one cell, whatever their
    neighbours (so not `#`): printable Latin letters and punctuation, the typographic ones of
    French text. Runs of them are taken at once."""
    chars = [
        chr(code)
        for block in (range(0x20, 0x250), range(0x2010, 0x2028), range(0x202F, 0x205F))
        for code in block
        if chr(code) != "#"
    ]
    plain = [c for c in chars if _cell(c + "x", 0) == (c, 1)]
    ranges: list[str] = []
    first = last = ord(plain[0])
    for code in [*map(ord, plain[1:]), -1]:
        if code == last + 1:
            last = code
            continue
        ranges.append(re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else ""))
        first = last = code
    return "[" + "".join(ranges) + "]*"


_PLAIN = re.compile(_plain_class())
"""A run of characters that are each one cell, drawn as themselves."""


def _run(line: str, indices: range, budget: int) -> tuple[list[str], int, int]:
    """The cells of ``line`` at ``indices`` (a step of 1 or -1), in order, while they fit in
    ``budget`` cells, at most ``_REACH`` characters: (their texts, their width, how many
    characters they are). Going back (``indices`` down), a combining mark whose letter does not
    fit is left out with it. A text may hold several characters: a run of plain ones (each one
    cell, drawn as itself) is taken at once, in the order of the line."""
    cells: list[str] = []
    width = 0
    count = 0
    marks = 0  # the zero-width cells at the end of ``cells``, one character each
    forward = indices.step > 0
    reach = min(_REACH, len(indices))
    # Going back, plain runs are matched on the reversed window (at most ``_REACH`` long).
    window = "" if forward else line[indices.start - reach + 1 : indices.start + 1][::-1]
    while count < reach:
        i = indices.start + count if forward else indices.start - count
        limit = min(reach - count, budget - width)
        if limit > 0:
            plain = (
                _PLAIN.match(line, i, i + limit)
                if forward
                else _PLAIN.match(window, count, count + limit)
            )
            taken = plain.end() - plain.start() if plain else 0
            if taken:
                cells.append(line[i : i + taken] if forward else line[i - taken + 1 : i + 1])
                width += taken
                count += taken
                marks = 0
                continue
        # One character that is not plain, or the budget is spent.
        text, cells_wide = _cell(line, i)
        if width + cells_wide > budget:
            if not forward and marks:
                del cells[-marks:]
                count -= marks
            break
        cells.append(text)
        width += cells_wide
        count += 1
        marks = marks + 1 if cells_wide == 0 else 0
    return cells, width, count


def _plain_window(line: str, start: int, end: int) -> tuple[int, int] | None:
    """When every character an excerpt of ``start:end`` can show is plain (one cell, drawn as
    itself), how many characters it shows before and after the span: what ``_run`` would walk
    to, counted; else None."""
    low, high = max(0, start - WIDTH), min(len(line), end + WIDTH)
    plain = _PLAIN.match(line, low, high)
    if end - start > _LONGEST_SPAN or plain is None or plain.end() != high:
        return None
    room = WIDTH - (end - start)
    # Share the room: half each side, what one side cannot use to the other.
    wanted = max(room // 2, room - min(room, len(line) - end))
    before = min(start, room, wanted)
    return before, min(len(line) - end, room - before)


def cut(
    number: int,
    line: str,
    start: int,
    end: int,
    continues: int | None = None,
    more_before: bool = False,
    more_after: bool = False,
) -> Excerpt:
    """The excerpt of characters ``start:end`` of ``line`` (line ``number``): the whole line
    when it fits in ``WIDTH`` cells, else a window around the span with `…` at the cut ends.
    An empty span gets one caret, at its place (past the end of the line when it is there).
    ``more_before``, ``more_after``: ``line`` is a part of the line, which goes on that way."""
    start = min(start, len(line))
    end = min(max(start, end), len(line))
    plain = _plain_window(line, start, end)
    if plain is not None:
        # Every character that can be shown is one cell, drawn as itself (most lines).
        before, after = plain
        cut_left = more_before or start - before > 0
        cut_right = more_after or end + after < len(line)
        text = ("…" if cut_left else "") + line[start - before : end + after]
        text += "…" if cut_right else ""
        return Excerpt(number, text, int(cut_left) + before, max(1, end - start), continues)
    shown_span, span_width, span_chars = _run(line, range(start, end), _LONGEST_SPAN)
    span_cut = start + span_chars < end
    room = WIDTH - span_width
    left, left_width, left_chars = _run(line, range(start - 1, -1, -1), room)
    right: list[str] = []
    right_chars = 0
    if not span_cut:
        right, right_width, right_chars = _run(line, range(end, len(line)), room)
        # Share the room: half each side, what one side cannot use to the other.
        wanted = max(room // 2, room - right_width)
        if left_width > wanted:
            left, left_width, left_chars = _run(line, range(start - 1, -1, -1), wanted)
        right, right_width, right_chars = _run(line, range(end, len(line)), room - left_width)
    left.reverse()
    cut_left = more_before or start - left_chars > 0
    cut_right = span_cut or more_after or end + right_chars < len(line)
    text = ("…" if cut_left else "") + "".join(left + shown_span + right)
    text += "…" if cut_right else ""
    return Excerpt(number, text, int(cut_left) + left_width, max(1, span_width), continues)
