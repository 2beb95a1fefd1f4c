"""Output formats: each module renders a finished Result as text; none decides anything."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linter.engine import Result

FORMATS = ("text", "json")


def render(fmt: str, result: Result, lang: str = "en", color: bool = False) -> str:
    if fmt == "json":
        from linter.report import json_format

        return json_format.render(result, lang)
    from linter.report import text

    return text.render(result, lang, color)
