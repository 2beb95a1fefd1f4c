"""Configuration: discovery, every key, command-line overrides, and located errors (exit 2)."""

from __future__ import annotations

import textwrap

import pytest

from tests.conftest import found, lint, run

PAGE = "---\ntitle: Sprint n°3\ndesc: Voir [site](http://exemple.fr/) le 12/02/2024 à 23h59\n---\n"
ALL = [
    ("TY003", 2, 15, "title: write `n°\u00a03` with a non-breaking space, not `n°3`"),
    ("LK004", 3, 19, "desc: insecure link `http://exemple.fr/`: use `https://exemple.fr/`"),
    ("DT008", 3, 42, "desc: write `12 février 2024`, not `12/02/2024`"),
    ("DT009", 3, 55, "desc: write `23 h 59`, not `23h59`"),
]


def write(tmp_path, name: str, text: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_no_configuration_reports_everything(page):
    page(PAGE)
    assert found(lint("page.md")[1]) == ALL


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('select = ["DT"]\n', [ALL[2], ALL[3]]),
        ('extend-select = ["TY"]\nselect = ["LK"]\n', [ALL[0], ALL[1]]),
        ('ignore = ["DT", "LK004"]\n', [ALL[0]]),
        ('ignore = ["DT"]\nextend-select = ["DT009"]\n', [ALL[0], ALL[1], ALL[3]]),  # the most specific wins
        ('[severity]\nLK004 = "off"\nDT = "error"\n', [ALL[0], ALL[2], ALL[3]]),
        ('[per-file-ignores]\n"*.md" = ["TY", "LK"]\n', [ALL[2], ALL[3]]),
        ('[dates]\ntime-format = "compact"\nnumeric-dates = true\n', [ALL[0], ALL[1]]),
        ('[dates]\ntime-format = "colon"\n', [*ALL[:3], ("DT009", 3, 55, "desc: write `23:59`, not `23h59`")]),
    ],
)  # fmt: skip
def test_selection_and_options(page, tmp_path, config, expected):
    page(PAGE)
    write(tmp_path, ".frontlint.toml", config)
    assert found(lint("page.md")[1]) == expected


def test_severity_override_changes_the_exit_code(page, tmp_path):
    page("---\ntitle: Sprint n°3\n---\n")
    assert lint("page.md")[0] == 0
    write(tmp_path, ".frontlint.toml", '[severity]\nTY003 = "error"\n')
    code, payload = lint("page.md")
    assert (code, payload["diagnostics"][0]["severity"]) == (1, "error")


def test_found_by_walking_up_and_in_pyproject(page, tmp_path, monkeypatch):
    page(PAGE, "site/content/page.md")
    write(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "site"\n\n[tool.frontlint]\nselect = ["LK"]\n',
    )
    monkeypatch.chdir(tmp_path / "site")
    assert found(lint("content/page.md")[1]) == [ALL[1]]
    # a .frontlint.toml nearer wins; a pyproject.toml without [tool.frontlint] is passed over
    write(tmp_path, "site/.frontlint.toml", 'select = ["TY"]\n')
    assert found(lint("content/page.md")[1]) == [ALL[0]]
    assert found(lint("content/page.md", extra=("--isolated",))[1]) == ALL
    assert found(lint("content/page.md", extra=("--config", "../pyproject.toml"))[1]) == [ALL[1]]


def test_command_line_overrides_the_file(page, tmp_path):
    page(PAGE)
    write(tmp_path, ".frontlint.toml", 'select = ["LK"]\nlang = "fr"\nfail-on = "warning"\n')
    code, out = run("check", "--today", "2025-09-19", "--format", "concise", "page.md")
    assert (code, out.splitlines()[-1]) == (
        1,
        "1 avertissement dans 1 fichier (1 vérifié ; aucun n’avait de schéma)",
    )
    code, out = run(
        "check",
        "--today",
        "2025-09-19",
        "--lang",
        "en",
        "--fail-on",
        "error",
        "--select",
        "TY",
        "--format",
        "concise",
        "page.md",
    )
    assert (code, out.splitlines()) == (0, ["page.md:2:15: TY003 title: write `n°\u00a03` with a non-breaking space, not `n°3`",
                                             "1 warning in 1 file (1 checked; none had a schema)"])  # fmt: skip


def test_exclude_and_force_exclude(page, tmp_path):
    page(PAGE, "content/a.md")
    page(PAGE, "content/drafts/b.md")
    page(PAGE, "node_modules/c.md")
    write(tmp_path, ".frontlint.toml", 'extend-exclude = ["content/drafts"]\n')
    assert checked(".") == (1, [("content/a.md", *row) for row in ALL])
    assert checked("content/drafts/b.md") == (1, [("content/drafts/b.md", *row) for row in ALL])
    assert checked("content/drafts/b.md", extra=("--force-exclude",)) == (0, [])
    write(tmp_path, ".frontlint.toml", 'exclude = ["content"]\n')
    # node_modules is no longer excluded; content is
    assert checked(".") == (1, [("node_modules/c.md", *row) for row in ALL])


def checked(*paths: str, extra: tuple[str, ...] = ()) -> tuple[int, list[tuple]]:
    """How many files `lint` checked, and its (path, code, line, column, message) rows: every
    page here has the four of ALL, so the paths of the rows tell which files were checked."""
    payload = lint(*paths, extra=extra)[1]
    rows = [
        (d["path"], *row) for d, row in zip(payload["diagnostics"], found(payload), strict=True)
    ]
    return payload["files_checked"], rows


def test_exclude_globs_match_a_name_or_a_path_from_the_configuration(page, tmp_path):
    for name in ("content/a.md", "content/a.draft.md", "content/old/b.md", "content/older/c.md",
                 "content/x/old/d.md", "other/e.md"):  # fmt: skip
        page(PAGE, name)
    write(
        tmp_path, ".frontlint.toml", 'extend-exclude = ["*.draft.md", "content/old/*", "o?her"]\n'
    )
    result = lint(".")[1]
    assert result["files_checked"] == 3
    assert sorted({d["path"] for d in result["diagnostics"]}) == [
        "content/a.md", "content/older/c.md", "content/x/old/d.md"
    ]  # fmt: skip


def test_schemas_mapping_by_layout_and_by_glob(page, tmp_path):
    write(tmp_path, "schemas/event.json", '{"required": ["title", "date"]}')
    write(
        tmp_path,
        ".frontlint.toml",
        '[schemas]\nevent = "schemas/event.json"\n"content/events/*.md" = "schemas/event.json"\n',
    )
    page("---\nlayout: event\ntitle: x\n---\n", "a.md")
    page("Pas d'en-tête du tout.\n", "content/events/b.md")
    assert [(d["path"], *row) for d, row in zip(*(lambda p: (p["diagnostics"], found(p)))(lint("a.md", "content/events/b.md")[1]), strict=True)] == [
        ("a.md", "SC001", 1, 1, "missing required key `date`"),
        ("content/events/b.md", "SC001", 1, 1, "missing required key `title`"),
        ("content/events/b.md", "SC001", 1, 1, "missing required key `date`"),
    ]  # fmt: skip


def test_site_and_rule_family_options(page, tmp_path):
    write(
        tmp_path,
        ".frontlint.toml",
        """\
        [site]
        base-url = "https://www.eig.numerique.gouv.fr"
        [links]
        known-domains = ["monsite.fr"]
        allowed-schemes = ["matrix"]
        [placeholders]
        phrases = ["en cours de rédaction"]
        """,
    )
    page(
        "---\ndesc: '[a](https://monsitte.fr/) [b](https://www.eig.numerique.gouv.fr/x) "
        "[c](https://www.eig.numerique.gouv.fr/y) [d](https://eig.numeriqe.gouv.fr/z) "
        "[e](matrix:r/x) Texte en cours de rédaction'\n---\n"
    )
    assert found(lint("page.md")[1]) == [
        ("LK006", 2, 12, "desc: domain `monsitte.fr` looks like a typo; did you mean `monsite.fr`?"),
        ("LK006", 2, 120, "desc: domain `eig.numeriqe.gouv.fr` looks like a typo; did you mean `eig.numerique.gouv.fr`?"),
        ("PH001", 2, 174, "desc: placeholder text `en cours de rédaction`"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('slect = ["DT"]\n', ".frontlint.toml:1:1: `slect`: unknown key; did you mean `select`?"),
        ('select = "DT"\nignore = [3]\n', ".frontlint.toml:2:1: `ignore`: expected a list of strings, found a list"),
        ('lang = "de"\n', ".frontlint.toml:1:1: `lang`: expected `en` or `fr`, found 'de'"),
        ('ignore = ["LK09"]\n', ".frontlint.toml:1:1: `ignore`: unknown rule code or prefix `LK09`"),
        ('ignore = ["LK04"]\n', ".frontlint.toml:1:1: `ignore`: unknown rule code or prefix `LK04`; did you mean `LK014`?"),
        ('\n[dates]\ntime-format = "compakt"\n', ".frontlint.toml:3:1: `dates.time-format`: expected one of spaced, compact, compact-minutes, colon; did you mean `compact`?"),
        ('[dates]\nnumeric-date = true\n', ".frontlint.toml:2:1: `dates.numeric-date`: unknown key; did you mean `numeric-dates`?"),
        ('[schemas]\nevent = "nowhere.json"\n', ".frontlint.toml:2:1: `schemas.event`: schema file `nowhere.json` not found"),
        ('[severity]\nLK004 = "loud"\n', ".frontlint.toml:2:1: `severity.LK004`: expected one of error, warning, info, off, found 'loud'"),
        ('[site]\nknown-domains = ["x.fr"]\n', ".frontlint.toml:2:1: `site.known-domains`: unknown key; it belongs to `[links]`"),
        ('[site]\nroot = "site"\n', ".frontlint.toml:2:1: `site.root`: folder `site` not found"),
        ('[site]\nroot = ".."\n', ".frontlint.toml:2:1: `site.root`: folder `..` is outside the configuration's folder"),
        ('[site]\nlanguage = "français"\n', ".frontlint.toml:2:1: `site.language`: expected a language code such as `fr` or `en`, found 'français'"),
        ('[site]\nbase = "/"\n', ".frontlint.toml:2:1: `site.base`: unknown key; did you mean `base-url`?"),
        ('select = ["DT",,]\n', ".frontlint.toml:1:16: invalid TOML: Invalid value"),
        ("max-per-rule = -1\n", "expected a number of diagnostics (0: no limit), found -1"),
        ('max-per-rule = "10"\n', "expected a number of diagnostics (0: no limit), found '10'"),
        ("max-per-rule = true\n", "expected a number of diagnostics (0: no limit), found True"),
    ],
)  # fmt: skip
def test_configuration_errors_exit_2_with_a_located_message(page, tmp_path, config, message):
    page(PAGE)
    write(tmp_path, ".frontlint.toml", config)
    code, out = run("check", "page.md")
    assert code == 2
    assert message in out


def test_unknown_code_on_the_command_line(page):
    page(PAGE)
    code, out = run("check", "--ignore", "ZZ1", "page.md")
    assert code == 2
    assert "--ignore: unknown rule code or prefix `ZZ1`" in out


@pytest.mark.parametrize(
    ("name", "config", "message"),
    [
        (".frontlint.toml", 'exclude = """\nlang = "fr"\n[dates]\n"""\n  lang = "de"\n',
         ".frontlint.toml:5:3: `lang`: expected `en` or `fr`, found 'de'"),
        (".frontlint.toml", "exclude = '''\n[links]\n'''\n\tdates . time-formt = 'x'\n",
         ".frontlint.toml:4:2: `dates.time-formt`: unknown key; did you mean `time-format`?"),
        (".frontlint.toml", 'select = [\n  "DT", # ] = [\n]\nlinks = { allowed-schemes = [], knwn-domains = [] }\n',
         ".frontlint.toml:4:33: `links.knwn-domains`: unknown key; did you mean `known-domains`?"),
        ("pyproject.toml", '[project]\r\ndescription = """\r\n[tool.frontlint]\r\nlang = "de"\r\n"""\r\n\r\n[tool.frontlint]\r\n  slect = []\r\n',
         "pyproject.toml:8:3: `slect`: unknown key; did you mean `select`?"),
    ],
)  # fmt: skip
def test_configuration_errors_after_a_multiline_string_name_the_real_line_and_column(
    page, tmp_path, name, config, message
):
    page(PAGE)
    (tmp_path / name).write_bytes(config.encode("utf-8"))
    code, out = run("check", "page.md")
    assert code == 2
    assert f"Error: {message}\n" in out
