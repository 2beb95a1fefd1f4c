"""The fuzzing harness: hypothesis strategies for hostile pages, and the property every run keeps.

Property: for any page (YAML in every style, TOML, JSON, French date-like prose, odd file names,
mutated bytes), the run ends, reports no FL001 (internal error), and every output format is
well-formed: JSON and SARIF parse, JUnit is well-formed XML, and no line of a human format
starts with `::` (a GitHub workflow command) or holds a control character.

The short run is part of the test suite (tests/test_fuzz.py). The long run, for a session of
hunting: ``FRONTLINT_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz.py -p no:cacheprovider``
(examples per strategy; hypothesis keeps what it finds in ``.hypothesis/``, ignored by git).
"""

from __future__ import annotations

import datetime
import io
import json
import os
import re
import string
import xml.dom.minidom
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from linter import engine, report
from linter.config import Settings

FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab", "markdown")
TODAY = datetime.date(2025, 9, 19)

# --- Text that pages hold: French prose, punctuation that means something to YAML or Markdown,
# control characters, escapes, bidi overrides, workflow commands.

_NASTY = [
    "::error::x", "\n::add-mask::", "\x1b]0;pwned\x07", "\x1b[2J", "\u202e", "\x00", "\x7f",
    "\r", "\t", "`", "``", "|", "<img src=x onerror=alert(1)>", "%%", "#", ": ", "- ", "&a",
    "*a", "!!python/object:os.system", "{{ page.title }}", "{% raw %}", "[x](", "](http://",
    "<a href='", "\\", '"', "'", "\ufeff", "\udce9",
]  # fmt: skip
_FRENCH = [
    "1er mars 2024", "du 3 au 26 avril 2024", "31 avril", "29 février 2023", "du 25 au 6 juin",
    "lundi 14 mars 2024", "23h59", "9H30", "12:45", "29/01/2024", "2024-01-29", "fevrier",
    "Septembre", "octobr 2024", "n°3", "7ème", "1ère", "à compléter", "[Titre]", "TODO:",
    "seront communiquées prochainement", "Sprint n° 3 (juin-juillet 2024)",
    "https://demarches-simplifees.fr/x", "http://example.org", "//defis/x", "mailto:a@b",
    "javascript:alert(1)", "htps://x.fr", "https//x.fr",
]  # fmt: skip

words = st.one_of(
    st.sampled_from(_FRENCH),
    st.sampled_from(_NASTY),
    st.text(alphabet=string.ascii_letters + string.digits + " éèàçôù’«»–-/:.,;!?()[]", max_size=20),
    st.text(max_size=8),
)
prose = st.lists(words, max_size=8).map(" ".join)
scalars = st.one_of(
    prose,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
)
keys = st.one_of(
    st.sampled_from(["title", "layout", "date", "desc", "link", "steps", "dates", "$schema"]),
    st.text(min_size=1, max_size=12),
)
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=12,
)
documents = st.dictionaries(keys, trees, max_size=6)


@st.composite
def yaml_pages(draw: st.DrawFn) -> str:
    """A page with YAML front matter dumped in a random style (plain, quoted, block, flow)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = draw(st.sampled_from([False, True, None]))
    yaml.default_style = draw(st.sampled_from([None, '"', "'", "|", ">"]))  # type: ignore[assignment]
    yaml.width = draw(st.integers(min_value=20, max_value=200))
    data = draw(documents)
    out = io.StringIO()
    try:
        yaml.dump(data, out)
    except Exception:  # what the emitter itself cannot write is no page
        out = io.StringIO("title: x\n")
    return f"---\n{out.getvalue()}---\n{draw(prose)}\n"


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\\u007f", "\\u007F")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if value == value and abs(value) != float("inf") else "nan"
    if value is None:
        return '""'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{_toml_string(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
        )
    return _toml_string(str(value))


@st.composite
def toml_pages(draw: st.DrawFn) -> str:
    data = draw(documents)
    lines = [f"{_toml_string(k)} = {_toml_value(v)}" for k, v in data.items()]
    if draw(st.booleans()):
        lines.append(f'desc = """\n{draw(prose)}\nx = 1\n[t]\n"""')
    return "+++\n" + "\n".join(lines) + "\n+++\n" + draw(prose) + "\n"


@st.composite
def json_pages(draw: st.DrawFn) -> str:
    data = draw(documents)
    indent = draw(st.sampled_from([None, 2]))
    return json.dumps(data, ensure_ascii=draw(st.booleans()), indent=indent) + "\n" + draw(prose)


@st.composite
def mutated(draw: st.DrawFn, pages: st.SearchStrategy[str]) -> str:
    """A page with a few characters inserted, deleted or replaced: the error paths."""
    text = draw(pages)
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        what = draw(st.one_of(st.sampled_from(_NASTY), st.sampled_from(["\n", "---\n", "  ", ":"])))
        if draw(st.booleans()):
            text = text[:at] + what + text[at:]
        else:
            text = text[:at] + text[at + len(what) :]
    return text


pages = st.one_of(
    yaml_pages(), toml_pages(), json_pages(), mutated(yaml_pages()), mutated(toml_pages()),
    prose.map(lambda body: f"---\ntitle: Calendrier\n---\n{body}\n"),
)  # fmt: skip
file_names = st.one_of(
    st.just("page.md"),
    st.sampled_from(
        [
            "::error title=x::y.md",
            "-oREADME.md",
            "my page.md",
            "a:b.md",
            "a|b.md",
            "`x`.md",
            "caf\udce9.md",
            "\u202eevil.md",
            "x\ty.md",
            "%41.md",
            "#x.md",
        ]
    ),
    st.text(alphabet=string.ascii_letters + "éà ;'&$!", min_size=1, max_size=12).map(
        lambda n: n + ".md"
    ),
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def check_property(folder: Path, name: str, text: str | bytes) -> None:
    """Write the page, run every check, render every format, and assert the property."""
    path = folder / name
    try:
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", errors="surrogateescape", newline="")
    except OSError:
        return  # a name this file system refuses: nothing to check
    try:
        result = engine.run([(path, os.fsdecode(name))], engine.Options(TODAY, Settings(), True))
        assert not [d for d in result.diagnostics if d.code == "FL001"], result.diagnostics
        for fmt in FORMATS:
            out = report.render(fmt, result, "fr" if fmt == "markdown" else "en")
            out.encode("utf-8")  # valid UTF-8: no lone surrogate
            if fmt in ("json", "sarif", "gitlab"):
                json.loads(out)
            elif fmt == "junit":
                xml.dom.minidom.parseString(out.encode("utf-8"))
            else:
                for line in out.splitlines():
                    assert not _CONTROL.search(line), (fmt, line)
                    if fmt != "github":
                        assert not line.startswith("::"), (fmt, line)
    finally:
        path.unlink(missing_ok=True)
