"""Inline suppressions, in YAML comments and HTML comments of the body:

    title: Sprint n°3   # frontlint: disable=TY003             (this line)
    # frontlint: disable-next-line=DT003                       (the next line)
    # frontlint: disable-file=PH001,LK                          (the whole file; codes or prefixes)
    <!-- frontlint: disable=LK004 -->                          (in the Markdown body)

A suppression that suppressed nothing is itself reported (FL002, info), like ruff's unused noqa.
Comments are found in the text, but a `#` inside a YAML value is not a comment: the spans of the
parsed values rule those out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from linter.diagnostics import Diagnostic, Span
from linter.document import Document
from linter.markdown import Ranges
from linter.rules.core import UNUSED
from linter.yamltree import ScalarNode, walk

_CODES = r"(?P<codes>[A-Za-z]+[0-9]*(?:\s*,\s*[A-Za-z]+[0-9]*)*)"
_KIND = r"frontlint:[ \t]*(?P<kind>disable-next-line|disable-file|disable)[ \t]*=[ \t]*"
_YAML = re.compile(r"(?:^|(?<=[ \t]))#[ \t]*" + _KIND + _CODES, re.M)
_HTML = re.compile(r"<!--[ \t]*" + _KIND + _CODES + r"[ \t]*-->")


@dataclass
class Suppression:
    kind: str
    codes: tuple[str, ...]
    span: Span
    used: set[str]

    def covers(self, diagnostic: Diagnostic) -> str | None:
        """The code (or prefix) of this suppression that silences ``diagnostic``, if any."""
        if self.kind == "disable" and diagnostic.span.line != self.span.line:
            return None
        if self.kind == "disable-next-line" and diagnostic.span.line != self.span.line + 1:
            return None
        return next((c for c in self.codes if diagnostic.code.startswith(c)), None)


def find(doc: Document) -> list[Suppression]:
    """Every suppression comment of a page."""
    if "frontlint:" not in doc.text:
        return []
    found = []
    front_end = doc.body_start
    values = [
        (node.span.start, node.span.end)
        for _path, node in walk(doc.root)
        if isinstance(node, ScalarNode)
    ]
    inside = Ranges(values)
    # TOML values carry their key's span: its own scanner knows which `#` start comments.
    toml_comments = None
    if doc.format == "toml":
        from linter.tomlkeys import comment_starts

        toml_comments = comment_starts(doc.text[:front_end])
    for match in _YAML.finditer(doc.text, 0, front_end):
        if toml_comments is not None and match.start() not in toml_comments:
            continue
        if inside.contains(match.start()):
            continue
        found.append(_suppression(doc, match))
    for match in _HTML.finditer(doc.text, front_end):
        found.append(_suppression(doc, match))
    return found


def _suppression(doc: Document, match: re.Match[str]) -> Suppression:
    codes = tuple(c.strip().upper() for c in match["codes"].split(","))
    return Suppression(match["kind"], codes, doc.lines.span(match.start(), match.end()), set())


def _by_place(
    suppressions: list[Suppression],
) -> tuple[list[Suppression], dict[int, list[Suppression]]]:
    """The `disable-file` suppressions, and the others by the line they cover."""
    whole_file = [s for s in suppressions if s.kind == "disable-file"]
    by_line: dict[int, list[Suppression]] = {}
    for suppression in suppressions:
        if suppression.kind != "disable-file":
            line = suppression.span.line + (suppression.kind == "disable-next-line")
            by_line.setdefault(line, []).append(suppression)
    return whole_file, by_line


def covering(doc: Document) -> Callable[[Diagnostic], bool]:
    """Whether a suppression of the page covers a diagnostic, as ``apply`` judges it, without
    marking any suppression used (``engine._limited`` asks it of each diagnostic)."""
    suppressions = find(doc)
    if not suppressions:
        return lambda _diagnostic: False
    whole_file, by_line = _by_place(suppressions)

    def covered(diagnostic: Diagnostic) -> bool:
        return any(
            suppression.covers(diagnostic)
            for suppression in (*whole_file, *by_line.get(diagnostic.span.line, ()))
        )

    return covered


def apply(
    doc: Document,
    diagnostics: list[Diagnostic],
    ran: frozenset[str],
    stopped: frozenset[str] = frozenset(),
) -> list[Diagnostic]:
    """The diagnostics no suppression covers, plus one FL002 per unused code of a suppression.

    A code counts as unused only when a check that reports it ran (``ran``): a suppression of a
    rule that was not selected is not stale; nor one that covers a code of a check stopped at
    the limit (``stopped``: what it was for may lie beyond).
    """
    suppressions = find(doc)
    if not suppressions:
        return diagnostics
    # Whether a suppression covers a diagnostic depends on its code and, but for `disable-file`,
    # its line: each (line, code) is looked up once, marking the suppressions it uses; not every
    # suppression tried on every diagnostic.
    whole_file, by_line = _by_place(suppressions)
    covered: dict[tuple[int | None, str], bool] = {}

    def covers(group: list[Suppression], diagnostic: Diagnostic) -> bool:
        hit = False
        for suppression in group:
            code = suppression.covers(diagnostic)
            if code:
                suppression.used.add(code)
                hit = True
        return hit

    kept = []
    for diagnostic in diagnostics:
        line, code = diagnostic.span.line, diagnostic.code
        if (None, code) not in covered:
            covered[(None, code)] = covers(whole_file, diagnostic)
        if (line, code) not in covered:
            covered[(line, code)] = covers(by_line.get(line, []), diagnostic)
        if not (covered[(None, code)] or covered[(line, code)]):
            kept.append(diagnostic)
    for suppression in suppressions:
        unused = [
            c
            for c in suppression.codes
            if c not in suppression.used
            and any(code.startswith(c) for code in ran)
            and not any(code.startswith(c) for code in stopped)
        ]
        if unused:
            kept.append(
                Diagnostic.of(
                    UNUSED,
                    doc.path,
                    suppression.span,
                    "FL002",
                    kind=suppression.kind,
                    codes=",".join(unused),
                )
            )
    return kept
