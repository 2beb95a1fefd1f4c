"""The message catalogue: every message in both languages, with the same parameters."""

from __future__ import annotations

import string

from linter.messages import CATALOGUE, format_date, render


def fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_every_message_has_both_languages_with_the_same_parameters():
    for key, (english, french) in CATALOGUE.items():
        assert english and french, key
        assert fields(english) == fields(french), key


def test_render_prefixes_the_path_and_localises_dates_and_types():
    assert render(
        "SC003", {"path": "how.title", "expected": "string", "found": "integer", "value": "3"}, "fr"
    ) == ("how.title: attendu : texte ; trouvé : nombre entier `3`")
    assert format_date("2024-06-01", "fr") == "1er juin 2024"
    assert format_date("2024-06-21", "en") == "21 June 2024"
