"""``--format markdown``: a summary for a CI job summary or a pull-request comment.

Counts per rule, then a table of every problem (linked to the file at its line when the GitHub
Actions variables say where the repository is), then each dated sequence met — the sprint
calendar — as a Mermaid `gantt` chart, which GitHub renders: order, gaps and overlaps at a glance.

What comes from the pages (file names, keys, values) is shown, never obeyed. Its control
characters are escaped (`report.shown`); as text, Markdown's and HTML's marks are backslash-escaped
(`\\*_[]<>&!|~$` and the backtick); as code — what a message quotes between backticks — it goes in
a code span whose fence is longer than any run of backticks inside, with `|` escaped as GitHub's
tables read it; a link's address is percent-encoded. Mermaid has no quoting: a label loses the
characters its grammar gives a meaning to, and one that starts like a statement (`excludes …`,
`click …`, a date) is put between quotes.
"""

from __future__ import annotations

import datetime
import os
import re
import string
from collections import Counter

from linter.diagnostics import Message, Severity
from linter.engine import Result
from linter.messages import prepare
from linter.report import as_bytes, defused, posix, shown
from linter.report.text import summary

_ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}
_WORDS = {
    "en": ("Rule", "Problems", "File", "Message", "No problems found."),
    "fr": ("Règle", "Problèmes", "Fichier", "Message", "Aucun problème."),
}
_MARKS = re.compile(r"([\\`*_\[\]<>&!|~$])")
_TICKS = re.compile("`+")


def _text(text: str) -> str:
    """Text from outside as Markdown text: shown as it is, emphasis, links, HTML, entities,
    math, table cells and code all escaped."""
    return _MARKS.sub(r"\\\1", shown(text))


def _code(text: str) -> str:
    """Text from outside as a code span, in a table cell or not."""
    content = shown(text)
    fence = "`" * (max((len(run) for run in _TICKS.findall(content)), default=0) + 1)
    if not content:
        return "\\`\\`"  # no code span is empty: the two backticks the text report shows
    if (
        content[0] == "`"
        or content[-1] == "`"
        or (content[0] == content[-1] == " " and content.strip(" "))
    ):
        content = f" {content} "  # one space is stripped from each side
    return fence + content.replace("|", "\\|") + fence


def _message(message: Message, lang: str) -> str:
    """A message as Markdown: its own words as text, what it quotes between backticks as code,
    whatever the quoted values hold (a backtick cannot close the span early)."""
    template, args = prepare(message.key, dict(message.args), lang, human=True)
    formatter = string.Formatter()
    out: list[str] = []
    span: list[str] | None = None  # the raw text of the code span being read
    for literal, field, spec, conversion in formatter.parse(template):
        for index, piece in enumerate(literal.split("`")):
            if index:  # a backtick of the template opens or closes a span
                if span is None:
                    span = []
                else:
                    out.append(_code("".join(span)))
                    span = None
            if span is None:
                out.append(_text(piece))
            else:
                span.append(piece)
        if field is not None:
            value = formatter.get_field(field, (), args)[0]
            value = formatter.format_field(formatter.convert_field(value, conversion), spec or "")
            if span is None:
                out.append(_text(value))
            else:
                span.append(value)
    if span is not None:  # an unpaired backtick in a template: plain text
        out.append(_text("`" + "".join(span)))
    return "".join(out)


def _link(path: str, line: int) -> str:
    server, repo, sha = (
        os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
    )
    shown_at = f"{posix(path)}:{line}"
    if server and repo and sha:
        from urllib.parse import quote

        address = quote(as_bytes(posix(path)), safe="/")
        return f"[{_text(shown_at)}]({server}/{repo}/blob/{sha}/{address}#L{line})"
    return _code(shown_at)


# What starts a statement of a Mermaid gantt chart (its lexer ignores case and takes the first
# rule that matches, so a prefix is enough): a task label starting so is put between quotes.
_STATEMENTS = (
    "gantt", "dateformat", "inclusiveenddates", "topaxis", "axisformat", "tickinterval",
    "includes", "excludes", "todaymarker", "weekday", "weekend", "title", "acctitle", "accdescr",
    "section", "click", "call", "href", "displaymode",
)  # fmt: skip


def _gantt_text(text: str) -> str:
    """A Mermaid task or section name: none of `:` (ends it), `#` and `%` (start comments),
    `;` (ends a statement) or a backtick (the Markdown fence around the chart)."""
    text = shown(" ".join(text.split()))
    for mark, replacement in ((":", " "), ("#", "n°"), (";", ","), ("%", "％"), ("`", "'")):
        text = text.replace(mark, replacement)
    return " ".join(text.split())


_EMPTY = '""'


def _task(text: str) -> str:
    label = _gantt_text(text)
    if not label or label[0].isdigit() or label.lower().startswith(_STATEMENTS):
        return f'"{label}"'
    return label


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
                f"{_message(d.message, lang)} |"
            )
    else:
        out.append(clean)
    for calendar in result.collected.get("calendars", ()):
        out += [
            "",
            f"### {_text(posix(calendar.path))} — {_code(calendar.sequence)}",
            "",
            "```mermaid",
            "gantt",
        ]
        out += ["    dateFormat YYYY-MM-DD", "    axisFormat %d/%m/%Y"]
        for number, (label, phases) in enumerate(calendar.items):
            if not phases:
                continue  # an item without dates (a placeholder): nothing to draw
            out.append(f"    section {_gantt_text(label) or _EMPTY}")
            for index, phase in enumerate(phases):
                end = phase.end + datetime.timedelta(days=1)  # Mermaid ends are exclusive
                out.append(
                    f"    {_task(phase.label)} :s{number}p{index}, "
                    f"{phase.start.isoformat()}, {end.isoformat()}"
                )
        out.append("```")
    return defused("\n".join(out) + "\n")
