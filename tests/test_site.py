"""The site model: what is a page, in which language, and what a change breaks elsewhere.

Sites are written in temporary folders (the working directory), as small as each case needs;
the realistic fixture sites of both generators are in tests/sites (see test_fixture_sites.py).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import found, lint

ENGLISH = "---\ntitle: About\n---\nOn 12 March 2019 at 9:30, the 7ème team met.\n"
"""Text that French rules would flag: an English month, a time written `9:30`, `7ème`."""
FRENCH_FINDINGS = [
    ("DT001", 4, 7, "write `mars`, not `March`"),
    ("DT009", 4, 21, "write `9 h 30`, not `9:30`"),
    ("TY001", 4, 31, "write `7e`, not `7ème`"),
]


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)

    def make(files: dict[str, str]) -> Path:
        write(tmp_path, files)
        return tmp_path

    return make


def test_a_french_page_gets_the_french_rules(site):
    site({"page.md": ENGLISH})
    assert found(lint("page.md")[1]) == FRENCH_FINDINGS


@pytest.mark.parametrize(
    ("files", "page"),
    [
        ({"page.md": ENGLISH.replace("title: About", "title: About\nlang: en")}, "page.md"),
        ({"page.md": ENGLISH.replace("title: About", "title: About\nlanguage: en-GB")}, "page.md"),
        ({"en/page.md": ENGLISH}, "en/page.md"),
        (
            {"_config.yml": "title: Site\n", "en/about.md": ENGLISH, "index.md": "---\n---\n"},
            "en/about.md",
        ),
        (
            {
                "hugo.toml": '[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n',
                "content/about.en.md": ENGLISH,
            },
            "content/about.en.md",
        ),
        (
            {
                "hugo.toml": (
                    'defaultContentLanguage = "fr"\n[languages.fr]\ncontentDir = "content/fr"\n'
                    '[languages.en]\ncontentDir = "content/english"\n'
                ),
                "content/english/about.md": ENGLISH,
            },
            "content/english/about.md",
        ),
        ({"config.toml": 'languageCode = "en-us"\n', "content/about.md": ENGLISH}, "content/about.md"),
        ({"_config.yml": "lang: en\n", "about.md": ENGLISH}, "about.md"),
        ({".frontlint.toml": '[site]\nlanguage = "en"\n', "about.md": ENGLISH}, "about.md"),
    ],
    ids=[
        "front-matter-lang", "front-matter-language", "en-folder", "jekyll-en-tree",
        "hugo-file-name", "hugo-content-dir", "hugo-language-code", "jekyll-lang",
        "configuration",
    ],
)  # fmt: skip
def test_french_rules_are_silent_on_english_pages(site, files, page):
    site(files)
    assert lint(page) == (
        0,
        {"version": 1, "files_checked": 1, "files_validated": 0, "diagnostics": []},
    )


def test_a_site_language_does_not_override_the_pages_own(site):
    site({".frontlint.toml": '[site]\nlanguage = "en"\n', "page.md": ENGLISH.replace(
        "title: About", "title: About\nlang: fr")})  # fmt: skip
    assert found(lint("page.md")[1]) == [
        (c, line + 1, col, m) for c, line, col, m in FRENCH_FINDINGS
    ]


def test_a_suppression_of_a_french_rule_on_an_english_page_is_not_unused(site):
    site({"page.md": "---\nlang: en\ndate: 12 March 2019  # frontlint: disable=DT001\n---\n"})
    assert lint("page.md") == (
        0,
        {"version": 1, "files_checked": 1, "files_validated": 0, "diagnostics": []},
    )


TEMPLATE = '{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}\n'
LIQUID = "{% include header.html %}\n<main>{{ content }}</main>\n"


@pytest.mark.parametrize(
    "files",
    [
        {
            "hugo.toml": 'title = "Site"\n',
            "layouts/_default/single.html": TEMPLATE,
            "layouts/partials/x.md": "{{ .Content }}\n",
            "archetypes/default.md": '---\ntitle: "{{ replace .Name "-" " " | title }}"\n---\n',
            "themes/t/layouts/index.html": TEMPLATE,
            "i18n/fr.md": "{{ x }}\n",
            "static/admin/index.html": "{{ broken\n",
            "data/x.md": "{{\n",
            "assets/x.html": "{{\n",
            "README.md": "{{ a }}\n",
        },
        {
            "_config.yml": "title: Site\nexclude: [scripts/]\n",
            "_layouts/default.html": LIQUID,
            "_includes/header.html": LIQUID,
            "_sass/x.md": "{{\n",
            "_data/x.md": "{{\n",
            "_site/index.html": "{{\n",
            "_private/x.md": "{{\n",
            "scripts/model.md": "{{\n",
        },
    ],
    ids=["hugo", "jekyll"],
)
def test_templates_data_and_static_files_are_never_read_as_pages(site, files):
    root = site(files)
    names = sorted(files)
    code, out = lint(*names, extra=("--force-exclude",))
    assert (code, out) == (
        0,
        {"version": 1, "files_checked": 0, "files_validated": 0, "diagnostics": []},
    )
    assert lint(root) == (
        0,
        {"version": 1, "files_checked": 0, "files_validated": 0, "diagnostics": []},
    )


def test_a_site_is_found_above_the_checked_paths_and_below_the_working_folder(site):
    site({
        "repo/site/hugo.toml": "",
        "repo/site/layouts/index.html": TEMPLATE,
        "repo/site/content/a.md": "---\ntitle: A\n---\n[b](/b/)\n",
        "repo/README.md": "---\ntitle: Lisez-moi\n---\n",
    })  # fmt: skip
    code, out = lint("repo")
    assert code == 1
    assert out["files_checked"] == 2  # README.md (no site: a plain page) and a.md
    assert found(out) == [("LK009", 4, 5, "no page or file of the site is at `/b/`")]


def test_site_root_in_the_configuration_names_the_site(site):
    site({
        ".frontlint.toml": '[site]\nroot = "web"\n',
        "web/_config.yml": "title: x\n",
        "web/_includes/a.html": LIQUID,
        "web/b.md": "---\ntitle: B\n---\n[a](/a/)\n",
    })  # fmt: skip
    _code, out = lint(".")
    assert out["files_checked"] == 1
    assert found(out) == [("LK009", 4, 5, "no page or file of the site is at `/a/`")]


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.fr", "-c", "user.name=T", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_a_change_that_deletes_or_renames_a_page_reports_the_pages_linking_to_it(site):
    root = site({
        "hugo.toml": 'baseURL = "https://x.fr/"\n',
        "content/formation.md": "---\ntitle: Formation\nurl: /formation-agents/\n---\n",
        "content/a-propos.md": "---\ntitle: À propos\n---\n## Nos missions\n",
        "content/index-des-liens.md": (
            "---\ntitle: Liens\n---\n[f](/formation-agents/) [a](/a-propos/#nos-missions)\n"
        ),
        "content/autre.md": "---\ntitle: Autre\n---\nRien à voir : [a](/inexistant/).\n",
    })  # fmt: skip
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "site")
    _git(root, "rm", "-q", "content/formation.md")
    _git(root, "mv", "content/a-propos.md", "content/qui-sommes-nous.md")
    code, out = lint(".", extra=("--changed-since", "HEAD"))
    assert code == 1
    assert out["files_checked"] == 2  # the renamed page, and the one linking to both
    assert found(out) == [
        ("LK009", 4, 5, "`/formation-agents/` was the URL of `content/formation.md`, which this change deletes"),
        ("LK009", 4, 29, "`/a-propos/` was the URL of `content/a-propos.md`, which this change renames to `content/qui-sommes-nous.md`: its URL is now `/qui-sommes-nous/`"),
    ]  # fmt: skip
    assert [d["path"] for d in out["diagnostics"]] == ["content/index-des-liens.md"] * 2


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("liquid.md", (
            "---\ntitle: Offre\nimage: \"{{ site.baseurl }}/img/x.png\"\n"
            "desc: \"{{ page.date | date: '%d/%m/%Y' }} à {{ page.heure }}\"\n---\n"
            "![logo]({{ page.image }}) [écrire](mailto:{{ site.email }}) [a]({{ x }}/b)\n"
            "{% if page.todo %}TODO{% endif %} {{ '7ème' }} le {{ page.jour }} Avril\n"
            "{% highlight liquid %}\nLe 12/03/2024 à 23h59, la 7ème, lorem ipsum.\n"
            "{% endhighlight %}\n{% raw %}{{ 23h59 }}{% endraw %}\n"
        )),
        ("hugo.md", (
            "---\ntitle: Atelier\n---\n{{< figure src=\"{{ .Params.image }}\" >}}\n"
            "{{< highlight go >}}\nt.Format(\"02/01/2006 15h04\") // 7ème TODO:\n{{< /highlight >}}\n"
            "{{% notice %}}Un texte correct.{{% /notice %}}\n{{</* ref \"x 7ème\" */>}}\n"
        )),
        ("page.html", (
            "---\ntitle: Contact\n---\n<p>\n\n    <a href=\"{{ site.baseurl }}/\">Accueil</a>\n"
            "    <img src=\"{{ page.image | relative_url }}\" alt=\"{{ page.title }}\">\n</p>\n"
        )),
    ],
    ids=["liquid", "shortcodes", "html"],
)  # fmt: skip
def test_template_expressions_are_never_links_dates_placeholders_or_typography(site, name, text):
    site({name: text, "img/x.png": ""})
    assert lint(name) == (
        0,
        {"version": 1, "files_checked": 1, "files_validated": 0, "diagnostics": []},
    )


def test_a_message_quotes_template_syntax_as_written(site):
    site({"page.md": "---\ntitle: A\n---\n[a]({{ site.url }}/b c)\n"})
    assert found(lint("page.md")[1]) == [
        ("LK001", 4, 5, "white space inside the URL `{{ site.url }}/b c`"),
    ]


def test_a_placeholder_heading_over_real_content_is_prose(site):
    site({"page.md": (
        "---\ntitle: Ateliers\n---\n## Nos prochains ateliers à venir\n\n- Atelier du 3 mars\n\n"
        "Dates à venir\n\nProgramme à compléter :\n\n## Suite\n"
    )})  # fmt: skip
    assert found(lint("page.md")[1]) == [
        ("PH001", 8, 1, "placeholder text `Dates à venir`"),
        ("PH001", 10, 1, "placeholder text `Programme à compléter :`"),
    ]


def test_an_email_address_written_as_a_page_link(site):
    site({"hugo.toml": "", "content/a.md": "---\ntitle: A\n---\n[écrire](eig@beta.gouv.fr)\n"})
    assert found(lint("content/a.md")[1]) == [
        ("LK009", 4, 10, "`eig@beta.gouv.fr` is an e-mail address written as a page link; write `mailto:eig@beta.gouv.fr`"),
    ]  # fmt: skip


def test_a_plain_folder_checks_links_to_files_and_anchors_only(site):
    site({"a.md": (
        "---\ntitle: A\nimage: img/absent.png\ndesc: '[x](#nulle-part)'\n---\n"
        "[racine](/pas/de/generateur/) [fichier](guide.pdf) [b](b.md#suite) [ici](#titre)\n\n"
        "## Titre\n"
    ), "b.md": "---\ntitle: B\n---\n## Suite\n"})  # fmt: skip
    assert found(lint("a.md")[1]) == [
        ("LK009", 6, 41, "no page or file of the site is at `guide.pdf`"),
    ]


def test_a_missing_anchor_gets_the_closest_one_or_the_list(site):
    site({
        "hugo.toml": "",
        "content/faq.md": "---\ntitle: FAQ\n---\n## Questions fréquentes\n\n## Contact {#ecrire}\n",
        "content/vide.md": "---\ntitle: Vide\n---\nPas de titre.\n",
        "content/a.md": (
            "---\ntitle: A\n---\n[q](/faq/#question-frequentes) [e](/faq/#ecrir) "
            "[x](/faq/#tarifs) [v](/vide/#x) [ici](#suite)\n"
        ),
    })  # fmt: skip
    assert found(lint("content/a.md")[1]) == [
        ("LK010", 4, 11, "`#question-frequentes` is not an anchor of `/faq/`; did you mean `#questions-fréquentes`?"),
        ("LK010", 4, 42, "`#ecrir` is not an anchor of `/faq/`; did you mean `#ecrire`?"),
        ("LK010", 4, 59, "`#tarifs` is not an anchor of `/faq/`, whose anchors are: #questions-fréquentes, #ecrire"),
        ("LK010", 4, 78, "`#x` is not an anchor of `/vide/`, which has none"),
        ("LK010", 4, 88, "`#suite` is not an anchor of this page, which has none"),
    ]  # fmt: skip


def test_did_you_mean_finds_a_name_by_its_beginning_or_its_end():
    from linter.distance import Nearby

    names = [f"/personnes/{n}/" for n in ("alice-martin", "bruno-petit", "chloe-durand")]
    names += [f"/fr/actualites/{i}/" for i in range(500)]
    nearby = Nearby(names)
    assert nearby.closest("/personnes/alice-martn/", 0.75) == "/personnes/alice-martin/"
    assert nearby.closest("/personnes/chloe-durand", 0.75) == "/personnes/chloe-durand/"
    assert nearby.closest("/actualites/42/", 0.75) == "/fr/actualites/42/"  # by its end
    assert nearby.closest("/tout-autre-chose/", 0.75) is None


def test_a_site_named_outside_the_working_folder_is_known_too(tmp_path, monkeypatch):
    write(tmp_path / "ailleurs", {
        "hugo.toml": "",
        "layouts/index.html": TEMPLATE,
        "content/a.md": "---\ntitle: A\n---\n[b](/b/)\n",
    })  # fmt: skip
    (tmp_path / "ici").mkdir()
    monkeypatch.chdir(tmp_path / "ici")
    code, out = lint("../ailleurs")
    assert code == 1
    assert out["files_checked"] == 1  # the page, not the template
    assert found(out) == [("LK009", 4, 5, "no page or file of the site is at `/b/`")]
