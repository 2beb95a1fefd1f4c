"""``--format gitlab``: GitLab Code Quality JSON, with stable fingerprints.

A fingerprint hashes the path, the code, the message and the text the diagnostic points at — not
the line number — so a problem keeps its identity when lines above it move (GitLab then shows it
as unchanged rather than fixed-and-new).

`location.path` is the file name exactly, but for the bytes of a name that is not UTF-8, written
`\\xe9` (`report.printable`); `description` is text for a human, its control characters escaped
(`report.shown`).
"""

from __future__ import annotations

import hashlib
from collections import Counter

from linter.diagnostics import Severity
from linter.engine import Result
from linter.messages import text_of
from linter.report import json_text, posix, printable, shown

_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(result: Result, lang: str = "en") -> str:
    issues = []
    seen: Counter[str] = Counter()
    for d in result.diagnostics:
        message = shown(text_of(d.message, lang))
        path = printable(posix(d.path))
        base = "\0".join((path, d.code, message))
        seen[base] += 1  # the same problem twice in a file: keep both, distinctly
        fingerprint = hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()
        issues.append(
            {
                "description": f"{d.code} {message}",
                "check_name": f"{d.code} {d.rule}",
                "fingerprint": fingerprint,
                "severity": _SEVERITIES[d.severity],
                "location": {
                    "path": path,
                    "positions": {
                        "begin": {"line": d.span.line, "column": d.span.column},
                        "end": {"line": d.span.end_line, "column": d.span.end_column},
                    },
                },
            }
        )
    return json_text(issues)
