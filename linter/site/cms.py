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

from linter.paths import real_path
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
        # `lexists`: a link is taken as it is (``read_config`` refuses one out of the site,
        # whether its target exists or not).
        files = [file for file in candidates(site) if os.path.lexists(file)]
    if not files:
        return None, None, []
    file = files[0]
    data, problem = read_config(file, explicit.parent if explicit is not None else site.root)
    if problem is not None or not isinstance(data, dict):
        return None, file, [problem or "not-mapping"]
    repository = _repository(site.root, data, boundary)
    config = from_data(data, repository)
    config.raw["__file__"] = str(file)
    problems = list(config.problems)
    for collection in config.collections:
        schemas = [collection.schema, collection.translation_schema]
        for listed in collection.files:
            schemas += [listed.schema, listed.translation_schema]
        for schema in schemas:
            if schema:
                problems += _set_aside(schema, collection.name)
    return config, file, problems


def _set_aside(schema: dict[str, Any], where: str) -> list[str]:
    """Remove from a derived schema what would make it unusable on every page of its
    collection — a `pattern` that is no regular expression, an `x-frontlint-…` annotation the
    meta-schema refuses — and say so once, for the configuration (FM011), not on every page."""
    import re

    from linter.schema import valid_annotation

    problems: list[str] = []
    todo: list[tuple[Any, str]] = [(schema, "")]
    while todo:
        node, field = todo.pop()
        if isinstance(node, list):
            todo.extend((item, field) for item in node)
            continue
        if not isinstance(node, dict):
            continue
        place = f"collection `{where}`" + (f", field `{field}`" if field else "")
        pattern = node.get("pattern")
        if pattern is not None:
            try:
                re.compile(pattern)
            except (re.error, TypeError, RecursionError, OverflowError):
                del node["pattern"]
                node.pop("errorMessage", None)
                problems.append(f"{place}: its `pattern` is no regular expression: ignored")
        for key in [k for k in node if isinstance(k, str) and k.startswith("x-frontlint-")]:
            if not valid_annotation(key, node[key]):
                del node[key]
                problems.append(f"{place}: its `{key[12:]}` is incomplete: not checked")
        properties = node.get("properties")
        for name, child in properties.items() if isinstance(properties, dict) else ():
            todo.append((child, f"{field}.{name}" if field else str(name)))
        todo.extend((v, field) for k, v in node.items() if k != "properties")
    return problems[:20]


def _repository(root: Path, data: dict[str, Any], boundary: str) -> Path:
    """The folder Decap's paths start from: where most folder collections' folders exist."""
    collections = data.get("collections")
    folders = [
        str(item.get("folder")).strip("/")
        for item in (collections if isinstance(collections, list) else [])
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
    site.cache["cms-asked"] = site.cache.get("cms-asked", 0) + 1  # (for ``Sites.problems_of``)
    if "cms" not in site.cache:
        config, where, problems = _read(site)
        site.cache["cms"] = config
        if where is not None and problems:
            site.cache["cms-problems"] = [(where, problem) for problem in problems[:20]]
    found: Config | None = site.cache["cms"]
    return found


def peek(site: Site) -> Config | None:
    """The site's Decap configuration, without reading it for the run: when no page has needed
    it yet, it stays unread (read again by the first page that needs it, which then reports its
    problems). For what is prepared before pages are checked (``references.prepare``)."""
    if "cms" in site.cache:
        found: Config | None = site.cache["cms"]
        return found
    return _read(site)[0]


def _read(site: Site) -> tuple[Config | None, Path | None, list[str]]:
    explicit, boundary = site.cache.get("cms-settings", (None, os.getcwd()))
    return (None, None, []) if site.generator == "none" else load(site, explicit, boundary)


def schema_for(site: Site, doc: Document) -> tuple[Path, dict[str, Any], str] | None:
    """(a key for the schema, the schema, its name in messages) that the site's Decap
    collection gives ``doc``."""
    from linter.site.decap import collection_of, collections_of

    config = config_of(site)
    if config is None:
        return None
    real = Path(real_path(doc.file))
    try:
        relative = real.relative_to(real_path(config.repository)).as_posix()
    except ValueError:
        return None
    owners = collections_of(config, relative)
    found = collection_of(config, relative, doc.data, owners)
    if found is None:
        return None
    collection, schema = found
    if not schema:
        return None
    # A key that another collection owning the page filters on (`visible: false` to hide a
    # section's index from the folder collection) is there for Decap: not unknown.
    filters = {
        other.filter.get("field")
        for other, _schema in owners
        if other is not collection and other.filter
    }
    properties = schema.get("properties")
    extra = tuple(
        sorted(
            f
            for f in filters
            if isinstance(f, str) and isinstance(properties, dict) and f not in properties
        )
    )
    # One compiled schema per variant (the collection's or one of its files', the default
    # locale's or a translation's, with the extra keys), named by position, never by the
    # configuration's names: a name is never looked up on disk, and two never collide.
    index = config.collections.index(collection)
    listed = next((i for i, f in enumerate(collection.files) if f.path.as_posix() == relative), -1)
    variant = (index, listed, id(schema), extra)
    variants: dict[Any, tuple[Path, dict[str, Any], str]] = site.cache.setdefault(
        "cms-variants", {}
    )
    if variant not in variants:
        if extra and isinstance(properties, dict):
            schema = {**schema, "properties": {**properties, **{f: {} for f in extra}}}
        file = Path(config.raw["__file__"])
        label = collection.name + (f".{collection.files[listed].name}" if listed >= 0 else "")
        key = file.parent / f"{file.name}#{len(variants)}"
        shown = os.path.relpath(file) if os.path.isabs(file) else str(file)
        variants[variant] = (key, schema, f"{shown}#{_printable(label)}")
    return variants[variant]


def _printable(name: str) -> str:
    return "".join(c if c.isprintable() and c not in "/\\" else "_" for c in name)[:80]
