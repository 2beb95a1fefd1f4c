"""Command-line paths -> the page files to check, in a stable order."""

from __future__ import annotations

import os
from pathlib import Path

from linter.document import PAGE_SUFFIXES

SKIPPED_DIRS = frozenset(
    {".git", "node_modules", "_site", "public", "resources", ".venv", "vendor", "static"}
)
"""Never descended into (nor any hidden folder): build output, dependencies, VCS data, and
Hugo's ``static/``, whose files are copied to the site verbatim and never read as pages."""


class MissingPath(Exception):
    """A path given on the command line does not exist."""


def discover(paths: list[str]) -> list[tuple[Path, str]]:
    """(file, display path) for every page under ``paths``; a file named explicitly is always kept.

    Display paths are the paths as given, joined with what was found below them.
    """
    found: dict[Path, str] = {}
    for given in paths:
        start = Path(given)
        if start.is_dir():
            for folder, dirs, files in os.walk(start):
                dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(PAGE_SUFFIXES):
                        file = Path(folder, name)
                        found.setdefault(file.resolve(), os.path.normpath(file))
        elif start.exists() or start.is_symlink():
            found.setdefault(start.resolve(), os.path.normpath(start))
        else:
            raise MissingPath(given)
    return sorted(((Path(shown), shown) for shown in found.values()), key=lambda item: item[1])
