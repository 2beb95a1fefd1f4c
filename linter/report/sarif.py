"""``--format sarif``: SARIF 2.1.0, one run, every rule with its help text, results with regions.

Columns count Unicode code points (`columnKind: unicodeCodePoints`), as frontlint's do. A file's
`uri` is a relative reference (RFC 3986) to it: every byte of its name but letters, digits, `-._~`
and the `/` between folders is percent-encoded (`my%20page.md`, `a%3Ab.md`, and `caf%E9.md` for a
name that is not UTF-8). Messages are text for a human: their control characters are escaped
(`report.shown`).
"""

from __future__ import annotations

from linter import __version__
from linter.diagnostics import Severity
from linter.engine import Result
from linter.messages import text_of
from linter.report import as_bytes, json_text, posix, shown

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def uri(path: str) -> str:
    """A file name as a relative URI reference (a `:` is encoded too, so none can read as a
    scheme)."""
    from urllib.parse import quote

    return quote(as_bytes(posix(path)), safe="/")


def render(result: Result, lang: str = "en") -> str:
    from linter.rules import all_rules

    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    driver = {
        "name": "frontlint",
        "version": __version__,
        "informationUri": "https://pypi.org/project/frontlint/",
        "rules": [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary(lang)},
                "fullDescription": {"text": rule.summary(lang)},
                "help": {"text": rule.explain(lang)},
                "defaultConfiguration": {"level": _LEVELS[rule.default_severity]},
            }
            for rule in rules
        ],
    }
    results = [
        {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _LEVELS[d.severity],
            "message": {"text": shown(text_of(d.message, lang))},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(d.path)},
                        "region": {
                            "startLine": d.span.line,
                            "startColumn": d.span.column,
                            "endLine": d.span.end_line,
                            "endColumn": max(d.span.end_column, 1),
                        },
                    }
                }
            ],
        }
        for d in result.diagnostics
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
        ],
    }
    return json_text(log)
