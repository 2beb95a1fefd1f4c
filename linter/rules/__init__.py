"""The registry of every rule code: the core ones (reading, schemas) and, later, content rules."""

from __future__ import annotations

from linter.diagnostics import Rule


def all_rules() -> list[Rule]:
    from linter import document, engine, schema

    return sorted([*document.RULES, *schema.RULES, engine.INTERNAL], key=lambda r: r.code)


def find(code: str) -> Rule | None:
    wanted = code.strip().upper()
    return next((rule for rule in all_rules() if rule.code == wanted), None)
