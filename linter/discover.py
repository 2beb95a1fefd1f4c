"""Command-line paths -> the page files to check, in a stable order.

Folders are walked, skipping hidden folders and whatever ``exclude``/``extend-exclude`` match
(by default `.git`, `node_modules`, `_site`, `public`, `resources`, `.venv`, `vendor` and Hugo's
`static/`, whose files are copied verbatim and never read as pages). A file named on the command
line is checked even when excluded, unless ``force_exclude`` (as ruff's `--force-exclude`, which
the pre-commit hook passes: pre-commit names every changed file). A YAML data file named on the
command line (`.yml`, `.yaml`: pre-commit sends them all) is checked only when ``[schemas]`` maps
a schema to it.

Pages come from pull requests, so a path is never trusted to stay where it is put:

- a symbolic link is followed only when it leads to a place inside the checked tree: the folder
  named on the command line, or for a named file the working folder (the repository, where
  pre-commit and CI run; a path named outside it: its own folder). A link that leads out of it,
  or loops, is not followed: FM006 (``FM006.outside``, ``FM006.loop``) on the link's path. A
  folder named on the command line that leads out of the working folder is not walked either;
- links to folders are never followed while walking (no cycle, no way out);
- a folder that cannot be listed is FM006 (``FM006.folder``) on the folder's path, and the walk
  goes on;
- pipes, devices and sockets are listed like files: reading refuses them (``document``);
- in a Hugo or Jekyll site (``linter.site``), only what the generator makes pages of is a page:
  templates (`layouts/`, `_includes/`…), data and static files are never read as pages, even
  when named on the command line (pre-commit names every changed file).

These problems are appended to ``problems`` (the engine reports them like a file's own).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from linter.config import Settings
from linter.diagnostics import Diagnostic, Span
from linter.document import PAGE_SUFFIXES
from linter.paths import know_real_folder
from linter.rules.core import UNREADABLE
from linter.site import Sites
from linter.site.model import within

DATA_SUFFIXES = (".yml", ".yaml")


class MissingPath(Exception):
    """A path given on the command line does not exist."""


def discover(
    paths: list[str],
    settings: Settings | None = None,
    force_exclude: bool = False,
    problems: list[Diagnostic] | None = None,
    sites: Sites | None = None,
) -> Files:
    """(file, display path) for every page under ``paths``. Display paths are the paths as given,
    joined with what was found below them. Links not followed and folders that cannot be listed
    are appended to ``problems`` (dropped when None). With ``sites``, only the files that their
    site's generator treats as pages are kept (not templates, data or static files)."""
    walk = _Walk(settings or Settings(), sites)
    for given in paths:
        walk.named(given, force_exclude)
    if problems is not None:
        problems.extend(sorted(walk.problems.values(), key=Diagnostic.sort_key))
    return Files(sorted(walk.found.values()))


def shown_paths(files: Sequence[tuple[Path, str]]) -> Sequence[str]:
    """The display paths of ``files``, without making a ``Path`` of each (``Files``)."""
    return files.shown if isinstance(files, Files) else [shown for _file, shown in files]


class Files(Sequence[tuple[Path, str]]):
    """(file, display path) of the pages, in order, each pair made when asked: the run holds the
    display paths alone (a ``Path`` per file held for the run was 300 bytes a page)."""

    __slots__ = ("shown",)

    def __init__(self, shown: list[str]) -> None:
        self.shown = shown

    def __len__(self) -> int:
        return len(self.shown)

    @overload
    def __getitem__(self, index: int) -> tuple[Path, str]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[Path, str]]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [(Path(shown), shown) for shown in self.shown[index]]
        shown = self.shown[index]
        return Path(shown), shown

    def __iter__(self) -> Iterator[tuple[Path, str]]:
        for shown in self.shown:
            yield Path(shown), shown


class _Walk:
    def __init__(self, settings: Settings, sites: Sites | None) -> None:
        self.settings = settings
        self.sites = sites
        self.found: dict[str, str] = {}
        """The real path of each page -> its display path (the first met, or the file itself)."""
        self.linked: set[str] = set()
        """Real paths whose display path is a link to them (yet)."""
        self.problems: dict[str, Diagnostic] = {}
        """Display path -> what was not followed or could not be listed there."""

    def refuse(self, shown: str, msgid: str, **args: Any) -> None:
        span = Span(1, 1, 1, 1, 0, 0)
        self.problems.setdefault(shown, Diagnostic.of(UNREADABLE, shown, span, msgid, **args))

    def named(self, given: str, force_exclude: bool) -> None:
        """A path of the command line: a folder to walk, or a file to check."""
        try:
            os.lstat(given)
        except OSError as exc:
            if exc.errno in (errno.ENOENT, errno.ENOTDIR):
                raise MissingPath(given) from None
            # Otherwise (a folder on the way that cannot be searched, a name too long...):
            # reading it says why.
        shown = os.path.normpath(given)
        start = Path(given)
        if os.path.isdir(given):
            boundary = _boundary(given)
            # The real path of the folder listed: `shown` (`l/../content` is `content`, whatever
            # `l` links to), so that each file's real path is the folder's joined with its name.
            real = os.path.realpath(shown)
            if not within(real, boundary):
                self.refuse(shown, "FM006.outside")
            else:
                self.folder(shown, real)
            return
        if force_exclude and (
            any(self.settings.excluded(p) for p in (start, *start.parents) if str(p) != ".")
            or any(part.startswith(".") and part not in (".", "..") for part in start.parts[:-1])
        ):
            return  # as when walking: excluded, or in a hidden folder (`.github/`)
        if start.name.lower().endswith(DATA_SUFFIXES) and not self.settings.schema_for(None, given):
            return  # a YAML data file (pre-commit sends them all) is no page: unless mapped
        self.file(shown, _boundary(given))

    def file(self, shown: str, boundary: str, real: str | None = None) -> None:
        """A page at ``shown``; ``real``: its real path when known to be no link and inside."""
        if real is None:
            try:
                os.stat(shown)
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    self.refuse(shown, "FM006.loop")
                    return
            real = os.path.realpath(shown)
            if not within(real, boundary):
                self.refuse(shown, "FM006.outside")
                return
            if real not in self.found and os.path.islink(shown):
                self.linked.add(real)
        elif real in self.linked:  # the file itself, met after a link to it: shown as itself
            self.linked.discard(real)
            self.found[real] = shown
        if (
            self.sites is not None
            and real not in self.found
            and self.sites.of(real).role(real) != "page"
        ):
            return  # a template, a data or static file: the generator makes no page of it
        self.found.setdefault(real, shown)

    def folder(self, top: str, real_top: str) -> None:
        """Walk a folder (shown as ``top``, really at ``real_top``, the boundary of its links)."""
        stack = [(top, real_top)]
        while stack:
            shown, real = stack.pop()
            try:
                with os.scandir(shown) as listing:
                    entries = sorted(listing, key=lambda e: e.name)
            except OSError as exc:
                self.refuse(shown, "FM006.folder", reason=exc.strerror or type(exc).__name__)
                continue
            folders = []
            links = []
            kinds = []
            for entry in entries:
                try:
                    link = entry.is_symlink()
                    is_folder = not link and entry.is_dir(follow_symlinks=False)
                except OSError:
                    link = is_folder = False
                    links.append(entry.name)  # (not known: resolved when asked)
                if link:
                    links.append(entry.name)
                kinds.append((entry, link, is_folder))
            know_real_folder(shown, real, frozenset(links))  # (before its files are asked about)
            for entry, link, is_folder in kinds:
                # (`shown` is normal and a name holds no separator: no normpath to run.)
                path = entry.name if shown == os.curdir else os.path.join(shown, entry.name)
                page = entry.name.lower().endswith(PAGE_SUFFIXES)
                if is_folder:
                    if not entry.name.startswith(".") and not self.settings.excluded(path):
                        folders.append((path, os.path.join(real, entry.name)))
                    continue
                if link and os.path.isdir(path):
                    continue  # a link to a folder is never followed: no cycle, no way out
                if page and not self.settings.excluded(path):
                    self.file(path, real_top, None if link else os.path.join(real, entry.name))
            stack.extend(reversed(folders))


def _boundary(given: str) -> str:
    """The real path of the tree a named path belongs to: the working folder when the path is
    inside it, else the path's own folder."""
    cwd = os.getcwd()
    absolute = os.path.abspath(given)
    if within(absolute, cwd):
        return os.path.realpath(cwd)
    return os.path.realpath(os.path.dirname(absolute))
