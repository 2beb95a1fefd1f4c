"""The registry of every rule: the core codes (reading, schemas) and the content rule families.

A content rule family is one module of this package with a ``RULES`` tuple; each rule's
``check(page)`` yields diagnostics. Adding a module adds its rules: nothing else to register.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from linter.diagnostics import Diagnostic, Rule, Severity

if TYPE_CHECKING:
    from linter.page import Page


def define(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    summary_fr: str,
    doc: str,
    doc_fr: str,
    check: Callable[[Page], Iterator[Diagnostic]] | None,
) -> Rule:
    """A content rule, documented in English and French next to its check.

    ``check`` is None for a rule that another rule's check reports (PH002 by PH001's).
    """
    return Rule(code, name, severity, summary, doc, check, summary_fr=summary_fr, doc_fr=doc_fr)


@lru_cache(maxsize=1)
def content_rules() -> tuple[Rule, ...]:
    """Every content rule, from every module of this package, by code."""
    found: list[Rule] = []
    for module in pkgutil.iter_modules(__path__):
        found.extend(importlib.import_module(f"{__name__}.{module.name}").RULES)
    return tuple(sorted(found, key=lambda r: r.code))


def all_rules() -> list[Rule]:
    from linter import document, engine, schema, suppress

    core = [*document.RULES, *schema.RULES, engine.INTERNAL, suppress.UNUSED]
    return sorted([*core, *content_rules()], key=lambda r: r.code)


def find(code: str) -> Rule | None:
    wanted = code.strip()
    return next(
        (r for r in all_rules() if wanted.upper() == r.code or wanted.lower() == r.name), None
    )
