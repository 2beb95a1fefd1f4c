"""What a rule is: one frozen spec holding its code, name, severity, messages, documentation,
complete example pages, options and fix safety, next to its ``check``.

English and French are siblings of every text (``Text(en=…, fr=…)``) rather than gettext
catalogues: a rule's prose stays in one place with its check, a test proves that both languages
exist with the same parameters, and nothing is extracted or compiled at build time.
Everything users read about a rule (``explain``, ``rules``, the README table, SARIF metadata) is
rendered from these specs, never written by hand.
"""

from __future__ import annotations

import re
import string
import textwrap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import field
from typing import TYPE_CHECKING, Any

from linter.diagnostics import Severity
from linter.records import record

if TYPE_CHECKING:
    from linter.diagnostics import Diagnostic

LANGUAGES = ("en", "fr")


@record
class Text:
    """One text in every language of the tool."""

    en: str
    fr: str

    def __call__(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def fields(self, lang: str) -> set[str]:
        """The ``{parameters}`` of the text in ``lang``."""
        return {name for _t, name, _s, _c in string.Formatter().parse(self(lang)) if name}


FIX_MESSAGES = {
    "fix.replace": Text(en="replace `{old}` with `{new}`", fr="remplacer `{old}` par `{new}`"),
    "fix.insert": Text(en="insert `{new}`", fr="insérer `{new}`"),
    "fix.delete": Text(en="delete `{old}`", fr="supprimer `{old}`"),
    "fix.space": Text(en="put a {space} there", fr="y mettre une {space}"),
    "fix.insert-space": Text(en="insert a {space}", fr="insérer une {space}"),
    "fix.strip": Text(en="remove the spaces", fr="retirer les espaces"),
}
"""What a fix does (``diagnostics.Fix.message``), for every rule."""

LIMIT_MESSAGE = Text(
    en="more than {limit} problems {codes} in this file: the others were not looked for; fix "
    "these and run again, or raise `max-per-rule` (0: no limit)",
    fr="plus de {limit} problèmes {codes} dans ce fichier : les autres n’ont pas été cherchés ; "
    "corrigez ceux-ci et relancez, ou augmentez `max-per-rule` (0 : sans limite)",
)
"""The note of any rule that found more than ``max-per-rule`` problems in a page (``limit``)."""


@record
class Doc:
    """The documentation sections of a rule: what it checks, why it matters, how to fix."""

    what: Text
    why: Text
    fix: Text


@record
class Served:
    """What a web server answers for a URL, in an example of a rule that needs ``--online``:
    ``status``, the ``location`` of a redirect, an HTML ``body``."""

    url: str
    status: int = 200
    location: str | None = None
    body: str = ""

    def said(self) -> str:
        answer = f"{self.status} -> {self.location}" if self.location else str(self.status)
        answer = answer if self.status else "(no answer)"
        return f"{self.url} -> {answer}" + (f" {self.body}" if self.body else "")


@record
class Example:
    """A complete file: write ``text`` to ``path``, run ``frontlint check --today <today>
    <path>``, and the rule fires (``bad``) or stays silent (``good``). With ``served``, the
    example needs ``--online`` and web servers answering so (offline, the rule stays silent)."""

    kind: str
    text: str
    path: str = "page.md"
    today: str | None = None
    files: tuple[tuple[str, str], ...] = ()
    """Other files the example needs, written beside the page first: (path relative to the
    page's folder, text) — the schema its `$schema` names, the pages it refers to."""
    served: tuple[Served, ...] = ()

    def as_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "kind": self.kind,
            "path": self.path,
            "text": self.text,
            "today": self.today,
            "files": [{"path": path, "text": text} for path, text in self.files],
        }
        if self.served:
            found["served"] = [
                {"url": s.url, "status": s.status, "location": s.location, "body": s.body}
                for s in self.served
            ]
        return found


def page(front: str, body: str = "") -> str:
    """A page with YAML front matter ``front`` (without its delimiters) and a Markdown body."""
    return f"---\n{front.strip(chr(10))}\n---\n{body}"


def example(
    kind: str,
    front: str,
    body: str = "",
    *,
    path: str = "page.md",
    today: str | None = None,
    files: tuple[tuple[str, str], ...] = (),
    served: tuple[Served, ...] = (),
) -> Example:
    """An example page of ``kind`` (``bad``: the rule fires; ``good``: it stays silent)."""
    return Example(kind, page(front, body), path, today, files, served)


def bad(front: str, body: str = "", **where: Any) -> Example:
    return example("bad", front, body, **where)


def good(front: str, body: str = "", **where: Any) -> Example:
    return example("good", front, body, **where)


@record
class Option:
    """A setting of one or more rules, read from the table ``[table]`` of the configuration.

    ``kind``: ``strings`` (a list of strings, lowercased when ``lower``), ``bool``, or
    ``choice`` (one of ``choices``).
    """

    table: str
    key: str
    kind: str
    default: Any
    doc: Text
    choices: tuple[str, ...] = ()
    lower: bool = False


@record
class Rule:
    """A diagnostic code and everything about it.

    ``check(page)`` yields the rule's diagnostics; it is None for the codes that the pipeline
    emits itself (reading, schemas) and for those that a sibling's check reports (its
    ``also_reports``). ``supersedes`` lists the codes (or prefixes; ``content`` for every
    content rule) that this rule's diagnostics take precedence over on the same characters: the
    filter stage drops those. ``fixable`` is ``"safe"``, ``"unsafe"`` or None.
    """

    code: str
    name: str
    default_severity: Severity
    summary: Text
    doc: Doc
    examples: tuple[Example, ...]
    messages: Mapping[str, Text] = field(default_factory=dict)
    check: Callable[..., Iterator[Diagnostic]] | None = field(default=None, compare=False)
    also_reports: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    fixable: str | None = None
    language: str | None = None
    """The language of the text the rule reads (`fr`: French dates, typography); None: any.
    The rule does not run on a page in another language."""
    core: bool = False
    """Reported by the pipeline (reading, schemas, suppressions), not by a content check."""
    opt_in: bool = False
    """Off unless selected by name or prefix (`select`, `extend-select`, `ALL`): a house-style
    rule that many sites do not want."""
    form: bool = False
    """The rule asks for another way to write the same text (typography, date spelling). It is
    not reported on a value that must stay equal to something else (a reference to another
    page's title, a relation, a slug): there, the source of truth is reported, not each copy."""
    online: bool = False
    """The check needs the network (``--online``): offline, it does not run (a suppression of
    its codes is then not "unused")."""
    prepare: Callable[[Any], object] | None = field(default=None, compare=False)
    """What the check builds once per site (``prepare(site)``), on first need, that all pages
    share (the site's URL index, its CMS relations' targets): called before worker processes
    start (``engine._prepare``), which then inherit it instead of each building it again."""

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes this rule's check can report."""
        return (self.code, *self.also_reports)

    def explain(self, lang: str) -> str:
        """The documentation shown by ``frontlint explain``."""
        words = _WORDS[lang]
        out = [
            f"{self.code} {self.name} ({self.default_severity})",
            "",
            self.summary(lang),
            "",
            _flow(words["what"] + self.doc.what(lang)),
            "",
            _flow(words["why"] + self.doc.why(lang)),
            "",
        ]
        for example in self.examples:
            heading = words[example.kind]
            if example.today:
                label, colon = heading.rsplit(")", 1)
                heading = f"{label}), {words['today']} {example.today}{colon}"
            out.append(heading)
            out += [f"    {line}" if line else "" for line in example.text.splitlines()]
            for path, text in example.files:
                out.append(f"    {path}:")
                out += [f"        {line}" if line else "" for line in text.splitlines()]
            if example.served:
                out.append(f"    {words['served']}")
                out += [f"        {served.said()}" for served in example.served]
        out += ["", _flow(words["fix"] + self.doc.fix(lang))]
        return "\n".join(out) + "\n"

    def as_json(self, lang: str) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": str(self.default_severity),
            "summary": self.summary(lang),
            "fixable": self.fixable,
            "default_enabled": not self.opt_in,
            "examples": [example.as_json() for example in self.examples],
        }


def _flow(text: str, width: int = 88) -> str:
    """Paragraphs re-wrapped to ``width``; indented lines (code, examples) kept as they are."""
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        lines = paragraph.split("\n")
        if any(line.startswith((" ", "-", "*")) for line in lines[1:]):
            out.append(paragraph)
        else:
            # French puts a space before `: ; ! ?` and inside « »: never break a line there.
            text = re.sub(r" (?=[:;!?»])|(?<=«) ", "\u00a0", " ".join(lines))
            wrapped = textwrap.fill(text, width, break_on_hyphens=False)
            out.append(wrapped.replace("\u00a0", " "))
    return "\n\n".join(out)


_WORDS = {
    "en": {
        "what": "What it checks: ",
        "why": "Why: ",
        "fix": "Fix: ",
        "bad": "Example (bad):",
        "good": "Example (good):",
        "today": "on",
        "served": "(with --online, the web answers:)",
    },
    "fr": {
        "what": "Ce qui est vérifié : ",
        "why": "Pourquoi : ",
        "fix": "Correction : ",
        "bad": "Exemple (mauvais) :",
        "good": "Exemple (bon) :",
        "today": "le",
        "served": "(avec --online, le web répond :)",
    },
}
