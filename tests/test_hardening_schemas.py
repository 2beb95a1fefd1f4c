"""Schemas from a proposed change are untrusted (issue 15): a page names only schemas inside its
repository, schema files and the files their `$ref` name are regular files of bounded size,
patterns run in bounded time, and frontlint's own keywords are checked before rules read them.

Whatever could hang on a regression (a pipe, /dev/zero, a catastrophic pattern) runs in a child
process with a timeout."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import schema as schema_module
from linter.schema import MAX_SCHEMA_BYTES, to_re2
from tests.conftest import ROOT, TODAY, found, lint

SLOW = "a" * 40 + "!"
"""A text on which `^(a+)+$` backtracks for hours in Python's re."""


def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`tmp_path/repo`, a repository (with `.git`) and the working directory; beside it,
    `tmp_path/secret.json`, a JSON file outside the repository."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "schemas").mkdir()
    (tmp_path / "secret.json").write_text('{"type": "TOP-SECRET-VALUE"}', encoding="utf-8")
    monkeypatch.chdir(repo)
    return repo


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def write_schema(repo: Path, name: str, schema: object) -> Path:
    return write(repo / "schemas" / name, json.dumps(schema))


def shown(value: str) -> str:
    """A value as SC007 quotes it (an excerpt of 60 characters)."""
    return value if len(value) <= 60 else value[:59] + "…"


def lint_in_child(repo: Path, *args: str, timeout: float = 60) -> tuple[int, dict, float]:
    """`frontlint check --format json` in a child process: (exit code, payload, seconds)."""
    import time

    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--format", "json", "--today", TODAY, *args],
        cwd=repo, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    assert result.stderr == ""
    return result.returncode, json.loads(result.stdout), time.monotonic() - start


# --- S-4: `$schema` names a schema of the repository, or a bundled one.


def test_S4_absolute_schema_path_is_refused_without_reading_it(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    secret = str(tmp_path / "secret.json")
    write(repo / "page.md", f"---\n$schema: {secret}\ntitle: x\n---\n")
    code, payload = lint("page.md")
    assert (code, found(payload)) == (1, [
        ("SC007", 2, 10, f"schema `{shown(secret)}` is an absolute path: name a schema by its "
         "path from the page, inside the repository, or a bundled schema"),
    ])  # fmt: skip


def test_S4_relative_path_out_of_the_repository_is_refused(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    write(repo / "content" / "page.md", "---\n$schema: ../../secret.json\ntitle: x\n---\n")
    write(repo / "content" / "gone.md", "---\n$schema: ../../nothing-here.json\n---\n")
    code, payload = lint("content/page.md", "content/gone.md")
    # The same answer whether the file exists or not: a page learns nothing outside.
    assert (code, found(payload)) == (1, [
        ("SC007", 2, 10, "schema `../../nothing-here.json` is outside the repository: not read"),
        ("SC007", 2, 10, "schema `../../secret.json` is outside the repository: not read"),
    ])  # fmt: skip
    assert "TOP-SECRET" not in json.dumps(payload)


def test_S4_link_out_of_the_repository_is_refused_for_schema_and_layout(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    (repo / "schemas" / "linked.json").symlink_to(tmp_path / "secret.json")
    (repo / "schemas" / "post.schema.json").symlink_to(tmp_path / "secret.json")
    write(repo / "a.md", "---\n$schema: schemas/linked.json\n---\n")
    write(repo / "b.md", "---\nlayout: post\n---\n")
    code, payload = lint("a.md", "b.md")
    assert (code, found(payload)) == (1, [
        ("SC007", 2, 10, "schema `schemas/linked.json` is outside the repository: not read"),
        ("SC007", 2, 9, "schema `schemas/post.schema.json` is outside the repository: not read"),
    ])  # fmt: skip
    assert "TOP-SECRET" not in json.dumps(payload)


MISSING_APPLY_KEYS = [
    ("SC001", 1, 1, f"missing required key `{key}` ({title})")
    for key, title in [("title", "Titre"), ("callout", "Callout"), ("how", "Postuler"),
                       ("steps", "Étapes"), ("questions", "Questions"), ("join", "Rejoindre")]
]  # fmt: skip
"""What the bundled apply schema says of a page with nothing but its layout."""


def test_S4_schemas_of_the_repository_and_bundled_ones_are_still_named(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    write_schema(repo, "post.schema.json", {"properties": {"title": {"type": "string"}}})
    write(repo / "content" / "a.md", "---\n$schema: ../schemas/post.schema.json\ntitle: 3\n---\n")
    write(repo / "content" / "b.md", "---\n$schema: apply\nlayout: apply\n---\n")
    code, payload = lint("content/a.md", "content/b.md")
    assert (code, found(payload)) == (1, [
        ("SC003", 3, 8, "title: expected string, found integer `3`"), *MISSING_APPLY_KEYS,
    ])  # fmt: skip


def test_S4_a_page_out_of_the_repository_still_names_bundled_schemas(tmp_path, monkeypatch):
    repository(tmp_path, monkeypatch)
    write(tmp_path / "elsewhere" / "page.md", "---\n$schema: apply\nlayout: apply\n---\n")
    code, payload = lint(tmp_path / "elsewhere" / "page.md")
    assert (code, found(payload)) == (1, MISSING_APPLY_KEYS)


def test_S4_the_keywords_meta_schema_is_not_a_page_schema(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    assert (ROOT / "schemas" / schema_module.META_SCHEMA).is_file()
    write(repo / "page.md", f"---\n$schema: {schema_module.META_SCHEMA}\n---\n")
    write(repo / "other.md", "---\n$schema: frontlint-keywords.meta\n---\n")
    code, payload = lint("page.md", "other.md")
    assert (code, found(payload)) == (1, [
        ("SC007", 2, 10, "schema `frontlint-keywords.meta` not found (a path relative to the "
         "page, or a bundled schema name)"),
        ("SC007", 2, 10, "schema `frontlint-keywords.meta.json` not found (a path relative to "
         "the page, or a bundled schema name)"),
    ])  # fmt: skip


def test_S4_messages_in_french(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    write(repo / "content" / "page.md", "---\n$schema: ../../secret.json\n---\n")
    write(repo / "abs.md", "---\n$schema: /schemas/s.json\n---\n")
    code, payload = lint("abs.md", "content/page.md", extra=("--lang", "fr"))
    assert (code, found(payload)) == (1, [
        ("SC007", 2, 10, "le schéma `/schemas/s.json` est un chemin absolu : nommez un schéma par "
         "son chemin depuis la page, dans le dépôt, ou un schéma fourni"),
        ("SC007", 2, 10, "le schéma `../../secret.json` est hors du dépôt : non lu"),
    ])  # fmt: skip


def test_S4_a_schema_error_quotes_the_schema_only_as_a_short_excerpt(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    write_schema(repo, "post.schema.json", {"type": "x" * 5000})
    write(repo / "page.md", "---\nlayout: post\n---\n")
    code, payload = lint("page.md")
    # jsonschema's message quotes the whole value: 160 characters of it are shown.
    assert (code, found(payload)) == (1, [
        ("SC007", 2, 9, "schema `schemas/post.schema.json` is not a valid JSON Schema: type: '"
         + "x" * 152 + "…"),
    ])  # fmt: skip


# --- H-2: schema files and what their `$ref` name are regular files of bounded size.


def test_H2_ref_to_dev_zero_is_refused_not_read(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    write_schema(repo, "zero.schema.json", {"properties": {"title": {"$ref": "file:///dev/zero"}}})
    (repo / "schemas" / "linked-zero.json").symlink_to("/dev/zero")
    write_schema(repo, "link.schema.json", {"properties": {"title": {"$ref": "linked-zero.json"}}})
    write(repo / "a.md", "---\nlayout: zero\ntitle: x\n---\n")
    write(repo / "b.md", "---\nlayout: link\ntitle: x\n---\n")
    code, payload, _ = lint_in_child(repo, "a.md", "b.md")
    assert (code, found(payload)) == (1, [
        ("SC007", 2, 9, "schema `schemas/zero.schema.json` refers to `/dev/zero`, outside the "
         "repository: not read"),
        ("SC007", 2, 9, "schema `schemas/link.schema.json` refers to `schemas/linked-zero.json`, "
         "outside the repository: not read"),
    ])  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_H2_a_pipe_is_never_opened_as_a_schema_or_a_reference(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    os.mkfifo(repo / "schemas" / "pipe.json")
    write_schema(repo, "post.schema.json", {"properties": {"title": {"$ref": "pipe.json"}}})
    write(repo / "a.md", "---\n$schema: schemas/pipe.json\ntitle: x\n---\n")
    write(repo / "b.md", "---\nlayout: post\ntitle: x\n---\n")
    code, payload, _ = lint_in_child(repo, "a.md", "b.md")
    assert (code, found(payload)) == (1, [
        ("SC007", 2, 10, "schema `schemas/pipe.json` is not a regular file (a pipe, a device…): "
         "not read"),
        ("SC007", 2, 9, "schema `schemas/post.schema.json` refers to `schemas/pipe.json`, which "
         "is not a regular file (a pipe, a device…): not read"),
    ])  # fmt: skip


def test_H2_schema_files_larger_than_the_limit_are_not_read(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    padding = " " * MAX_SCHEMA_BYTES
    write(repo / "schemas" / "big.json", "{" + padding + "}")
    write(repo / "schemas" / "mapped.json", "{" + padding + "}")
    write_schema(repo, "post.schema.json", {"properties": {"title": {"$ref": "big.json"}}})
    write(repo / ".frontlint.toml", '[schemas]\n"m*.md" = "schemas/mapped.json"\n')
    write(repo / "a.md", "---\n$schema: schemas/big.json\n---\n")
    write(repo / "b.md", "---\nlayout: post\ntitle: x\n---\n")
    write(repo / "mapped.md", "---\ntitle: x\n---\n")
    size = MAX_SCHEMA_BYTES + 2
    code, payload = lint("a.md", "b.md", "mapped.md")
    assert (code, found(payload)) == (1, [
        ("SC007", 2, 10, f"schema `schemas/big.json` is larger than 1 MiB ({size} bytes): "
         "not read"),
        ("SC007", 2, 9, "schema `schemas/post.schema.json` refers to `schemas/big.json`, larger "
         f"than 1 MiB ({size} bytes): not read"),
        ("SC007", 1, 1, f"schema `schemas/mapped.json` is larger than 1 MiB ({size} bytes): "
         "not read"),
    ])  # fmt: skip


def test_H2_refs_inside_the_repository_still_resolve_and_escapes_are_refused(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    write_schema(repo, "common.json", {"$defs": {"t": {"type": "string"}}})
    write_schema(
        repo, "ok.schema.json", {"properties": {"title": {"$ref": "common.json#/$defs/t"}}}
    )
    write_schema(repo, "out.schema.json", {"properties": {"title": {"$ref": "../../secret.json"}}})
    write(repo / "a.md", "---\nlayout: ok\ntitle: 3\n---\n")
    write(repo / "b.md", "---\nlayout: out\ntitle: x\n---\n")
    code, payload = lint("a.md", "b.md")
    assert (code, found(payload)) == (1, [
        ("SC003", 3, 8, "title: expected string, found integer `3`"),
        ("SC007", 2, 9, f"schema `schemas/out.schema.json` refers to "
         f"`{tmp_path / 'secret.json'}`, outside the repository: not read"),
    ])  # fmt: skip
    assert "TOP-SECRET" not in json.dumps(payload)


# --- H-3: patterns in bounded time.


def test_H3_catastrophic_pattern_runs_in_linear_time_on_re2(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    write_schema(repo, "post.schema.json", {
        "properties": {"layout": {}, "title": {"pattern": "^(a+)+$"}},
        "patternProperties": {"^(b+)+$": {"type": "string"}},
        "additionalProperties": False,
    })  # fmt: skip
    write(repo / "page.md", f"---\nlayout: post\ntitle: {SLOW}\n{'b' * 40}!: x\n---\n")
    code, payload, seconds = lint_in_child(repo, "page.md", timeout=60)
    assert (code, found(payload)) == (1, [
        ("SC006", 3, 8, f"title: `{SLOW}` does not match the expected form `^(a+)+$`"),
        ("SC002", 4, 1, f"unknown key `{'b' * 40}!`"),
    ])  # fmt: skip
    assert seconds < 30


def test_H3_pattern_re2_cannot_read_is_cut_off_and_reported_where_it_ran(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    slow = "^(?=a)(a+)+$"  # a lookahead: Python's re, under the time budget
    write_schema(repo, "post.schema.json", {
        "properties": {"a": {"pattern": slow}, "b": {"pattern": slow}, "c": {"pattern": "^(?!x)"}},
    })  # fmt: skip
    write(repo / "page.md", f"---\nlayout: post\na: {SLOW}\nb: {SLOW}\nc: xyz\n---\n")
    code, payload, seconds = lint_in_child(repo, "page.md", timeout=60)
    message = f"schema `schemas/post.schema.json`: pattern `{slow}` is too slow to evaluate on "
    assert (code, found(payload)) == (1, [
        ("SC007", 3, 4, f"a: {message}this value: not checked"),
        ("SC007", 4, 4, f"b: {message}this value: not checked"),
        ("SC006", 5, 4, "c: `xyz` does not match the expected form `^(?!x)`"),
    ])  # fmt: skip
    # One search cut off after SEARCH_SECONDS; the same pattern is not run again.
    assert seconds < schema_module.SEARCH_SECONDS + 20


def test_H3_unevaluated_properties_with_a_catastrophic_pattern_is_cut_off(tmp_path, monkeypatch):
    # jsonschema searches `patternProperties` with Python's re for `unevaluatedProperties`.
    repo = repository(tmp_path, monkeypatch)
    write_schema(repo, "post.schema.json", {
        "patternProperties": {"^(a+)+$": {"type": "string"}}, "unevaluatedProperties": False,
    })  # fmt: skip
    write(repo / "page.md", f"---\nlayout: post\n{SLOW}: x\n---\n")
    code, payload, _ = lint_in_child(repo, "page.md", timeout=60)
    assert (code, found(payload)) == (1, [
        ("SC007", 1, 1, "schema `schemas/post.schema.json`: pattern `unevaluatedProperties` is "
         "too slow to evaluate on this value: not checked"),
    ])  # fmt: skip


def test_H3_without_a_timer_python_patterns_are_not_run(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    monkeypatch.setattr(schema_module, "_timer_available", lambda: False)
    write_schema(repo, "post.schema.json", {"properties": {"a": {"pattern": "^(?=a)"}}})
    write(repo / "page.md", "---\nlayout: post\na: abc\n---\n")
    code, payload = lint("page.md", extra=("--lang", "fr"))
    assert (code, found(payload)) == (1, [
        ("SC007", 3, 4, "a: schéma `schemas/post.schema.json` : le motif `^(?=a)` demande les "
         "expressions régulières de Python, que frontlint n’exécute qu’avec une limite de "
         "temps, indisponible ici : non vérifié"),
    ])  # fmt: skip


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"^\s$", "\xa0"), (r"^\S+$", "a\u202fb"), (r"^[^\s/]+$", "a\u3000"),
        (r"^\d+$", "٣٤"), (r"^\w+$", "été_2"), (r"^\W$", "é"), (r"^[\w-]+$", "sprint-n°3"),
        (r"^a$", "a\n"), (r"^a\Z", "a\n"), (r"^\u00e9$", "é"), (r"^\x41$", "A"),
        (r"^[]a]+$", "]a"), (r"^\bé", "é"), (r"^a{,2}$", "aa"), (r"^(a)\1$", "aa"),
        (r"(?i)^ÉTÉ$", "été"), (r"^.$", "\n"), (r"^[^a]$", "\n"), ("^x$", "x\ud800"),
    ],
)  # fmt: skip
def test_H3_patterns_mean_what_they_meant_with_pythons_re(pattern, text):
    assert schema_module._Patterns().search(pattern, text) == bool(re.search(pattern, text))


def test_H3_translation_to_re2_or_python_for_what_re2_cannot_say():
    assert to_re2(r"^\d{2}$") == (r"^\p{Nd}{2}$", True)
    assert to_re2(r"[\w.]\Z") == (r"[\p{L}\p{N}_.]\z", False)
    assert to_re2(r"\u00e9\x41") == (r"\x{00e9}\x{41}", False)
    for pattern in (r"\bword", r"(a)\1", r"a{,3}", r"[[:alpha:]]", r"[\S]", "\\", "[a"):
        assert to_re2(pattern) is None, pattern


def test_H3_re2_is_imported_only_when_a_pattern_is_evaluated(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    write_schema(repo, "plain.schema.json", {"properties": {"a": {"type": "string"}}})
    write_schema(repo, "pattern.schema.json", {"properties": {"a": {"pattern": "^x"}}})
    write(repo / "plain.md", "---\nlayout: plain\na: x\n---\n")
    write(repo / "pattern.md", "---\nlayout: pattern\na: x\n---\n")
    answers = [fresh(repo, page, "re2") for page in ("plain.md", "pattern.md")]
    assert answers == [
        (0, ["No problems found in 1 file (all validated by a schema)", "False"], ""),
        (0, ["No problems found in 1 file (all validated by a schema)", "True"], ""),
    ]


def fresh(repo: Path, page: str, module: str) -> tuple[int, list[str], str]:
    """`frontlint check PAGE` in a fresh process: its exit code, the lines it prints then whether
    it loaded ``module``, and what it wrote on stderr."""
    program = (
        "import sys\nfrom linter.cli import main\n"
        "sys.argv = ['frontlint', 'check', '--today', '2025-09-19', '--output-format', 'concise',"
        " '--lang', 'en', sys.argv[1]]\n"
        "code = 0\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        f"print({module!r} in sys.modules)\nsys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, page], cwd=repo, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    return done.returncode, done.stdout.splitlines(), done.stderr


def test_the_uri_format_module_is_imported_only_when_a_uri_is_checked(tmp_path, monkeypatch):
    # (linter.schema._import_jsonschema: rfc3986-validator costs 8 to 12 ms of every start.)
    repo = repository(tmp_path, monkeypatch)
    link = {"properties": {"link": {"type": "string", "format": "uri"}}}
    write_schema(repo, "plain.schema.json", {"properties": {"a": {"type": "string"}}})
    write_schema(repo, "link.schema.json", link)
    write(repo / "plain.md", "---\nlayout: plain\na: x\n---\n")
    write(repo / "usual.md", "---\nlayout: link\nlink: 'https://x.fr/a/b?c=d#e'\n---\n")
    write(repo / "link.md", "---\nlayout: link\nlink: 'ht tp://x'\n---\n")
    pages = ("plain.md", "usual.md", "link.md")
    answers = [fresh(repo, page, "rfc3986_validator") for page in pages]
    assert answers == [
        (0, ["No problems found in 1 file (all validated by a schema)", "False"], ""),
        (0, ["No problems found in 1 file (all validated by a schema)", "False"], ""),
        (
            1,
            [
                "link.md:3:7: SC004 link: `ht tp://x` is not a valid uri",
                "1 error in 1 file (1 checked; all validated by a schema)",
                "True",
            ],
            "",
        ),
    ]


URI_CHARACTERS = "aZ09:/?#[]@!$&'()*+,;=-._~% \\\n"


@settings(max_examples=3000, deadline=None)
@given(st.text(URI_CHARACTERS, max_size=24), st.sampled_from(["URI", "URI_reference"]))
def test_a_uri_judged_without_the_grammar_is_one_the_grammar_accepts(text, rule):
    # linter.schema._plain_uri: the usual URIs skip rfc3986-validator (6 ms to import).
    from rfc3986_validator import validate_rfc3986

    for url in (text, "http://" + text, "/" + text):
        if schema_module._plain_uri(url, rule):
            assert validate_rfc3986(url, rule), (url, rule)


def test_the_usual_uris_are_judged_without_the_grammar():
    usual = ["https://www.exemple.fr/a/b.html?x=1&y=2#top", "http://localhost:8080/", "mailto:a@b"]
    relative = ["/a/b/", "../c.md", "d?e=f", "#anchor", ""]
    assert [schema_module._plain_uri(url) for url in usual] == [True, True, False]
    assert [schema_module._plain_uri(url) for url in relative] == [False] * 5
    assert [schema_module._plain_uri(url, "URI_reference") for url in relative] == [True] * 5
    assert schema_module._plain_uri("a:b/c", "URI_reference") is False  # a scheme: ask the grammar


def test_a_format_module_that_fails_to_import_leaves_its_format_unchecked(tmp_path, monkeypatch):
    # As jsonschema does when the module is not installed: never an internal error (FL001).
    repo = repository(tmp_path, monkeypatch)
    write_schema(repo, "when.schema.json", {"properties": {"at": {"format": "date-time"}}})
    write(repo / "when.md", "---\nlayout: when\nat: demain\n---\n")
    broken = tmp_path / "broken"
    write(broken / "rfc3339_validator.py", "raise ImportError('broken installation')\n")
    # Before the PYTHONPATH there was (in a copy of the repository, the code under test), not
    # instead of it.
    pythonpath = os.pathsep.join(filter(None, [str(broken), os.environ.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--today", "2025-09-19", "--lang", "en",
         "--output-format", "concise", "when.md"],
        cwd=repo, capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "PYTHONPATH": pythonpath},
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (
        0,
        "No problems found in 1 file (all validated by a schema)\n",
    )


# --- C-6: frontlint's own keywords are checked against their meta-schema.

SEQUENCE_PAGE = (
    "---\nlayout: post\ndates:\n  - date: Sprint n° 1\n    desc: du 1er au 3 mars 2024\n"
    "  - date: Sprint n° 3\n    desc: du 1er au 3 avril 2024\n---\n"
)


def test_C6_bad_sequence_annotation_is_reported_once_per_page_and_skipped(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    write_schema(repo, "post.schema.json", {
        "properties": {"dates": {"type": "array", "x-frontlint-sequence": {"heading": ["date"]}}},
    })  # fmt: skip
    write(repo / "a.md", SEQUENCE_PAGE)
    write(repo / "b.md", SEQUENCE_PAGE)
    code, payload = lint("a.md", "b.md")
    message = (
        "schema `schemas/post.schema.json`: invalid `x-frontlint-sequence` annotation at "
        '`#/properties/dates/x-frontlint-sequence/heading` (expected `{"heading": "date", '
        '"details": "desc"}`); it is ignored'
    )
    # No FL001, no SQ001 for the gap (1, 3): the sequence rules skipped the annotation.
    assert (code, found(payload)) == (1, [("SC007", 2, 9, message), ("SC007", 2, 9, message)])


def test_C6_good_annotation_still_drives_the_sequence_rules(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    annotation = {"heading": "date", "details": "desc"}
    write_schema(repo, "common.json", {"$defs": {"dates": {"x-frontlint-sequence": annotation}}})
    write_schema(
        repo, "post.schema.json", {"properties": {"dates": {"$ref": "common.json#/$defs/dates"}}}
    )
    write(repo / "a.md", SEQUENCE_PAGE)
    code, payload = lint("a.md", extra=("--select", "SC,SQ001"))
    assert (code, found(payload)) == (1, [
        ("SQ001", 6, 21, "dates[1].date: number 3 where 2 is expected in the sequence"),
    ])  # fmt: skip


def test_C6_annotations_in_referenced_files_and_unknown_keywords(tmp_path, monkeypatch):
    repo = repository(tmp_path, monkeypatch)
    write_schema(repo, "common.json", {
        "$defs": {"dates": {"x-frontlint-sequence": {"heading": "date", "detail": "desc"}}},
    })  # fmt: skip
    write_schema(repo, "post.schema.json", {
        "properties": {"dates": {"$ref": "common.json#/$defs/dates"}},
        "x-frontlint-sequnce": {},
    })  # fmt: skip
    write(repo / "a.md", SEQUENCE_PAGE)
    code, payload = lint("a.md", extra=("--lang", "fr"))
    assert (code, found(payload)) == (1, [
        ("SC007", 2, 9, "schéma `schemas/common.json` : annotation `x-frontlint-sequence` "
         "invalide en `#/$defs/dates/x-frontlint-sequence/detail` (attendu : `{\"heading\": "
         "\"date\", \"details\": \"desc\"}`) ; elle est ignorée"),
        ("SC007", 2, 9, "schéma `schemas/post.schema.json` : annotation `x-frontlint-sequnce` "
         "inconnue en `#/x-frontlint-sequnce` ; vouliez-vous dire `x-frontlint-sequence` ? "
         "Elle est ignorée"),
    ])  # fmt: skip


def test_C6_the_meta_schema_examples_are_valid_annotations():
    meta = json.loads((ROOT / "schemas" / schema_module.META_SCHEMA).read_text(encoding="utf-8"))
    assert list(meta["properties"]) == [
        "x-frontlint-sequence", "x-frontlint-media", "x-frontlint-reference",
        "x-frontlint-relation", "x-frontlint-after", "x-frontlint-unique", "x-frontlint-in",
        "x-frontlint-yaml",
    ]  # fmt: skip
    for keyword, spec in meta["properties"].items():
        assert spec["examples"]
        for example in spec["examples"]:
            assert schema_module.valid_annotation(keyword, example)
    assert not schema_module.valid_annotation("x-frontlint-sequence", {"heading": ["date"]})
    assert not schema_module.valid_annotation("x-frontlint-other", {})


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no interval timers")
def test_H3_a_timer_of_whoever_runs_frontlint_is_kept():
    def handler(signum: int, frame: object) -> None:
        pass

    previous = signal.signal(signal.SIGALRM, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 100)
        # Python's re, under a timer of its own (a lookahead: not RE2).
        assert schema_module._Patterns().search("^(?=a)a$", "a") is True
        remaining, _interval = signal.getitimer(signal.ITIMER_REAL)
        assert signal.getsignal(signal.SIGALRM) is handler
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert 90 < remaining <= 100
