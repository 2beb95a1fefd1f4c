"""Command-line paths -> the page files to check, in a stable order.

Folders are walked, skipping hidden folders and whatever ``exclude``/``extend-exclude`` match
(by default `.git`, `node_modules`, `_site`, `public`, `resources`, `.venv`, `vendor` and Hugo's
`static/`, whose files are copied verbatim and never read as pages). A file named on the command
line is checked even when excluded, unless ``force_exclude`` (as ruff's `--force-exclude`, which
the pre-commit hook passes: pre-commit names every changed file). A YAML data file named on the
command line (`.yml`, `.yaml`: pre-commit sends them all) is checked only when ``[schemas]`` maps
a schema to it.
"""

from __future__ import annotations

import os
from pathlib import Path

from linter.config import Settings
from linter.document import PAGE_SUFFIXES


DATA_SUFFIXES = (".yml", ".yaml")


class MissingPath(Exception):
    """A path given on the command line does not exist."""


def discover(
    paths: list[str], settings: Settings | None = None, force_exclude: bool = False
) -> list[tuple[Path, str]]:
    """(file, display path) for every page under ``paths``. Display paths are the paths as given,
    joined with what was found below them."""
    settings = settings or Settings()
    found: dict[Path, str] = {}
    for given in paths:
        start = Path(given)
        if start.is_dir():
            for folder, dirs, files in os.walk(start):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".") and not settings.excluded(Path(folder, d))
                )
                for name in sorted(files):
                    file = Path(folder, name)
                    if name.lower().endswith(PAGE_SUFFIXES) and not settings.excluded(file):
                        found.setdefault(file.resolve(), os.path.normpath(file))
        elif start.exists() or start.is_symlink():
            if force_exclude and any(
                settings.excluded(p) for p in (start, *start.parents) if str(p) != "."
            ):
                continue
            if start.name.lower().endswith(DATA_SUFFIXES) and not settings.schema_for(None, given):
                continue  # a YAML data file (pre-commit sends them all) is no page: unless mapped
            found.setdefault(start.resolve(), os.path.normpath(start))
        else:
            raise MissingPath(given)
    return sorted(((Path(shown), shown) for shown in found.values()), key=lambda item: item[1])
