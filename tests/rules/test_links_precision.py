"""Link rules on URLs of real sites: embedded URLs, character references, top-level domains, and
suggestions that are never worse than what was written. Exact codes, positions and messages."""

from __future__ import annotations

import json

import pytest

from linter.rules import links
from tests.conftest import check_page, found, run


def page(front: str, body: str = "") -> str:
    return f"---\ntitle: Page\n{front}---\n{body}"


@pytest.mark.parametrize(
    "body",
    [
        "[a](https://web.archive.org/web/20200101000000/https://www.example.gouv.fr/page)\n",
        "[a](https://web.archive.org/web/2019*/http://x.fr)\n",
        "[a](https://web.archive.org/web/20200101000000id_/http://x.fr/)\n",
        "[a](https://archive.ph/https://www.example.gouv.fr/page)\n",
        "[a](https://webcache.googleusercontent.com/search?q=cache:https://www.example.gouv.fr/)\n",
        "[a](https://www.facebook.com/sharer/sharer.php?u=https://www.example.gouv.fr/)\n",
        "[a](https://twitter.com/intent/tweet?url=https://www.example.gouv.fr/&text=Bonjour)\n",
        "[a](https://www.google.com/url?q=https://www.example.gouv.fr/&sa=D)\n",
        "[a](https://a.fr/partage/https%3A%2F%2Fb.fr%2Fhttps://c.fr)\n",
        "[a](/redirection?vers=https://www.example.gouv.fr/)\n",
        "Voir https://web.archive.org/web/2020/https://www.example.gouv.fr/ ici.\n",
    ],
)
def test_an_embedded_url_is_not_two_urls_glued_together(tmp_path, body):
    assert check_page(tmp_path, page("", body)) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The two of the real site (tests/corpus), and a host glued to a scheme.
        ("[a](https://github.com/entrepreneur-interet-generalhttps://github.com/entrepreneur-interet-general)\n",
         [("LK001", 4, 5, "two URLs glued together in `https://github.com/entrepreneur-interet-generalhttps://github.com/entrepreneur-…`")]),
        ("[a](https://apps.apple.com/us/app/scanner/id1291962681https://apps.apple.com/x)\n",
         [("LK001", 4, 5, "two URLs glued together in `https://apps.apple.com/us/app/scanner/id1291962681https://apps.apple.com/x`")]),
        ("[a](https://a.frhttps://b.fr/x)\n", [("LK001", 4, 5, "two URLs glued together in `https://a.frhttps://b.fr/x`")]),
        ("[a](/defis/a.htmlhttp://b.fr/x)\n", [("LK001", 4, 5, "two URLs glued together in `/defis/a.htmlhttp://b.fr/x`")]),
        # An archived URL's own empty segment is one; the `//` of its scheme is not.
        ("[a](https://web.archive.org/web/2020/https://a.fr//x)\n",
         [("LK005", 4, 50, "empty path segment (`//`) in `https://web.archive.org/web/2020/https://a.fr//x`")]),
    ],
)  # fmt: skip
def test_glued_urls(tmp_path, body, expected):
    assert check_page(tmp_path, page("", body)) == expected


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # Markdown decodes references in link destinations: this is `https://www.example.gouv.fr/page`.
        ("page.md", page("", "[a](https:&#x2F;&#x2F;www.example.gouv.fr&#x2F;page)\n"), []),
        ("page.md", page("", "[a](https://a.fr/?a=1&amp;b=2) [b](https:&#47;&#47;a.fr&#47;x)\n"), []),
        ("page.md", page("desc: '[a](https:&#x2F;&#x2F;www.example.gouv.fr&#x2F;page)'\n"), []),
        # The host is found through the references, and pointed at where it is written.
        ("page.md", page("", "Voir [a](https:&#x2F;&#x2F;www.exemple.frr&#x2F;page).\n"),
         [("LK001", 4, 28, "`www.exemple.frr`: `.frr` is not a top-level domain")]),
        ("page.md", page("", "[a](http:&#x2F;&#x2F;a.fr&#x2F;&#x2F;x)\n"),
         [("LK004", 4, 5, "insecure link `http:&#x2F;&#x2F;a.fr&#x2F;&#x2F;x`: use `https:&#x2F;&#x2F;a.fr&#x2F;&#x2F;x`"),
          ("LK005", 4, 26, "empty path segment (`//`) in `http:&#x2F;&#x2F;a.fr&#x2F;&#x2F;x`")]),
        # HTML attributes: the browser decodes them.
        ("page.html", '---\ntitle: Page\n---\n<a href="https:&#x2F;&#x2F;www.exemple.fr&#x2F;p">a</a>\n', []),
        ("page.html", '---\ntitle: Page\n---\n<p><a href="https:&#x2F;&#x2F;www.exemple.frr&#x2F;p">a</a></p>\n',
         [("LK001", 4, 31, "`www.exemple.frr`: `.frr` is not a top-level domain")]),
        ("page.md", page("", '<a href="https:&#47;&#47;a.fr&#47;x">a</a>\n'), []),
    ],
)  # fmt: skip
def test_character_references_are_read_as_the_browser_reads_them(tmp_path, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _code, out = run("check", "--isolated", "--format", "json", str(path))
    assert found(json.loads(out)) == expected


@pytest.mark.parametrize(
    ("front", "body", "expected"),
    [
        ("link: https://www.example.gouv.frr/page\n", "",
         [("LK001", 3, 15, "link: `www.example.gouv.frr`: `.frr` is not a top-level domain")]),
        ("", "[a](https://example.invalidtld/x)\n",
         [("LK001", 4, 13, "`example.invalidtld`: `.invalidtld` is not a top-level domain")]),
        ("", "Voir https://www.service-public.ff.\n",
         [("LK001", 4, 14, "`www.service-public.ff`: `.ff` is not a top-level domain")]),
        ("", "[a](//cdn.exemple.frr/x.js)\n", [("LK001", 4, 7, "`cdn.exemple.frr`: `.frr` is not a top-level domain")]),
        ("", "[a](https://Exemple.FRR:8080/x)\n", [("LK001", 4, 13, "`Exemple.FRR`: `.FRR` is not a top-level domain")]),
        ("", "[in](https://www.fr.LinkedIn/in/jdupont)\n",
         [("LK001", 4, 14, "`www.fr.LinkedIn`: labels in the wrong order (the site is `linkedin.com`)")]),
        # Real top-level domains, in every form: the list's own (Unicode) and punycode.
        ("", "[a](https://design.studio/) [b](https://exemple.xn--p1ai/) [c](https://exemple.рф/)\n", []),
        ("", "[a](https://www.ville.paris/) [b](https://blog.google/) [c](https://a.fr./)\n", []),
        # Special-use names, addresses, hosts without a domain to judge.
        ("", "[a](https://x.test/) [b](https://www.example/) [c](https://x.invalid/) [d](http://app.localhost:3000/)\n", []),
        ("", "[a](https://imprimante.local/) [b](https://x.onion/) [c](https://wiki.internal/) [d](https://nas.lan/)\n", []),
        ("", "[a](https://192.168.1.1/) [b](https://[::1]:8080/) [c](http://localhost:1313/)\n", []),
        # `www.xx.name` is judged only when `name` is a known domain's: `www.it.com` is real.
        ("", "[a](https://www.it.com/) [b](https://www.fr.paris/)\n", []),
    ],
)  # fmt: skip
def test_top_level_domains(tmp_path, front, body, expected):
    assert check_page(tmp_path, page(front, body)) == expected


def test_tld_messages_in_french(tmp_path):
    text = page("link: https://www.service-public.ff/x\n", "[in](https://www.fr.linkedin/in/x)\n")
    assert check_page(tmp_path, text, lang="fr") == [
        ("LK001", 3, 15, "link: `www.service-public.ff` : `.ff` n’est pas un domaine de premier niveau"),
        ("LK001", 5, 14, "`www.fr.linkedin` : éléments dans le désordre (le site est `linkedin.com`)"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("front", "body", "expected"),
    [
        # `//defis/x` would be protocol-relative again: the fix is `/defis/x`.
        ("", "[a](///defis/x)\n", [("LK001", 4, 5, "`///defis/x` points to the host of that name; did you mean `/defis/x`?")]),
        # `https://a_b.fr/x` has an invalid host: the scheme is said misspelt, no fix proposed.
        ("link: htps://a_b.fr/x\n", "", [("LK003", 3, 7, "link: misspelt scheme in `htps://a_b.fr/x`")]),
        ("link: htps://a.fr/x\n", "", [("LK003", 3, 7, "link: misspelt scheme in `htps://a.fr/x`; did you mean `https://a.fr/x`?")]),
        ("url: exemple.frr:8080/x\n", "", [("LK003", 3, 6, "url: `exemple.frr:8080/x` lacks its scheme")]),
        ("", "[a](http://exemple.frr/x)\n",
         [("LK004", 4, 5, "insecure link `http://exemple.frr/x`"),
          ("LK001", 4, 12, "`exemple.frr`: `.frr` is not a top-level domain")]),
        ("", "[a](http://intranet/)\n",
         [("LK001", 4, 5, "invalid host `intranet` in the URL `http://intranet/`"),
          ("LK004", 4, 5, "insecure link `http://intranet/`")]),
        # A host used twice is trusted only if it is valid: `monsite.fr` is not a typo of `mon_site.fr`.
        ("", "[a](https://mon_site.fr/a) [b](https://mon_site.fr/b) [c](https://monsite.fr/c)\n",
         [("LK001", 4, 5, "invalid host `mon_site.fr` in the URL `https://mon_site.fr/a`"),
          ("LK001", 4, 32, "invalid host `mon_site.fr` in the URL `https://mon_site.fr/b`")]),
    ],
)  # fmt: skip
def test_a_suggestion_is_never_worse_than_the_url(tmp_path, front, body, expected):
    assert check_page(tmp_path, page(front, body)) == expected


@pytest.mark.parametrize(
    ("suggestion", "original", "sound"),
    [
        ("https://a.fr/x", "htps://a.fr/x", True),
        ("/defis/x", "//defis/x", True),
        ("https://a.fr/x", "https://a.fr/x", False),  # the same
        ("https://a_b.fr/x", "htps://a_b.fr/x", False),  # invalid host
        ("https://a.frr/x", "htps://a.frr/x", False),  # no such top-level domain
        ("//defis/x", "///defis/x", False),  # protocol-relative again
        ("https://a.fr/x y", "htps://a.fr/x y", False),  # white space
        ("htps://a.fr/", "https//a.fr/", False),  # misspelt scheme
        ("https:&#x2F;&#x2F;a.fr", "http:&#x2F;&#x2F;a.fr", True),  # references read
    ],
)
def test_sound_suggestion(suggestion, original, sound):
    assert links._sound(suggestion, original) is sound


def test_common_tlds_are_in_the_public_suffix_list():
    suffixes = links._public_suffixes()
    assert [tld for tld in sorted(links._COMMON_TLDS) if not suffixes.is_public(tld)] == []
    # and the special-use names are not (but `onion`, which the list holds): they are ours
    assert sorted(t for t in links.SPECIAL_USE_TLDS if suffixes.is_public(t)) == ["onion"]


def test_the_list_is_loaded_only_for_an_uncommon_tld(tmp_path):
    links._public_suffixes.cache_clear()
    links.is_tld.cache_clear()
    links._host_verdict.cache_clear()
    assert (
        check_page(
            tmp_path, page("", "[a](https://www.service-public.fr/) [b](https://github.com/)\n")
        )
        == []
    )
    assert links._public_suffixes.cache_info().currsize == 0
    assert check_page(tmp_path, page("", "[a](https://design.studio/)\n")) == []
    assert links._public_suffixes.cache_info().currsize == 1


@pytest.mark.parametrize(
    ("raw", "text", "span", "raw_span"),
    [
        ("https://a.fr/", "https://a.fr/", (8, 12), (8, 12)),
        ("https:&#x2F;&#x2F;a.fr&#x2F;", "https://a.fr/", (8, 12), (18, 22)),
        ("a&amp;b&unknown;c", "a&b&unknown;c", (1, 3), (1, 7)),
        ("x&#47;", "x/", (1, 2), (1, 6)),
    ],
)
def test_url_decoding_keeps_the_written_places(raw, text, span, raw_span):
    url = links.Url.decode(raw)
    assert url.text == text
    assert url.raw_span(*span) == raw_span
