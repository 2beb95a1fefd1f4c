"""``--format json``: the stable machine-readable shape (version 1) other tools rely on.

`path` is the file name exactly, but for the bytes of a name that is not UTF-8, which JSON cannot
carry: they are written `\\xe9` (`caf\\xe9.md`), as every format shows them. `message` is text
for a human: its control characters are escaped (`report.shown`); a syntax error's
`parser_message` is the parser's own explanation, in English whatever the language (`i18n`).
A diagnostic that can be fixed has a `fix`: its `safety` (`safe`, `unsafe`), what it does
(`message`), and its `edits`, each replacing characters `start` to `end` (offsets in the file's
decoded text, after any BOM; what `--fix` writes) with `text`.
The output itself holds no character a terminal obeys or that reorders text — JSON escapes C0
controls, `report.json_text` the others (`\\u202e`) — and no `##[` (`#\\u0023[`, the same
string), so printing it in a GitHub Actions log runs no command.
"""

from __future__ import annotations

from linter.diagnostics import Fix
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
                **({"fix": _fix(d.fix, lang)} if d.fix is not None else {}),
            }
            for d in result.diagnostics
        ],
    }
    return json_text(payload)


def _fix(fix: Fix, lang: str) -> dict[str, object]:
    return {
        "safety": fix.safety,
        "message": shown(text_of(fix.message, lang)),
        "edits": [{"start": e.start, "end": e.end, "text": e.text} for e in fix.edits],
    }
