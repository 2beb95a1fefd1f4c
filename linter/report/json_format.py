"""``--format json``: the stable machine-readable shape (version 1) other tools rely on."""

from __future__ import annotations

import json

from linter.engine import Result
from linter.messages import text_of


def render(result: Result, lang: str = "en") -> str:
    payload = {
        "version": 1,
        "files_checked": result.files_checked,
        "diagnostics": [
            {
                "path": d.path,
                "line": d.span.line,
                "column": d.span.column,
                "end_line": d.span.end_line,
                "end_column": d.span.end_column,
                "code": d.code,
                "rule": d.rule,
                "severity": str(d.severity),
                "message": text_of(d.message, lang),
            }
            for d in result.diagnostics
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
