"""TY004 french-spacing (opt-in, one test per house style), opt-in rules in general, and rules
about a text's form left to the source of truth of a value that must stay equal to another."""

from __future__ import annotations

import json

import pytest

from tests.conftest import TODAY, found, run

NARROW, NO_BREAK = "\u202f", "\u00a0"


def check(*extra: str) -> list[tuple[str, int, int, str]]:
    _code, out = run("check", "--format", "json", "--today", TODAY, *extra, "page.md")
    return found(json.loads(out))


QUESTION = "---\ntitle: Qui peut candidater ?\n---\n"


def test_off_unless_selected(page):
    page(QUESTION)
    assert check() == []
    want = [
        ("TY004", 2, 27, "title: the space before `?` should be a narrow no-break space (U+202F)")
    ]
    assert check("--extend-select", "TY004") == want
    assert check("--select", "TY") == want
    assert check("--select", "ALL") == want
    page('[tool.frontlint]\nextend-select = ["TY004"]\n', "pyproject.toml")
    assert check() == want


def test_listed_as_off_by_default():
    assert (
        "TY004  french-spacing            warning (off)  No no-break space before `: ; ! ? »` "
        "or after `«` (off unless selected).\n"
    ) in run("rules")[1]
    markdown = run("rules", "--lang", "fr", "--format", "markdown")[1]
    assert "\n| TY004 | french-spacing | warning (désactivée) | Pas d’espace" in markdown
    listing = json.loads(run("rules", "--format", "json")[1])
    assert [r["code"] for r in listing if not r["default_enabled"]] == ["TY004"]


BODY = (
    "---\ntitle: Page\n---\n"
    "Lieu : Paris ; entrée libre !\n"  # 4
    "«Bonjour» et « salut »\n"  # 5
    "Vraiment?! Oui.\n"  # 6
    f"Déjà bien{NO_BREAK}: oui{NARROW}; non{NARROW}! «{NO_BREAK}cité{NO_BREAK}»\n"  # 7
)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("imprimerie-nationale", [
            ("TY004", 4, 5, "the space before `:` should be a no-break space (U+00A0)"),
            ("TY004", 4, 13, "the space before `;` should be a narrow no-break space (U+202F)"),
            ("TY004", 4, 28, "the space before `!` should be a narrow no-break space (U+202F)"),
            ("TY004", 5, 1, "put a no-break space (U+00A0) after `«`"),
            ("TY004", 5, 9, "put a no-break space (U+00A0) before `»`"),
            ("TY004", 5, 15, "the space after `«` should be a no-break space (U+00A0)"),
            ("TY004", 5, 21, "the space before `»` should be a no-break space (U+00A0)"),
            ("TY004", 6, 9, "put a narrow no-break space (U+202F) before `?`"),
        ]),
        ("narrow", [
            ("TY004", 4, 5, "the space before `:` should be a narrow no-break space (U+202F)"),
            ("TY004", 4, 13, "the space before `;` should be a narrow no-break space (U+202F)"),
            ("TY004", 4, 28, "the space before `!` should be a narrow no-break space (U+202F)"),
            ("TY004", 5, 1, "put a narrow no-break space (U+202F) after `«`"),
            ("TY004", 5, 9, "put a narrow no-break space (U+202F) before `»`"),
            ("TY004", 5, 15, "the space after `«` should be a narrow no-break space (U+202F)"),
            ("TY004", 5, 21, "the space before `»` should be a narrow no-break space (U+202F)"),
            ("TY004", 6, 9, "put a narrow no-break space (U+202F) before `?`"),
            ("TY004", 7, 10, "the space before `:` should be a narrow no-break space (U+202F)"),
            ("TY004", 7, 26, "the space after `«` should be a narrow no-break space (U+202F)"),
            ("TY004", 7, 31, "the space before `»` should be a narrow no-break space (U+202F)"),
        ]),
        ("no-break", [
            ("TY004", 4, 5, "the space before `:` should be a no-break space (U+00A0)"),
            ("TY004", 4, 13, "the space before `;` should be a no-break space (U+00A0)"),
            ("TY004", 4, 28, "the space before `!` should be a no-break space (U+00A0)"),
            ("TY004", 5, 1, "put a no-break space (U+00A0) after `«`"),
            ("TY004", 5, 9, "put a no-break space (U+00A0) before `»`"),
            ("TY004", 5, 15, "the space after `«` should be a no-break space (U+00A0)"),
            ("TY004", 5, 21, "the space before `»` should be a no-break space (U+00A0)"),
            ("TY004", 6, 9, "put a no-break space (U+00A0) before `?`"),
            ("TY004", 7, 16, "the space before `;` should be a no-break space (U+00A0)"),
            ("TY004", 7, 22, "the space before `!` should be a no-break space (U+00A0)"),
        ]),
    ],
)  # fmt: skip
def test_each_house_style(page, style, expected):
    page(BODY)
    page(f'[typography]\nno-break-space = "{style}"\n', ".frontlint.toml")
    assert check("--select", "TY004") == expected


def test_default_style_is_the_imprimerie_nationale(page):
    page(BODY)
    assert check("--select", "TY004")[0] == (
        "TY004", 4, 5, "the space before `:` should be a no-break space (U+00A0)"
    )  # fmt: skip


def test_an_unknown_style_is_a_usage_error(page):
    page(QUESTION)
    page('[typography]\nno-break-space = "thin"\n', ".frontlint.toml")
    code, out = run("check", "page.md")
    assert code == 2
    assert "no-break-space" in out and "imprimerie-nationale" in out


@pytest.mark.parametrize(
    "line",
    [
        "Il est 12:30, voir https://x.fr/?q=1&amp;r=2 et `a : b` :smile: fini.",
        "![Une image](x.png) et [la page](https://x.fr/a?b) puis `Quoi?`",
        "[ref]: https://x.fr",
        ": une définition kramdown",
        "Déjà bien&nbsp;: oui&#8239;; non&#x202F;! «&nbsp;cité&#160;»",
        f"*Note{NO_BREAK}:* et **Attention{NO_BREAK}:** lu.",
        "Le ratio 3:2 et le C:\\dossier",
    ],
)
def test_not_punctuation_of_prose(page, line):
    page(f"---\ntitle: Page\n---\n{line}\n")
    assert check("--select", "TY004") == []


def test_english_pages_are_left_alone(page):
    page("---\ntitle: Who can apply?\nlang: en\n---\nNote: read this!\n")
    assert check("--select", "TY004") == []


SCHEMA = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "phases": {
            "type": "array",
            "items": {"type": "object", "properties": {"name": {"type": "string"}}},
        },
        "current": {"type": "string", "x-frontlint-in": {"list": "phases.*.name"}},
        "related": {
            "type": "array",
            "items": {"type": "string"},
            "x-frontlint-reference": {"pages": "*.md", "field": "title"},
        },
        "partner": {"type": "string", "x-frontlint-reference": {"pages": "*.md", "field": "title"}},
    },
}


def test_form_rules_report_the_source_of_truth_not_its_copies(page):
    page(json.dumps(SCHEMA), "page.schema.json")
    page(
        "---\n$schema: page.schema.json\n"
        "title: La 7ème promotion\n"  # 3: the source of truth
        "phases:\n  - name: 1ère phase\n  - name: Sélection\n"  # 5: a source
        "current: 1ère phase\n"  # 7: must equal a phase's name
        "related:\n  - La 7ème promotion\n"  # 9: must equal a page's title
        "partner: La 7ème promotion\n"
        "slug: la-7ème-promotion\n"  # 11: the page's URL
        "aliases:\n  - /la-1ère-promo/\n"
        "---\n"
    )
    assert check() == [
        ("TY001", 3, 11, "title: write `7e`, not `7ème`"),
        ("TY001", 5, 11, "phases[0].name: write `1re`, not `1ère`"),
    ]


def test_a_tables_column_alignment_is_no_colon_of_prose(page):
    # A town hall's price tables (tests/sites/hugo-mairie): `---:` aligns, a cell's `:` is prose.
    page("---\ntitle: Page\n---\n| Tarif : réduit | Prix |\n| :--- | ---: |\n| :---: | --- |\n")
    assert check("--select", "TY004") == [
        ("TY004", 4, 8, "the space before `:` should be a no-break space (U+00A0)")
    ]
