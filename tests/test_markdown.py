"""Link extraction from Markdown: every form, exact offsets, code left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.markdown import code_ranges, destination, links
from tests.conftest import SITE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voir [le site](https://x.fr/a).", [("link", "https://x.fr/a")]),
        ("![logo](/img/l.png)", [("image", "/img/l.png")]),
        ("[vide]() fin", [("link", "")]),
        ("[é](https://ex.org/été) et [b](https://x.fr/a%20b)",
         [("link", "https://ex.org/été"), ("link", "https://x.fr/a%20b")]),
        ("[t](<https://x.fr/a b>)", [("link", "https://x.fr/a b")]),
        ("Écrire à <eig@beta.gouv.fr> ou <https://a.fr/x>",
         [("autolink", "eig@beta.gouv.fr"), ("autolink", "https://a.fr/x")]),
        ('Un <a href="https://h.fr/p">lien</a> et <img src="/i.png">',
         [("html", "https://h.fr/p"), ("html", "/i.png")]),
        ("[r][1] puis [r][1]\n\n[1]: https://ref.fr/x\n", [("reference", "https://ref.fr/x")]),
        ("Nu : https://bare.fr/chemin. Fin", [("bare", "https://bare.fr/chemin")]),
        ("Code `[c](http://code.fr)` et\n\n```\n[d](http://bloc.fr)\n```\n", []),
        ("[a](https://same.fr) [b](https://same.fr)", [("link", "https://same.fr"), ("link", "https://same.fr")]),
        ("[cassé](https://x.fr/a b)", []),
        # (The parser's inline rules that make no link are off: the links around them stay.)
        ("*[a](https://x.fr/a)* **[b](/b)** ~~[c](/c)~~ _[d](/d)_",
         [("link", "https://x.fr/a"), ("link", "/b"), ("link", "/c"), ("link", "/d")]),
        ("[a&#93;b](/e) [x&amp;y](/f?a=1&amp;b=2)", [("link", "/e"), ("link", "/f?a=1&amp;b=2")]),
        ("[deux\nlignes](/g) [fin  \nde ligne](/h)", [("link", "/g"), ("link", "/h")]),
        ("# Titre\n[r]: /ref\n\nVoir [r].\n", [("reference", "/ref")]),
        # (A reference link's destination is its definition, never a later inline link's.)
        ("Voir [r], [m](/m) et [y](/%C3%A9).\n\n[r]: /é\n",
         [("link", "/m"), ("link", "/%C3%A9"), ("reference", "/é")]),
        ("[r] [m](/m) [y](/ref)\n\n[r]: /ref\n",
         [("link", "/m"), ("link", "/ref"), ("reference", "/ref")]),
        ("[a][r] et [b][r]\n\n[r]: <>\n", [("reference", "")]),
        # (A tag over the lines of a list item is located URL by URL.)
        ('- <a\n  href="/x">a</a> [m](/m)\n\n<a\nhref="/x">b</a>\n',
         [("html", "/x"), ("link", "/m"), ("html", "/x")]),
        # (A definition with the decoded destination of an inline link is not that link's.)
        ("[a](https://a.fr/?a=1&amp;b=2)\n\n[r]: https://a.fr/?a=1&b=2\n",
         [("link", "https://a.fr/?a=1&amp;b=2"), ("bare", "https://a.fr/?a=1&b=2")]),
        ('Un <!-- <a href="/x"> --> et <b>gras</b><br/> <a href="/y">y</a>', [("html", "/y")]),
        # (Tags without attributes hold no URL, the page is not parsed; an e-mail autolink may
        # start with a digit.)
        ("Du <b>gras</b>, <br/> <EM >x</EM> <!-- c --> sans lien", []),
        ("Écrire à <1eig@beta.gouv.fr>.", [("autolink", "1eig@beta.gouv.fr")]),
        ('Une <img srcset="a.png 1x, b.png 2x"> et <img srcset="a.png, c.png 2x">',
         [("html", "a.png"), ("html", "b.png"), ("html", "a.png"), ("html", "c.png")]),
        # (Destinations as written: with markdown-it's normalization, an escape and a character
        # it encodes in one destination made every form of it unfindable: both were lost.)
        ("<https://a.fr/%C3%A9\\x> [y](https://a.fr/%20é)",
         [("autolink", "https://a.fr/%C3%A9\\x"), ("link", "https://a.fr/%20é")]),
    ],
)  # fmt: skip
def test_links_kinds_and_exact_offsets(text, expected):
    found = links(text)
    assert [(t.kind, t.url) for t in found] == expected
    for target in found:
        assert target.exact
        assert text[target.start : target.end] == target.url


def test_repeated_destinations_get_their_own_offsets():
    text = "[a](https://same.fr) [b](https://same.fr)"
    assert [t.start for t in links(text)] == [4, 25]


def test_code_ranges():
    text = "a `b` c ``d ` e`` f\n```py\ncode\n```\nfin"
    assert [text[a:b] for a, b in code_ranges(text)] == ["`b`", "``d ` e``", "```py\ncode\n```"]


def test_every_link_of_the_real_site_is_located():
    lost = []
    total = 0
    for page in (SITE / "site" / "content").rglob("*.md"):
        for target in links(page.read_text(encoding="utf-8")):
            total += 1
            if not target.exact:
                lost.append((page.name, target.url))
    assert lost == []
    assert total > 1000


def test_raw_html_blocks_are_read_as_html_at_their_exact_offsets():
    text = "Texte.\n\n<div>\n  <img srcset=\"/img/a.png 1x, /img/b.png 2x\" src='/img/c.png'>\n</div>\n"
    assert [(t.url, t.start, t.end, t.kind) for t in links(text)] == [
        ("/img/a.png", 29, 39, "html"),
        ("/img/b.png", 44, 54, "html"),
        ("/img/c.png", 64, 74, "html"),
    ]
    assert [text[t.start : t.end] for t in links(text)] == [
        "/img/a.png",
        "/img/b.png",
        "/img/c.png",
    ]


def test_raw_html_in_a_blockquote_is_located_from_its_content():
    text = '> <p><a href="/a/">a</a></p>\n'
    assert [(t.url, t.start, t.end, t.exact) for t in links(text)] == [("/a/", 14, 17, True)]


_DESTINATION_PIECES = (
    "<", ">", "(", ")", "(" * 33, "\\", " ", "\n", "\t", "\x7f", "\x01", "a", "é", "\\ ", "\\)",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_DESTINATION_PIECES), max_size=16).map("".join),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_a_destination_is_read_as_markdown_it_reads_it(text, pos, maximum):
    from markdown_it.helpers import parseLinkDestination

    pos, maximum = min(pos, len(text)), min(maximum, len(text))
    theirs, ours = parseLinkDestination(text, pos, maximum), destination(text, pos, maximum)
    assert (ours.ok, ours.pos, ours.str) == (theirs.ok, theirs.pos, theirs.str)
