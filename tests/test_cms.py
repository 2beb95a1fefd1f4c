"""The real site's Decap CMS configuration at work (linter/site/cms.py, linter/site/decap.py):
defects planted one at a time on copies of real pages that are clean today, where the
configuration is found, and which schema wins when a page names its own.

Each test copies the parts of tests/corpus/eig-site that the check needs into a fresh folder and
runs frontlint from there, as a user runs it from the repository's root.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import SITE, found, lint

COLLECTIONS = ("personnes", "defis", "themes", "promos", "expertises", "categories")
DECAP = "site/static/admin/config.yml"
# Two real pages without any diagnostic under their collection's schema (and every other rule).
DEFI = "defis/transports-sanitaires.md"  # a folder collection with a `filter` (visible: true)
PERSONNE = "personnes/adeline-celier.md"  # relations, a select, an image


@pytest.fixture
def eig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the site's configuration, its Decap configuration, its images (empty files) and
    the content of six collections, as the working folder."""
    source = SITE / "site"
    target = tmp_path / "site"
    (target / "static" / "admin").mkdir(parents=True)
    shutil.copy(source / "config.toml", target / "config.toml")
    shutil.copy(source / "static" / "admin" / "config.yml", target / "static" / "admin")
    shutil.copytree(source / "static" / "img", target / "static" / "img")
    for name in COLLECTIONS:
        shutil.copytree(source / "content" / name, target / "content" / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def plant(page: str, old: str = "", new: str = "", name: str = "copie.md") -> str:
    """Copy a real page of the copied site under ``name`` in its folder, with ``old`` (found
    exactly once) replaced by ``new``; the copy's path as frontlint shows it."""
    original = Path("site/content") / page
    text = original.read_text(encoding="utf-8")
    if old:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    copy = original.with_name(name)
    copy.write_text(text, encoding="utf-8", newline="")
    return copy.as_posix()


def check(*paths: str, lang: str = "en") -> list[tuple[str, int, int, str]]:
    """The (code, line, column, message) rows of a run on ``paths``, all on the first path."""
    _code, payload = lint(*paths, extra=("--lang", lang))
    assert {d["path"] for d in payload["diagnostics"]} <= {paths[0]}
    return found(payload)


def located(payload: dict) -> list[tuple[str, str, int, int, str]]:
    """(path, code, line, column, message) of every diagnostic, in output order."""
    return [
        (d["path"], d["code"], d["line"], d["column"], d["message"]) for d in payload["diagnostics"]
    ]


# --- the copies and the planted defects ---------------------------------------------------------


@pytest.mark.parametrize("page", [DEFI, PERSONNE])
def test_an_unchanged_copy_of_a_clean_page_is_clean(eig, page):
    copy = plant(page)
    assert lint(copy) == (
        0,
        {"version": 1, "files_checked": 1, "files_validated": 1, "diagnostics": []},
    )


@pytest.mark.parametrize(
    ("page", "old", "new", "rows"),
    [
        (DEFI, "who: Délégation au numérique en santé\n", "", [
            ("SC001", 1, 1, "missing required key `who` (Administration)"),
        ]),
        (PERSONNE, "expertises:\n  - Design\n", "", [
            ("SC001", 1, 1, "missing required key `expertises` (Expertises)"),
        ]),
    ],
)  # fmt: skip
def test_a_required_field_removed(eig, page, old, new, rows):
    assert check(plant(page, old, new)) == rows


@pytest.mark.parametrize(
    ("page", "old", "new", "row"),
    [
        (DEFI, "  - Santé\n", "  - Sante\n", ("RF001", 8, 5, "themes[0]: `Sante` is not the `title` of any entry of the Decap collection `themes`; did you mean `Santé`?")),
        (DEFI, "  - Santé\n", "  - santé\n", ("RF001", 8, 5, "themes[0]: `santé` is not the `title` of any entry of the Decap collection `themes`; did you mean `Santé`?")),
        (DEFI, "  - Santé\n", "  - Astronomie\n", ("RF001", 8, 5, "themes[0]: `Astronomie` is not the `title` of any entry of the Decap collection `themes`")),
        (DEFI, "  - Direction de produit\n", "  - Direction produit\n", ("RF001", 14, 5, "expertises[0]: `Direction produit` is not the `title` of any entry of the Decap collection `expertises`; did you mean `Direction de produit`?")),
        (PERSONNE, "  - Promotion 4\n", "  - Promotion 44\n", ("RF001", 6, 5, "promos[0]: `Promotion 44` is not the `title` of any entry of the Decap collection `promos`; did you mean `Promotion 4`?")),
        (PERSONNE, "  - MonitorFish\n", "  - Monitorfish\n", ("RF001", 9, 5, "defis[0]: `Monitorfish` is not the `title` of any entry of the Decap collection `defis`; did you mean `MonitorFish`?")),
    ],
)  # fmt: skip
def test_a_relation_that_names_no_entry(eig, page, old, new, row):
    assert check(plant(page, old, new)) == [row]


@pytest.mark.parametrize(
    ("new", "row"),
    [
        ("role: participante\n", ("SC006", 7, 7, "role: `participante` is not one of the 5 allowed values; did you mean `participant`?")),
        ("role: agent\n", ("SC006", 7, 7, "role: `agent` is not one of the 5 allowed values (among them `participant`, `agent-programme`, `agent-programme-alumni`)")),
    ],
)  # fmt: skip
def test_a_select_value_out_of_its_options(eig, new, row):
    assert check(plant(PERSONNE, "role: participant\n", new)) == [row]


@pytest.mark.parametrize(
    ("page", "old", "new", "row"),
    [
        (PERSONNE, "job: Designer\n", "job: [Designer]\n", ("SC003", 3, 6, 'job: expected string, found array `["Designer"]`')),
        (PERSONNE, "job: Designer\n", "job:\n  - Designer\n", ("SC003", 4, 3, 'job: expected string, found array `["Designer"]`')),
        (PERSONNE, "job: Designer\n", "job: true\n", ("SC003", 3, 6, "job: expected string, found boolean `true`")),
        (DEFI, "isSET: true\n", 'isSET: "oui"\n', ("SC003", 16, 8, "isSET: expected boolean, found string `oui`")),
        (DEFI, "isSET: true\n", 'isSET: "true"\n', ("SC003", 16, 8, "isSET: expected boolean, found string `true`")),
        (DEFI, "themes:\n  - Santé\n", "themes: Santé\n", ("SC003", 7, 9, "themes: expected array, found string `Santé`")),
    ],
)  # fmt: skip
def test_a_wrong_type(eig, page, old, new, row):
    assert check(plant(page, old, new)) == [row]


@pytest.mark.parametrize(
    ("new", "row"),
    [
        ("image: img/introuvable.png\n", ("LK009", 12, 8, "image: no page or file of the site is at `img/introuvable.png`")),
        ("image: /img/introuvable.png\n", ("LK009", 12, 8, "image: no page or file of the site is at `/img/introuvable.png`")),
        ("image: /img/adeline-celiers.jpg\n", ("LK009", 12, 8, "image: no page or file of the site is at `/img/adeline-celiers.jpg`; did you mean `/img/adeline-celier.jpg`?")),
        ("image: /img/Adeline-celier.jpg\n", ("LK009", 12, 8, "image: `/img/Adeline-celier.jpg` differs from the site's URL `/img/adeline-celier.jpg` only by letter case: most servers answer “not found”")),
        ("image: img/adeline-celiers.jpg\n", ("LK009", 12, 8, "image: no page or file of the site is at `img/adeline-celiers.jpg`; did you mean `img/adeline-celier.jpg`?")),
        ("image: img/Adeline-celier.jpg\n", ("LK009", 12, 8, "image: `img/Adeline-celier.jpg` differs from the site's URL `/img/adeline-celier.jpg` only by letter case: most servers answer “not found”")),
        ("image: img/adeline-celier.jpeg\n", None),  # another file of the media folder
    ],
)  # fmt: skip
def test_an_image_that_does_not_exist(eig, new, row):
    copy = plant(PERSONNE, "image: img/adeline-celier.jpg\n", new)
    assert check(copy) == ([row] if row else [])


@pytest.mark.parametrize(
    ("page", "old", "new", "row"),
    [
        # The misspelt field's "missing" is said by the suggestion: not reported twice.
        (DEFI, "title:", "tittle:", ("SC002", 2, 1, "unknown key `tittle`; did you mean `title`?")),
        (PERSONNE, "title:", "tittle:", ("SC002", 2, 1, "unknown key `tittle`; did you mean `title`?")),
        (PERSONNE, "expertises:", "expertise:", ("SC002", 10, 1, "unknown key `expertise`; did you mean `expertises`?")),
        (PERSONNE, "linkedin:", "couleur: bleu\nlinkedin:", ("SC002", 13, 1, "unknown key `couleur`")),
    ],
)  # fmt: skip
def test_a_key_that_no_field_describes(eig, page, old, new, row):
    assert check(plant(page, old, new)) == [row]


def test_a_real_page_in_french(eig):
    # The relation values' stray spaces are RF001's: a relation must equal its entry's title,
    # so TY002 reports spaces at the title (the source), never at its copies.
    page = "site/content/personnes/yann-caradec.md"
    assert check(page, lang="fr") == [
        ("SC001", 1, 1, "clé obligatoire `expertises` absente (Expertises)"),
        ("RF001", 8, 6, "defis[0]: ` MESRI - La machine à données` n’est le `title` d’aucune entrée de la collection Decap `defis` ; vouliez-vous dire `MESRI - La machine à données` ?"),
        ("RF001", 9, 6, "defis[1]: ` DataESR` n’est le `title` d’aucune entrée de la collection Decap `defis` ; vouliez-vous dire `DataESR` ?"),
        ("LK004", 13, 398, "lien non sécurisé `http://scanr.enseignementsup-recherche.gouv.fr/` : utiliser `https://scanr.enseignementsup-recherche.gouv.fr/`"),
    ]  # fmt: skip


def test_planted_defects_in_french(eig):
    copy = plant(PERSONNE, "role: participant\n", "role: participante\n")
    assert check(copy, lang="fr") == [
        ("SC006", 7, 7, "role: `participante` ne fait pas partie des 5 valeurs permises ; vouliez-vous dire `participant` ?"),
    ]  # fmt: skip
    copy = plant(PERSONNE, "image: img/adeline-celier.jpg\n", "image: img/introuvable.png\n")
    assert check(copy, lang="fr") == [
        ("LK009", 12, 8, "image: aucune page ni aucun fichier du site n’est à l’adresse `img/introuvable.png`"),
    ]  # fmt: skip


# --- which pages a collection validates ---------------------------------------------------------


def _front_matter(file: Path) -> dict:
    text = file.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


def _in_a_collection(file: Path, config: dict) -> bool:
    """Decap's rules, for this configuration: a file collection's listed file; a folder
    collection's file directly in its folder that its `filter` shows."""
    relative = file.as_posix()
    for collection in config["collections"]:
        if any(item["file"] == relative for item in collection.get("files", [])):
            return True
    for collection in config["collections"]:
        if "folder" in collection and file.parent.as_posix() == collection["folder"]:
            wanted = collection.get("filter")
            if wanted is None or _front_matter(file).get(wanted["field"]) == wanted["value"]:
                return True
    return False


def test_every_page_of_a_collection_is_validated(eig):
    # Two pages no collection shows: one its collection's filter hides, one in no folder.
    Path("site/content/defis/brouillon.md").write_text(
        "---\ntitle: Brouillon\nvisible: false\n---\n"
    )
    Path("site/content/autre.md").write_text("---\ntitle: Autre\n---\n")
    config = yaml.safe_load(Path(DECAP).read_text(encoding="utf-8"))
    pages = sorted(Path("site/content").rglob("*.md"))
    members = [file for file in pages if _in_a_collection(file, config)]
    assert len(pages) == 633
    assert len(members) == 631  # `defis/_index.md` (visible: false) is listed by `pages`
    code, payload = lint(".")
    assert code == 1
    assert (payload["files_checked"], payload["files_validated"]) == (len(pages), len(members))
    shown = {d["path"] for d in payload["diagnostics"]}
    assert "site/content/defis/brouillon.md" not in shown
    assert "site/content/autre.md" not in shown


# --- where the configuration is -----------------------------------------------------------------


def test_the_cms_config_setting_names_the_configuration(eig):
    text = Path(DECAP).read_text(encoding="utf-8")
    option = '{ label: "Agent public", value: "agent-public" },'
    assert text.count(option) == 1
    Path("cms").mkdir()
    Path("cms/decap.yml").write_text(
        text.replace(option, option + ' { label: "Mentor", value: "mentor" },'), encoding="utf-8"
    )
    copy = plant(PERSONNE, "role: participant\n", "role: mentor\n")
    assert check(copy) == [
        ("SC006", 7, 7, "role: `mentor` is not one of the 5 allowed values (among them `participant`, `agent-programme`, `agent-programme-alumni`)"),
    ]  # fmt: skip
    Path(".frontlint.toml").write_text('[site]\ncms-config = "cms/decap.yml"\n')
    assert lint(copy) == (
        0,
        {"version": 1, "files_checked": 1, "files_validated": 1, "diagnostics": []},
    )
    copy = plant(PERSONNE, "role: participant\n", "role: mentors\n")
    assert check(copy) == [
        ("SC006", 7, 7, "role: `mentors` is not one of the 6 allowed values; did you mean `mentor`?"),
    ]  # fmt: skip


def test_an_invalid_cms_configuration_is_reported_once_and_validates_nothing(eig):
    Path(DECAP).write_text('collections:\n  - name: "personnes\n    folder: [\n', encoding="utf-8")
    personne = plant(PERSONNE, "role: participant\n", "role: participante\n")
    defi = plant(DEFI, "who: Délégation au numérique en santé\n", "")
    page = "site/content/personnes/adeline-celier.md"
    code, payload = lint(personne, defi, page, extra=("--lang", "en"))  # (a French site)
    assert code == 0  # a warning
    assert payload["files_validated"] == 0
    assert located(payload) == [
        (
            DECAP,
            "FM011",
            1,
            1,
            "the CMS configuration: not valid YAML: the pages of its collections are not validated",
        ),
    ]


def test_a_jekyll_sites_admin_config_is_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "admin").mkdir()
    (tmp_path / "_posts").mkdir()
    (tmp_path / "assets" / "img").mkdir(parents=True)
    (tmp_path / "assets" / "img" / "photo.jpg").write_bytes(b"")
    (tmp_path / "_config.yml").write_text("title: Blog\n")
    (tmp_path / "admin" / "config.yml").write_text(
        "media_folder: assets/img\n"
        "public_folder: /assets/img\n"
        "collections:\n"
        "  - name: posts\n"
        "    label: Articles\n"
        "    folder: _posts\n"
        "    fields:\n"
        "      - { label: Titre, name: title, widget: string }\n"
        "      - { label: Rubrique, name: rubrique, widget: select, options: [actualité, dossier] }\n"
        "      - { label: Image, name: image, widget: image, required: false }\n"
        "      - { label: Contenu, name: body, widget: markdown }\n",
        encoding="utf-8",
    )
    (tmp_path / "_posts" / "2025-01-01-bonjour.md").write_text(
        "---\ntitle: Bonjour\nrubrique: actualite\nimage: /assets/img/photos.jpg\n---\nTexte.\n",
        encoding="utf-8",
    )
    (tmp_path / "_posts" / "2025-01-02-second.md").write_text(
        "---\nrubrique: dossier\nimage: /assets/img/photo.jpg\n---\nTexte.\n", encoding="utf-8"
    )
    code, payload = lint(".")
    assert code == 1
    assert (payload["files_checked"], payload["files_validated"]) == (2, 2)
    assert located(payload) == [
        ("_posts/2025-01-01-bonjour.md", "SC006", 3, 11, "rubrique: `actualite` is not one of the 2 allowed values; did you mean `actualité`?"),
        ("_posts/2025-01-01-bonjour.md", "LK009", 4, 8, "image: no page or file of the site is at `/assets/img/photos.jpg`; did you mean `/assets/img/photo.jpg`?"),
        ("_posts/2025-01-02-second.md", "SC001", 1, 1, "missing required key `title` (Titre)"),
    ]  # fmt: skip


# --- a schema the page chooses wins over its collection's ----------------------------------------

OWN = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["title", "role"],
    "properties": {"title": {"type": "string"}, "role": {"enum": ["mentor"]}},
}


def test_a_pages_own_schema_wins_over_its_collections(eig):
    schema = Path("site/content/personnes/personne.schema.json")
    schema.write_text(json.dumps(OWN), encoding="utf-8")
    # What the collection refuses (no `expertises`, a role out of its options) is not reported;
    # what the page's schema refuses is.
    text = Path("site/content", PERSONNE).read_text(encoding="utf-8")
    page = Path("site/content/personnes/copie.md")
    own = text.replace("---\n", "---\n$schema: personne.schema.json\n", 1)
    own = own.replace("expertises:\n  - Design\n", "")
    page.write_text(own.replace("role: participant\n", "role: mentor\n"), encoding="utf-8")
    assert lint(page.as_posix()) == (
        0,
        {"version": 1, "files_checked": 1, "files_validated": 1, "diagnostics": []},
    )
    page.write_text(own, encoding="utf-8")
    assert check(page.as_posix()) == [
        ("SC006", 8, 7, "role: expected `mentor`, found `participant`")
    ]


def test_a_layouts_schema_wins_over_the_collections(eig):
    Path("schemas").mkdir()
    Path("schemas/personne.schema.json").write_text(json.dumps(OWN), encoding="utf-8")
    text = Path("site/content", PERSONNE).read_text(encoding="utf-8")
    page = Path("site/content/personnes/copie.md")
    own = text.replace("---\n", "---\nlayout: personne\n", 1)
    own = own.replace("expertises:\n  - Design\n", "")
    page.write_text(own.replace("role: participant\n", "role: mentor\n"), encoding="utf-8")
    assert lint(page.as_posix()) == (
        0,
        {"version": 1, "files_checked": 1, "files_validated": 1, "diagnostics": []},
    )
    page.write_text(own, encoding="utf-8")
    assert check(page.as_posix()) == [
        ("SC006", 8, 7, "role: expected `mentor`, found `participant`")
    ]
    # A layout without a schema: the collection's applies again.
    page.write_text(own.replace("layout: personne", "layout: autre"), encoding="utf-8")
    assert check(page.as_posix()) == [
        ("SC001", 1, 1, "missing required key `expertises` (Expertises)"),
    ]
