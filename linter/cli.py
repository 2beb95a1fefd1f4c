"""The ``frontlint`` command: parses options, runs the engine, picks a reporter.

Heavy modules (the YAML parser, jsonschema) are imported inside the commands that need them: a
pre-commit hook starts a fresh process on every commit, and ``frontlint --version`` or
``frontlint rules`` should not pay for a validator.
"""

from __future__ import annotations

import sys

import click

from linter import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


LANG = click.option(
    "--lang",
    type=click.Choice(["en", "fr"]),
    default="en",
    show_default=True,
    help="Language of the messages and documentation.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="frontlint")
def cli() -> None:
    """Check the front matter of static-site pages (Hugo, Jekyll): structure against JSON
    Schemas, and content, with every problem at its exact line and column."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="The reference date of date-aware checks (default: the system date).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="error",
    show_default=True,
    help="Exit with 1 when a problem of this severity or above is found.",
)
@LANG
@click.option(
    "--schema-dir",
    "schema_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Folder of <layout>.schema.json files (repeatable; default: schemas/ at the root of "
    "the repository being checked).",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Color the text output (default: only on a terminal, and not when NO_COLOR is set).",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    today: object,
    fail_on: str,
    lang: str,
    schema_dirs: tuple[str, ...],
    color: bool | None,
) -> None:
    """Check the pages under PATHS (files or folders; default: the current folder)."""
    import datetime
    import os
    from pathlib import Path

    from linter import engine, report
    from linter.diagnostics import Severity
    from linter.discover import MissingPath, discover

    try:
        files = discover(list(paths) or ["."])
    except MissingPath as exc:
        raise click.UsageError(f"path does not exist: {exc}") from None
    reference = today.date() if isinstance(today, datetime.datetime) else datetime.date.today()
    options = engine.Options(
        today=reference,
        schema_dirs=tuple(Path(d) for d in schema_dirs) if schema_dirs else None,
    )
    result = engine.run(files, options)
    if color is None:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    click.echo(report.render(fmt, result, lang, color), nl=False, color=color)
    threshold = Severity.parse(fail_on)
    if any(d.severity >= threshold for d in result.diagnostics):
        sys.exit(EXIT_PROBLEMS)


@cli.command()
@LANG
def rules(lang: str) -> None:
    """List every rule: code, name, default severity, summary."""
    from linter.rules import all_rules

    table = all_rules()
    width = max(len(r.name) for r in table)
    for rule in table:
        summary = rule.summary_in(lang)
        click.echo(f"{rule.code}  {rule.name:<{width}}  {rule.default_severity!s:<7}  {summary}")


@cli.command()
@click.argument("code")
@LANG
def explain(code: str, lang: str) -> None:
    """Show the documentation of a rule (by code, e.g. SC002, or name, e.g. unknown-key)."""
    from linter.rules import find

    rule = find(code)
    if rule is None:
        raise click.UsageError(f"unknown rule {code!r}; `frontlint rules` lists them")
    click.echo(f"{rule.code} {rule.name} ({rule.default_severity})\n")
    click.echo(f"{rule.summary_in(lang)}\n")
    click.echo(rule.doc_in(lang))


def main() -> None:
    """Console entry point: no traceback ever reaches the user."""
    try:
        cli.main(prog_name="frontlint", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("frontlint: interrupted", err=True)
        sys.exit(130)
    except BaseException as exc:  # a bug of ours: say so, exit 2, no traceback
        click.echo(f"frontlint: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_USAGE)
