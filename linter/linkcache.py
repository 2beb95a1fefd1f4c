"""The cache of online link checks: one SQLite file, shared by concurrent runs.

What a URL answered is kept for a time that depends on the answer (``online.ttl``): long for a
page that works, short for a failure, not at all for what could not be decided. SQLite does the
locking between concurrent runs (each write is one transaction); a file that is not a readable
cache is set aside with a warning and replaced, never trusted.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

SCHEMA = "CREATE TABLE IF NOT EXISTS links (url TEXT PRIMARY KEY, expires REAL, outcome TEXT)"
VERSION = 1


def default_path() -> Path:
    """``$XDG_CACHE_HOME/frontlint/links.sqlite`` (``~/.cache`` by default; ``%LOCALAPPDATA%``
    on Windows)."""
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.environ.get("LOCALAPPDATA") if os.name == "nt" else None
    )
    folder = Path(base) if base else Path.home() / ".cache"
    return folder / "frontlint" / "links.sqlite"


class LinkCache:
    """What URLs answered, by URL (userinfo and fragment never part of it)."""

    def __init__(self, path: Path, warn: Callable[[str], None]) -> None:
        self.path = path
        self.warn = warn
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open()
        except (sqlite3.Error, OSError, ValueError) as exc:
            self._replace(exc)

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            db.execute(SCHEMA)
            if version not in (0, VERSION):
                db.execute("DELETE FROM links")  # another layout: start again
            db.execute(f"PRAGMA user_version = {VERSION}")
            db.execute("SELECT count(*) FROM links").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def _replace(self, exc: BaseException) -> None:
        """Set an unreadable cache aside (with a warning) and start an empty one."""
        self.warn(f"the link cache `{self.path}` cannot be read ({exc}): ignored")
        if self._db is not None:
            self._db.close()
            self._db = None
        try:
            if self.path.is_file() and not self.path.is_symlink():
                os.replace(self.path, self.path.with_name(self.path.name + ".corrupt"))
            self._db = self._open()
        except (sqlite3.Error, OSError, ValueError):
            self._db = None  # no cache this run

    def get(self, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The unexpired answers of ``urls``."""
        found: dict[str, dict[str, Any]] = {}
        if self._db is None:
            return found
        now = time.time()
        wanted = list(urls)
        try:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT url, expires, outcome FROM links WHERE url IN ({marks})", chunk
                ).fetchall()
                for url, expires, outcome in rows:
                    if isinstance(expires, float | int) and expires > now:
                        try:
                            value = json.loads(outcome)
                        except (TypeError, ValueError):
                            continue
                        if isinstance(value, dict):
                            found[url] = value
        except sqlite3.Error as exc:
            self._replace(exc)
            return {}
        return found

    def put(self, answers: Mapping[str, tuple[float, dict[str, Any]]]) -> None:
        """Keep ``answers`` (url -> (seconds to keep, outcome)) in one transaction."""
        if self._db is None or not answers:
            return
        now = time.time()
        rows = [(url, now + ttl, json.dumps(value)) for url, (ttl, value) in answers.items()]
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO links VALUES (?, ?, ?)", rows)
            self._db.execute("DELETE FROM links WHERE expires < ?", (now,))
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self.warn(f"the link cache `{self.path}` cannot be written ({exc})")
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
