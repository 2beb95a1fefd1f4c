"""Messages and documentation: every text of every rule in both languages, same parameters."""

from __future__ import annotations

import pytest

from linter.messages import format_date, render
from linter.rules import all_rules
from linter.spec import LANGUAGES, Text


def texts(rule) -> list[tuple[str, Text]]:
    return [
        ("summary", rule.summary),
        ("doc.what", rule.doc.what),
        ("doc.why", rule.doc.why),
        ("doc.fix", rule.doc.fix),
        *((f"message {key}", text) for key, text in rule.messages.items()),
        *((f"option {o.table}.{o.key}", o.doc) for o in rule.options),
    ]


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_text_exists_in_both_languages_with_the_same_parameters(rule):
    for where, text in texts(rule):
        assert all(text(lang).strip() for lang in LANGUAGES), (rule.code, where)
    for key, text in rule.messages.items():
        assert text.fields("en") == text.fields("fr"), key
    assert rule.messages, rule.code
    for key in rule.messages:
        assert key == rule.code or key.startswith(f"{rule.code}."), key


def test_render_prefixes_the_path_and_localises_dates_and_types():
    assert render(
        "SC003", {"path": "how.title", "expected": "string", "found": "integer", "value": "3"}, "fr"
    ) == ("how.title: attendu : texte ; trouvé : nombre entier `3`")
    assert format_date("2024-06-01", "fr") == "1er juin 2024"
    assert format_date("2024-06-21", "en") == "21 June 2024"
