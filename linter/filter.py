"""The one stage that decides what is reported: rules only find problems.

Before the checks: the plan of a file, which checks run (a rule none of whose codes is selected
for it is not run at all); it is the same for every file unless per-file ignores are set. After
them, in this order: precedence between rules (a problem is reported once, by the rule whose
spec ``supersedes`` the other on the same characters — the schema's verdict on a value over
every content rule), inline suppressions, then the configuration (selection, per-file ignores,
severity overrides).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from linter import suppress
from linter.config import Settings
from linter.diagnostics import Diagnostic
from linter.document import Document
from linter.markdown import Ranges
from linter.rules import all_rules, by_code, content_rules
from linter.spec import Rule


@dataclass(frozen=True)
class Plan:
    """What runs on a file: its content checks, whether its schema is validated, and every code
    those can report (``ran``: what an unused suppression is judged against)."""

    checks: tuple[Rule, ...]
    validate: bool
    ran: frozenset[str]


def plan(settings: Settings, path: str) -> Plan:
    """The plan of ``path``: a rule none of whose codes is selected for it is not run."""
    checks = tuple(
        rule for rule in content_rules() if any(settings.enabled(c, path) for c in rule.codes)
    )
    schema_codes = [r.code for r in all_rules() if r.code.startswith("SC")]
    validate = any(settings.enabled(code, path) for code in schema_codes)
    always = (r.code for r in all_rules() if r.core and not r.code.startswith("SC"))
    ran = frozenset(always).union(
        *(rule.codes for rule in checks), schema_codes if validate else ()
    )
    return Plan(checks, validate, ran)


def decide(
    doc: Document | None,
    found: list[Diagnostic],
    settings: Settings,
    path: str,
    ran: frozenset[str],
) -> list[Diagnostic]:
    """What is reported of ``found``; ``ran`` is every code whose check ran on the file."""
    kept = _precedence(found)
    if doc is not None:
        kept = suppress.apply(doc, kept, ran)
    return _configured(kept, settings, path)


def _supersedes(winner: Rule, loser: Rule) -> bool:
    return any(
        (prefix == "content" and not loser.core) or loser.code.startswith(prefix)
        for prefix in winner.supersedes
    )


def _precedence(found: list[Diagnostic]) -> list[Diagnostic]:
    rules = by_code()
    winners = [d for d in found if d.code in rules and rules[d.code].supersedes]
    if not winners:
        return found
    # The winners' spans per (path, code), bisected: one look-up per group, not per winner.
    groups: dict[tuple[str, str], list[Diagnostic]] = {}
    for w in winners:
        groups.setdefault((w.path, w.code), []).append(w)
    spans = {key: Ranges([(w.span.start, w.span.end) for w in ws]) for key, ws in groups.items()}
    kept = []
    for diagnostic in found:
        loser = rules.get(diagnostic.code)
        if loser is not None and any(
            path == diagnostic.path
            and _supersedes(rules[code], loser)
            and (
                any(  # the diagnostic is a winner of this group: the others only
                    w is not diagnostic and w.span.start <= diagnostic.span.start < w.span.end
                    for w in groups[(path, code)]
                )
                if diagnostic.code == code and diagnostic.path == path
                else spans[(path, code)].contains(diagnostic.span.start)
            )
            for path, code in groups
        ):
            continue
        kept.append(diagnostic)
    return kept


def _configured(found: list[Diagnostic], settings: Settings, path: str) -> list[Diagnostic]:
    """Selection, per-file ignores and severity overrides of the configuration."""
    kept = []
    for diagnostic in found:
        if not settings.enabled(diagnostic.code, path):
            continue
        severity = settings.severity_of(diagnostic.code)
        kept.append(replace(diagnostic, severity=severity) if severity else diagnostic)
    return kept
