"""The ``frontlint`` command: parses options, runs the engine, picks a reporter.

Heavy modules (the YAML parser, jsonschema) are imported inside the commands that need them: a
pre-commit hook starts a fresh process on every commit, and ``frontlint --version`` or
``frontlint rules`` should not pay for a validator.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from linter import __version__

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

    from linter.cache import Cache
    from linter.spec import Rule

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
FORMATS = ("full", "concise", "text", "json", "github", "sarif", "junit", "gitlab", "markdown")
FEW_FILES = 64
"""Fewer files named on the command line, and no folder: no results cache (the sites' facts)."""


LANG_OPTIONAL = click.option(
    "--lang",
    type=click.Choice(["en", "fr"]),
    help="Language of the messages [default: FRONTLINT_LANG, else the configuration's `lang`, "
    "else the language the checked pages' site is configured in (the one of most pages when "
    "they are in several sites), else en].",
)
LANG = click.option(
    "--lang",
    type=click.Choice(["en", "fr"]),
    help="Language of the messages and documentation [default: FRONTLINT_LANG, else the "
    "configuration's `lang`, else the language of the site in the current folder, else en].",
)


class _Group(click.Group):
    """The command group, whose errors (click's own words too) speak the run's language."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        from linter import language

        argv = kwargs.get("args", args[0] if args else None)
        with language.speaking(sys.argv[1:] if argv is None else list(argv)):
            return super().main(*args, **kwargs)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="frontlint")
def cli() -> None:
    """Check the front matter of static-site pages (Hugo, Jekyll): structure against JSON
    Schemas, and content, with every problem at its exact line and column."""


def _codes(value: str | None) -> tuple[str, ...] | None:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip()) if value else None


class _Unwritten(click.ClickException):
    """A fixed page that cannot be written: exit 2, this message alone."""

    exit_code = EXIT_USAGE


def _unwritable(path: str, reason: str) -> click.BadParameter:
    from linter.language import say

    return click.BadParameter(
        say(f"cannot write the report to `{path}`: {reason}",
            f"impossible d’écrire le rapport dans `{path}` : {reason}"),
        param_hint="'--output-file' / '-o'",
    )  # fmt: skip


def _check_output_file(path: str) -> None:
    """Refuse, before the run, an output file whose folder does not exist (click has refused an
    existing folder); what only writing can tell is refused when writing."""
    import os

    from linter.language import say

    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        there = (
            say("is not a folder", "n’est pas un dossier")
            if os.path.lexists(folder)
            else say("does not exist", "n’existe pas")
        )
        raise _unwritable(path, f"`{folder}` {there}")
    # A pull request can commit `frontlint.sarif` as a link to a file outside the checkout, or
    # as a pipe: the report is written only to a new file or over a regular one.
    if os.path.islink(path):
        raise _unwritable(path, say("it is a symbolic link", "c’est un lien symbolique"))
    if os.path.lexists(path) and not os.path.isfile(path):
        raise _unwritable(
            path, say("it is not a regular file", "ce n’est pas un fichier ordinaire")
        )


def _echo(pieces: Iterable[str], color: bool) -> None:
    """The report on the standard output, piece by piece, until a reader that closed the pipe
    (`| head -1`, `| grep -q`) wants no more: the rest goes to the null device, and the exit
    status stays the problems' (as when the report went out at once)."""
    import os

    try:
        for piece in pieces:
            click.echo(piece, nl=False, color=color)
    except BrokenPipeError:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())  # (the flush at exit then loses what is buffered)
        os.close(null)


def _write_output(path: str, text: str) -> None:
    """Write the report without following a link that appeared since the check (O_NOFOLLOW)
    and without blocking on a special file (O_NONBLOCK)."""
    import os

    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags, 0o644)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(text)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "--output-format",
    "fmt",
    type=click.Choice(FORMATS),
    default="full",
    show_default=True,
    help="Output format. full: each problem with its source line underlined (`text` is its "
    "other name); concise: one line a problem, for scripts; json, github, sarif, junit, gitlab, "
    "markdown: for tools.",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file instead of the standard output.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="The reference date of date-aware checks (default: the system date).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Exit with 1 when a problem of this severity or above is found [default: error].",
)
@LANG_OPTIONAL
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True),
    help="The configuration file (default: the nearest .frontlint.toml or pyproject.toml "
    "with [tool.frontlint], from the working folder up).",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--select", help="Comma-separated codes or prefixes to report (e.g. SC,LK003).")
@click.option("--extend-select", help="Codes or prefixes to report in addition.")
@click.option("--ignore", help="Comma-separated codes or prefixes not to report.")
@click.option(
    "--schema-dir",
    "schema_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Folder of <layout>.schema.json files (repeatable; default: schemas/ at the root "
    "of the repository being checked).",
)
@click.option(
    "--changed-since",
    metavar="REF",
    help="Check only the pages changed between the git REF and the working tree.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the exclusions to files named on the command line too (pre-commit).",
)
@click.option("--statistics", is_flag=True, help="Print the number of problems per rule.")
@click.option("--quiet", "-q", is_flag=True, help="Print the problems only, no summary.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Color the text output (default: only on a terminal; never when NO_COLOR is set; "
    "also through a pipe when FORCE_COLOR is set).",
)
@click.option("--fix", "apply_fixes", is_flag=True, help="Apply the safe fixes to the files.")
@click.option(
    "--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply the unsafe fixes too."
)
@click.option(
    "--show-fixes", is_flag=True, help="Show under each problem the fix that --fix would apply."
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write the cache (.frontlint_cache/; also FRONTLINT_NO_CACHE=1), "
    "nor the cache of online link checks.",
)
@click.option(
    "--online/--offline",
    default=None,
    help="Check external links over the network (LK011-LK016) [default: the configuration's "
    "`[links] online`, else offline].",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show the progress of online checks on the standard error [default: on a terminal].",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0, 256),
    help="Processes that check the files [default: 0, one a core; runs of few files use one].",
)
@click.option(
    "--max-per-rule",
    type=click.IntRange(0),
    help="Diagnostics a rule reports at most in one file, then a note that there are more "
    "[default: 100; 0: no limit].",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print the changes --fix would make as a unified diff, change nothing; exit 1 when "
    "there is something to fix.",
)
def check(paths: tuple[str, ...], fmt: str, output_file: str | None, today: object,
          fail_on: str | None, lang: str | None, config_file: str | None, isolated: bool,
          select: str | None, extend_select: str | None, ignore: str | None,
          schema_dirs: tuple[str, ...], changed_since: str | None, force_exclude: bool,
          statistics: bool, quiet: bool, color: bool | None, apply_fixes: bool,
          unsafe_fixes: bool, show_fixes: bool, no_cache: bool, online: bool | None,
          progress: bool | None, jobs: int | None, max_per_rule: int | None,
          show_diff: bool) -> None:  # fmt: skip
    """Check the pages under PATHS (files or folders; default: the current folder)."""
    import datetime
    import os
    from pathlib import Path

    from linter import config, engine, language, report
    from linter.diagnostics import Diagnostic, Severity
    from linter.discover import MissingPath, discover, shown_paths
    from linter.paths import forget_real_paths, real_path
    from linter.rules import all_rules

    forget_real_paths()  # (a link may have changed since a run of this process)
    if output_file:
        _check_output_file(output_file)
    codes = frozenset(rule.code for rule in all_rules())
    try:
        source = None if isolated else Path(config_file) if config_file else config.find(Path.cwd())
        settings = config.load(source, codes)
    except config.ConfigError as exc:
        raise click.UsageError(language.usage_text(str(exc))) from None
    for name, value in (
        ("--select", select),
        ("--extend-select", extend_select),
        ("--ignore", ignore),
    ):
        for code in _codes(value) or ():
            problem = config.unknown_code(code, codes)
            if problem:
                raise click.UsageError(f"{name}: {language.usage_text(problem)}")
    settings = settings.override(
        select=_codes(select),
        extend_select=_codes(extend_select),
        ignore=(*settings.ignore, *(_codes(ignore) or ())) if ignore else None,
        lang=lang,
        fail_on=Severity.parse(fail_on) if fail_on else None,
        schema_dirs=tuple(Path(d) for d in schema_dirs) if schema_dirs else None,
        max_per_rule=max_per_rule,
    )
    from linter.site import Sites

    sites = Sites(
        settings.site_root,
        settings.base_url,
        settings.site_language,
        settings.cms_config,
        named=tuple(paths) or (".",),
    )
    problems: list[Diagnostic] = []  # links not followed, folders that cannot be listed
    reference = today.date() if isinstance(today, datetime.datetime) else datetime.date.today()
    no_cache = no_cache or os.environ.get("FRONTLINT_NO_CACHE", "") not in ("", "0")
    if online is None:
        from linter.rules.online import ONLINE

        online = bool(settings.option(ONLINE))
    store = None
    if not (no_cache or apply_fixes or show_diff or fmt == "markdown" or online) and _in_tree(
        paths, settings
    ):
        from linter.cache import open_facts

        # A few files named (pre-commit, an editor): every run is another state of the tree,
        # which the results cache would fingerprint (a walk of the whole repository: 0.4 s at
        # 50,000 files) to find nothing; the sites' facts need no walk.
        if not paths or len(paths) >= FEW_FILES or not all(map(os.path.isfile, paths)):
            store = _cache(settings, reference)
        sites.use_facts(open_facts(Path.cwd(), _warn))
    # What discovery finds, the cache may know (the same tree, settings and command line);
    # not with --changed-since, whose pages git chooses. (`--lang` decides whether the sites'
    # language was asked: `--lang en` may leave the settings as they were.)
    named_line = repr((paths, force_exclude, lang))
    known = store.discovered(named_line) if store is not None and not changed_since else None
    if known is not None:
        from linter.discover import Files

        files: Sequence[tuple[Path, str]] = Files(known.shown)
        problems = known.problems
        sites.diagnostics.extend(known.late)  # (taken by the run as if the walk had found them)
    else:
        try:
            files = discover(list(paths) or ["."], settings, force_exclude, problems, sites)
        except MissingPath as exc:
            raise click.UsageError(
                language.say(f"path does not exist: {exc}", f"chemin introuvable : {exc}")
            ) from None
        if store is not None and not _all_inside(real_path(p) for p in shown_paths(files)):
            store = None  # (as the key sees the tree: a page found out of it, no cache)
    linking: list[tuple[Path, str]] = []  # unchanged pages that may link to removed ones
    if changed_since is not None:
        from linter.gitdiff import GitError, changes

        first = Path((paths or ["."])[0])
        where = first if first.is_dir() else first.parent  # the checked paths' repository
        try:
            found = changes(changed_since, where)
        except GitError as exc:
            raise click.UsageError(
                f"--changed-since {changed_since}: {language.usage_text(str(exc))}"
            ) from None
        files = [(file, shown) for file, shown in files if file.resolve() in found.changed]
        problems = [p for p in problems if Path(os.path.realpath(p.path)) in found.changed]
        linking = _linking_to_removed(found, sites, settings, files)
    named = os.path.realpath((paths or ["."])[0])  # (a folder: as the site of a page in it)
    named = os.path.join(named, "page.md") if os.path.isdir(named) else named
    votes: list[str | None] = []

    def vote() -> str | None:
        """The language of the pages' sites (asked only when nothing else chose)."""
        if known is not None:
            return known.vote
        reals = (real_path(shown) for shown in shown_paths(files)) if files else iter([named])
        votes.append(language.site_language(sites, reals, named))
        return votes[-1]

    settings = settings.override(lang=language.chosen(lang, settings, vote))
    language.use(settings.lang)
    if store is not None and known is None and not changed_since:
        from linter.cache import Discovered

        found_now = Discovered(
            list(shown_paths(files)), problems, votes[0] if votes else None, sites.pending(False)
        )
        store.remember_discovery(named_line, found_now)
    options = engine.Options(
        today=reference, settings=settings, collect=fmt == "markdown", sites=sites,
        jobs=_processes(jobs if jobs is not None else settings.jobs), cache=store,
    )  # fmt: skip
    if online:
        from dataclasses import replace

        options = replace(options, online=_online(settings, no_cache, progress))
    dropped: list[Diagnostic] = []
    if apply_fixes or show_diff:
        from linter import fix

        fixed, dropped = fix.fix_files(files, options, unsafe_fixes)
        if show_diff:
            from linter.report import defused, shown

            lines = [  # (a tab stays a tab: the diff can still be applied)
                "\t".join(map(shown, line.split("\t")))
                for state in fixed.values()
                for line in fix.diff(state)
            ]
            click.echo(defused("".join(f"{line}\n" for line in lines)), nl=False)
            _fixed_summary(fixed, settings.lang, would=True)
            sys.exit(EXIT_PROBLEMS if fixed else EXIT_OK)
        for state in fixed.values():
            try:
                fix.write(state)
            except OSError as exc:  # (a page, not the report: its name shown, not obeyed)
                from linter.i18n import os_reason
                from linter.report import shown

                name, why = shown(state.path), os_reason(exc)(settings.lang)
                raise _Unwritten(
                    language.say(f"cannot write the fixes of `{name}`: {why}",
                                 f"impossible d’écrire les corrections de `{name}` : {why}")
                ) from None  # fmt: skip
        _fixed_summary(fixed, settings.lang, would=False)
    result = engine.run(files, options, problems)
    if dropped:
        from dataclasses import replace

        merged = sorted((*result.diagnostics, *dropped), key=Diagnostic.sort_key)
        result = replace(result, diagnostics=tuple(merged))
    if linking:
        result = _with_links_to_removed(result, linking, options)
    from linter.report.text import wants_color

    color = wants_color(
        color, output_file is not None, sys.stdout is not None and sys.stdout.isatty(), os.environ
    )
    pieces = report.chunks(
        fmt, result, settings.lang, color, statistics=statistics, quiet=quiet,
        show_fixes=show_fixes,
    )  # fmt: skip
    if output_file:
        # Whole before the file is opened: the file may be a checked page, whose excerpts the
        # report reads, and a report that cannot be made leaves the file as it was.
        text = "".join(pieces)
        try:
            _write_output(output_file, text)
        except OSError as exc:
            raise _unwritable(output_file, exc.strerror or type(exc).__name__) from None
    else:
        _echo(pieces, color)
    if any(d.severity >= settings.fail_on for d in result.diagnostics):
        sys.exit(EXIT_PROBLEMS)


def _in_tree(paths: Sequence[str], settings: Any) -> bool:
    """Whether what the run reads lies where the cache's key looks (``_all_inside``): no checked
    path out of the working folder's repository (as given, or as discovery walks it:
    `l/../../x` is `../x`) or in its `.git` or the cache's folder, no site, CMS configuration or
    schema folder set out of it. Otherwise no cache (nor facts: a run on `../autre-site` writes
    nothing here)."""
    import os

    given = [p for path in paths for p in (path, os.path.normpath(path))]
    given += [str(p) for p in (settings.site_root, settings.cms_config) if p is not None]
    given += [str(p) for p in settings.schema_dirs or ()]
    return _all_inside(os.path.realpath(path) for path in given)


def _cache(settings: Any, today: Any) -> Cache | None:
    """The cache of this run's state of the working folder (``_in_tree`` holds); None when the
    folder is too big to fingerprint or one of its folders cannot be listed. The key holds what
    decides the language of the run (`FRONTLINT_LANG`; the rest is in the settings or the tree)."""
    import os
    from pathlib import Path

    from linter import cache, language

    root = Path.cwd()
    tree = cache.tree_root(root)
    own = Path(os.path.realpath(root), cache.FOLDER).relative_to(tree).as_posix()
    extra = repr(language.from_environment())
    key = cache.run_key(tree, settings, today.isoformat(), extra, frozenset({own}))
    if key is None:
        return None
    return cache.open_cache(root, key, _warn)


def _warn(said: str) -> None:
    click.echo(f"frontlint: {said}", err=True)


def _all_inside(reals: Iterable[str]) -> bool:
    """Whether every real path is in the tree the key of the cache looks at (``cache.tree_root``
    of the working folder), not in what it leaves out (its `.git`, the cache's own folder)."""
    import os
    from pathlib import Path

    from linter.cache import FOLDER, tree_root

    top = str(tree_root(Path.cwd()))
    inside = top if top.endswith(os.sep) else top + os.sep
    out = (os.path.join(top, ".git"), os.path.join(os.path.realpath(os.getcwd()), FOLDER))
    for real in reals:
        if real != top and not real.startswith(inside):
            return False
        if any(real == o or real.startswith(o + os.sep) for o in out):
            return False
    return True


def _online(settings: Any, no_cache: bool, progress: bool | None) -> Any:
    """The online link checks of the run (``linter.online``: imported only now)."""
    from linter import language, online

    shown = sys.stderr.isatty() if progress is None else progress

    def warn(said: str) -> None:
        click.echo(f"frontlint: {said}", err=True)

    try:
        return online.from_settings(settings, not no_cache, shown, warn)
    except ValueError as exc:
        raise click.UsageError(language.usage_text(str(exc))) from None


def _processes(jobs: int) -> int:
    """``jobs``, or for 0 the cores this process may run on."""
    if jobs:
        return jobs
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _fixed_summary(fixed: Any, lang: str, would: bool) -> None:
    """`Fixed 3 problems in 2 files.` on the standard error (the report stays parseable)."""
    count = sum(state.count for state in fixed.values())
    files = len(fixed)
    if not count:
        return
    if lang == "fr":
        verb = "seraient corrigés" if would else "corrigés"
        said = f"{count} problème{'s' * (count > 1)} {verb} dans {files} fichier{'s' * (files > 1)}"
    else:
        verb = "Would fix" if would else "Fixed"
        said = f"{verb} {count} problem{'s' * (count != 1)} in {files} file{'s' * (files != 1)}"
    click.echo(said + ".", err=True)


def _linking_to_removed(found: Any, sites: Any, settings: Any, files: Sequence) -> list:
    """The pages of the sites where the change deletes or renames pages, that the change does
    not touch (each site learns the URLs that the removed pages had)."""
    import os
    from pathlib import Path

    from linter.discover import discover
    from linter.document import parse_text
    from linter.site.index import forms

    roots: dict[str, Path] = {}
    for old, new in found.removed.items():
        real = os.path.realpath(old)
        site = sites.of(real)
        relative = site.relative(real)
        if site.generator == "none" or relative is None:
            continue
        if site.rules.role(site, relative) != "page":
            continue
        text = found.before.get(old, "")
        doc, _problems = parse_text(text, old, str(old)) if text else (None, [])
        data = doc.data if doc is not None else {}
        shown_old = os.path.relpath(old)
        shown_new = os.path.relpath(new) if new is not None else None
        for url in site.rules.page_urls(site, relative, data):
            if "\x00" not in url:
                for form in forms(url)[:1]:
                    site.removed[form] = (shown_old, shown_new)
        roots[str(site.root)] = site.root
    checked = {file.resolve() for file, _shown in files}
    linking = []
    for root in roots.values():
        shown = os.path.relpath(root) if Path.cwd() in (root, *root.parents) else str(root)
        for file, path in discover([shown], settings, sites=sites):
            if file.resolve() not in checked:
                linking.append((file, path))
    return linking


def _with_links_to_removed(result: Any, linking: list, options: Any) -> Any:
    """``result`` with the links of the ``linking`` pages to removed pages (and nothing else of
    those pages: the change did not touch them)."""
    from dataclasses import replace

    from linter import engine
    from linter.diagnostics import Diagnostic

    keys = ("LK009.deleted", "LK009.renamed", "LK009.renamed-unserved")
    others = engine.run(linking, replace(options, cache=None, settings=options.settings.override(
        select=("LK009",), extend_select=())))  # fmt: skip
    found = [d for d in others.diagnostics if d.message.key in keys]
    merged = sorted((*result.diagnostics, *found), key=Diagnostic.sort_key)
    touched = len({d.path for d in found})
    return replace(result, diagnostics=tuple(merged), files_checked=result.files_checked + touched)


@cli.command()
@LANG
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text: one line a rule; json: every field with complete example pages; markdown: "
    "the README's table.",
)
def rules(lang: str | None, fmt: str) -> None:
    """List every rule: code, name, default severity, summary."""
    from linter import language
    from linter.rules import all_rules

    lang = lang or language.current()

    table = all_rules()
    if fmt == "json":
        import json

        listing = [rule.as_json(lang) for rule in table]
        click.echo(json.dumps(listing, ensure_ascii=False, indent=2))
        return
    if fmt == "markdown":
        click.echo("| code | name | severity | summary |\n| --- | --- | --- | --- |")
        for rule in table:
            summary = rule.summary(lang)
            click.echo(f"| {rule.code} | {rule.name} | {_severity(rule, lang)} | {summary} |")
        return
    width = max(len(r.name) for r in table)
    for rule in table:
        summary = rule.summary(lang)
        click.echo(f"{rule.code}  {rule.name:<{width}}  {_severity(rule, lang):<7}  {summary}")


def _severity(rule: Rule, lang: str) -> str:
    """A rule's default severity, and "off" for an opt-in rule (selected by name only)."""
    if not rule.opt_in:
        return str(rule.default_severity)
    return f"{rule.default_severity} ({'désactivée' if lang == 'fr' else 'off'})"


@cli.group()
def schemas() -> None:
    """The JSON Schemas frontlint derives from a site's Decap CMS configuration."""


@schemas.command("export")
@click.argument("path", default=".", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False),
    help="Write one <collection>.schema.json per collection (and per listed file) in this "
    "folder, for review or hand-tuning [default: print them all as one JSON object].",
)
def export(path: str, out: str | None) -> None:
    """Export the schemas derived from the Decap CMS configuration of the site at PATH."""
    import json
    import os
    from pathlib import Path

    from linter import config as configuration
    from linter.language import say, usage_text
    from linter.rules import all_rules
    from linter.site import Sites
    from linter.site.cms import config_of

    try:
        source = configuration.find(Path.cwd())
        settings = configuration.load(source, frozenset(rule.code for rule in all_rules()))
    except configuration.ConfigError as exc:
        raise click.UsageError(usage_text(str(exc))) from None
    sites = Sites(settings.site_root, cms_config=settings.cms_config, named=(path,))
    site = sites.of(os.path.join(os.path.realpath(path), "page.md"))
    if site.generator == "none":  # a repository that holds its site in a folder (`site/`)
        for child in sorted(Path(path).iterdir()):
            if child.is_dir() and not child.is_symlink() and not child.name.startswith("."):
                found = sites.of(os.path.join(os.path.realpath(child), "page.md"))
                if found.generator != "none":
                    site = found
                    break
    config = config_of(site)
    if config is None:
        raise click.UsageError(
            say(f"no Decap CMS configuration found for the site at {path}",
                f"aucune configuration Decap CMS trouvée pour le site de {path}")
        )  # fmt: skip
    exported: dict[str, object] = {}
    for collection in config.collections:
        items = [(collection.name, collection.schema)] if collection.folder is not None else []
        items += [(f"{collection.name}.{file.name}", file.schema) for file in collection.files]
        for name, schema in items:
            key, count = name, 1
            while key in exported:  # a file `x` of `f`, and a collection `f.x`: both kept
                count += 1
                key = f"{name} ({count})"
            exported[key] = _finite(schema)
    if out is None:
        click.echo(json.dumps(exported, ensure_ascii=False, indent=2))
        return
    folder = _out_folder(out)
    used: set[str] = set()
    for key, contents in exported.items():
        target = folder / f"{_file_name(key, used)}.schema.json"
        if os.path.islink(target) or (os.path.lexists(target) and not os.path.isfile(target)):
            raise click.BadParameter(
                say(f"`{target}` is a symbolic link or no regular file: not written",
                    f"`{target}` est un lien symbolique ou pas un fichier ordinaire : non écrit"),
                param_hint="'--out'",
            )  # fmt: skip
        try:
            _write_output(str(target), json.dumps(contents, ensure_ascii=False, indent=2) + "\n")
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise click.BadParameter(
                say(f"cannot write `{target}`: {reason}",
                    f"impossible d’écrire `{target}` : {reason}"),
                param_hint="'--out'",
            ) from None  # fmt: skip
        click.echo(str(target))


def _out_folder(out: str) -> Any:
    """The folder of `schemas export --out`: not a link (a pull request may commit one), made
    when missing."""
    import os
    from pathlib import Path

    from linter.language import say

    if os.path.islink(out):
        raise click.BadParameter(
            say(f"`{out}` is a symbolic link: not written",
                f"`{out}` est un lien symbolique : non écrit"),
            param_hint="'--out'",
        )  # fmt: skip
    try:
        Path(out).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise click.BadParameter(
            say(f"cannot make `{out}`: {reason}", f"impossible de créer `{out}` : {reason}"),
            param_hint="'--out'",
        ) from None
    return Path(out)


def _file_name(name: str, used: set[str]) -> str:
    """A file name for a schema: the name's letters, digits, `.`, `-`, `_` (others as `_`), at
    most 100 characters (with a hash of the whole name when cut), never one already used."""
    import hashlib
    import re

    safe = re.sub(r"[^\w.-]", "_", name, flags=re.ASCII).lstrip(".") or "collection"
    if len(safe) > 100:
        safe = safe[:90] + "-" + hashlib.sha1(name.encode("utf-8", "replace")).hexdigest()[:8]
    candidate, count = safe, 1
    while candidate.lower() in used:
        count += 1
        candidate = f"{safe}-{count}"
    used.add(candidate.lower())
    return candidate


def _finite(value: Any) -> Any:
    """``value`` with infinite and NaN numbers (`.inf` in YAML) as null: JSON has none."""
    import math

    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


@cli.command()
@click.argument("code")
@LANG
def explain(code: str, lang: str | None) -> None:
    """Show the documentation of a rule (by code, e.g. SC002, or name, e.g. unknown-key)."""
    from linter import language
    from linter.rules import find

    lang = lang or language.current()
    rule = find(code)
    if rule is None:
        raise click.UsageError(
            language.say(f"unknown rule {code!r}; `frontlint rules` lists them",
                     f"règle {code!r} inconnue ; `frontlint rules` les liste toutes")
        )  # fmt: skip
    click.echo(rule.explain(lang), nl=False)


@cli.command()
@click.argument("path", default=".", type=click.Path(exists=True, file_okay=False))
@LANG_OPTIONAL
def init(path: str, lang: str | None) -> None:
    """Write a commented .frontlint.toml for the site at PATH (default: the current folder),
    and say what was found. An existing configuration is never replaced (exit 2)."""
    from linter import init as setup

    click.echo(setup.init(path, lang), nl=False)  # (`setup.InitError`: exit 2, its message)


def main() -> None:
    """Console entry point: no traceback ever reaches the user."""
    import gc

    # A page of a hundred thousand problems or tokens allocates millions of objects, few in
    # cycles: the default (a collection every 700 allocations) spent a quarter of such a run.
    gc.set_threshold(10_000, 10, 10)
    try:
        cli.main(prog_name="frontlint", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo(_said("frontlint: interrupted", "frontlint : interrompu"), err=True)
        sys.exit(130)
    except BaseException as exc:  # a bug of ours: say so, exit 2, no traceback
        what = f"{type(exc).__name__}: {exc}"
        click.echo(
            _said(f"frontlint: internal error: {what}", f"frontlint : erreur interne : {what}"),
            err=True,
        )
        sys.exit(EXIT_USAGE)


def entry() -> None:
    """The ``frontlint`` command: ``main``, then an exit that skips the interpreter's teardown
    (freeing every module and object: 30 to 40 ms, a sixth of a pre-commit hook's run), as
    mypy does. The output is flushed first; files are closed and worker processes joined where
    they are used, never left to the teardown. ``main`` itself exits as usual (tests call it)."""
    import os

    try:
        main()
        code: Any = 0
    except SystemExit as done:
        code = done.code
    if code is None:
        code = 0
    elif not isinstance(code, int):  # as the interpreter does with ``sys.exit("text")``
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # (None: closed when the command started, `>&-`)
                stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): what is lost is lost
            code = code or 120  # (the interpreter's own status when it cannot flush)
    if sys.gettrace() is None and sys.getprofile() is None:
        os._exit(code & 0xFF)
    sys.exit(code)  # under a profiler or coverage, whose results are written at the teardown


def _said(en: str, fr: str) -> str:
    """A last word in the language of the command line, whatever fails in finding it."""
    try:
        from linter.language import guess_from_command_line

        return fr if guess_from_command_line(sys.argv[1:]) == "fr" else en
    except Exception:  # the message is shown in any case
        return en
