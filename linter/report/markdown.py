"""``--format markdown``: a summary for a CI job summary or a pull-request comment.

Counts per rule, then a table of every problem (linked to the file at its line when the GitHub
Actions variables say where the repository is), then each dated sequence met — the sprint
calendar — as a Mermaid `gantt` chart, which GitHub renders: order, gaps and overlaps at a glance.
"""

from __future__ import annotations

import datetime
import os
from collections import Counter

from linter.diagnostics import Severity
from linter.engine import Result
from linter.messages import text_of
from linter.report import posix
from linter.report.text import summary

_ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}
_WORDS = {
    "en": ("Rule", "Problems", "File", "Message", "No problems found."),
    "fr": ("Règle", "Problèmes", "Fichier", "Message", "Aucun problème."),
}


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _link(path: str, line: int) -> str:
    server, repo, sha = (
        os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
    )
    shown = f"{posix(path)}:{line}"
    if server and repo and sha:
        return f"[{_cell(shown)}]({server}/{repo}/blob/{sha}/{posix(path)}#L{line})"
    return f"`{shown}`"


def _gantt_text(text: str) -> str:
    """Mermaid task and section names cannot hold `:`, `#` or `;`."""
    return " ".join(text.replace(":", " ").replace("#", "n°").replace(";", ",").split())


def render(result: Result, lang: str = "en") -> str:
    rule_word, problems, file_word, message_word, clean = _WORDS.get(lang, _WORDS["en"])
    out = ["## frontlint", "", summary(result, lang), ""]
    if result.diagnostics:
        counts = Counter((d.code, d.rule) for d in result.diagnostics)
        out += [f"| {rule_word} | {problems} |", "| --- | ---: |"]
        out += [
            f"| `{code}` {rule} | {n} |"
            for (code, rule), n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
        ]
        out += [
            "",
            f"| | {file_word} | {rule_word} | {message_word} |",
            "| --- | --- | --- | --- |",
        ]
        for d in result.diagnostics:
            out.append(
                f"| {_ICONS[d.severity]} | {_link(d.path, d.span.line)} | `{d.code}` | "
                f"{_cell(text_of(d.message, lang))} |"
            )
    else:
        out.append(clean)
    for calendar in result.collected.get("calendars", ()):
        out += [
            "",
            f"### {posix(calendar.path)} — `{calendar.sequence}`",
            "",
            "```mermaid",
            "gantt",
        ]
        out += ["    dateFormat YYYY-MM-DD", "    axisFormat %d/%m/%Y"]
        for number, (label, phases) in enumerate(calendar.items):
            if not phases:
                continue  # an item without dates (a placeholder): nothing to draw
            out.append(f"    section {_gantt_text(label)}")
            for index, phase in enumerate(phases):
                end = phase.end + datetime.timedelta(days=1)  # Mermaid ends are exclusive
                out.append(
                    f"    {_gantt_text(phase.label)} :s{number}p{index}, "
                    f"{phase.start.isoformat()}, {end.isoformat()}"
                )
        out.append("```")
    return "\n".join(out) + "\n"
