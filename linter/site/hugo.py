"""Hugo: its configuration, which files are pages, and the URLs of pages and static files.

Modelled: ``contentDir``, ``staticDir`` (and the other folders), themes' static folders,
languages (by content folder or by file name, `page.en.md`), ``defaultContentLanguage`` and
``…InSubdir``, sections, `_index.md`, leaf and branch bundles and their resources, ``slug``,
``url``, ``aliases``, ``[permalinks]`` (tokens that cannot be computed match any segment),
``uglyURLs``, ``removePathAccents``, ``disablePathToLower``, taxonomies (any term).
Hugo's configuration keys are case-insensitive: they are lower-cased when read.
"""

from __future__ import annotations

import datetime
import functools
import os
import posixpath
import re
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from linter.site.model import Generator, Site, read_config, within

_FOLDERS = {
    "contentdir": "content",
    "staticdir": "static",
    "layoutdir": "layouts",
    "archetypedir": "archetypes",
    "assetdir": "assets",
    "datadir": "data",
    "i18ndir": "i18n",
    "themesdir": "themes",
    "publishdir": "public",
    "resourcedir": "resources",
}
_ROLES = {
    "layoutdir": "template",
    "archetypedir": "template",
    "assetdir": "template",
    "i18ndir": "data",
    "themesdir": "template",
    "datadir": "data",
    "publishdir": "other",
    "resourcedir": "other",
}


def _lower(data: Any, depth: int = 0) -> Any:
    """Keys lower-cased, two levels deep (top level, and tables such as ``languages.fr``)."""
    if isinstance(data, dict) and depth < 3:
        return {str(k).lower(): _lower(v, depth + 1) for k, v in data.items()}
    return data


def load(folder: Path, source: Path) -> Site:
    problems: list[tuple[Path, str]] = []
    config: dict[str, Any] = {}
    if source.name == "_default":  # config/_default/: a file per top-level key, the main one at top
        files, problem = _listing(source, folder)
        if problem is not None:
            problems.append((source, problem))
        for file in files:
            if file.suffix not in (".toml", ".yaml", ".yml", ".json"):
                continue
            data, problem = read_config(file, folder)
            if problem is not None or not isinstance(data, dict):
                problems.append((file, problem or "not-mapping"))
                continue
            if file.stem in ("hugo", "config"):
                config.update(_lower(data))
            else:
                config[file.stem.lower()] = _lower(data, 1)
    else:
        data, problem = read_config(source, folder)
        if isinstance(data, dict):
            config = _lower(data)
        else:
            problems.append((source, problem or "not-mapping"))
    problems += [(source, reason) for reason in _confine(config)]
    languages = config.get("languages")
    codes = tuple(
        str(code).lower()
        for code, settings in (languages.items() if isinstance(languages, dict) else ())
        if not (isinstance(settings, dict) and settings.get("disabled"))
    )
    explicit = config.get("defaultcontentlanguage")
    code = config.get("languagecode")
    if isinstance(explicit, str):
        default = explicit.lower()
    elif codes:
        default = "en"  # Hugo's own default
    elif isinstance(code, str) and code[:2].isalpha():
        default = code[:2].lower()
    else:
        default = ""
    return Site(
        HUGO,
        folder.resolve(),
        config,
        default_language=default or "fr",
        languages=codes,
        base_url=_base_url(config.get("baseurl")),
        base_path=_base_path(config.get("baseurl")),
        language_set=bool(default),
        problems=tuple(problems),
    )


def _listing(source: Path, folder: Path) -> tuple[list[Path], str | None]:
    """The files of `config/_default/`, or why it cannot be listed (a link out of the site's
    folder is not listed: the names of what is outside would reach the messages)."""
    if not within(os.path.realpath(source), os.path.realpath(folder)):
        return [], "outside"
    try:
        return sorted(source.iterdir()), None
    except OSError:
        return [], "unreadable"


def _escapes(value: Any) -> bool:
    """Whether a folder setting is not a path inside the site (absolute, `..`, not text)."""
    if not isinstance(value, str):
        return True
    normal = posixpath.normpath(value.replace("\\", "/"))
    return normal.startswith(("/", "..")) or ":" in normal


def _confine(config: dict[str, Any]) -> list[str]:
    """Drop the folder settings that lead out of the site (a pull request may write
    `contentDir = "../.."`), with why: each folder then takes its default."""
    reasons = []
    for key in _FOLDERS:
        value = config.get(key)
        values = value if isinstance(value, list) else [value]
        if key in config and any(_escapes(v) for v in values):
            del config[key]
            reasons.append(f"folder:{key}")
    languages = config.get("languages")
    for code, settings in languages.items() if isinstance(languages, dict) else ():
        if (
            isinstance(settings, dict)
            and "contentdir" in settings
            and _escapes(settings["contentdir"])
        ):
            del settings["contentdir"]
            reasons.append(f"folder:languages.{code}.contentDir")
    theme = config.get("theme")
    names = theme if isinstance(theme, list) else [theme]
    if theme is not None and any(_escapes(n) or "/" in str(n) for n in names):
        del config["theme"]
        reasons.append("folder:theme")
    return reasons


def _base_url(value: Any) -> str | None:
    from linter.site.model import valid_url

    if isinstance(value, str) and valid_url(value):
        return value.rstrip("/")
    return None


def _base_path(value: Any) -> str:
    """The path of ``baseURL`` (`https://x.gitlab.io/projet/` -> `/projet`)."""
    if not isinstance(value, str):
        return ""
    from urllib.parse import urlsplit

    try:
        path = urlsplit(value).path if "://" in value else value
    except ValueError:
        return ""
    path = path.strip("/")
    return "/" + path if path else ""


def folder_of(site: Site, key: str) -> str:
    value = site.config.get(key)
    return value.strip("/") if isinstance(value, str) and value.strip("/") else _FOLDERS[key]


def content_dirs(site: Site) -> list[tuple[str, str | None]]:
    """(content folder relative to the root, its language or None for the default)."""
    cached = site.cache.get("content_dirs")
    if cached is None:
        cached = site.cache["content_dirs"] = _content_dirs(site)
    return cached


def _content_dirs(site: Site) -> list[tuple[str, str | None]]:
    dirs: list[tuple[str, str | None]] = []
    languages = site.config.get("languages")
    for code, settings in languages.items() if isinstance(languages, dict) else ():
        if isinstance(settings, dict) and isinstance(settings.get("contentdir"), str):
            dirs.append((settings["contentdir"].strip("/"), str(code).lower()))
    dirs.append((folder_of(site, "contentdir"), None))
    return dirs


def static_urls(site: Site, relative: PurePosixPath) -> Iterator[str]:
    """The URL of a file of a static folder."""
    for folder in static_dirs(site):
        inside = _under(relative, folder)
        if inside is None:
            continue
        yield "/" + inside.as_posix()  # one host: static files are served once, at the root


def static_dirs(site: Site) -> list[str]:
    cached = site.cache.get("static_dirs")
    if cached is None:
        cached = site.cache["static_dirs"] = _static_dirs(site)
    return cached


def _static_dirs(site: Site) -> list[str]:
    value = site.config.get("staticdir")
    dirs = [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    if not dirs:
        dirs = [folder_of(site, "staticdir")]
    themes = site.config.get("theme")
    names = [themes] if isinstance(themes, str) else themes if isinstance(themes, list) else []
    themes_dir = folder_of(site, "themesdir")
    dirs += [f"{themes_dir}/{name}/static" for name in names if isinstance(name, str)]
    return [d.strip("/") for d in dirs]


def inside_folder(text: str, folder: str) -> str | None:
    """The path ``text`` inside ``folder`` (both from the root, `/`-separated; "" for the folder
    itself), or None. String work: ``PurePosixPath.relative_to`` would cost more than the rest
    of the index."""
    if text == folder:
        return ""
    if text.startswith(folder + "/"):
        return text[len(folder) + 1 :]
    return None


def _under(relative: PurePosixPath, folder: str) -> PurePosixPath | None:
    """``relative`` inside ``folder``, or None (``inside_folder``)."""
    inside = inside_folder(relative.as_posix(), folder)
    return None if inside is None else PurePosixPath(inside)


def role(site: Site, relative: PurePosixPath) -> str:
    text = relative.as_posix()

    def inside(folder: str) -> bool:
        return text == folder or text.startswith(folder + "/")

    if any(inside(folder) for folder, _language in content_dirs(site)):
        from linter.document import PAGE_SUFFIXES

        return "page" if relative.name.lower().endswith(PAGE_SUFFIXES) else "static"
    if any(inside(folder) for folder in static_dirs(site)):
        return "static"
    for key, kind in _ROLES.items():
        if inside(folder_of(site, key)):
            return kind
    return "other"


def language(site: Site, relative: PurePosixPath) -> str | None:
    """The language of a content file by Hugo's rules: its language's content folder, else a
    configured language in its file name (`page.en.md`)."""
    for folder, code in content_dirs(site):
        if code is not None and _under(relative, folder) is not None:
            return code
    parts = relative.name.split(".")
    if len(parts) > 2 and parts[-2].lower() in site.languages:
        return parts[-2].lower()
    return None


def language_prefixes(site: Site) -> list[str]:
    """The URL prefix of each language's pages: `/en` for a language other than the default,
    and `/fr` for the default one too when ``defaultContentLanguageInSubdir``; "" otherwise."""
    if not site.languages:
        return [""]
    default = site.default_language
    in_subdir = bool(site.config.get("defaultcontentlanguageinsubdir"))
    return [
        f"/{code}" if code != default or in_subdir else ""
        for code in dict.fromkeys((default, *site.languages))
    ]


def md_links(site: Site) -> bool:
    """Whether `[x](page.md)` is rewritten to the page's URL: by Hugo's own link hook (a
    multilingual single-host site) or by the site's `render-link` hook."""
    if site.languages and not any(
        isinstance(v, dict) and v.get("baseurl")
        for v in (site.config.get("languages") or {}).values()
    ):
        return True
    layouts = site.root / folder_of(site, "layoutdir")
    hooks = [layouts / "_default" / "_markup", layouts / "_markup"]
    theme = site.config.get("theme")
    for name in [theme] if isinstance(theme, str) else theme if isinstance(theme, list) else []:
        hooks.append(site.root / folder_of(site, "themesdir") / str(name) / "layouts" / "_markup")
        hooks.append(
            site.root
            / folder_of(site, "themesdir")
            / str(name)
            / "layouts"
            / "_default"
            / "_markup"
        )
    return any((hook / "render-link.html").is_file() for hook in hooks)


def _flag(site: Site, key: str, section: str = "") -> bool:
    value = site.config.get(key)
    if isinstance(value, dict):
        return bool(value.get(section))
    return value is True


_KEPT_AS_IS = re.compile(r"[A-Za-z0-9./\\_#+~@-]*")
"""Characters ``slugify_segment`` keeps as they are (ASCII letters and digits, `./\\_#+~-@`)."""


@functools.lru_cache(maxsize=4096)
def slugify_segment(text: str, lower: bool = True, remove_accents: bool = False) -> str:
    """A path segment as Hugo makes it from a file name, a slug or a title (``UnicodeSanitize``
    of helpers/path.go, then lower case): letters, digits, marks and `._#+~-@/\\` kept, `%`
    before two hex digits kept, a run of white space after something kept becomes one `-` (none
    beside a `-`), anything else dropped."""
    if _KEPT_AS_IS.fullmatch(text):  # (most file names: `10-lorem-ipsum`, nothing to drop)
        return text.lower() if lower else text
    import unicodedata

    if remove_accents:
        text = "".join(
            c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
        )
    out: list[str] = []
    pending = was_hyphen = False
    for i, char in enumerate(text):
        allowed = (
            char in "./\\_#+~-@"
            or char.isalpha()
            or char.isdigit()
            or unicodedata.category(char).startswith("M")
            or (char == "%" and len(text) > i + 2 and _hex(text[i + 1 : i + 3]))
        )
        if allowed:
            was_hyphen = char == "-"
            if pending:
                if not was_hyphen:
                    out.append("-")
                pending = False
            out.append(char)
        elif out and not was_hyphen and char.isspace():
            pending = True
    result = "".join(out)
    return result.lower() if lower else result


def _hex(pair: str) -> bool:
    return len(pair) == 2 and all(c in "0123456789abcdefABCDEF" for c in pair)


def _segment(site: Site, text: str) -> str:
    return slugify_segment(
        text,
        lower=not _flag(site, "disablepathtolower"),
        remove_accents=_flag(site, "removepathaccents"),
    )


def urlize(text: str) -> str:
    """Hugo's ``urlize`` of a title or slug (for `:title` and `:slug`)."""
    return slugify_segment(text)


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        if match:
            try:
                return datetime.date(*map(int, match.groups()))
            except ValueError:
                return None
    return None


ANY = "\x00"
"""Stands for a path segment that cannot be computed: it matches any one segment."""


def _content_place(site: Site, relative: PurePosixPath) -> tuple[str, str | None] | None:
    """(path inside its content folder, as text, and that folder's language) of a content
    file (text: ``page_urls`` runs for every page of the site, a path object's parts cost)."""
    text = relative.as_posix()
    for folder, code in content_dirs(site):
        inside = inside_folder(text, folder)
        if inside:  # (not the folder itself)
            return inside, code
    return None


def page_urls(site: Site, relative: PurePosixPath, data: Mapping[str, Any]) -> Iterator[str]:
    """Every URL path a content page is served at (its aliases too); ``ANY`` marks a segment
    that cannot be known. Yields nothing for a page that is not served (``headless``,
    ``build.render: never``, a draft is still served in preview: kept)."""
    place = _content_place(site, relative)
    if place is None:
        return
    inside, code = place
    build = data.get("_build") or data.get("build")
    if data.get("headless") is True or (
        isinstance(build, dict) and build.get("render") in ("never", False, "false")
    ):
        return
    parts = inside.split("/")
    name = parts[-1]
    stem, *_suffixes = name.split(".")
    if code is None and len(name.split(".")) > 2 and name.split(".")[-2].lower() in site.languages:
        code = name.split(".")[-2].lower()
    default = site.default_language
    language = code or default
    prefix = ""
    if site.languages and (
        language != default or site.config.get("defaultcontentlanguageinsubdir")
    ):
        prefix = "/" + language
    folders = [_segment(site, p) for p in parts[:-1]]
    section = folders[0] if folders else ""
    if stem in ("_index", "index"):
        path_parts = folders
        kind = "section" if stem == "_index" else "page"
    else:
        path_parts = [*folders, _segment(site, stem)]
        kind = "page"
    slug = data.get("slug")
    if isinstance(slug, str) and slug.strip() and kind == "page":
        path_parts = [*path_parts[:-1], _segment(site, slug)] if path_parts else [slug]
    url = data.get("url")
    ugly = _flag(site, "uglyurls", section)
    if isinstance(url, str) and url.strip():
        value = url.strip()
        yield value if value.startswith("/") else "/" + value
        yield prefix + (value if value.startswith("/") else "/" + value)
    else:
        pattern = _permalink(site, section, kind, inside, data, path_parts) if section else None
        if pattern is not None:
            yield prefix + pattern
        elif not path_parts:
            yield prefix + "/"
        elif ugly and kind == "page":
            yield prefix + "/" + "/".join(path_parts) + ".html"
        else:
            yield prefix + "/" + "/".join(path_parts) + "/"
    aliases = data.get("aliases")
    # A relative alias is placed beside the page (Hugo's renderAliases: the page's path, "..");
    # a bundle's page path is its folder.
    beside = folders[:-1] if stem in ("index", "_index") else folders
    for alias in aliases if isinstance(aliases, list) else [aliases] if aliases else []:
        if isinstance(alias, str) and alias.strip():
            alias = alias.strip()
            if alias.startswith("/"):
                yield alias
                yield prefix + alias
            else:
                yield prefix + "/" + "/".join([*beside, alias])
                if ugly and not alias.endswith("/") and "." not in alias.rsplit("/", 1)[-1]:
                    yield prefix + "/" + "/".join([*beside, alias]) + ".html"


def _permalink(
    site: Site,
    section: str,
    kind: str,
    inside: str,
    data: Mapping[str, Any],
    path_parts: list[str],
) -> str | None:
    permalinks = site.config.get("permalinks")
    if not isinstance(permalinks, dict):
        return None
    table = permalinks.get(kind) if isinstance(permalinks.get(kind), dict) else permalinks
    pattern = table.get(section) if isinstance(table, dict) else None
    if not isinstance(pattern, str) or (kind == "section" and table is permalinks):
        return None
    date = _date(data.get("date")) or _date(data.get("publishdate"))
    title = data.get("title") if isinstance(data.get("title"), str) else None
    slug = data.get("slug") if isinstance(data.get("slug"), str) else None
    folder, _slash, name = inside.rpartition("/")
    stem = name.split(".")[0]
    base = folder.rpartition("/")[2] if stem in ("index", "_index") else stem
    values: dict[str, str | None] = {
        "year": f"{date.year:04d}" if date else None,
        "month": f"{date.month:02d}" if date else None,
        "day": f"{date.day:02d}" if date else None,
        "monthname": date.strftime("%B").lower() if date else None,
        "title": urlize(title) if title else None,
        "slug": urlize(slug) if slug else urlize(title) if title else None,
        "filename": base,
        "contentbasename": base,
        "slugorfilename": urlize(slug) if slug else base,
        "slugorcontentbasename": urlize(slug) if slug else base,
        "section": section,
        "sections": "/".join(path_parts[:-1]) if kind == "page" else "/".join(path_parts),
    }

    def token(match: re.Match[str]) -> str:
        value = values.get(match.group(1).lower())
        return value if value else ANY

    return re.sub(r":([a-zA-Z]+)", token, pattern)


HUGO = Generator("hugo", role, language, page_urls, static_urls)
