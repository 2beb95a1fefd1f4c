"""The values that travel from checks to reporters: positions, severities, diagnostics.

A diagnostic carries a message *key* and its parameters rather than rendered text, so that the
reporter renders it in the language the user asked for; checks never know the language.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Message:
    """A catalogue key and its parameters; rendered late, in the user's language."""

    key: str
    args: tuple[tuple[str, Any], ...] = ()


def message(msgid: str, /, **args: Any) -> Message:
    return Message(msgid, tuple(sorted(args.items())))


@dataclass(frozen=True)
class Diagnostic:
    path: str
    span: Span
    code: str
    rule: str
    severity: Severity
    message: Message

    @classmethod
    def of(
        cls,
        rule: Rule,
        path: str,
        span: Span,
        msgid: str,
        /,
        severity: Severity | None = None,
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
        )

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.line, self.span.column, self.code, self.message.key)
