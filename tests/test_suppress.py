"""Inline suppressions in YAML comments and in the body's HTML comments; unused ones reported."""

from __future__ import annotations

import pytest

from tests.conftest import check_page


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: Sprint n°3  # frontlint: disable=TY003\n---\n", []),
        ("---\n# frontlint: disable-next-line=TY003\ntitle: Sprint n°3\n---\n", []),
        ("---\ntitle: Sprint n°3\nlink: http://a.fr/\n# frontlint: disable-file=TY,LK004\n---\n", []),
        ("---\ntitle: Page\n---\nVoir [a](http://a.fr/) <!-- frontlint: disable=LK004 -->\n", []),
        ("---\ntitle: Page\n---\n<!-- frontlint: disable-next-line=LK004 -->\nVoir [a](http://a.fr/)\n", []),
        # Only the line it is on, only the codes it names.
        ("---\ntitle: Sprint n°3  # frontlint: disable=LK004\n---\n",
         [("TY003", 2, 15, "title: write `n°\u00a03` with a non-breaking space, not `n°3`"),
          ("FL002", 2, 20, "unused suppression `disable=LK004`: nothing to suppress")]),
        ("---\n# frontlint: disable=TY003\ntitle: Sprint n°3\n---\n",
         [("FL002", 2, 1, "unused suppression `disable=TY003`: nothing to suppress"),
          ("TY003", 3, 15, "title: write `n°\u00a03` with a non-breaking space, not `n°3`")]),
        ("---\ntitle: Sprint n°3  # frontlint: disable=TY003,DT001\n---\n",
         [("FL002", 2, 20, "unused suppression `disable=DT001`: nothing to suppress")]),
        # A `#` inside a value is not a comment.
        ("---\ntitle: 'Sprint n°3 # frontlint: disable=TY003'\n---\n",
         [("TY003", 2, 16, "title: write `n°\u00a03` with a non-breaking space, not `n°3`")]),
    ],
)  # fmt: skip
def test_suppressions(tmp_path, text, expected):
    assert check_page(tmp_path, text) == expected


def test_unused_suppressions_can_be_ignored(tmp_path, monkeypatch):
    (tmp_path / ".frontlint.toml").write_text('ignore = ["FL002"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert check_page(tmp_path, "---\ntitle: Page  # frontlint: disable=LK004\n---\n") == []


def test_toml_a_hash_inside_a_string_is_no_suppression_and_a_real_comment_is(tmp_path):
    text = (
        '+++\ntitle = "Le 7ème # frontlint: disable=TY001"\n'
        'desc = "La 2ème édition"  # frontlint: disable=TY001\n+++\n'
    )
    assert check_page(tmp_path, text) == [
        ("TY001", 2, 1, "title: write `7e`, not `7ème`"),  # TOML values are placed at their key
    ]
