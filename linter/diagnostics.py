"""The values that travel from checks to reporters: positions, severities, diagnostics.

A diagnostic carries a message *key* and its parameters rather than rendered text, so that the
reporter renders it in the language the user asked for; checks never know the language.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from linter.records import record

if TYPE_CHECKING:
    from linter.spec import Rule


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@record(slots=True)
class Span:
    """A stretch of a file: 1-based line and column (in Unicode characters), end exclusive.

    ``start`` and ``end`` are character offsets into the decoded file text (after any BOM).
    """

    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0


@record(slots=True)
class Message:
    """A catalogue key and its parameters; rendered late, in the user's language."""

    key: str
    args: tuple[tuple[str, Any], ...] = ()


def message(msgid: str, /, **args: Any) -> Message:
    return Message(msgid, tuple(sorted(args.items())))


@record(slots=True)
class Edit:
    """Replace characters ``start:end`` of the decoded file text (offsets as ``Span``'s) with
    ``text``: exactly what is written in the file, quoting and escapes included."""

    start: int
    end: int
    text: str


@record(slots=True)
class Change:
    """What a fix means for the page's data, so that it can be verified after the file is
    parsed again: characters ``start:end`` of the string at ``path`` become ``text`` (``path``
    None: the body), or, with ``key``, the key at ``path`` is renamed ``text``."""

    path: tuple[str | int, ...] | None
    start: int = 0
    end: int = 0
    text: str = ""
    key: bool = False


@record(slots=True)
class Fix:
    """How to fix a diagnostic: text edits of its file, ``safe`` (applied by ``--fix``) or
    ``unsafe`` (only with ``--unsafe-fixes``: the meaning may change), what it does, in words
    (a ``fix.*`` key of ``spec.FIX_MESSAGES``, rendered late like a message), and what it
    changes in the data (``linter.fix`` checks that nothing else changed)."""

    edits: tuple[Edit, ...]
    safety: str
    message: Message
    changes: tuple[Change, ...] = ()

    @property
    def start(self) -> int:
        return min(edit.start for edit in self.edits)

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)


@record(slots=True)
class Diagnostic:
    path: str
    span: Span
    code: str
    rule: str
    severity: Severity
    message: Message
    fix: Fix | None = None

    @classmethod
    def of(
        cls,
        rule: Rule,
        path: str,
        span: Span,
        msgid: str,
        /,
        severity: Severity | None = None,
        fix: Fix | None = None,
        **args: Any,
    ) -> Diagnostic:
        """A diagnostic of ``rule`` with the catalogue message ``msgid`` and its parameters."""
        return cls(
            path,
            span,
            rule.code,
            rule.name,
            severity or rule.default_severity,
            message(msgid, **args),
            fix,
        )

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.line, self.span.column, self.code, self.message.key)
