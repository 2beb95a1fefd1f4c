"""``document.front_matter_data``: what another page's values are read with (the site's URLs,
the CMS relations' targets) answers exactly as ``read_document``'s ``data``, whether its fast
reader (``yamltree.plain_data``) answers or leaves the page to ``read_document``."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from linter import yamltree
from linter.document import front_matter_data, read_document
from tests.fuzz import pages


def same(a: object, b: object) -> bool:
    """Equal, NaN equal to NaN, dictionaries in the same order, ints not equal to floats."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def both(folder: Path, content: str | bytes) -> tuple[object, object]:
    page = folder / "page.md"
    if isinstance(content, str):
        page.write_text(content, encoding="utf-8", errors="surrogateescape", newline="")
    else:
        page.write_bytes(content)
    doc, _problems = read_document(page, "page.md")
    return front_matter_data(page, "page.md"), (doc.data if doc is not None else None)


def fast(content: str) -> object:
    """What the fast reader alone says of a page's YAML block (None: left to read_document)."""
    return yamltree.plain_data(content.split("---\n")[1])


MANY = "".join(f"k{i}: v\n" for i in range(yamltree.MAX_VALUES - 2))  # (+ the root: limit - 1)
DEEP = "a:\n" + "".join("  " * depth + "- \n" for depth in range(1, yamltree.MAX_DEPTH + 1))


@pytest.mark.parametrize(
    ("content", "answer"),
    [
        ("---\ntitle: A\nn: 3\nf: 1.5\nok: true\nnone:\nlist: [1, b, {c: d}]\n---\nx",
         {"title": "A", "n": 3, "f": 1.5, "ok": True, "none": None, "list": [1, "b", {"c": "d"}]}),
        ('---\n"q": "7"\n1: a\nnull: b\n~: c\ntrue: d\n"<<": e\n---\n',
         {"q": "7", "1": "a", "null": "b", "~": "c", "true": "d", "<<": "e"}),
        ("---\na: 1\nb: 2\na: 3\n---\n", {"a": 3, "b": 2}),  # (a duplicate: reported by checks)
        ("---\ndate: 2024-01-29\nv: .nan\nw: -.inf\nx: 0x1F\n---\n",
         {"date": "2024-01-29", "v": math.nan, "w": -math.inf, "x": 31}),
        ("---\r\ntitle: A\r\nl:\r\n  - b\r\n---\r\n", {"title": "A", "l": ["b"]}),
        ("\ufeff---\rtitle: A\r---\r", {"title": "A"}),
        ("---\n" + MANY + "---\n", {f"k{i}": "v" for i in range(yamltree.MAX_VALUES - 2)}),
    ],
)  # fmt: skip
def test_a_usual_front_matter_is_read_fast_and_the_same(tmp_path, content, answer):
    found, expected = both(tmp_path, content)
    assert same(found, answer) and same(expected, answer)
    assert same(yamltree.plain_data(content.lstrip("\ufeff").split("---", 2)[1]), answer)


@pytest.mark.parametrize(
    ("content", "answer"),
    [
        ("---\nbase: &b {x: 1}\nuse: *b\n---\n", {"base": {"x": 1}, "use": {"x": 1}}),
        ("---\nd: &d {x: 1, y: 2}\ne:\n  <<: *d\n  y: 3\n---\n",
         {"d": {"x": 1, "y": 2}, "e": {"x": 1, "y": 3}}),
        ("---\ne:\n  <<: {x: 1, y: 2}\n  y: 3\n---\n", {"e": {"x": 1, "y": 3}}),
        ("---\nn: !!str 3\n---\n", {"n": "3"}),
        ("---\n" + "9" * 700 + ": a\n---\n", None),
        ("---\n? [a, b]\n: c\nd: e\n---\n", {"d": "e"}),  # (a key that is a list: no property)
        ("---\n- a\n- b\n---\n", None),
        ("---\njust text\n---\n", None),
        ("---\n---\nbody\n", {}),
        ("---\ntitle: [unclosed\n---\n", None),
        ("---\nn: " + "9" * 700 + "\n---\n", None),
        ("---\n" + MANY + "one: more\n---\n",
         {**{f"k{i}": "v" for i in range(yamltree.MAX_VALUES - 2)}, "one": "more"}),
        ("---\n" + MANY + "one: more\ntwo: more\n---\n", None),
        ("---\n" + DEEP + "---\n", None),
        ("---\na: 1\n--- \nb: 2\n", {"a": 1}),
        ("+++\ntitle = 'A'\n+++\n", {"title": "A"}),
        ('{"title": "A"}\nbody', {"title": "A"}),
        ("no front matter\n", {}),
        ("", None),
        (b"---\ntitle: caf\xe9\n---\n", None),
    ],
)  # fmt: skip
def test_what_the_fast_reader_leaves_is_read_by_read_document(tmp_path, content, answer):
    found, expected = both(tmp_path, content)
    assert same(found, answer) and same(expected, answer)
    if isinstance(content, str) and content.startswith("---\n") and content.count("---\n") >= 2:
        assert fast(content) is None or same(fast(content), answer)


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=pages)
def test_any_page_reads_the_same_both_ways(text):
    with tempfile.TemporaryDirectory() as folder:
        found, expected = both(Path(folder), text)
    assert same(found, expected)
