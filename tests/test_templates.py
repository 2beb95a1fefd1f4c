"""Template syntax masked (linter/templates.py): Liquid, Go templates, Hugo shortcodes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.templates import MASK, Expression, mask

M = MASK


def masked(text: str) -> str:
    return mask(text).text


def expressions(text: str) -> tuple[Expression, ...]:
    return mask(text).expressions


# The fast path


def test_a_text_without_template_openings_is_returned_as_is():
    for text in ("", "Du texte { et } ou {x} et }} et %}", "a { { b", "{ %"):
        text = "".join(["« ", text])  # a new object, not an interned constant
        result = mask(text)
        assert result.text is text
        assert result.expressions == ()


def test_openings_that_close_nowhere_return_the_text_as_is():
    text = "".join(["a {{ b {% c {{< d {{% e {{</* f"])
    result = mask(text)
    assert result.text is text
    assert result.expressions == ()


# Jekyll: Liquid outputs and tags


def test_liquid_outputs_in_attributes_links_and_mailto():
    text = '<img src="{{ page.image }}"> [x]({{ site.baseurl }}/page) mailto:{{ site.email }}'
    assert masked(text) == f'<img src="{M * 16}"> [x]({M * 18}/page) mailto:{M * 16}'
    assert expressions(text) == (
        Expression(10, 26, "output", "page.image"),
        Expression(33, 51, "output", "site.baseurl", base_url=True),
        Expression(65, 81, "output", "site.email"),
    )


def test_liquid_tags_link_post_url_include():
    text = '{% link _posts/x.md %} {% post_url 2010-07-21-nom %} {% include "a.html" k=1 %}'
    assert masked(text) == f"{M * 22} {M * 29} {M * 26}"
    assert expressions(text) == (
        Expression(0, 22, "tag", "link", ("_posts/x.md", 8, 19)),
        Expression(23, 52, "tag", "post_url", ("2010-07-21-nom", 35, 49)),
        Expression(53, 79, "tag", "include", ("a.html", 65, 71)),
    )


def test_liquid_tag_arguments_quoted_bare_computed_or_none():
    text = "{% include 'b.html' %}{% include {{ page.x }} %}{% endif %}{% link%}{% # note %}"
    assert masked(text) == M * len(text)
    assert expressions(text) == (
        Expression(0, 22, "tag", "include", ("b.html", 12, 18)),
        Expression(22, 48, "tag", "include"),  # computed: not an argument
        Expression(48, 59, "tag", "endif"),
        Expression(59, 68, "tag", "link"),
        Expression(68, 80, "tag", "#", ("note", 73, 77)),
    )


def test_liquid_whitespace_control_is_the_same_syntax():
    text = "a {{- site.url -}} b {%- link x.md -%} c {%-raw-%}{{ y }}{%-endraw-%} d"
    assert masked(text) == f"a {M * 16} b {M * 17} c {M * 28} d"
    assert expressions(text) == (
        Expression(2, 18, "output", "site.url", base_url=True),
        Expression(21, 38, "tag", "link", ("x.md", 30, 34)),
        Expression(41, 69, "block", "raw"),
    )


def test_string_literals_given_to_url_filters_are_arguments():
    text = (
        '{{ "/a" | relative_url }} {{ \'/b\' | absolute_url }} {{ "/c" | prepend: site.baseurl }} '
        '{{ "d" | upcase }} {{ "/e" | prepend: "x" }} {{ "/f" | append: "/" | relative_url }} '
        '{{ relURL "/g" }} {{ "/h" }}'
    )
    assert masked(text) == (
        f"{M * 25} {M * 25} {M * 34} {M * 18} {M * 25} {M * 39} {M * 17} {M * 10}"
    )
    assert expressions(text) == (
        Expression(0, 25, "output", "relative_url", ("/a", 4, 6)),
        Expression(26, 51, "output", "absolute_url", ("/b", 30, 32)),
        Expression(52, 86, "output", "prepend", ("/c", 56, 58)),
        Expression(87, 105, "output", "upcase"),
        Expression(106, 131, "output", "prepend"),
        Expression(132, 171, "output", "append"),  # the URL filter is not the first
        Expression(172, 189, "output", "relURL", ("/g", 183, 185)),
        Expression(190, 200, "output", ""),
    )


def test_base_url_prefix():
    text = (
        "{{ site.baseurl }}{{ site.url }}{{ site.url }}{{ site.baseurl }}{{ site.github.url }}"
        "{{ site.baseurl | escape }}{{ .Site.BaseURL }}{{ .Site.Home.Permalink | safeURL }}"
        "{{site.baseurl}}{{ site.baseurl | escape | strip }}"
        '{{ site.baseurl | append: "/x" }}{{ site.baseurl x }}{{ site.title }}{{ "/" }}'
        "{% link site.baseurl %}"
    )
    assert [e.base_url for e in expressions(text)] == [
        *[True] * 10,
        *[False] * 5,
    ]
    assert [e.name for e in expressions(text)] == [
        "site.baseurl",
        "site.url",
        "site.url",
        "site.baseurl",
        "site.github.url",
        "site.baseurl",
        ".Site.BaseURL",
        ".Site.Home.Permalink",
        "site.baseurl",
        "site.baseurl",
        "site.baseurl",
        "site.baseurl",
        "site.title",
        "",
        "link",
    ]


def test_liquid_blocks_are_masked_whole_with_their_line_breaks():
    text = (
        "Avant\n{% highlight ruby %}\nx = 1 # le 3 juin\n{% endhighlight %}\n"
        "{% raw %}{{ y }}{% endraw %} {% comment %}\nbrouillon\n{% endcomment %} après"
    )
    assert masked(text) == (
        f"Avant\n{M * 20}\n{M * 17}\n{M * 18}\n{M * 28} {M * 13}\n{M * 9}\n{M * 16} après"
    )
    assert expressions(text) == (
        Expression(6, 63, "block", "highlight", ("ruby", 19, 23)),
        Expression(64, 92, "block", "raw"),
        Expression(93, 133, "block", "comment"),
    )


def test_capture_is_not_a_block_its_content_is_prose():
    text = "{% capture t %}Le 3 juin{% endcapture %}"
    assert masked(text) == f"{M * 15}Le 3 juin{M * 16}"
    assert expressions(text) == (
        Expression(0, 15, "tag", "capture", ("t", 11, 12)),
        Expression(24, 40, "tag", "endcapture"),
    )


def test_an_unclosed_block_masks_only_its_own_tag():
    text = "{% raw %} texte {{ x }} et {% highlight %} fin"
    assert masked(text) == f"{M * 9} texte {M * 7} et {M * 15} fin"
    assert expressions(text) == (
        Expression(0, 9, "tag", "raw"),
        Expression(16, 23, "output", "x"),
        Expression(27, 42, "tag", "highlight"),
    )


def test_line_breaks_inside_expressions_are_kept():
    text = "a {{\n  site.url\r\n}} b {% link\n x.md %}"
    assert masked(text) == f"a {M * 2}\n{M * 10}\r\n{M * 2} b {M * 7}\n{M * 8}"
    assert masked(text).splitlines() == [f"a {M * 2}", M * 10, f"{M * 2} b {M * 7}", M * 8]
    assert expressions(text) == (
        Expression(2, 19, "output", "site.url", base_url=True),
        Expression(22, 38, "tag", "link", ("x.md", 31, 35)),
    )


def test_unclosed_openings_are_text():
    text = "a {{ b }} c {{ d {% e"
    assert masked(text) == f"a {M * 7} c {{{{ d {{% e"
    assert expressions(text) == (Expression(2, 9, "output", "b"),)


def test_nested_braces_end_at_the_first_closing():
    text = "{{ {{ x }} }} {{{ y }}}"
    assert masked(text) == f"{M * 10} }}}} {M * 8}}}"
    assert expressions(text) == (
        Expression(0, 10, "output", ""),
        Expression(14, 22, "output", ""),
    )


def test_an_output_ends_at_the_first_closing_whatever_the_quotes():
    text = '{{ "}}" }} x'
    assert masked(text) == f'{M * 6}" }}}} x'
    assert expressions(text) == (Expression(0, 6, "output", ""),)


# Hugo: shortcodes and Go templates


def test_ref_relref_and_figure_arguments():
    text = (
        '{{< ref "docs/a.md" >}} {{< relref "b.md#x" >}} {{% relref path="c.md" lang="fr" %}} '
        '{{< figure alt="a }} >}} b" src="/i.png" >}} {{< figure alt="sans source" >}}'
    )
    assert masked(text) == f"{M * 23} {M * 23} {M * 36} {M * 44} {M * 32}"
    assert expressions(text) == (
        Expression(0, 23, "shortcode", "ref", ("docs/a.md", 9, 18)),
        Expression(24, 47, "shortcode", "relref", ("b.md#x", 36, 42)),
        Expression(48, 84, "shortcode", "relref", ("c.md", 65, 69)),
        Expression(85, 129, "shortcode", "figure", ("/i.png", 118, 124)),
        Expression(130, 162, "shortcode", "figure"),
    )


def test_paired_shortcodes_keep_their_inner_prose():
    text = (
        "{{% notice info %}}Le **3 juin**{{% /notice %}}\n"
        '{{< details summary="Plus" >}}\nTexte\n{{< /details >}} {{< br />}} {{< / x >}}'
    )
    assert masked(text) == (
        f"{M * 19}Le **3 juin**{M * 15}\n{M * 30}\nTexte\n{M * 16} {M * 11} {M * 11}"
    )
    assert expressions(text) == (
        Expression(0, 19, "shortcode", "notice", ("info", 11, 15)),
        Expression(32, 47, "shortcode", "/notice"),
        Expression(48, 78, "shortcode", "details", ("Plus", 69, 73)),
        Expression(85, 101, "shortcode", "/details"),
        Expression(102, 113, "shortcode", "br"),
        Expression(114, 125, "shortcode", "/x"),
    )


def test_shortcode_strings_escapes_and_raw_strings():
    text = '{{< x "a \\" >}} b" >}} {{< y `l1\nl2 >}}` >}}'
    assert masked(text) == f"{M * 22} {M * 9}\n{M * 11}"
    assert expressions(text) == (
        Expression(0, 22, "shortcode", "x", ('a \\" >}} b', 7, 17)),
        Expression(23, 44, "shortcode", "y", ("l1\nl2 >}}", 30, 39)),
    )


def test_hugo_blocks_are_masked_whole():
    text = (
        "{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}} "
        '{{< code lang="md" >}}[a](b){{% / code %}} fin'
    )
    assert masked(text) == f"{M * 20}\n{M * 14}\n{M * 18} {M * 42} fin"
    assert expressions(text) == (
        Expression(0, 54, "block", "highlight", ("go", 14, 16)),
        Expression(55, 97, "block", "code", ("md", 70, 72)),
    )


def test_escaped_shortcodes_are_masked_as_one_block():
    text = '{{</* ref "x.md" */>}} et {{%/* notice */%}} {{</* a >}} b */>}}'
    assert masked(text) == f"{M * 22} et {M * 18} {M * 19}"
    assert expressions(text) == (
        Expression(0, 22, "block", "/*"),
        Expression(26, 44, "block", "/*"),
        Expression(45, 64, "block", "/*"),
    )


def test_go_templates():
    text = "{{- .Site.BaseURL -}}/a {{ relURL `/b` | safeURL }} {{ $x := 1 }} {{/* c */}}"
    assert masked(text) == f"{M * 21}/a {M * 27} {M * 13} {M * 11}"
    assert expressions(text) == (
        Expression(0, 21, "output", ".Site.BaseURL", base_url=True),
        Expression(24, 51, "output", "relURL", ("/b", 35, 37)),
        Expression(52, 65, "output", "$x"),
        Expression(66, 77, "output", ""),
    )


def test_malformed_shortcodes_are_text():
    text = '{{< a ( >}} {{< b "c\n" >}} {{< d >} {{< e >}} {{</* f'
    assert masked(text) == f'{{{{< a ( >}}}} {{{{< b "c\n" >}}}} {{{{< d >}} {M * 9} {{{{</* f'
    assert expressions(text) == (Expression(36, 45, "shortcode", "e"),)


def test_a_shortcode_inside_the_string_of_a_malformed_one_is_text():
    text = '{{< a "{{< b >}}\n{{< c >}}'
    assert masked(text) == f'{{{{< a "{{{{< b >}}}}\n{M * 9}'
    assert expressions(text) == (Expression(17, 26, "shortcode", "c"),)


def test_an_unclosed_hugo_block_masks_only_its_opening():
    text = "{{< highlight go >}}\nx {{< ref a >}}"
    assert masked(text) == f"{M * 20}\nx {M * 13}"
    assert expressions(text) == (
        Expression(0, 20, "shortcode", "highlight", ("go", 14, 16)),
        Expression(23, 36, "shortcode", "ref", ("a", 31, 32)),
    )


# Reading one expression


def test_expression_at_reads_the_expression_under_an_offset():
    result = mask("a {{ site.url }} b {% link c.md %}")
    assert result.expression_at(0) is None
    assert result.expression_at(2) == Expression(2, 16, "output", "site.url", base_url=True)
    assert result.expression_at(15) == Expression(2, 16, "output", "site.url", base_url=True)
    assert result.expression_at(16) is None
    assert result.expression_at(33) == Expression(19, 34, "tag", "link", ("c.md", 27, 31))
    assert result.expression_at(34) is None


# Hostile input: exact results on large inputs (a quadratic scan would not finish)


def test_many_unclosed_openings():
    for unit in ("{{ ", "{% ", "{{< ", "{{</* ", "{", "{{ {{ "):
        text = unit * 100_000
        result = mask(text)
        assert result.text is text
        assert result.expressions == ()


def test_many_unclosed_blocks_and_malformed_shortcodes_then_one_closing():
    text = '{% raw %} {{< highlight >}} {{< a "b\n' * 30_000 + "{{ c }}"
    unit = f'{M * 9} {M * 17} {{{{< a "b\n'
    assert masked(text) == unit * 30_000 + M * 7
    result = mask(text)
    assert len(result.expressions) == 60_001
    assert result.expressions[-1] == Expression(len(text) - 7, len(text), "output", "c")


def test_many_expressions():
    text = "{{ x }} " * 50_000
    assert masked(text) == f"{M * 7} " * 50_000
    assert mask(text).expressions[49_999] == Expression(399_992, 399_999, "output", "x")


# Invariants, on any text


_PIECES = st.sampled_from(
    [
        "{{", "}}", "{%", "%}", "{{<", ">}}", "{{%", "%}}", "{{</*", "*/>}}", "/", "-", " ", "\n",
        "\r", '"', "`", "\\", "=", "x", "raw", "endraw", "highlight", "code", "ref", "site.url",
        "|", "relative_url", "'", "(", "é",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_masking_keeps_length_lines_and_every_other_character(text):
    result = mask(text)
    assert len(result.text) == len(text)
    last = 0
    for expression in result.expressions:
        assert last <= expression.start < expression.end <= len(text)
        assert result.text[last : expression.start] == text[last : expression.start]
        for index in range(expression.start, expression.end):
            kept = text[index] if text[index] in "\r\n" else M
            assert result.text[index] == kept
        if expression.argument is not None:
            value, start, end = expression.argument
            assert text[start:end] == value
            assert expression.start < start <= end < expression.end
        assert result.expression_at(expression.start) == expression
        last = expression.end
    assert result.text[last:] == text[last:]
