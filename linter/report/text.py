"""The human outputs: ``full`` (the default) and ``concise``, then a summary line.

``full`` shows each problem as ruff and rustc do: ``path:line:col: severity CODE [rule]
message``, then the source line with the span underlined (``excerpt.py``), then, with
``show_fixes``, what the fix does; the summary is followed by how many problems ``--fix`` (and
``--unsafe-fixes``) would fix. ``concise`` is one line a problem, ``path:line:col: CODE
message``, then the summary: the form scripts read, unchanged. Both are in the report's
language.

File names, messages and excerpts quote text from outside: their control characters are shown
escaped (`report.shown`), a path that does not start like one (`::error…`, ` ::`) is written
`./path`, every excerpt line starts with its gutter, and no line can run as a GitHub Actions
workflow command when a log shows it (`report.defused`).

Colours (``color``): the severity and the carets in the severity's colour, the gutter dim.
``wants_color`` decides, as the command line asks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from linter.diagnostics import Diagnostic, Severity
from linter.engine import Result
from linter.messages import text_of
from linter.records import record
from linter.report import defused, shown

if TYPE_CHECKING:
    from linter.report.excerpt import Excerpt, Sources

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


@record
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
    level: dict[Severity, str]
    """A problem's severity, in its header."""
    continues: str
    fix: str
    unsafe_fix: str
    fixable: tuple[str, str]
    """`{n}` problems `--fix` fixes (singular, plural)."""
    more: str
    """`{n}` more that `--unsafe-fixes` fixes, after ``fixable``."""
    only_unsafe: tuple[str, str]
    """`{n}` problems only `--unsafe-fixes` fixes (singular, plural)."""


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
        level={Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
        continues="(continues to line {line})",
        fix="fix",
        unsafe_fix="unsafe fix",
        fixable=("{n} fixable with `--fix`", "{n} fixable with `--fix`"),
        more=" ({n} more with `--unsafe-fixes`)",
        only_unsafe=(
            "{n} fixable with `--unsafe-fixes`",
            "{n} fixable with `--unsafe-fixes`",
        ),
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
        level={
            Severity.ERROR: "erreur",
            Severity.WARNING: "avertissement",
            Severity.INFO: "information",
        },
        continues="(jusqu’à la ligne {line})",
        fix="correction",
        unsafe_fix="correction risquée",
        fixable=(
            "{n} problème corrigeable avec `--fix`",
            "{n} problèmes corrigeables avec `--fix`",
        ),
        more=" ({n} de plus avec `--unsafe-fixes`)",
        only_unsafe=(
            "{n} problème corrigeable avec `--unsafe-fixes`",
            "{n} problèmes corrigeables avec `--unsafe-fixes`",
        ),
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


def fixable_line(result: Result, lang: str = "en") -> str | None:
    """How many problems `--fix` fixes (safe fixes), and how many more `--unsafe-fixes` does;
    None when no problem has a fix."""
    words = _WORDS.get(lang, _WORDS["en"])
    safe = sum(1 for d in result.diagnostics if d.fix is not None and d.fix.safety == "safe")
    unsafe = sum(1 for d in result.diagnostics if d.fix is not None) - safe
    if safe:
        line = words.fixable[safe != 1].format(n=safe)
        return line + (words.more.format(n=unsafe) if unsafe else "")
    if unsafe:
        return words.only_unsafe[unsafe != 1].format(n=unsafe)
    return None


def wants_color(
    option: bool | None, to_file: bool, terminal: bool, environ: Mapping[str, str]
) -> bool:
    """Whether to colour the report: as ``--color/--no-color`` says; else never in a file; else
    not when ``NO_COLOR`` is set to anything (no-color.org); else when ``FORCE_COLOR`` is set
    (to anything but `0` or `false`), even through a pipe; else on a terminal only."""
    if option is not None:
        return option
    if to_file or environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR", "").lower() not in ("", "0", "false"):
        return True
    return terminal


Style = Callable[..., str]


def _excerpt_lines(excerpt: Excerpt, words: _Words, color: str, style: Style) -> list[str]:
    """The gutter's empty line, the source line and its carets."""
    number = str(excerpt.line)
    blank = style(" " * len(number) + " |", dim=True)
    source = style(f"{number} |", dim=True) + (f" {excerpt.text}" if excerpt.text else "")
    carets = " " * excerpt.before + style("^" * excerpt.carets, fg=color, bold=True)
    if excerpt.continues is not None:
        carets += " " + words.continues.format(line=excerpt.continues)
    return [blank, source, f"{blank} {carets}"]


def _full(
    d: Diagnostic, lang: str, words: _Words, sources: Sources, style: Style, show_fixes: bool
) -> list[str]:
    color = _COLORS[d.severity]
    where = style(f"{_where(d.path)}:{d.span.line}:{d.span.column}:", bold=True)
    level = style(words.level[d.severity], fg=color, bold=True)
    code = style(d.code, bold=True)
    message = shown(text_of(d.message, lang, human=True))
    lines = [f"{where} {level} {code} [{d.rule}] {message}"]
    excerpt = sources.excerpt(d)
    if excerpt is not None:
        lines += _excerpt_lines(excerpt, words, color, style)
    if show_fixes and d.fix is not None:
        gutter = " " * (len(str(excerpt.line)) if excerpt else 1)
        name = words.fix if d.fix.safety == "safe" else words.unsafe_fix
        colon = " : " if lang == "fr" else ": "
        what = shown(text_of(d.fix.message, lang))
        lines.append(f"{gutter} {style('=', dim=True)} {name}{colon}{what}")
    return lines


def render(*args: Any, **options: Any) -> str:
    """The report (``chunks``, whole); ``sources``: where excerpts are read (a new ``Sources``
    by default)."""
    return "".join(chunks(*args, **options))


FLUSH_LINES = 4096
"""Lines of the report written at a time: a report of 50,000 problems is never held whole."""


def chunks(
    result: Result,
    lang: str = "en",
    color: bool = False,
    statistics: bool = False,
    quiet: bool = False,
    concise: bool = False,
    show_fixes: bool = False,
    sources: Sources | None = None,
) -> Iterator[str]:
    """``render``'s text in pieces of whole lines, each defused (``defused`` reads lines)."""
    import click

    def style(text: str, fg: str | None = None, bold: bool | None = None, **more: bool) -> str:
        return click.style(text, fg=fg, bold=bold, **more) if color else text

    words = _WORDS.get(lang, _WORDS["en"])
    lines: list[str] = []
    if concise:
        for d in result.diagnostics:
            where = style(f"{_where(d.path)}:{d.span.line}:{d.span.column}:", bold=True)
            code = style(d.code, fg=_COLORS[d.severity], bold=True)
            lines.append(f"{where} {code} {shown(text_of(d.message, lang, human=True))}")
            if len(lines) > FLUSH_LINES:
                yield _flush(lines)
    elif result.diagnostics:
        from linter.report.excerpt import Sources  # (not for a run with nothing to show)

        sources = sources or Sources()
        for d in result.diagnostics:
            lines += [*_full(d, lang, words, sources, style, show_fixes), ""]
            if len(lines) > FLUSH_LINES:
                yield _flush(lines)
    if statistics:
        lines += statistics_lines(result)
    if not quiet:
        lines.append(summary(result, lang))
        fixable = None if concise else fixable_line(result, lang)
        if fixable is not None:
            lines.append(fixable)
    if lines and not lines[-1]:
        lines.pop()
    if lines:
        yield defused("\n".join(lines) + "\n")


def _flush(lines: list[str]) -> str:
    """All the lines but the last, which stays (the report's last line is dropped when empty):
    ``"\n".join`` of the whole is these pieces one after the other."""
    piece = defused("\n".join(lines[:-1]) + "\n")
    del lines[:-1]
    return piece
