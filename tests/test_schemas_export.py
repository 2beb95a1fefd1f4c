"""`frontlint schemas export`: the schemas derived from a site's Decap CMS configuration, as files."""

from __future__ import annotations

import json

from tests.conftest import SITE, found, lint, run


def test_export_writes_one_schema_per_collection_and_listed_file(tmp_path, monkeypatch):
    monkeypatch.chdir(SITE)  # a repository that holds its Hugo site in `site/`
    out = tmp_path / "derived"
    code, printed = run("schemas", "export", "--out", str(out))
    assert code == 0
    names = sorted(path.name for path in out.iterdir())
    assert len(names) == 27  # 7 folder collections and the 20 files of the `pages` collection
    assert names[:4] == [
        "articles.schema.json", "categories.schema.json", "defis.schema.json",
        "expertises.schema.json",
    ]  # fmt: skip
    assert printed.splitlines()[0] == f"{out}/defis.schema.json"
    defis = json.loads((out / "defis.schema.json").read_text(encoding="utf-8"))
    assert defis["properties"]["title"] == {"type": "string", "minLength": 1, "title": "Titre"}
    assert "title" in defis["required"]


def test_export_prints_them_as_one_object_and_refuses_a_site_without_cms(tmp_path, monkeypatch):
    monkeypatch.chdir(SITE)
    code, printed = run("schemas", "export", "site")
    assert code == 0
    assert sorted(json.loads(printed))[:2] == ["articles", "categories"]
    monkeypatch.chdir(tmp_path)
    code, printed = run("schemas", "export")
    assert code == 2
    assert printed.splitlines()[-1] == "Error: no Decap CMS configuration found for the site at ."


def test_a_misspelt_layout_that_turns_validation_off_is_reported(page):
    page("---\nlayout: aply\ntitle: Candidater\n---\n")
    assert found(lint("page.md")[1]) == [
        ("SC007", 2, 9, "no schema for the layout `aply`: the page is not validated; did you mean `apply`?"),
    ]  # fmt: skip
    page("---\nlayout: article\ntitle: Un article\n---\n")  # no schema, none close: nothing
    assert found(lint("page.md")[1]) == []


def test_a_date_the_templates_compare_must_be_a_yaml_date(page, tmp_path):
    (tmp_path / "event.schema.json").write_text(json.dumps({
        "type": "object",
        "properties": {
            "date": {"type": "string", "x-frontlint-yaml": {"type": "date"}},
            "start": {"type": "string", "x-frontlint-yaml": {"type": "timestamp"}},
        },
    }), encoding="utf-8")  # fmt: skip
    page("---\n$schema: event.schema.json\ndate: '2024-01-29'\nstart: 2024-01-29 09:30:00\n---\n")
    assert found(lint("page.md")[1]) == [
        ("RF005", 3, 8, "date: `2024-01-29` is text, not a YAML date: write it without quotes"),
    ]
    page("---\n$schema: event.schema.json\ndate: 29/01/2024\nstart: 2024-01-29\n---\n")
    assert found(lint("page.md")[1]) == [
        (
            "RF005",
            3,
            7,
            "date: `29/01/2024` is not a YAML date: write it year-month-day, as in `2024-01-29`",
        ),
    ]
