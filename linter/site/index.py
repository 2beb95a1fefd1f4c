"""The URLs a site serves, and what serves each: built once, on the first internal link.

Every file of the site is listed once (links to folders are not followed, hidden folders and
generated ones are skipped, at most ``MAX_FILES``); a page's URLs need its front matter only, and
only when it holds a key that changes them (`slug`, `url`, `permalink`…): most pages are not
parsed at all. A URL is looked up as written, then in the forms a server also answers (`/a`,
`/a/`, `/a.html`, `/a/index.html`), then case-insensitively; patterns hold the segments that
could not be computed (a permalink token without a value, a taxonomy term).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from linter.site.model import Site

MAX_FILES = 200_000
_SKIPPED = frozenset({".git", "node_modules", "_site", "public", "resources", ".venv", "vendor"})
_URL_KEYS = "slug|url|aliases|permalink|redirect_from|headless|_?build|published"
_DATED_KEYS = "date|publishdate|title|categories|category"
_FRONT_KEYS = re.compile(rb"^(?:" + _URL_KEYS.encode() + rb")\s*[:=]", re.M | re.I)
_DATED_FRONT_KEYS = re.compile(
    rb"^(?:" + _URL_KEYS.encode() + b"|" + _DATED_KEYS.encode() + rb")\s*[:=]", re.M | re.I
)
_ANY = "\x00"


@dataclass(frozen=True)
class Anchors:
    """A page's anchors: every id it may have, the prefixes of the ids its templates compute,
    and the ids to suggest (explicit ones and headings' ids as the generators make them by
    default, accents kept: not every reading of ``ids``, nor the templates' `footer`…)."""

    ids: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    suggested: tuple[str, ...] = ()
    """The page's own anchors as a reader knows them, in document order (not the templates')."""

    def has(self, fragment: str) -> bool:
        return fragment in self.ids or any(fragment.startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class Target:
    """What serves a URL: a page (its source file), a static file, or a pattern."""

    kind: str
    """page | static | generated"""
    file: str | None = None
    """The real path of the page or static file (None for generated URLs and patterns)."""


@dataclass
class Index:
    site: Site
    urls: dict[str, Target] = field(default_factory=dict)
    folded: dict[str, Target] = field(default_factory=dict)
    patterns: list[tuple[re.Pattern[str], Target]] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    """Source path relative to the site's root (POSIX) -> real path, for every file."""
    page_urls: dict[str, list[str]] = field(default_factory=dict)
    """Real path of a page -> the URLs it is served at (first: its own)."""
    truncated: bool = False
    templates: list[str] = field(default_factory=list)
    """Real paths of the site's HTML templates (layouts, includes, shortcodes, partials)."""
    _anchors: dict[str, Anchors | None] = field(default_factory=dict)
    _template_ids: list[Anchors | None] = field(default_factory=list)

    def add(self, url: str, target: Target) -> None:
        url = unquote(url)
        if _ANY in url:
            parts = (re.escape(part) for part in url.split(_ANY))
            self.patterns.append((re.compile("[^/]+".join(parts) + "/?", re.I), target))
            return
        self.urls.setdefault(url, target)
        self.folded.setdefault(url.casefold(), target)
        if target.file is not None and target.kind == "page":
            self.page_urls.setdefault(target.file, []).append(url)

    def lookup(self, path: str) -> Target | None:
        """What serves the URL path ``path`` (decoded, starting with `/`), or None."""
        for form in forms(path):
            found = self.urls.get(form)
            if found is not None:
                return found
        for form in forms(path):
            found = self.folded.get(form.casefold())
            if found is not None:
                return found
        for pattern, target in self.patterns:
            if pattern.fullmatch(path):
                return target
        return None

    def suggest(self, path: str) -> str | None:
        """The served URL closest to ``path``, if one is close."""
        candidates = [u for u in self.urls if not u.endswith(".xml")]
        close = difflib.get_close_matches(path, candidates, n=1, cutoff=0.75)
        return close[0] if close else None

    def anchors(self, file: str) -> Anchors | None:
        """The anchors of the page at ``file`` (real path): ids, and the prefixes of ids that
        templates compute; None when they cannot be known."""
        if file not in self._anchors:
            self._anchors[file] = _page_anchors(file, self.template_ids)
        return self._anchors[file]

    @property
    def template_ids(self) -> Anchors | None:
        """The ids the site's templates write (None: a template computes any id, or the
        templates are not all in the repository — a theme that is not there)."""
        if not self._template_ids:
            self._template_ids.append(_template_ids(self))
        return self._template_ids[0]

    def source(self, relative: str) -> str | None:
        """The real path of the file at ``relative`` from the site's root, if it exists."""
        return self.sources.get(relative.strip("/"))


def forms(path: str) -> list[str]:
    """``path`` and the forms of it a server also answers."""
    forms = [path]
    if path.endswith("/index.html"):
        forms.append(path[: -len("index.html")])
    if path.endswith("/"):
        forms += [path + "index.html", path.rstrip("/") or "/", path.rstrip("/") + ".html"]
    elif path.endswith(".html"):
        forms += [path[: -len(".html")], path[: -len(".html")] + "/"]
    else:
        forms += [path + "/", path + ".html", path + "/index.html"]
    return forms


def _files(root: Path) -> Iterable[tuple[str, PurePosixPath]]:
    """(real path, path relative to root) of every regular file, links to folders unfollowed."""
    count = 0
    stack = [(str(root), PurePosixPath())]
    while stack:
        folder, relative = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue
        below = []
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in _SKIPPED and not entry.name.startswith(".git"):
                        below.append((entry.path, relative / entry.name))
                    continue
                if entry.is_symlink() or not entry.is_file(follow_symlinks=False):
                    continue
            except OSError:
                continue
            count += 1
            if count > MAX_FILES:
                return
            yield entry.path, relative / entry.name
        stack.extend(reversed(below))


def front_matter(real: str, keys: re.Pattern[bytes] = _FRONT_KEYS) -> Mapping[str, Any]:
    """A page's front matter when it holds one of ``keys``, that change its URLs; {}
    otherwise (most pages: their front matter is not parsed)."""
    from linter.document import MAX_FILE_BYTES, read_document, read_regular

    try:
        raw = read_regular(real, MAX_FILE_BYTES)
    except Exception:
        return {}
    head = raw[:4] if raw else b""
    if not head.startswith((b"---", b"+++", b"{")):
        return {}
    end = raw.find(b"\n---", 3) if head.startswith(b"---") else raw.find(b"\n+++", 3)
    block = raw[: end if end > 0 else len(raw)]
    if not keys.search(block):
        return {}
    try:
        doc, _problems = read_document(Path(real), real)
    except Exception:
        return {}
    return doc.data if doc is not None else {}


def of(site: Site) -> Index:
    """The site's index, built on first use and kept for the run."""
    index = site.cache.get("index")
    if not isinstance(index, Index):
        index = site.cache["index"] = build(site)
    return index


def build(site: Site) -> Index:
    index = Index(site)
    pages: list[tuple[str, PurePosixPath]] = []
    bundles: dict[PurePosixPath, list[str]] = {}  # a content folder -> its pages' URLs
    count = 0
    for real, relative in _files(site.root):
        count += 1
        index.sources[relative.as_posix()] = real
        role = site.rules.role(site, relative)
        if role == "page":
            pages.append((real, relative))
        elif role == "template" and relative.suffix.lower() in (".html", ".htm", ".liquid"):
            index.templates.append(real)
        elif role == "static":
            for url in site.rules.static_urls(site, relative):
                index.add(url, Target("static", real))
    index.truncated = count >= MAX_FILES
    # Dates and titles make URLs only through Jekyll's posts and Hugo's permalinks.
    dated = site.generator == "jekyll" or bool(site.config.get("permalinks"))
    keys = _DATED_FRONT_KEYS if dated else _FRONT_KEYS
    for real, relative in pages:
        data = front_matter(real, keys)
        urls = list(site.rules.page_urls(site, relative, data))
        for url in urls:
            index.add(url, Target("page", real))
        if urls and relative.name.split(".")[0] in ("index", "_index"):
            bundles[relative.parent] = urls[:1]
    if site.generator == "hugo":
        # Page bundles' resources: served under their page's URL.
        for relative_text, real in list(index.sources.items()):
            relative = PurePosixPath(relative_text)
            if relative.parent in bundles and site.rules.role(site, relative) == "static":
                for url in bundles[relative.parent]:
                    if _ANY not in url:
                        index.add(url.rstrip("/") + "/" + relative.name, Target("static", real))
        _hugo_generated(site, index, pages)
    for url in ("/", "/index.xml", "/feed.xml", "/sitemap.xml", "/404.html", "/robots.txt"):
        index.add(url, Target("generated"))
    return index


def _hugo_generated(site: Site, index: Index, pages: list[tuple[str, PurePosixPath]]) -> None:
    """Section lists (every content folder), language homes, taxonomies, feeds."""
    from linter.site import hugo

    prefixes = [""] + [f"/{code}" for code in site.languages]
    for _real, relative in pages:
        for folder, _code in hugo.content_dirs(site):
            try:
                inside = relative.relative_to(folder)
            except ValueError:
                continue
            parts = [hugo._segment(site, p) for p in inside.parts[:-1]]
            for depth in range(1, len(parts) + 1):
                for prefix in prefixes:
                    url = prefix + "/" + "/".join(parts[:depth]) + "/"
                    if url not in index.urls:
                        index.add(url, Target("generated"))
                        index.add(url + "index.xml", Target("generated"))
            break
    taxonomies = site.config.get("taxonomies")
    plural = (
        [str(v) for v in taxonomies.values()]
        if isinstance(taxonomies, dict)
        else ["tags", "categories"]
    )
    for prefix in prefixes:
        index.add(prefix + "/", Target("generated"))
        index.add(prefix + "/index.xml", Target("generated"))
        for name in plural:
            index.add(f"{prefix}/{name}/", Target("generated"))
            index.add(f"{prefix}/{name}/{_ANY}/", Target("generated"))
            index.add(f"{prefix}/{name}/{_ANY}/index.xml", Target("generated"))


def _template_ids(index: Index) -> Anchors | None:
    from linter.site.anchors import template_ids

    site = index.site
    theme = site.config.get("theme") or site.config.get("remote_theme")
    if site.generator == "hugo" and theme:
        from linter.site import hugo

        names = [theme] if isinstance(theme, str) else theme if isinstance(theme, list) else []
        folder = site.root / hugo.folder_of(site, "themesdir")
        if any(not (folder / str(name)).is_dir() for name in names):
            return None
    elif site.generator == "jekyll" and theme:
        return None  # a gem or remote theme: its layouts are not in the repository
    literal: set[str] = set()
    prefixes: list[str] = []
    for real in index.templates:
        text = _text(real)
        if text is None:
            continue
        found, computed = template_ids(text)
        literal |= found
        prefixes += computed
    if "" in prefixes:
        return None
    return Anchors(frozenset(literal), tuple(sorted(set(prefixes))))


def _text(real: str) -> str | None:
    from linter.document import MAX_FILE_BYTES, read_regular

    try:
        return read_regular(real, MAX_FILE_BYTES).decode("utf-8", "replace")
    except Exception:
        return None


def _page_anchors(real: str, templates: Anchors | None) -> Anchors | None:
    """A page's anchors with its templates' (see ``Index.anchors``)."""
    if templates is None:
        return None
    text = _text(real)
    if text is None:
        return None
    return page_anchors(text, real, templates)


def page_anchors(text: str, name: str, templates: Anchors | None = None) -> Anchors:
    """The anchors of a page whose whole text is ``text``, with the templates' ids."""
    from linter.site.anchors import explicit_ids, heading_ids

    templates = templates or Anchors()
    if name.lower().endswith((".html", ".htm")):
        from linter import html

        ids = html.anchors(_body(text))
        suggested = sorted(ids)
    else:
        ids = set(explicit_ids(text))
        every, usual = heading_ids(_body(text))
        suggested = [*usual, *sorted(ids - set(usual))]
        ids |= every
    return Anchors(
        frozenset(ids | templates.ids), templates.prefixes, tuple(dict.fromkeys(suggested))
    )


def _body(text: str) -> str:
    """The text after the front matter (the whole text when there is none)."""
    for fence in ("---", "+++"):
        if text.startswith(fence):
            end = text.find("\n" + fence, len(fence))
            if end >= 0:
                return text[end + len(fence) + 1 :]
    return text
