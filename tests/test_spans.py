"""Exact positions inside YAML scalars of every style."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.document import parse_text
from linter.spans import char_offsets
from linter.yamltree import ScalarNode, walk
from tests.conftest import SEED, SITE


def locate(text: str, key: str, needle: str) -> tuple[int, int]:
    """(line, column) in the file of ``needle`` found inside the value of ``key``."""
    doc, problems = parse_text(text, Path("page.md"), "page.md")
    assert problems == []
    node = doc.root.get(key)
    offsets = char_offsets(doc.text, node)
    assert offsets is not None
    index = node.raw.index(needle)
    assert doc.text[offsets[index] : offsets[index] + 1] == needle[0] or needle[0] in "'\n "
    return doc.lines.position(offsets[index])


@pytest.mark.parametrize(
    ("yaml", "needle", "expected"),
    [
        ("k: un deux trois\n", "trois", (2, 12)),
        ("k: un deux\n  trois quatre\n", "quatre", (3, 9)),
        ("k: un\n\n  deux\n", "deux", (4, 3)),
        ("k: 'l''été est là'\n", "est", (2, 12)),
        ("k: 'ligne un\n  ligne deux'\n", "deux", (3, 9)),
        ('k: "tab\\tici \\u00e9t\\u00e9 fin"\n', "fin", (2, 28)),
        ('k: "coupé \\\n  net"\n', "net", (3, 3)),
        ('k: "a \\"b\\" c"\n', "c", (2, 13)),
        ("k: |\n  un\n    deux\n  trois\n", "trois", (5, 3)),
        ("k: |-\n  un\n\n  deux\n", "deux", (5, 3)),
        ("k: >\n  un\n  deux\n\n  trois\n", "trois", (6, 3)),
        ("k: >-\n    indenté\n      plus\n    fin\n", "fin", (5, 5)),
        ("k: &a !!str texte ici\n", "ici", (2, 19)),
        ("k: >-\n  1. Découvrez le [règlement du\n  programme](https://x.fr/r.pdf)\n", "https", (4, 14)),
    ],
)  # fmt: skip
def test_positions_inside_every_scalar_style(yaml, needle, expected):
    assert locate("---\n" + yaml + "---\n", "k", needle) == expected


def test_crlf_and_multibyte_characters():
    text = '---\r\nk: "é€ \r\n  😀 fin"\r\n---\r\n'
    assert locate(text, "k", "fin") == (3, 5)


def test_unmappable_scalars_return_none():
    # Explicit indentation indicators need the parent's indentation: not mapped, never guessed.
    doc, _ = parse_text("---\nk: |2\n    x\n---\n", Path("p.md"), "p.md")
    assert char_offsets(doc.text, doc.root.get("k")) is None


def test_every_string_of_the_real_site_maps_exactly():
    styles: dict[str, int] = {}
    pages = [*sorted((SITE / "site" / "content").rglob("*.md")), SEED]
    for page in pages:
        doc, _ = parse_text(page.read_text(encoding="utf-8"), page, str(page))
        for _path, node in walk(doc.root if doc else None):
            if isinstance(node, ScalarNode) and isinstance(node.value, str) and node.value:
                offsets = char_offsets(doc.text, node)
                assert offsets is not None, (page, _path)
                for index, char in enumerate(node.raw):
                    if not char.isspace() and char not in "'\"\\":
                        assert doc.text[offsets[index]] == char, (page, _path, index)
                styles[node.style] = styles.get(node.style, 0) + 1
    assert set(styles) == {"", "'", '"', "|", ">"}
