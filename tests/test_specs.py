"""Every rule's spec: complete examples that do what they say, and the listings made from specs.

Each example is a whole file: written to its path and checked on its day, a bad example must
fire its rule and a good one must not. No documentation example can lie again.
"""

from __future__ import annotations

import json

import pytest

from linter.rules import all_rules
from tests.conftest import TODAY, run

# A bug of frontlint is the only way to get FL001, and FM006 needs a link, a loop or a special
# file, which an example (one file's text) cannot be: they have good examples, and their bad
# cases are tested where they can be made (tests/test_cli.py, tests/test_hardening_files.py).
NO_BAD_EXAMPLE = {
    "FL001": "only a bug of frontlint fires it",
    "FM006": "needs a link or a special file",
    "FM011": "needs a site configuration beside the page (tested in tests/test_site.py)",
}

EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.code}-{example.kind}{index}")
    for rule in all_rules()
    for index, example in enumerate(rule.examples)
]


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_has_a_bad_and_a_good_example(rule):
    kinds = {example.kind for example in rule.examples}
    assert "good" in kinds
    assert ("bad" in kinds) != (rule.code in NO_BAD_EXAMPLE)


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_every_example_fires_or_stays_silent(rule, example, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / example.path
    for path, text in example.files:  # beside the page: its schema, the pages it refers to
        extra = target.parent / path
        assert extra.resolve().is_relative_to(tmp_path.resolve()), path
        extra.parent.mkdir(parents=True, exist_ok=True)
        extra.write_text(text, encoding="utf-8", newline="")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(example.text, encoding="utf-8", newline="")
    today = example.today or TODAY
    chosen = ("--extend-select", rule.code) if rule.opt_in else ()  # off unless selected
    _code, out = run(
        "check", "--isolated", "--format", "json", "--today", today, *chosen, example.path
    )
    codes = [d["code"] for d in json.loads(out)["diagnostics"]]
    if example.served:
        # It needs --online and the web answering as `served` says (tests/test_online.py runs
        # it so): offline, a rule that needs the network reports nothing, bad example or good.
        online = {code for other in all_rules() if other.online for code in other.codes}
        assert rule.code in online, rule.code
        assert not online & set(codes), out
    elif example.kind == "bad":
        assert rule.code in codes, out
    else:
        assert rule.code not in codes, out


def test_rules_json_lists_every_field_and_complete_examples():
    code, out = run("rules", "--format", "json", "--lang", "fr")
    assert code == 0
    listing = json.loads(out)
    assert [entry["code"] for entry in listing] == [rule.code for rule in all_rules()]
    ty001 = next(entry for entry in listing if entry["code"] == "TY001")
    assert ty001 == {
        "code": "TY001",
        "name": "french-ordinal",
        "severity": "warning",
        "summary": "Un ordinal est écrit `7ème`, `1ère`… ; la typographie française veut `7e`, "
        "`1re`, `1er`.",
        "fixable": "safe",
        "default_enabled": True,
        "examples": [
            {"kind": "bad", "path": "page.md", "text": "---\ntitle: Découvrez la 7ème promotion\n---\n", "today": None,
             "files": []},
            {"kind": "good", "path": "page.md", "text": "---\ntitle: Découvrez la 7e promotion\n---\n", "today": None,
             "files": []},
        ],
    }  # fmt: skip
