"""Real paths, each resolved once per run.

``os.path.realpath`` costs an ``lstat`` per component of a path, and the stages of a run
(discovery, the cache, the engine, the site model, the schemas, the CMS) each need a page's
real path: on a site of 50,000 pages that was some 30 ``lstat`` calls a page. ``real_path``
remembers what it resolved, and discovery tells it what it already knows
(``know_real_path``). The memory is forgotten at the start of every run
(``forget_real_paths``): a link may be changed between two runs of one process.
"""

from __future__ import annotations

import os
from pathlib import Path

_REAL: dict[str, dict[str, str]] = {}
"""Working folder ("" for absolute paths) -> path -> real path (one dictionary per folder: no
key tuple per path, 10 MB at 50,000 pages)."""


def _known(text: str) -> dict[str, str]:
    # A relative path means a different file in another working folder.
    folder = "" if os.path.isabs(text) else os.getcwd()
    known = _REAL.get(folder)
    if known is None:
        known = _REAL[folder] = {}
    return known


def real_path(path: str | os.PathLike[str]) -> str:
    """``os.path.realpath(path)``, resolved once per run."""
    text = os.fspath(path)
    known = _known(text)
    found = known.get(text)
    if found is None:
        found = known[text] = os.path.realpath(text)
    return found


def know_real_path(path: str, real_path: str) -> None:
    """Remember that ``path`` is really ``real_path`` (found by walking real folders)."""
    _known(path)[path] = real_path


_RELATIVE: dict[tuple[str, str], dict[str, str]] = {}
"""(working folder, root) -> path -> the path from the root."""


def relative_path(path: str, root: str | os.PathLike[str]) -> str:
    """``path`` (from the working folder) relative to the real ``root``, in POSIX form (the path
    as given when it is outside): asked for every rule of every file, resolved once per run."""
    where = (os.getcwd(), os.fspath(root))
    known = _RELATIVE.get(where)
    if known is None:
        known = _RELATIVE[where] = {}
    found = known.get(path)
    if found is None:
        # realpath, not Path.resolve: a loop of symbolic links raises no RuntimeError here.
        real, top = real_path(path), real_path(root)
        inside = top if top.endswith(os.sep) else top + os.sep  # (`/`, `C:\\`: a root ends so)
        if real == top:
            found = "."
        elif real.startswith(inside):
            found = real[len(inside) :].replace(os.sep, "/")
        else:
            found = Path(path).as_posix()
        known[path] = found
    return found


def forget_real_paths() -> None:
    _REAL.clear()
    _RELATIVE.clear()
