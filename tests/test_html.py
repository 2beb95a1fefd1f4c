"""The body of an HTML page: its URL attributes with exact offsets, its code ranges, its anchors.

Every expected offset is written out; ``spans`` also checks that each one slices the text into
the URL reported, so a wrong number cannot go unnoticed."""

from __future__ import annotations

import pytest

from linter.html import anchors, code_ranges, decode_attribute, links


def spans(text: str) -> list[tuple[str, int, int]]:
    found = links(text)
    for target in found:
        assert (target.kind, target.exact) == ("html", True)
        assert text[target.start : target.end] == target.url
    return [(target.url, target.start, target.end) for target in found]


def pieces(text: str) -> list[str]:
    return [text[start:end] for start, end in code_ranges(text)]


# --- Links: every attribute form, every URL attribute


def test_double_single_and_unquoted_values_and_upper_case_names():
    text = "<a href=\"/a\">A</a><A HREF='/b'>B</A><a href=/c>C</a>"
    assert spans(text) == [("/a", 9, 11), ("/b", 27, 29), ("/c", 44, 46)]


def test_attributes_across_line_breaks_and_values_with_white_space_around():
    text = '<a\nhref\n=\n"  /x y  "\n>L</a>\n<img src=" \t/i.png\n">'
    # The span leaves out the leading and trailing white space (what a browser uses), not
    # the space inside.
    assert spans(text) == [("/x y", 13, 17), ("/i.png", 40, 46)]


def test_srcset_gives_each_url_without_its_descriptor_then_the_next_attributes():
    text = '<img srcset="a.png 1x, b,c.png 2x,d.png,, e.png (w 1,2) 3w" src=f.png>'
    # `b,c.png`: a comma inside a URL stays; `d.png,,`: trailing commas end the candidate;
    # `(w 1,2)`: a comma inside parentheses does not end the descriptors.
    assert spans(text) == [
        ("a.png", 13, 18),
        ("b,c.png", 23, 30),
        ("d.png", 34, 39),
        ("e.png", 42, 47),
        ("f.png", 64, 69),
    ]


def test_poster_action_formaction_cite_object_data_xlink_and_imagesrcset():
    text = (
        "<video poster=/p.jpg src=/v.mp4></video>\n<form action=/send><button formaction=/other>"
        "<blockquote cite=/c><object data=/o.svg></object><div data=/not>"
        '<svg><use xlink:href=#i /></svg><link rel=preload imagesrcset="/s.png 2x">'
    )
    assert spans(text) == [
        ("/p.jpg", 14, 20),
        ("/v.mp4", 25, 31),
        ("/send", 54, 59),
        ("/other", 79, 85),
        ("/c", 103, 105),
        ("/o.svg", 119, 125),
        ("#i", 171, 173),
        ("/s.png", 213, 219),
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("0; url=/new", [("/new", 41, 45)]),
        ("5;URL = '/quoted' then", [("/quoted", 43, 50)]),
        ('0, Url="/dq', [("/dq", 42, 45)]),
        ("0; /bare/", [("/bare/", 37, 43)]),
        ("0.5 uri=/x", [("uri=/x", 38, 44)]),
        ("3", []),
        ("0; url=", []),
        ("; url=/no-time", []),
        ("0x; url=/bad-time", []),
    ],
)  # fmt: skip
def test_meta_refresh_url(content, expected):
    quote = "'" if '"' in content else '"'
    text = f"<meta http-equiv=Refresh content={quote}{content}{quote}>"
    assert spans(text) == expected


def test_content_is_a_link_only_in_a_meta_refresh():
    assert spans('<meta http-equiv="content-type" content="0; url=/x">') == []
    assert spans('<meta content="0; url=/x">') == []
    assert spans('<div http-equiv=refresh content="0; url=/x">') == []
    # The refresh declared after the content counts all the same.
    assert spans('<META CONTENT="0; url=/x" HTTP-EQUIV="refresh">') == [("/x", 22, 24)]


def test_entities_stay_as_written():
    text = '<a href="/a?b=1&amp;c=2&#38;d">x</a>'
    assert spans(text) == [("/a?b=1&amp;c=2&#38;d", 9, 29)]


def test_an_empty_form_action_submits_to_the_page_itself_and_is_no_link():
    text = '<form action=""><button formaction=" ">x</button></form><form action="/envoi">'
    assert spans(text) == [("/envoi", 70, 76)]


def test_empty_values_are_reported_empty_where_the_value_would_be():
    text = '<a href="">a</a><a href=>b</a><a href>c</a><a href="   ">d</a>'
    assert spans(text) == [("", 9, 9), ("", 24, 24), ("", 37, 37), ("", 55, 55)]


def test_duplicate_attributes_keep_the_first_as_browsers_do():
    text = "<a href=/1 HREF=/2 id=one ID=two>x</a>"
    assert spans(text) == [("/1", 8, 10)]
    assert anchors(text) == {"one"}


def test_template_placeholders_are_values_like_any_other():
    text = '<a href="\ue000\ue000\ue000">x</a><img src=\ue000\ue000/i.png>'
    assert spans(text) == [("\ue000\ue000\ue000", 9, 12), ("\ue000\ue000/i.png", 28, 36)]


# --- Links: what is not markup


def test_nothing_in_comments_scripts_styles_textareas_titles_or_code_text():
    text = (
        "<!-- <a href=/comment> -->"
        "<script>document.write('<a href=\"/script\">')</script>"
        "<style>a { background: url(/style.png) }</style>"
        "<textarea><a href=/textarea></textarea>"
        "<title><a href=/title></title>"
        "<pre>https://pre.example <a href=/in-pre>real</a></pre>"
        "<code>href=/code</code>"
        "<template><a href=/in-template>kept</a></template>"
    )
    assert spans(text) == [("/in-pre", 229, 236), ("/in-template", 292, 304)]


def test_a_script_hiding_its_end_tag_in_a_comment_ends_at_the_real_end_tag():
    text = (
        "<script><!--\ndocument.write('<script src=\"/x.js\"></script>');\n//--></script>"
        "<a href=/after>a</a>"
    )
    assert spans(text) == [("/after", 84, 90)]
    assert code_ranges(text) == [(0, 91), (92, 96)]


def test_raw_text_ends_only_at_its_own_end_tag():
    text = "<style></styles><a href=/no></STYLE\n><a href=/yes>"
    assert spans(text) == [("/yes", 45, 49)]


def test_a_tag_unclosed_at_the_end_is_dropped():
    assert spans('<a href="/ok">ok</a><a href="/unclosed-quote>') == [("/ok", 9, 12)]
    assert spans("<a href=/ok>ok</a><a href=/eof") == [("/ok", 8, 11)]
    assert spans("<a href=/ok><!-- <a href=/in-comment>") == [("/ok", 8, 11)]


def test_lone_angle_brackets_are_text():
    text = "a < b, <3, <<a href=/x>, <\u00e9 <"
    assert spans(text) == [("/x", 20, 22)]
    assert code_ranges(text) == [(12, 23)]


# --- The page Markdown reads wrongly: HTML after a blank line, indented HTML


PAGE = (
    '<h1 id="titre">Titre</h1>\n'
    "\n"
    '<div class="cartes">\n'
    "\n"
    '    <a href="/projets/">Projets</a>\n'
    "\n"
    '        <img src="/img/a.png" alt="">\n'
    "</div>\n"
)


def test_html_after_a_blank_line_and_indented_html_are_markup():
    assert spans(PAGE) == [("/projets/", 62, 71), ("/img/a.png", 104, 114)]
    assert anchors(PAGE) == {"titre"}
    assert pieces(PAGE) == [
        '<h1 id="titre">',
        "</h1>",
        '<div class="cartes">',
        '<a href="/projets/">',
        "</a>",
        '<img src="/img/a.png" alt="">',
        "</div>",
    ]
    assert code_ranges(PAGE) == [
        (0, 15), (20, 25), (27, 47), (53, 73), (80, 84), (94, 123), (124, 130)
    ]  # fmt: skip


# --- Code ranges


def test_code_ranges_tags_comments_declarations_and_code_content():
    text = (
        "<!DOCTYPE html><p>Un <code>x < y</code> et <!-- c --> fin"
        " <kbd>Ctrl</kbd>, <samp>ok</samp>, <?php x ?>, <![CDATA[z]]>, </>, </ x>.</p>"
        "<script>if (a<b) {}</script>\n<pre>\n<b>gras</b>\n</pre><style>p{}</style>"
        "<textarea>t</textarea> <title>Le titre</title>"
    )
    assert pieces(text) == [
        "<!DOCTYPE html><p>",
        "<code>x < y</code>",
        "<!-- c -->",
        "<kbd>Ctrl</kbd>",
        "<samp>ok</samp>",
        "<?php x ?>",
        "<![CDATA[z]]>",  # a bogus comment to the first `>`: `z]]` is part of it
        "</>",
        "</ x>",
        "</p><script>if (a<b) {}</script>",
        "<pre>\n<b>gras</b>\n</pre><style>p{}</style><textarea>t</textarea>",
        "<title>",
        "</title>",
    ]
    assert code_ranges(text) == [
        (0, 18), (21, 39), (43, 53), (58, 73), (75, 90), (92, 102), (104, 117), (119, 122),
        (124, 129), (130, 162), (163, 227), (228, 235), (243, 251),
    ]  # fmt: skip


def test_nested_code_elements_end_with_the_outermost():
    text = "<pre><code>a</code> b</pre> prose <code>c<code>d</code>e</code> f"
    assert pieces(text) == ["<pre><code>a</code> b</pre>", "<code>c<code>d</code>e</code>"]
    # A stray end tag closes nothing.
    assert pieces("</code> prose <kbd>k</kbd>") == ["</code>", "<kbd>k</kbd>"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a <!-- never closed", [(2, 19)]),
        ("a <!--> b <!---> c", [(2, 7), (10, 16)]),
        ("a <!-- x --!> b <!-- y --> c", [(2, 13), (16, 26)]),
        ("a <code>never closed <b>x</b>", [(2, 29)]),
        ("a <script>never closed", [(2, 22)]),
        ("a <title>never closed", [(2, 9)]),
        ("a <plaintext>everything <a href=/x> after", [(2, 41)]),
        ("a <b class='x", [(2, 13)]),
        ("a <!doctype", [(2, 11)]),
        ("a </", []),
        ("a <", []),
    ],
)  # fmt: skip
def test_code_ranges_of_unclosed_constructs_run_to_the_end(text, expected):
    assert code_ranges(text) == expected
    assert links(text) == []


# --- Anchors


def test_anchors_ids_and_names_of_a_decoded():
    text = (
        '<h2 id="a&amp;b">x</h2><a name="n&eacute;">y</a><div name=div-name></div>'
        "<p id=&notit id=x>z</p><i id='&copy=y'></i><i id=\"\"></i><i id='\x00'></i>"
        "<!-- <i id=comment> --><script>'<i id=script>'</script><template><i id=t></template>"
    )
    # `&notit`, `&copy=`: a named reference without `;` followed by a letter, digit or `=`
    # stays as written in an attribute.
    assert anchors(text) == {"a&b", "né", "&notit", "&copy=y", "\ufffd", "t"}


@pytest.mark.parametrize(
    ("value", "decoded"),
    [
        ("a&amp;b", "a&b"),
        ("&lt;&gt;&quot;", '<>"'),
        ("&amp", "&"),
        ("&ampx", "&ampx"),
        ("&amp=", "&amp="),
        ("&amp x", "& x"),
        ("&#233;&#xE9;&#xe9", "ééé"),
        ("&#0;&#x110000;", "\ufffd\ufffd"),
        ("&unknown;", "&unknown;"),
        ("&", "&"),
        ("\x00", "\ufffd"),
    ],
)  # fmt: skip
def test_decode_attribute(value, decoded):
    assert decode_attribute(value) == decoded


# --- Untrusted input: never an exception, always the same answers


@pytest.mark.parametrize(
    "text",
    [
        "",
        "<",
        "<<<<",
        "</",
        "<!",
        "<!-",
        "<?",
        "<a",
        "<a ",
        "<a href",
        "<a href=",
        '<a href="',
        "<a href='x",
        "<a =",
        "<a / / />",
        "</a href=/x>",
        "<script",
        "<script>",
        "<script><!--",
        "<script><!--<script>",
        "<script><!--<script></script>",
        "<pre>",
        "\x00<\x00a\x00 href=\x00>",
        "\ud800<a href=\udfff>",
    ],
)  # fmt: skip
def test_broken_html_never_raises(text):
    found = links(text)
    for target in found:
        assert text[target.start : target.end] == target.url
    ranges = code_ranges(text)
    assert ranges == sorted(ranges)
    assert all(0 <= start < end <= len(text) for start, end in ranges)
    assert anchors(text) == set()


def test_nul_and_lone_surrogates_inside_values():
    text = "<a href='/\x00\ud800'>\udfff</a><a href=/\x00 id=\x00>"
    assert spans(text) == [("/\x00\ud800", 9, 12), ("/\x00", 27, 29)]
    assert anchors(text) == {"\ufffd"}


def test_a_tag_whose_attributes_look_like_markup():
    text = '<a href=/a<b>c</a><p "x"=y <i>=\'z\'>t</p><a href="/q"id=w/ >'
    assert spans(text) == [("/a<b", 8, 12), ("/q", 49, 51)]
    assert anchors(text) == {"w/"}


def test_large_pathological_pages_give_exact_answers():
    # (Speed is measured outside the tests; these pin what the linear paths find.)
    many = '<a href="/p">x</a>' * 20_000
    found = links(many)
    assert (len(found), found[-1].start) == (20_000, 18 * 19_999 + 9)
    assert code_ranges(many)[-1] == (18 * 19_999 + 14, 18 * 20_000)
    unclosed = "<a " * 30_000
    assert (links(unclosed), code_ranges(unclosed)) == ([], [(0, 90_000)])
    lone = "< " * 100_000 + "<a href=/x>"
    assert spans(lone) == [("/x", 200_008, 200_010)]
    comments = "<!--a--!>" * 10_000 + "<a href=/y>"
    assert spans(comments) == [("/y", 90_008, 90_010)]
    srcset = '<img srcset="' + "a.png 1x, " * 10_000 + '">'
    found = links(srcset)
    assert (len(found), found[-1].start) == (10_000, 13 + 10 * 9_999)


def test_answers_are_copies():
    text = "<a href=/x id=y><pre>z</pre>"
    first = links(text)
    first.append(first[0])
    code_ranges(text).clear()
    anchors(text).clear()
    assert (len(links(text)), code_ranges(text), anchors(text)) == (1, [(0, 28)], {"y"})
