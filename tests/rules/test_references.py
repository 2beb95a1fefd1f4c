"""Reference rules (RF001–RF004) on a small catalogue site that checks, in its own CI, its
products, the organisations that make them and the people who write them: references between pages
by title, slug and path, pictures, Decap CMS relations, dated phases whose end follows their start,
unique phase names, and the current phase among them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from linter.rules import references
from linter.rules.references import compare, glob_match, glob_parts, name_match, point
from linter.site import detect
from linter.site.model import PLAIN, Site
from linter.spec import Example
from tests.conftest import TODAY, found, run

SITE = "catalogue"
WIDGET_PATH = f"{SITE}/content/products/widget.md"

PRODUCT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "maker": {
            "type": ["string", "integer", "null"],
            "x-frontlint-reference": {"pages": "content/organisations/*.md", "field": "title"},
        },
        "authors": {
            "type": "array",
            "items": {"type": "string"},
            "x-frontlint-reference": {"pages": "content/people/**/*.md", "field": "{{slug}}"},
        },
        "owner": {
            "type": "string",
            "x-frontlint-reference": {"path": "content/people/{value}.md"},
        },
        "picture": {"type": "string", "x-frontlint-reference": {"file": "static/img"}},
        "phases": {
            "type": "array",
            "x-frontlint-unique": {"key": "name"},
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "start": {"type": "string"},
                    "end": {"type": "string", "x-frontlint-after": {"field": "start"}},
                },
            },
        },
        "current_phase": {"type": "string", "x-frontlint-in": {"list": "phases.*.name"}},
        "version": {"type": "integer", "x-frontlint-after": {"field": "previous", "strict": True}},
    },
}

PERSON_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "organisation": {
            "type": "string",
            "x-frontlint-reference": {"path": "content/organisations/{value}.md"},
        },
    },
}

WIDGET = """---
$schema: ../../schemas/product.schema.json
title: Widget
maker: ACME Corporation
authors:
  - ada-lovelace
  - grace-hopper
owner: ada-lovelace
picture: widget.svg
phases:
  - name: Design
    start: 2024-01-08
    end: 2024-02-16
  - name: Build
    start: 2024-02-19
    end: 2024-06-28
  - name: Launch
    start: 2024-07-01
    end: 2024-07-01
current_phase: Build
previous: 2
version: 3
---
The widget.
"""

FILES = {
    "hugo.toml": 'baseURL = "https://catalogue.example.org/"\ntitle = "Catalogue"\n',
    "content/organisations/acme.md": "---\ntitle: ACME Corporation\n---\n",
    "content/organisations/globex.md": "---\ntitle: Globex\n---\n",
    "content/people/ada-lovelace.md": (
        "---\n$schema: ../../schemas/person.schema.json\ntitle: Ada Lovelace\n"
        "organisation: acme\n---\n"
    ),
    "content/people/grace-hopper/index.md": (
        "---\n$schema: ../../../schemas/person.schema.json\ntitle: Grace Hopper\n"
        "organisation: globex\n---\n"
    ),
    "content/products/widget.md": WIDGET,
    "static/img/widget.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    "schemas/product.schema.json": json.dumps(PRODUCT_SCHEMA, indent=2),
    "schemas/person.schema.json": json.dumps(PERSON_SCHEMA, indent=2),
}


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The catalogue site in `catalogue/` of a fresh working folder (its repository)."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / SITE, FILES)
    return tmp_path / SITE


def check(*paths: str, select: str | None = None, lang: str = "en") -> list[tuple]:
    """(code, line, column, message) of every diagnostic of a run on ``paths``."""
    options = ("--select", select) if select else ()
    code, out = run(
        "check", "--isolated", "--format", "json", "--today", TODAY, "--lang", lang, *options,
        *paths,
    )  # fmt: skip
    assert code in (0, 1), out
    return found(json.loads(out))


def broken(site: Path, old: str, new: str, lang: str = "en") -> list[tuple]:
    """The RF diagnostics of the widget page with ``old`` replaced by ``new``."""
    assert WIDGET.count(old) == 1, old
    (site / "content/products/widget.md").write_text(WIDGET.replace(old, new), encoding="utf-8")
    return check(WIDGET_PATH, select="RF", lang=lang)


def test_the_catalogue_is_consistent(site):
    assert check(SITE) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param("maker: ACME Corporation", "maker: Acme Corporation", [
            ("RF001", 4, 8, "maker: `Acme Corporation` is not the `title` of any page of "
             "`content/organisations/*.md`; did you mean `ACME Corporation`?"),
        ], id="title-letter-case"),
        pytest.param("maker: ACME Corporation", "maker: Initech", [
            ("RF001", 4, 8, "maker: `Initech` is not the `title` of any page of "
             "`content/organisations/*.md`"),
        ], id="title-unknown"),
        pytest.param("  - grace-hopper", "  - grace-hoper", [
            ("RF001", 7, 5, "authors[1]: `grace-hoper` is not the `{{slug}}` of any page of "
             "`content/people/**/*.md`; did you mean `grace-hopper`?"),
        ], id="slug-of-a-bundle-in-a-list"),
        pytest.param("owner: ada-lovelace", "owner: grace-hopper", [
            ("RF001", 8, 8, "owner: `grace-hopper` names no page: `content/people/grace-hopper.md` "
             "does not exist"),
        ], id="path-of-a-bundle"),
        pytest.param("owner: ada-lovelace", "owner: ada-lovelac", [
            ("RF001", 8, 8, "owner: `ada-lovelac` names no page: `content/people/ada-lovelac.md` "
             "does not exist; did you mean `ada-lovelace`?"),
        ], id="path-typo"),
        pytest.param("owner: ada-lovelace", "owner: ../organisations/acme", [
            ("RF001", 8, 8, "owner: `../organisations/acme` cannot name a page of "
             "`content/people/{value}.md`: it holds `/` or `..`"),
        ], id="path-unsafe"),
        pytest.param("picture: widget.svg", "picture: widgte.svg", [
            ("RF001", 9, 10, "picture: `widgte.svg` names no file: `static/img/widgte.svg` does "
             "not exist; did you mean `widget.svg`?"),
        ], id="file-typo"),
        # A leading `/` starts at the folder (LK009, not selected here, judges it as a URL).
        pytest.param("picture: widget.svg", "picture: /widget.svg", [], id="file-from-folder"),
        pytest.param("picture: widget.svg", "picture: ../../hugo.toml", [
            ("RF001", 9, 10, "picture: `../../hugo.toml` leads out of `static/img`"),
        ], id="file-outside"),
        pytest.param("picture: widget.svg", "picture: https://cdn.example.org/w.png", [],
                     id="file-url"),
        pytest.param("    end: 2024-06-28", "    end: 2024-02-09", [
            ("RF002", 16, 10, "phases[1].end: `2024-02-09` comes before start `2024-02-19` "
             "(line 15)"),
        ], id="end-before-start"),
        pytest.param("    end: 2024-06-28", "    end: 2024-06-28T10:00:00+02:00", [],
                     id="end-with-a-time"),
        pytest.param("    end: 2024-06-28", "    end: soon", [], id="end-not-a-date"),
        pytest.param("    start: 2024-02-19\n", "", [], id="start-missing"),
        pytest.param("name: Launch", "name: Build", [
            ("RF003", 17, 11, "phases[2].name: duplicate `Build` (first at line 14)"),
        ], id="duplicate-phase"),
        pytest.param("current_phase: Build", "current_phase: Biuld", [
            ("RF004", 20, 16, "current_phase: `Biuld` is not one of the values of "
             "`phases.*.name`; did you mean `Build`?"),
        ], id="current-phase-typo"),
        pytest.param("current_phase: Build", "current_phase: Shipping", [
            ("RF004", 20, 16, "current_phase: `Shipping` is not one of the values of "
             "`phases.*.name`"),
        ], id="current-phase-unknown"),
        pytest.param("version: 3", "version: 2", [
            ("RF002", 22, 10, "version: `2` is the same as previous `2` (line 21): it must "
             "come after"),
        ], id="strict-same-number"),
        pytest.param("version: 3", "version: 1", [
            ("RF002", 22, 10, "version: `1` comes before previous `2` (line 21)"),
        ], id="number-before"),
        pytest.param("version: 3", "version: 2.5", [], id="number-after"),
        # Values that are not strings are the schema's business (SC003): not looked up.
        pytest.param("maker: ACME Corporation", "maker: 42", [], id="number-not-looked-up"),
        pytest.param("maker: ACME Corporation", "maker: null", [], id="null-not-looked-up"),
        pytest.param("maker: ACME Corporation", 'maker: "{{ .Site.Params.maker }}"', [],
                     id="template-syntax"),
    ],
)  # fmt: skip
def test_each_rule_on_a_broken_copy_of_the_widget(site, old, new, expected):
    assert broken(site, old, new) == expected


def test_messages_in_french(site):
    text = WIDGET.replace("maker: ACME Corporation", "maker: Acme Corporation")
    text = text.replace("name: Launch", "name: Build").replace("version: 3", "version: 1")
    (site / "content/products/widget.md").write_text(text, encoding="utf-8")
    assert check(WIDGET_PATH, select="RF", lang="fr") == [
        ("RF001", 4, 8, "maker: `Acme Corporation` n’est le `title` d’aucune page de "
         "`content/organisations/*.md` ; vouliez-vous dire `ACME Corporation` ?"),
        ("RF003", 17, 11, "phases[2].name: `Build` en double (déjà à la ligne 14)"),
        ("RF002", 22, 10, "version: `1` vient avant previous `2` (ligne 21)"),
    ]  # fmt: skip


def test_a_person_names_an_organisation_by_its_file(site):
    person = site / "content/people/ada-lovelace.md"
    person.write_text(person.read_text().replace("acme", "acmee"), encoding="utf-8")
    assert check(SITE) == [
        ("RF001", 4, 15, "organisation: `acmee` names no page: "
         "`content/organisations/acmee.md` does not exist; did you mean `acme`?"),
    ]  # fmt: skip


def test_a_glob_that_matches_nothing_is_said_once_per_page(site):
    schema = json.loads(FILES["schemas/product.schema.json"])
    schema["properties"]["partners"] = {
        "type": "array",
        "x-frontlint-reference": {"pages": "content/partners/*.md", "field": "title"},
    }
    write(site, {"schemas/product.schema.json": json.dumps(schema)})
    text = WIDGET.replace("version: 3\n", "version: 3\npartners:\n  - Initech\n  - Hooli\n")
    (site / "content/products/widget.md").write_text(text, encoding="utf-8")
    assert check(WIDGET_PATH, select="RF") == [
        ("RF001", 24, 5, "partners[0]: `Initech` names nothing: no file of the site matches "
         "`content/partners/*.md` (the page's other values for it are not reported)"),
    ]  # fmt: skip


def test_pages_without_the_field_match_but_give_no_value(site):
    schema = json.loads(FILES["schemas/product.schema.json"])
    schema["properties"]["sponsors"] = {
        "type": "array",
        "x-frontlint-reference": {"pages": "content/people/*.md", "field": "sponsor.name"},
    }
    write(site, {"schemas/product.schema.json": json.dumps(schema)})
    text = WIDGET.replace("version: 3\n", "version: 3\nsponsors: [Initech, Hooli]\n")
    (site / "content/products/widget.md").write_text(text, encoding="utf-8")
    assert check(WIDGET_PATH, select="RF") == [
        ("RF001", 23, 12, "sponsors[0]: `Initech` is not the `sponsor.name` of any page of "
         "`content/people/*.md`"),
        ("RF001", 23, 21, "sponsors[1]: `Hooli` is not the `sponsor.name` of any page of "
         "`content/people/*.md`"),
    ]  # fmt: skip


def test_malformed_annotations_are_reported_once_and_ignored(site):
    schema = json.loads(FILES["schemas/product.schema.json"])
    properties = schema["properties"]
    properties["maker"]["x-frontlint-reference"] = {"pages": 3, "field": "title"}
    properties["owner"]["x-frontlint-reference"] = {"path": "content/people/x.md"}
    properties["picture"]["x-frontlint-reference"] = {"file": "static/img", "pages": "*.md"}
    properties["phases"]["x-frontlint-unique"] = {"key": "items.*.name"}
    properties["current_phase"]["x-frontlint-in"] = ["phases"]
    properties["version"]["x-frontlint-after"] = {"field": "previous", "strict": "yes"}
    write(site, {"schemas/product.schema.json": json.dumps(schema)})
    text = WIDGET.replace("ACME Corporation", "Initech").replace("name: Launch", "name: Build")
    (site / "content/products/widget.md").write_text(text, encoding="utf-8")
    shown = "catalogue/schemas/product.schema.json"
    assert check(WIDGET_PATH) == [
        ("SC007", 2, 10, f"schema `{shown}`: invalid `x-frontlint-reference` annotation at "
         "`#/properties/maker/x-frontlint-reference/pages` (expected `{\"pages\": "
         "\"content/organisations/*.md\", \"field\": \"title\"}`); it is ignored"),
        ("SC007", 2, 10, f"schema `{shown}`: invalid `x-frontlint-reference` annotation at "
         "`#/properties/owner/x-frontlint-reference/path` (expected `{\"pages\": "
         "\"content/organisations/*.md\", \"field\": \"title\"}`); it is ignored"),
        ("SC007", 2, 10, f"schema `{shown}`: invalid `x-frontlint-reference` annotation at "
         "`#/properties/picture/x-frontlint-reference` (expected `{\"pages\": "
         "\"content/organisations/*.md\", \"field\": \"title\"}`); it is ignored"),
        ("SC007", 2, 10, f"schema `{shown}`: invalid `x-frontlint-unique` annotation at "
         "`#/properties/phases/x-frontlint-unique/key` (expected `{\"key\": \"name\"}`); it is "
         "ignored"),
        ("SC007", 2, 10, f"schema `{shown}`: invalid `x-frontlint-in` annotation at "
         "`#/properties/current_phase/x-frontlint-in` (expected `{\"list\": "
         "\"phases.*.name\"}`); it is ignored"),
        ("SC007", 2, 10, f"schema `{shown}`: invalid `x-frontlint-after` annotation at "
         "`#/properties/version/x-frontlint-after/strict` (expected `{\"field\": \"start\", "
         "\"strict\": true}`); it is ignored"),
    ]  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_nothing_outside_the_site_is_read(site):
    """A link to a page outside the site is not followed: what it names is dangling."""
    outside = site.parent / "outside.md"
    outside.write_text("---\ntitle: Initech\n---\n", encoding="utf-8")
    (site / "content/organisations/initech.md").symlink_to(outside)
    (site / "static/img/secret.svg").symlink_to(outside)
    text = WIDGET.replace("ACME Corporation", "Initech").replace("widget.svg", "secret.svg")
    (site / "content/products/widget.md").write_text(text, encoding="utf-8")
    assert check(WIDGET_PATH, select="RF") == [
        ("RF001", 4, 8, "maker: `Initech` is not the `title` of any page of "
         "`content/organisations/*.md`"),
        ("RF001", 9, 10, "picture: `secret.svg` names no file: `static/img/secret.svg` does not "
         "exist"),
    ]  # fmt: skip


def test_two_thousand_organisations_are_read_once_and_suggested_from(site):
    write(site, {f"content/organisations/org-{n:04}.md": f"---\ntitle: Org {n:04}\n---\n"
                 for n in range(2000)})  # fmt: skip
    products = {}
    for n in range(50):
        products[f"content/products/p{n:02}.md"] = WIDGET.replace(
            "maker: ACME Corporation", f"maker: Org {n * 40 + 7:04}"
        ).replace("title: Widget", f"title: P{n}")
    products["content/products/p49.md"] = products["content/products/p49.md"].replace(
        "maker: Org 1967", "maker: 0rg 1967"
    )
    write(site, products)
    assert check(f"{SITE}/content/products", select="RF") == [
        ("RF001", 4, 8, "maker: `0rg 1967` is not the `title` of any page of "
         "`content/organisations/*.md`; did you mean `Org 1967`?"),
    ]  # fmt: skip


# --- Decap CMS relations ------------------------------------------------------------------------

DECAP = """backend:
  name: git-gateway
media_folder: catalogue/static/img
public_folder: /img
collections:
  - name: organisations
    label: Organisations
    folder: catalogue/content/organisations
    create: true
    fields:
      - {name: title, label: Name, widget: string}
  - name: people
    label: People
    folder: catalogue/content/people
    path: "{{slug}}/index"
    fields:
      - {name: title, label: Name, widget: string}
  - name: settings
    label: Settings
    files:
      - name: teams
        label: Teams
        file: catalogue/data/teams.yml
        fields:
          - name: teams
            label: Teams
            widget: list
            fields:
              - {name: name, label: Name, widget: string}
"""

RELATION_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "maker": {
            "type": "string",
            "x-frontlint-relation": {
                "collection": "organisations",
                "value_field": "title",
                "search_fields": ["title"],
                "multiple": False,
            },
        },
        "authors": {
            "type": "array",
            "items": {"type": "string"},
            "x-frontlint-relation": {
                "collection": "people",
                "value_field": "{{slug}}",
                "search_fields": ["title"],
                "multiple": True,
            },
        },
        "team": {
            "type": "string",
            "x-frontlint-relation": {
                "collection": "settings",
                "file": "teams",
                "value_field": "teams.*.name",
                "search_fields": ["teams.*.name"],
                "multiple": False,
            },
        },
        "sponsors": {
            "type": "array",
            "x-frontlint-relation": {"collection": "sponsors", "value_field": "title"},
        },
    },
}

GADGET = """---
$schema: ../../schemas/gadget.schema.json
title: Gadget
maker: Globex
authors:
  - grace-hopper
team: Core
---
"""


@pytest.fixture
def decap_site(site: Path) -> Path:
    write(site, {
        "static/admin/config.yml": DECAP,
        "data/teams.yml": "teams:\n  - name: Core\n  - name: Docs\n",
        "schemas/gadget.schema.json": json.dumps(RELATION_SCHEMA, indent=2),
        "content/products/gadget.md": GADGET,
    })  # fmt: skip
    return site


def test_decap_relations_name_entries_of_their_collection(decap_site):
    gadget = f"{SITE}/content/products/gadget.md"
    assert check(gadget, select="RF") == []
    text = GADGET.replace("maker: Globex", "maker: GLOBEX").replace("grace-hopper", "ada")
    text = text.replace("team: Core", "team: Cor\nsponsors:\n  - Initech\n  - Hooli")
    (decap_site / "content/products/gadget.md").write_text(text, encoding="utf-8")
    assert check(gadget, select="RF") == [
        ("RF001", 4, 8, "maker: `GLOBEX` is not the `title` of any entry of the Decap collection "
         "`organisations`; did you mean `Globex`?"),
        # `people` lists `{{slug}}/index` entries: `ada-lovelace.md` is not one of them.
        ("RF001", 6, 5, "authors[0]: `ada` is not the `{{slug}}` of any entry of the Decap "
         "collection `people`"),
        ("RF001", 7, 7, "team: `Cor` is not the `teams.*.name` of any entry of the Decap "
         "collection `settings`; did you mean `Core`?"),
        ("RF001", 9, 5, "sponsors[0]: `Initech` cannot be checked: the Decap configuration has "
         "no collection `sponsors`"),
    ]  # fmt: skip


def test_the_decap_configuration_is_found_and_its_repository_is_the_sites_parent(decap_site):
    loaded = detect(decap_site, frozenset(os.listdir(decap_site)))
    assert loaded is not None and "cms" not in loaded.cache  # read by the rule itself
    config = references.decap_config(loaded)
    assert config is not None
    assert config.repository == decap_site.parent
    assert [c.name for c in config.collections] == ["organisations", "people", "settings"]
    assert references.decap_config(loaded) is config  # once per site


# --- the pieces ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("glob", "path", "expected"),
    [
        ("content/people/**/*.md", "content/people/a.md", True),
        ("content/people/**/*.md", "content/people/x/y/index.md", True),
        ("content/people/**/*.md", "content/people.md", False),
        ("content/*/index.md", "content/a/b/index.md", False),
        ("content/p?ople/*.md", "content/people/a.md", True),
        ("/content//./people/*.md", "content/people/a.md", True),
        ("**", "any/thing/at/all", True),
        ("*.m?", "a.md", True),
        ("*.m?", "a.mdx", False),
        ("a*b*c", "abbbc", True),
        ("a*b*c", "acb", False),
        ("*x*x*x*x*x*x*x*x*y", "x" * 200, False),  # no backtracking: linear
    ],
)
def test_globs(glob, path, expected):
    assert glob_match(glob_parts(glob), path.split("/")) is expected


def test_slugs_of_files_bundles_and_translations(tmp_path):
    plain = Site(PLAIN, tmp_path)
    assert references.slugs(plain, "content/people/ada.md") == ["ada"]
    assert references.slugs(plain, "content/people/ada/index.md") == ["ada"]
    assert references.slugs(plain, "content/people/_index.fr.md") == ["people"]
    assert references.slugs(plain, "content/people/ada.fr.md") == ["ada.fr", "ada"]
    assert references.slugs(plain, "content/people/v1.2.md") == ["v1.2"]


def test_name_match_takes_each_piece_leftmost():
    assert name_match("*ab*ab", "xabyab") and not name_match("*ab*ab", "xab")
    assert name_match("?", "a") and not name_match("?", "")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2024-03-01", "2024-02-29", 1),
        ("2024-03-01", "2024-03-01", 0),
        ("2024-03-01T10:00", "2024-03-01T09:59:59.999", 1),
        ("2024-03-01T10:00:00+02:00", "2024-03-01T09:00:00Z", -1),
        ("2024-03-01T10:00:00Z", "2024-03-01T10:00", None),  # zone and no zone, same day
        ("2024-03-02T10:00:00Z", "2024-03-01T10:00", 1),
        ("2024-03-01", "2024-03-01T10:00", None),  # a day and a time on that day
        ("2024-03-01", 3, None),
        (2, 2.0, 0),
        (1, 10**30, -1),
        ("2024-02-30", "2024-02-01", None),  # no such day
        (float("nan"), 1, None),
        (True, False, None),
    ],
)
def test_dates_and_numbers_compare(a, b, expected):
    pa, pb = point(a), point(b)
    assert (compare(pa, pb) if pa is not None and pb is not None else None) == expected


def test_examples_with_files_are_explained_after_the_page():
    rule = references.ORDER
    text = rule.explain("en")
    assert "    end: 2025-03-12\n    ---\n    event.schema.json:\n        {\n" in text
    example = Example("good", "---\na: 1\n---\n", files=(("s.json", "{}\n"),))
    assert example.as_json() == {
        "kind": "good", "path": "page.md", "text": "---\na: 1\n---\n", "today": None,
        "files": [{"path": "s.json", "text": "{}\n"}],
    }  # fmt: skip
