"""Every text a user reads in the user's language: rule messages, parsers' explanations,
command-line errors; and French by default on a site configured in French (issue 12)."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import i18n
from linter.cli import cli
from linter.messages import render
from linter.rules import messages

from .conftest import found, lint, run

ENGLISH = frozenset(
    "the is are not with should found expected and of to in this that which must cannot does "
    "has have for from by at its it if but than when your only be was were into missing unknown "
    "invalid would could did any no".split()
)
FRENCH = frozenset(
    "le la les est une des du pas avec doit trouvé attendu attendue dans sur pour qui que au aux "
    "et ne cette ce sont être introuvable inconnu inconnue".split()
)
# What a message quotes rather than says: `{parameters}`, `code`, 'values', "values", «…», “…”,
# and the rules' names, which are identifiers like their codes (`[unknown-key]`).
QUOTED = re.compile(
    r"\[[a-z0-9-]+\]|\{[^{}]*\}|`[^`]*`|(?<!\w)'[^'\n]*'(?!\w)|\"[^\"\n]*\"|“[^”]*”|«[^»]*»|(?<!\w)‘[^’]*’(?!\w)"
)


def words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", QUOTED.sub(" ", text).lower()))


def english_in(text: str) -> set[str]:
    return words(text) & ENGLISH


def french_in(text: str) -> set[str]:
    return words(text) & FRENCH


def test_the_detectors_detect():
    assert english_in("`x` is not expected (the value `is`)") == {"is", "not", "expected", "the"}
    assert english_in("`x` n’est pas attendu ici 'is not'") == set()
    assert french_in("the key `la` is not the page's") == set()
    assert french_in("la clé n’est pas attendue") == {"la", "est", "pas", "attendue"}


@pytest.fixture(autouse=True)
def _no_language_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)


# --- Every message key of every rule.


@pytest.mark.parametrize("key", sorted(messages()))
def test_every_message_key_speaks_only_its_language(key):
    text = messages()[key]
    assert english_in(text("fr")) == set(), text("fr")
    assert french_in(text("en")) == set(), text("en")


# --- Parsers' explanations.


def test_every_translated_parser_text_is_french():
    for table in (i18n._YAML_FR, i18n._YAML_CONTEXT_FR, i18n._TOML_FR, i18n._JSON_FR):
        for english, french in table.items():
            assert english_in(french) == set(), (english, french)
            assert french != english
    for pattern, french in i18n._VARIABLE_FR:
        assert english_in(french) == set(), pattern


@pytest.mark.parametrize(
    ("name", "text", "line", "column", "fr", "original"),
    [
        ("colon", "---\ntitle: Sprint 3: dates\n---\n", 2, 16,
         "YAML invalide : une valeur (`: `) n’est pas permise à cet endroit ; mettre entre "
         "guillemets un texte qui contient `: `",
         "mapping values are not allowed in this context"),
        ("tab", "---\n\ttitle: x\n---\n", 2, 1,
         "YAML invalide : une tabulation ne peut pas commencer un élément : indenter avec des "
         "espaces (ligne 2)",
         "found character '\\t' that cannot start any token (while scanning for the next token "
         "at line 2)"),
        ("character", "---\ntitle: @x\n---\n", 2, 8,
         "YAML invalide : le caractère '@' ne peut commencer aucun élément (ligne 2)",
         "found character '@' that cannot start any token (while scanning for the next token "
         "at line 2)"),
        ("tab-indent", "---\ntitle: x\n\tdate: 1\n---\n", 3, 1,
         "YAML invalide : une tabulation fausse l’indentation (indenter avec des espaces) (dans "
         "le texte commencé ligne 2)",
         "found a tab character that violates indentation (while scanning a plain scalar at "
         "line 2)"),
        ("quote", '---\ntitle: "Essai\n---\n', 3, 1,
         "YAML invalide : le texte s’arrête avant la fin (guillemet non fermé ?) (dans le texte "
         "entre guillemets commencé ligne 2)",
         "found unexpected end of stream (while scanning a quoted scalar at line 2)"),
        ("alias", "---\ntitle: *x\n---\n", 2, 8,
         "YAML invalide : alias non défini *x", "undefined alias *x"),
        ("recursive", "---\na: &x [*x]\n---\n", 2, 8,
         "YAML invalide : alias récursif *x (il se contient lui-même)", "recursive alias *x"),
        ("flow", "---\ntags: [a, b\n---\n", 3, 1,
         "YAML invalide : la `,` ou le `]` attendu manque (dans la liste entre crochets "
         "commencée ligne 2)",
         "did not find expected ',' or ']' (while parsing a flow sequence at line 2)"),
        ("indent", "---\nsteps:\n  - a\n b: c\n---\n", 4, 2,
         "YAML invalide : une clé était attendue : vérifier l’indentation (les clés d’un même "
         "niveau sont alignées) (dans le dictionnaire commencé ligne 2)",
         "did not find expected key (while parsing a block mapping at line 2)"),
        ("simple-key", "---\n? a\n: b\n:c\n---\n", 5, 1,
         "YAML invalide : le `:` attendu manque (dans la clé commencée ligne 4)",
         "could not find expected ':' (while scanning a simple key at line 4)"),
        ("control", "---\ntitle: a\x07b\n---\n", 2, 9,
         "YAML invalide : caractère de contrôle interdit (#x0007)",
         "control characters are not allowed (#x0007)"),
        ("escape", '---\ntitle: "a\\qb"\n---\n', 2, 10,
         "YAML invalide : caractère d’échappement (`\\`) inconnu (dans le texte entre guillemets "
         "commencé ligne 2)",
         "found unknown escape character (while parsing a quoted scalar at line 2)"),
        ("toml-value", "+++\ntitle = \n+++\n", 2, 9,
         "en-tête TOML invalide : valeur invalide", "Invalid value"),
        ("toml-twice", '+++\ntitle = "x"\ntitle = "y"\n+++\n', 3, 12,
         "en-tête TOML invalide : une valeur déjà définie ne peut pas être remplacée",
         "Cannot overwrite a value"),
        ("toml-string", '+++\ntitle = "x\n+++\n', 2, 11,
         "en-tête TOML invalide : caractère interdit '\\n'", "Illegal character '\\n'"),
        ("toml-table", "+++\n[a\n+++\n", 2, 3,
         "en-tête TOML invalide : `]` attendu à la fin d’un nom de table",
         "Expected ']' at the end of a table declaration"),
        ("json-comma", '{\n"title": "x",\n}\n', 3, 1,
         "en-tête JSON invalide : nom de propriété entre guillemets doubles attendu",
         "Expecting property name enclosed in double quotes"),
        ("json-colon", '{"a" 1}\n', 1, 6,
         "en-tête JSON invalide : séparateur `:` attendu", "Expecting ':' delimiter"),
        ("json-nan", '{"a": NaN}\n', 1, 7,
         "en-tête JSON invalide : NaN n’est pas une valeur JSON", "NaN is not a JSON value"),
    ],
)  # fmt: skip
def test_parser_errors_are_translated_and_json_keeps_the_parsers_words(
    page, name, text, line, column, fr, original
):
    path = page(text, f"{name}.md")
    english = {"FM001.yaml": "invalid YAML: ", "FM001.toml": "invalid TOML front matter: "}
    prefix = english["FM001.toml"] if text.startswith("+") else english["FM001.yaml"]
    prefix = "invalid JSON front matter: " if text.startswith("{") else prefix
    for lang, message in (("fr", fr), ("en", prefix + original)):
        _code, payload = lint(path, extra=("--lang", lang))
        assert found(payload) == [("FM001", line, column, message)]
        assert payload["diagnostics"][0]["parser_message"] == original
    assert english_in(fr) == set()


def test_a_parser_text_no_table_knows_stays_as_it_is():
    assert i18n.translate("some new complaint") == "some new complaint"
    assert i18n.translate("some new complaint (while parsing a block mapping at line 3)") == (
        "some new complaint (dans le dictionnaire commencé ligne 3)"
    )
    assert i18n.parser_text("Expecting value") == i18n.Outside(
        en="Expecting value", fr="valeur attendue"
    )


def test_a_file_the_system_refuses_says_why_in_french():
    reason = i18n.os_reason(PermissionError(errno.EACCES, "Permission denied"))
    assert render("FM006", {"reason": reason}, "fr") == (
        "impossible de lire le fichier : permission refusée"
    )
    assert render("FM006", {"reason": reason}, "en") == "cannot read file: Permission denied"
    odd = i18n.os_reason(OSError(errno.EXDEV, "Invalid cross-device link"))
    assert render("FM006", {"reason": odd}, "fr") == (
        "impossible de lire le fichier : Invalid cross-device link"
    )


# --- Command-line errors.

TRY = "Essayez « cli {command} --help » pour obtenir de l’aide."
USAGE_CHECK = "Utilisation : cli check [OPTIONS] [PATHS]...\n" + TRY.format(command="check")
USAGE_EXPLAIN = "Utilisation : cli explain [OPTIONS] CODE\n" + TRY.format(command="explain")

CLI_ERRORS = [
    ("unknown-option", ("check", "--qqqqqq"), {},
     f"{USAGE_CHECK}\n\nErreur : Option '--qqqqqq' inconnue.\n"),
    ("close-option", ("check", "--quite"), {},
     f"{USAGE_CHECK}\n\nErreur : Option '--quite' inconnue. Vouliez-vous dire '--quiet' ?\n"),
    ("bad-choice", ("check", "--fail-on", "grave"), {},
     f"{USAGE_CHECK}\n\nErreur : Valeur invalide pour '--fail-on' : 'grave' n’est pas parmi "
     "'error', 'warning', 'info'.\n"),
    ("bad-today", ("check", "--today", "2024-13-01"), {},
     f"{USAGE_CHECK}\n\nErreur : Valeur invalide pour '--today' : '2024-13-01' ne suit pas le "
     "format '%Y-%m-%d'.\n"),
    ("option-without-value", ("check", "--today"), {},
     "Erreur : L’option '--today' demande une valeur.\n"),  # (click shows no usage there)
    ("missing-path", ("check", "absent.md"), {},
     f"{USAGE_CHECK}\n\nErreur : chemin introuvable : absent.md\n"),
    ("missing-config", ("check", "--config", "absent.toml"), {},
     f"{USAGE_CHECK}\n\nErreur : Valeur invalide pour '--config' : 'absent.toml' introuvable.\n"),
    ("unknown-code", ("check", "--select", "SC,XX9"), {},
     f"{USAGE_CHECK}\n\nErreur : --select: code ou préfixe de règle inconnu `XX9`\n"),
    ("close-code", ("check", "--ignore", "SC0001"), {},
     f"{USAGE_CHECK}\n\nErreur : --ignore: code ou préfixe de règle inconnu `SC0001` ; "
     "vouliez-vous dire `SC001` ?\n"),
    ("output-folder", ("check", "-o", "absent/r.json"), {},
     f"{USAGE_CHECK}\n\nErreur : Valeur invalide pour '--output-file' / '-o' : impossible "
     "d’écrire le rapport dans `absent/r.json` : `absent` n’existe pas\n"),
    ("config-value", ("check",), {".frontlint.toml": 'fail-on = "grave"\n'},
     f"{USAGE_CHECK}\n\nErreur : .frontlint.toml:1:1: `fail-on`: valeur attendue parmi error, "
     "warning, info, trouvé : 'grave'\n"),
    ("config-key", ("check",), {".frontlint.toml": 'selct = ["SC"]\n'},
     f"{USAGE_CHECK}\n\nErreur : .frontlint.toml:1:1: `selct`: clé inconnue ; vouliez-vous dire "
     "`select` ?\n"),
    ("config-type", ("check",), {".frontlint.toml": "ignore = 3\n"},
     f"{USAGE_CHECK}\n\nErreur : .frontlint.toml:1:1: `ignore`: liste de textes attendue, "
     "trouvé : un nombre\n"),
    ("config-lang", ("check",), {".frontlint.toml": 'lang = "de"\n'},
     f"{USAGE_CHECK}\n\nErreur : .frontlint.toml:1:1: `lang`: `en` ou `fr` attendu, trouvé : "
     "'de'\n"),
    ("config-folder", ("check",), {".frontlint.toml": '[site]\nroot = "absent"\n'},
     f"{USAGE_CHECK}\n\nErreur : .frontlint.toml:2:1: `site.root`: le dossier `absent` "
     "introuvable\n"),
    ("config-toml", ("check",), {".frontlint.toml": "select = [\n"},
     f"{USAGE_CHECK}\n\nErreur : .frontlint.toml: TOML invalide : valeur invalide (à la fin du "
     "document)\n"),
    ("config-toml-located", ("check",), {".frontlint.toml": "select = [1 2]\n"},
     f"{USAGE_CHECK}\n\nErreur : .frontlint.toml:1:13: TOML invalide : liste non fermée\n"),
    ("missing-argument", ("explain",), {},
     f"{USAGE_EXPLAIN}\n\nErreur : Argument manquant 'CODE'.\n"),
    ("unknown-rule", ("explain", "ZZ999"), {},
     f"{USAGE_EXPLAIN}\n\nErreur : règle 'ZZ999' inconnue ; `frontlint rules` les liste "
     "toutes\n"),
    ("extra-argument", ("explain", "FM001", "FM002"), {},
     f"{USAGE_EXPLAIN}\n\nErreur : Argument en trop (FM002)\n"),
    ("unknown-command", ("chek",), {},
     "Utilisation : cli [OPTIONS] COMMAND [ARGS]...\nEssayez « cli --help » pour obtenir de "
     "l’aide.\n\nErreur : Commande 'chek' inconnue. Vouliez-vous dire 'check' ?\n"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "files", "expected"), [case[1:] for case in CLI_ERRORS], ids=[c[0] for c in CLI_ERRORS]
)
def test_every_command_line_error_speaks_french(tmp_path, monkeypatch, args, files, expected):
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert run(args[0], "--lang", "fr", *args[1:]) == (2, expected)
    english = run(args[0], "--lang", "en", *args[1:])
    assert english[0] == 2
    assert "Error: " in english[1]
    assert french_in(english[1]) == set(), english[1]
    assert english_in(expected) == set()


def test_a_git_error_speaks_french_around_gits_own_words(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q", "."], check=True)
    top = os.path.realpath(tmp_path)
    assert run("check", "--lang", "fr", "--changed-since", "nope") == (
        2,
        f"{USAGE_CHECK}\n\nErreur : --changed-since nope: `nope` n’est pas un commit du dépôt de "
        f"{top}\n",
    )


def test_the_language_of_command_line_errors_without_flag(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    error = f"{USAGE_CHECK}\n\nErreur : Option '--qqqqqq' inconnue.\n"
    assert run("check", "--qqqqqq")[1].endswith("\n\nError: No such option '--qqqqqq'.\n")
    runner = CliRunner(env={i18n.LANG_ENV: "fr"})
    assert (runner.invoke(cli, ["check", "--qqqqqq"]).output) == error
    (tmp_path / ".frontlint.toml").write_text('lang = "fr"\n', encoding="utf-8")
    assert run("check", "--qqqqqq") == (2, error)
    (tmp_path / ".frontlint.toml").unlink()
    (tmp_path / "hugo.toml").write_text('languageCode = "fr-fr"\n', encoding="utf-8")
    assert run("check", "--qqqqqq") == (2, error)  # the site at the working folder
    assert run("check", "--qqqqqq", "--lang", "en")[1].startswith("Usage: cli check")
    # Help pages stay English, like the descriptions they are made of.
    code, text = run("check", "--help")
    assert code == 0
    assert text.startswith("Usage: cli check [OPTIONS] [PATHS]...")


# --- The language of a run: `--lang`, FRONTLINT_LANG, `lang`, the site, English.


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


EMPTY_EN, EMPTY_FR = "empty file", "fichier vide"


def _messages(*args: str) -> list[str]:
    _code, out = run("check", "--format", "json", "--today", "2025-01-01", *args)
    return [d["message"] for d in json.loads(out)["diagnostics"]]


def test_a_french_site_gets_french_messages_unless_told_otherwise(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, {"hugo.toml": 'languageCode = "fr-fr"\n', "content/a.md": "\n"})
    assert _messages() == [EMPTY_FR]
    assert _messages("--lang", "en") == [EMPTY_EN]
    monkeypatch.setenv(i18n.LANG_ENV, "en")
    assert _messages() == [EMPTY_EN]
    assert _messages("--lang", "fr") == [EMPTY_FR]
    monkeypatch.delenv(i18n.LANG_ENV)
    _write(tmp_path, {".frontlint.toml": 'lang = "en"\n'})
    assert _messages() == [EMPTY_EN]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"content/a.md": "\n"}, EMPTY_EN),  # no generator: English
        ({"hugo.toml": 'title = "x"\n', "content/a.md": "\n"}, EMPTY_EN),  # no language named
        ({"hugo.toml": 'defaultContentLanguage = "fr"\n', "content/a.md": "\n"}, EMPTY_FR),
        ({"hugo.toml": 'languageCode = "en-us"\n', "content/a.md": "\n"}, EMPTY_EN),
        ({"hugo.toml": 'languageCode = "de-de"\n', "content/a.md": "\n"}, EMPTY_EN),
        ({"_config.yml": "lang: fr\n", "a.md": "\n"}, EMPTY_FR),
        ({".frontlint.toml": '[site]\nlanguage = "fr"\n', "a.md": "\n"}, EMPTY_FR),
    ],
)
def test_the_sites_configured_language(tmp_path, monkeypatch, files, expected):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, files)
    assert _messages() == [expected]


def test_several_sites_speak_the_language_of_most_pages_then_of_the_first(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path,
        {
            "fr/hugo.toml": 'languageCode = "fr"\n',
            "fr/content/a.md": "\n",
            "fr/content/b.md": "\n",
            "en/hugo.toml": 'languageCode = "en"\n',
            "en/content/a.md": "\n",
            "plain/a.md": "\n",
            "plain/b.md": "\n",
            "plain/c.md": "\n",  # a folder of no site says nothing
        },
    )
    assert _messages("en", "fr", "plain") == [EMPTY_FR] * 6
    assert _messages("en", "fr/content/a.md") == [EMPTY_EN] * 2  # a tie: the first met
    assert _messages("fr/content/a.md", "en") == [EMPTY_FR] * 2


def test_nothing_to_check_speaks_the_language_of_the_first_paths_site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, {"hugo.toml": 'languageCode = "fr"\n', "content/a.md": "---\nx: 1\n---\n"})
    code, text = run("check", "--format", "text", "--today", "2025-01-01", "content")
    assert (code, english_in(text)) == (0, set()), text
    assert text == "Aucun problème dans 1 fichier (aucun n’avait de schéma)\n"


def test_explain_and_rules_speak_the_language_of_the_site_of_the_working_folder(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, {"hugo.toml": 'languageCode = "fr"\n'})
    assert run("explain", "FM007")[1] == run("explain", "FM007", "--lang", "fr")[1]
    assert run("rules")[1] == run("rules", "--lang", "fr")[1]
    assert run("rules", "--lang", "en")[1] != run("rules")[1]


# --- A whole report on a French site, with no flag.

FRENCH_SITE = {
    "hugo.toml": 'baseURL = "https://exemple.gouv.fr/"\nlanguageCode = "fr-fr"\n',
    "schemas/article.schema.json": json.dumps(
        {
            "type": "object",
            "required": ["title"],
            "properties": {
                "title": {"type": "string"},
                "layout": {"type": "string"},
                "date": {"type": "string", "format": "date"},
                "rang": {"type": "string"},
                "places": {"type": "integer"},
            },
            "additionalProperties": False,
        }
    ),
    "content/blog/syntaxe.md": "---\ntitle: Sprint 3: dates\n---\nTexte.\n",
    "content/blog/tabulation.md": "---\ntitle: Essai\n\tdate: 2024\n---\nTexte.\n",
    "content/blog/guillemet.md": '---\ntitle: "Essai\n---\nTexte.\n',
    "content/blog/toml.md": "+++\ntitle = \n+++\nTexte.\n",
    "content/blog/json.md": '{\n"title": "x",\n}\nTexte.\n',
    "content/blog/contenu.md": (
        "---\ntitle: Essai\ntitle: Autre\n---\n"
        "Lorem ipsum dolor sit amet. Voir [la page](/blog/absente/).\n"
    ),
    "content/blog/schema.md": (
        "---\nlayout: article\ntitel: Essai\ndate: 2024-13-45\nrang: 7ème\nplaces: beaucoup\n"
        "---\nTexte.\n"
    ),
    "content/blog/vide.md": "",
}


def test_a_french_site_with_no_flag_gets_a_report_without_an_english_sentence(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, FRENCH_SITE)
    code, out = run("check", "--format", "json", "--today", "2025-01-01")
    assert code == 1
    rows = [(d["path"], d["code"], d["line"]) for d in json.loads(out)["diagnostics"]]
    assert rows == [
        ("content/blog/contenu.md", "FM002", 3),
        ("content/blog/contenu.md", "PH001", 5),
        ("content/blog/contenu.md", "LK009", 5),
        ("content/blog/guillemet.md", "FM001", 3),
        ("content/blog/json.md", "FM001", 3),
        ("content/blog/schema.md", "SC002", 3),
        ("content/blog/schema.md", "SC004", 4),
        ("content/blog/schema.md", "TY001", 5),
        ("content/blog/schema.md", "SC003", 6),
        ("content/blog/syntaxe.md", "FM001", 2),
        ("content/blog/tabulation.md", "FM001", 3),
        ("content/blog/toml.md", "FM001", 2),
        ("content/blog/vide.md", "FM007", 1),
    ]
    for diagnostic in json.loads(out)["diagnostics"]:
        assert english_in(diagnostic["message"]) == set(), diagnostic["message"]
        assert ("parser_message" in diagnostic) == (diagnostic["code"] == "FM001")
    for fmt in ("text", "github", "markdown", "junit"):
        code, text = run("check", "--format", fmt, "--today", "2025-01-01")
        # Excerpts of the pages (`3 | title: …`) are the editor's own words.
        said = [line for line in text.splitlines() if not re.match(r"\s*\d*\s*\|", line)]
        assert english_in("\n".join(said)) == set(), (fmt, text)
