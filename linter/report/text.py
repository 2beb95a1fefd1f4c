"""The default output: ``path:line:col: CODE message`` per problem, then a summary line.

File names and messages quote text from outside: their control characters are shown escaped
(`report.shown`), a path that does not start like one (`::error…`, ` ::`) is written `./path`, and
no line can run as a GitHub Actions workflow command when a log shows it (`report.defused`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from linter.diagnostics import Severity
from linter.engine import Result
from linter.messages import text_of
from linter.report import defused, shown

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


@dataclass(frozen=True)
class _Words:
    """The summary's words in one language; pairs are (singular, plural)."""

    severity: dict[Severity, tuple[str, str]]
    file: tuple[str, str]
    in_: str
    checked: tuple[str, str]
    clean: str
    validated: tuple[str, str, str]
    """All, some (`{validated}`, `{without}`), none of the checked pages had a schema."""
    then: str


_WORDS = {
    "en": _Words(
        severity={
            Severity.ERROR: ("error", "errors"),
            Severity.WARNING: ("warning", "warnings"),
            Severity.INFO: ("info", "infos"),
        },
        file=("file", "files"),
        in_="in",
        checked=("checked", "checked"),
        clean="No problems found in {checked} {files}",
        validated=(
            "all validated by a schema",
            "{validated} validated by a schema, {without} without",  # (same in both numbers)
            "none had a schema",
        ),
        then="; ",
    ),
    "fr": _Words(
        severity={
            Severity.ERROR: ("erreur", "erreurs"),
            Severity.WARNING: ("avertissement", "avertissements"),
            Severity.INFO: ("information", "informations"),
        },
        file=("fichier", "fichiers"),
        in_="dans",
        checked=("vérifié", "vérifiés"),
        clean="Aucun problème dans {checked} {files}",
        validated=(
            "tous validés par un schéma",
            "{validated} validé{s} par un schéma, {without} sans",
            "aucun n’avait de schéma",
        ),
        then=" ; ",
    ),
}


def _where(path: str) -> str:
    """A file name as the report shows it; `./` before a relative one that starts with neither a
    letter, a digit nor `._-~`, so that a name cannot pass for a command or a marker."""
    text = shown(path)
    if path[:1].isalnum() or path[:1] in ("/", "\\", ".", "_", "-", "~"):
        return text
    return f"./{text}"


def _count(n: int, forms: tuple[str, str]) -> str:
    return f"{n} {forms[0] if n == 1 else forms[1]}"


def _coverage(result: Result, words: _Words) -> str:
    """How many of the checked pages a schema validated."""
    checked, validated = result.files_checked, result.files_validated
    every, some, none = words.validated
    if validated >= checked:
        return every
    if validated == 0:
        return none
    return some.format(validated=validated, without=checked - validated, s="s" * (validated > 1))


def summary(result: Result, lang: str = "en") -> str:
    words = _WORDS.get(lang, _WORDS["en"])
    if not result.diagnostics:
        return words.clean.format(
            checked=result.files_checked, files=words.file[result.files_checked != 1]
        ) + (f" ({_coverage(result, words)})" if result.files_checked else "")
    by_severity = Counter(d.severity for d in result.diagnostics)
    parts = [
        _count(by_severity[s], words.severity[s])
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if by_severity[s]
    ]
    files = len({d.path for d in result.diagnostics})
    return (
        f"{', '.join(parts)} {words.in_} {_count(files, words.file)} "
        f"({_count(result.files_checked, words.checked)}{words.then}{_coverage(result, words)})"
    )


def statistics_lines(result: Result) -> list[str]:
    """`  56  LK004  insecure-link` per rule, most frequent first (like ruff --statistics)."""
    counts = Counter((d.code, d.rule) for d in result.diagnostics)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [f"{n:>{width}}  {code}  {rule}" for (code, rule), n in ordered]


def render(
    result: Result,
    lang: str = "en",
    color: bool = False,
    statistics: bool = False,
    quiet: bool = False,
) -> str:
    import click

    def style(text: str, fg: str | None = None, bold: bool | None = None) -> str:
        return click.style(text, fg=fg, bold=bold) if color else text

    lines = []
    for d in result.diagnostics:
        where = style(f"{_where(d.path)}:{d.span.line}:{d.span.column}:", bold=True)
        code = style(d.code, fg=_COLORS[d.severity], bold=True)
        lines.append(f"{where} {code} {shown(text_of(d.message, lang, human=True))}")
    if statistics:
        lines += statistics_lines(result)
    if not quiet:
        lines.append(summary(result, lang))
    return defused("\n".join(lines) + "\n") if lines else ""
