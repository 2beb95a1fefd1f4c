"""A site as frontlint models it: its generator's answers, its configuration, its language.

``Site`` knows nothing of Hugo or Jekyll: its ``rules`` (a ``Generator`` of plain functions:
``hugo.HUGO``, ``jekyll.JEKYLL``, ``PLAIN``) answer the generator's questions, so that no module
here imports another in a circle.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from linter.records import record

LANGUAGE_CODES = frozenset(
    "ar bg ca cs da de el en es et eu fi fr ga gl he hr hu it ja ko lt lv mt nl no pl pt ro ru "
    "sk sl sv tr uk zh".split()
)
"""Language codes recognised as a folder or file-name marker (`en/`, `page.en.md`)."""

_LANG_KEYS = ("lang", "language", "locale", "languageCode")
MAX_CONFIG_BYTES = 1024 * 1024


@record
class Generator:
    """What a generator answers about a site's files, as plain functions of the site and a
    path from its root (``hugo.HUGO``, ``jekyll.JEKYLL``, ``PLAIN``)."""

    name: str
    """hugo | jekyll | none"""
    role: Callable[[Site, PurePosixPath], str]
    language: Callable[[Site, PurePosixPath], str | None]
    page_urls: Callable[[Site, PurePosixPath, Mapping[str, Any]], Iterator[str]]
    static_urls: Callable[[Site, PurePosixPath], Iterator[str]]


def _plain_urls(site: Site, relative: PurePosixPath, data: Mapping[str, Any]) -> Iterator[str]:
    stem = relative.as_posix().rsplit(".", 1)[0]
    if relative.name.startswith("index."):
        yield "/" + stem[: -len("index")]
    else:
        yield "/" + stem + ".html"


def _plain_static(site: Site, relative: PurePosixPath) -> Iterator[str]:
    yield "/" + relative.as_posix()


PLAIN = Generator("none", lambda site, relative: "page", lambda site, relative: None,
                  _plain_urls, _plain_static)  # fmt: skip
"""A folder of pages without a generator configuration: every page file is a page, served
at its own path."""


@dataclass(eq=False)
class Site:
    """One site: its generator and the parts of its configuration frontlint needs."""

    rules: Generator
    """The generator's answers (``name``: hugo | jekyll | none)."""
    root: Path
    """The real path of the site's folder (for ``none``: the working folder)."""
    config: Mapping[str, Any] = field(default_factory=dict)
    """The generator's configuration, keys as written (Hugo's are case-insensitive: lower-cased)."""
    default_language: str = "fr"
    languages: tuple[str, ...] = ()
    """Hugo's configured languages; Jekyll's ``languages`` (polyglot); else ()."""
    base_url: str | None = None
    """The site's own URL (``baseURL``, ``url`` + ``baseurl``, or ``[site] base-url``)."""
    base_path: str = ""
    """The path the site is served under (`/mon-site`: Jekyll's ``baseurl``, the path of
    Hugo's ``baseURL``); "" at the root of its host."""
    language_set: bool = False
    """Whether the configuration names the default language (``[site] language`` then yields)."""
    problems: tuple[tuple[Path, str], ...] = ()
    """(configuration file, what could not be used of it): the site is then modelled without
    it, the problem is reported (FM011) and its internal links are not checked."""
    removed: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """URL -> (the page that had it, its new path when renamed): the pages a change being
    checked (``--changed-since``) deleted or renamed."""
    cache: dict[str, Any] = field(default_factory=dict)
    """What is built once per site and run (``index.of``: the URL index)."""

    def relative(self, real: str) -> PurePosixPath | None:
        """A real path relative to the site's root, or None when it is outside."""
        root = str(self.root)
        if real == root:
            return PurePosixPath(".")
        if not within(real, root):
            return None
        return PurePosixPath(real[len(root) :].lstrip(os.sep).replace(os.sep, "/"))

    def role(self, real: str) -> str:
        """What the generator makes of a file: page | static | template | data | other.

        Only ``page`` files are checked as pages."""
        relative = self.relative(real)
        return "page" if relative is None else self.rules.role(self, relative)

    def language(self, real: str, data: Mapping[str, Any]) -> str:
        """The language of a page's text: its front matter's ``lang``, else its file name or
        folder (`page.en.md`, `en/`, a Hugo language's content folder), else the site's."""
        for key in _LANG_KEYS:
            value = data.get(key)
            if isinstance(value, str) and len(value) >= 2 and value[:2].isalpha():
                return value[:2].lower()
        relative = self.relative(real)
        if relative is not None:
            found = self.rules.language(self, relative)
            if found:
                return found
            parts = relative.parts
            suffixes = relative.name.split(".")[1:-1]
            for marker in (*suffixes[-1:], *parts[:-1][:3]):
                if marker.lower() in LANGUAGE_CODES and (
                    not self.languages or marker.lower() in self.languages
                ):
                    return marker.lower()
        return self.default_language

    @property
    def generator(self) -> str:
        return self.rules.name


def _read_text(path: Path) -> str | None:
    from linter.document import NotRegularFile, TooLarge, read_regular

    try:
        return read_regular(path, MAX_CONFIG_BYTES).decode("utf-8")
    except (OSError, NotRegularFile, TooLarge, UnicodeDecodeError):
        return None


def within(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or inside it (both absolute and normalised; letter case
    as the file system compares it)."""
    path, folder = os.path.normcase(path), os.path.normcase(folder)
    # (What `os.path.commonpath([path, folder]) == folder` says, without splitting both paths:
    # asked for every file of a run, several times.)
    return path == folder or path.startswith(folder if folder.endswith(os.sep) else folder + os.sep)


def valid_url(value: str) -> bool:
    """Whether ``value`` is an absolute http(s) URL that ``urlsplit`` reads (with its port)."""
    from urllib.parse import urlsplit

    if not value.startswith(("http://", "https://")):
        return False
    try:
        parts = urlsplit(value)
        _port = parts.port
    except ValueError:
        return False
    return bool(parts.hostname)


def read_config(path: Path, root: Path) -> tuple[Any, str | None]:
    """A site's configuration file as plain data, or (None, why it cannot be used): a link out
    of the site's folder is not read (a pull request may add one), nor what is not a regular
    UTF-8 file of at most ``MAX_CONFIG_BYTES``, nor invalid TOML, YAML or JSON."""
    import os

    if not within(os.path.realpath(path), os.path.realpath(root)):
        return None, "outside"
    if _read_text(path) is None:
        return None, "unreadable"
    data = read_data(path)
    if data is None:
        return None, "invalid"
    return data, None


def read_data(path: Path) -> Any:
    """A configuration or data file (TOML, YAML or JSON) as plain data, read with the same
    limits as pages; None when it cannot be read or parsed."""
    text = _read_text(path)
    if text is None:
        return None
    from linter import document, yamltree

    try:
        if path.suffix == ".toml":
            return document.load_toml(text)
        if path.suffix == ".json":
            return document.load_json(text)
        node, problems = yamltree.parse(text, 0, yamltree.LineIndex(text))
        return None if problems and node is None else yamltree.to_data(node)
    except Exception:  # a broken configuration: the site is modelled without it
        return None
