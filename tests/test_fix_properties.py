"""Fixes keep everything they do not mean to change, and a second `--fix` changes nothing: on
generated pages (hypothesis: every YAML style, French typography and dates, hostile text) and on
every page of the real site (a copy of tests/corpus)."""

from __future__ import annotations

import difflib
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from linter import engine, fix
from linter.config import Settings
from linter.discover import discover
from linter.document import parse_text
from linter.site import Sites
from linter.yamltree import format_path
from tests.conftest import CORPUS, TODAY, run
from tests.fuzz import TODAY as DAY
from tests.fuzz import words

FIXABLE = [
    "7ème", "1ère", "2ème", "n°3", "N°12", "23h59", "9H30", "12:45", "1 mars 2024", "06 avril",
    "le 3 Avril 2024", "fevrier 2023", "decembre 2022", "29/01/2024", "le 02/03/2024",
    "2024-01-29", "Qui ?", "«Bonjour»", "« salut »", "note: oui", "vraiment!", " ", "  ",
    "https://www.servce-public.fr/x", "http://example.org/a", "\u00a0", "\u202f", "#", "'", '"',
]  # fmt: skip
text = st.lists(st.one_of(st.sampled_from(FIXABLE), words), max_size=8).map(" ".join)
values = st.recursive(
    text,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["a", "b", "desc"]), inner)
    ),
    max_leaves=6,
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    import io

    yaml = YAML()
    yaml.default_flow_style = draw(st.sampled_from([False, True, None]))
    yaml.default_style = draw(st.sampled_from([None, '"', "'", "|", ">"]))  # type: ignore[assignment]
    yaml.width = draw(st.integers(min_value=20, max_value=200))
    data = draw(
        st.dictionaries(st.sampled_from(["title", "desc", "x", "steps"]), values, max_size=4)
    )
    out = io.StringIO()
    try:
        yaml.dump(data, out)
    except Exception:  # a value ruamel cannot write in that style
        return "---\ntitle: x\n---\n"
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    page = f"---\n{out.getvalue()}---\n{draw(text)}\n"
    return page.replace("\r\n", "\n").replace("\n", newline)


OPTIONS = engine.Options(
    today=DAY, settings=Settings(lang="en", select=("TY", "DT", "LK004", "LK006", "SC"))
)


def _touched(diagnostics) -> set[str]:
    return {dict(d.message.args).get("path", "") for d in diagnostics if d.fix is not None}


def _leaves(data, prefix=()) -> dict[str, object]:
    if isinstance(data, dict):
        return {
            k: v for key, value in data.items() for k, v in _leaves(value, (*prefix, key)).items()
        }
    if isinstance(data, list):
        return {
            k: v for i, value in enumerate(data) for k, v in _leaves(value, (*prefix, i)).items()
        }
    return {format_path(prefix): data}


def check_fix_property(folder: Path, page_text: str, unsafe: bool) -> None:
    page = folder / "page.md"
    page.write_bytes(page_text.encode("utf-8", "surrogatepass"))
    files = [(page, "page.md")]
    first = engine.run(files, OPTIONS)
    fixed, dropped = fix.fix_files(files, OPTIONS, unsafe)
    assert dropped == []  # no fix failed its verification
    # A fix is made exactly when the first run offered one that applies: a safe one, or an unsafe
    # one with `unsafe` (as `--unsafe-fixes`).
    applicable = [
        d.code
        for d in first.diagnostics
        if d.fix is not None and d.fix.edits and (d.fix.safety == "safe" or unsafe)
    ]
    assert sorted(fixed) == (["page.md"] if applicable else []), applicable
    if not fixed:
        return
    state = fixed["page.md"]
    before, _ = parse_text(state.original, page, "page.md")
    after, problems = parse_text(state.text, page, "page.md")
    assert before is not None and after is not None and problems == []
    touched = _touched(first.diagnostics)
    old, new = _leaves(before.data), _leaves(after.data)
    assert old.keys() == new.keys()
    assert {k for k in old if old[k] != new[k]} <= touched
    if "" not in touched:
        assert after.body == before.body
    # Fixing twice is fixing once.
    page.write_text(state.text, encoding="utf-8", newline="")
    assert fix.fix_files(files, OPTIONS, unsafe) == ({}, [])


PROPERTY = settings(
    max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip


@PROPERTY
@given(page_text=pages(), unsafe=st.booleans())
# Always the fixing path (TY003: `n°3`, a safe fix), and an unsafe fix (DT008: `02/03/2024`
# after `le`) left without `unsafe`, applied with it.
@example(page_text="---\ntitle: Sprint n°3\n---\n", unsafe=False)
@example(page_text="---\ndesc: le 02/03/2024\n---\n", unsafe=False)
@example(page_text="---\ndesc: le 02/03/2024\n---\n", unsafe=True)
def test_fixes_on_generated_pages_keep_the_rest_and_are_idempotent(page_text, unsafe):
    with tempfile.TemporaryDirectory() as folder:
        check_fix_property(Path(folder), page_text, unsafe)


def test_fix_on_the_real_site(tmp_path, monkeypatch):
    """Every page of the real site: `--fix` removes every safe-fixable problem, changes nothing
    outside the fixed problems' spans, `--diff` shows what it does, and it is idempotent."""
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy)
    monkeypatch.chdir(copy)
    sites = Sites(named=(".",))
    settings_ = Settings(lang="en")
    files = discover(["."], settings_, sites=sites)
    options = engine.Options(today=DAY, settings=settings_, sites=sites)
    first = engine.run(files, options)
    spans: dict[str, list[tuple[int, int]]] = {}
    for d in first.diagnostics:
        if d.fix is not None and d.fix.safety == "safe":
            spans.setdefault(d.path, []).append((d.span.start, d.span.end))
    originals = {path: file.read_text(encoding="utf-8-sig") for file, path in files}

    code, diff, _ = run_with_err("check", "--today", TODAY, "--lang", "en", "--diff", ".")
    assert code == 1
    code, out, said = run_with_err(
        "check", "--today", TODAY, "--lang", "en", "--fix", "--format", "json", "."
    )
    assert said == f"Fixed {sum(len(s) for s in spans.values())} problems in {len(spans)} files.\n"

    left = [d for d in json.loads(out)["diagnostics"] if d.get("fix", {}).get("safety") == "safe"]
    assert left == []
    expected_diff = []
    changed = 0
    for file, path in files:
        now = file.read_text(encoding="utf-8-sig")
        was = originals[path]
        if now == was:
            continue
        changed += 1
        state = fix.Fixed(file, path, was, now, False)
        expected_diff += fix.diff(state)
        near = sorted(spans.get(path, []))
        for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(
            None, was, now, autojunk=False
        ).get_opcodes():
            if tag != "equal":  # every change lies in (or against) a fixed problem's span
                assert any(a <= i1 and i2 <= b for a, b in near), (path, was[i1 - 20 : i2 + 20])
    assert changed == len(spans)
    assert diff == "".join(f"{line}\n" for line in expected_diff)
    assert run("check", "--today", TODAY, "--lang", "en", "--diff", ".")[0] == 0


def run_with_err(*args: str) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from linter.cli import cli

    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr
