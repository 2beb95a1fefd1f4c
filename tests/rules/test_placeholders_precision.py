"""Placeholder rules on real French sites (issue 16): the prose they must leave alone, the
placeholders they used to miss, periods borrowed from a list item's heading only, and PH003 kept
for copies of dates."""

from __future__ import annotations

import pytest

from tests.conftest import check_page, found, lint

# --- « à venir » is a placeholder only where it stands in for content.


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Upcoming things, not missing content.
        ("Nos fonctionnalités à venir", []),
        ("Les événements à venir", []),
        ("Consultez les dates à venir.", []),
        ("Calendrier des formations à venir", []),
        ("N'hésitez pas à venir nous voir !", []),
        ("Le rapport final est en cours de rédaction et sera publié en juin.", []),
        ("Le nouveau bâtiment en construction.", []),
        ("Ils ont a définir leur méthode", []),  # lower-case unaccented, mid-sentence
        # Standing in for content.
        ("À venir", [(2, 8, "`À venir`")]),
        ("(À venir)", [(2, 8, "`(À venir)`")]),
        ("A venir", [(2, 8, "`A venir`")]),
        ("'Date : à venir'", [(2, 16, "`à venir`")]),
        ("Dates à venir", [(2, 8, "`Dates à venir`")]),
        ("Programme détaillé à venir", [(2, 8, "`Programme détaillé à venir`")]),
        ("Date et lieu à venir", [(2, 8, "`Date et lieu à venir`")]),
        ("Lieu (à venir)", [(2, 13, "`(à venir)`")]),
        ("Atelier du 3 mars (lieu à venir)", [(2, 26, "`(lieu à venir)`")]),
        (
            "Le festival aura lieu à Lyon. Plus d'informations à venir.",
            [(2, 38, "`Plus d'informations à venir`")],
        ),
        ("Cette page est en cours de rédaction.", [(2, 8, "`Cette page est en cours de rédaction`")]),
        ("En cours de rédaction", [(2, 8, "`En cours de rédaction`")]),
        ("Page en cours de construction", [(2, 8, "`Page en cours de construction`")]),
        ("Site en construction", [(2, 8, "`Site en construction`")]),
        # The strong ones, as before, and now after a label or unaccented at the start.
        ("À compléter", [(2, 8, "`À compléter`")]),
        ("A définir", [(2, 8, "`A définir`")]),
        ("'Horaires : à confirmer'", [(2, 20, "`à confirmer`")]),
        ("Intervenant (à préciser)", [(2, 20, "`(à préciser)`")]),
    ],
)  # fmt: skip
def test_weak_and_strong_phrases(tmp_path, value, expected):
    rows = check_page(tmp_path, f"---\ntitle: {value}\n---\n")
    assert rows == [
        ("PH001", line, column, f"title: placeholder text {text}")
        for line, column, text in expected
    ]


def test_a_list_of_upcoming_features_under_its_heading_is_prose(tmp_path):
    text = (
        "---\ntitle: Feuille de route\n---\n"
        "## Nos fonctionnalités à venir\n\n"
        "- Export PDF (à venir)\n"
        "- Import des fichiers CSV (à venir)\n\n"
        "## Dates à venir\n\n"
        "- Atelier le 3 mars\n\n"
        "Horaires à venir\n"
    )
    assert check_page(tmp_path, text) == [("PH001", 13, 1, "placeholder text `Horaires à venir`")]


# --- Template fields are template-like; asides and code-like lists are not.


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Docteure en physique [PhD, 2017]", []),
        ("Rendez-vous salle [7A] au deuxième étage", []),
        ("La valeur par défaut est [None, 5]", []),
        ("Il écrit « la lois » [sic] dans sa lettre", []),
        ("Voir la note [1] du rapport [2019]", []),
        ("Citation […] coupée", []),
        ("Version anglaise [EN] disponible", []),
        ("Une case cochée [X] ici", []),
        ("Bonjour [Titre] et bienvenue", [(2, 16, "`[Titre]`")]),
        ("Contrat avec [Nom de l'entreprise] signé", [(2, 21, "`[Nom de l'entreprise]`")]),
        ("Rendez-vous le [15 avril] à 10 h", [(2, 23, "`[15 avril]`")]),
        ("Publié le [Date]", [(2, 18, "`[Date]`")]),
        ("Salle [XX] du bâtiment", [(2, 14, "`[XX]`")]),
        ("Cliquez sur [lien] pour lire", [(2, 20, "`[lien]`")]),
        ("'Logo : [insérer le logo]'", [(2, 16, "`[insérer le logo]`")]),
        ("Écrire à [NOM]", [(2, 17, "`[NOM]`")]),
    ],
)  # fmt: skip
def test_template_fields(tmp_path, value, expected):
    rows = check_page(tmp_path, f"---\ntitle: {value}\n---\n")
    assert rows == [
        ("PH001", line, column, f"title: placeholder text {text}")
        for line, column, text in expected
    ]


# --- Placeholders that used to be missed.


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("La vidéo sera disponible prochainement.", [(2, 17, "`sera disponible prochainement`")]),
        ("Les supports seront disponibles prochainement", [(2, 21, "`seront disponibles prochainement`")]),
        ("Le programme sera mis en ligne prochainement", [(2, 21, "`sera mis en ligne prochainement`")]),
        ("XXXXXXXX", [(2, 8, "`XXXXXXXX`")]),
        ("Mot de passe xxxx", [(2, 21, "`xxxx`")]),
        ("Né le XX/XX/XXXX à Paris", [(2, 14, "`XX/XX/XXXX`")]),
        ("Tél. 01 XX XX XX XX", [(2, 13, "`01 XX XX XX XX`")]),
        ("Test", [(2, 8, "`Test`")]),
        ("Test 1", [(2, 8, "`Test 1`")]),
        ("test test", [(2, 8, "`test test`")]),
        ("Lorem", [(2, 8, "`Lorem`")]),
        ("TBD", [(2, 8, "`TBD`")]),
        ("Salle TBC", [(2, 14, "`TBC`")]),
        ("Chiffre TK", [(2, 16, "`TK`")]),
        # Not placeholders.
        ("Le XXe siècle et Louis XIV", []),
        ("Un test de charge réussi", []),
        ("Le char TK-421 et le TKO", []),
        ("Chiffre tk", []),
    ],
)  # fmt: skip
def test_missed_placeholders(tmp_path, value, expected):
    rows = check_page(tmp_path, f"---\ntitle: {value}\n---\n")
    assert rows == [
        ("PH001", line, column, f"title: placeholder text {text}")
        for line, column, text in expected
    ]


def test_in_the_body_tk_stays_silent_and_tbc_needs_a_colon(tmp_path):
    text = "---\ntitle: Page\n---\nLe TK et le TBC du texte.\n\nTBC: la salle\n\nxx/xx/xxxx\n"
    assert check_page(tmp_path, text) == [
        ("PH001", 6, 1, "placeholder text `TBC`"),
        ("PH001", 8, 1, "placeholder text `xx/xx/xxxx`"),
    ]


def test_english_phrases_on_an_english_page_french_ones_only_on_french_pages(page):
    page('[site]\nlanguage = "en"\n', ".frontlint.toml")
    page("---\ntitle: Test\ndesc: Dates à venir\nmore: Coming soon\n---\n")
    assert found(lint("page.md")[1]) == [
        ("PH001", 2, 8, "title: placeholder text `Test`"),
        ("PH001", 4, 7, "more: placeholder text `Coming soon`"),
    ]


def test_the_site_phrases_extend_the_built_in_ones(page):
    page('[placeholders]\nphrases = ["texte à venir", "Bientôt ici"]\n', ".frontlint.toml")
    page("---\ntitle: Bientôt ici\ndesc: Notre texte à venir.\nmore: Dates à venir\n---\n")
    assert found(lint("page.md")[1]) == [
        ("PH001", 2, 8, "title: placeholder text `Bientôt ici`"),
        ("PH001", 3, 13, "desc: placeholder text `texte à venir`"),
        ("PH001", 4, 7, "more: placeholder text `Dates à venir`"),
    ]


# --- A period is borrowed from a list item's heading only, not from unrelated root keys.


def test_a_root_value_borrows_no_period_from_its_siblings(tmp_path):
    text = (
        "---\ntitle: Nos fonctionnalités à venir\n"
        "bio: Ancien directeur de [Titre] à Lyon\n"
        "m1: la loi de décembre 2022\n---\n"
    )
    assert check_page(tmp_path, text) == [
        ("PH001", 3, 26, "bio: placeholder text `[Titre]`"),
    ]


def test_a_list_item_borrows_its_headings_period(tmp_path):
    text = "---\nsessions:\n  - titre: Session de mars 2024\n    lieu: À définir\n---\n"
    assert check_page(tmp_path, text) == [
        ("PH002", 4, 11, "sessions[0].lieu: stale placeholder `À définir`: mars 2024 started on 1 March 2024"),
    ]  # fmt: skip


# --- PH003: legitimate repetitions stay silent; a copy of dates under another heading does not.

LEGITIMATE = """\
---
title: Parcours
carriere:
  - periode: de janvier 2015 à décembre 2017
    employeur: Direction interministérielle du numérique (DINUM), Paris
  - periode: de janvier 2018 à juin 2020
    employeur: Direction interministérielle du numérique (DINUM), Paris
organisations:
  - nom: Projet Signaux Faibles
    porteur: Ministère de l'Économie, des Finances et de la Souveraineté industrielle
  - nom: Projet Gobelins
    porteur: Ministère de l'Économie, des Finances et de la Souveraineté industrielle
evenements:
  - titre: Atelier du 12 mars 2025
    lieu: "Lieu : Paris, 20 avenue de Ségur, salle des conférences"
  - titre: Atelier du 9 avril 2025
    lieu: "Lieu : Paris, 20 avenue de Ségur, salle des conférences"
  - titre: Atelier sans date
    inscription: Inscriptions ouvertes jusqu'au 1er mars 2025 inclus
  - titre: Autre atelier sans date
    inscription: Inscriptions ouvertes jusqu'au 1er mars 2025 inclus
  - titre: Session du 3 juin 2025
    rappel: Clôture des inscriptions le 1er juin 2025
  - titre: Session du 3 juin 2025 (complément)
    rappel: Clôture des inscriptions le 1er juin 2025
---
"""


def test_legitimate_repetitions_are_not_copies(tmp_path):
    assert [r for r in check_page(tmp_path, LEGITIMATE) if r[0].startswith("PH")] == []


def test_a_copy_of_dates_under_another_heading_is_found(tmp_path):
    text = LEGITIMATE.replace(
        "  - titre: Session du 3 juin 2025 (complément)\n",
        "  - titre: Session du 8 juillet 2025\n",
    )
    assert [r for r in check_page(tmp_path, text) if r[0].startswith("PH")] == [
        ("PH003", 25, 13, "evenements[5].rappel: same dates as `evenements[4].rappel` (line 23) "
         "under another heading: a copy left unedited?"),
    ]  # fmt: skip


# --- A town hall's pages (tests/sites/hugo-mairie): an editor's note, forms the reader fills in.


def test_editor_notes_and_forms_to_fill_in_are_content(tmp_path):
    text = (
        "---\ntitle: Page\n---\nLe chantier continue.\n\n"
        "**[Mise à jour du 12 septembre 2025]** La rue reste fermée.\n\n"
        "[Erratum] Le tarif est de 3 €. Le chantier [Nom de la rue] continue.\n\n"
        "Pièces à fournir :\n\n"
        "- la fiche sanitaire à compléter ;\n"
        "- le dossier d’inscription à compléter\n"
        "- Programme à compléter\n\n"
        "Demande de subvention (formulaire à compléter). Horaires (à compléter)\n\n"
        "Inscriptions à venir\n\n"
        "Les inscriptions à venir ouvriront en juin.\n"
    )
    assert check_page(tmp_path, text) == [
        ("PH001", 8, 44, "placeholder text `[Nom de la rue]`"),
        ("PH001", 14, 1, "placeholder text `- Programme à compléter`"),
        ("PH001", 16, 58, "placeholder text `(à compléter)`"),
        ("PH001", 18, 1, "placeholder text `Inscriptions à venir`"),  # stands in for them
    ]
