"""Exact source positions of the characters inside a YAML scalar (plain, quoted, literal, folded).

A rule finds a problem at characters i..j of a value; the user needs the line and column of those
characters in the file. The parser gives only the scalar's start and end, and the value differs
from its source text (folding, indentation, quotes, escapes). ``char_offsets`` re-reads the source
the way YAML does and records, for every character of the value, the file offset it came from.
The result is checked against the parser's value: if they differ (a construct not handled here),
it returns None and callers fall back to the value's start — never to a wrong place.
"""

from __future__ import annotations

import re

from linter.yamltree import ScalarNode

_BREAK = re.compile(r"\r\n|\r|\n")
_PROPERTIES = re.compile(r"(?:[&!][^ \t\r\n]*[ \t]+)*")
_SIMPLE_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _lines(text: str, base: int) -> list[tuple[str, int, int]]:
    """(line without its break, offset of its first char, offset of its break) per line."""
    out = []
    position = 0
    for match in _BREAK.finditer(text):
        out.append((text[position : match.start()], base + position, base + match.start()))
        position = match.end()
    out.append((text[position:], base + position, base + len(text)))
    return out


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        """Pieces of the value (characters or runs of them), joined by ``value``."""
        self.offsets: list[int] = []
        """The file offset of every character of the value."""

    def add(self, char: str, offset: int) -> None:
        self.chars.append(char)
        self.offsets.append(offset)

    def add_run(self, text: str, offset: int) -> None:
        """Characters written one after the other from ``offset``, in one step."""
        self.chars.append(text)
        self.offsets.extend(range(offset, offset + len(text)))

    @property
    def value(self) -> str:
        return "".join(self.chars)


def _flow(lines: list[tuple[str, int, int]], quoted: str) -> _Builder | None:
    """Plain and quoted scalars: line folding, plus quote doubling or escapes."""
    out = _Builder()
    last = len(lines) - 1
    blanks: list[int] = []  # break offsets of the empty lines since the last content
    previous_break = 0
    escaped_break = False
    for number, (line, start, line_break) in enumerate(lines):
        low = 0 if number == 0 else len(line) - len(line.lstrip(" \t"))
        high = len(line) if number == last and quoted else len(line.rstrip(" \t"))
        if number > 0:
            if low >= high and number < last:
                blanks.append(line_break)
                continue
            if escaped_break:
                pass  # `\` at the end of a line joins the lines without a space
            elif blanks:
                for offset in blanks:
                    out.add("\n", offset)
            else:
                out.add(" ", previous_break)
        blanks = []
        escaped_break = False
        index = low
        special = "'" if quoted == "'" else "\\" if quoted == '"' else ""
        while index < high:
            ordinary = line.find(special, index, high) if special else high
            if ordinary < 0:
                ordinary = high
            if ordinary > index:  # a run of characters that stand for themselves
                out.add_run(line[index:ordinary], start + index)
                index = ordinary
                continue
            char = line[index]
            if quoted == "'" and char == "'" and line[index + 1 : index + 2] == "'":
                out.add("'", start + index)
                index += 2
                continue
            if quoted == '"' and char == "\\":
                if index + 1 >= high:
                    escaped_break = True
                    break
                code = line[index + 1]
                if code in _SIMPLE_ESCAPES:
                    out.add(_SIMPLE_ESCAPES[code], start + index)
                    index += 2
                    continue
                width = _HEX_ESCAPES.get(code)
                digits = line[index + 2 : index + 2 + width] if width else ""
                if (
                    not width
                    or len(digits) != width
                    or not all(d in "0123456789abcdefABCDEF" for d in digits)
                ):
                    return None
                out.add(chr(int(digits, 16)), start + index)
                index += 2 + width
                continue
            out.add(char, start + index)
            index += 1
        previous_break = line_break
    return out


def _block(source: str, base: int) -> _Builder | None:
    """Literal (|) and folded (>) scalars, with auto-detected indentation."""
    lines = _lines(source, base)
    header = lines[0][0].split("#", 1)[0].strip()
    if any(char.isdigit() for char in header):
        return None  # explicit indentation: needs the parent's indentation; not mapped
    folded = header.startswith(">")
    content = lines[1:]
    indent = next(
        (len(text) - len(text.lstrip(" ")) for text, _s, _b in content if text.strip(" ")), None
    )
    out = _Builder()
    if indent is None:
        return out
    previous: str | None = None  # "normal" | "more": the previous content line, once there is one
    previous_break = 0
    empties: list[int] = []  # break offsets of the empty lines since the last content line
    for text, start, line_break in content:
        if not text.strip(" \t"):
            empties.append(line_break)
            continue
        if len(text) - len(text.lstrip(" ")) < indent:
            break  # a less indented line: the scalar has ended
        body = text[indent:]
        kind = "more" if body[0] in " \t" else "normal"
        if previous is None:
            pass  # leading empty lines: their breaks are added below
        elif folded and previous == "normal" and kind == "normal":
            if not empties:
                out.add(" ", previous_break)  # a folded line break
        else:
            out.add("\n", previous_break)
        for offset in empties:
            out.add("\n", offset)
        empties = []
        out.add_run(body, start + indent)
        previous, previous_break = kind, line_break
    return out


def char_offsets(text: str, node: ScalarNode) -> list[int] | None:
    """File offset of every character of ``node.raw`` (plus one for its end), or None.

    ``text`` is the whole file text the node's span indexes into.
    """
    start, end = node.span.start, node.span.end
    source = text[start:end]
    skip = _PROPERTIES.match(source)
    if skip and skip.end():
        source = source[skip.end() :]
        start += skip.end()
    style = node.style
    if style in ("|", ">"):
        built = _block(source, start)
    elif style in ("'", '"'):
        if len(source) < 2 or source[0] != style or source[-1] != style:
            return None
        built = _flow(_lines(source[1:-1], start + 1), style)
    else:
        built = _flow(_lines(source, start), "")
    if built is None:
        return None
    value = built.value
    raw = node.raw
    if value != raw:
        # Block scalars: chomping decides the final line breaks; the characters before are ours.
        if style in ("|", ">") and value.rstrip("\n") == raw.rstrip("\n"):
            offsets = built.offsets[: len(raw.rstrip("\n"))]
            tail = offsets[-1] + 1 if offsets else start
            offsets += [tail] * (len(raw) - len(offsets))
            return [*offsets, tail]
        return None
    last = built.offsets[-1] + 1 if built.offsets else start + (1 if style in "'\"" else 0)
    return [*built.offsets, last]
