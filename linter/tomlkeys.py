"""Line-level positions of the keys and tables of a TOML text (tomllib gives none).

Shared by TOML front matter and by the configuration file, whose errors must name their line.
"""

from __future__ import annotations

import re

try:
    import tomllib
except ImportError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from linter.diagnostics import Span
from linter.yamltree import LineIndex

TOMLDecodeError = tomllib.TOMLDecodeError
loads = tomllib.loads

_TABLE = re.compile(r"^[ \t]*(\[\[?)[ \t]*([^\]]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$")
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY = re.compile(rf"^[ \t]*({_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART})*)[ \t]*=")
_ERROR_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def _parts(dotted: str) -> list[str]:
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+", dotted)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def key_spans(block: str, base: int, lines: LineIndex) -> dict[tuple, Span]:
    """Path of every key and table header -> the span of its line (from the key to line end)."""
    spans: dict[tuple, Span] = {}
    table: tuple = ()
    arrays: dict[tuple, int] = {}
    offset = base
    for text_line in block.splitlines(keepends=True):
        content = text_line.rstrip("\r\n")
        header = _TABLE.match(content)
        key = None if header else _KEY.match(content)
        if header:
            table = tuple(_parts(header.group(2)))
            if header.group(1) == "[[":
                arrays[table] = arrays.get(table, -1) + 1
                table = (*table, arrays[table])
            spans[table] = lines.span(offset, offset + len(content))
        elif key:
            start = offset + key.start(1)
            spans[(*table, *_parts(key.group(1)))] = lines.span(start, offset + len(content))
        offset += len(text_line)
    return spans


def error_position(exc: Exception) -> tuple[str, int, int] | None:
    """(message, line, column) of a TOMLDecodeError, lines counted in the decoded text."""
    message = str(exc)
    found = _ERROR_AT.search(message)
    if not found:
        return None
    return message[: found.start()].strip(), int(found.group(1)), int(found.group(2))
