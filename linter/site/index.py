"""The URLs a site serves, and what serves each: built once, on the first internal link.

Every file of the site is listed once (links to folders are not followed, hidden folders and
generated ones are skipped, at most ``MAX_FILES``); a page's URLs need its front matter only, and
only when it holds a key that changes them (`slug`, `url`, `permalink`…): most pages are not
parsed at all. A URL is looked up as written, then in the forms a server also answers (`/a`,
`/a/`, `/a.html`, `/a/index.html`), then case-insensitively; patterns hold the segments that
could not be computed (a permalink token without a value, a taxonomy term).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from linter.records import record
from linter.site.model import Site, within

if TYPE_CHECKING:
    from linter.distance import Nearby

MAX_FILES = 200_000
_SKIPPED = frozenset(
    {".git", "node_modules", "_site", "public", "resources", ".venv", "vendor", ".frontlint_cache"}
)
_URL_KEYS = "slug|url|aliases|permalink|redirect_from|headless|_?build|published|lang"
_DATED_KEYS = "date|publishdate|title|categories|category"
_FRONT_KEYS = re.compile(rb"^(?:" + _URL_KEYS.encode() + rb")\s*[:=]", re.M | re.I)
_DATED_FRONT_KEYS = re.compile(
    rb"^(?:" + _URL_KEYS.encode() + b"|" + _DATED_KEYS.encode() + rb")\s*[:=]", re.M | re.I
)
_ANY = "\x00"
_SURROGATE = re.compile("[\ud800-\udfff]")


@record
class Anchors:
    """A page's anchors: every id it may have, the prefixes of the ids its templates compute,
    and the ids to suggest (explicit ones and headings' ids as the generators make them by
    default, accents kept: not every reading of ``ids``, nor the templates' `footer`…)."""

    ids: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    suggested: tuple[str, ...] = ()
    """The page's own anchors as a reader knows them, in document order (not the templates')."""
    complete: bool = True
    """False when some ids cannot be known (a theme that is not in the repository, a template
    that computes any id): only a likely typo of a known anchor is then reported."""
    closest: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """A missing fragment -> the closest of ``suggested`` (filled by the rule, once each;
    `""`: the ``distance.Nearby`` of ``suggested``)."""

    def has(self, fragment: str) -> bool:
        return fragment in self.ids or any(fragment.startswith(p) for p in self.prefixes)


@record
class Pattern:
    """A URL with segments that could not be computed: each segment is its literal pieces
    around wildcards, a wildcard standing for one or more characters other than `/`. Matched
    segment by segment, each piece found from the left: linear, where a regular expression of
    wildcards side by side backtracks over every split of a segment."""

    segments: tuple[tuple[str, ...], ...]
    rest: bool = False

    @classmethod
    def of(cls, url: str, rest: bool = False) -> Pattern:
        segments = url.strip("/").casefold().split("/") if url.strip("/") else []
        pieces = []
        for segment in segments:
            # Wildcards side by side are one wildcard (one or more characters either way).
            pieces.append(tuple(re.sub(f"{_ANY}+", _ANY, segment).split(_ANY)))
        return cls(tuple(pieces), rest)

    def matches(self, segments: list[str]) -> bool:
        """Whether the case-folded ``segments`` of a URL match."""
        if self.rest:
            if len(segments) <= len(self.segments):
                return False
            segments = segments[: len(self.segments)]
        return len(segments) == len(self.segments) and all(
            _glob(pieces, text) for pieces, text in zip(self.segments, segments, strict=True)
        )


def _glob(pieces: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` is ``pieces`` joined by runs of one or more characters (each literal
    piece found leftmost: what leaves the most room to the pieces after it)."""
    if len(pieces) == 1:
        return text == pieces[0]
    first, *middle, last = pieces
    if not text.startswith(first):
        return False
    position = len(first)
    for piece in middle:
        found = text.find(piece, position + 1)
        if found < 0:
            return False
        position = found + len(piece)
    return len(text) - len(last) >= position + 1 and text.endswith(last)


@record(slots=True)
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
    folded: dict[str, str] = field(default_factory=dict)
    """Case-folded URL -> the URL as served, for the URLs that case-folding changes and whose
    folded form was not served before them (most are lower case: see ``other_case``)."""
    patterns: dict[int, list[tuple[Pattern, Target]]] = field(default_factory=dict)
    """URL patterns by their number of segments (-1: those that match any further ones)."""
    sources: Sources = field(default_factory=lambda: Sources(""))
    """Source path relative to the site's root (POSIX) -> real path, for every file."""
    page_urls: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Real path of a page -> the URLs it is served at (first: its own)."""
    truncated: bool = False
    template_files: list[tuple[str, PurePosixPath]] = field(default_factory=list)
    """(real path, path from the root) of the site's HTML templates (layouts, includes,
    shortcodes, partials)."""
    _anchors: dict[str, Anchors | None] = field(default_factory=dict)
    _suggested: dict[str, str | None] = field(default_factory=dict)
    _nearby: Nearby | None = None
    _posts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    _templates: list[Templates] = field(default_factory=list)

    def add(self, url: str, target: Target, rest: bool = False) -> None:
        """``url`` is served by ``target``; ``_ANY`` in it matches any one segment's text;
        ``rest``: the URL's further segments too (a redirect's `/old/*`)."""
        url = unquote(url)
        if _ANY in url or rest:
            pattern = Pattern.of(url, rest)
            self.patterns.setdefault(-1 if rest else len(pattern.segments), []).append(
                (pattern, target)
            )
            return
        self.urls.setdefault(url, target)
        folded = url.casefold()
        if folded != url and folded not in self.urls:
            self.folded.setdefault(folded, url)
        if target.file is not None and target.kind == "page":
            self.page_urls[target.file] = (*self.page_urls.get(target.file, ()), url)

    def lookup(self, path: str) -> Target | None:
        """What serves the URL path ``path`` (decoded, starting with `/`), or None."""
        for form in forms(path):
            found = self.urls.get(form)
            if found is not None:
                return found
        for form in forms(path):
            segments = form.strip("/").casefold().split("/")
            candidates: list[tuple[Pattern, Target]] = [
                *self.patterns.get(len(segments), ()),
                *self.patterns.get(-1, ()),
            ]
            for pattern, target in candidates:
                if pattern.matches(segments):
                    return target
        return None

    def other_case(self, path: str) -> str | None:
        """The served URL that ``path`` matches but for letter case (`/Guide/` for `/guide/`):
        case-sensitive servers (GitHub Pages, Netlify, most) answer 404."""
        for form in forms(path):
            folded = form.casefold()
            # The first URL served of those that fold to it: one that folding changes, else
            # the folded form itself.
            found = self.folded.get(folded) or (folded if folded in self.urls else None)
            if found is not None:
                return found
        return None

    def suggest(self, path: str) -> str | None:
        """The served URL closest to ``path``, if one is close (``distance.Nearby``: a page of
        many broken links does not compare each with every URL of the site)."""
        if path not in self._suggested:
            if self._nearby is None:
                from linter.distance import Nearby

                self._nearby = Nearby([u for u in self.urls if not u.endswith(".xml")])
            self._suggested[path] = self._nearby.closest(path, 0.75)
        return self._suggested[path]

    def posts(self) -> dict[str, list[tuple[str, str]]]:
        """Jekyll's posts by name (`2025-03-12-titre`): [(path from the root, real path)]."""
        if not self._posts:
            for relative in self.sources:
                parts = relative.split("/")
                if "_posts" in parts[:-1]:
                    name = parts[-1].rsplit(".", 1)[0]
                    self._posts.setdefault(name, []).append((relative, self.sources[relative]))
            self._posts.setdefault("", [])
        return self._posts

    def anchors(self, file: str) -> Anchors | None:
        """The anchors of the page at ``file`` (real path); None when it cannot be read."""
        if file not in self._anchors:
            text = _text(file)
            self._anchors[file] = None if text is None else self.page_anchors(text, file)
        return self._anchors[file]

    @property
    def templates(self) -> Templates:
        """The ids the site's templates write (read once, on the first anchor to check)."""
        if not self._templates:
            self._templates.append(_read_templates(self))
        return self._templates[0]

    def page_anchors(self, text: str, name: str) -> Anchors:
        """The anchors of a page of this site whose whole text is ``text``."""
        return page_anchors(text, name, readings(self.site), self.templates)

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


class Sources(Mapping[str, str]):
    """Source path relative to the site's root (POSIX) -> real path, for every file of the site:
    the relative paths alone are held, each file's real path being the root's joined with it
    (``_files`` lists the site under its real root, and a link to a file as the link)."""

    __slots__ = ("relatives", "root")

    def __init__(self, root: str) -> None:
        self.root = root
        self.relatives: dict[str, None] = {}
        """(A dictionary for its order: the files as listed.)"""

    def add(self, relative: str) -> None:
        self.relatives[relative] = None

    def __getitem__(self, relative: str) -> str:
        if relative not in self.relatives:
            raise KeyError(relative)
        return os.path.join(self.root, *relative.split("/"))

    def __contains__(self, relative: object) -> bool:
        return relative in self.relatives

    def __iter__(self) -> Iterator[str]:
        return iter(self.relatives)

    def __len__(self) -> int:
        return len(self.relatives)


def _files(root: Path) -> Iterable[tuple[str, str]]:
    """(real path, POSIX path relative to root) of every regular file, links to folders
    unfollowed. (Relative paths as text: a ``PurePosixPath`` interns each of its parts, and the
    interpreter's table of interned texts, grown to hold every file's name, never shrinks.)"""
    count = 0
    top = os.path.realpath(root)
    stack = [(str(root), "")]
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
                        below.append((entry.path, f"{relative}/{entry.name}".lstrip("/")))
                    continue
                if entry.is_symlink():
                    # A link to a file of the site is served as a file (a link out of it,
                    # or to a folder, is not followed).
                    real = os.path.realpath(entry.path)
                    if not within(real, top) or not os.path.isfile(real):
                        continue
                elif not entry.is_file(follow_symlinks=False):
                    continue
            except OSError:
                continue
            count += 1
            if count > MAX_FILES:
                return
            yield entry.path, f"{relative}/{entry.name}".lstrip("/")
        stack.extend(reversed(below))


def front_matter(real: str, keys: re.Pattern[bytes] = _FRONT_KEYS) -> Mapping[str, Any] | None:
    """A page's front matter when it holds one of ``keys``, that change its URLs; {}
    otherwise (most pages: their front matter is not parsed); None when it cannot be read (a
    fact of this run, not of the file: never kept)."""
    from linter.document import MAX_FILE_BYTES, front_matter_data, read_regular

    try:
        raw = read_regular(real, MAX_FILE_BYTES)
    except Exception:
        return None
    head = raw[:4] if raw else b""
    if not head.startswith((b"---", b"+++", b"{")):
        return {}
    end = raw.find(b"\n---", 3) if head.startswith(b"---") else raw.find(b"\n+++", 3)
    block = raw[: end if end > 0 else len(raw)]
    if not keys.search(block):
        return {}
    try:
        data = front_matter_data(Path(real), real)
    except Exception:
        return None
    return data if data is not None else {}


def _fact(found: Any) -> list[Any] | None:
    """A file's facts as ``cache.Facts`` keeps them ([role, state, URLs]), if well formed."""
    if (
        isinstance(found, list)
        and len(found) == 3
        and isinstance(found[0], str)
        and isinstance(found[1], str)
        and isinstance(found[2], list)
        and all(isinstance(url, str) for url in found[2])
    ):
        return found
    return None


def of(site: Site) -> Index:
    """The site's index, built on first use and kept for the run."""
    index = site.cache.get("index")
    if not isinstance(index, Index):
        index = site.cache["index"] = build(site)
    return index


def build(site: Site) -> Index:
    index = Index(site, sources=Sources(str(site.root)))
    # Dates and titles make URLs only through Jekyll's posts and Hugo's permalinks.
    dated = site.generator == "jekyll" or bool(site.config.get("permalinks"))
    keys = _DATED_FRONT_KEYS if dated else _FRONT_KEYS
    # What each file gave a run before (``cache.Facts``: a role per path, a page's URLs per
    # state of the file), under a name that the configuration decides.
    facts = site.cache.get("facts")
    if facts:
        decides = (site.config, site.default_language, site.languages, site.base_url)
        facts_name = facts.name(site.rules.name, str(site.root), *decides, site.base_path, dated)
        facts = facts if facts_name else None
    known: dict[str, Any] = facts.read(facts_name) if facts else {}
    kept: dict[str, list[Any]] = {}
    started = time.time_ns()
    pages: list[tuple[str, str]] = []
    states: list[str | None] = []
    found: list[list[str] | None] = []  # the pages' URLs, when known
    count = 0
    for real, relative_text in _files(site.root):
        count += 1
        index.sources.add(relative_text)
        old = _fact(known.get(relative_text))
        role = old[0] if old else site.rules.role(site, PurePosixPath(relative_text))
        fact: list[Any] = [role, "", []]
        if facts:  # (none made without a cache: a run of 50,000 pages would hold them all)
            kept[relative_text] = fact
        if role == "page":
            pages.append((real, relative_text))
            state = facts.state(real, started) if facts else None
            states.append(state)
            found.append(old[2] if old and state is not None and old[1] == state else None)
        elif role == "template":
            relative = PurePosixPath(relative_text)
            if relative.suffix.lower() in (".html", ".htm", ".liquid"):
                index.template_files.append((real, relative))
        elif role == "static":
            urls = (
                old[2] if old else list(site.rules.static_urls(site, PurePosixPath(relative_text)))
            )
            fact[2] = urls
            for url in urls:
                index.add(url, Target("static", real))
    index.truncated = count >= MAX_FILES
    from linter.engine import spread  # (the pages are read by the run's workers, if any)

    def urls_of(page: tuple[str, str]) -> list[str] | None:
        """The page's URLs; None when its front matter cannot be read (a fact of this run)."""
        real, relative_text = page
        data = front_matter(real, keys)
        if data is None:
            return None
        return list(site.rules.page_urls(site, PurePosixPath(relative_text), data))

    # (Without facts every page is read: no list of 50,000 numbers, no copy of the pages.)
    todo = [n for n, urls in enumerate(found) if urls is None] if facts else range(len(pages))
    asked = [pages[n] for n in todo] if facts else pages
    for number, urls in zip(todo, spread(urls_of, asked), strict=True):
        if urls is None:  # (read as a page without front matter, and never kept)
            urls = list(site.rules.page_urls(site, PurePosixPath(pages[number][1]), {}))
            states[number] = None
        found[number] = urls
    bundles: dict[str, list[str]] = {}  # a content folder -> its pages' URLs
    for (real, relative_text), urls, state in zip(pages, found, states, strict=True):
        assert urls is not None
        # (JSON reads a lone high surrogate then a lone low one back as one character.)
        if state is not None and not any(map(_SURROGATE.search, urls)):
            kept[relative_text][1:] = [state, urls]  # (a state: there are facts)
        served = Target("page", real)
        for url in urls:
            index.add(url, served)
        folder, _slash, name = relative_text.rpartition("/")  # (a clean relative path)
        if urls and name.split(".")[0] in ("index", "_index"):
            bundles[folder or "."] = urls[:1]
    if facts and kept != known:
        facts.write(facts_name, kept)
    if site.generator == "hugo":
        # Page bundles' resources: served under their page's URL.
        for relative_text in list(index.sources):
            parent = relative_text.rpartition("/")[0] or "."
            if parent not in bundles:
                continue
            relative = PurePosixPath(relative_text)
            role = kept[relative_text][0] if facts else site.rules.role(site, relative)
            if role == "static":
                real = index.sources[relative_text]
                for url in bundles[parent]:
                    if _ANY not in url:
                        base = url.removesuffix(".html").rstrip("/")  # uglyURLs: `/a.html`
                        index.add(base + "/" + relative.name, Target("static", real))
        _hugo_generated(site, index, pages)
    if site.generator == "jekyll":
        _jekyll_archives(site, index)
    _redirects(site, index)
    for url in ("/", "/index.xml", "/feed.xml", "/sitemap.xml", "/404.html", "/robots.txt"):
        index.add(url, Target("generated"))
    return index


_ARCHIVES = {
    "year": "/:year/",
    "month": "/:year/:month/",
    "day": "/:year/:month/:day/",
    "tag": "/tag/:name/",
    "category": "/category/:name/",
}


def _jekyll_archives(site: Site, index: Index) -> None:
    """The archive pages of jekyll-archives (its ``enabled`` kinds, at its ``permalinks``)."""
    plugins = site.config.get("plugins") or site.config.get("gems") or []
    settings = site.config.get("jekyll-archives")
    if "jekyll-archives" not in (plugins if isinstance(plugins, list) else []):
        return
    settings = settings if isinstance(settings, dict) else {}
    enabled = settings.get("enabled", [])
    kinds = list(_ARCHIVES) if enabled == "all" else enabled if isinstance(enabled, list) else []
    permalinks = settings.get("permalinks")
    permalinks = permalinks if isinstance(permalinks, dict) else {}
    for kind in kinds:
        kind = {"tags": "tag", "categories": "category"}.get(str(kind), str(kind))
        pattern = permalinks.get(kind, _ARCHIVES.get(kind))
        if isinstance(pattern, str) and pattern.startswith("/"):
            index.add(re.sub(r":[a-z_]+", _ANY, pattern), Target("generated"))


def _redirects(site: Site, index: Index) -> None:
    """The sources of Netlify's redirects (a `_redirects` file, `netlify.toml`): served too."""
    from linter.site.model import read_config

    places = [site.root / "_redirects"]
    if site.generator == "hugo":
        from linter.site import hugo

        places += [site.root / folder / "_redirects" for folder in hugo.static_dirs(site)]
    for place in places:
        text = _text(str(place)) if place.is_file() else None
        for line in (text or "").splitlines()[:10_000]:
            fields = line.split("#", 1)[0].split()
            if len(fields) >= 2 and fields[0].startswith("/"):
                source = re.sub(r"\*|:[A-Za-z_]+", _ANY, fields[0])
                if source.endswith("/" + _ANY):  # `/old/*` serves `/old/…/…` too
                    index.add(source[: -len(_ANY)], Target("generated"), rest=True)
                else:
                    index.add(source, Target("generated"))
    # netlify.toml: beside the site, or at the root of the repository that holds it.
    folders = [site.root] + [site.root.parent] * (site.root.parent / ".git").exists()
    for folder in folders:
        netlify = folder / "netlify.toml"
        data = read_config(netlify, folder)[0] if netlify.is_file() else None
        rules = data.get("redirects") if isinstance(data, dict) else None
        for rule in rules if isinstance(rules, list) else []:
            origin = rule.get("from") if isinstance(rule, dict) else None
            if isinstance(origin, str) and origin.startswith("/"):
                index.add(re.sub(r"\*|:[A-Za-z_]+", _ANY, origin), Target("generated"))


def _hugo_generated(site: Site, index: Index, pages: list[tuple[str, str]]) -> None:
    """Section lists (top-level folders of the content; deeper ones have an `_index.md`), their
    feeds, language homes, taxonomies, sitemaps, the home's other outputs."""
    from linter.site import hugo

    prefixes = hugo.language_prefixes(site)
    sections: set[str] = set()
    # (``PurePosixPath.relative_to`` of each page and folder, as text: a path object for each
    # page of a big site cost more than the rest.)
    folders = [PurePosixPath(folder).as_posix() for folder, _code in hugo.content_dirs(site)]
    for _real, relative_text in pages:
        for folder in folders:
            inside = relative_text if folder == "." else hugo.inside_folder(relative_text, folder)
            if not inside:
                continue
            parts = inside.split("/")
            if len(parts) > 1:
                sections.add(hugo._segment(site, parts[0]))
            if parts[-1].startswith("_index."):
                sections.add("/".join(hugo._segment(site, p) for p in parts[:-1]))
            break
    for prefix in prefixes:
        for section in sorted(sections - {""}):
            index.add(f"{prefix}/{section}/", Target("generated"))
            index.add(f"{prefix}/{section}/index.xml", Target("generated"))
    taxonomies = site.config.get("taxonomies")
    plural = (
        [str(v) for v in taxonomies.values()]
        if isinstance(taxonomies, dict)
        else ["tags", "categories"]
    )
    outputs = str(site.config.get("outputs", "")).lower()
    for prefix in prefixes:
        for url in (
            "/",
            "/index.xml",
            "/sitemap.xml",
            *(["/index.json"] if "json" in outputs else []),
        ):
            index.add(prefix + url, Target("generated"))
        for name in plural:
            index.add(f"{prefix}/{name}/", Target("generated"))
            index.add(f"{prefix}/{name}/{_ANY}/", Target("generated"))
            index.add(f"{prefix}/{name}/{_ANY}/index.xml", Target("generated"))


@record
class Templates:
    """What the site's templates say of anchors."""

    literal: frozenset[str] = frozenset()
    """Ids written as they are (`id="contenu"`)."""
    prefixes: tuple[str, ...] = ()
    """Literal beginnings of the ids that layouts compute for every page (`accordion-{{ $i }}`:
    `accordion-`; `""`: any id)."""
    calls: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """The same, of the shortcodes and includes: they widen the anchors of the pages that call
    them only (`{{< encadre id="x" >}}`)."""
    complete: bool = True
    """False when templates are missing: a theme not in the repository."""


def _read_templates(index: Index) -> Templates:
    from linter.site.anchors import template_ids

    site = index.site
    complete = True
    theme = site.config.get("theme") or site.config.get("remote_theme")
    if site.generator == "hugo" and theme:
        from linter.site import hugo

        names = [theme] if isinstance(theme, str) else theme if isinstance(theme, list) else []
        folder = site.root / hugo.folder_of(site, "themesdir")
        complete = all((folder / str(name)).is_dir() for name in names)
    elif site.generator == "jekyll" and theme:
        complete = False  # a gem or remote theme: its layouts are not in the repository
    literal: set[str] = set()
    prefixes: list[str] = []
    calls: dict[str, list[str]] = {}
    for real, relative in index.template_files:
        parts = relative.parts
        if "_markup" in parts and relative.name.startswith("render-heading"):
            continue  # Hugo's heading hook writes the headings' own ids (`{{ .Anchor }}`)
        text = _text(real)
        if text is None:
            continue
        found, computed = template_ids(text)
        literal |= found
        if "shortcodes" in parts:
            calls.setdefault(relative.stem, []).extend(computed)
        elif "_includes" in parts:
            calls.setdefault(relative.name, []).extend(computed)
        else:
            prefixes += computed
    return Templates(
        frozenset(literal),
        tuple(sorted(set(prefixes))),
        {name: tuple(sorted(set(found))) for name, found in calls.items() if found},
        complete,
    )


def readings(site: Site) -> tuple[str, ...]:
    """How the site's Markdown renderer makes heading ids (``anchors.READINGS``; the first is
    the one suggested): Hugo's `autoHeadingIDType`; Jekyll's kramdown, GFM by default."""
    from linter.site.anchors import READINGS

    if site.generator == "hugo":
        parser = _table(_table(_table(site.config, "markup"), "goldmark"), "parser")
        kind = parser.get("autoheadingidtype", "github")
        return (kind,) if kind in READINGS else ("github",)
    if site.generator == "jekyll":
        if site.config.get("markdown", "kramdown") not in ("kramdown", "Kramdown"):
            return tuple(READINGS)
        kramdown = _table(site.config, "kramdown")
        ascii_ids = bool(kramdown.get("transliterated_header_ids"))
        if str(kramdown.get("input", "GFM")).lower() == "gfm":
            return ("gfm", "kramdown-ascii") if ascii_ids else ("gfm",)
        return ("kramdown-ascii",) if ascii_ids else ("kramdown",)
    return ("github", *READINGS)


def _table(data: Any, key: str) -> Mapping[str, Any]:
    """``data[key]`` as a mapping with lower-cased keys ({} when it is not one)."""
    value = data.get(key) if isinstance(data, Mapping) else None
    if not isinstance(value, Mapping):
        value = (
            next((v for k, v in data.items() if str(k).lower() == key), None)
            if isinstance(data, Mapping)
            else None
        )
    return {str(k).lower(): v for k, v in value.items()} if isinstance(value, Mapping) else {}


def _text(real: str) -> str | None:
    from linter.document import MAX_FILE_BYTES, read_regular

    try:
        return read_regular(real, MAX_FILE_BYTES).decode("utf-8", "replace")
    except Exception:
        return None


def page_anchors(
    text: str,
    name: str,
    readings: tuple[str, ...] = (),
    templates: Templates | None = None,
) -> Anchors:
    """The anchors of a page whose whole text is ``text``: its headings' ids (under
    ``readings``; all when empty), its explicit ids, and what its templates add."""
    from linter.site.anchors import READINGS, explicit_ids, heading_ids
    from linter.templates import mask

    templates = templates or Templates()
    body = _body(text)
    computed = False  # (a heading a template computes: any id)
    if name.lower().endswith((".html", ".htm")):
        from linter import html

        ids = html.anchors(body)
        suggested = sorted(ids)
    else:
        ids = set(explicit_ids(body))
        every, usual, computed = heading_ids(body, readings or tuple(READINGS))
        suggested = [*usual, *sorted(ids - set(usual))]
        ids |= every
    prefixes = list(templates.prefixes) + [""] * computed
    if templates.calls and ("{{" in body or "{%" in body):
        for expression in mask(body).expressions:
            called = expression.name
            if expression.name == "include" and expression.argument:
                called = expression.argument[0]
            prefixes += templates.calls.get(called, ())
    complete = templates.complete and "" not in prefixes
    return Anchors(
        frozenset(ids | templates.literal),
        tuple(sorted({p for p in prefixes if p})),
        tuple(dict.fromkeys(suggested)),
        complete,
    )


def _body(text: str) -> str:
    """The text after the front matter (the whole text when there is none)."""
    for fence in ("---", "+++"):
        if text.startswith(fence):
            end = text.find("\n" + fence, len(fence))
            if end >= 0:
                return text[end + len(fence) + 1 :]
    return text
