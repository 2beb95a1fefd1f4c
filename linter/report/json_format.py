"""``--format json``: the stable machine-readable shape (version 1) other tools rely on.

`path` is the file name exactly, but for the bytes of a name that is not UTF-8, which JSON cannot
carry: they are written `\\xe9` (`caf\\xe9.md`), as every format shows them. `message` is text
for a human: its control characters are escaped (`report.shown`); a syntax error's
`parser_message` is the parser's own explanation, in English whatever the language (`i18n`).
The output itself holds no character a terminal obeys or that reorders text — JSON escapes C0
controls, `report.json_text` the others (`\\u202e`) — and no `##[` (`#\\u0023[`, the same
string), so printing it in a GitHub Actions log runs no command.
"""

from __future__ import annotations

from linter.engine import Result
from linter.i18n import originals
from linter.messages import text_of
from linter.report import json_text, printable, shown


def render(result: Result, lang: str = "en") -> str:
    payload = {
        "version": 1,
        "files_checked": result.files_checked,
        "files_validated": result.files_validated,
        "diagnostics": [
            {
                "path": printable(d.path),
                "line": d.span.line,
                "column": d.span.column,
                "end_line": d.span.end_line,
                "end_column": d.span.end_column,
                "code": d.code,
                "rule": d.rule,
                "severity": str(d.severity),
                "message": shown(text_of(d.message, lang)),
                **{k: shown(v) for k, v in originals(d.message.args).items()},
            }
            for d in result.diagnostics
        ],
    }
    return json_text(payload)
