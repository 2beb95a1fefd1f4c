"""Schema association and validation: every error at its node, in words a person understands."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import APPLY_PAGE, ROOT, SEED, found, lint, run

APPLY = APPLY_PAGE.read_text(encoding="utf-8")


def test_real_apply_page_is_clean_and_the_seed_fits_the_schema():
    assert lint(APPLY_PAGE) == (
        0,
        {"version": 1, "files_checked": 1, "files_validated": 1, "diagnostics": []},
    )
    # The seed's only problems are its placeholders (tests/rules/test_placeholders.py).
    assert {d["code"] for d in lint(SEED)[1]["diagnostics"]} == {"PH002", "SQ006"}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param("  title: Calendrier\n", "",
                     ("SC001", 18, 1, "steps: missing required key `title` (Titre)"), id="missing"),
        pytest.param("questions: Pour toute question sur les modalités, n'hésitez pas à [contacter\n"
                     "  l'équipe](https://www.eig.numerique.gouv.fr/contact) du programme EIG.\n", "",
                     ("SC001", 1, 1, "missing required key `questions` (Questions)"),
                     id="missing-top"),
        pytest.param("title: Appel à candidatures\n", "titel: Appel à candidatures\n",
                     ("SC002", 2, 1, "unknown key `titel`; did you mean `title`?"), id="unknown"),
        pytest.param("      desc: |-\n        * Dépôt des dossiers : du 3 au",
                     "      descr: |-\n        * Dépôt des dossiers : du 3 au",
                     ("SC002", 26, 7, "steps.dates[1]: unknown key `descr`; did you mean `desc`?"),
                     id="unknown-in-list"),
        pytest.param("  title: 3 étapes\n", "  title: 3\n",
                     ("SC003", 10, 10, "how.title: expected string, found integer `3`"), id="type"),
        pytest.param("questions: Pour toute question sur les modalités, n'hésitez pas à [contacter\n"
                     "  l'équipe](https://www.eig.numerique.gouv.fr/contact) du programme EIG.\n",
                     "questions:\n",
                     ("SC003", 41, 1, "questions: expected string, found an empty value"),
                     id="null"),
        pytest.param("  title: Retrouvez-nous sur les réseaux\n", '  title: ""\n',
                     ("SC005", 45, 10, "join.title: must not be empty"), id="empty"),
        pytest.param("  link: https://www.linkedin", "  link: https//www.linkedin",
                     ("SC004", 48, 9, "join.link: `https//www.linkedin.com/company/eigforever/`: "
                      "expected an absolute URL starting with https://"), id="bad-url"),
        pytest.param("  link: https://www.linkedin", "  link: http://www.linkedin",
                     ("SC006", 48, 9, "join.link: `http://www.linkedin.com/company/eigforever/`: "
                      "expected an absolute URL starting with https://"), id="http"),
        pytest.param("  image: https://www.eig.numerique.gouv.fr/img/eig6-1500x500.jpeg",
                     "  image: img/eig6-1500x500.jpeg",
                     ("SC006", 44, 10, "join.image: `img/eig6-1500x500.jpeg`: expected an absolute "
                      "URL (https://…) or a path from the site's root (/img/…)"),
                     id="relative-image"),
        pytest.param("layout: apply\n", "layout: aply\n$schema: apply\n",
                     ("SC006", 3, 9, "layout: expected `apply`, found `aply`"), id="const"),
        pytest.param("layout: apply\n", "layout: apply\ntitle: Doublon\n",
                     ("FM002", 4, 1, "duplicate key `title` (first defined at line 2)"),
                     id="duplicate"),
        pytest.param("callout:\n", "callout: [\n",
                     ("FM001", 5, 29, "invalid YAML: did not find expected ',' or ']' "
                      "(while parsing a flow sequence at line 4)"), id="syntax"),
        pytest.param("\n---\n", "\n", ("FM003", 1, 1, "front matter opened with `---` is never closed"),
                     id="unclosed"),
    ],
)  # fmt: skip
def test_broken_apply_page_gets_one_precise_diagnostic(page, old, new, expected):
    assert old in APPLY
    page(APPLY.replace(old, new, 1))
    code, payload = lint("page.md")
    assert (code, found(payload)) == (1, [expected])


def test_every_error_of_a_page_is_reported_in_order(page):
    broken = APPLY.replace("title: Appel à candidatures\n", "title: 42\n", 1)
    broken = broken.replace("  title: Calendrier\n", "  titre: Calendrier\n", 1)
    broken = broken.replace("    - date: Sprint n° 2 (avril-mai 2024)\n", "    - date:\n", 1)
    page(broken)
    assert found(lint("page.md")[1]) == [
        ("SC003", 2, 8, "title: expected string, found integer `42`"),
        ("SC002", 19, 3, "steps: unknown key `titre`; did you mean `title`?"),
        ("SC003", 25, 7, "steps.dates[1].date: expected string, found an empty value"),
    ]


def test_messages_in_french(page):
    page(APPLY.replace("  title: 3 étapes\n", "  title: 3\n", 1))
    code, out = run(
        "check", "--lang", "fr", "--today", "2025-09-19", "--format", "concise", "page.md"
    )
    assert (code, out) == (
        1,
        "page.md:10:10: SC003 how.title: attendu : texte ; trouvé : nombre entier `3`\n"
        "1 erreur dans 1 fichier (1 vérifié ; tous validés par un schéma)\n",
    )


def write_schema(folder: Path, name: str, schema: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(schema), encoding="utf-8")
    return path


EVENT = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "layout": {"const": "event"},
        "date": {"type": "string", "format": "date"},
        "start": {"type": "string", "format": "date-time"},
        "contact": {"type": "string", "format": "email"},
        "kind": {"enum": ["atelier", "bootcamp", "demo"]},
        "tags": {"type": "array", "minItems": 1},
        "link": {"anyOf": [{"type": "string", "format": "uri"}, {"type": "null"}]},
    },
    "required": ["title"],
    "additionalProperties": False,
}


def test_formats_are_checked_for_real_and_timestamps_are_iso_strings(page, tmp_path):
    write_schema(tmp_path / "schemas", "event.schema.json", EVENT)
    (tmp_path / ".git").mkdir()
    page(
        "---\ntitle: Atelier\nlayout: event\ndate: 2024-01-29\nstart: 2024-01-29T10:00:00Z\n"
        "contact: equipe@example.org\nkind: atelier\ntags: [a]\nlink: https://example.org/x\n---\n",
        "good.md",
    )
    page(
        "---\ntitle: Atelier\nlayout: event\ndate: 2024-02-30\nstart: demain\n"
        "contact: equipe.example.org\nkind: bootcmp\ntags: []\nlink: 'ht tp://x'\n---\n",
        "bad.md",
    )
    code, payload = lint("good.md", "bad.md")
    assert code == 1
    assert [d["path"] for d in payload["diagnostics"]] == ["bad.md"] * 6
    assert found(payload) == [
        ("SC004", 4, 7, "date: `2024-02-30` is not a valid date"),
        ("SC004", 5, 8, "start: `demain` is not a valid date-time"),
        ("SC004", 6, 10, "contact: `equipe.example.org` is not a valid email"),
        ("SC006", 7, 7, "kind: `bootcmp` is not one of the 3 allowed values; "
         "did you mean `bootcamp`?"),
        ("SC006", 8, 7, "tags: must have at least 1 item(s), found 0"),
        ("SC004", 9, 7, "link: `ht tp://x` is not a valid uri"),
    ]  # fmt: skip


def test_project_schemas_win_over_bundled_ones(page, tmp_path):
    (tmp_path / ".git").mkdir()
    write_schema(tmp_path / "schemas", "apply.schema.json", {"required": ["deadline"]})
    page("---\ntitle: x\nlayout: apply\n---\n", "content/page.md")
    assert found(lint("content/page.md")[1]) == [("SC001", 1, 1, "missing required key `deadline`")]


def test_bundled_schema_is_found_from_anywhere(page):
    page("---\ntitle: x\nlayout: apply\n---\n")
    assert [d[:3] for d in found(lint("page.md")[1])] == [
        ("SC001", 1, 1), ("SC001", 1, 1), ("SC001", 1, 1), ("SC001", 1, 1), ("SC001", 1, 1),
    ]  # fmt: skip


def test_layout_without_schema_skips_validation(page):
    page("---\ntitle: 42\nlayout: post\n---\n")
    assert lint("page.md")[1]["diagnostics"] == []


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("../schemas/event.schema.json", []),
        ("apply", [("SC001", 1, 1, "missing required key `layout` (Gabarit)")]),
        ("../schemas/evnt.schema.json",
         [("SC007", 2, 10, "schema `../schemas/evnt.schema.json` not found (a path relative to "
           "the page, or a bundled schema name)")]),
        ("https://example.org/event.schema.json",
         [("SC007", 2, 10, "schema `https://example.org/event.schema.json` is remote: frontlint "
           "never fetches schemas; use a local path")]),
    ],
)  # fmt: skip
def test_dollar_schema_key_chooses_the_schema(page, tmp_path, declared, expected):
    write_schema(tmp_path / "schemas", "event.schema.json", EVENT)
    page(f"---\n$schema: {declared}\ntitle: Atelier\n---\n", "content/page.md")
    got = found(lint("content/page.md")[1])
    assert got[: len(expected)] == expected
    assert len(got) == (6 if declared == "apply" else len(expected))


def test_local_refs_resolve_and_remote_refs_are_never_fetched(page, tmp_path):
    write_schema(tmp_path / "schemas", "common.schema.json", {"$defs": {"t": {"type": "string"}}})
    write_schema(
        tmp_path / "schemas",
        "local.schema.json",
        {"properties": {"title": {"$ref": "common.schema.json#/$defs/t"}}},
    )
    write_schema(
        tmp_path / "schemas",
        "remote.schema.json",
        {"properties": {"title": {"$ref": "https://example.org/common.json"}}},
    )
    (tmp_path / ".git").mkdir()
    page("---\nlayout: local\ntitle: 42\n---\n", "a.md")
    page("---\nlayout: remote\ntitle: x\n---\n", "b.md")
    assert found(lint("a.md", "b.md")[1]) == [
        ("SC003", 3, 8, "title: expected string, found integer `42`"),
        ("SC007", 2, 9, "schema `schemas/remote.schema.json` refers to "
         "`https://example.org/common.json`: remote references are never fetched"),
    ]  # fmt: skip


def test_broken_schemas_are_reported_once_per_page(page, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "a.schema.json").write_text("{oops", encoding="utf-8")
    write_schema(tmp_path / "schemas", "b.schema.json", {"type": 12})
    page("---\nlayout: a\n---\n", "a.md")
    page("---\nlayout: b\n---\n", "b.md")
    assert found(lint("a.md", "b.md")[1]) == [
        ("SC007", 2, 9, "schema `schemas/a.schema.json` is not valid JSON: Expecting property "
         "name enclosed in double quotes (line 1)"),
        ("SC007", 2, 9, "schema `schemas/b.schema.json` is not a valid JSON Schema: type: 12 is "
         "not valid under any of the given schemas"),
    ]  # fmt: skip


def test_toml_and_json_front_matter_are_validated_with_positions(page, tmp_path):
    write_schema(tmp_path / "schemas", "event.schema.json", EVENT)
    (tmp_path / ".git").mkdir()
    page("+++\ntitle = 'Atelier'\nlayout = 'event'\n\n[extra]\nx = 1\n+++\nbody\n", "t.md")
    page('{\n  "title": "Atelier",\n  "layout": "event",\n  "kind": "bootcmp"\n}\nbody\n', "j.md")
    assert found(lint("t.md", "j.md")[1]) == [
        ("SC006", 4, 11, "kind: `bootcmp` is not one of the 3 allowed values; "
         "did you mean `bootcamp`?"),
        ("SC002", 5, 1, "unknown key `extra`"),
    ]  # fmt: skip


def test_bundled_schema_ships_in_the_installed_package(tmp_path):
    # A fresh process from an unrelated folder finds apply.schema.json inside the package.
    frontlint = shutil.which("frontlint", path=str(Path(sys.executable).parent))
    assert frontlint is not None
    result = subprocess.run(
        [frontlint, "check", "--format", "json", "--today", "2025-09-19", str(APPLY_PAGE)],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, json.loads(result.stdout)["diagnostics"]) == (0, [])
    import linter.schema

    assert (linter.schema.bundled_schema_dir() / "apply.schema.json").is_file()


@pytest.mark.parametrize("path", sorted((ROOT / "schemas").glob("*.json")), ids=lambda p: p.name)
def test_every_bundled_schema_is_valid_for_its_declared_draft(path):
    """frontlint does not check its own schemas at run time (it costs every run): this does."""
    from jsonschema import validators

    schema = json.loads(path.read_text(encoding="utf-8"))
    assert "$schema" in schema
    validator = validators.validator_for(schema, default=None)
    assert validator is not None, schema["$schema"]
    validator.check_schema(schema)
