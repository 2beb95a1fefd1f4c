"""Link rules: each check, positive and negative, in every scalar style, at exact positions."""

from __future__ import annotations

import pytest

from linter.distance import distance
from tests.conftest import check_page


def page(front: str, body: str = "") -> str:
    return f"---\ntitle: Page\n{front}---\n{body}"


@pytest.mark.parametrize(
    ("front", "body", "expected"),
    [
        # LK001 malformed-url
        ("link: https://exa mple.fr/x\n", "", [("LK001", 3, 7, "link: white space inside the URL `https://exa mple.fr/x`")]),
        ("desc: '[t](https://a.fr/x b)'\n", "", [("LK001", 3, 12, "desc: white space inside the URL `https://a.fr/x b`")]),
        ("url: https://a.fr/x)\n", "", [("LK001", 3, 6, "url: unbalanced brackets or parentheses in the URL `https://a.fr/x)`")]),
        ("url: https://a_b.fr/\n", "", [("LK001", 3, 6, "url: invalid host `a_b.fr` in the URL `https://a_b.fr/`")]),
        ("url: https://a.fr:99999/\n", "", [("LK001", 3, 6, "url: invalid port in the URL `https://a.fr:99999/`")]),
        ("", "Voir [défi](//defis/lab/).\n", [("LK001", 4, 13, "`//defis/lab/` points to the host of that name; did you mean `/defis/lab/`?")]),
        ("", "[a](https://a.fr/xhttps://a.fr/y)\n", [("LK001", 4, 5, "two URLs glued together in `https://a.fr/xhttps://a.fr/y`")]),
        ("url: https://données.gouv.fr/jeux\n", "", []),
        ("url: http://localhost:1313/x\n", "", []),
        # LK002 empty-link
        ("desc: Voir [le règlement]().\n", "", [("LK002", 3, 26, "desc: link without a target")]),
        ("", "Un [lien](#) vide.\n", [("LK002", 4, 11, "empty link target `#`")]),
        ("", "Une [ancre](#section).\n\n## Section\n", []),
        # LK003 bad-scheme
        ("link: htps://www.linkedin.com/x\n", "", [("LK003", 3, 7, "link: misspelt scheme in `htps://www.linkedin.com/x`; did you mean `https://www.linkedin.com/x`?")]),
        ("link: https//www.linkedin.com/x\n", "", [("LK003", 3, 7, "link: misspelt scheme in `https//www.linkedin.com/x`; did you mean `https://www.linkedin.com/x`?")]),
        ("link: 'http:/a.fr/x'\n", "", [("LK003", 3, 8, "link: misspelt scheme in `http:/a.fr/x`; did you mean `http://a.fr/x`?")]),
        ("", "[e](mailt:eig@beta.gouv.fr)\n", [("LK003", 4, 5, "misspelt scheme in `mailt:eig@beta.gouv.fr`; did you mean `mailto:eig@beta.gouv.fr`?")]),
        ("", "[x](javascript:alert(1))\n", [("LK003", 4, 5, "dangerous scheme `javascript:` in a link")]),
        ("", '<a href="vbscript:x">y</a>\n', [("LK003", 4, 10, "dangerous scheme `vbscript:` in a link")]),
        ("", "![x](data:image/png;base64,AAAA)\n", []),
        ("url: localhost:1313/x\n", "", [("LK003", 3, 6, "url: `localhost:1313/x` lacks its scheme: write `https://localhost:1313/x`")]),
        ("url: gopher://a.fr/\n", "", [("LK003", 3, 6, "url: unknown scheme `gopher:`")]),
        ("url: ftp://a.fr/f.pdf\n", "", []),
        ("", "[a](page.md)\n", []),
        # LK004 insecure-link
        ("desc: >-\n  Voir [data](http://data.gouv.fr/x)\n  ici.\n", "",
         [("LK004", 4, 15, "desc: insecure link `http://data.gouv.fr/x`: use `https://data.gouv.fr/x`")]),
        ("url: http://127.0.0.1:8080/\n", "", []),
        # LK005 empty-path-segment
        ("url: https://a.fr//x/\n", "", [("LK005", 3, 18, "url: empty path segment (`//`) in `https://a.fr//x/`")]),
        ("url: https://a.fr/x/?r=//y\n", "", []),
        # LK006 domain-typo
        ("", "[d](https://www.demarches-simplifees.fr/commencer/x)\n",
         [("LK006", 4, 5, "domain `demarches-simplifees.fr` looks like a typo; did you mean `demarches-simplifiees.fr`?")]),
        ("", "[a](https://monsite.fr/a) [b](https://monsite.fr/b) [c](https://monsitte.fr/c)\n",
         [("LK006", 4, 57, "domain `monsitte.fr` looks like a typo; did you mean `monsite.fr`?")]),
        ("", "[a](https://commons.wikimedia.org/x) [b](https://fr.wikipedia.org/y)\n", []),
        ("", "[a](https://eig6.fr/) [b](https://eig7.fr/) [c](https://eig7.fr/x)\n", []),
        # LK007 page-relative-link
        ("desc: '![Logo](img/logo.png)'\n", "",
         [("LK007", 3, 16, "desc: page-relative path `img/logo.png` breaks where this field is shown; use `/img/logo.png`")]),
        ("image: img/logo.png\n", "", []),
        ("desc: '[Règlement](/img/r.pdf) et [faq](#faq)'\n", "", []),
        # LK008 malformed-contact-link
        ("desc: '[Écrivez-nous](mailto:eig.beta.gouv.fr)'\n", "",
         [("LK008", 3, 23, "desc: malformed e-mail link `mailto:eig.beta.gouv.fr`")]),
        ("", "[t](tel:abc)\n", [("LK008", 4, 5, "malformed phone link `tel:abc`")]),
        ("", "[m](mailto:a@b.fr?subject=Bonjour%20!) [t](tel:+33%201%2023%2045%2067%2089)\n", []),
    ],
)  # fmt: skip
def test_link_rules(tmp_path, front, body, expected):
    assert check_page(tmp_path, page(front, body)) == expected


def test_literal_and_double_quoted_values_are_exact(tmp_path):
    text = page(
        'callout: "Ligne un\\n[lien](htps://a.fr/x)"\n'
        "how: |\n  1. Premier\n  2. [Second](http://b.fr/y)\n"
    )
    assert check_page(tmp_path, text) == [
        (
            "LK003",
            3,
            28,
            "callout: misspelt scheme in `htps://a.fr/x`; did you mean `https://a.fr/x`?",
        ),
        ("LK004", 6, 15, "how: insecure link `http://b.fr/y`: use `https://b.fr/y`"),
    ]


def test_messages_in_french(tmp_path):
    assert check_page(tmp_path, page("link: http://a.fr/\n"), lang="fr") == [
        ("LK004", 3, 7, "link: lien non sécurisé `http://a.fr/` : utiliser `https://a.fr/`")
    ]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("demarches-simplifees.fr", "demarches-simplifiees.fr", 1), ("numerqiue", "numerique", 1),
     ("data.gouv.fr", "beta.gouv.fr", 2), ("abc", "abc", 0)],
)  # fmt: skip
def test_distance(a, b, expected):
    assert distance(a, b) == expected
