"""Real paths, each resolved once per run.

``os.path.realpath`` costs an ``lstat`` per component of a path, and the stages of a run
(discovery, the cache, the engine, the site model, the schemas, the CMS) each need a page's
real path: on a site of 50,000 pages that was some 30 ``lstat`` calls a page. ``real_path``
remembers what it resolved, and discovery tells it what it already knows of each folder it
walks (``know_real_folder``: the folder's real path, and which of its entries are links): a
file of such a folder that is no link is the folder's real path joined with its name, with no
system call. The memory of each file's answers is bounded (``REMEMBERED``, then forgotten at
once): a page's stages ask about it together, and a memory of every page of a big site was a
few hundred bytes a page for the whole run. All of it is forgotten at the start of every run
(``forget_real_paths``): a link may be changed between two runs of one process.
"""

from __future__ import annotations

import os
from pathlib import Path

REMEMBERED = 1024
"""Paths whose answers are kept at most (per working folder), before all are forgotten."""

_REAL: dict[str, dict[str, str]] = {}
"""Working folder ("" for absolute paths) -> path -> real path (one dictionary per folder: no
key tuple per path)."""

_FOLDERS: dict[str, dict[str, tuple[str, frozenset[str]]]] = {}
"""Working folder ("" for absolute paths) -> a walked folder as given ("" for the working
folder itself) -> (its real path, the case-folded names of its entries that are links or
could not be told)."""


def _where(text: str) -> str:
    """The key of the memories of a path: a relative path means a different file in another
    working folder ("" for an absolute one)."""
    return "" if os.path.isabs(text) else os.getcwd()


def real_path(path: str | os.PathLike[str]) -> str:
    """``os.path.realpath(path)``, resolved once per run."""
    text = os.fspath(path)
    where = _where(text)
    known = _REAL.setdefault(where, {})
    found = known.get(text)
    if found is None:
        if len(known) >= REMEMBERED:
            known.clear()
        found = known[text] = _in_known_folder(text, where) or os.path.realpath(text)
    return found


def _in_known_folder(text: str, where: str) -> str | None:
    """The real path of a file of a walked folder that is not a link, else None. (Asked for
    every file by several stages: string operations only.)"""
    folder, _sep, name = text.rpartition(os.sep)  # (`a//b`: folder `a/`, never walked: None)
    if name in ("", ".", "..") or "\0" in text:
        return None  # (a NUL: realpath's ValueError)
    walked = _FOLDERS.get(where, {}).get(folder)
    if walked is None or name.casefold() in walked[1]:
        return None  # (a link, maybe in other letter cases)
    real = walked[0]
    return real + name if real.endswith(os.sep) else real + os.sep + name


def know_real_folder(folder: str, real: str, links: frozenset[str]) -> None:
    """Remember that the folder ``folder`` (as discovery walks it: normal, `.` for the working
    folder) is really ``real``, and that its entries named in ``links`` are links (or could not
    be told): the others are ``real`` joined with their names."""
    folded = frozenset(name.casefold() for name in links)  # (a file system may ignore case)
    _FOLDERS.setdefault(_where(folder), {})["" if folder == os.curdir else folder] = (real, folded)


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
        if len(known) >= REMEMBERED:
            known.clear()
        known[path] = found
    return found


def forget_real_paths() -> None:
    _REAL.clear()
    _FOLDERS.clear()
    _RELATIVE.clear()
