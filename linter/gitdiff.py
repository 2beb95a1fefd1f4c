"""Which files changed between a git reference and the working tree (for `--changed-since`).

git runs in the repository of the checked paths (not the working folder's), the reference is
verified as a commit and passed after ``--end-of-options`` so that a reference such as
``--fork-point`` can never be read as an option, and file names are read as bytes (``-z``) and
decoded like the file system's own names, so that a name that is not UTF-8 survives.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import field
from pathlib import Path

from linter.records import record

_PAGES = (".md", ".markdown", ".html", ".htm")


class GitError(Exception):
    """git failed, or this is not a git repository, or the reference is unknown."""


_SAFE = (
    "-c", "safe.bareRepository=explicit", "-c", "core.fsmonitor=false",
    "-c", "core.hooksPath=/dev/null", "-c", "diff.external=",
)  # fmt: skip
"""A checkout is written by the pull request: a folder of it laid out as a bare repository
(`HEAD`, `objects/`, `config` with `core.fsmonitor = <command>`) must never be taken for the
repository, nor may any configuration run a command."""


def _git(where: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *_SAFE, *args], cwd=where, capture_output=True, check=False)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(error.splitlines()[-1] if error else "git failed")
    return done.stdout


def _names(output: bytes) -> list[str]:
    return [os.fsdecode(name) for name in output.split(b"\0") if name]


@record
class Changes:
    """What a change did to the files of a repository, as absolute paths."""

    changed: set[Path] = field(default_factory=set)
    """Files added or modified (committed, staged, in the working tree, or new and not
    ignored); deleted files are left out."""
    removed: dict[Path, Path | None] = field(default_factory=dict)
    """Files deleted (-> None) or renamed (-> their new path), by git's rename detection."""
    before: dict[Path, str] = field(default_factory=dict)
    """The text of each removed file as it was (for its front matter: the URLs it had)."""


def changed_files(ref: str, where: Path) -> set[Path]:
    """Absolute paths of the files added or modified since ``ref`` (see ``Changes``)."""
    return changes(ref, where).changed


def changes(ref: str, where: Path, max_before: int = 1024 * 1024) -> Changes:
    """What changed since ``ref`` in the repository that holds ``where`` (a folder)."""
    top = Path(os.fsdecode(_git(where, "rev-parse", "--show-toplevel").strip()))
    if not (top / ".git").exists():  # an older git that does not know safe.bareRepository
        raise GitError(f"{top} is not the work tree of a repository with a .git")
    try:
        commit = _git(
            top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"
        )
    except GitError:
        raise GitError(f"`{ref}` is not a commit of the repository at {top}") from None
    commit_id = commit.decode("ascii").strip()
    try:
        base = _git(top, "merge-base", commit_id, "HEAD").decode("ascii").strip()
    except GitError:
        base = commit_id  # no common history: the commit itself
    names = _names(_git(top, "diff", "--name-only", "--diff-filter=d", "-z", base, "--"))
    names += _names(_git(top, "ls-files", "--others", "--exclude-standard", "--full-name", "-z"))
    # realpath, not Path.resolve: a loop of symbolic links raises no RuntimeError (FM006 says it).
    found = Changes({Path(os.path.realpath(top / name)) for name in names})
    fields = _names(_git(top, "diff", "--name-status", "-M", "--diff-filter=DR", "-z", base, "--"))
    position = 0
    while position < len(fields):
        status = fields[position]
        if status.startswith("R") and position + 2 < len(fields):
            old, new = fields[position + 1], fields[position + 2]
            found.removed[top / old] = Path(os.path.realpath(top / new))
            position += 3
        else:
            old = fields[position + 1] if position + 1 < len(fields) else ""
            if old:
                found.removed[top / old] = None
            position += 2
        if old and len(found.before) < 1000 and old.lower().endswith(_PAGES):
            # Only pages' front matter is read, and only a page of reasonable size.
            try:
                size = int(_git(top, "cat-file", "-s", f"{base}:{old}").strip() or 0)
                if size > max_before:
                    continue
                text = _git(top, "cat-file", "blob", f"{base}:{old}")
            except (GitError, ValueError):
                continue
            found.before[top / old] = text.decode("utf-8", "replace")
    return found
