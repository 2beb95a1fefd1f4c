"""Pathological pages (issue 15, H-4): every stage is near-linear in the size of a page.

The speed is measured by `bench/pathological.py`, never here. These tests pin what the linear
algorithms find on the same shapes at a modest size (thousands of code spans, links, dates,
placeholders…): the exact count, and the exact first and last diagnostics, so that a change
that makes a stage fast cannot silently make it wrong. Where a page is built from repeated
units, the expected place of a unit is read from the text by a unique marker."""

from __future__ import annotations

import random
import re
from pathlib import Path

from linter import markdown
from linter.french.dates import read
from linter.markdown import Ranges
from linter.rules.links import _Lookalikes, _typo_of
from tests.conftest import found, lint

FRONT = "---\ntitle: Page\n---\n"


def rows(page, text: str) -> tuple[int, list[tuple[str, int, int, str]]]:
    """Lint one page text: (exit code, (code, line, column, message) rows), every diagnostic
    (no `max-per-rule`: what is pinned here is each stage, not the limit of tests/test_limit.py)."""
    path: Path = page(text)
    code, payload = lint(path, extra=("--isolated", "--max-per-rule", "0"))
    return code, found(payload)


def codes(diagnostics: list[tuple[str, int, int, str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for code, *_rest in diagnostics:
        counts[code] = counts.get(code, 0) + 1
    return counts


# --- Code spans: 2,000 of them mask their ordinals; the one in prose is reported.


def test_H4_two_thousand_code_spans_mask_everything_but_the_prose(page):
    code, diagnostics = rows(page, FRONT + "`7ème` " * 2000 + "\n\nla 7ème fois\n")
    assert (code, diagnostics) == (0, [("TY001", 6, 4, "write `7e`, not `7ème`")])


def test_H4_code_ranges_of_many_spans_and_of_unclosed_runs():
    spans = "`a` " * 2000
    ranges = markdown.code_ranges(spans)
    assert (len(ranges), ranges[0], ranges[-1]) == (2000, (0, 3), (7996, 7999))
    # `` `` `` pairs up two by two; the 2001st run has no partner and opens nothing.
    unclosed = "``a " * 2001
    ranges = markdown.code_ranges(unclosed)
    assert (len(ranges), ranges[0], ranges[-1]) == (1000, (0, 6), (7992, 7998))


def test_H4_a_backtick_run_closes_at_the_next_run_of_the_same_length():
    text = "`a`` b ``` c `` d ` e"
    # The single backtick at 0 skips the runs of 2 and 3 and closes at the next single one.
    assert markdown.code_ranges(text) == [(0, 19)]
    assert markdown.code_ranges("```\n`code`\n```\n`x` et ``y``") == [(0, 14), (15, 18), (22, 27)]


def test_H4_ranges_answer_as_a_scan_of_every_range_would():
    generator = random.Random(4)
    for _ in range(300):
        ranges = []
        for _ in range(generator.randint(0, 12)):
            start = generator.randint(0, 40)
            ranges.append((start, start + generator.randint(0, 6)))  # empty ones too
        index = Ranges(ranges)
        for start in range(-1, 48):
            assert index.contains(start) == any(a <= start < b for a, b in ranges)
            for end in range(start, start + 4):
                expected = any(a < end and start < b for a, b in ranges)
                assert index.overlaps(start, end) == expected, (ranges, start, end)


# --- Links: every destination located, in its place, whatever the shape.


def test_H4_two_thousand_inline_links_are_each_reported_in_place(page):
    text = FRONT + "".join(f"[lien {i}](http://exemple.fr/{i}) " for i in range(2000)) + "\n"
    code, diagnostics = rows(page, text)
    assert (code, codes(diagnostics)) == (0, {"LK004": 2000})
    last = text.split("\n")[3].index("(http://exemple.fr/1999)") + 2
    assert diagnostics[0] == (
        "LK004", 4, 10, "insecure link `http://exemple.fr/0`: use `https://exemple.fr/0`"
    )  # fmt: skip
    assert diagnostics[-1] == (
        "LK004", 4, last, "insecure link `http://exemple.fr/1999`: use `https://exemple.fr/1999`"
    )  # fmt: skip


def test_H4_two_thousand_html_links_are_each_reported_in_place(page):
    body = "".join(f'<a href="http://exemple.fr/{i}">x</a> ' for i in range(2000))
    code, diagnostics = rows(page, FRONT + body + "\n")
    assert (code, codes(diagnostics)) == (0, {"LK004": 2000})
    assert diagnostics[-1] == (
        "LK004",
        4,
        body.index('"http://exemple.fr/1999"') + 2,
        "insecure link `http://exemple.fr/1999`: use `https://exemple.fr/1999`",
    )


def test_H4_destinations_written_otherwise_than_their_href_are_all_located():
    # `é` is percent-encoded in the href: the first form looked for is absent from the page.
    text = "".join(f"[l{i}](https://exemple.fr/é{i}) " for i in range(2000))
    targets = markdown.links(text)
    start = text.index("[l1999](") + len("[l1999](")
    assert (len(targets), all(t.exact for t in targets)) == (2000, True)
    assert targets[-1] == markdown.LinkTarget("https://exemple.fr/é1999", start, start + 24, "link")


def test_H4_the_same_destination_a_thousand_times_is_located_each_time():
    text = "[lien](https://exemple.fr/) et <https://exemple.fr/> " * 1000
    targets = markdown.links(text)
    unit = len("[lien](https://exemple.fr/) et <https://exemple.fr/> ")
    assert len(targets) == 2000
    assert [(t.start, t.kind) for t in targets[:2]] == [(7, "link"), (32, "autolink")]
    assert [(t.start, t.kind) for t in targets[-2:]] == [
        (999 * unit + 7, "link"),
        (999 * unit + 32, "autolink"),
    ]


def test_H4_two_thousand_reference_links_find_their_definitions():
    uses = "".join(f"[lien {i}][r{i}] " for i in range(2000))
    definitions = "".join(f"[r{i}]: https://exemple.fr/ref/{i}\n" for i in range(2000))
    text = uses + "\n\n" + definitions
    targets = markdown.links(text)
    first = text.index("[r0]: ") + len("[r0]: ")
    last = text.index("[r1999]: ") + len("[r1999]: ")
    assert (len(targets), {t.kind for t in targets}) == (2000, {"reference"})
    assert (targets[0].start, targets[-1].start) == (first, last)
    assert targets[-1].url == "https://exemple.fr/ref/1999"


def test_H4_links_in_lists_eight_levels_deep_are_all_found():
    text = "".join(
        "".join(
            f"{'  ' * depth}- niveau [x](http://exemple.fr/{r}/{depth})\n" for depth in range(8)
        )
        + "\n"
        for r in range(100)
    )
    targets = markdown.links(text)
    assert (len(targets), all(t.exact for t in targets)) == (800, True)
    assert targets[-1].url == "http://exemple.fr/99/7"
    assert targets[-1].start == text.index("(http://exemple.fr/99/7)") + 1


def test_H4_a_long_run_of_words_and_dots_holds_one_bare_url():
    text = "a." * 5000 + "://x et " + "b." * 5000 + " www.exemple.fr"
    found_urls = [(t.start, t.end, t.kind) for t in markdown.links(text)]
    assert found_urls == [(0, 10004, "bare"), (20009, 20023, "bare")]


def test_H4_bare_urls_are_found_as_the_pattern_finds_them():
    pattern = markdown._BARE_URL
    pieces = ["a", "1", ".", "-", "+", ":", "://", "www.", "WWW.", "https://", "ſ", "é", "_", " "]
    generator = random.Random(7)
    for _ in range(3000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 20)))
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in markdown._bare_urls(text)] == expected, text


def test_H4_link_texts_are_found_as_the_pattern_finds_them():
    pattern = re.compile(r"\[[^\]\n]*\]\(")
    generator = random.Random(8)
    for _ in range(3000):
        text = "".join(generator.choice("[]()\nab") for _ in range(generator.randint(0, 24)))
        expected = [m.span() for m in pattern.finditer(text)]
        assert markdown._link_texts(text) == expected, text
    assert markdown._link_texts("[" * 5000 + "a](b") == [(0, 5003)]


def test_H4_a_thousand_domain_typos_among_a_thousand_trusted_hosts(page):
    def word(number: int) -> str:
        return "".join(chr(97 + number // 26**k % 26) for k in (3, 2, 1, 0))

    body = "".join(
        f"[a](https://{word(i)}.plateforme.fr/) [b](https://{word(i)}.plateforme.fr/x) "
        f"[c](https://{word(i)}.plateforem.fr/) "
        for i in range(1000)
    )
    code, diagnostics = rows(page, FRONT + body + "\n")
    assert (code, codes(diagnostics)) == (1, {"LK006": 1000})
    assert diagnostics[0] == (
        "LK006", 4, body.index("https://aaaa.plateforem.fr/") + 1,
        "domain `aaaa.plateforem.fr` looks like a typo; did you mean `aaaa.plateforme.fr`?",
    )  # fmt: skip
    assert diagnostics[-1][3] == (
        "domain `abml.plateforem.fr` looks like a typo; did you mean `abml.plateforme.fr`?"
    )


def test_H4_lookalikes_are_the_domains_a_comparison_with_each_would_find():
    generator = random.Random(9)

    def host() -> str:
        name = "".join(generator.choice("abe.-1") for _ in range(generator.randint(1, 14)))
        return name + generator.choice([".fr", ".gouv.fr", ".com", ""])

    for _ in range(300):
        others = [host() for _ in range(generator.randint(0, 30))]
        index = _Lookalikes(others)
        for mine in [*others, *(host() for _ in range(10))]:
            assert _typo_of(mine, index.near(mine)) == _typo_of(mine, others), (mine, others)
    # Hosts longer than a DNS name are compared by length, not indexed.
    others = ["x" * 260 + ".fr", "x" * 259 + "y.fr", "a.fr"]
    index = _Lookalikes(others)
    for mine in ["x" * 261 + ".fr", "x" * 258 + "yx.fr", "y" * 260 + ".fr", "b.fr"]:
        assert _typo_of(mine, index.near(mine)) == _typo_of(mine, others), mine
    assert _typo_of("x" * 261 + ".fr", index.near("x" * 261 + ".fr")) == "x" * 260 + ".fr"


# --- One huge paragraph, a huge single-line value, a value folded over 2,000 lines.


def test_H4_one_paragraph_of_two_thousand_ordinals(page):
    code, diagnostics = rows(page, FRONT + "la 7ème fois, " * 2000 + "\n")
    assert (code, codes(diagnostics)) == (0, {"TY001": 2000})
    assert diagnostics[0] == ("TY001", 4, 4, "write `7e`, not `7ème`")
    assert diagnostics[-1] == ("TY001", 4, 1999 * 14 + 4, "write `7e`, not `7ème`")


def test_H4_a_single_line_value_of_two_thousand_ordinals(page):
    code, diagnostics = rows(page, '---\ntitle: "' + "la 7ème fois " * 2000 + '"\n---\nCorps.\n')
    assert (code, codes(diagnostics)) == (0, {"TY001": 2000, "TY002": 1})
    assert diagnostics[0] == ("TY001", 2, 12, "title: write `7e`, not `7ème`")
    assert diagnostics[-2] == ("TY001", 2, 1999 * 13 + 12, "title: write `7e`, not `7ème`")
    assert diagnostics[-1] == ("TY002", 2, 2000 * 13 + 8, "title: trailing white space")


def test_H4_a_value_folded_over_two_thousand_lines(page):
    lines = "".join(f"  mot {i} TODO\n" for i in range(2000))
    code, diagnostics = rows(page, "---\ntitle: Titre\ndescription:\n" + lines + "---\nCorps.\n")
    assert (code, codes(diagnostics)) == (0, {"PH001": 2000})
    assert diagnostics[0] == ("PH001", 4, 9, "description: placeholder text `TODO`")
    assert diagnostics[-1] == ("PH001", 2003, 12, "description: placeholder text `TODO`")


# --- Dates: 2,000 impossible days; 1,000 days whose year is read from the paragraph.


def test_H4_two_thousand_impossible_dates(page):
    code, diagnostics = rows(page, FRONT + "le 31 février 2024, " * 2000 + "\n")
    assert (code, codes(diagnostics)) == (1, {"DT002": 2000})
    assert diagnostics[0] == ("DT002", 4, 4, "31 février 2024 does not exist")
    assert diagnostics[-1] == ("DT002", 4, 1999 * 20 + 4, "31 février 2024 does not exist")


def test_H4_a_thousand_days_take_the_year_of_their_paragraph(page):
    code, diagnostics = rows(page, FRONT + "mardi 3 juin, " * 1000 + "et le 4 juillet 2024.\n")
    assert (code, codes(diagnostics)) == (1, {"DT005": 1000})
    assert diagnostics[0] == ("DT005", 4, 1, "3 June 2024 is a Monday, not `mardi`")
    assert diagnostics[-1] == ("DT005", 4, 999 * 14 + 1, "3 June 2024 is a Monday, not `mardi`")


def test_H4_between_two_equally_near_years_the_first_found_wins():
    # A day with its year is found before a month span: it wins a tie, even written after.
    text = "janvier 2023" + " " * 7 + "le 3 juin" + " " * 13 + "le 5 mai 2024"
    day = read(text).days[0]
    assert (day.start - 0, text.index("5 mai") - day.start) == (22, 22)
    assert (day.day, day.year) == (3, 2024)
    # Two days with their years: the one found first (written first) wins.
    text = "le 1 mars 2023" + " " * 7 + "le 3 juin" + " " * 12 + "le 5 mai 2024"
    days = read(text).days
    assert days[1].start - days[0].start == days[2].start - days[1].start
    assert (days[1].day, days[1].year) == (3, 2023)


# --- Placeholders: 2,000 of them; 2,000 template fields; a mapping of 2,000 keys.


def test_H4_two_thousand_placeholders(page):
    code, diagnostics = rows(page, FRONT + "TODO: x\n" * 2000)
    assert (code, codes(diagnostics)) == (0, {"PH001": 2000})
    assert diagnostics[0] == ("PH001", 4, 1, "placeholder text `TODO`")
    assert diagnostics[-1] == ("PH001", 2003, 1, "placeholder text `TODO`")


def test_H4_two_thousand_template_fields_and_their_definitions(page):
    fields = "".join(f"[Champ {i}] " for i in range(2000))
    definitions = (
        "[Champ 7]: https://exemple.fr/\n"
        "[champ 8]: https://exemple.fr/\n"  # case does not matter, as in `re.I`
        "[ſki]: https://exemple.fr/\n"  # `ſ` is an `s` to `re.I`
    )
    code, diagnostics = rows(
        page, FRONT + "Intro\n" + fields + "\n\n" + definitions + "\n[Ski] fin\n"
    )
    assert (code, codes(diagnostics)) == (0, {"PH001": 1998})
    assert diagnostics[0] == ("PH001", 5, 1, "placeholder text `[Champ 0]`")
    assert [d[3] for d in diagnostics[6:8]] == [
        "placeholder text `[Champ 6]`",
        "placeholder text `[Champ 9]`",
    ]
    assert diagnostics[-1] == (
        "PH001", 5, fields.index("[Champ 1999]") + 1, "placeholder text `[Champ 1999]`"
    )  # fmt: skip


def test_H4_two_thousand_placeholders_take_the_period_of_their_mapping(page):
    # (A list item's mapping: only an item has a heading to borrow a period from, issue 16.)
    keys = "".join(f"    k{i}: TODO {i}\n" for i in range(2000))
    text = "---\nitems:\n  - " + keys[4:] + "    date: Sprint n° 3 (juin-juillet 2024)\n---\nC.\n"
    code, diagnostics = rows(page, text)
    stale = "stale placeholder `TODO`: juin-juillet 2024 started on 1 June 2024"
    assert (code, codes(diagnostics)) == (1, {"PH002": 2000})
    assert diagnostics[0] == ("PH002", 3, 9, f"items[0].k0: {stale}")
    assert diagnostics[-1] == ("PH002", 2002, 12, f"items[0].k1999: {stale}")


# --- Precedence and suppressions: thousands of schema errors, suppressions on many lines.


def test_H4_two_thousand_schema_errors_supersede_their_values_ordinals(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "schemas").mkdir()
    schema = '{"properties": {"items": {"type": "array", "items": {"enum": ["ok"]}}}}'
    (repo / "schemas" / "post.schema.json").write_text(schema, encoding="utf-8")
    items = "  - la 7ème fois\n" * 2000
    body = (
        "la 8ème fois <!-- frontlint: disable=TY001 -->\n"
        "la 9ème fois <!-- frontlint: disable-next-line=TY001 -->\n"
        "la 10ème\nla 11ème\n"
    )
    text = "---\nlayout: post\ntitle: la 7ème fois\nitems:\n" + items + "---\n" + body
    (repo / "a.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(repo)
    code, payload = lint("a.md")
    diagnostics = found(payload)
    assert (code, codes(diagnostics)) == (1, {"SC006": 2000, "TY001": 3})
    assert diagnostics[:2] == [
        ("TY001", 3, 11, "title: write `7e`, not `7ème`"),
        ("SC006", 5, 5, "items[0]: expected `ok`, found `la 7ème fois`"),
    ]
    assert diagnostics[-3:] == [
        ("SC006", 2004, 5, "items[1999]: expected `ok`, found `la 7ème fois`"),
        ("TY001", 2007, 4, "write `9e`, not `9ème`"),
        ("TY001", 2009, 4, "write `11e`, not `11ème`"),
    ]


def test_H4_two_thousand_suppressed_lines_and_the_ones_left(page):
    lines = "la 7ème fois <!-- frontlint: disable=TY001 -->\n" * 2000
    text = FRONT + lines + "la 8ème fois <!-- frontlint: disable=TY003 -->\nla 9ème fois\n"
    code, diagnostics = rows(page, text)
    assert (code, diagnostics) == (
        0,
        [
            ("TY001", 2004, 4, "write `8e`, not `8ème`"),
            ("FL002", 2004, 14, "unused suppression `disable=TY003`: nothing to suppress"),
            ("TY001", 2005, 4, "write `9e`, not `9ème`"),
        ],
    )
