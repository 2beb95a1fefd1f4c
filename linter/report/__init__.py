"""Output formats: each module renders a finished Result; none decides anything.

``render`` picks the module by name; formats are imported only when asked for. What a report
quotes from outside (file names, keys, values) is shown, never obeyed: ``shown`` escapes what a
terminal, a log or an XML parser would act on, ``printable`` what UTF-8 cannot carry, ``defused``
keeps a line from running as a GitHub Actions command, ``json_text`` writes JSON that does both.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linter.engine import Result

MODULES = {
    "full": "text",
    "concise": "text",
    "text": "text",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "gitlab": "gitlab",
    "markdown": "markdown",
}


def render(*args: Any, **options: Any) -> str:
    """The report of ``result`` in format ``fmt`` (``text`` is ``full``'s other name): what
    ``chunks`` writes, whole."""
    return "".join(chunks(*args, **options))


def chunks(
    fmt: str,
    result: Result,
    lang: str = "en",
    color: bool = False,
    statistics: bool = False,
    quiet: bool = False,
    show_fixes: bool = False,
) -> Iterator[str]:
    """``render``'s report in pieces to write one after the other: the human formats a few
    thousand lines at a time (the largest reports), the others whole."""
    module = importlib.import_module(f"linter.report.{MODULES[fmt]}")
    # An imported-by-name module is untyped; every format's `render` returns the report text.
    if MODULES[fmt] == "text":
        pieces: Iterator[str] = module.chunks(
            result,
            lang,
            color,
            statistics=statistics,
            quiet=quiet,
            concise=fmt == "concise",
            show_fixes=show_fixes,
        )
        yield from pieces
    else:
        text: str = module.render(result, lang)
        yield text


def posix(path: str) -> str:
    """A report path with forward slashes and no leading `./`."""
    return path.replace("\\", "/").removeprefix("./")


# Text from outside (file names, keys, values, parsers' explanations) is shown, never obeyed: C0
# and C1 controls (ESC starts terminal sequences; CR, LF and NEL end lines), the bidirectional
# controls that reorder what is displayed, the line and paragraph separators, the two characters
# XML forbids (U+FFFE, U+FFFF) and lone surrogates (a file name that is not UTF-8) are escaped.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufffe\uffff\ud800-\udfff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# What JSON leaves as it is of the above (it escapes C0 controls itself; a lone surrogate cannot
# reach it, but would be written as an escape rather than make the text invalid UTF-8).
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as Python's surrogateescape carries it
        return f"\\x{code - 0xDC00:02x}"
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def shown(text: str) -> str:
    """``text`` safe to show a human: every control character written as an escape (`\\x1b`,
    `\\n`, `\\u202e`), the bytes of a file name that is not UTF-8 as `\\xe9`."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def printable(text: str) -> str:
    """``text`` as UTF-8 can carry it: only lone surrogates escaped (`caf\\xe9.md`). For the
    fields of machine formats whose escaping (JSON's) keeps every other character exact."""
    return _SURROGATE.sub(_escape, text) if _SURROGATE.search(text) else text


def as_bytes(path: str) -> bytes:
    """A file name's bytes: those of the file system for a name that is not UTF-8."""
    try:
        return path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system gave: keep its escape
        return printable(path).encode("utf-8")


# A line the GitHub Actions runner reads in a log runs as a workflow command when it starts with
# `::` (after leading white space) or when `##[` appears anywhere in it (the legacy syntax).
_COMMAND = re.compile(r"^([^\S\n]*):(?=:)|(?<=#)#(?=\[)", re.MULTILINE)


def _defuse(match: re.Match[str]) -> str:
    return f"{match.group(1)}\\x3a" if match.group(1) is not None else "\\x23"


def defused(text: str) -> str:
    """A human report in which no line runs as a workflow command when a log shows it."""
    if "::" not in text and "##[" not in text:
        return text  # (what the pattern needs, found without trying it at every character)
    return _COMMAND.sub(_defuse, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(payload: object) -> str:
    """A JSON report as UTF-8 text that shows nothing but what it says: the characters `shown`
    escapes and JSON does not (DEL, C1 controls, bidirectional controls, separators) are written
    as JSON escapes (`\\u202e`: the same string), and so is the second `#` of a `##[`."""
    import json

    text = _JSON_UNSAFE.sub(_json_escape, json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"
    return text.replace("##[", "#\\u0023[") if "##[" in text else text
