"""French typography rules: ordinals, surrounding white space, `n°`."""

from __future__ import annotations

import pytest

from linter.rules.typography import ordinal_fix
from tests.conftest import check_page


@pytest.mark.parametrize(
    ("number", "suffix", "plural", "fixed"),
    [
        ("7", "ème", "", "7e"), ("2", "eme", "", "2e"), ("3", "éme", "", "3e"), ("4", "ième", "", "4e"),
        ("5", "è", "", "5e"), ("2", "ème", "s", "2es"), ("1", "ère", "", "1re"), ("1", "ere", "s", "1res"),
        ("1", "ème", "", "1er"), ("1", "e", "", "1er"), ("XIX", "ème", "", "XIXe"),
        ("7", "e", "", None), ("2", "e", "s", None), ("2", "ère", "", None),
    ],
)  # fmt: skip
def test_ordinal_fix(number, suffix, plural, fixed):
    assert ordinal_fix(number, suffix, plural) == fixed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: Découvrez la 7ème promotion\n---\n", [("TY001", 2, 21, "title: write `7e`, not `7ème`")]),
        ("---\ntitle: La 1ère session\n---\n", [("TY001", 2, 11, "title: write `1re`, not `1ère`")]),
        ("---\ntitle: Le 1e sprint\n---\n", [("TY001", 2, 11, "title: write `1er` (or `1re` if feminine), not `1e`")]),
        ("---\ntitle: Au XIXème siècle\n---\n", [("TY001", 2, 11, "title: write `XIXe`, not `XIXème`")]),
        ("---\ntitle: Page\n---\nLa [5ème promo](/blog/5eme-promo/) et `3ème`\n", [("TY001", 4, 5, "write `5e`, not `5ème`")]),
        ("---\nimage: img/7eme.png\nlink: https://x.fr/2eme\n---\n", []),
        ("---\ntitle: Le 7e, la 1re, le 1er, les 2es, 1e10\n---\n", []),
        # TY002
        ('---\ntitle: "Appel à candidatures "\n---\n', [("TY002", 2, 29, "title: trailing white space")]),
        ("---\ntitle: ' Qui sont-ils ?'\n---\n", [("TY002", 2, 9, "title: leading white space")]),
        ('---\ndesc: "Ligne\\n"\n---\n', []),
        # TY003
        ("---\ndate: Sprint n°3 (août 2024)\n---\n", [("TY003", 2, 14, "date: write `n°\u00a03` with a non-breaking space, not `n°3`")]),
        ("---\ndate: Sprint n° 3\n---\n", []),
    ],
)  # fmt: skip
def test_typography_rules(tmp_path, text, expected):
    assert check_page(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("value", "line", "column"),
    [
        ("La 7ème promotion", 2, 11),  # plain
        ("'La l''7ème promotion'", 2, 15),  # single-quoted, with a doubled quote
        ('"La \\u00e9 7ème"', 2, 19),  # double-quoted, with an escape
        ("La première ligne\n  puis la 7ème", 3, 11),  # plain over two lines
        (">-\n  Texte plié\n  puis la 7ème", 4, 11),  # folded
        ("|\n  Ligne\n    puis la 7ème\n", 4, 13),  # literal, more indented
    ],
)
def test_positions_in_every_scalar_style(tmp_path, value, line, column):
    text = f"---\ntitle: {value}\n---\n"
    assert check_page(tmp_path, text) == [("TY001", line, column, "title: write `7e`, not `7ème`")]
