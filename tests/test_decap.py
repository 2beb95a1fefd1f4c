"""Schemas derived from a Decap CMS configuration (linter/site/decap.py): each widget's exact
schema, which collection owns a page, hostile configurations, and the real site's configuration
applied to every one of its pages."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from linter.document import read_document
from linter.site import decap
from linter.site.decap import GENERATOR_KEYS, HEX_COLOR, NUMERIC_STRING, RGBA_COLOR, Media
from tests.conftest import SITE

ISO = decap.ISO_8601
ISO_PATTERN = f"^{ISO}$"
DAY = "(?:0[1-9]|[12][0-9]|3[01])"
MONTH = "(?:0[1-9]|1[0-2])"
HOUR = "(?:[01][0-9]|2[0-3])"
MEDIA = Media("static/img", "/img")


def convert(field: dict, **options: Any) -> tuple[dict, list[str], list[str]]:
    """(the field's schema, the object's `required`, the problems) of one field."""
    problems: list[str] = []
    schema = decap.schema_of([field], problems, **options)
    return schema["properties"][field["name"]], schema.get("required", []), problems


def valid(schema: dict, value: Any) -> bool:
    return Draft202012Validator(schema).is_valid(value)


# --- each widget ---------------------------------------------------------------------------------

WIDGETS = [
    (
        {"name": "t", "label": "Titre", "hint": "Court", "widget": "string", "default": "x"},
        {
            "title": "Titre",
            "description": "Court",
            "default": "x",
            "type": "string",
            "minLength": 1,
        },
        True,
    ),
    ({"name": "t"}, {"type": "string", "minLength": 1}, True),
    ({"name": "t", "widget": "text", "required": False}, {"type": ["string", "null"]}, False),
    ({"name": "t", "widget": "markdown"}, {"type": "string", "minLength": 1}, True),
    ({"name": "t", "widget": "map"}, {"type": "string", "minLength": 1}, True),
    (
        {"name": "c", "widget": "code"},
        {
            "type": ["string", "object"],
            "properties": {"code": {"type": "string"}, "lang": {"type": "string"}},
            "additionalProperties": False,
            "minLength": 1,
        },
        True,
    ),
    (
        {"name": "c", "widget": "code", "output_code_only": True},
        {"type": "string", "minLength": 1},
        True,
    ),
    (
        {
            "name": "c",
            "widget": "code",
            "required": False,
            "keys": {"code": "src", "lang": "language"},
        },
        {
            "type": ["string", "object", "null"],
            "properties": {"src": {"type": "string"}, "language": {"type": "string"}},
            "additionalProperties": False,
        },
        False,
    ),
    (
        {"name": "n", "widget": "number", "value_type": "int", "min": 1, "max": 101, "step": 2},
        {"type": "integer", "minimum": 1, "maximum": 101},
        True,
    ),
    (
        {"name": "n", "widget": "number", "value_type": "float", "required": False},
        {"type": ["number", "null"]},
        False,
    ),
    (
        {"name": "n", "widget": "number"},
        {"type": ["string", "number"], "pattern": NUMERIC_STRING, "minLength": 1},
        True,
    ),
    (
        {"name": "n", "widget": "number", "required": False, "min": 0},
        {
            "type": ["string", "number", "null"],
            "if": {"minLength": 1},
            "then": {"pattern": NUMERIC_STRING},
            "minimum": 0,
        },
        False,
    ),
    (
        {
            "name": "n",
            "widget": "number",
            "value_type": "int",
            "min": 3,
            "pattern": ["^[0-9]+$", "digits"],
        },
        {"type": "integer", "pattern": "^[0-9]+$", "errorMessage": "digits"},
        True,
    ),
    (
        {"name": "b", "widget": "boolean", "default": False},
        {"default": False, "type": "boolean"},
        True,
    ),
    ({"name": "b", "widget": "boolean", "required": False}, {"type": ["boolean", "null"]}, False),
    (
        {"name": "d", "widget": "datetime"},
        {"type": "string", "pattern": ISO_PATTERN, "errorMessage": "ISO 8601", "minLength": 1},
        True,
    ),
    (
        {"name": "d", "widget": "date"},
        {"type": "string", "pattern": ISO_PATTERN, "errorMessage": "ISO 8601", "minLength": 1},
        True,
    ),
    (
        {"name": "d", "widget": "datetime", "required": False},
        {
            "type": ["string", "null"],
            "if": {"minLength": 1},
            "then": {"pattern": ISO_PATTERN, "errorMessage": "ISO 8601"},
        },
        False,
    ),
    (
        {"name": "d", "widget": "datetime", "format": "DD/MM/YYYY"},
        {
            "type": "string",
            "pattern": f"^(?:{DAY}\\/{MONTH}\\/[0-9]{{4}})$",
            "errorMessage": "DD/MM/YYYY",
            "minLength": 1,
        },
        True,
    ),
    (
        {"name": "d", "widget": "datetime", "date_format": "DD.MM.YYYY", "time_format": "HH:mm"},
        {
            "type": "string",
            "pattern": f"^(?:{DAY}\\.{MONTH}\\.[0-9]{{4}}T{HOUR}:[0-5][0-9])$|{ISO_PATTERN}",
            "errorMessage": "DD.MM.YYYYTHH:mm | ISO 8601",
            "minLength": 1,
        },
        True,
    ),
    (
        {"name": "d", "widget": "datetime", "date_format": True, "time_format": False},
        {
            "type": "string",
            "pattern": f"^(?:[0-9]{{4}}-{MONTH}-{DAY})$|{ISO_PATTERN}",
            "errorMessage": "YYYY-MM-DD | ISO 8601",
            "minLength": 1,
        },
        True,
    ),
    (
        {"name": "d", "widget": "datetime", "time_format": "h:mm a"},
        {
            "type": "string",
            "pattern": f"^(?:(?:1[0-2]|[1-9]):[0-5][0-9] [^0-9\\s]+)$|{ISO_PATTERN}",
            "errorMessage": "h:mm a | ISO 8601",
            "minLength": 1,
        },
        True,
    ),
    (
        {"name": "d", "widget": "datetime", "format": "YYYY-MM-DDTHH:mmZ", "picker_utc": True},
        {
            "type": "string",
            "pattern": f"^(?:[0-9]{{4}}-{MONTH}-{DAY}T{HOUR}:[0-5][0-9]Z)$",
            "errorMessage": "YYYY-MM-DDTHH:mmZ",
            "minLength": 1,
        },
        True,
    ),
    ({"name": "s", "widget": "select", "options": ["a", "b", "a"]}, {"enum": ["a", "b"]}, True),
    (
        {
            "name": "s",
            "widget": "select",
            "required": False,
            "options": [{"label": "X", "value": "x"}, 2],
        },
        {"enum": ["x", 2, None]},
        False,
    ),
    (
        {
            "name": "s",
            "widget": "select",
            "multiple": True,
            "min": 1,
            "max": 2,
            "options": ["a", "b", "c"],
        },
        {
            "type": "array",
            "items": {"enum": ["a", "b", "c"]},
            "uniqueItems": True,
            "minItems": 1,
            "maxItems": 2,
        },
        True,
    ),
    (
        {
            "name": "s",
            "widget": "select",
            "multiple": True,
            "min": 2,
            "required": False,
            "options": ["a", "b", "c"],
        },
        {
            "type": ["array", "null"],
            "items": {"enum": ["a", "b", "c"]},
            "uniqueItems": True,
            "if": {"type": "array", "minItems": 1},
            "then": {"minItems": 2},
        },
        False,
    ),
    (
        {"name": "l", "widget": "list"},
        {"type": "array", "items": {"type": "string"}, "minItems": 1},
        True,
    ),
    (
        {
            "name": "l",
            "widget": "list",
            "required": False,
            "field": {"name": "tag", "label": "Tag"},
        },
        {"type": ["array", "null"], "items": {"title": "Tag", "type": "string", "minLength": 1}},
        False,
    ),
    (
        {
            "name": "l",
            "widget": "list",
            "max": 3,
            "fields": [{"name": "a"}, {"name": "b", "widget": "boolean", "required": False}],
        },
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "a": {"type": "string", "minLength": 1},
                    "b": {"type": ["boolean", "null"]},
                },
                "required": ["a"],
                "additionalProperties": False,
            },
            "maxItems": 3,
            "minItems": 1,
        },
        True,
    ),
    (
        {"name": "l", "widget": "list", "min": 2, "max": 4, "fields": [{"name": "a"}]},
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"a": {"type": "string", "minLength": 1}},
                "required": ["a"],
                "additionalProperties": False,
            },
            "minItems": 2,
            "maxItems": 4,
        },
        True,
    ),
    (
        {
            "name": "sections",
            "widget": "list",
            "typeKey": "kind",
            "types": [
                {"name": "carousel", "label": "Carousel", "fields": [{"name": "header"}]},
                {
                    "name": "spotlight",
                    "widget": "object",
                    "fields": [{"name": "text", "widget": "markdown", "required": False}],
                },
            ],
        },
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"kind": {"enum": ["carousel", "spotlight"]}},
                "required": ["kind"],
                "allOf": [
                    {
                        "if": {"properties": {"kind": {"const": "carousel"}}, "required": ["kind"]},
                        "then": {
                            "title": "Carousel",
                            "type": "object",
                            "properties": {
                                "kind": {"const": "carousel"},
                                "header": {"type": "string", "minLength": 1},
                            },
                            "required": ["kind", "header"],
                            "additionalProperties": False,
                        },
                    },
                    {
                        "if": {
                            "properties": {"kind": {"const": "spotlight"}},
                            "required": ["kind"],
                        },
                        "then": {
                            "type": "object",
                            "properties": {
                                "kind": {"const": "spotlight"},
                                "text": {"type": ["string", "null"]},
                            },
                            "required": ["kind"],
                            "additionalProperties": False,
                        },
                    },
                ],
            },
            "minItems": 1,
        },
        True,
    ),
    (
        {
            "name": "o",
            "label": "Bouton",
            "widget": "object",
            "required": False,
            "fields": [{"name": "title", "required": False}, {"name": "url"}],
        },
        {
            "title": "Bouton",
            "type": ["object", "null"],
            "properties": {
                "title": {"type": ["string", "null"]},
                "url": {"type": "string", "minLength": 1},
            },
            "required": ["url"],
            "additionalProperties": False,
        },
        False,
    ),
    (
        {"name": "i", "widget": "image"},
        {
            "type": "string",
            "x-frontlint-media": {
                "widget": "image",
                "media_folder": "static/img",
                "public_folder": "/img",
                "entry_relative": False,
            },
            "minLength": 1,
        },
        True,
    ),
    (
        {"name": "f", "widget": "file", "required": False, "media_folder": "files"},
        {
            "type": ["string", "null"],
            "x-frontlint-media": {
                "widget": "file",
                "media_folder": "files",
                "public_folder": "files",
                "entry_relative": True,
            },
        },
        False,
    ),
    (
        {
            "name": "i",
            "widget": "image",
            "multiple": True,
            "media_folder": "/assets",
            "public_folder": "/a",
        },
        {
            "type": ["string", "array"],
            "items": {"type": "string"},
            "x-frontlint-media": {
                "widget": "image",
                "media_folder": "/assets",
                "public_folder": "/a",
                "entry_relative": False,
            },
            "minLength": 1,
            "minItems": 1,
        },
        True,
    ),
    (
        {
            "name": "r",
            "widget": "relation",
            "collection": "pages",
            "valueField": "title",
            "searchFields": ["title"],
            "file": "home",
        },
        {
            "type": "string",
            "x-frontlint-relation": {
                "collection": "pages",
                "value_field": "title",
                "search_fields": ["title"],
                "file": "home",
                "multiple": False,
            },
            "minLength": 1,
        },
        True,
    ),
    (
        {
            "name": "r",
            "widget": "relation",
            "collection": "authors",
            "value_field": "{{slug}}",
            "search_fields": ["name", "bio"],
            "multiple": True,
            "max": 2,
            "required": False,
        },
        {
            "type": ["array", "null"],
            "items": {"type": "string"},
            "maxItems": 2,
            "x-frontlint-relation": {
                "collection": "authors",
                "value_field": "{{slug}}",
                "search_fields": ["name", "bio"],
                "multiple": True,
            },
        },
        False,
    ),
    (
        {"name": "h", "widget": "hidden", "default": True},
        {
            "default": True,
            "type": ["string", "number", "boolean", "array", "object"],
            "minLength": 1,
            "minItems": 1,
        },
        True,
    ),
    ({"name": "h", "widget": "hidden", "required": False, "default": "x"}, {"default": "x"}, False),
    (
        {"name": "c", "widget": "color"},
        {"type": "string", "pattern": HEX_COLOR, "minLength": 1},
        True,
    ),
    (
        {"name": "c", "widget": "color", "enableAlpha": True, "required": False},
        {"type": ["string", "null"], "if": {"minLength": 1}, "then": {"pattern": RGBA_COLOR}},
        False,
    ),
    (
        {"name": "c", "widget": "color", "allowInput": True},
        {"type": "string", "minLength": 1},
        True,
    ),
    (
        {"name": "t", "pattern": [".{12,}", "Must have at least 12 characters"]},
        {
            "type": "string",
            "pattern": ".{12,}",
            "errorMessage": "Must have at least 12 characters",
            "minLength": 1,
        },
        True,
    ),
    (
        {"name": "t", "required": False, "pattern": ["^a"]},
        {"type": ["string", "null"], "if": {"minLength": 1}, "then": {"pattern": "^a"}},
        False,
    ),
    (
        {"name": "d", "widget": "datetime", "required": False, "pattern": ["^2", "this century"]},
        {
            "type": ["string", "null"],
            "if": {"minLength": 1},
            "then": {"pattern": ISO_PATTERN, "errorMessage": "ISO 8601"},
            "allOf": [
                {"if": {"minLength": 1}, "then": {"pattern": "^2", "errorMessage": "this century"}}
            ],
        },
        False,
    ),
]


@pytest.mark.parametrize(("field", "expected", "required"), WIDGETS)
def test_each_widget_has_its_schema(field, expected, required):
    assert convert(field, media=MEDIA) == (expected, [field["name"]] if required else [], [])


def test_an_unknown_widget_accepts_anything_and_is_noted():
    assert convert({"name": "u", "widget": "uuid", "required": False}) == (
        {},
        [],
        ["fields, field `u`: unknown widget `uuid` (any value accepted)"],
    )
    assert convert({"name": "u", "widget": "uuid"})[:2] == (
        {"type": ["string", "number", "boolean", "array", "object"], "minLength": 1, "minItems": 1},
        ["u"],
    )


@pytest.mark.parametrize(
    ("field", "accepted", "refused"),
    [
        (
            {"name": "d", "widget": "datetime"},
            [
                "2024-01-29",
                "2024-01-29T10:00:00.000+01:00",
                "2021-07-19T14:11:00.000Z",
                "2024-01-29 10:00:00 +0100",
                "2024-01-29T10:00",
            ],
            [2022, "2022", "29/01/2024", "", None, "2024-01-29T10", "٢٠٢٤-01-29"],
        ),
        (
            {"name": "d", "widget": "datetime", "required": False},
            ["", None, "2024-01-29"],
            ["janvier 2024", 2024],
        ),
        (
            {"name": "d", "widget": "datetime", "format": "D MMMM YYYY [à] HH[h]mm"},
            ["29 janvier 2024 à 09h05", "1 mai 2024 à 23h59"],
            ["2024-01-29", "29 janvier 2024 à 9h05", "32 janvier 2024 à 09h05"],
        ),
        (
            {"name": "d", "widget": "datetime", "date_format": "DD.MM.YYYY"},
            ["29.01.2024", "2024-01-29T09:00:00.000Z"],
            ["29/01/2024", "2024-01-29T09:00:00.000Zx"],
        ),
        (
            {"name": "n", "widget": "number"},
            ["3", "-2.5", ".5", "1e3", 3, 2.5],
            ["", "3 ", "abc", True, None],
        ),
        ({"name": "n", "widget": "number", "required": False}, ["", None, "3", 3], ["x"]),
        (
            {"name": "n", "widget": "number", "value_type": "int", "min": 1, "max": 3},
            [1, 3, 2.0],
            [0, 4, "2", 2.5],
        ),
        (
            {"name": "c", "widget": "color"},
            ["#a0b1c2", "#A0B1C2"],
            ["red", "#abc", "rgba(1, 2, 3, 0.5)", ""],
        ),
        (
            {"name": "c", "widget": "color", "enableAlpha": True},
            ["#a0b1c2", "rgba(1, 2, 3, 0.5)", "rgba(255, 0, 0, 0)"],
            ["rgba(1, 2, 3)"],
        ),
        ({"name": "s", "widget": "select", "options": ["a", "b"]}, ["a"], ["c", None, ""]),
        (
            {"name": "l", "widget": "list", "min": 2, "required": False, "fields": [{"name": "a"}]},
            [[], None, [{"a": "x"}, {"a": "y"}]],
            [[{"a": "x"}], [{"a": ""}, {"a": "y"}]],
        ),
        (
            {"name": "l", "widget": "list", "min": 2, "fields": [{"name": "a"}]},
            [[{"a": "x"}, {"a": "y"}]],
            [[], [{"a": "x"}]],
        ),
        (
            {"name": "l", "widget": "list", "min": 2, "max": 3},
            [["a", "b"]],
            [[], ["a"], ["a", "b", "c", "d"]],
        ),
        (
            {
                "name": "r",
                "widget": "relation",
                "collection": "c",
                "value_field": "t",
                "search_fields": ["t"],
                "multiple": True,
            },
            [["a"]],
            [[], "a", None],
        ),
        ({"name": "h", "widget": "hidden"}, [True, 0, "x", ["a"], {"a": 1}], [None, "", []]),
        (
            {
                "name": "l",
                "widget": "list",
                "types": [{"name": "a", "fields": [{"name": "x"}]}, {"name": "b", "fields": []}],
            },
            [[{"type": "a", "x": "1"}, {"type": "b"}]],
            [[{"type": "c"}], [{"x": "1"}], [{"type": "a"}], [{"type": "b", "x": "1"}]],
        ),
    ],
)
def test_derived_schemas_accept_what_decap_writes_and_nothing_else(field, accepted, refused):
    schema = decap.schema_of([field])
    assert [value for value in accepted if not valid(schema, {field["name"]: value})] == []
    assert [value for value in refused if valid(schema, {field["name"]: value})] == []


@pytest.mark.parametrize(
    ("format_", "pattern"),
    [
        ("YYYY-MM-DD", f"[0-9]{{4}}-{MONTH}-{DAY}"),
        (
            "YYYY-MM-DDTHH:mm:ss.SSSZ",
            f"[0-9]{{4}}-{MONTH}-{DAY}T{HOUR}:[0-5][0-9]:[0-5][0-9]\\.[0-9]{{3}}(?:[+-][0-9]{{2}}:[0-9]{{2}}|Z)",
        ),
        (
            "D MMM YY, hh:mm A",
            "(?:3[01]|[12][0-9]|[1-9]) [^0-9\\s]+ [0-9]{2}, (?:0[1-9]|1[0-2]):[0-5][0-9] [^0-9\\s]+",
        ),
        ("Do [of] MMMM", "(?:3[01]|[12][0-9]|[1-9])[^0-9\\s]* of [^0-9\\s]+"),
        ("X", "-?[0-9]+(?:\\.[0-9]+)?"),
        ("LL", ".+"),
        ("YYYY (x) [a+b]", "[0-9]{4} \\(-?[0-9]+\\) a\\+b"),
        ("[unclosed", "\\[unc.+o(?:[1-5][0-9]|[0-9])[0-6][0-6]"),
    ],
)
def test_moment_formats_become_patterns(format_, pattern):
    assert decap.moment_pattern(format_) == pattern


def test_a_page_schema_leaves_the_body_out_and_allows_the_generator_keys():
    schema = decap.schema_of(
        [
            {"name": "title"},
            {"name": "body", "widget": "markdown"},
            {"name": "weight", "widget": "number", "value_type": "int"},
        ],
        page=True,
    )
    generator = {key: {} for key in sorted(GENERATOR_KEYS) if key not in ("title", "weight")}
    assert schema == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {
            "title": {"type": "string", "minLength": 1},
            "weight": {"type": "integer"},
            **generator,
        },
        "required": ["title", "weight"],
        "additionalProperties": False,
    }
    assert {
        "layout",
        "draft",
        "aliases",
        "slug",
        "url",
        "lastmod",
        "menu",
        "permalink",
        "type",
    } <= GENERATOR_KEYS
    assert valid(
        schema, {"title": "a", "weight": 1, "layout": "x", "draft": True, "aliases": ["/a"]}
    )
    assert not valid(schema, {"title": "a", "weight": 1, "body": "text"})
    assert not valid(schema, {"title": "a", "weight": "1"})


def test_a_translation_does_not_require_untranslated_fields():
    fields = [
        {"name": "title", "i18n": True},
        {"name": "date", "widget": "datetime"},
        {"name": "tags", "widget": "list", "i18n": "duplicate"},
        {
            "name": "author",
            "widget": "object",
            "i18n": "translate",
            "fields": [{"name": "name"}, {"name": "bio", "i18n": True}],
        },
    ]
    problems: list[str] = []
    schema = decap.schema_of(fields, problems, translation=True)
    assert problems == []
    assert schema["required"] == ["title", "tags", "author"]
    assert schema["properties"]["date"] == {
        "type": ["string", "null"],
        "if": {"minLength": 1},
        "then": {"pattern": ISO_PATTERN, "errorMessage": "ISO 8601"},
    }
    assert schema["properties"]["author"]["required"] == ["bio"]
    assert decap.schema_of(fields)["required"] == ["title", "date", "tags", "author"]


# --- collections ---------------------------------------------------------------------------------

CONFIG = """\
media_folder: static/img
public_folder: /img
i18n: {structure: multiple_files, locales: [fr, en]}
collections:
  - name: posts
    folder: content/posts
    filter: {field: visible, value: true}
    fields: [{name: title}, {name: visible, widget: hidden}, {name: body, widget: markdown, required: false}]
  - name: drafts
    label: Brouillons
    folder: content/posts/
    fields: [{name: title}]
  - name: docs
    folder: /content/docs
    nested: {depth: 3}
    fields: [{name: title}]
  - name: bundles
    folder: content/bundles
    path: "{{slug}}/index"
    media_folder: ""
    fields: [{name: title}, {name: cover, widget: image}]
  - name: authors
    folder: data/authors
    format: yml
    fields: [{name: name}, {name: body}]
  - name: news
    folder: content/news
    i18n: true
    fields: [{name: title, i18n: true}, {name: date, widget: datetime}]
  - name: blog
    folder: content/blog
    i18n: {structure: multiple_folders}
    fields: [{name: title, i18n: true}, {name: date, widget: datetime}]
  - name: pages
    label: Pages
    i18n: true
    files:
      - {name: about, label: About, file: content/posts/about.md, fields: [{name: title}, {name: body, widget: markdown}]}
      - {name: home, file: content/_index.md, i18n: true, fields: [{name: title, i18n: true}, {name: hero}]}
"""


@pytest.fixture
def config(tmp_path: Path) -> decap.Config:
    (tmp_path / "static" / "admin").mkdir(parents=True)
    (tmp_path / "static" / "admin" / "config.yml").write_text(CONFIG, encoding="utf-8")
    loaded = decap.load(tmp_path / "static" / "admin" / "config.yml", tmp_path)
    assert loaded is not None
    return loaded


def test_a_configuration_is_read(config, tmp_path):
    assert config.problems == []
    assert (config.media_folder, config.public_folder, config.repository) == (
        "static/img",
        "/img",
        tmp_path,
    )
    assert config.i18n == decap.I18n("multiple_files", ("fr", "en"), "fr")
    shape = [
        (
            c.name,
            c.label,
            c.folder,
            c.extension,
            c.format,
            c.path,
            c.nested,
            c.depth,
            c.filter,
            c.i18n,
            c.body_required,
        )
        for c in config.collections
    ]
    assert shape == [
        (
            "posts",
            "posts",
            PurePosixPath("content/posts"),
            "md",
            "frontmatter",
            None,
            None,
            1,
            {"field": "visible", "value": True},
            None,
            False,
        ),
        (
            "drafts",
            "Brouillons",
            PurePosixPath("content/posts"),
            "md",
            "frontmatter",
            None,
            None,
            1,
            None,
            None,
            None,
        ),
        (
            "docs",
            "docs",
            PurePosixPath("content/docs"),
            "md",
            "frontmatter",
            None,
            3,
            3,
            None,
            None,
            None,
        ),
        (
            "bundles",
            "bundles",
            PurePosixPath("content/bundles"),
            "md",
            "frontmatter",
            "{{slug}}/index",
            None,
            2,
            None,
            None,
            None,
        ),
        (
            "authors",
            "authors",
            PurePosixPath("data/authors"),
            "yml",
            "yml",
            None,
            None,
            1,
            None,
            None,
            None,
        ),
        (
            "news",
            "news",
            PurePosixPath("content/news"),
            "md",
            "frontmatter",
            None,
            None,
            1,
            None,
            decap.I18n("multiple_files", ("fr", "en"), "fr"),
            None,
        ),
        (
            "blog",
            "blog",
            PurePosixPath("content/blog"),
            "md",
            "frontmatter",
            None,
            None,
            2,
            None,
            decap.I18n("multiple_folders", ("fr", "en"), "fr"),
            None,
        ),
        (
            "pages",
            "Pages",
            None,
            "md",
            "frontmatter",
            None,
            None,
            1,
            None,
            decap.I18n("multiple_files", ("fr", "en"), "fr"),
            None,
        ),
    ]
    files = config.collections[-1].files
    assert [(f.path, f.name, f.label, f.format, f.body_required, f.i18n) for f in files] == [
        (PurePosixPath("content/posts/about.md"), "about", "About", "frontmatter", True, None),
        (
            PurePosixPath("content/_index.md"),
            "home",
            "home",
            "frontmatter",
            None,
            decap.I18n("multiple_files", ("fr", "en"), "fr"),
        ),
    ]
    assert files[0].schema["properties"]["title"] == {"type": "string", "minLength": 1}
    assert "body" not in files[0].schema["properties"]
    # a data file: its `body` is a key, and the generator's keys are not allowed
    assert config.collections[4].schema == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "authors",
        "type": "object",
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "body": {"type": "string", "minLength": 1},
        },
        "required": ["name", "body"],
        "additionalProperties": False,
    }
    # a collection's media folder, relative to the entry's folder
    assert config.collections[3].schema["properties"]["cover"]["x-frontlint-media"] == {
        "widget": "image",
        "media_folder": "",
        "public_folder": "",
        "entry_relative": True,
    }
    assert config.collections[-1].schema == {}


@pytest.mark.parametrize(
    ("path", "owners"),
    [
        ("content/posts/a.md", ["posts", "drafts"]),
        ("content/posts/about.md", ["pages", "posts", "drafts"]),
        ("content/posts/sub/a.md", []),
        ("content/posts/a.markdown", []),
        ("content/posts", []),
        ("content/postsa.md", []),
        ("content/docs/a.md", ["docs"]),
        ("content/docs/a/b/c.md", ["docs"]),
        ("content/docs/a/b/c/d.md", []),
        ("content/bundles/x/index.md", ["bundles"]),
        ("content/bundles/x/other.md", []),
        ("content/bundles/x.md", []),
        ("data/authors/jo.yml", ["authors"]),
        ("data/authors/jo.md", []),
        ("content/_index.md", []),
        ("content/_index.fr.md", ["pages"]),
        ("content/news/a.fr.md", ["news"]),
        ("content/blog/en/a.md", ["blog"]),
        ("content/blog/en/x/a.md", []),
        ("/content/posts/a.md", ["posts", "drafts"]),
        ("content\\posts\\a.md", ["posts", "drafts"]),
        ("./content//posts/a.md", ["posts", "drafts"]),
        ("content/posts/../posts/a.md", []),
        ("", []),
        ("../content/posts/a.md", []),
    ],
)
def test_which_collections_own_a_file(config, path, owners):
    assert [c.name for c, _schema in decap.collections_of(config, path)] == owners


def test_a_locale_gets_its_schema(config):
    news, blog, pages = config.collections[5], config.collections[6], config.collections[7]
    assert decap.collection_of(config, "content/news/a.fr.md") == (news, news.schema)
    assert decap.collection_of(config, "content/news/a.en.md") == (news, news.translation_schema)
    assert decap.collection_of(config, "content/news/a.md") == (news, news.schema)
    assert news.schema["required"] == ["title", "date"]
    assert news.translation_schema is not None
    assert news.translation_schema["required"] == ["title"]
    assert decap.collection_of(config, "content/blog/fr/a.md") == (blog, blog.schema)
    assert decap.collection_of(config, "content/blog/en/a.md") == (blog, blog.translation_schema)
    home = pages.files[1]
    assert decap.collection_of(config, "content/_index.en.md") == (pages, home.translation_schema)
    assert decap.collection_of(config, "content/_index.fr.md") == (pages, home.schema)


def test_a_filter_passes_a_page_over_when_its_front_matter_is_given(config):
    posts, drafts = config.collections[0], config.collections[1]
    assert decap.collection_of(config, "content/posts/a.md") == (posts, posts.schema)
    assert decap.collection_of(config, "content/posts/a.md", {"visible": True}) == (
        posts,
        posts.schema,
    )
    assert decap.collection_of(config, "content/posts/a.md", {"visible": 1}) == (
        drafts,
        drafts.schema,
    )
    assert decap.collection_of(config, "content/posts/a.md", {}) == (drafts, drafts.schema)
    assert decap.collection_of(config, "content/posts/sub/a.md", {}) is None


@pytest.mark.parametrize(
    ("rule", "data", "shown"),
    [
        (None, {}, True),
        ({"field": "visible", "value": True}, {"visible": True}, True),
        ({"field": "visible", "value": True}, {"visible": 1}, False),
        ({"field": "n", "value": 1}, {"n": 1.0}, True),
        ({"field": "n", "value": 1}, {"n": True}, False),
        ({"field": "tags", "value": "a"}, {"tags": ["b", "a"]}, True),
        ({"field": "tags", "value": "a"}, {"tags": ["b"]}, False),
        ({"field": "x", "value": None}, {}, True),
        ({"field": "o", "value": {}}, {"o": {}}, False),
        ({"field": "title", "pattern": "^A"}, {"title": "A"}, None),
    ],
)
def test_shows_follows_decap_filter(rule, data, shown):
    assert decap.Collection("c", "c", filter=rule).shows(data) is shown


def test_single_file_i18n_holds_every_locale():
    raw = {
        "media_folder": "img",
        "i18n": {"structure": "single_file", "locales": ["en", "de"], "default_locale": "de"},
        "collections": [
            {
                "name": "c",
                "folder": "c",
                "i18n": True,
                "fields": [
                    {"name": "title", "i18n": True},
                    {"name": "n", "widget": "boolean"},
                    {"name": "body"},
                ],
            }
        ],
    }
    config = decap.from_data(raw, Path())
    assert config.problems == []
    collection = config.collections[0]
    assert (collection.translation_schema, collection.body_required) == (None, None)
    schema = collection.schema
    de = {
        "type": "object",
        "properties": {
            "title": {"type": "string", "minLength": 1},
            "n": {"type": "boolean"},
            "body": {"type": "string", "minLength": 1},
        },
        "required": ["title", "n", "body"],
        "additionalProperties": False,
    }
    en = {
        **de,
        "properties": {
            **de["properties"],
            "n": {"type": ["boolean", "null"]},
            "body": {"type": ["string", "null"]},
        },
        "required": ["title"],
    }
    assert schema["properties"]["de"] == de
    assert schema["properties"]["en"] == en
    assert schema["required"] == ["de"]
    assert set(schema["properties"]) == {"de", "en"} | GENERATOR_KEYS
    assert decap.collection_of(config, "c/a.md") == (collection, schema)


# --- hostile configurations ----------------------------------------------------------------------


def test_wrong_types_are_skipped_and_noted():
    raw = {
        "media_folder": 3,
        "i18n": "yes",
        "collections": [
            "posts",
            {"folder": "x"},
            {"name": "a", "folder": "../../etc", "fields": []},
            {"name": "b", "folder": "b", "fields": "title", "filter": "x", "nested": 2},
            {"name": "c"},
            {
                "name": "d",
                "folder": "d",
                "format": "docx",
                "extension": 4,
                "filter": {"field": "v"},
                "fields": [
                    "title",
                    {"label": "no name"},
                    {"name": "w", "widget": 7},
                    {"name": "r", "required": "yes"},
                    {"name": "s", "widget": "select", "options": "a,b"},
                    {
                        "name": "s2",
                        "widget": "select",
                        "options": [True, {"value": [1]}, "ok", float("nan")],
                    },
                    {"name": "p", "pattern": "^a"},
                    {"name": "l", "widget": "list", "types": "x"},
                    {
                        "name": "l2",
                        "widget": "list",
                        "typeKey": 3,
                        "types": [
                            {"label": "no name"},
                            {"name": "t", "widget": "string"},
                            {"name": "t"},
                        ],
                    },
                    {
                        "name": "rel",
                        "widget": "relation",
                        "collection": 1,
                        "search_fields": "title",
                        "file": 2,
                        "multiple": "yes",
                    },
                    {"name": "n", "widget": "number", "min": "1", "max": 2},
                    {"name": "n2", "widget": "number", "value_type": "float", "min": float("inf")},
                    {"name": "dt", "widget": "datetime", "format": 5},
                    {"name": "o", "widget": "object", "fields": {"name": "x"}},
                    {"name": "o"},
                    {"name": "i", "widget": "i18n", "i18n": "maybe"},
                    {"name": "img", "widget": "image", "media_folder": 1},
                    {"name": "cl", "widget": "color", "enableAlpha": "yes"},
                    {"name": "code", "widget": "code", "keys": "x", "output_code_only": "no"},
                    {
                        "name": "sel",
                        "widget": "select",
                        "options": ["a"],
                        "multiple": True,
                        "min": -1,
                    },
                ],
            },
            {"name": "d", "folder": "e", "fields": []},
            {
                "name": "f",
                "files": [
                    "x",
                    {"name": "g"},
                    {"name": "h", "file": "../h.md"},
                    {"name": "i", "file": "i.md", "fields": 3},
                    {"name": "j", "file": "i.md", "fields": []},
                    {"name": "k", "file": "k.md", "i18n": True, "fields": []},
                ],
            },
            {"name": "g", "folder": "g", "files": [], "i18n": {"structure": "flat"}, "fields": []},
            {"name": "h", "folder": "h", "i18n": {"locales": "fr"}, "fields": []},
            {
                "name": "i",
                "folder": "i",
                "i18n": {"locales": ["fr", 1], "default_locale": "en"},
                "fields": [],
                "index_file": {"pattern": "_index"},
            },
        ],
    }
    config = decap.from_data(raw, Path("/repo"))
    assert config.problems == [
        "configuration: `media_folder` is not a string",
        "configuration: `i18n` is not a mapping",
        "collection #1: not a mapping",
        "collection #2: no `name`",
        "collection `a`: `folder` leaves the repository",
        "collection `b`: `nested` is not a mapping",
        "collection `b`: `filter` is not `{field, value}` (ignored)",
        "collection `b`: `fields` is not a list (its pages are not checked)",
        "collection `c`: neither `folder` nor `files`",
        "collection `d`: unknown format `docx`",
        "collection `d`: `extension` is not a string",
        "collection `d`: `filter` has no `value` (ignored)",
        "collection `d`: a field is not a mapping",
        "collection `d`: a field has no `name`",
        "collection `d`, field `w`: `widget` is not a string (any value accepted)",
        "collection `d`, field `r`: `required` is not true or false",
        "collection `d`, field `s`: `options` is not a list (any value accepted)",
        "collection `d`, field `s2`: an option is not a string, a number or `{label, value}`",
        "collection `d`, field `s2`: an option is not a string, a number or `{label, value}`",
        "collection `d`, field `s2`: an option is not a finite number",
        "collection `d`, field `p`: `pattern` is not `[regex, message]` (ignored)",
        "collection `d`, field `l`: `types` is not a list (any item accepted)",
        "collection `d`, field `l2`: `typeKey` is not a string",
        "collection `d`, field `l2`: a type has no `name`",
        "collection `d`, field `l2`: type `t` is not an object (any item accepted)",
        "collection `d`, field `l2`: type `t` defined twice (first kept)",
        "collection `d`, field `rel`: `multiple` is not true or false",
        "collection `d`, field `rel`: `collection` is not a string",
        "collection `d`, field `rel`: `value_field` is not a string",
        "collection `d`, field `rel`: `search_fields` is not a list of strings",
        "collection `d`, field `rel`: `file` is not a string",
        "collection `d`, field `n`: `min` is not a number",
        "collection `d`, field `n2`: `min` is not a number",
        "collection `d`, field `dt`: `format` is not a string (ignored)",
        "collection `d`, field `o`: `fields` is not a list (any object accepted)",
        "collection `d`, field `o`: defined twice (first kept)",
        "collection `d`, field `i`: unknown widget `i18n` (any value accepted)",
        "collection `d`, field `img`: `media_folder` is not a string",
        "collection `d`, field `cl`: `enableAlpha` is not true or false",
        "collection `d`, field `code`: `output_code_only` is not true or false",
        "collection `d`, field `code`: `keys` is not a mapping",
        "collection `d`, field `sel`: `min` is not a whole number",
        "collection `d`: defined twice (first kept)",
        "collection `f`: file #1 is not a mapping",
        "collection `f`: file #2 has no `name` or no `file`",
        "collection `f`, file `h`: `file` leaves the repository",
        "collection `f`, file `i`: `fields` is not a list (not checked)",
        "collection `f`: file `i.md` listed twice (first kept)",
        "collection `f`, file `k`: `i18n` ignored (the collection has none)",
        "collection `g`: unknown i18n structure",
        "collection `g`: both `folder` and `files` (`folder` used, as Decap does)",
        "collection `h`: i18n `locales` is not a list",
        "collection `i`: an i18n locale is not a string",
        "collection `i`: i18n `default_locale` is not one of the locales",
        "collection `i`: `index_file` fields are not checked apart",
    ]
    assert [c.name for c in config.collections] == ["b", "d", "f", "g", "h", "i"]
    d = config.collections[1]
    assert (d.format, d.extension, d.filter) == ("frontmatter", "md", None)
    assert d.schema["properties"]["o"] == {"type": "object"}
    assert d.schema["properties"]["l2"]["items"]["properties"] == {"type": {"enum": ["t"]}}
    assert d.schema["properties"]["s2"] == {"enum": ["ok"]}
    assert d.schema["properties"]["n"] == {
        "type": ["string", "number"],
        "pattern": NUMERIC_STRING,
        "maximum": 2,
        "minLength": 1,
    }
    assert config.collections[0].schema == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "b",
        "type": "object",
    }
    assert [f.name for f in config.collections[2].files] == ["i", "k"]
    assert config.collections[5].i18n == decap.I18n("multiple_folders", ("fr",), "fr")
    for collection in config.collections:
        Draft202012Validator.check_schema(collection.schema)


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "a: [\n", "just text\n", "\0\n", "x: \udcff\n"])
def test_an_unusable_file_gives_none(tmp_path, text):
    path = tmp_path / "config.yml"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    assert decap.load(path, tmp_path) is None


def test_a_missing_file_or_a_folder_gives_none(tmp_path):
    assert decap.load(tmp_path / "missing.yml", tmp_path) is None
    assert decap.load(tmp_path, tmp_path) is None


@pytest.mark.parametrize(
    ("name", "text", "problems"),
    [
        (
            "config.yml",
            "collections: 3\n",
            ["configuration: no `media_folder`", "configuration: `collections` is not a list"],
        ),
        ("config.json", '{"media_folder": "img", "collections": []}', []),
        (
            "config.toml",
            'media_folder = "img"\n[[collections]]\nname = "a"\nfolder = "a"\nfields = []\n',
            [],
        ),
    ],
)
def test_a_configuration_without_collections_or_in_another_format(tmp_path, name, text, problems):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = decap.load(path, tmp_path)
    assert loaded is not None
    assert loaded.problems == problems
    assert [c.name for c in loaded.collections] == (["a"] if name.endswith(".toml") else [])


def test_extensions_and_formats(tmp_path):
    text = """\
media_folder: img
collections:
  - {name: mdx, folder: mdx, extension: .mdx, format: frontmatter, fields: [{name: title}, {name: body}]}
  - {name: json, folder: data, extension: json, fields: [{name: title}, {name: body}]}
  - {name: toml, folder: t, format: toml-frontmatter, fields: [{name: title}]}
  - {name: root, folder: /, fields: [{name: title}]}
  - {name: bundles, folder: "", path: "{{slug}}/index", fields: [{name: title}]}
  - name: files
    files: [{name: s, file: data/s.yaml, fields: [{name: body}]}, {name: p, file: p.html, fields: [{name: body}]}]
"""
    path = tmp_path / "config.yml"
    path.write_text(text, encoding="utf-8")
    config = decap.load(path, tmp_path)
    assert config is not None
    assert config.problems == []
    shape = [(c.name, c.folder, c.extension, c.format, c.body_required) for c in config.collections]
    assert shape == [
        ("mdx", PurePosixPath("mdx"), "mdx", "frontmatter", True),
        ("json", PurePosixPath("data"), "json", "json", None),
        ("toml", PurePosixPath("t"), "md", "toml-frontmatter", None),
        ("root", PurePosixPath("."), "md", "frontmatter", None),
        ("bundles", PurePosixPath("."), "md", "frontmatter", None),
        ("files", None, "md", "frontmatter", None),
    ]
    assert "body" not in config.collections[0].schema["properties"]
    assert "body" in config.collections[1].schema["properties"]
    files = config.collections[5].files
    assert [(f.format, f.body_required, "body" in f.schema["properties"]) for f in files] == [
        ("yaml", None, True),
        ("frontmatter", True, False),
    ]
    assert [c.name for c, _s in decap.collections_of(config, "mdx/a.mdx")] == ["mdx"]
    assert [c.name for c, _s in decap.collections_of(config, "data/a.json")] == ["json"]
    assert [c.name for c, _s in decap.collections_of(config, "t/a.md")] == ["toml"]
    assert [c.name for c, _s in decap.collections_of(config, "a.md")] == ["root"]
    assert [c.name for c, _s in decap.collections_of(config, "x/index.md")] == ["bundles"]
    assert [c.name for c, _s in decap.collections_of(config, "x/y.md")] == []
    assert [c.name for c, _s in decap.collections_of(config, "p.html")] == ["files"]


def test_yaml_anchors_reuse_fields_and_alias_bombs_are_refused(tmp_path):
    text = """\
media_folder: img
collections:
  - name: a
    folder: a
    fields: &fields [{name: title}, {name: tags, widget: list, required: false}]
  - {name: b, folder: b, fields: *fields}
"""
    path = tmp_path / "config.yml"
    path.write_text(text, encoding="utf-8")
    config = decap.load(path, tmp_path)
    assert config is not None
    assert config.collections[0].schema["properties"] == config.collections[1].schema["properties"]
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]" for i in range(8)
    ]
    path.write_text("\n".join([*bomb, "collections: *i", ""]), encoding="utf-8")
    assert decap.load(path, tmp_path) is None


KEYS = [
    "name", "label", "widget", "fields", "field", "types", "typeKey", "options", "required", "pattern",
    "min", "max", "multiple", "value_type", "format", "date_format", "time_format", "picker_utc", "i18n",
    "media_folder", "public_folder", "keys", "output_code_only", "default", "collection", "value_field",
    "search_fields", "file", "folder", "files", "filter", "nested", "depth", "path", "extension",
    "structure", "locales", "default_locale", "value", "enableAlpha", "allowInput", "hint",
]  # fmt: skip
WORDS = [
    *sorted(decap.KNOWN_WIDGETS),
    "body",
    "a",
    "fr",
    "en",
    "YYYY",
    "{{slug}}/i",
    "..",
    "/",
    "single_file",
    "int",
]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=True), st.sampled_from(WORDS)
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)
    ),
    max_leaves=40,
)


FIELD_NAMES = ["title", "date", "tags", "cover", "author", "body", "summary", "a", "b", "items"]
LEAF_WIDGETS = [
    "string", "text", "markdown", "map", "code", "number", "boolean", "datetime", "date",
    "select", "image", "file", "relation", "hidden", "color",
]  # fmt: skip
DATE_FORMATS = ["YYYY-MM-DD", "DD/MM/YYYY", "YYYY-MM-DDTHH:mm:ssZ", "LL", "[le] D MMMM YYYY"]


@st.composite
def decap_fields(draw: st.DrawFn, depth: int = 0) -> list[dict[str, Any]]:
    """A valid list of Decap fields (distinct names), nested objects and lists included."""
    names = draw(st.lists(st.sampled_from(FIELD_NAMES), min_size=1, max_size=4, unique=True))
    return [draw(decap_field(name, depth)) for name in names]


@st.composite
def decap_field(draw: st.DrawFn, name: str, depth: int) -> dict[str, Any]:
    """One valid Decap field of any widget (objects and lists below ``depth`` 3)."""
    nested = ["object", "list"] if depth < 3 else []
    widget = draw(st.sampled_from([*LEAF_WIDGETS, *nested]))
    item: dict[str, Any] = {"name": name, "widget": widget}
    maybe = st.booleans()
    if draw(maybe):
        item["label"] = name.capitalize()
    if draw(maybe):
        item["required"] = draw(maybe)
    if draw(st.integers(0, 4)) == 0:
        item["hint"] = "Short"
    if draw(st.integers(0, 4)) == 0:
        item["i18n"] = draw(st.sampled_from([True, False, "translate", "duplicate", "none"]))
    if widget in ("string", "text") and draw(maybe):
        item["pattern"] = draw(st.sampled_from([["^[a-z]+$", "lower case"], ["^.{1,80}$"]]))
    if widget == "code":
        if draw(maybe):
            item["output_code_only"] = draw(maybe)
        if draw(maybe):
            item["keys"] = {"code": "src", "lang": "language"}
    elif widget == "number":
        item["value_type"] = draw(st.sampled_from(["int", "float", "string"]))
        if draw(maybe):
            item["min"] = draw(st.integers(-5, 0))
        if draw(maybe):
            item["max"] = draw(st.floats(0, 100))
    elif widget in ("datetime", "date"):
        key = draw(st.sampled_from(["", "format", "date_format", "time_format"]))
        if key:
            item[key] = draw(st.one_of(st.sampled_from(DATE_FORMATS), st.just(True)))
            if key == "format" and item[key] is True:
                item[key] = "YYYY"
        if draw(maybe):
            item["picker_utc"] = draw(maybe)
    elif widget == "select":
        option = st.one_of(
            st.sampled_from(["fr", "en", "de"]),
            st.integers(0, 9),
            st.builds(lambda v: {"label": v.upper(), "value": v}, st.sampled_from(["x", "y"])),
        )
        item["options"] = draw(st.lists(option, min_size=1, max_size=4))
        if draw(maybe):
            item["multiple"] = True
            item["min"], item["max"] = 0, draw(st.integers(1, 3))
    elif widget in ("image", "file"):
        if draw(maybe):
            item["multiple"] = draw(maybe)
        if draw(maybe):
            item["media_folder"] = draw(st.sampled_from(["/static/files", "files"]))
    elif widget == "relation":
        item["collection"] = draw(st.sampled_from(["authors", "posts"]))
        item["value_field"] = "{{slug}}"
        item["search_fields"] = ["title"]
        if draw(maybe):
            item["multiple"] = True
            item["min"] = draw(st.integers(0, 2))
        if draw(maybe):
            item["file"] = "about"
    elif widget == "color":
        item[draw(st.sampled_from(["enableAlpha", "allowInput"]))] = draw(maybe)
    elif widget == "object":
        item["fields"] = draw(decap_fields(depth + 1))
    elif widget == "list":
        kind = draw(st.sampled_from(["fields", "field", "types", "strings"]))
        if kind == "fields":
            item["fields"] = draw(decap_fields(depth + 1))
        elif kind == "field":
            item["field"] = draw(decap_field("item", depth + 1))
        elif kind == "types":
            type_names = draw(st.lists(st.sampled_from(["hero", "quote", "text"]), min_size=1,
                                       max_size=3, unique=True))  # fmt: skip
            item["types"] = [
                {"name": type_name, "label": type_name, "fields": draw(decap_fields(depth + 1))}
                for type_name in type_names
            ]
            if draw(maybe):
                item["typeKey"] = "kind"
        if draw(maybe):
            item["min"], item["max"] = 1, draw(st.integers(1, 5))
    return item


@st.composite
def decap_collection(draw: st.DrawFn, name: str, i18n: bool) -> dict[str, Any]:
    """A valid folder or file collection named ``name``."""
    collection: dict[str, Any] = {"name": name, "label": name.capitalize()}
    if i18n and draw(st.booleans()):
        collection["i18n"] = True
    if draw(st.booleans()):
        collection["folder"] = f"content/{name}"
        collection["fields"] = draw(decap_fields())
        form = draw(st.sampled_from(["", "frontmatter", "yaml-frontmatter", "yml", "json"]))
        if form:
            collection["format"] = form
        if draw(st.integers(0, 3)) == 0:
            collection["nested"] = {"depth": draw(st.integers(1, 4))}
        if draw(st.integers(0, 3)) == 0:
            collection["filter"] = {"field": "lang", "value": "fr"}
        if draw(st.integers(0, 3)) == 0:
            collection["media_folder"] = "images"
    else:
        slugs = draw(st.lists(st.sampled_from(["about", "home", "team"]), min_size=1,
                              max_size=3, unique=True))  # fmt: skip
        collection["files"] = [
            {
                "name": slug,
                "label": slug.capitalize(),
                "file": f"data/{name}/{slug}.{draw(st.sampled_from(['md', 'yml', 'json']))}",
                "fields": draw(decap_fields()),
            }
            for slug in slugs
        ]
    return collection


def _mappings(value: Any) -> list[dict[str, Any]]:
    """Every mapping in a configuration, depth first."""
    found: list[dict[str, Any]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


@st.composite
def decap_configurations(draw: st.DrawFn) -> tuple[dict[str, Any], bool]:
    """(a configuration, whether it is valid): valid collections, then, most of the time, a few
    mutations anywhere (a key removed, a key set to a value of any type); now and then a
    configuration of anything."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.dictionaries(st.sampled_from(["media_folder", "public_folder", "i18n",
                                                     "collections"]), values)), False  # fmt: skip
    raw: dict[str, Any] = {"media_folder": "static/img"}
    if draw(st.booleans()):
        raw["public_folder"] = "/img"
    i18n = draw(st.booleans())
    if i18n:
        structure = draw(st.sampled_from(sorted(decap.I18N_STRUCTURES)))
        raw["i18n"] = {"structure": structure, "locales": ["fr", "en"], "default_locale": "fr"}
    names = draw(st.lists(st.sampled_from(["posts", "pages", "authors", "events"]), min_size=1,
                          max_size=3, unique=True))  # fmt: skip
    raw["collections"] = [draw(decap_collection(name, i18n)) for name in names]
    mutations = draw(st.integers(0, 3))
    for _ in range(mutations):
        mappings = _mappings(raw)
        target = mappings[draw(st.integers(0, len(mappings) - 1))]
        key = draw(st.sampled_from([*sorted(target), *KEYS]))
        if key in target and draw(st.booleans()):
            del target[key]
        else:
            target[key] = draw(values)
    return raw, mutations == 0


VALID_CONFIGURATIONS = [
    {
        "media_folder": "static/img",
        "public_folder": "/img",
        "collections": [
            {
                "name": "posts",
                "label": "Posts",
                "folder": "content/posts",
                "fields": [
                    {"name": "title", "label": "Title"},
                    {"name": "date", "widget": "datetime"},
                    {"name": "draft", "widget": "boolean", "required": False},
                    {"name": "tags", "widget": "list", "required": False},
                    {"name": "cover", "widget": "image", "required": False},
                    {"name": "author", "widget": "relation", "collection": "authors",
                     "value_field": "{{slug}}", "search_fields": ["title"]},
                    {"name": "body", "widget": "markdown"},
                ],
            },
            {
                "name": "authors",
                "folder": "content/authors",
                "fields": [
                    {"name": "title"},
                    {"name": "links", "widget": "list", "fields": [
                        {"name": "url", "pattern": ["^https://", "https only"]},
                        {"name": "kind", "widget": "select", "options": ["site", "social"]},
                    ]},
                ],
            },
            {
                "name": "pages",
                "files": [
                    {"name": "home", "file": "data/home.yml", "fields": [
                        {"name": "hero", "widget": "object", "fields": [
                            {"name": "image", "widget": "image"},
                            {"name": "color", "widget": "color", "enableAlpha": True},
                        ]},
                        {"name": "blocks", "widget": "list", "types": [
                            {"name": "quote", "fields": [{"name": "text", "widget": "text"}]},
                            {"name": "figure", "fields": [
                                {"name": "number", "widget": "number", "value_type": "int"},
                            ]},
                        ]},
                    ]},
                ],
            },
        ],
    },
    {
        "media_folder": "assets",
        "i18n": {"structure": "single_file", "locales": ["fr", "en"]},
        "collections": [
            {
                "name": "events",
                "folder": "content/events",
                "i18n": True,
                "fields": [
                    {"name": "title", "i18n": True},
                    {"name": "when", "widget": "date", "format": "DD/MM/YYYY", "i18n": "duplicate"},
                    {"name": "code", "widget": "code", "required": False},
                ],
            },
        ],
    },
]  # fmt: skip


@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@example(generated=(VALID_CONFIGURATIONS[0], True))
@example(generated=(VALID_CONFIGURATIONS[1], True))
@example(generated=({"media_folder": "m", "collections": "posts"}, False))
@given(generated=decap_configurations())
def test_any_configuration_converts_without_an_error(generated):
    raw, is_valid = generated
    config = decap.from_data(raw, Path("/repo"))
    for collection in config.collections:
        for schema in [
            collection.schema,
            collection.translation_schema,
            *(f.schema for f in collection.files),
            *(f.translation_schema for f in collection.files),
        ]:
            if schema is not None and schema != {}:
                Draft202012Validator.check_schema(schema)
        decap.collection_of(config, "a/b.md", {"a": True})
    assert all(isinstance(problem, str) for problem in config.problems)
    event("converted" if config.collections else "no collection")
    event("valid" if is_valid else "mutated or any")
    if not is_valid:
        return
    # A valid configuration is converted whole: every collection, file and field, no problem.
    assert config.problems == []
    assert [c.name for c in config.collections] == [c["name"] for c in raw["collections"]]
    for collection, item in zip(config.collections, raw["collections"], strict=True):
        if collection.folder is None:
            # (A listed file is translated only when it says so itself: its own ``i18n``.)
            owned = [
                (file.schema, entry["file"], entry["fields"], file.format, file.i18n)
                for file, entry in zip(collection.files, item["files"], strict=True)
            ]
        else:
            name = f"{collection.folder}/entry.{collection.extension}"
            owned = [(collection.schema, name, item["fields"], collection.format, collection.i18n)]
        for schema, path, fields, form, i18n in owned:
            found = decap.collection_of(config, path)
            i18n_root = i18n and i18n.structure.endswith("_i18n_root")
            if not i18n_root:
                assert found == (collection, schema), path
            names = {f["name"] for f in fields}
            keys = set(schema["properties"])
            if i18n and i18n.structure == "single_file":
                locale = schema["properties"][i18n.default_locale]
                assert set(locale["properties"]) == names, path  # its body too
                keys -= set(i18n.locales)
                names = set()
            elif form in decap.FRONTMATTER_FORMATS:
                names.discard("body")  # the page's text, not a key
            assert names <= keys, path
            assert keys - names <= (GENERATOR_KEYS if form in decap.FRONTMATTER_FORMATS else set())
            assert schema["additionalProperties"] is False
            assert not Draft202012Validator(schema).is_valid({"not-a-field": 1}), path


def test_nesting_is_limited():
    field: dict[str, Any] = {"name": "a", "widget": "string"}
    for _ in range(70):
        field = {"name": "a", "widget": "object", "fields": [field]}
    problems: list[str] = []
    schema = decap.schema_of([field], problems)
    assert problems == [
        f"fields, field `{'.'.join(['a'] * 65)}`: nested more than 64 levels: not checked"
    ]
    depth = 0
    while "properties" in schema:
        schema = schema["properties"]["a"]
        depth += 1
    assert (depth, schema) == (65, {})


def test_shared_field_lists_cannot_blow_up():
    fields: list[Any] = [{"name": "leaf"}]
    for _ in range(40):  # 2**40 fields once expanded
        fields = [
            {"name": "a", "widget": "object", "fields": fields},
            {"name": "b", "widget": "list", "fields": fields},
        ]
    problems: list[str] = []
    start = time.perf_counter()
    decap.schema_of(fields, problems)
    assert time.perf_counter() - start < 5
    # depth first: the 50,001st field is reached down the first branches
    assert problems == [
        "fields, field `a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.b.a.a.a.a.a.b.a.a.a.b`: "
        "more than 50000 fields: the rest is not checked"
    ]


def test_a_thousand_types_convert_and_validate_in_linear_time():
    types = [
        {"name": f"t{i}", "fields": [{"name": "x", "widget": "number", "value_type": "int"}]}
        for i in range(1000)
    ]
    start = time.perf_counter()
    schema = decap.schema_of([{"name": "l", "widget": "list", "types": types}])
    assert time.perf_counter() - start < 1
    items = schema["properties"]["l"]["items"]
    assert len(items["allOf"]) == 1000
    assert items["properties"]["type"]["enum"][-1] == "t999"
    assert items["allOf"][7] == {
        "if": {"properties": {"type": {"const": "t7"}}, "required": ["type"]},
        "then": {
            "type": "object",
            "properties": {"type": {"const": "t7"}, "x": {"type": "integer"}},
            "required": ["type", "x"],
            "additionalProperties": False,
        },
    }
    validator = Draft202012Validator(schema)
    assert validator.is_valid({"l": [{"type": f"t{i}", "x": i} for i in range(0, 1000, 50)]})
    assert [e.message for e in validator.iter_errors({"l": [{"type": "t5", "x": "5"}]})] == [
        "'5' is not of type 'integer'"
    ]


def test_patterns_are_copied_not_compiled():
    schema = decap.schema_of([{"name": "t", "pattern": ["(a+)+$(", "broken"]}])
    assert schema["properties"]["t"]["pattern"] == "(a+)+$("


# --- the real site -------------------------------------------------------------------------------

REAL = SITE / "site" / "static" / "admin" / "config.yml"
PAGES_PER_COLLECTION = {
    "personnes": 431,
    "defis": 131,
    "articles": 60,
    "themes": 27,
    "categories": 22,
    "pages": 20,
    "expertises": 11,
    "promos": 8,
}
HIDDEN_BY_FILTERS = [
    "site/content/blog/_index.md",
    "site/content/blog/restitution-dig-environnement-biodiversite.md",
]
DATE_AS_YEAR = [
    "artificia",
    "champollion",
    "ecospheres",
    "estim-action",
    "etat-bas-carbone",
    "geocommuns",
    "magellan",
    "nubonyxia",
    "optiflex",
    "pilote-intelligence",
    "recens-smart",
    "sirano",
    "sos-ponts",
    "twincity",
]


def real_errors() -> tuple[Counter, Counter, list[tuple[str, str, str]], list[str]]:
    config = decap.load(REAL, SITE)
    assert config is not None
    pages: Counter = Counter()
    causes: Counter = Counter()
    errors: list[tuple[str, str, str]] = []
    hidden: list[str] = []
    for file in sorted((SITE / "site" / "content").rglob("*.md")):
        relative = file.relative_to(SITE).as_posix()
        doc, _problems = read_document(file, relative)
        assert doc is not None, relative
        found = decap.collection_of(config, relative)
        assert found is not None, relative
        collection, schema = found
        if not collection.shows(doc.data):
            hidden.append(relative)
            continue
        pages[collection.name] += 1
        for error in Draft202012Validator(schema).iter_errors(doc.data):
            where = ".".join(str(part) for part in error.absolute_path)
            errors.append((relative, where, error.message))
            causes[(collection.name, error.validator, where or error.message)] += 1
    return pages, causes, errors, hidden


def test_the_real_configuration():
    config = decap.load(REAL, SITE)
    assert config is not None
    assert config.problems == []
    assert [c.name for c in config.collections] == [
        "defis", "articles", "personnes", "themes", "expertises", "promos", "categories", "pages",
    ]  # fmt: skip
    assert sum(len(c.files) for c in config.collections) == 20
    assert (config.media_folder, config.public_folder) == ("site/static/img", "img")
    defis = config.collections[0]
    assert (defis.folder, defis.filter, defis.body_required) == (
        PurePosixPath("site/content/defis"),
        {"field": "visible", "value": True},
        False,
    )
    assert defis.schema["properties"]["themes"] == {
        "title": "Thématiques",
        "type": "array",
        "items": {"type": "string"},
        "x-frontlint-relation": {
            "collection": "themes",
            "value_field": "title",
            "search_fields": ["title"],
            "multiple": True,
        },
        "minItems": 1,
    }
    for collection in config.collections:
        for schema in [collection.schema, *(f.schema for f in collection.files)]:
            Draft202012Validator.check_schema(schema)


def test_every_page_of_the_real_site_against_its_collection():
    pages, causes, errors, hidden = real_errors()
    assert dict(pages) == PAGES_PER_COLLECTION
    assert sum(pages.values()) + len(hidden) == 712
    assert hidden == HIDDEN_BY_FILTERS
    assert dict(causes) == {
        # fields the configuration requires that older pages lack (Decap would refuse to save them)
        ("articles", "required", "'related' is a required property"): 47,
        ("personnes", "required", "'expertises' is a required property"): 172,
        ("defis", "required", "'isSET' is a required property"): 100,
        ("defis", "required", "'urlSET' is a required property"): 100,
        # a year where Decap writes a date (Hugo reads 2022 as a Unix time)
        ("defis", "type", "date"): 14,
        # keys that no field of the file's entry describes
        (
            "pages",
            "additionalProperties",
            "Additional properties are not allowed ('visible' was unexpected)",
        ): 1,
        (
            "pages",
            "additionalProperties",
            "Additional properties are not allowed ('administrations', 'candidates' were unexpected)",
        ): 1,
        (
            "pages",
            "additionalProperties",
            "Additional properties are not allowed ('agents' was unexpected)",
        ): 1,
        (
            "pages",
            "additionalProperties",
            "Additional properties are not allowed ('introAlumni' was unexpected)",
        ): 1,
    }
    assert [(page, message) for page, where, message in errors if where == "date"] == [
        (f"site/content/defis/{name}.md", "2022 is not of type 'string'") for name in DATE_AS_YEAR
    ]
    assert [(page, message) for page, _where, message in errors if "Additional" in message] == [
        (
            "site/content/defis/_index.md",
            "Additional properties are not allowed ('visible' was unexpected)",
        ),
        (
            "site/content/participer/_index.md",
            "Additional properties are not allowed ('administrations', 'candidates' were unexpected)",
        ),
        (
            "site/content/presse.md",
            "Additional properties are not allowed ('agents' was unexpected)",
        ),
        (
            "site/content/team.md",
            "Additional properties are not allowed ('introAlumni' was unexpected)",
        ),
    ]
