"""JSON Schemas derived from a site's Decap CMS configuration (Netlify CMS, Sveltia CMS).

A site edited with Decap CMS describes every collection of pages in its CMS configuration
(``static/admin/config.yml`` for Hugo, ``admin/config.yml`` for Jekyll): which files belong to it
(a folder collection: the files with its extension in its ``folder``; a file collection: the files
it lists), and the fields of their front matter, widget by widget. ``load`` reads that
configuration (with the limits of every file frontlint reads) and derives, for each collection and
each listed file, the JSON Schema (draft 2020-12) of what Decap writes; ``collection_of`` answers
which collection (or listed file) a page belongs to and with which schema; ``schema_of`` converts
a list of fields. Nothing here reads a page, a media file or another collection: what needs them
(a relation's target, a media file's existence, a collection's ``filter``) is left to the caller,
as annotations and attributes.

Widget by widget (the ``title`` of a field's schema is its ``label``, its ``description`` its
``hint``; ``default`` is copied):

| widget | JSON Schema |
| --- | --- |
| `string`, `text`, `markdown` | a string |
| `code` | a string; unless `output_code_only`, also an object `{code, lang}` (`keys`) |
| `number` | `value_type: int`: an integer; `float`: a number; else a numeric string or a number |
| `boolean` | a boolean |
| `datetime`, `date` | a string in its `format` (or `date_format`/`time_format`), else ISO 8601 |
| `select` | one of the `options`' values; `multiple`: an array of them, without repeats |
| `list` | an array: objects (`fields`), a `field`'s values, typed objects (`types`), or strings |
| `object` | an object of its `fields` |
| `image`, `file` | a string (`multiple`: or an array of strings); `x-frontlint-media` |
| `relation` | a string (`multiple`: an array of strings); `x-frontlint-relation` |
| `hidden` | any value |
| `map` | a string (Decap saves GeoJSON as text) |
| `color` | `#rrggbb` (`enableAlpha`: or `rgba(r, g, b, a)`; `allowInput`: any string) |
| another widget | any value (noted in ``Config.problems``) |

Decisions, each from what Decap does (its widgets' code, not only its documentation):

- **Required** (Decap's default): the key is in ``required``, and its value is not empty as Decap
  counts emptiness: not null, not `""` (``minLength: 1``), not `[]` (``minItems: 1``); a field
  whose widget accepts any value then accepts any value but those. Decap applies a field's
  ``default`` to new entries only: a page that lacks a required field is reported even when the
  field has a default (Decap refuses to save it too). An **optional** field may also be null or
  empty (Decap writes `""` or null when a field is cleared). An optional ``object`` may be
  absent; present, its own required fields apply.
- **Unknown keys** are refused (``additionalProperties: false``) in every object, except, at the
  top of a page, the keys the generator and its templates read although Decap does not manage them
  (``GENERATOR_KEYS``: Hugo's ``layout``, ``draft``, ``weight``, ``aliases``…, Jekyll's
  ``permalink``…): they accept any value unless a field of the collection describes them.
- **The body**: in the front-matter formats, the top-level field named ``body`` is the page's
  text, not a key (Decap's front-matter format takes ``body`` out whatever its widget): it is left
  out of the schema; ``body_required`` says whether Decap requires it.
- **Patterns** (``pattern: [regex, message]``) are copied, never compiled here (frontlint's schema
  engine runs them on RE2), with the message as ``errorMessage``. Decap tests a pattern only on a
  non-empty value: an optional field's pattern applies when the value is not `""`. JSON Schema
  applies ``pattern`` to strings only (Decap also tests numbers and lists, as text).
- **Dates**: moment/Day.js tokens (``YYYY``, ``MM``, ``DD``, ``HH``, ``mm``, ``ss``, ``SSS``,
  ``Z``, names of months and days…) become a pattern; ``[text]`` is literal; the localised formats
  (``L``, ``LT``…) match any text. ``date_format``/``time_format`` alone also accept ISO 8601,
  which Decap 2 saved whatever they said (they were the display format then).
- **Numbers**: Decap saves the number widget's value as text unless ``value_type`` is ``int`` or
  ``float``; a number written by hand (``weight: 3``) is accepted too (Decap shows and keeps it).
  ``min``/``max`` become ``minimum``/``maximum``, except with a ``pattern`` (Decap then ignores
  them). ``step`` of a number is not checked (Decap does not check it either); a ``list`` or a
  ``relation``'s ``min`` alone accepts an empty list (as Decap's check does).
- **i18n**: in a collection with ``i18n``, a page of the default locale gets the whole schema; a
  page of another locale (``translation_schema``) does not require the fields that are not
  translated (``i18n`` false or absent: Decap hides them in the other locales, so never checks
  them); ``true``/``translate`` and ``duplicate`` fields keep their requirement. With the
  ``single_file`` structure, the schema is an object of locales, each holding its fields (its
  ``body`` too).
- **Which collection**: a file a file collection lists belongs to it first; then the folder
  collections that own it (its extension, directly in the folder, or as deep as ``nested.depth``
  or ``path`` allow), in the configuration's order. A collection's ``filter`` is exposed
  (``Collection.shows``), applied only when the page's front matter is given. ``index_file``
  (other fields for index files, Decap 3.x) is not modelled (noted).
- **Annotations** for the caller: ``x-frontlint-media`` ``{widget, media_folder, public_folder,
  entry_relative}`` (the folders in effect for the field: its own, its file's, its collection's or
  the configuration's; ``entry_relative``: relative to the entry's folder, as Decap reads a
  folder without a leading ``/`` below the top level) and ``x-frontlint-relation`` ``{collection,
  value_field, search_fields, file?, multiple}``. A relation's value is taken to be a string.
- **Hostile configurations** (a pull request can change this file): a value of the wrong type is
  skipped and noted in ``Config.problems``; objects and lists nest at most ``MAX_DEPTH`` levels;
  at most ``MAX_FIELDS`` fields are converted; every step is linear in the configuration's size.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from linter.records import record
from linter.site.model import read_data

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
MAX_DEPTH = 64
"""Objects and lists nested deeper than this are not checked (noted in ``Config.problems``)."""
MAX_FIELDS = 50_000
"""Fields converted at most, per configuration: aliases can repeat a list of fields, but a
configuration holds at most 100,000 values once they are expanded (``read_data``'s limit), and a
field at least two."""
MAX_PROBLEMS = 1000
"""Problems kept at most (the rest are counted)."""
MAX_FORMAT_LENGTH = 200
"""A date format longer than this is not translated (any string is accepted)."""

GENERATOR_KEYS = frozenset(
    {
        # Hugo (front matter fields, their aliases, and what themes commonly read)
        "aliases",
        "build",
        "cascade",
        "date",
        "description",
        "draft",
        "expirydate",
        "expiryDate",
        "headless",
        "isCJKLanguage",
        "keywords",
        "lastmod",
        "layout",
        "linkTitle",
        "markup",
        "menu",
        "menus",
        "modified",
        "outputs",
        "params",
        "pubdate",
        "publishdate",
        "publishDate",
        "published",
        "resources",
        "sitemap",
        "slug",
        "summary",
        "title",
        "translationKey",
        "type",
        "unpublishdate",
        "url",
        "weight",
        # Jekyll
        "permalink",
        "categories",
        "category",
        "tags",
        "excerpt_separator",
        "render_with_liquid",
        # frontlint's own
        "$schema",
    }
)
"""Top-level keys a generator or its templates read although Decap does not manage them: a page
may hold them whatever its collection's fields (any value, unless a field describes them)."""

FRONTMATTER_FORMATS = frozenset(
    {"frontmatter", "yaml-frontmatter", "toml-frontmatter", "json-frontmatter"}
)
FORMAT_EXTENSIONS = {
    "yml": "yml",
    "yaml": "yml",
    "toml": "toml",
    "json": "json",
    "frontmatter": "md",
    "yaml-frontmatter": "md",
    "toml-frontmatter": "md",
    "json-frontmatter": "md",
}
"""Decap's extension of each format (``formatExtensions``)."""
_DATA_FORMATS = frozenset({"yml", "yaml", "toml", "json"})
I18N_STRUCTURES = frozenset(
    {"multiple_folders", "multiple_files", "single_file", "multiple_folders_i18n_root"}
)
KNOWN_WIDGETS = frozenset(
    {
        "string",
        "text",
        "markdown",
        "code",
        "number",
        "boolean",
        "datetime",
        "date",
        "select",
        "list",
        "object",
        "image",
        "file",
        "relation",
        "hidden",
        "map",
        "color",
    }
)

NOT_NULL = ("string", "number", "boolean", "array", "object")
"""The types of any value but null (a required field of any widget, as ``hidden``)."""
NUMERIC_STRING = r"^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"
"""What an HTML number input holds (Decap's number widget saves it as text by default)."""
ISO_8601 = (
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?"
    r"(?: ?(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?))?)?"
)
"""A date, or a date and time (with seconds, fractions and a zone or not): what Decap saves without
a format (``2024-01-29T10:00:00.000+01:00``, Decap 2: ``2024-01-29T09:00:00.000Z``), what a YAML
timestamp or a TOML date reads as."""
ISO_MESSAGE = "ISO 8601"
HEX_COLOR = r"^#[0-9a-fA-F]{6}$"
RGBA_COLOR = (
    r"^(?:#[0-9a-fA-F]{6}"
    r"|rgba\([0-9]{1,3}, ?[0-9]{1,3}, ?[0-9]{1,3}, ?(?:0|1|0?\.[0-9]+)\))$"
)
"""Decap's color picker writes ``#rrggbb``, or ``rgba(r, g, b, a)`` when the alpha is below 1."""

_DATE_TOKENS: dict[str, str] = {
    "YYYYYY": r"[+-][0-9]{6}",
    "YYYY": r"[0-9]{4}",
    "YY": r"[0-9]{2}",
    "Y": r"[+-]?[0-9]+",
    "Qo": r"[1-4][^0-9\s]*",
    "Q": r"[1-4]",
    "MMMM": r"[^0-9\s]+",
    "MMM": r"[^0-9\s]+",
    "MM": r"(?:0[1-9]|1[0-2])",
    "Mo": r"(?:1[0-2]|[1-9])[^0-9\s]*",
    "M": r"(?:1[0-2]|[1-9])",
    "DDDD": r"[0-9]{3}",
    "DDDo": r"[0-9]{1,3}[^0-9\s]*",
    "DDD": r"[0-9]{1,3}",
    "DD": r"(?:0[1-9]|[12][0-9]|3[01])",
    "Do": r"(?:3[01]|[12][0-9]|[1-9])[^0-9\s]*",
    "D": r"(?:3[01]|[12][0-9]|[1-9])",
    "dddd": r"[^0-9\s]+",
    "ddd": r"[^0-9\s]+",
    "dd": r"[^0-9\s]+",
    "do": r"[0-6][^0-9\s]*",
    "d": r"[0-6]",
    "e": r"[0-6]",
    "E": r"[1-7]",
    "wo": r"[0-9]{1,2}[^0-9\s]*",
    "ww": r"[0-9]{2}",
    "w": r"[0-9]{1,2}",
    "Wo": r"[0-9]{1,2}[^0-9\s]*",
    "WW": r"[0-9]{2}",
    "W": r"[0-9]{1,2}",
    "gggg": r"[0-9]{4}",
    "gg": r"[0-9]{2}",
    "GGGG": r"[0-9]{4}",
    "GG": r"[0-9]{2}",
    "HH": r"(?:[01][0-9]|2[0-3])",
    "H": r"(?:2[0-3]|1[0-9]|[0-9])",
    "hh": r"(?:0[1-9]|1[0-2])",
    "h": r"(?:1[0-2]|[1-9])",
    "kk": r"(?:0[1-9]|1[0-9]|2[0-4])",
    "k": r"(?:2[0-4]|1[0-9]|[1-9])",
    "mm": r"[0-5][0-9]",
    "m": r"(?:[1-5][0-9]|[0-9])",
    "ss": r"[0-5][0-9]",
    "s": r"(?:[1-5][0-9]|[0-9])",
    "A": r"[^0-9\s]+",
    "a": r"[^0-9\s]+",
    "ZZ": r"(?:[+-][0-9]{4}|Z)",
    "Z": r"(?:[+-][0-9]{2}:[0-9]{2}|Z)",
    "zz": r"[^0-9\s]+",
    "z": r"[^0-9\s]+",
    "X": r"-?[0-9]+(?:\.[0-9]+)?",
    "x": r"-?[0-9]+",
    "LTS": r".+",
    "LT": r".+",
    "LLLL": r".+",
    "LLL": r".+",
    "LL": r".+",
    "L": r".+",
    "llll": r".+",
    "lll": r".+",
    "ll": r".+",
    "l": r".+",
}
"""moment.js / Day.js format tokens and what they write."""
_SYNTAX = frozenset("\\^$.|?*+()[]{}/")
_DATE_TOKEN = re.compile(
    r"\[[^\]]*\]|S{1,9}|"
    + "|".join(re.escape(t) for t in sorted(_DATE_TOKENS, key=len, reverse=True))
    + r"|.",
    re.DOTALL,
)


def moment_pattern(format_: str) -> str:
    """The regular expression (without anchors) of the strings a moment/Day.js format writes."""
    parts: list[str] = []
    for token in _DATE_TOKEN.findall(format_):
        if token.startswith("[") and token.endswith("]") and len(token) >= 2:
            parts.append(_escape(token[1:-1]))
        elif token.startswith("S") and set(token) == {"S"}:
            parts.append(f"[0-9]{{{len(token)}}}")
        elif token in _DATE_TOKENS:
            parts.append(_DATE_TOKENS[token])
        else:
            parts.append(_escape(token))
    return "".join(parts)


def _escape(text: str) -> str:
    """Text as a literal of a pattern: only the syntax characters escaped (valid in ECMA-262,
    Python and RE2 alike, unlike ``re.escape``'s ``\\-``)."""
    return "".join("\\" + char if char in _SYNTAX else char for char in text)


@record
class Media:
    """Where an image or file widget's files go (``media_folder``, relative to the repository, or
    to the entry's folder when ``entry_relative``) and how pages name them (``public_folder``)."""

    media_folder: str | None
    public_folder: str | None
    entry_relative: bool = False

    def annotation(self, widget: str) -> dict[str, Any]:
        found: dict[str, Any] = {"widget": widget}
        if self.media_folder is not None:
            found["media_folder"] = self.media_folder
        if self.public_folder is not None:
            found["public_folder"] = self.public_folder
        found["entry_relative"] = self.entry_relative
        return found


@record
class I18n:
    """A collection's i18n: how its locales are stored, which ones, and the default."""

    structure: str
    locales: tuple[str, ...]
    default_locale: str


class CollectionFile(NamedTuple):
    """One file of a file collection."""

    path: PurePosixPath
    """Relative to the repository."""
    name: str
    label: str
    schema: dict[str, Any]
    translation_schema: dict[str, Any] | None = None
    """For a page in another locale than the default (None without i18n)."""
    format: str = "frontmatter"
    body_required: bool | None = None
    """Whether Decap requires the page's body (None: no ``body`` field)."""
    i18n: I18n | None = None


@dataclass
class Collection:
    """One collection of a Decap configuration."""

    name: str
    label: str
    folder: PurePosixPath | None = None
    """A folder collection's folder, relative to the repository (None for a file collection)."""
    files: list[CollectionFile] = field(default_factory=list)
    extension: str = "md"
    format: str = "frontmatter"
    path: str | None = None
    """Decap's ``path`` option (``{{slug}}/index``): where entries sit below the folder."""
    nested: int | None = None
    """``nested.depth``: how deep the folder's tree is listed (None: not nested)."""
    filter: dict[str, Any] | None = None
    """``{field, value}`` (or ``{field, pattern}``): Decap shows only the documents whose
    top-level ``field`` equals ``value`` (or, a list, holds it). See ``shows``."""
    i18n: I18n | None = None
    schema: dict[str, Any] = field(default_factory=dict)
    """A folder collection's page schema (a file collection's are in ``files``: here ``{}``)."""
    translation_schema: dict[str, Any] | None = None
    body_required: bool | None = None

    @property
    def depth(self) -> int:
        """How many levels below the folder Decap lists (1: the folder's own files)."""
        depth = self.nested if self.nested else (self.path.count("/") + 1 if self.path else 1)
        if self.i18n and self.i18n.structure in ("multiple_folders", "multiple_folders_i18n_root"):
            depth += 1
        return depth

    def shows(self, data: Mapping[str, Any]) -> bool | None:
        """Whether Decap shows a document with this front matter in this collection (its
        ``filter``); None when the filter is a pattern (not evaluated here)."""
        if self.filter is None:
            return True
        if "value" not in self.filter:
            return None
        wanted = self.filter["value"]
        value = data.get(self.filter["field"])
        if isinstance(value, list):
            return any(_same(item, wanted) for item in value)
        return _same(value, wanted)


def _same(a: Any, b: Any) -> bool:
    """JavaScript's ``===`` on JSON values: ``True`` is not ``1``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        return False  # distinct objects in JavaScript
    return type(a) is type(b) and a == b


@dataclass
class Config:
    """A Decap CMS configuration as frontlint uses it."""

    repository: Path
    raw: dict[str, Any]
    collections: list[Collection] = field(default_factory=list)
    media_folder: str | None = None
    public_folder: str | None = None
    i18n: I18n | None = None
    problems: list[str] = field(default_factory=list)
    """What could not be used, one short reason each (naming the collection and field)."""
    listed: dict[str, list[tuple[int, int, bool]]] | None = field(
        default=None, repr=False, compare=False
    )
    """Path of every listed file (each locale's) -> (collection index, file index, whether the
    default locale's), in the configuration's order: made on first need (``_listed``)."""


def load(config_file: Path, repository: Path) -> Config | None:
    """Read a Decap configuration (paths in it are relative to ``repository``); None when it
    cannot be read or is not a mapping. Never raises on a hostile configuration."""
    raw = read_data(config_file)
    if not isinstance(raw, dict):
        return None
    return from_data(raw, repository)


def from_data(raw: dict[str, Any], repository: Path) -> Config:
    """A configuration from its data (what ``load`` read)."""
    config = Config(repository=repository, raw=raw)
    converter = _Converter(config.problems)
    media = _str(raw, "media_folder", "configuration", config.problems)
    if media is None and "media_folder" not in raw and "media_library" not in raw:
        config.problems.append("configuration: no `media_folder`")
    public = _str(raw, "public_folder", "configuration", config.problems)
    if media is not None and public is None:
        public = "/" + media.lstrip("/")
    config.media_folder, config.public_folder = media, public
    config.i18n = _i18n(raw.get("i18n"), None, "configuration", config.problems)
    collections = raw.get("collections")
    if not isinstance(collections, list):
        config.problems.append("configuration: `collections` is not a list")
        return config
    names: set[str] = set()
    for index, item in enumerate(collections):
        collection = _collection(item, index, config, converter)
        if collection is None:
            continue
        if collection.name in names:
            config.problems.append(f"collection `{collection.name}`: defined twice (first kept)")
            continue
        names.add(collection.name)
        config.collections.append(collection)
    if len(config.problems) > MAX_PROBLEMS:
        more = len(config.problems) - MAX_PROBLEMS
        config.problems[MAX_PROBLEMS:] = [f"… and {more} more"]
    return config


def collections_of(config: Config, relative_path: str) -> list[tuple[Collection, dict[str, Any]]]:
    """Every collection (with the schema that applies) that owns a file, by Decap's rules, its
    filters aside: the file collections that list it, then the folder collections in the order of
    the configuration. ``relative_path`` is relative to the repository, with ``/``."""
    parts = [part for part in relative_path.replace("\\", "/").split("/") if part not in ("", ".")]
    found: list[tuple[Collection, dict[str, Any]]] = []
    if not parts or ".." in parts:
        return found
    path = "/".join(parts)
    owning: set[int] = set()
    for index, number, default in _listed(config).get(path, ()):
        if index not in owning:  # (the first of a collection's files that is this path)
            owning.add(index)
            collection = config.collections[index]
            file = collection.files[number]
            found.append(
                (collection, file.schema if default else (file.translation_schema or file.schema))
            )
    for collection in config.collections:
        if collection.folder is not None:
            role = _folder_role(collection, path)
            if role is not None:
                schema = (
                    collection.schema
                    if role
                    else (collection.translation_schema or collection.schema)
                )
                found.append((collection, schema))
    return found


def collection_of(
    config: Config,
    relative_path: str,
    data: Mapping[str, Any] | None = None,
    owners: list[tuple[Collection, dict[str, Any]]] | None = None,
) -> tuple[Collection, dict[str, Any]] | None:
    """The collection a page belongs to, and its schema: a file collection that lists it first
    (explicit), else the first folder collection that owns it. With the page's front matter
    (``data``), a collection whose ``filter`` hides the page is passed over. ``owners``: what
    ``collections_of`` gives the page, when already known."""
    if owners is None:
        owners = collections_of(config, relative_path)
    for collection, schema in owners:
        if data is None or collection.shows(data) is not False:
            return collection, schema
    return None


def schema_of(
    fields: Any,
    problems: list[str] | None = None,
    *,
    page: bool = False,
    media: Media | None = None,
    translation: bool = False,
    where: str = "fields",
) -> dict[str, Any]:
    """The JSON Schema of an object with these Decap fields. ``page``: the top of a front-matter
    page (the ``body`` field left out, ``GENERATOR_KEYS`` allowed, ``$schema`` named);
    ``translation``: a page in a locale other than the default (untranslated fields optional)."""
    converter = _Converter(problems if problems is not None else [])
    media = media or Media(None, None)
    if page:
        return converter.page(fields, where, media, True, translation)
    return converter.object(fields, where, "", media, 0, translation)


def _allow_generator_keys(schema: dict[str, Any]) -> None:
    if "properties" in schema:
        properties = schema["properties"]
        for key in sorted(GENERATOR_KEYS):
            properties.setdefault(key, {})


# --- reading the configuration ---------------------------------------------------------------


def _str(data: Mapping[str, Any], key: str, where: str, problems: list[str]) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    problems.append(f"{where}: `{key}` is not a string")
    return None


def _bool(
    data: Mapping[str, Any], key: str, default: bool, where: str, problems: list[str]
) -> bool:
    value = data.get(key, default)
    if isinstance(value, bool):
        return value
    problems.append(f"{where}: `{key}` is not true or false")
    return default


def _count(data: Mapping[str, Any], key: str, where: str, problems: list[str]) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    problems.append(f"{where}: `{key}` is not a whole number")
    return None


def _real(data: Mapping[str, Any], key: str, where: str, problems: list[str]) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return value
    problems.append(f"{where}: `{key}` is not a number")
    return None


def _relative(value: str, where: str, key: str, problems: list[str]) -> PurePosixPath | None:
    """A path of the configuration, relative to the repository (never out of it)."""
    text = value.replace("\\", "/").strip("/")
    parts = [part for part in text.split("/") if part not in ("", ".")]
    if ".." in parts or "\0" in text:
        problems.append(f"{where}: `{key}` leaves the repository")
        return None
    return PurePosixPath(*parts) if parts else PurePosixPath(".")


def _i18n(value: Any, base: I18n | None, where: str, problems: list[str]) -> I18n | None:
    """A configuration's, a collection's or a file's ``i18n`` (``true``: the enclosing one)."""
    if value is None or value is False:
        return None
    if value is True:
        if base is None:
            problems.append(f"{where}: `i18n: true` without a global `i18n`")
        return base
    if not isinstance(value, dict):
        problems.append(f"{where}: `i18n` is not a mapping")
        return None
    structure = value.get("structure", base.structure if base else "multiple_folders")
    if not isinstance(structure, str) or structure not in I18N_STRUCTURES:
        problems.append(f"{where}: unknown i18n structure")
        return None
    locales_value = value.get("locales", list(base.locales) if base else None)
    if not isinstance(locales_value, list) or not locales_value:
        problems.append(f"{where}: i18n `locales` is not a list")
        return None
    locales = tuple(locale for locale in locales_value if isinstance(locale, str) and locale)
    if len(locales) != len(locales_value):
        problems.append(f"{where}: an i18n locale is not a string")
    if not locales:
        return None
    default = value.get("default_locale", base.default_locale if base else locales[0])
    if not isinstance(default, str) or default not in locales:
        problems.append(f"{where}: i18n `default_locale` is not one of the locales")
        default = locales[0]
    return I18n(structure, locales, default)


def _media(data: Mapping[str, Any], base: Media, where: str, problems: list[str]) -> Media:
    """The media folders of a collection, a file or a field: its own, else the enclosing ones.
    Below the configuration's top level, a folder without a leading ``/`` is relative to the
    entry's folder; ``public_folder`` defaults to ``media_folder`` (as Decap does)."""
    media = _str(data, "media_folder", where, problems)
    public = _str(data, "public_folder", where, problems)
    if media is None and public is None:
        return base
    if media is None:
        return Media(base.media_folder, public, base.entry_relative)
    return Media(media, media if public is None else public, not media.startswith("/"))


def _collection(item: Any, index: int, config: Config, converter: _Converter) -> Collection | None:
    problems = config.problems
    if not isinstance(item, dict):
        problems.append(f"collection #{index + 1}: not a mapping")
        return None
    name = item.get("name")
    if not isinstance(name, str) or not name:
        problems.append(f"collection #{index + 1}: no `name`")
        return None
    where = f"collection `{name}`"
    label = _str(item, "label", where, problems) or name
    base = Media(config.media_folder, config.public_folder)
    media = _media(item, base, where, problems)
    i18n = _i18n(item.get("i18n"), config.i18n, where, problems)
    format_ = _str(item, "format", where, problems)
    if format_ is not None and format_ not in FORMAT_EXTENSIONS:
        problems.append(f"{where}: unknown format `{format_}`")
        format_ = None
    collection = Collection(name=name, label=label, i18n=i18n)
    folder = _str(item, "folder", where, problems)
    if folder is not None:
        if "files" in item:
            problems.append(f"{where}: both `folder` and `files` (`folder` used, as Decap does)")
        collection.folder = _relative(folder, where, "folder", problems)
        if collection.folder is None:
            return None
        extension = _str(item, "extension", where, problems)
        extension = extension.lstrip(".") if extension else None
        collection.format = format_ or _format_of(extension or "md")
        collection.extension = extension or FORMAT_EXTENSIONS[collection.format]
        collection.path = _str(item, "path", where, problems)
        nested = item.get("nested")
        if isinstance(nested, dict):
            collection.nested = _count(nested, "depth", f"{where}, `nested`", problems) or None
        elif nested is not None:
            problems.append(f"{where}: `nested` is not a mapping")
        collection.filter = _filter(item.get("filter"), where, problems)
        if isinstance(item.get("index_file"), dict):
            problems.append(f"{where}: `index_file` fields are not checked apart")
        fields = item.get("fields")
        if not isinstance(fields, list):
            problems.append(f"{where}: `fields` is not a list (its pages are not checked)")
            collection.schema = {"$schema": SCHEMA_DIALECT, "title": label, "type": "object"}
            return collection
        collection.schema, collection.translation_schema, collection.body_required = _documents(
            fields, where, media, collection.format, i18n, label, converter
        )
        return collection
    files = item.get("files")
    if not isinstance(files, list):
        problems.append(f"{where}: neither `folder` nor `files`")
        return None
    collection.format = format_ or "frontmatter"
    paths: set[PurePosixPath] = set()
    for number, entry in enumerate(files):
        file = _file(entry, number, where, format_, media, i18n, converter, problems)
        if file is None:
            continue
        if file.path in paths:
            problems.append(f"{where}: file `{file.path}` listed twice (first kept)")
            continue
        paths.add(file.path)
        collection.files.append(file)
    return collection


def _file(
    entry: Any,
    number: int,
    where: str,
    format_: str | None,
    media: Media,
    i18n: I18n | None,
    converter: _Converter,
    problems: list[str],
) -> CollectionFile | None:
    if not isinstance(entry, dict):
        problems.append(f"{where}: file #{number + 1} is not a mapping")
        return None
    name = entry.get("name")
    path_text = entry.get("file")
    if not isinstance(name, str) or not name or not isinstance(path_text, str) or not path_text:
        problems.append(f"{where}: file #{number + 1} has no `name` or no `file`")
        return None
    here = f"{where}, file `{name}`"
    path = _relative(path_text, here, "file", problems)
    if path is None:
        return None
    label = _str(entry, "label", here, problems) or name
    media = _media(entry, media, here, problems)
    if i18n is None:
        if entry.get("i18n") not in (None, False):
            problems.append(f"{here}: `i18n` ignored (the collection has none)")
    else:  # Decap: a listed file has i18n when it says so, in its collection's i18n
        i18n = _i18n(entry.get("i18n"), i18n, here, problems)
    suffix = path.suffix.lstrip(".")
    fmt = format_ or _format_of(suffix)
    fields = entry.get("fields")
    if not isinstance(fields, list):
        problems.append(f"{here}: `fields` is not a list (not checked)")
        schema: dict[str, Any] = {"$schema": SCHEMA_DIALECT, "title": label, "type": "object"}
        return CollectionFile(path, name, label, schema, None, fmt, None, i18n)
    schema, translation, required = _documents(fields, here, media, fmt, i18n, label, converter)
    return CollectionFile(path, name, label, schema, translation, fmt, required, i18n)


def _format_of(extension: str) -> str:
    """Decap's format of a file by its extension, when the collection names none (a data file,
    else front matter)."""
    return extension if extension in _DATA_FORMATS else "frontmatter"


def _documents(
    fields: list[Any],
    where: str,
    media: Media,
    format_: str,
    i18n: I18n | None,
    label: str,
    converter: _Converter,
) -> tuple[dict[str, Any], dict[str, Any] | None, bool | None]:
    """The schema of a collection's (or a listed file's) documents, the schema of its other
    locales' documents, and whether Decap requires the body."""
    frontmatter = format_ in FRONTMATTER_FORMATS
    if i18n is not None and i18n.structure == "single_file":
        default = converter.object(fields, where, "", media, 0, False)
        with converter.muted():
            translation = converter.object(fields, where, "", media, 0, True)
        return _single_file(i18n, default, translation, label, frontmatter), None, None
    schema = converter.page(fields, where, media, frontmatter, False, label)
    other = None
    if i18n is not None:
        with converter.muted():
            other = converter.page(fields, where, media, frontmatter, True, label)
    return schema, other, (_body_required(fields) if frontmatter else None)


def _body_required(fields: list[Any]) -> bool | None:
    for item in fields:
        if isinstance(item, dict) and item.get("name") == "body":
            required = item.get("required", True)
            return required if isinstance(required, bool) else True
    return None


def _single_file(
    i18n: I18n,
    default: dict[str, Any],
    translation: dict[str, Any],
    label: str,
    frontmatter: bool,
) -> dict[str, Any]:
    """One file holding every locale: ``{locale: fields}`` (each with its ``body``)."""
    properties = {
        locale: default if locale == i18n.default_locale else translation for locale in i18n.locales
    }
    schema = {
        "$schema": SCHEMA_DIALECT,
        "title": label,
        "type": "object",
        "properties": properties,
        "required": [i18n.default_locale],
        "additionalProperties": False,
    }
    if frontmatter:
        _allow_generator_keys(schema)
    return schema


def _filter(value: Any, where: str, problems: list[str]) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("field"), str):
        problems.append(f"{where}: `filter` is not `{{field, value}}` (ignored)")
        return None
    if "value" in value:
        return {"field": value["field"], "value": value["value"]}
    if isinstance(value.get("pattern"), str):
        return {"field": value["field"], "pattern": value["pattern"]}
    problems.append(f"{where}: `filter` has no `value` (ignored)")
    return None


# --- which collection owns a file -------------------------------------------------------------


def _listed(config: Config) -> dict[str, list[tuple[int, int, bool]]]:
    """``config.listed``: which file of which file collection each path is, in the default
    locale or another (once for all: a page is looked up, not compared with every listed
    file)."""
    if config.listed is None:
        listed: dict[str, list[tuple[int, int, bool]]] = {}
        for index, collection in enumerate(config.collections):
            if collection.folder is not None:
                continue
            for number, file in enumerate(collection.files):
                own = file.path.as_posix()
                if file.i18n is None or file.i18n.structure == "single_file":
                    roles = {own: True}
                else:
                    roles = {}
                    for locale in file.i18n.locales:  # (the first locale at a path decides)
                        where = _locale_path(file.i18n.structure, own, file.name, locale)
                        roles.setdefault(where, locale == file.i18n.default_locale)
                for where, role in roles.items():
                    listed.setdefault(where, []).append((index, number, role))
        config.listed = listed
    return config.listed


def _locale_path(structure: str, path: str, slug: str, locale: str) -> str:
    """Decap's ``getFilePath``: where a locale's version of a file is."""
    if structure == "multiple_folders_i18n_root":
        parts = path.split("/")
        return "/".join([*parts[:1], locale, *parts[1:]])
    if structure == "multiple_folders":
        return path.replace(f"/{slug}", f"/{locale}/{slug}", 1)
    if structure == "multiple_files":
        stem, dot, extension = path.rpartition(".")
        return f"{stem}.{locale}.{extension}" if dot else f"{path}.{locale}"
    return path


def _folder_role(collection: Collection, path: str) -> bool | None:
    """Whether a folder collection owns ``path``: True in the default locale (or without
    i18n), False in another locale, None when it does not."""
    assert collection.folder is not None
    folder = collection.folder.as_posix()
    i18n = collection.i18n
    locale: str | None = None
    if i18n is not None and i18n.structure == "multiple_folders_i18n_root":
        parts = path.split("/")
        if len(parts) < 3 or parts[1] not in i18n.locales:
            return None
        locale = parts[1]
        path = "/".join([parts[0], *parts[2:]])
    if folder != ".":
        if not path.startswith(folder + "/"):
            return None
        rest = path[len(folder) + 1 :]
    else:
        rest = path
    parts = rest.split("/")
    depth = collection.depth - (1 if locale is not None else 0)
    if not rest or "" in parts or len(parts) > depth:
        return None
    if not parts[-1].endswith("." + collection.extension):
        return None
    if collection.path and not _path_matches(folder, collection.path, path):
        return None
    if i18n is None or i18n.structure == "single_file":
        return True
    if i18n.structure == "multiple_folders":
        locale = parts[-2] if len(parts) >= 2 else None
    elif i18n.structure == "multiple_files":
        stem = parts[-1][: -len(collection.extension) - 1]
        locale = stem.rpartition(".")[2] if "." in stem else None
    if locale is None or locale not in i18n.locales:
        return True  # Decap lists it with the entries of the default locale
    return locale == i18n.default_locale


def _path_matches(folder: str, template: str, path: str) -> bool:
    """Decap's ``collectionRegex``: ``folder/path`` with ``{{…}}`` (from the first ``{{`` to the
    last ``}}``) matching anything, searched in the file's path; done without a regex."""
    rule = template if folder == "." else f"{folder}/{template}"
    start, end = rule.find("{{"), rule.rfind("}}")
    if start < 0 or end < start:
        return rule in path
    before, after = rule[:start], rule[end + 2 :]
    first = path.find(before)
    return first >= 0 and path.find(after, first + len(before)) >= 0


# --- fields to schemas ------------------------------------------------------------------------


class _Converter:
    """Converts Decap fields; notes what it skips; counts fields against ``MAX_FIELDS``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        self.fields = 0
        self.exhausted = False
        self.quiet = 0

    def note(self, where: str, reason: str) -> None:
        if not self.quiet:
            self.problems.append(f"{where}: {reason}")

    @contextmanager
    def muted(self) -> Iterator[None]:
        """A second pass over the same fields (another locale's schema): no note twice."""
        self.quiet += 1
        saved = list(self.problems)
        try:
            yield
        finally:
            self.quiet -= 1
            self.problems[:] = saved

    def page(
        self,
        fields: Any,
        where: str,
        media: Media,
        frontmatter: bool,
        translation: bool,
        title: str | None = None,
    ) -> dict[str, Any]:
        """A document's schema: ``$schema`` named; in a front-matter page, the ``body`` field
        left out and ``GENERATOR_KEYS`` allowed."""
        schema = self.object(fields, where, "", media, 0, translation, skip_body=frontmatter)
        result: dict[str, Any] = {"$schema": SCHEMA_DIALECT}
        if title is not None:
            result["title"] = title
        result.update(schema)
        if frontmatter:
            _allow_generator_keys(result)
        return result

    def object(
        self,
        fields: Any,
        where: str,
        prefix: str,
        media: Media,
        depth: int,
        translation: bool,
        skip_body: bool = False,
    ) -> dict[str, Any]:
        """``{"type": "object", properties, required, additionalProperties: false}``."""
        properties: dict[str, Any] = {}
        required: list[str] = []
        if not isinstance(fields, list):
            self.note(
                self.at(where, prefix.rstrip(".")), "`fields` is not a list (any object accepted)"
            )
            return {"type": "object"}
        for item in fields:
            name = item.get("name") if isinstance(item, dict) else None
            if skip_body and name == "body":
                continue  # the page's text, not a key
            if isinstance(name, str) and name in properties:
                self.note(self.at(where, prefix + name), "defined twice (first kept)")
                continue
            converted = self.field(item, where, prefix, media, depth, translation)
            if converted is None:
                continue
            name, schema, is_required = converted
            properties[name] = schema
            if is_required:
                required.append(name)
        result: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        return result

    @staticmethod
    def at(where: str, name: str) -> str:
        return f"{where}, field `{name}`" if name else where

    def field(
        self,
        item: Any,
        where: str,
        prefix: str,
        media: Media,
        depth: int,
        translation: bool,
    ) -> tuple[str, dict[str, Any], bool] | None:
        """A field's name, schema, and whether Decap requires it."""
        if not isinstance(item, dict):
            self.note(self.at(where, prefix.rstrip(".")), "a field is not a mapping")
            return None
        name = item.get("name")
        if not isinstance(name, str) or not name:
            self.note(self.at(where, prefix.rstrip(".")), "a field has no `name`")
            return None
        here = self.at(where, prefix + name)
        required = item.get("required", True)
        if not isinstance(required, bool):
            self.note(here, "`required` is not true or false")
            required = True
        if translation and _i18n_mode(item, here, self) == "none":
            required = False
        schema = self.value(item, where, prefix + name, media, depth, translation, required)
        return name, schema, required

    def value(
        self,
        item: dict[str, Any],
        where: str,
        name: str,
        media: Media,
        depth: int,
        translation: bool,
        required: bool,
    ) -> dict[str, Any]:
        """The schema of one field's value (with its annotations)."""
        here = self.at(where, name)
        self.fields += 1
        if self.fields > MAX_FIELDS:
            if not self.exhausted:
                self.exhausted = True
                self.note(here, f"more than {MAX_FIELDS} fields: the rest is not checked")
            return {}
        if depth >= MAX_DEPTH:
            self.note(here, f"nested more than {MAX_DEPTH} levels: not checked")
            return {}
        widget = item.get("widget", "string")
        if not isinstance(widget, str):
            self.note(here, "`widget` is not a string (any value accepted)")
            widget = ""
        media = _media(item, media, here, self.problems)
        builder = _WIDGETS.get(widget)
        if builder is None:
            if widget:
                self.note(here, f"unknown widget `{widget}` (any value accepted)")
            schema: dict[str, Any] = {}
        else:
            context = _Field(self, item, where, name, here, media, depth, translation, required)
            schema = builder(context)
        annotations: dict[str, Any] = {}
        label = item.get("label")
        if isinstance(label, str):
            annotations["title"] = label
        hint = item.get("hint")
        if isinstance(hint, str):
            annotations["description"] = hint
        if "default" in item:
            annotations["default"] = item["default"]
        schema = {**annotations, **schema}
        _user_pattern(schema, item, here, self, required)
        if required:
            _not_empty(schema)
        else:
            _nullable(schema)
        return schema


def _i18n_mode(item: Mapping[str, Any], where: str, converter: _Converter) -> str:
    value = item.get("i18n", False)
    if value is True or value == "translate":
        return "translate"
    if value == "duplicate":
        return "duplicate"
    if value is False or value == "none":
        return "none"
    converter.note(where, "`i18n` is not true, false, translate, duplicate or none")
    return "none"


@dataclass
class _Field:
    """What a widget's builder needs."""

    converter: _Converter
    item: dict[str, Any]
    where: str
    name: str
    here: str
    media: Media
    depth: int
    translation: bool
    required: bool

    @property
    def problems(self) -> list[str]:
        return self.converter.problems

    def child(self, item: Any, suffix: str) -> dict[str, Any] | None:
        """The value schema of a nested field (a list's ``field``)."""
        converted = self.converter.field(
            item, self.where, self.name + suffix, self.media, self.depth + 1, self.translation
        )
        return None if converted is None else converted[1]

    def object(self, fields: Any, suffix: str = "") -> dict[str, Any]:
        return self.converter.object(
            fields,
            self.where,
            self.name + suffix + ".",
            self.media,
            self.depth + 1,
            self.translation,
        )


def _types(schema: Mapping[str, Any]) -> set[str] | None:
    kind = schema.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return set(kind)
    return None


def _not_empty(schema: dict[str, Any]) -> None:
    """Decap's emptiness: null, ``""`` and ``[]`` are empty (a required field's value is not)."""
    kinds = _types(schema)
    if "enum" in schema:
        return
    if kinds is None:
        schema["type"] = list(NOT_NULL)
        kinds = set(NOT_NULL)
    if "string" in kinds:
        schema["minLength"] = max(1, schema.get("minLength", 0))
    if "array" in kinds:
        schema["minItems"] = max(1, schema.get("minItems", 0))


def _nullable(schema: dict[str, Any]) -> None:
    """An optional field may be null (Decap writes null when a select is cleared; a hand-written
    ``key:`` means nothing)."""
    kinds = schema.get("type")
    if isinstance(kinds, str):
        schema["type"] = [kinds, "null"]
    elif isinstance(kinds, list) and "null" not in kinds:
        schema["type"] = [*kinds, "null"]
    if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]


def _add_pattern(schema: dict[str, Any], pattern: str, message: str | None, required: bool) -> None:
    """A pattern a non-empty string must match (an optional field may be ``""``: Decap tests a
    pattern on non-empty values only)."""
    target: dict[str, Any] = {"pattern": pattern}
    if message is not None:
        target["errorMessage"] = message
    if not required:
        target = {"if": {"minLength": 1}, "then": target}
    if not any(key in schema for key in target):
        schema.update(target)
    else:
        schema.setdefault("allOf", []).append(target)


def _user_pattern(
    schema: dict[str, Any],
    item: Mapping[str, Any],
    where: str,
    converter: _Converter,
    required: bool,
) -> None:
    """``pattern: [regex, message]``: copied (never compiled here)."""
    pattern = item.get("pattern")
    if pattern is None:
        return
    if (
        not isinstance(pattern, list)
        or not pattern
        or not isinstance(pattern[0], str)
        or (len(pattern) > 1 and not isinstance(pattern[1], str))
    ):
        converter.note(where, "`pattern` is not `[regex, message]` (ignored)")
        return
    message = pattern[1] if len(pattern) > 1 else None
    _add_pattern(schema, pattern[0], message, required)


# --- widgets ----------------------------------------------------------------------------------


def _string(f: _Field) -> dict[str, Any]:
    return {"type": "string"}


def _code(f: _Field) -> dict[str, Any]:
    if _bool(f.item, "output_code_only", False, f.here, f.problems):
        return {"type": "string"}
    keys = f.item.get("keys")
    code, lang = "code", "lang"
    if isinstance(keys, dict):
        code = keys["code"] if isinstance(keys.get("code"), str) else code
        lang = keys["lang"] if isinstance(keys.get("lang"), str) else lang
    elif keys is not None:
        f.converter.note(f.here, "`keys` is not a mapping")
    return {
        "type": ["string", "object"],
        "properties": {code: {"type": "string"}, lang: {"type": "string"}},
        "additionalProperties": False,
    }


def _number_widget(f: _Field) -> dict[str, Any]:
    value_type = f.item.get("value_type")
    schema: dict[str, Any]
    if value_type == "int":
        schema = {"type": "integer"}
    elif value_type == "float":
        schema = {"type": "number"}
    else:
        schema = {"type": ["string", "number"]}
        _add_pattern(schema, NUMERIC_STRING, None, f.required)
    if "pattern" not in f.item:  # Decap: "pattern overrides min/max logic always"
        minimum = _number_option(f, "min")
        maximum = _number_option(f, "max")
        if minimum is not None:
            schema["minimum"] = minimum
        if maximum is not None:
            schema["maximum"] = maximum
    return schema


def _number_option(f: _Field, key: str) -> float | None:
    return _real(f.item, key, f.here, f.problems) if key in f.item else None


def _boolean(f: _Field) -> dict[str, Any]:
    return {"type": "boolean"}


def _datetime(f: _Field) -> dict[str, Any]:
    """Decap's ``getFormat``: ``format`` wins; else ``date_format`` and ``time_format`` (true: the
    input's own format) joined by ``T``; else ISO 8601. ``picker_utc`` makes ``Z`` literal."""
    schema: dict[str, Any] = {"type": "string"}
    utc = f.item.get("picker_utc") is True
    user = f.item.get("format")
    date = f.item.get("date_format")
    time = f.item.get("time_format")
    date = "YYYY-MM-DD" if date is True else date
    time = "HH:mm" if time is True else time
    for key, value in (("format", user), ("date_format", date), ("time_format", time)):
        if value is not None and not isinstance(value, (str, bool)):
            f.converter.note(f.here, f"`{key}` is not a string (ignored)")
    stored: str | None = None
    if isinstance(user, str):
        stored = user
    elif isinstance(date, str) and isinstance(time, str):
        stored = f"{date}T{time}"
    elif isinstance(time, str):
        stored = time
    elif isinstance(date, str):
        stored = date
    if stored is None:
        _add_pattern(schema, f"^{ISO_8601}$", ISO_MESSAGE, f.required)
        return schema
    if len(stored) > MAX_FORMAT_LENGTH:
        f.converter.note(f.here, "the date format is too long (any string accepted)")
        return schema
    if utc:
        stored_pattern = moment_pattern(re.sub(r"Z(?!\])", "[Z]", stored, count=1))
    else:
        stored_pattern = moment_pattern(stored)
    if isinstance(user, str):
        _add_pattern(schema, f"^(?:{stored_pattern})$", stored, f.required)
    else:
        both = f"^(?:{stored_pattern})$|^{ISO_8601}$"
        _add_pattern(schema, both, f"{stored} | {ISO_MESSAGE}", f.required)
    return schema


def _options(f: _Field) -> list[Any] | None:
    options = f.item.get("options")
    if not isinstance(options, list) or not options:
        f.converter.note(f.here, "`options` is not a list (any value accepted)")
        return None
    values: list[Any] = []
    seen: set[str | float] = set()
    for option in options:
        value = option.get("value") if isinstance(option, dict) else option
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            if isinstance(value, float) and not math.isfinite(value):
                f.converter.note(f.here, "an option is not a finite number")
            elif value not in seen:
                seen.add(value)
                values.append(value)
        else:
            f.converter.note(f.here, "an option is not a string, a number or `{label, value}`")
    return values or None


def _min_max(f: _Field, schema: dict[str, Any]) -> None:
    """Decap's ``validateMinMax`` on a list's size: with both bounds, the size is within them;
    with ``min`` alone, an empty list passes; ``max`` alone bounds it."""
    minimum = _count(f.item, "min", f.here, f.problems)
    maximum = _count(f.item, "max", f.here, f.problems)
    if minimum is not None and maximum is not None:
        schema["minItems"] = minimum
        schema["maxItems"] = maximum
        return
    if minimum is not None and minimum > 0:
        schema["if"] = {"type": "array", "minItems": 1}
        schema["then"] = {"minItems": minimum}
    if maximum is not None:
        schema["maxItems"] = maximum


def _select(f: _Field) -> dict[str, Any]:
    values = _options(f)
    multiple = _bool(f.item, "multiple", False, f.here, f.problems)
    item: dict[str, Any] = {} if values is None else {"enum": values}
    if not multiple:
        return item
    schema: dict[str, Any] = {"type": "array", "items": item, "uniqueItems": True}
    _min_max(f, schema)
    return schema


def _list(f: _Field) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array"}
    fields, single, types = f.item.get("fields"), f.item.get("field"), f.item.get("types")
    if fields is not None:
        schema["items"] = f.object(fields)
    elif single is not None:
        items = f.child(single, ".*")
        schema["items"] = items if items is not None else {}
    elif types is not None:
        schema["items"] = _typed_items(f, types)
    else:
        schema["items"] = {"type": "string"}
    _min_max(f, schema)
    return schema


def _typed_items(f: _Field, types: Any) -> dict[str, Any]:
    """Variable types: each item's ``typeKey`` names its type; the type's fields apply."""
    key = f.item.get("typeKey", "type")
    if not isinstance(key, str) or not key:
        f.converter.note(f.here, "`typeKey` is not a string")
        key = "type"
    if not isinstance(types, list):
        f.converter.note(f.here, "`types` is not a list (any item accepted)")
        return {}
    names: list[str] = []
    seen: set[str] = set()
    cases: list[dict[str, Any]] = []
    for kind in types:
        name = kind.get("name") if isinstance(kind, dict) else None
        if not isinstance(name, str) or not name:
            f.converter.note(f.here, "a type has no `name`")
            continue
        if name in seen:
            f.converter.note(f.here, f"type `{name}` defined twice (first kept)")
            continue
        seen.add(name)
        assert isinstance(kind, dict)
        widget = kind.get("widget", "object")
        if widget != "object":
            f.converter.note(f.here, f"type `{name}` is not an object (any item accepted)")
            then: dict[str, Any] = {}
        else:
            body = f.object(kind.get("fields", []), f".{name}")
            properties = {key: {"const": name}, **body.get("properties", {})}
            required = [key, *[r for r in body.get("required", []) if r != key]]
            then = {"type": "object", "properties": properties, "required": required}
            if "properties" in body:
                then["additionalProperties"] = False
            label = kind.get("label")
            if isinstance(label, str):
                then = {"title": label, **then}
        names.append(name)
        cases.append(
            {"if": {"properties": {key: {"const": name}}, "required": [key]}, "then": then}
        )
    items: dict[str, Any] = {
        "type": "object",
        "properties": {key: {"enum": names}},
        "required": [key],
    }
    if cases:
        items["allOf"] = cases
    return items


def _object(f: _Field) -> dict[str, Any]:
    return f.object(f.item.get("fields"))


def _media_widget(f: _Field) -> dict[str, Any]:
    widget = f.item.get("widget", "file")
    multiple = f.item.get("multiple") is True or f.item.get("allow_multiple") is True
    library = f.item.get("media_library")
    if isinstance(library, dict):
        options = library.get("config")
        if isinstance(options, dict) and options.get("multiple") is True:
            multiple = True
    schema: dict[str, Any] = {"type": ["string", "array"] if multiple else "string"}
    if multiple:
        schema["items"] = {"type": "string"}
    schema["x-frontlint-media"] = f.media.annotation(widget)
    return schema


def _relation(f: _Field) -> dict[str, Any]:
    multiple = _bool(f.item, "multiple", False, f.here, f.problems)
    target = f.item.get("collection")
    value_field = f.item.get("value_field", f.item.get("valueField"))
    search = f.item.get("search_fields", f.item.get("searchFields"))
    annotation: dict[str, Any] = {}
    if isinstance(target, str):
        annotation["collection"] = target
    else:
        f.converter.note(f.here, "`collection` is not a string")
    if isinstance(value_field, str):
        annotation["value_field"] = value_field
    else:
        f.converter.note(f.here, "`value_field` is not a string")
    if isinstance(search, list) and all(isinstance(s, str) for s in search):
        annotation["search_fields"] = list(search)
    else:
        f.converter.note(f.here, "`search_fields` is not a list of strings")
        annotation["search_fields"] = []
    file = f.item.get("file")
    if isinstance(file, str):
        annotation["file"] = file
    elif file is not None:
        f.converter.note(f.here, "`file` is not a string")
    annotation["multiple"] = multiple
    schema: dict[str, Any]
    if multiple:
        schema = {"type": "array", "items": {"type": "string"}}
        _min_max(f, schema)
    else:
        schema = {"type": "string"}
    schema["x-frontlint-relation"] = annotation
    return schema


def _hidden(f: _Field) -> dict[str, Any]:
    return {}


def _color(f: _Field) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if _bool(f.item, "allowInput", False, f.here, f.problems):
        return schema
    alpha = _bool(f.item, "enableAlpha", False, f.here, f.problems)
    _add_pattern(schema, RGBA_COLOR if alpha else HEX_COLOR, None, f.required)
    return schema


_WIDGETS = {
    "string": _string,
    "text": _string,
    "markdown": _string,
    "map": _string,
    "code": _code,
    "number": _number_widget,
    "boolean": _boolean,
    "datetime": _datetime,
    "date": _datetime,
    "select": _select,
    "list": _list,
    "object": _object,
    "image": _media_widget,
    "file": _media_widget,
    "relation": _relation,
    "hidden": _hidden,
    "color": _color,
}
