"""The site's Decap CMS configuration, found and read once per site, and the schema it gives a page.

Where: ``[site] cms-config`` in the configuration, else ``<staticDir>/admin/config.yml`` (Hugo)
or ``admin/config.yml`` (Jekyll), `.yaml` too. Decap's paths are relative to the repository,
which may hold the site in a folder (`site/`): the repository is the nearest of the site's folder
and its parents (at most three up, never above the working folder) where the collections'
folders are. The configuration is read like every file a pull request can write (a link out of
the site is not followed, limits on size and nesting); what ``decap`` could not use of it is
reported once (FM011).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.site.model import Site, read_config, within

if TYPE_CHECKING:
    from linter.document import Document
    from linter.site.decap import Config

_NAMES = ("config.yml", "config.yaml")


def candidates(site: Site) -> list[Path]:
    """Where the site's Decap configuration may be."""
    if site.generator == "hugo":
        from linter.site.hugo import static_dirs

        folders = [site.root / folder / "admin" for folder in static_dirs(site)]
    elif site.generator == "jekyll":
        folders = [site.root / "admin"]
    else:
        return []
    return [folder / name for folder in folders for name in _NAMES]


def load(
    site: Site, explicit: Path | None, boundary: str
) -> tuple[Config | None, Path | None, list[str]]:
    """The site's Decap configuration (None when it has none), its file, and what could not be
    used of it (``decap``'s problems, or why the file was not read)."""
    from linter.site.decap import from_data

    if explicit is not None:
        files = [explicit]
    else:
        files = [file for file in candidates(site) if os.path.isfile(file)]
    if not files:
        return None, None, []
    file = files[0]
    data, problem = read_config(file, explicit.parent if explicit is not None else site.root)
    if problem is not None or not isinstance(data, dict):
        return None, file, [problem or "not-mapping"]
    repository = _repository(site.root, data, boundary)
    config = from_data(data, repository)
    config.raw["__file__"] = str(file)
    return config, file, list(config.problems)


def _repository(root: Path, data: dict[str, Any], boundary: str) -> Path:
    """The folder Decap's paths start from: where most folder collections' folders exist."""
    folders = [
        str(item.get("folder")).strip("/")
        for item in data.get("collections") or []
        if isinstance(item, dict) and isinstance(item.get("folder"), str)
    ][:100]
    best, score = root, -1
    for candidate in (root, *list(root.parents)[:3]):
        if not within(os.path.realpath(candidate), boundary):
            break
        found = sum(1 for folder in folders if (candidate / folder).is_dir())
        if found > score:
            best, score = candidate, found
    return best


def config_of(site: Site) -> Config | None:
    """The site's Decap configuration, read on first need (a run that validates no page by it,
    the pre-commit check of a page that has its own schema, never reads it); its problems wait
    in ``site.cache["cms-problems"]`` for ``Sites.pending``."""
    if "cms" not in site.cache:
        explicit, boundary = site.cache.get("cms-settings", (None, os.getcwd()))
        config, where, problems = (
            (None, None, []) if site.generator == "none" else load(site, explicit, boundary)
        )
        site.cache["cms"] = config
        if where is not None and problems:
            site.cache["cms-problems"] = [(where, problem) for problem in problems[:20]]
    found: Config | None = site.cache["cms"]
    return found


def schema_for(site: Site, doc: Document) -> tuple[Path, dict[str, Any]] | None:
    """(a name for the schema, the schema) that the site's Decap collection gives ``doc``."""
    from linter.site.decap import collection_of, collections_of

    config = config_of(site)
    if config is None:
        return None
    real = Path(os.path.realpath(doc.file))
    try:
        relative = real.relative_to(os.path.realpath(config.repository)).as_posix()
    except ValueError:
        return None
    found = collection_of(config, relative, doc.data)
    if found is None:
        return None
    collection, schema = found
    if not schema:
        return None
    # A key that another collection owning the page filters on (`visible: false` to hide a
    # section's index from the folder collection) is there for Decap: not unknown.
    filters = {
        other.filter.get("field")
        for other, _schema in collections_of(config, relative)
        if other is not collection and other.filter
    }
    properties = schema.get("properties")
    if isinstance(properties, dict) and any(
        isinstance(f, str) and f not in properties for f in filters
    ):
        extra: dict[str, Any] = {
            f: {} for f in filters if isinstance(f, str) and f not in properties
        }
        schema = {**schema, "properties": {**properties, **extra}}
    file = Path(config.raw["__file__"])
    listed = next((f.name for f in collection.files if f.path.as_posix() == relative), None)
    name = f"{collection.name}.{listed}" if listed else collection.name
    return file.with_name(f"{file.name}#{name}"), schema
