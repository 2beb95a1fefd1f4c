"""What serves a URL, generator rule by generator rule: each case a small site with one page whose
links must all pass (or be reported exactly as written), as Hugo and Jekyll really build them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import found, lint

OK = (0, [])


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)

    def check(files: dict[str, str], page: str, *extra: str) -> tuple[int, list]:
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        code, out = lint(page, extra=("--select", "LK009,LK010,FM011", "--lang", "en", *extra))
        return code, found(out)

    return check


def page(body: str, front: str = "title: Page\n") -> str:
    return f"---\n{front}---\n{body}\n"


def test_hugo_paths_are_made_as_hugo_makes_them(site):
    files = {
        "hugo.toml": "",
        "content/actualites/Bilan 2025 : une baisse.md": page(""),
        "content/actualites/Réunion - commission départementale.md": page(""),
        "content/a.md": page(
            "[b](/actualites/bilan-2025-une-baisse/) "
            "[r](/actualites/réunion-commission-départementale/)"
        ),
    }
    assert site(files, "content/a.md") == OK


def test_hugo_ugly_urls_bundles_aliases_and_terms(site):
    files = {
        "hugo.toml": 'uglyURLs = true\n[taxonomies]\ntag = "tags"\n',
        "content/demarches/carte-grise/index.md": page("", "title: Carte grise\naliases: [ancienne-carte-grise]\n"),
        "content/demarches/carte-grise/formulaire.pdf": "",
        "content/a.md": page(
            "[c](/demarches/carte-grise.html) [f](/demarches/carte-grise/formulaire.pdf) "
            "[old](/demarches/ancienne-carte-grise.html) [t](/tags/securite.html) [s](/demarches/)"
        ),
    }  # fmt: skip
    assert site(files, "content/a.md") == OK


def test_hugo_languages_in_subfolders_and_their_sitemaps(site):
    files = {
        "hugo.toml": (
            'defaultContentLanguage = "fr"\ndefaultContentLanguageInSubdir = true\n'
            "[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n"
        ),
        "content/actualites/_index.md": page(""),
        "content/actualites/x.md": page(""),
        "static/img/logo.png": "",
        "content/a.md": page(
            "[a](/fr/actualites/) [b](/fr/sitemap.xml) [c](/en/sitemap.xml) [i](/img/logo.png) "
            "[root](/actualites/) [img](/fr/img/logo.png)"
        ),
    }
    assert site(files, "content/a.md") == (1, [
        ("LK009", 4, 90, "no page or file of the site is at `/actualites/`; did you mean `/fr/actualites/`?"),
        ("LK009", 4, 110, "no page or file of the site is at `/fr/img/logo.png`; did you mean `/img/logo.png`?"),
    ])  # fmt: skip


def test_hugo_sections_are_top_level_folders_or_branch_bundles(site):
    files = {
        "hugo.toml": "",
        "content/equipe/alice/index.md": page("", "title: Alice\nheadless: true\n"),
        "content/equipe/_index.md": page(""),
        "content/services/x/y.md": page(""),
        "content/a.md": page("[e](/equipe/) [s](/services/) [x](/services/x/) [alice](/equipe/alice/)"),
    }  # fmt: skip
    assert site(files, "content/a.md") == (1, [
        ("LK009", 4, 35, "no page or file of the site is at `/services/x/`; did you mean `/services/x/y/`?"),
        ("LK009", 4, 57, "no page or file of the site is at `/equipe/alice/`"),
    ])  # fmt: skip


def test_hugo_refs_by_name_and_from_a_bundle(site):
    files = {
        "hugo.toml": "",
        "content/demarches/permis-de-conduire.md": page(""),
        "content/demarches/carte-grise/index.md": page(
            '{{< ref "permis-de-conduire" >}} {{< relref "permis-de-conduire.md" >}} '
            '{{< ref "/demarches/permis-de-conduire" >}} {{< ref "inconnu" >}}'
        ),
    }
    other = {
        "content/autre/x.md": page('{{< ref "permis-de-conduire" >}} {{< ref "carte-grise" >}}')
    }
    assert site(other, "content/autre/x.md") == OK  # by its name alone, from anywhere
    assert site(files, "content/demarches/carte-grise/index.md") == (1, [
        ("LK009", 4, 126, "this template reference names `inconnu`, which is no file of the site"),
    ])  # fmt: skip


def test_hugo_links_to_md_files_only_where_hugo_rewrites_them(site):
    files = {"hugo.toml": "", "content/b.md": page(""), "content/a.md": page("[b](b.md)")}
    assert site(files, "content/a.md") == (1, [
        ("LK009", 4, 5, "`b.md` is the page's source file, which this site serves nowhere: link to its URL `/b/`"),
    ])  # fmt: skip
    hook = {"layouts/_default/_markup/render-link.html": "{{ .Destination }}"}
    assert site(hook, "content/a.md") == OK


def test_a_base_path_must_be_in_root_relative_links(site):
    files = {
        "hugo.toml": 'baseURL = "https://x.gitlab.io/projet/"\n',
        "content/b.md": page(""),
        "content/a.md": page("[b](/projet/b/) [b](/b/) [s]({{ .Site.BaseURL }}b/)"),
    }
    assert site(files, "content/a.md") == (1, [
        ("LK009", 4, 21, "the site is served under `/projet`: `/b/` leads out of it; write `/projet/b/`"),
    ])  # fmt: skip


def test_netlify_redirects_are_served(site):
    files = {
        "hugo.toml": "",
        "static/_redirects": "/ancien-tableau  /tableau  301\n/vieux/*  /nouveau/:splat\n",
        "content/a.md": page("[a](/ancien-tableau) [v](/vieux/a/b) [x](/autre)"),
    }
    assert site(files, "content/a.md") == (1, [
        ("LK009", 4, 42, "no page or file of the site is at `/autre`"),
    ])  # fmt: skip


def test_jekyll_collections_dir_categories_and_links(site):
    files = {
        "_config.yml": (
            "collections_dir: collections\npermalink: /:categories/:title/\n"
            "collections:\n  fiches:\n    output: true\n"
        ),
        "collections/_fiches/hirondelle.md": page(""),
        "collections/actualites/_posts/2025-01-02-atlas.md": page(""),
        "_posts/sub/2024-11-05-appel.md": page(""),
        "index.md": page(
            "[f]({% link _fiches/hirondelle.md %}) [p](/actualites/atlas/) [q](/appel/) "
            "[x](/fiches/hirondelle/)"
        ),
    }
    assert site(files, "index.md") == OK


def test_jekyll_exclude_is_anchored_at_the_source(site):
    files = {
        "_config.yml": "exclude: [docs]\n",
        "assets/docs/atlas.pdf": "",
        "docs/notes.md": page(""),
        "index.md": page("[a](/assets/docs/atlas.pdf) [n](/docs/notes.html)"),
    }
    assert site(files, "index.md") == (1, [
        ("LK009", 4, 33, "no page or file of the site is at `/docs/notes.html`"),
    ])  # fmt: skip


def test_jekyll_baseurl_without_url(site):
    files = {
        "_config.yml": "baseurl: /observatoire\n",
        "contact.md": page(""),
        "index.md": page("[c](/observatoire/contact/) [d](/contact/) [e]({{ site.baseurl }}/contact/)"),
    }  # fmt: skip
    assert site(files, "index.md") == (1, [
        ("LK009", 4, 33, "the site is served under `/observatoire`: `/contact/` leads out of it; write `/observatoire/contact/`"),
    ])  # fmt: skip


def test_jekyll_polyglot_languages(site):
    files = {
        "_config.yml": "languages: [fr, en]\ndefault_lang: fr\nexclude_from_localization: [assets]\n",
        "donnees.md": page(""),
        "about.md": page("", "title: About\nlang: en\n"),
        "assets/a.pdf": "",
        "index.md": page("[d](/donnees.html) [e](/en/donnees.html) [a](/en/about.html) [x](/about.html) [p](/assets/a.pdf)"),
    }  # fmt: skip
    assert site(files, "index.md") == (1, [
        ("LK009", 4, 66, "no page or file of the site is at `/about.html`; did you mean `/en/about.html`?"),
    ])  # fmt: skip


def test_jekyll_archives(site):
    files = {
        "_config.yml": (
            "plugins: [jekyll-archives]\njekyll-archives:\n  enabled: [tags]\n"
            "  permalinks:\n    tag: /etiquettes/:name/\n"
        ),
        "index.md": page("[t](/etiquettes/etat-civil/)"),
    }
    assert site(files, "index.md") == OK


def test_anchors_follow_the_generators_heading_ids(site):
    jekyll = {
        "_config.yml": "title: x\n",
        "faq.md": page("## Étape 1 : préparer le dossier"),
        "index.md": page("[a](/faq.html#étape-1--préparer-le-dossier) [b](/faq.html#étape-1-préparer-le-dossier)"),
    }  # fmt: skip
    assert site(jekyll, "index.md") == (0, [
        ("LK010", 4, 59, "`#étape-1-préparer-le-dossier` is not an anchor of `/faq.html`; did you mean `#étape-1--préparer-le-dossier`?"),
    ])  # fmt: skip


def test_a_heading_a_template_computes_may_have_any_id(site):
    # (Liquid is rendered before kramdown: an agenda's headings come from its front matter.)
    files = {
        "_config.yml": "title: x\n",
        "agenda.md": page(
            "{% for evenement in page.evenements %}\n## {{ evenement.titre }}\n{% endfor %}\n\n"
            "## Agenda",
            "permalink: /agenda/\nevenements:\n  - titre: Comité d’investissement\n",
        ),
        "index.md": page("[a](/agenda/#comité-dinvestissement) [b](/agenda/#agendaa)"),
    }
    assert site(files, "index.md") == (0, [
        ("LK010", 4, 51, "`#agendaa` is not an anchor of `/agenda/`; did you mean `#agenda`?"),
    ])  # fmt: skip


def test_a_remote_theme_leaves_only_likely_typos_of_anchors(site):
    files = {
        "_config.yml": "remote_theme: pages-themes/minimal\n",
        "faq.md": page("## Comment postuler ?"),
        "index.md": page("[a](/faq.html#comment-postule) [b](/faq.html#haut-de-page)"),
    }
    assert site(files, "index.md") == (0, [
        ("LK010", 4, 15, "`#comment-postule` is not an anchor of `/faq.html`; did you mean `#comment-postuler-`?"),
    ])  # fmt: skip


def test_computed_ids_widen_only_the_pages_that_call_their_shortcode(site):
    files = {
        "hugo.toml": "",
        "layouts/shortcodes/encadre.html": '<div id="{{ .Get "id" }}">{{ .Inner }}</div>',
        "layouts/_default/_markup/render-heading.html": '<h2 id="{{ .Anchor }}">{{ .Text }}</h2>',
        "content/avec.md": page('{{< encadre id="horaires" >}}x{{< /encadre >}}'),
        "content/sans.md": page("## Tarifs"),
        "content/a.md": page("[a](/avec/#horaires) [b](/sans/#horaires) [c](/sans/#tarifs)"),
    }
    assert site(files, "content/a.md") == (0, [
        ("LK010", 4, 33, "`#horaires` is not an anchor of `/sans/`, whose anchors are: #tarifs"),
    ])  # fmt: skip


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"hugo.toml": 'contentDir = "../.."\n'}, "the setting `contentdir` leads out of the site's folder: ignored (its default is used)"),
        ({"hugo.toml": "title = \n"}, "the site's configuration is not valid TOML, YAML or JSON"),
        ({"_config.yml": "collections_dir: /etc\n"}, "the setting `collections_dir` leads out of the site's folder: ignored (its default is used)"),
        ({"_config.yml": "- a\n"}, "the site's configuration is not a mapping of settings"),
    ],
    ids=["hugo-folder", "hugo-invalid", "jekyll-folder", "jekyll-list"],
)  # fmt: skip
def test_a_configuration_that_cannot_be_used_is_reported_and_links_are_not_checked(
    site, files, message
):
    name = next(iter(files))
    content = "content/" if name.startswith("hugo") else ""
    files[f"{content}a.md"] = page("[x](/nulle-part/)")
    assert site(files, f"{content}a.md") == (0, [("FM011", 1, 1, message)])


def test_a_configuration_that_links_out_of_the_site_is_not_read(site, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "hugo.toml").write_text('contentDir = "ailleurs"\n', encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "hugo.toml").symlink_to(outside / "hugo.toml")
    files = {"site/content/a.md": page("[x](/nulle-part/)")}
    assert site(files, "site/content/a.md") == (0, [
        ("FM011", 1, 1, "the site's configuration is a link out of the site's folder: not read"),
    ])  # fmt: skip


def test_a_url_that_differs_only_by_letter_case(site):
    files = {
        "hugo.toml": "",
        "content/blog/Pourquoi-EIG.md": page(""),
        "static/img/promo.png": "",
        "content/a.md": page("[p](/blog/Pourquoi-EIG/) [q](/blog/pourquoi-eig/) [i](/img/promo.PNG)"),
    }  # fmt: skip
    assert site(files, "content/a.md") == (1, [
        ("LK009", 4, 5, "`/blog/Pourquoi-EIG/` differs from the site's URL `/blog/pourquoi-eig/` only by letter case: most servers answer “not found”"),
        ("LK009", 4, 55, "`/img/promo.PNG` differs from the site's URL `/img/promo.png` only by letter case: most servers answer “not found”"),
    ])  # fmt: skip


def test_a_static_file_that_is_a_link_inside_the_site_is_served(site, tmp_path):
    (tmp_path / "static" / "img").mkdir(parents=True)
    (tmp_path / "static" / "img" / "logo.png").write_text("", encoding="utf-8")
    (tmp_path / "static" / "logo.png").symlink_to("img/logo.png")
    (tmp_path / "outside.png").write_text("", encoding="utf-8")
    files = {"hugo.toml": "", "content/a.md": page("[l](/logo.png) [o](/o.png)")}
    (tmp_path / "static" / "o.png").symlink_to("../../outside.png")
    assert site(files, "content/a.md") == (1, [
        ("LK009", 4, 20, "no page or file of the site is at `/o.png`; did you mean `/logo.png`?"),
    ])  # fmt: skip


def test_a_bare_www_host_in_prose_is_no_path_of_the_site(site, tmp_path):
    # A renderer's linkify reads `www.…` as `http://www.…`: a host, not the page `www.exemple.fr`
    # beside this one; on the site's own host, it is checked as the site's URL.
    files = {
        "hugo.toml": 'baseURL = "https://www.mairie.fr/"\n',
        "content/a.md": page("Voir www.exemple.fr, www.mairie.fr/actes/ et www.mairie.fr/a/."),
    }
    assert site(files, "content/a.md") == (
        1,
        [("LK009", 4, 22, "no page or file of the site is at `www.mairie.fr/actes/`")],
    )
    (tmp_path / "hugo.toml").unlink()
    (tmp_path / ".git").mkdir()  # a plain folder: nothing says how its pages are served
    assert site({"b.md": page("Voir www.exemple.fr ici.")}, "b.md") == OK


@pytest.mark.parametrize(
    ("text", "lower", "made"),
    [
        ("10-Lorem_Ipsum.v2", True, "10-lorem_ipsum.v2"),  # (kept as it is: no character read)
        ("10-Lorem_Ipsum.v2", False, "10-Lorem_Ipsum.v2"),
        ("a/b\\c#d+e~f@g", True, "a/b\\c#d+e~f@g"),
        ("Été 2024 !", True, "été-2024"),  # (read character by character, as Hugo does)
        ("a - b", True, "a-b"),
        ("100%25 x%zz", True, "100%25-xzz"),
        ("", True, ""),
    ],
)
def test_hugo_path_segments_keep_and_drop_what_hugo_does(text, lower, made):
    from linter.site.hugo import slugify_segment

    assert slugify_segment(text, lower=lower) == made
