"""The site a page belongs to: its generator, what is a page, its URLs, its language.

A ``Site`` is found from a file by walking up its folders to the nearest generator
configuration (Hugo: ``hugo.*``, ``config.*`` next to ``content/`` or ``layouts/``,
``config/_default/``; Jekyll: ``_config.yml``), inside the working folder, or set by
``[site] root``; a file under no site is a page of a plain folder. One ``Sites`` per run answers
for every file and reads each configuration once.

Design: the cheap questions (is this file a page? its language?) need the configuration only;
the URL index (every page's URLs, every static file), needed by the internal-link rules, is
built on first use, from the pages' front matter only (never their bodies), so that a run that
meets no internal link never pays for it. Where a generator's rule is too obscure to model
exactly, the index is generous: a link is reported broken only when nothing could serve it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from linter.diagnostics import Diagnostic
from linter.site.hugo import load as load_hugo
from linter.site.jekyll import load as load_jekyll
from linter.site.model import PLAIN, Site, within

_HUGO_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
_CONFIG_NAMES = ("config.toml", "config.yaml", "config.yml", "config.json")
_JEKYLL_NAMES = ("_config.yml", "_config.yaml", "_config.toml")
_HUGO_FOLDERS = ("content", "layouts", "archetypes", "themes")


def detect(folder: Path, names: frozenset[str]) -> Site | None:
    """The site whose configuration is in ``folder`` (its entries' ``names``), if any."""
    if any(name in names for name in _JEKYLL_NAMES) and not any(n in names for n in _HUGO_NAMES):
        return load_jekyll(folder, next(folder / n for n in _JEKYLL_NAMES if n in names))
    hugo_files = [folder / n for n in _HUGO_NAMES if n in names]
    if (
        not hugo_files
        and any(n in names for n in _CONFIG_NAMES)
        and any(n in names for n in _HUGO_FOLDERS)
    ):
        hugo_files = [folder / n for n in _CONFIG_NAMES if n in names]
    if not hugo_files and "config" in names:
        try:
            # (`os.path.isdir` never raises; `Path.is_dir` does, on Python 3.10 and 3.11.)
            if os.path.lexists(folder / "config" / "_default"):
                hugo_files = [folder / "config" / "_default"]
        except OSError:
            pass
    if hugo_files:
        return load_hugo(folder, hugo_files[0])
    return None


class Sites:
    """The sites of one run: the site of any file, each configuration read once."""

    def __init__(
        self,
        root: Path | None = None,
        base_url: str | None = None,
        language: str | None = None,
        cms_config: Path | None = None,
        named: tuple[str, ...] = (),
    ) -> None:
        self.cms_config = cms_config
        self.facts: Any = None
        """What the files of the sites gave runs before (``cache.Facts``; None: no cache)."""
        self.boundary = os.path.realpath(os.getcwd())
        self.trees = [self.boundary]
        """Where sites are looked for: the working folder, and each folder named on the command
        line outside it (`frontlint check ../autre-site`: its own tree, never above it)."""
        for given in named:
            found = os.path.realpath(given)
            tree = found if os.path.isdir(found) else os.path.dirname(found)
            if not within(tree, self.boundary) and tree not in self.trees:
                self.trees.append(tree)
        self.base_url = base_url
        self.language = language
        self._folders: dict[str, Site | None] = {}
        self._outside: dict[str, Site] = {}
        self._of: dict[str, Site] = {}
        self.diagnostics: list[Diagnostic] = []
        """FM011: what could not be used of the sites' configurations (as sites are found; a
        CMS configuration's, as it is read: see ``pending``)."""
        self._known: list[Site] = []
        self._reported = 0
        self.fixed: Site | None = None
        if root is not None:
            folder = Path(os.path.realpath(root))
            self.fixed = self._detect(folder) or Site(PLAIN, folder)
            self._finish(self.fixed)
        self.plain = self._finish(Site(PLAIN, Path(self.boundary)))

    def _finish(self, site: Site, tree: str | None = None) -> Site:
        own = [_problem(file, reason) for file, reason in site.problems]
        site.cache["fm011"] = (own, [])  # (its configuration's, its CMS configuration's)
        self.diagnostics.extend(own)
        site.cache["cms-settings"] = (self.cms_config, tree or self.boundary)
        site.cache["facts"] = self.facts
        self._known.append(site)
        if self.base_url:
            site.base_url = self.base_url
            path = self.base_url.split("://", 1)[-1].partition("/")[2].strip("/")
            site.base_path = "/" + path if path else ""
        if self.language and not site.language_set:
            site.default_language = self.language
        return site

    def use_facts(self, facts: Any) -> None:
        """Build the sites' URL indexes with ``facts`` (``cache.Facts``), from now on."""
        self.facts = facts
        for site in self._known:
            site.cache["facts"] = facts

    def _detect(self, folder: Path) -> Site | None:
        try:
            names = frozenset(os.listdir(folder))
        except OSError:
            return None
        return detect(folder, names)

    def pending(self, take: bool = True) -> list[Diagnostic]:
        """The FM011 diagnostics not yet taken: the configurations' problems, and those of the
        CMS configurations read since (they are read on first need, not when a site is found);
        left to be taken again when not ``take``."""
        for site in self._known:
            problems = site.cache.pop("cms-problems", None)
            for where, problem in problems or ():
                found = _problem(where, "cms:" + _CMS_READING.get(problem, problem))
                self.diagnostics.append(found)
                site.cache["fm011"][1].append(found)
        fresh = self.diagnostics[self._reported :]
        if take:
            self._reported = len(self.diagnostics)
        return fresh

    def problems_of(self, site: Site, cms: bool) -> list[Diagnostic]:
        """The FM011 that a run of one page of ``site`` alone reports: its configuration's, and
        its CMS configuration's when the page's check asked for it (``cms``), whichever page met
        them first in this run. What the cache keeps with each page."""
        self.pending(take=False)
        config, read = site.cache.get("fm011", ([], []))
        return [*config, *read] if cms else list(config)

    def of(self, real: str) -> Site:
        """The site of the file at the real path ``real``."""
        if self.fixed is not None and self.fixed.relative(real) is not None:
            return self.fixed
        folder = os.path.dirname(real)
        found = self._of.get(folder)
        if found is None:
            found = self._of[folder] = self._of_folder(folder)
        return found

    def _of_folder(self, folder: str) -> Site:
        """The site of the files of ``folder`` (``of``, once per folder and run)."""
        tree = max((t for t in self.trees if within(folder, t)), key=len, default=None)
        if tree is None:
            # A page outside every tree checked: a plain folder of its own.
            if folder not in self._outside:
                self._outside[folder] = self._finish(Site(PLAIN, Path(folder)))
            return self._outside[folder]
        if tree != self.boundary:
            return self._folder(folder, tree) or self._outside.setdefault(
                tree, self._finish(Site(PLAIN, Path(tree)))
            )
        return self._folder(folder) or self.plain

    def _folder(self, folder: str, tree: str | None = None) -> Site | None:
        """The site of the nearest folder at or above ``folder`` holding a configuration,
        inside ``tree`` (the working folder by default; each folder looked at once per run)."""
        top = tree or self.boundary
        chain: list[str] = []
        current, site = folder, None
        while True:
            if current in self._folders:
                site = self._folders[current]
                break
            if not within(current, top):
                break
            found = self._detect(Path(current))
            if found is not None:
                site = self._folders[current] = self._finish(found, top)
                break
            chain.append(current)
            parent = os.path.dirname(current)
            if current == top or parent == current:
                break
            current = parent
        for folder_above in chain:
            self._folders[folder_above] = site
        return site


_CMS_READING = {
    "outside": "a link out of the site's folder: not read",
    "unreadable": "cannot be read (not a regular UTF-8 file of at most 1 MiB)",
    "invalid": "not valid YAML: the pages of its collections are not validated",
    "not-mapping": "not a mapping of settings: the pages of its collections are not validated",
}
"""Why a CMS configuration could not be read (``read_config``'s reasons), as FM011.cms says."""


def _problem(file: Path, reason: str) -> Diagnostic:
    from linter.diagnostics import Span
    from linter.rules.core import SITE_CONFIG

    try:
        shown = os.path.relpath(file)
    except ValueError:
        shown = str(file)
    kind, _colon, key = reason.partition(":")
    if kind == "cms":
        return Diagnostic.of(SITE_CONFIG, shown, Span(1, 1, 1, 1, 0, 0), "FM011.cms", detail=key)
    span = Span(1, 1, 1, 1, 0, 0)
    return Diagnostic.of(SITE_CONFIG, shown, span, f"FM011.{kind}", key=key)
