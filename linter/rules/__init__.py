"""The registry of every rule: the core codes (``core.py``) and the content rule families.

A family is one module of this package with a ``RULES`` tuple of specs (``linter.spec.Rule``);
a module may also define ``COLLECTORS``, a mapping of name -> function(page) yielding what a
reporter draws (the Markdown report's calendars): the engine gathers them without knowing
whose they are. Adding a module adds its rules: nothing else to register.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from types import ModuleType
from typing import Any

from linter.spec import FIX_MESSAGES, LIMIT_MESSAGE, Option, Rule, Text


@lru_cache(maxsize=1)
def _modules() -> tuple[ModuleType, ...]:
    return tuple(
        importlib.import_module(f"{__name__}.{module.name}")
        for module in pkgutil.iter_modules(__path__)
    )


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule, core codes included, by code."""
    found = [rule for module in _modules() for rule in module.RULES]
    return tuple(sorted(found, key=lambda r: r.code))


def content_rules() -> tuple[Rule, ...]:
    """The rules that have a check of their own."""
    return tuple(rule for rule in all_rules() if rule.check is not None)


@lru_cache(maxsize=1)
def by_code() -> Mapping[str, Rule]:
    return {rule.code: rule for rule in all_rules()}


@lru_cache(maxsize=1)
def messages() -> Mapping[str, Text]:
    """Every message key of every rule -> its text, what fixes say (``fix.*``) and the note of a
    rule that found too many problems in a page (``limit``)."""
    found = {key: text for rule in all_rules() for key, text in rule.messages.items()}
    return {**found, **FIX_MESSAGES, "limit": LIMIT_MESSAGE}


@lru_cache(maxsize=1)
def options() -> tuple[Option, ...]:
    """Every option of every rule, once each, in table and key order."""
    unique = {(o.table, o.key): o for rule in all_rules() for o in rule.options}
    return tuple(unique[k] for k in sorted(unique))


def collectors() -> Iterable[tuple[str, Callable[..., Iterable[Any]]]]:
    """(name, function) of every family's collectors."""
    for module in _modules():
        yield from getattr(module, "COLLECTORS", {}).items()


def find(code: str) -> Rule | None:
    wanted = code.strip()
    return next(
        (r for r in all_rules() if wanted.upper() == r.code or wanted.lower() == r.name), None
    )
