"""Every rule's spec: complete examples that do what they say, and the listings made from specs.

Each example is a whole file: written to its path and checked on its day, a bad example must
fire its rule and a good one must not. No documentation example can lie again.
"""

from __future__ import annotations

import json

import pytest

from linter.rules import all_rules
from tests.conftest import TODAY, found, run, write_example

# A bug of frontlint is the only way to get FL001, and FM006 needs a link, a loop or a special
# file, which an example (one file's text) cannot be: they have good examples, and their bad
# cases are tested where they can be made (tests/test_cli.py, tests/test_hardening_files.py).
NO_BAD_EXAMPLE = {
    "FL001": "only a bug of frontlint fires it",
    "FM006": "needs a link or a special file",
    "FM011": "needs a site configuration beside the page (tested in tests/test_site.py)",
}

EXAMPLES = [
    pytest.param(rule, index, example, id=f"{rule.code}-{example.kind}{index}")
    for rule in all_rules()
    for index, example in enumerate(rule.examples)
]

# Every diagnostic of each bad example (offline, on its day), keyed by (rule, index of the example
# in the rule's `examples`), in output order: (code, line, column, message). The schema rules'
# examples are partial pages of the bundled `apply` schema: their other missing keys (SC001) are
# reported too. Each row was reviewed against its example.
BAD_EXAMPLE_DIAGNOSTICS = {
    ("DT001", 0): [
        ("DT001", 2, 32, "desc: write `août`, not `aout`"),
    ],
    ("DT002", 0): [
        ("DT002", 2, 35, "desc: 31 avril 2024 does not exist"),
    ],
    ("DT003", 0): [
        ("DT003", 2, 10, "desc: write `6`, not `06`"),
        ("DT003", 2, 21, "desc: write `1er`, not `1`, for the first of a month"),
    ],
    ("DT004", 0): [
        ("DT004", 2, 23, "desc: write `avril` in lower case, not `Avril`"),
        ("DT004", 2, 35, "desc: write `avril` in lower case, not `Avril`"),
    ],
    ("DT005", 0): [
        ("DT005", 2, 29, "desc: 14 March 2024 is a Thursday, not `lundi`"),
    ],
    ("DT006", 0): [
        ("DT006", 2, 26, "desc: date range runs backwards: `du 25 au 6 juin 2024` ends on 6 June 2024, before it starts on 25 June 2024; is the start's month missing?"),
    ],
    ("DT007", 0): [
        ("DT007", 2, 18, "desc: date range `du 6 juin au 6 juin 2024` starts and ends on the same day"),
    ],
    ("DT008", 0): [
        ("DT008", 2, 35, "desc: write `12 février 2024`, not `12/02/2024`"),
    ],
    ("DT009", 0): [
        ("DT009", 2, 51, "desc: write `23 h 59`, not `23h59`"),
    ],
    ("FL002", 0): [
        ("FL002", 2, 31, "unused suppression `disable=TY002`: nothing to suppress"),
    ],
    ("FM001", 0): [
        ("FM001", 2, 16, "invalid YAML: mapping values are not allowed in this context"),
    ],
    ("FM002", 0): [
        ("FM002", 3, 1, "duplicate key `title` (first defined at line 2)"),
    ],
    ("FM003", 0): [
        ("FM003", 1, 1, "front matter opened with `---` is never closed"),
    ],
    ("FM004", 0): [
        ("FM004", 2, 1, "front matter must be a mapping of keys to values, not a list"),
    ],
    ("FM005", 0): [
        ("FM005", 1, 1, "binary file: a page must be UTF-8 text"),
    ],
    ("FM007", 0): [
        ("FM007", 1, 1, "empty file"),
    ],
    ("FM008", 0): [
        ("FM008", 2, 8, "tag `tag:yaml.org,2002:python/object/apply:os.system` is not allowed: it is ignored and the value read as plain text"),
    ],
    ("FM009", 0): [
        ("FM009", 7, 8, "aliases expand to too many values: document refused"),
    ],
    ("FM010", 0): [
        ("FM010", 2, 3, "a key must be a plain name, not a list or a mapping"),
    ],
    ("LK001", 0): [
        ("LK001", 2, 32, "desc: white space inside the URL `https://www.demarches-simplifiees.fr/commencer/aac eig7`"),
    ],
    ("LK001", 2): [
        ("LK001", 2, 15, "link: `www.service-public.ff`: `.ff` is not a top-level domain"),
    ],
    ("LK002", 0): [
        ("LK002", 2, 31, "desc: link without a target"),
    ],
    ("LK003", 0): [
        ("LK003", 2, 7, "link: misspelt scheme in `https//www.linkedin.com/company/eigforever/`; did you mean `https://www.linkedin.com/company/eigforever/`?"),
    ],
    ("LK004", 0): [
        ("LK004", 2, 27, "desc: insecure link `http://data.gouv.fr`: use `https://data.gouv.fr`"),
    ],
    ("LK005", 0): [
        ("LK005", 2, 40, "link: empty path segment (`//`) in `https://www.eig.numerique.gouv.fr//participer/candidats/faq`"),
    ],
    ("LK006", 0): [
        ("LK006", 2, 32, "desc: domain `demarches-simplifies.fr` looks like a typo; did you mean `demarches-simplifiees.fr`?"),
    ],
    ("LK007", 0): [
        ("LK007", 2, 16, "desc: page-relative path `img/logo-eig.png` breaks where this field is shown; use `/img/logo-eig.png`"),
    ],
    ("LK008", 0): [
        ("LK008", 2, 23, "desc: malformed e-mail link `mailto:eig.beta.gouv.fr`"),
    ],
    ("LK009", 0): [
        ("LK009", 4, 22, "no page or file of the site is at `reglement-2025.pdf`"),
    ],
    ("LK010", 0): [
        ("LK010", 4, 35, "`#question-frequentes` is not an anchor of this page; did you mean `#questions-fréquentes`?"),
    ],
    ("PH001", 0): [
        ("PH001", 5, 53, "steps.dates[0].desc: placeholder text `seront communiquées prochainement` for juin-juillet 2024: write the real content before it starts"),
    ],
    ("PH002", 0): [
        ("PH002", 5, 53, "steps.dates[0].desc: stale placeholder `seront communiquées prochainement`: juin-juillet 2024 started on 1 June 2024"),
    ],
    ("PH003", 0): [
        ("PH003", 7, 13, "steps.dates[1].desc: same dates as `steps.dates[0].desc` (line 5) under another heading: a copy left unedited?"),
    ],
    ("RF001", 0): [
        ("RF001", 4, 8, "maker: `Acme Corporation` is not the `title` of any page of `organisations/*.md`; did you mean `ACME Corporation`?"),
        ("RF001", 5, 8, "image: `/widget.png` names no file: `img/widget.png` does not exist; did you mean `/widget.svg`?"),
    ],
    ("RF002", 0): [
        ("RF002", 5, 6, "end: `2025-03-12` comes before start `2025-03-14` (line 4)"),
    ],
    ("RF003", 0): [
        ("RF003", 7, 11, "phases[2].name: duplicate `Build` (first at line 6)"),
    ],
    ("RF004", 0): [
        ("RF004", 7, 16, "current_phase: `Biuld` is not one of the values of `phases.*.name`; did you mean `Build`?"),
    ],
    ("RF005", 0): [
        ("RF005", 3, 8, "date: `2024-01-29` is text, not a YAML date: write it without quotes"),
    ],
    ("SC001", 0): [
        ("SC001", 1, 1, "missing required key `title` (Titre)"),
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `steps` (Étapes)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 3, 1, "join: missing required key `image` (Image)"),
        ("SC001", 3, 1, "join: missing required key `desc` (Description)"),
        ("SC001", 3, 1, "join: missing required key `link` (Lien)"),
    ],
    ("SC002", 0): [
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `steps` (Étapes)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 1, 1, "missing required key `join` (Rejoindre)"),
        ("SC002", 3, 1, "unknown key `titel`; did you mean `title`?"),
    ],
    ("SC003", 0): [
        ("SC001", 1, 1, "missing required key `title` (Titre)"),
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 1, 1, "missing required key `join` (Rejoindre)"),
        ("SC001", 3, 1, "steps: missing required key `title` (Titre)"),
        ("SC003", 4, 10, "steps.dates: expected array, found string `Sprint n° 1`"),
    ],
    ("SC004", 0): [
        ("SC001", 1, 1, "missing required key `title` (Titre)"),
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `steps` (Étapes)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 3, 1, "join: missing required key `image` (Image)"),
        ("SC001", 3, 1, "join: missing required key `title` (Titre)"),
        ("SC001", 3, 1, "join: missing required key `desc` (Description)"),
        ("SC004", 4, 9, "join.link: `htps//www.linkedin.com/company/eigforever/`: expected an absolute URL starting with https://"),
    ],
    ("SC005", 0): [
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `steps` (Étapes)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 1, 1, "missing required key `join` (Rejoindre)"),
        ("SC005", 3, 8, "title: must not be empty"),
    ],
    ("SC006", 0): [
        ("SC001", 1, 1, "missing required key `title` (Titre)"),
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `steps` (Étapes)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 3, 1, "join: missing required key `image` (Image)"),
        ("SC001", 3, 1, "join: missing required key `title` (Titre)"),
        ("SC001", 3, 1, "join: missing required key `desc` (Description)"),
        ("SC006", 4, 9, "join.link: `http://www.linkedin.com/company/eigforever/`: expected an absolute URL starting with https://"),
    ],
    ("SC007", 0): [
        ("SC007", 2, 10, "schema `aply` not found (a path relative to the page, or a bundled schema name)"),
    ],
    ("SC007", 1): [
        ("SC007", 2, 10, "schema `https://www.eig.numerique.gouv.fr/schemas/apply.schema.json` is remote: frontlint never fetches schemas; use a local path"),
    ],
    ("SQ001", 0): [
        ("SC001", 1, 1, "missing required key `title` (Titre)"),
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 1, 1, "missing required key `join` (Rejoindre)"),
        ("SC001", 3, 1, "steps: missing required key `title` (Titre)"),
        ("SC001", 5, 7, "steps.dates[0]: missing required key `desc` (Description)"),
        ("SC001", 6, 7, "steps.dates[1]: missing required key `desc` (Description)"),
        ("SQ001", 6, 23, "steps.dates[1].date: number 6 where 5 is expected in the sequence"),
    ],
    ("SQ002", 0): [
        ("SC001", 1, 1, "missing required key `title` (Titre)"),
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 1, 1, "missing required key `join` (Rejoindre)"),
        ("SC001", 3, 1, "steps: missing required key `title` (Titre)"),
        ("SQ002", 8, 32, "steps.dates[1].desc: starts on 20 May 2024, before `Sprint n° 2 (avril-mai 2024)` ends (24 May 2024)"),
    ],
    ("SQ003", 0): [
        ("SC001", 1, 1, "missing required key `title` (Titre)"),
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 1, 1, "missing required key `join` (Rejoindre)"),
        ("SC001", 3, 1, "steps: missing required key `title` (Titre)"),
        ("SQ003", 8, 37, "steps.dates[0].desc: `du 16 au 30 avril 2024` starts before `du 3 au 26 avril 2024` ends (26 April 2024)"),
    ],
    ("SQ004", 0): [
        ("SC001", 1, 1, "missing required key `title` (Titre)"),
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 1, 1, "missing required key `join` (Rejoindre)"),
        ("SC001", 3, 1, "steps: missing required key `title` (Titre)"),
        ("SQ004", 5, 26, "steps.dates[0].date: heading says `juin-juillet 2024` but the dates run from 19 August 2024 to 8 September 2024"),
    ],
    ("SQ005", 0): [
        ("SC001", 1, 1, "missing required key `title` (Titre)"),
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 1, 1, "missing required key `join` (Rejoindre)"),
        ("SQ005", 4, 14, "steps.title: `3 sprints` announced, but `steps.dates` has 2"),
        ("SC001", 6, 7, "steps.dates[0]: missing required key `desc` (Description)"),
        ("SC001", 7, 7, "steps.dates[1]: missing required key `desc` (Description)"),
    ],
    ("SQ006", 0): [
        ("SC001", 1, 1, "missing required key `title` (Titre)"),
        ("SC001", 1, 1, "missing required key `callout` (Callout)"),
        ("SC001", 1, 1, "missing required key `how` (Postuler)"),
        ("SC001", 1, 1, "missing required key `questions` (Questions)"),
        ("SC001", 1, 1, "missing required key `join` (Rejoindre)"),
        ("SC001", 3, 1, "steps: missing required key `title` (Titre)"),
        ("SQ006", 7, 7, "steps.dates[1]: keys not in the order of the first item (date, desc)"),
    ],
    ("TY001", 0): [
        ("TY001", 2, 21, "title: write `7e`, not `7ème`"),
    ],
    ("TY002", 0): [
        ("TY002", 2, 29, "title: trailing white space"),
    ],
    ("TY003", 0): [
        ("TY003", 2, 14, "date: write `n°\xa03` with a non-breaking space, not `n°3`"),
    ],
    ("TY004", 0): [
        ("TY004", 2, 28, "title: the space before `?` should be a narrow no-break space (U+202F)"),
    ],
}  # fmt: skip


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_has_a_bad_and_a_good_example(rule):
    kinds = {example.kind for example in rule.examples}
    assert "good" in kinds
    assert ("bad" in kinds) != (rule.code in NO_BAD_EXAMPLE)


@pytest.mark.parametrize(("rule", "index", "example"), EXAMPLES)
def test_every_example_fires_or_stays_silent(rule, index, example, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_example(tmp_path, example)
    today = example.today or TODAY
    chosen = ("--extend-select", rule.code) if rule.opt_in else ()  # off unless selected
    _code, out = run(
        "check", "--isolated", "--format", "json", "--today", today, *chosen, example.path
    )
    payload = json.loads(out)
    codes = [d["code"] for d in payload["diagnostics"]]
    if example.served:
        # It needs --online and the web answering as `served` says (tests/test_online.py runs
        # it so): offline, a rule that needs the network reports nothing, bad example or good.
        online = {code for other in all_rules() if other.online for code in other.codes}
        assert rule.code in online, rule.code
        assert not online & set(codes), out
    elif example.kind == "bad":
        assert found(payload) == BAD_EXAMPLE_DIAGNOSTICS[rule.code, index]
    else:
        assert rule.code not in codes, out


def test_every_bad_example_offline_has_its_diagnostics_pinned():
    offline = {
        (rule.code, index)
        for rule in all_rules()
        for index, example in enumerate(rule.examples)
        if example.kind == "bad" and not example.served
    }
    assert set(BAD_EXAMPLE_DIAGNOSTICS) == offline
    for (code, _index), rows in BAD_EXAMPLE_DIAGNOSTICS.items():
        assert code in {row[0] for row in rows}, code


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
