"""The cache of results, in the way of ruff: a second run over what did not change reads each
file's diagnostics instead of checking it again.

What a page's diagnostics depend on reaches far beyond the page: its schema and what the schema
references, the configuration, the day (`--today`), and the rest of the site (internal links,
references, the CMS configuration, the templates that compute anchors). Rather than tracking
each, an entry is valid for one *state of the tree*: the run's key is a hash of the tool's
version, the settings, the day, the checked paths' root and a fingerprint of every file under it
(name, size, modification time, kind; `.git` and the cache itself left out). Any change anywhere
makes a fresh cache, so that a stale entry can never hide a diagnostic; within one state, an entry
is found by the file's path and the hash of its bytes. The state of frontlint's own files is
part of the key too (an editable install changes without a new version).

Entries are JSON (never pickle: the folder is inside the repository, where a pull request can
write), one line each, kept as text until a file asks for its own (a 50,000-page run held every
entry as Python values and wrote the whole as JSON inside JSON: 560 MB at its peak, against 180
MB without the cache). Each file of the cache is signed with a key kept outside the repository
(in the user's cache folder): on a fresh CI machine, a cache committed by a pull request is not
read.
A cache that cannot be read, is corrupt or unsigned is ignored (a warning on stderr); writes are
atomic (a temporary file, then a rename), so concurrent runs leave one complete file.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter import __version__
from linter.diagnostics import Change, Diagnostic, Edit, Fix, Message, Severity, Span
from linter.document import MAX_FILE_BYTES, read_regular
from linter.spec import Text

FOLDER = ".frontlint_cache"
MAX_TREE_FILES = 200_000
"""A bigger tree is not fingerprinted: no cache (walking it would cost what the cache saves)."""
MAX_CACHE_BYTES = 256 * 1024 * 1024
KEPT = 4
"""States of the tree whose results are kept (the latest; older ones are removed)."""
MAGIC = "frontlint cache 2"
"""The first line of a cache file (then its signature, then one line an entry)."""


class Uncacheable(Exception):
    """A diagnostic holds a value the cache cannot write back exactly."""


@dataclass
class Entry:
    """One file's results: its diagnostics as the filter kept them, whether a schema validated
    it, what it added to the run (sites' FM011), and the per-field ignores it used."""

    diagnostics: list[Diagnostic]
    validated: int = 0
    late: list[Diagnostic] = field(default_factory=list)
    used: list[int] = field(default_factory=list)
    applied: list[int] = field(default_factory=list)


@dataclass
class Discovered:
    """What discovery found for a command line: the pages (display paths, in order), the links
    it did not follow and the folders it could not list (FM006), the language the pages' sites
    vote for (None: none, or not asked: the settings or `--lang` chose)."""

    shown: list[str]
    problems: list[Diagnostic]
    vote: str | None
    late: list[Diagnostic]
    """What the sites found in their configurations meanwhile (FM011), for the run to take."""


_DISCOVERY = "\0discovery\0"
"""The entries of ``Discovered`` begin so (no path does: a NUL is no character of a name)."""


@dataclass
class Cache:
    file: Path
    key: bytes
    """The signing key (outside the repository)."""
    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Shown path -> (hash of the file's bytes, the entry as JSON text: read when asked for)."""
    fresh: dict[str, tuple[str, str]] = field(default_factory=dict)
    """What this run added, to be written."""

    def digest(self, file: Path | str) -> str | None:
        """The hash of a file's bytes (None: not a regular file, or unreadable)."""
        try:
            return hashlib.sha256(read_regular(file, MAX_FILE_BYTES)).hexdigest()
        except Exception:
            return None

    def get(self, path: str, digest: str) -> Entry | None:
        found = self.entries.get(path)
        if found is None or found[0] != digest:
            return None
        try:
            return _entry(json.loads(found[1]))
        except Exception:  # a corrupt entry: checked again
            return None

    def put(self, path: str, digest: str, entry: Entry) -> None:
        try:
            data = json.dumps(_entry_data(entry), separators=(",", ":"))
        except Uncacheable:
            return
        self.fresh[path] = self.entries[path] = (digest, data)

    def discovered(self, named: str) -> Discovered | None:
        """What discovery found for the command line ``named`` (its paths and options as one
        text) in this state of the tree, if a run found it: the tree, the settings and the paths
        decide it, and the key of the run holds the first two (no walk of 50,000 files again)."""
        found = self.entries.get(_DISCOVERY + named)
        if found is None:
            return None
        try:
            data = json.loads(found[1])
            return Discovered(
                [str(shown) for shown in data["shown"]],
                [_from_diagnostic(d) for d in data["problems"]],
                None if data["vote"] is None else str(data["vote"]),
                [_from_diagnostic(d) for d in data["late"]],
            )
        except Exception:  # a corrupt entry: discovered again
            return None

    def remember_discovery(self, named: str, found: Discovered) -> None:
        try:
            data = {
                "shown": found.shown,
                "problems": [_diagnostic(d) for d in found.problems],
                "vote": found.vote,
                "late": [_diagnostic(d) for d in found.late],
            }
            text = json.dumps(data, separators=(",", ":"))
        except Uncacheable:
            return
        self.fresh[_DISCOVERY + named] = self.entries[_DISCOVERY + named] = ("", text)

    def save(self) -> None:
        """Write the entries (atomically), if this run added any."""
        if not self.fresh:
            return
        # One line an entry (JSON escapes tabs and line ends; ASCII: a file name that is not
        # UTF-8 is written as its escapes), the whole signed.
        lines = [
            f"{json.dumps(path)}\t{digest}\t{data}\n"
            for path, (digest, data) in self.entries.items()
        ]
        _write_signed(self.file, self.key, MAGIC, [line.encode("ascii") for line in lines])


FACTS_MAGIC = "frontlint facts 1"
KEPT_FACTS = 32
"""Facts files kept, the latest used first: one a site and configuration (a repository may hold
several sites; a facts file is not written again while its site's pages do not change)."""
RACY_NS = 2_000_000_000
"""A file changed this recently (before the run began) is read again by the next run: a change
within the same tick of its clock would leave its time and size as they were."""


@dataclass
class Facts:
    """What each file of a site gave its URL index (``linter.site.index``): its role, and a
    page's URLs with the state of the file they were read from (identity, size, modification
    and change times). Unlike ``Cache``, whose entries hold for one state of the whole tree,
    these outlive it: after a commit, a run that needs the index of a 50,000-page site reads
    the pages that changed, not every page. A file's facts depend on the file and on the site's
    configuration only, which name the facts' file (``name``); signed, written and read as the
    cache's files are."""

    folder: Path
    key: bytes
    warn: Any = None

    def name(self, *decides: object) -> str | None:
        """The name of the facts that ``decides`` (the site's configuration…) stand for; None
        when they cannot be written out (an integer of a TOML configuration too long to
        show: no facts)."""
        try:
            shown = repr(decides)
        except ValueError:
            return None
        digest = hashlib.sha256(f"{__version__}\0{code_state()}\0{shown}".encode())
        return f"facts-{digest.hexdigest()[:32]}.cache"

    def read(self, name: str) -> dict[str, Any]:
        """The facts kept under ``name``: relative path -> [role, state, URLs]."""
        warn = self.warn or (lambda _said: None)
        body = _read_signed(self.folder / name, self.key, FACTS_MAGIC, warn)
        try:
            found = json.loads(body) if body is not None else {}
        except ValueError:
            warn(f"{self.folder / name}: corrupt; cache ignored")
            return {}
        if body is not None:  # (used: the latest ``KEPT_FACTS`` used are kept)
            with contextlib.suppress(OSError, NotImplementedError):
                os.utime(self.folder / name, follow_symlinks=False)
        return found if isinstance(found, dict) else {}

    def state(self, path: str, started: int) -> str | None:
        """``file_state``, asked through the facts the index has: a run that keeps none does not
        import this module (OpenSSL's ``hashlib``, ``tempfile``: 4.4 MB of memory)."""
        return file_state(path, started)

    def write(self, name: str, facts: dict[str, Any]) -> None:
        # (ASCII: names are escaped; the text is dropped as soon as it is encoded: 7.5 MB at
        # 50,000 pages.)
        body = json.dumps(facts, separators=(",", ":")).encode("ascii")
        _write_signed(self.folder / name, self.key, FACTS_MAGIC, [body])


def open_facts(root: Path, warn: Any) -> Facts | None:
    """The sites' facts kept under ``root`` (its cache folder); None when no signing key can be
    kept or the folder is not one (a link: ``open_cache`` says so)."""
    key = _signing_key()
    folder = root / FOLDER / __version__
    if key is None or any(
        os.path.lexists(level) and not _own_folder(level) for level in (folder.parent, folder)
    ):
        return None
    return Facts(folder, key, warn)


def file_state(path: str, started: int) -> str | None:
    """A file's identity, size and times, as facts keep them; None when it cannot be read, or
    changed too recently (``RACY_NS``) before ``started`` (``time.time_ns()``)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    if max(info.st_mtime_ns, info.st_ctime_ns) > started - RACY_NS:
        return None
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def _write_signed(file: Path, key: bytes, magic: str, parts: list[bytes]) -> bool:
    """Write ``file`` (in the cache's folder, made if need be) atomically: the ``magic`` line, the
    signature of its name and of ``parts``, then ``parts``. False when it could not be written."""
    signature = hmac.new(key, _signed_name(file), hashlib.sha256)
    for part in parts:
        signature.update(part)
    folder = file.parent
    try:
        for level in (folder.parent, folder):
            with contextlib.suppress(FileExistsError):
                os.mkdir(level)
            if not _own_folder(level):
                return False  # a link (a pull request's?), or a file: never written through
        _write_new(folder.parent / ".gitignore", "# frontlint's cache: never committed\n*\n")
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(f"{magic}\n{signature.hexdigest()}\n".encode("ascii"))
            out.writelines(parts)
        os.replace(temporary, file)
    except OSError:
        return False  # a read-only checkout: no cache, the run itself is fine
    _prune(folder, file)
    return True


def _read_signed(file: Path, key: bytes, magic: str, warn: Any) -> bytes | None:
    """The body of a file ``_write_signed`` wrote (None: absent, or refused with a warning)."""
    try:
        info = os.lstat(file)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CACHE_BYTES:
        warn(f"{file}: not a regular file of at most {MAX_CACHE_BYTES} bytes; cache ignored")
        return None
    try:
        found, written, body = file.read_bytes().split(b"\n", 2)
        if found.decode("ascii") != magic:
            raise ValueError("not frontlint's cache")
    except Exception:
        warn(f"{file}: corrupt; cache ignored")
        return None
    signature = hmac.new(key, _signed_name(file) + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature.encode("ascii"), written):
        warn(f"{file}: not written by this machine's frontlint; cache ignored")
        return None
    return body


def _own_folder(path: Path) -> bool:
    """Whether ``path`` is a folder itself, not a link to one (nor a file)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _write_new(path: Path, text: str) -> None:
    """Write ``path`` unless something, even a link, is already there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, 0o644)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(text)


_OURS = re.compile(r"(?:facts-)?[0-9a-f]{32}\.(?:cache|json)|\.tmp-.*", re.S)
"""The names of the files this module writes in its folder (``.json``: the format before)."""


def _prune(folder: Path, current: Path) -> None:
    """Keep the ``KEPT`` latest states of the tree in ``folder`` (a run after each commit would
    add a file each time), and no file of an older format; a temporary file goes when a run
    that stopped while writing left it an hour ago. Only the names this module writes are
    removed, in its own folder (``save`` makes sure it is no link)."""
    try:
        with os.scandir(folder) as listing:
            found = [
                (entry.stat(follow_symlinks=False).st_mtime, entry.name, entry.path)
                for entry in listing
                if _OURS.fullmatch(entry.name) and not entry.is_dir(follow_symlinks=False)
            ]
    except OSError:
        return
    old = []
    for facts in (False, True):  # (the states of the tree, then the sites' facts: ``Facts``)
        states = sorted(
            (
                item
                for item in found
                if item[1].endswith(".cache")
                and item[1].startswith("facts-") == facts
                and item[2] != str(current)
            ),
            reverse=True,
        )
        kept = (KEPT_FACTS if facts else KEPT) - (current.name.startswith("facts-") == facts)
        old += [item[2] for item in states[kept:]]
    hour_ago = time.time() - 3600
    for mtime, name, path in found:
        if (name.startswith(".tmp-") and mtime < hour_ago) or (
            not name.startswith(".tmp-") and not name.endswith(".cache")
        ):
            old.append(path)
    for path in old:
        try:
            os.unlink(path)
        except OSError:
            continue


def _signed_name(file: Path) -> bytes:
    """What the signature covers before the entries: the file's name, the key of its state of
    the tree (a signed file renamed to another state's name is refused)."""
    return file.name.encode("utf-8", "surrogateescape") + b"\n"


def open_cache(root: Path, run_key: str, warn: Any) -> Cache | None:
    """The cache of the run whose key is ``run_key`` (see ``run_key``), under ``root``; None when
    the tree is too big to fingerprint or no signing key can be kept."""
    key = _signing_key()
    if key is None:
        return None
    folder = root / FOLDER / __version__
    file = folder / f"{run_key}.cache"
    for level in (folder.parent, folder):
        if os.path.lexists(level) and not _own_folder(level):
            warn(f"{level}: not a folder (a link?); no cache")
            return None
    cache = Cache(file, key)
    body = _read_signed(file, key, MAGIC, warn)
    if body is None:
        return cache
    try:
        for line in body.decode("ascii").split("\n")[:-1]:
            path, digest, data = line.split("\t", 2)
            cache.entries[str(json.loads(path))] = (digest, data)
    except Exception:
        warn(f"{file}: corrupt; cache ignored")
        cache.entries = {}
    return cache


def tree_root(folder: Path) -> Path:
    """The tree whose state keys a run from ``folder``: the repository that holds it (the
    nearest folder at or above it with `.git`), else ``folder``; real. A run from a subfolder
    reads the repository's `schemas/` and any schema a page names in the repository."""
    real = Path(os.path.realpath(folder))
    for candidate in (real, *real.parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return real


def run_key(
    root: Path, settings: Any, today: str, extra: str = "", left_out: frozenset[str] = frozenset()
) -> str | None:
    """The key of a run: the tool's version, the settings, the day, and the state of every file
    under ``root`` but its `.git` and the paths ``left_out`` (from ``root``, `/`-separated: the
    cache's own folder), and of what its links lead to (None: too many files, or a folder that
    cannot be listed)."""
    digest = hashlib.sha256()
    digest.update(f"{__version__}\0{settings!r}\0{today}\0{extra}\0{root}\0".encode())
    digest.update(code_state().encode())
    for count, line in enumerate(_tree(root, left_out=left_out | {".git"})):
        if count >= MAX_TREE_FILES or line.endswith("\0unlistable\n"):
            return None  # (what is below a folder that cannot be listed may still be checked)
        digest.update(line.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]


@functools.lru_cache(maxsize=1)
def code_state() -> str:
    """The state of frontlint's own files (an editable install changes without a new version),
    not of their bytecode: Python writes that on the first run, which would make the second
    run's key another one."""
    digest = hashlib.sha256()
    for line in _tree(Path(__file__).parent, skip="__pycache__"):
        digest.update(line.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _tree(root: Path, skip: str = "", left_out: frozenset[str] = frozenset()) -> Iterator[str]:
    """One line per file and folder under ``root`` (links not followed; not the folders named
    ``skip``, nor the paths ``left_out``), in a stable order."""
    todo = [""]
    while todo:
        relative = todo.pop()
        try:
            with os.scandir(root / relative if relative else root) as listing:
                items = sorted(listing, key=lambda e: e.name)
        except OSError:
            yield f"{relative}\0unlistable\n"
            continue
        for item in items:
            name = f"{relative}/{item.name}" if relative else item.name
            if item.name == skip or name in left_out:
                continue
            try:
                info = item.stat(follow_symlinks=False)
            except OSError:
                yield f"{name}\0gone\n"
                continue
            if stat.S_ISDIR(info.st_mode):
                # (Its entries are lines of their own: its time changes with them, and when the
                # cache's folder is made in it, which must not make another state.)
                yield f"{name}\0{info.st_mode}\n"
                todo.append(name)
                continue
            yield f"{name}\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}\n"
            if stat.S_ISLNK(info.st_mode):
                yield f"{name}\0->{_target(item.path)}\n"


def _target(path: str) -> str:
    """Where a link leads and what is there (it may be out of the tree, where nothing else of the
    key looks, and discovery reads it): the real path and the kind, identity, size and time of
    what it names, or why it cannot be followed."""
    real = os.path.realpath(path)
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:
        return f"{real}\0{type(exc).__name__}{getattr(exc, 'errno', '')}"
    return (
        f"{real}\0{info.st_mode}\0{info.st_dev}\0{info.st_ino}\0{info.st_size}\0{info.st_mtime_ns}"
    )


def _signing_key() -> bytes | None:
    """A random key kept in the user's cache folder (made on first use)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "frontlint" / "cache-key"
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = os.urandom(32)
        handle, temporary = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(key.hex())
        os.replace(temporary, path)
        return bytes.fromhex(path.read_text(encoding="ascii").strip())  # (a concurrent run's)
    except (OSError, ValueError):
        return None


# --- Diagnostics as JSON data, and back, exactly.


def _value(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if type(value) is Text:
        return {"text": [value.en, value.fr]}
    from linter.i18n import Outside

    if type(value) is Outside:
        return {"outside": [value.en, value.fr]}
    raise Uncacheable(type(value).__name__)


def _back(data: Any) -> Any:
    if isinstance(data, dict):
        if "text" in data:
            return Text(*data["text"])
        from linter.i18n import Outside

        return Outside(*data["outside"])
    return data


def _message(message: Message) -> Any:
    return [message.key, [[name, _value(value)] for name, value in message.args]]


def _diagnostic(d: Diagnostic) -> Any:
    s = d.span
    fix = None
    if d.fix is not None:
        fix = [
            [[e.start, e.end, e.text] for e in d.fix.edits],
            d.fix.safety,
            _message(d.fix.message),
            [[c.path, c.start, c.end, c.text, c.key] for c in d.fix.changes],
        ]
    return [
        d.path, [s.line, s.column, s.end_line, s.end_column, s.start, s.end], d.code, d.rule,
        int(d.severity), _message(d.message), fix,
    ]  # fmt: skip


def _from_message(data: Any) -> Message:
    return Message(data[0], tuple((name, _back(value)) for name, value in data[1]))


def _from_diagnostic(data: Any) -> Diagnostic:
    path, span, code, rule, severity, message, fix = data
    made = None
    if fix is not None:
        edits, safety, said, changes = fix
        made = Fix(
            tuple(Edit(*e) for e in edits),
            safety,
            _from_message(said),
            tuple(Change(tuple(c[0]) if c[0] is not None else None, *c[1:]) for c in changes),
        )
    return Diagnostic(
        path, Span(*span), code, rule, Severity(severity), _from_message(message), made
    )


def _entry_data(entry: Entry) -> Any:
    return {
        "diagnostics": [_diagnostic(d) for d in entry.diagnostics],
        "validated": entry.validated,
        "late": [_diagnostic(d) for d in entry.late],
        "used": entry.used,
        "applied": entry.applied,
    }


def _entry(data: Any) -> Entry:
    return Entry(
        [_from_diagnostic(d) for d in data["diagnostics"]],
        int(data["validated"]),
        [_from_diagnostic(d) for d in data["late"]],
        [int(i) for i in data["used"]],
        [int(i) for i in data["applied"]],
    )
