"""``--format sarif``: SARIF 2.1.0, one run, every rule with its help text, results with regions.

Columns count Unicode code points (`columnKind: unicodeCodePoints`), as frontlint's do.
"""

from __future__ import annotations

import json

from linter import __version__
from linter.diagnostics import Severity
from linter.engine import Result
from linter.messages import text_of
from linter.report import posix

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


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
            "message": {"text": text_of(d.message, lang)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": posix(d.path)},
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
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
