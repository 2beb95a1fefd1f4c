"""A link target found in a text, with its exact character offsets (Markdown or HTML)."""

from __future__ import annotations

from linter.records import record


@record
class LinkTarget:
    url: str
    """The destination as written in the source (escapes and entities as typed)."""
    start: int
    end: int
    kind: str
    """link | image | reference | autolink | html | bare"""
    exact: bool = True
    """False when the destination could not be located (start/end then point at the text start)."""
