"""``--format github``: GitHub Actions workflow commands, one annotation per diagnostic.

`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`, escaped as the runner
expects (`%`, CR and LF in the message; also `:` and `,` in properties). File names and messages
are shown (`report.shown`: control characters escaped) before that: the runner reads each line
once, as the command it starts with, so nothing in the data can start another. GitHub shows at
most 10 error and 10 warning annotations per step: the workflow also prints the text report and a
Markdown summary (docs/).
"""

from __future__ import annotations

from linter.diagnostics import Severity
from linter.engine import Result
from linter.messages import text_of
from linter.report import posix, shown

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: Result, lang: str = "en") -> str:
    lines = []
    for d in result.diagnostics:
        span = d.span
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", shown(posix(d.path))),
                ("line", span.line),
                ("col", span.column),
                ("endLine", span.end_line),
                ("endColumn", span.end_column),
                ("title", d.code),
            )
        )
        text = escape_data(shown(text_of(d.message, lang, human=True)))
        lines.append(f"::{_LEVELS[d.severity]} {properties}::{text}")
    return "".join(line + "\n" for line in lines)
