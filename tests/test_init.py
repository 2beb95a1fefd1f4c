"""`frontlint init [PATH]` (linter/init.py): a commented `.frontlint.toml` for the site found, what
was found said in the user's language, the file read back by `frontlint check`, and never an
existing configuration replaced nor a byte written out of PATH.

Sites are written in temporary folders (the working directory), as small as each case needs.
"""

from __future__ import annotations

import errno
import json
import os
import string
import tempfile
from pathlib import Path

import pytest

from linter import init as setup
from tests.conftest import TODAY, found, run

HOUSE_STYLE_EN = """\
# also check the no-break spaces of French typography (TY004, off by default):
# extend-select = ["TY004"]
"""
STYLE_EN = """\
# House style: remove the `# ` of a table and its key to choose.
# [dates]
# times: "spaced" 23 h 59 (default), "compact" 23h59, "compact-minutes" 20h00, "colon" 20:00
# time-format = "spaced"
# [typography]
# TY004's spaces: "imprimerie-nationale" (default), "narrow" U+202F, "no-break" U+00A0
# no-break-space = "imprimerie-nationale"
"""
HEADER_EN = """\
# frontlint's configuration, written by `frontlint init`. Every key is described in
# the README (Configuration); `frontlint rules` lists the rules, `frontlint explain
# CODE` documents one.
"""
DEFAULTS = ".git, node_modules, _site, public, resources, .venv, vendor, static"
NO_EXCLUDE_EN = f"""\
# Folders never checked: the defaults cover this site
# ({DEFAULTS});
# add others with extend-exclude = ["…"].
"""

HUGO = {
    "hugo.toml": 'baseURL = "https://www.example.gouv.fr/"\ndefaultContentLanguage = "fr"\n'
    "[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n",
    "content/actualites/rentree.md": '---\ntitle: " Rentrée"\n---\nTexte.\n',
    "content/actualites/rentree.en.md": "---\ntitle: Back to school\n---\nText.\n",
    "layouts/_default/single.html": "{{ .Content }}\n",
    "static/admin/config.yml": "backend:\n  name: git-gateway\nmedia_folder: static/img\n"
    "collections:\n  - name: actualites\n    label: Actualités\n    folder: content/actualites\n"
    "    fields:\n      - {name: title, label: Titre, widget: string}\n",
}
HUGO_FILE_EN = (
    HEADER_EN
    + """
# Site found: Hugo (pages: 2).
# Languages: fr (default), en.
# Decap CMS configuration: static/admin/config.yml
# (at its usual place: found without a setting).

lang = "fr"                       # messages in French, the site's language

"""
    + NO_EXCLUDE_EN
    + "\n"
    + HOUSE_STYLE_EN
    + """
[site]
language = "fr"                   # the language its configuration names
base-url = "https://www.example.gouv.fr"  # the site's address: links to it are internal

"""
    + STYLE_EN
)


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working folder, with no language chosen by the environment."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FRONTLINT_LANG", raising=False)
    return tmp_path


def check_json(*args: str) -> tuple[int, dict]:
    code, out = run("check", "--format", "json", "--today", TODAY, *args)
    return code, json.loads(out)


def test_a_hugo_site_its_languages_base_url_and_decap_configuration(folder: Path):
    write(folder, HUGO)
    code, out = run("init", "--lang", "en")
    assert (code, out) == (
        0,
        "Generator: Hugo\n"
        "Site root: .\n"
        "Languages: fr (default), en\n"
        "Base URL: https://www.example.gouv.fr\n"
        "CMS configuration: static/admin/config.yml (collections: 1)\n"
        "Pages: 2\n"
        "Wrote .frontlint.toml.\n",
    )
    assert (folder / ".frontlint.toml").read_text(encoding="utf-8") == HUGO_FILE_EN
    # `frontlint check` reads it: `lang = "fr"`, the two pages (not the template).
    code, payload = check_json()
    assert (code, payload["files_checked"]) == (0, 2)
    assert found(payload) == [("TY002", 2, 9, "title: espace au début de la valeur")]


def test_the_output_and_the_comments_speak_french_on_a_french_site(
    folder: Path, monkeypatch: pytest.MonkeyPatch
):
    write(folder, HUGO)
    code, out = run("init")  # no --lang: the site's language
    assert (code, out) == (
        0,
        "Générateur : Hugo\n"
        "Racine du site : .\n"
        "Langues : fr (par défaut), en\n"
        "URL de base : https://www.example.gouv.fr\n"
        "Configuration du CMS : static/admin/config.yml (collections : 1)\n"
        "Pages : 2\n"
        ".frontlint.toml écrit.\n",
    )
    assert (folder / ".frontlint.toml").read_text(encoding="utf-8") == (
        """\
# Configuration de frontlint, écrite par `frontlint init`. Chaque clé est décrite
# dans le README (Configuration) ; `frontlint rules` liste les règles, `frontlint
# explain CODE` en documente une.

# Site trouvé : Hugo (pages : 2).
# Langues : fr (par défaut), en.
# Configuration de Decap CMS : static/admin/config.yml
# (à sa place habituelle : trouvée sans réglage).

lang = "fr"                       # messages en français, la langue du site

# Dossiers jamais vérifiés : ceux par défaut suffisent à ce site
# (.git, node_modules, _site, public, resources, .venv, vendor, static) ;
# ajoutez-en avec extend-exclude = ["…"].

# vérifier aussi les espaces insécables du français (TY004, désactivée par défaut) :
# extend-select = ["TY004"]

[site]
language = "fr"                   # la langue que nomme sa configuration
base-url = "https://www.example.gouv.fr"  # l’adresse du site : les liens vers elle sont internes

# Style maison : retirez le `# ` d’une table et de sa clé pour choisir.
# [dates]
# heures : "spaced" 23 h 59 (par défaut), "compact" 23h59, "compact-minutes" 20h00, "colon" 20:00
# time-format = "spaced"
# [typography]
# espaces de TY004 : "imprimerie-nationale" (par défaut), "narrow" U+202F, "no-break" U+00A0
# no-break-space = "imprimerie-nationale"
"""
    )
    # The environment's language wins over the site's.
    os.remove(folder / ".frontlint.toml")
    monkeypatch.setenv("FRONTLINT_LANG", "en")
    code, out = run("init")
    assert (code, out.splitlines()[0]) == (0, "Generator: Hugo")


JEKYLL = {
    "site/_config.yml": 'url: "https://example.org"\nbaseurl: "/blog"\nlang: fr\n'
    "destination: build/out\n",
    "site/index.md": "---\ntitle: Accueil\n---\nBienvenue.\n",
    "site/_posts/2024-01-02-rentree.md": "---\ntitle: Rentrée\n---\nTexte.\n",
    "site/_layouts/default.html": "{{ content }}\n",
    "site/build/out/copie.md": "---\ntitle: Copie\n---\n",
    "site/admin/config.yml": "backend: {name: git-gateway}\nmedia_folder: assets\n"
    "collections: []\n",
    "schemas/post.schema.json": "{}\n",
}


def test_a_jekyll_site_in_a_folder_with_url_baseurl_lang_and_its_output_folder(folder: Path):
    write(folder, JEKYLL)
    code, out = run("init", "--lang", "en")
    assert (code, out) == (
        0,
        "Generator: Jekyll\n"
        "Site root: site\n"
        "Language: fr\n"
        "Base URL: https://example.org/blog\n"
        "CMS configuration: site/admin/config.yml (collections: 0)\n"
        "Schemas: schemas\n"
        "Pages: 2\n"
        "Wrote .frontlint.toml.\n",
    )
    assert (folder / ".frontlint.toml").read_text(encoding="utf-8") == (
        HEADER_EN
        + """
# Site found: Jekyll (pages: 2).
# Decap CMS configuration: site/admin/config.yml
# (at its usual place: found without a setting).

lang = "fr"                       # messages in French, the site's language

# Folders never checked: the site's generated folders, beyond the defaults
# (.git, node_modules, _site, public, resources, .venv, vendor, static).
extend-exclude = ["site/build/out"]

schema-dirs = ["schemas"]         # where the <layout>.schema.json files are

"""
        + HOUSE_STYLE_EN
        + """
[site]
root = "site"                     # the site's folder
language = "fr"                   # the language its configuration names
base-url = "https://example.org/blog"  # the site's address: links to it are internal

"""
        + STYLE_EN
    )
    # Without the file, the copy in Jekyll's output folder is a page; with it, it is not.
    code, payload = check_json("--isolated")
    assert (code, payload["files_checked"]) == (0, 3)
    code, payload = check_json()
    assert (code, payload["files_checked"], found(payload)) == (0, 2, [])


def test_no_site_a_minimal_file_and_the_path_it_applies_to(folder: Path):
    write(folder, {"pages/page.md": "---\ntitle: Page\n---\n", "pages/notes.txt": "x\n"})
    code, out = run("init", "pages")
    assert (code, out) == (
        0,
        "No Hugo or Jekyll site found in pages: a plain folder of pages.\n"
        "Pages: 1\n"
        "Wrote pages/.frontlint.toml.\n"
        "It applies when frontlint runs in pages or below (elsewhere: --config "
        "pages/.frontlint.toml).\n",
    )
    assert (folder / "pages" / ".frontlint.toml").read_text(encoding="utf-8") == (
        HEADER_EN
        + """
# No Hugo or Jekyll site was found: every page file is checked as a plain page.

"""
        + NO_EXCLUDE_EN
        + "\n"
        + HOUSE_STYLE_EN
        + "\n"
        + STYLE_EN
    )
    code, payload = check_json("--config", "pages/.frontlint.toml", "pages")
    assert (code, payload["files_checked"], found(payload)) == (0, 1, [])
    assert sorted(os.listdir(folder)) == ["pages"]  # nothing written out of PATH


@pytest.mark.parametrize("kind", ["file", "dangling-link", "pyproject"])
def test_an_existing_configuration_is_never_replaced(folder: Path, kind: str):
    write(folder, HUGO)
    target = folder / ".frontlint.toml"
    if kind == "file":
        target.write_text('lang = "en"\n', encoding="utf-8")
        expected = (
            "Error: .frontlint.toml already exists: not overwritten (remove it first to write "
            "a new one)\n"
        )
    elif kind == "dangling-link":
        target.symlink_to(folder / "elsewhere.toml")
        expected = (
            "Error: .frontlint.toml already exists: not overwritten (remove it first to write "
            "a new one)\n"
        )
    else:
        write(
            folder, {"pyproject.toml": '[project]\nname = "x"\n\n[tool.frontlint]\nlang = "en"\n'}
        )
        expected = (
            "Error: pyproject.toml already configures frontlint ([tool.frontlint]): "
            ".frontlint.toml not written (it would take its place)\n"
        )
    before = sorted(os.listdir(folder))
    code, out = run("init", "--lang", "en")
    assert (code, out) == (2, expected)
    assert sorted(os.listdir(folder)) == before
    assert not (folder / "elsewhere.toml").exists()
    if kind == "file":
        assert target.read_text(encoding="utf-8") == 'lang = "en"\n'


def test_refusal_in_french(folder: Path):
    write(folder, {".frontlint.toml": ""})
    code, out = run("init", "--lang", "fr")
    assert (code, out) == (
        2,
        "Erreur : .frontlint.toml existe déjà : il n’est pas remplacé (supprimez-le d’abord "
        "pour en écrire un nouveau)\n",
    )


def test_a_name_taken_while_writing_is_not_replaced(folder: Path):
    """The file is linked to its name, never renamed over it: a file (or link) that appears
    between the check and the write stays as it is, and no temporary file is left."""
    (folder / ".frontlint.toml").symlink_to(folder / "target.toml")
    with pytest.raises(setup.InitError) as raised:
        setup.write(folder, 'lang = "en"\n', ".frontlint.toml", "en")
    assert raised.value.exit_code == 2
    assert raised.value.message == (
        ".frontlint.toml already exists: not overwritten (remove it first to write a new one)"
    )
    assert sorted(os.listdir(folder)) == [".frontlint.toml"]
    assert not (folder / "target.toml").exists()


def test_a_folder_that_cannot_be_written(folder: Path, monkeypatch: pytest.MonkeyPatch):
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, out = run("init", "--lang", "en")
    assert (code, out) == (2, "Error: cannot write .frontlint.toml: Read-only file system\n")
    assert os.listdir(folder) == []


def test_an_invalid_site_configuration_is_said_and_the_file_still_written(folder: Path):
    write(folder, {"hugo.toml": 'baseURL = "https://x\n', "content/a.md": "---\ntitle: A\n---\n"})
    code, out = run("init", "--lang", "en")
    assert (code, out) == (
        0,
        "warning: hugo.toml: the site's configuration is not valid TOML, YAML or JSON\n"
        "Generator: Hugo\n"
        "Site root: .\n"
        "CMS configuration: none found\n"
        "Pages: 1\n"
        "Wrote .frontlint.toml.\n",
    )
    text = (folder / ".frontlint.toml").read_text(encoding="utf-8")
    assert text.splitlines()[4:8] == [
        "# Site found: Hugo (pages: 1).",
        "# Warning: hugo.toml: the site's configuration is not valid TOML, YAML or JSON.",
        "# No Decap CMS configuration found.",
        "",
    ]
    code, _out = run("check", "--today", TODAY, "--format", "json")
    assert code == 0


def test_configurations_linked_out_of_the_folder_are_not_read(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "hugo.toml").write_text('baseURL = "https://secret.example"\n', encoding="utf-8")
    (outside / "config.yml").write_text("collections: []\n", encoding="utf-8")
    write(folder, {"content/a.md": "---\ntitle: A\n---\n"})
    (folder / "hugo.toml").symlink_to(outside / "hugo.toml")
    (folder / "static" / "admin").mkdir(parents=True)
    (folder / "static" / "admin" / "config.yml").symlink_to(outside / "config.yml")
    code, out = run("init", "--lang", "fr")
    assert (code, out) == (
        0,
        "attention : hugo.toml : la configuration du site est un lien hors du dossier du site : "
        "non lue\n"
        "attention : static/admin/config.yml : la configuration du CMS est un lien hors du "
        "dossier du site : non lue\n"
        "Générateur : Hugo\n"
        "Racine du site : .\n"
        "Configuration du CMS : static/admin/config.yml\n"
        "Pages : 1\n"
        ".frontlint.toml écrit.\n",
    )
    assert "secret" not in (folder / ".frontlint.toml").read_text(encoding="utf-8")
    assert sorted(os.listdir(outside)) == ["config.yml", "hugo.toml"]


def test_a_cms_configuration_out_of_its_usual_place_is_named(folder: Path):
    write(
        folder,
        {
            "hugo.toml": 'languageCode = "en-us"\n',
            "content/a.md": "---\ntitle: A\n---\n",
            "admin/config.yml": "collections:\n  - {name: a, folder: content, fields: []}\n",
        },
    )
    code, out = run("init")  # an English site: English words
    assert (code, out) == (
        0,
        "warning: admin/config.yml: the CMS configuration: configuration: no `media_folder`\n"
        "Generator: Hugo\n"
        "Site root: .\n"
        "Language: en\n"
        "CMS configuration: admin/config.yml (collections: 1)\n"
        "Pages: 1\n"
        "Wrote .frontlint.toml.\n",
    )
    text = (folder / ".frontlint.toml").read_text(encoding="utf-8")
    assert "lang = " not in text
    assert text.split("[site]\n")[1].split("\n\n")[0] == (
        'language = "en"                   # the language its configuration names\n'
        'cms-config = "admin/config.yml"   # the Decap CMS configuration, not at its usual place'
    )
    # `frontlint check` reads the CMS configuration where the file says (it is not reported at
    # its usual place): its problem is reported there, and the page is validated by it.
    code, payload = check_json()
    assert (code, payload["files_validated"]) == (0, 1)
    assert found(payload) == [
        ("FM011", 1, 1, "the CMS configuration: configuration: no `media_folder`")
    ]


def test_what_cannot_be_written_is_left_out_and_said(folder: Path):
    name = "si\x1bte"
    write(folder, {f"{name}/_config.yml": "lang: en\n", f"{name}/index.md": "---\ntitle: A\n---\n"})
    code, out = run("init")
    assert (code, out) == (
        0,
        "warning: `root` not written: si\\x1bte holds characters a configuration cannot carry\n"
        "Generator: Jekyll\n"
        "Site root: si\\x1bte\n"
        "Language: en\n"
        "CMS configuration: none found\n"
        "Pages: 1\n"
        "Wrote .frontlint.toml.\n",
    )
    text = (folder / ".frontlint.toml").read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert text.split("[site]\n")[1].split("\n\n")[0] == (
        'language = "en"                   # the language its configuration names'
    )
    assert run("check", "--today", TODAY)[0] == 0


def test_a_folder_that_cannot_be_listed(folder: Path, monkeypatch: pytest.MonkeyPatch):
    listdir = os.listdir

    def refuse(path: object = ".") -> list[str]:
        if os.fspath(path) == str(folder):  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied")
        return listdir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "listdir", refuse)
    code, out = run("init", "--lang", "en")
    assert (code, out) == (
        0,
        "warning: .: cannot be listed: Permission denied\n"
        "No Hugo or Jekyll site found in .: a plain folder of pages.\n"
        "Pages: 0\n"
        "Wrote .frontlint.toml.\n",
    )


def test_every_text_exists_in_both_languages_with_the_same_parameters():
    def fields(text: str) -> set[str]:
        return {name for _t, name, _s, _c in string.Formatter().parse(text) if name}

    assert len(setup.WORDS) == 42
    for key, text in setup.WORDS.items():
        assert text.en and text.fr, key
        assert fields(text.en) == fields(text.fr), key


def test_a_folder_setting_out_of_the_site_is_said(folder: Path):
    write(folder, {"hugo.toml": 'contentDir = "../.."\n', "content/a.md": "---\ntitle: A\n---\n"})
    code, out = run("init", "--lang", "en")
    assert (code, out.splitlines()[0]) == (
        0,
        "warning: hugo.toml: the setting `contentdir` leads out of the site's folder: ignored "
        "(its default is used)",
    )
    assert out.splitlines()[-2:] == ["Pages: 1", "Wrote .frontlint.toml."]
