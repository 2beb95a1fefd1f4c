"""Jekyll: its configuration, which files are pages, and the URLs of pages and static files.

Modelled: the folders Jekyll never serves (`_layouts`, `_includes`, `_sass`, `_data`,
`_plugins`, names starting with `_` or `.`, ``exclude``/``include``), posts (`_posts`, also under
category folders) and drafts, collections (``collections``, ``collections_dir``, ``output``,
their ``permalink``), the global ``permalink`` style (`date`, `pretty`, `ordinal`, `none` or a
pattern), a page's own ``permalink``, ``defaults`` (their ``permalink`` and ``lang``),
``redirect_from`` (jekyll-redirect-from), ``url`` + ``baseurl``, ``lang``/``languages``.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from linter.site.model import Generator, Site, read_config, valid_url

_TEMPLATES = frozenset({"_layouts", "_includes", "_sass", "_plugins"})
_GENERATED = frozenset({"_site", ".jekyll-cache", ".sass-cache", "node_modules", "vendor"})
_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_POST_NAME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+?)(\.[^.]+)?$")


def load(folder: Path, source: Path) -> Site:
    data, problem = read_config(source, folder)
    config = data if isinstance(data, dict) else {}
    problems = [(source, problem or "not-mapping")] if not isinstance(data, dict) else []
    for key in ("collections_dir", "source"):
        value = config.get(key)
        if value is not None and (
            not isinstance(value, str) or posixpath.normpath(value).startswith(("/", ".."))
        ):
            del config[key]
            problems.append((source, f"folder:{key}"))
    default = ""
    for key in ("lang", "default_lang", "locale", "language"):
        value = config.get(key)
        if isinstance(value, str) and value[:2].isalpha():
            default = value[:2].lower()
            break
    languages = config.get("languages")
    url, baseurl = _text(config.get("url"), ""), _text(config.get("baseurl"), "")
    base = (url.rstrip("/") + "/" + baseurl.strip("/")).rstrip("/") if url else None
    return Site(
        JEKYLL,
        folder.resolve(),
        config,
        default_language=default or "fr",
        languages=tuple(str(v).lower() for v in languages) if isinstance(languages, list) else (),
        base_url=base if base and valid_url(base) else None,
        base_path="/" + baseurl.strip("/") if baseurl.strip("/") else "",
        language_set=bool(default),
        problems=tuple(problems),
    )


def collections(site: Site) -> dict[str, Mapping[str, Any]]:
    """Collection name -> its settings (posts included, served)."""
    value = site.config.get("collections")
    found: dict[str, Mapping[str, Any]] = {"posts": {"output": True}}
    if isinstance(value, list):
        found.update({str(name): {} for name in value})
    elif isinstance(value, dict):
        found.update(
            {str(name): (conf if isinstance(conf, dict) else {}) for name, conf in value.items()}
        )
    return found


def _collections_dir(site: Site) -> str:
    value = site.config.get("collections_dir")
    return value.strip("/") if isinstance(value, str) else ""


def _patterns(site: Site, key: str) -> list[str]:
    value = site.config.get(key)
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _matcher(site: Site, key: str) -> Callable[[str], bool]:
    """Whether a path from the source matches ``include`` or ``exclude``, as Jekyll's
    ``glob_include?``: a pattern is anchored at the source (fnmatch), or a prefix of the path;
    compiled once per site into one regex (a configuration may list thousands)."""
    cached = site.cache.get(f"jekyll:{key}")
    if cached is None:
        patterns = [p.strip("/") for p in _patterns(site, key) if p.strip("/")]
        if not patterns:
            cached = _never
        else:
            alternatives = [fnmatch.translate(p) for p in patterns]
            alternatives += [re.escape(p) + r"/.*\Z" for p in patterns]
            compiled = re.compile("|".join(f"(?:{a})" for a in alternatives), re.S)
            cached = lambda text: compiled.match(text) is not None  # noqa: E731
        site.cache[f"jekyll:{key}"] = cached
    return cached


def _never(text: str) -> bool:
    return False


def kind_of(site: Site, relative: PurePosixPath) -> tuple[str, str | None]:
    """(page | post | draft | document | template | data | static | other, collection)."""
    kinds: dict[PurePosixPath, tuple[str, str | None]] = site.cache.setdefault("jekyll:kinds", {})
    if relative not in kinds:
        kinds[relative] = _kind_of(site, relative)
    return kinds[relative]


def _kind_of(site: Site, relative: PurePosixPath) -> tuple[str, str | None]:
    parts = relative.parts
    if not parts:
        return "other", None
    if parts[0] in _TEMPLATES:
        return "template", None
    if parts[0] == "_data":
        return "data", None
    if parts[0] in _GENERATED:
        return "other", None
    text = relative.as_posix()
    included = _matcher(site, "include")(text)
    if not included and _matcher(site, "exclude")(text):
        return "other", None
    inner = _inner_parts(site, relative)
    if "_posts" in inner[:-1]:
        return "post", "posts"
    if "_drafts" in inner[:-1]:
        return "draft", "posts"
    if inner[0].startswith("_") and len(inner) > 1 and inner[0][1:] in collections(site):
        return "document", inner[0][1:]
    if not included and any(p.startswith(("_", ".", "#")) or p.endswith("~") for p in parts):
        return "other", None
    from linter.document import PAGE_SUFFIXES

    return ("page" if relative.name.lower().endswith(PAGE_SUFFIXES) else "static"), None


def _inner_parts(site: Site, relative: PurePosixPath) -> tuple[str, ...]:
    """The parts of a path from the collections folder (``collections_dir``) when it is in it."""
    parts = relative.parts
    folder = _collections_dir(site)
    if folder:
        prefix = tuple(folder.split("/"))
        if len(parts) > len(prefix) and parts[: len(prefix)] == prefix:
            return parts[len(prefix) :]
    return parts


def role(site: Site, relative: PurePosixPath) -> str:
    kind, _collection = kind_of(site, relative)
    return "page" if kind in ("page", "post", "draft", "document") else kind


def defaults(site: Site, relative: PurePosixPath, kind: str, collection: str | None) -> dict:
    """The values ``defaults`` gives a file (longer scope paths win, then later entries)."""
    by_path, globs = _scopes(site)
    text = relative.as_posix()
    parts = text.split("/")
    candidates = [
        scope for i in range(len(parts) + 1) for scope in by_path.get("/".join(parts[:i]), ())
    ]
    candidates += [scope for scope in globs if fnmatch.fnmatch(text, scope[1])]
    actual = {"page": "pages", "post": "posts", "draft": "drafts"}.get(kind, collection)
    found: dict[str, Any] = {}
    for _order, _path, wanted, values in sorted(candidates, key=lambda s: (len(s[1]), s[0])):
        if not wanted or wanted == actual:
            found.update(values)
    return found


_Scope = tuple[int, str, Any, dict]
"""(order in the configuration, scope path, scope type, values)."""


def _scopes(site: Site) -> tuple[dict[str, list[_Scope]], list[_Scope]]:
    """The ``defaults`` by scope path (read once per site), and those whose path is a glob."""
    cached = site.cache.get("jekyll:defaults")
    if cached is None:
        by_path: dict[str, list[_Scope]] = {}
        globs: list[_Scope] = []
        value = site.config.get("defaults")
        for order, entry in enumerate(value if isinstance(value, list) else []):
            if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
                continue
            scope = entry.get("scope")
            scope = scope if isinstance(scope, dict) else {}
            path = str(scope.get("path") or "").strip("/")
            item = (order, path, scope.get("type"), entry["values"])
            if any(c in path for c in "*?["):
                globs.append(item)
            else:
                by_path.setdefault(path, []).append(item)
        cached = site.cache["jekyll:defaults"] = (by_path, globs)
    return cached


def _output_ext(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower()
    return ".html" if suffix in (".md", ".markdown", ".mkd", ".mkdn", ".textile", "") else suffix


def _slug(text: str) -> str:
    """Jekyll's default ``slugify``: lower case, runs of other than letters and digits to `-`."""
    return re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")


def _text(value: Any, default: str) -> str:
    """``value`` when it is a non-blank string, else ``default``."""
    return value if isinstance(value, str) and value.strip() else default


def _categories(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int))]
    return []


def _fill(pattern: str, values: Mapping[str, str]) -> str:
    def token(match: re.Match[str]) -> str:
        return values.get(match.group(1), "\x00")

    filled = re.sub(r":([a-z_]+)", token, pattern)
    return re.sub(r"/{2,}", "/", filled)


def page_urls(site: Site, relative: PurePosixPath, data: Mapping[str, Any]) -> Iterator[str]:
    """Every URL a page, post or collection document is served at (redirects included); with
    jekyll-polyglot (``languages``), under each language's prefix as polyglot builds it: a page
    in the default language at the root and, as a fallback, under every other language; a page
    in another language under its own prefix only."""
    urls = list(_page_urls(site, relative, data))
    if not site.languages or _matcher(site, "exclude_from_localization")(relative.as_posix()):
        yield from urls
        return
    language = data.get("lang") if isinstance(data.get("lang"), str) else None
    default = site.default_language
    for url in urls:
        if language and language.lower() != default:
            yield f"/{language.lower()}{url}"
            continue
        yield url
        for code in site.languages:
            if code != default:
                yield f"/{code}{url}"


def _page_urls(site: Site, relative: PurePosixPath, data: Mapping[str, Any]) -> Iterator[str]:
    kind, collection = kind_of(site, relative)
    if kind not in ("page", "post", "document"):
        return
    settings = collections(site).get(collection or "", {})
    if kind == "document" and not settings.get("output"):
        return
    merged = {**defaults(site, relative, kind, collection), **data}
    if merged.get("published") is False:
        return
    style = site.config.get("permalink")
    style = style if isinstance(style, str) and style else "date"
    global_pattern = _STYLES.get(style, style)
    pretty = global_pattern.endswith("/")
    own = merged.get("permalink")
    name = relative.name
    stem = name.rsplit(".", 1)[0]
    output_ext = _output_ext(name)
    if kind == "page":
        folder = relative.parent.as_posix()
        folder = "" if folder == "." else folder
        if isinstance(own, str) and own.strip():
            values = {"path": folder, "basename": stem, "output_ext": output_ext}
            yield _fill("/" + own.strip().lstrip("/"), values)
        elif stem == "index":
            yield "/" + (folder + "/" if folder else "")
        elif pretty and output_ext == ".html":
            yield "/" + (folder + "/" if folder else "") + stem + "/"
        else:
            yield "/" + (folder + "/" if folder else "") + stem + output_ext
    elif kind == "post":
        match = _POST_NAME.match(name)
        if match is None:
            return
        year, month, day, title = match.group(1), match.group(2), match.group(3), match.group(4)
        date = merged.get("date")
        dated = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(date)) if date else None
        if dated:
            year, month, day = dated.groups()
        slug = _text(merged.get("slug"), title)
        # Categories from the path: the folders before `_posts` (not those after it), from
        # the collections folder.
        inner = _inner_parts(site, relative)
        folders = list(inner[: inner.index("_posts")]) if "_posts" in inner else []
        categories = folders + _categories(merged.get("categories") or merged.get("category"))
        pattern = own if isinstance(own, str) and own.strip() else global_pattern
        values = {
            "year": year,
            "month": f"{int(month):02d}",
            "i_month": str(int(month)),
            "day": f"{int(day):02d}",
            "i_day": str(int(day)),
            "short_year": year[2:],
            "title": _slug(slug),
            "slug": _slug(slug),
            "output_ext": output_ext,
        }
        for cats in (categories, [c.lower() for c in categories]):
            yield _fill(pattern, {**values, "categories": "/".join(cats)})
    else:
        inner = _inner_parts(site, relative)
        inside = inner[inner.index("_" + (collection or "")) + 1 :]
        path = "/".join(inside).rsplit(".", 1)[0]
        pattern = _text(own, _text(settings.get("permalink"), ""))
        if not pattern:
            pattern = "/:collection/:path/" if pretty else "/:collection/:path:output_ext"
        pattern = _STYLES.get(pattern, pattern)
        slug = _text(merged.get("slug"), stem)
        values = {
            "collection": collection or "",
            "path": path,
            "name": _slug(stem),
            "title": _slug(slug),
            "slug": _slug(slug),
            "output_ext": output_ext,
        }
        yield _fill(pattern, values)
    redirects = merged.get("redirect_from")
    for url in redirects if isinstance(redirects, list) else [redirects] if redirects else []:
        if isinstance(url, str) and url.strip():
            yield "/" + url.strip().lstrip("/")


def static_urls(site: Site, relative: PurePosixPath) -> Iterator[str]:
    yield "/" + relative.as_posix()
    if relative.suffix in (".scss", ".sass"):
        yield "/" + relative.with_suffix(".css").as_posix()


def language(site: Site, relative: PurePosixPath) -> str | None:
    return None  # Jekyll's conventions (`lang`, `en/`) are the generic ones of ``Site.language``


JEKYLL = Generator("jekyll", role, language, page_urls, static_urls)
