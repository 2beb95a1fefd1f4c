"""Which files changed between a git reference and the working tree (for `--changed-since`)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git failed, or this is not a git repository, or the reference is unknown."""


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        raise GitError(
            done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git failed"
        )
    return done.stdout


def changed_files(ref: str) -> set[Path]:
    """Absolute paths of the files added or modified since ``ref`` (committed, staged, in the
    working tree, or new and not ignored); deleted files are left out."""
    top = Path(_git("rev-parse", "--show-toplevel").strip())
    try:
        base = _git("merge-base", ref, "HEAD").strip()
    except GitError:
        base = _git("rev-parse", "--verify", ref).strip()  # no common history: the ref itself
    names = _git("diff", "--name-only", "--diff-filter=d", "-z", base, "--").split("\0")
    names += _git(
        "ls-files", "--others", "--exclude-standard", "--full-name", "-z", top.as_posix()
    ).split("\0")
    return {(top / name).resolve() for name in names if name}
