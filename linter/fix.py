"""Applying fixes (`--fix`, `--unsafe-fixes`, `--diff`), in the way of ruff.

A fix is text edits of one file with what they mean for its data (``diagnostics.Fix``). Fixes
are applied in rounds on the files' texts, in memory: each round checks the files (the engine
reads ``Options.texts``), takes the fixes that apply (safe ones; unsafe ones too when asked),
leaves out any that overlaps one taken before it (the next round finds it again, computed on
the new text), and verifies the result: the fixed text is parsed again and must hold exactly
the data it held, but for the values the fixes meant to change (``Fix.changes``). When it does
not, the fixes are tried by halves (``MAX_CHECKS`` parses at most) and those that fail are
dropped, reported as bugs (FL001) once, and not tried again. A page whose front matter has
problems (duplicate keys…) is not fixed. Rounds stop when nothing is left to fix (the result
is idempotent) or after ``MAX_ROUNDS``. Files are written once, at the end, byte for byte as
they were but for the edits (a BOM stays; line endings, quoting, comments and key order are
never touched).
"""

from __future__ import annotations

import copy
import difflib
import errno
import math
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from linter import engine
from linter.diagnostics import Change, Diagnostic, Fix
from linter.document import MAX_FILE_BYTES, Document, parse_text, read_regular
from linter.rules.core import INTERNAL

MAX_ROUNDS = 8
MAX_CHECKS = 32
"""Parses of one file a round to find, by halves, which of its fixes fail verification (one
parse a fix would be quadratic: a page can hold a hundred thousand fixes)."""


@dataclass
class Fixed:
    """One file's text before and after its fixes."""

    file: Path
    path: str
    original: str
    text: str
    bom: bool
    count: int = 0


def wanted(diagnostic: Diagnostic, unsafe: bool) -> Fix | None:
    """The diagnostic's fix when it applies (safe, or unsafe too when ``unsafe``)."""
    fix = diagnostic.fix
    if fix is None or not fix.edits or (fix.safety != "safe" and not unsafe):
        return None
    return fix


def fix_files(
    files: Sequence[tuple[Path, str]], options: engine.Options, unsafe: bool
) -> tuple[dict[str, Fixed], list[Diagnostic]]:
    """The fixed text of every file that has fixes, and the fixes that were dropped (FL001)."""
    fixed: dict[str, Fixed] = {}
    dropped: list[Diagnostic] = []
    failed_before: set[tuple[Any, ...]] = set()  # (not tried, nor reported, again)
    pending = files
    # Every fix of a round, not ``max-per-rule`` of each rule: a page of a thousand `7ème` is
    # fixed in one round, not stopped after eight.
    options = replace(options, settings=replace(options.settings, max_per_rule=0))
    for _round in range(MAX_ROUNDS + 1):
        texts = {path: state.text for path, state in fixed.items()}
        result = engine.run(pending, replace(options, texts=texts))
        by_path: dict[str, list[tuple[Diagnostic, Fix]]] = {}
        for diagnostic in result.diagnostics:
            fix = wanted(diagnostic, unsafe)
            if fix is not None and _key(diagnostic, fix) not in failed_before:
                by_path.setdefault(diagnostic.path, []).append((diagnostic, fix))
        if not by_path:
            break
        if _round == MAX_ROUNDS:
            for items in by_path.values():
                dropped.extend(_bug(d, "the fixes did not converge") for d, _f in items[:1])
            break
        changed = []
        for file, path in pending:
            if path not in by_path:
                continue
            state = fixed.get(path) or _read(file, path)
            if state is None:
                continue
            text, count, failed = apply(state.text, file, path, by_path[path])
            dropped.extend(failed)
            spans = {bug.span for bug in failed}  # (a bug is reported at its fix's place)
            failed_before.update(_key(d, f) for d, f in by_path[path] if d.span in spans)
            if count:
                state.text, state.count = text, state.count + count
                fixed[path] = state
                changed.append((file, path))
        pending = changed
        if not pending:
            break
    return {p: s for p, s in fixed.items() if s.text != s.original}, dropped


def _read(file: Path, path: str) -> Fixed | None:
    try:
        raw = read_regular(file, MAX_FILE_BYTES)
        text = raw.decode("utf-8")
    except (OSError, ValueError):
        return None  # the engine said why (FM005, FM006)
    bom = text.startswith("\ufeff")
    text = text.removeprefix("\ufeff")
    return Fixed(file, path, text, text, bom)


def apply(
    text: str, file: Path, path: str, fixes: Sequence[tuple[Diagnostic, Fix]]
) -> tuple[str, int, list[Diagnostic]]:
    """``text`` with the fixes that do not overlap one before them, verified; how many were
    applied; the diagnostics of the fixes dropped because they failed verification."""
    before, problems = parse_text(text, file, path)
    if before is None or problems:
        return text, 0, []  # (duplicate keys, refused tags…: the page is fixed by hand first)
    taken: list[tuple[Diagnostic, Fix]] = []
    end = -1
    for diagnostic, fix in sorted(fixes, key=lambda item: (item[1].start, item[1].end)):
        twice = taken and fix.start == fix.end == taken[-1][1].start == taken[-1][1].end
        if fix.start >= end and not twice:  # (two insertions at one place: which first?)
            taken.append((diagnostic, fix))
            end = fix.end
    result = _edited(text, [f for _d, f in taken])
    if _verified(before, result, [f for _d, f in taken], file, path):
        return result, len(taken), []
    # By halves, from the end of the file (earlier offsets stay right): keep the groups that
    # pass, split those that fail. At most MAX_CHECKS parses: what is left waits a round.
    kept: list[Fix] = []
    failed = []
    current = text
    todo = [taken[: len(taken) // 2], taken[len(taken) // 2 :]]
    checks = MAX_CHECKS
    while todo and checks:
        group = todo.pop()
        if not group:
            continue
        checks -= 1
        fixes_of_group = [f for _d, f in group]
        attempt = _edited(current, fixes_of_group)
        if _verified(before, attempt, [*kept, *fixes_of_group], file, path):
            current = attempt
            kept += fixes_of_group
        elif len(group) == 1:
            failed.append(_bug(group[0][0], "the fixed file would hold other data"))
        else:
            todo += [group[: len(group) // 2], group[len(group) // 2 :]]
    return current, len(kept), failed


def _edited(text: str, fixes: Sequence[Fix]) -> str:
    edits = sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: e.start)
    parts, position = [], 0
    for edit in edits:
        parts += [text[position : edit.start], edit.text]
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def _verified(before: Document, text: str, fixes: Sequence[Fix], file: Path, path: str) -> bool:
    after, problems = parse_text(text, file, path)
    if after is None or problems or after.format != before.format:
        return False
    data = copy.deepcopy(before.data)
    body = before.body
    changes = sorted((c for fix in fixes for c in fix.changes), key=lambda c: -c.start)
    for change in changes:
        if change.path is None:
            body = body[: change.start] + change.text + body[change.end :]
        elif not _change(data, change):
            return False
    return after.body == body and _same(after.data, data)


def _change(data: Any, change: Change) -> bool:
    """Apply a change to the data; False when its path is not there."""
    assert change.path is not None
    *parents, last = change.path
    holder = data
    for part in parents:
        try:
            holder = holder[part]
        except (KeyError, IndexError, TypeError):
            return False
    if change.key:
        if not isinstance(holder, dict) or last not in holder:
            return False
        items = list(holder.items())
        holder.clear()
        holder.update((change.text if k == last else k, v) for k, v in items)
        return True
    try:
        value = holder[last]
    except (KeyError, IndexError, TypeError):
        return False
    if not isinstance(value, str):
        return False
    holder[last] = value[: change.start] + change.text + value[change.end :]
    return True


def _same(a: Any, b: Any) -> bool:
    """Equal data, a NaN equal to a NaN (`.nan` parses to one)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _bug(diagnostic: Diagnostic, detail: str) -> Diagnostic:
    where = f"fix of {diagnostic.code}"
    return Diagnostic.of(
        INTERNAL, diagnostic.path, diagnostic.span, "FL001", where=where, detail=detail
    )


def _key(diagnostic: Diagnostic, fix: Fix) -> tuple[Any, ...]:
    """A fix across rounds (its offsets move with the fixes before it, not its line)."""
    return (diagnostic.path, diagnostic.span.line, tuple(edit.text for edit in fix.edits))


def diff(state: Fixed) -> list[str]:
    """The unified diff of a file's fixes, line by line, as `git apply` and `patch` read it:
    without line ends (only LF, CRLF and CR end a line, as in YAML), a last line that has none
    followed by `\\ No newline at end of file`, no line that the file does not have."""
    shown: list[str] = []
    lines = difflib.unified_diff(
        _LINE.findall(state.original), _LINE.findall(state.text),
        f"a/{state.path}", f"b/{state.path}", lineterm="",
    )  # fmt: skip
    for number, line in enumerate(lines):
        bare = _END.sub("", line)
        shown.append(bare)
        if number >= 2 and line[:1] in " -+" and bare == line:  # (not the two file headers)
            shown.append("\\ No newline at end of file")
    return shown


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_END = re.compile(r"(?:\r\n|\r|\n)\Z")


def write(state: Fixed) -> None:
    """Write a fixed file in place: atomically, its mode kept, UTF-8 (with its BOM if it had
    one); through a symbolic link, the file it points to."""
    target = os.path.realpath(state.file)
    data = ("\ufeff" if state.bom else "") + state.text
    bom = "\ufeff" if state.bom else ""
    if read_regular(target, MAX_FILE_BYTES) != (bom + state.original).encode("utf-8"):
        raise OSError(errno.EAGAIN, "changed since frontlint read it")  # (an editor saved it)
    if not os.access(target, os.W_OK):
        raise OSError(errno.EACCES, "read-only")
    folder = os.path.dirname(target) or "."
    handle, temporary = tempfile.mkstemp(prefix=".frontlint-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8"))
        os.chmod(temporary, os.stat(target).st_mode & 0o777)  # (no set-id bits carried over)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
