"""Writing text into a YAML scalar as its style needs: what a fix puts in the file.

``encode`` escapes new characters for the style they go into, or says they cannot go there
as they are (None: the caller quotes the whole scalar with ``quoted``). It errs towards
quoting: the fixed file is parsed again anyway (``linter.fix``), and a fix that would change
anything else is dropped.
"""

from __future__ import annotations

import re

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_PLAIN_REFUSED = re.compile(r"[:#\"'\\\r\n\t\x00-\x1f\x7f\x85\u2028\u2029\ufeff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029\ufeff\\\"]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\", '"': '\\"', "\x00": "\\0"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML (and JSON) scalar."""
    return '"' + _CONTROL.sub(_escape, text) + '"'


def encode(new: str, style: str, at_start: bool, at_end: bool) -> str | None:
    """``new`` written inside a scalar of ``style`` ('' plain, quotes, '|' or '>'), in place of
    characters that start it (``at_start``) or end it (``at_end``); None if it cannot be."""
    if style == '"':
        return _CONTROL.sub(_escape, new)
    if style == "'":
        return None if _refused_in_block(new) else new.replace("'", "''")
    if style in ("|", ">"):
        return None if _refused_in_block(new) or (at_end and new != new.rstrip()) else new
    if _PLAIN_REFUSED.search(new):
        return None
    if at_start and (not new or new[0] in _INDICATORS or new[0].isspace()):
        return None
    if at_end and new != new.rstrip(" "):
        return None
    return new


def _refused_in_block(new: str) -> bool:
    return any(c in new for c in "\r\n\x85\u2028\u2029") or bool(
        re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]", new)
    )
