"""Output formats: each module renders a finished Result; none decides anything.

``render`` picks the module by name; formats are imported only when asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linter.engine import Result

MODULES = {
    "text": "text",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "gitlab": "gitlab",
    "markdown": "markdown",
}


def render(
    fmt: str,
    result: Result,
    lang: str = "en",
    color: bool = False,
    statistics: bool = False,
    quiet: bool = False,
) -> str:
    module = importlib.import_module(f"linter.report.{MODULES[fmt]}")
    # An imported-by-name module is untyped; every format's `render` returns the report text.
    text: str
    if fmt == "text":
        text = module.render(result, lang, color, statistics=statistics, quiet=quiet)
    else:
        text = module.render(result, lang)
    return text


def posix(path: str) -> str:
    """A report path with forward slashes and no leading `./`."""
    return path.replace("\\", "/").removeprefix("./")
