"""``record``: the decorator of the values that travel (spans, messages, diagnostics, rules…).

Frozen for the type checker, not at run time. A frozen dataclass sets each field through
``object.__setattr__`` (three times slower to create: a run of 50,000 pages creates millions of
spans) and generates two more methods at import (a pre-commit hook starts 60 of them). mypy
reads ``record`` as ``dataclass(frozen=True)`` (``dataclass_transform``), so an assignment to a
field is still an error where it is checked; at run time it is ``dataclass(unsafe_hash=True)``:
equal and hashed by value, as frozen ones are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_kwargs: Any) -> Any:
        return lambda decorator: decorator


@dataclass_transform(frozen_default=True)
def record(cls: Any = None, /, **options: Any) -> Any:
    """``@record`` or ``@record(slots=True)``: a dataclass, frozen for mypy, hashed by value."""
    if cls is None:
        return lambda inner: dataclass(inner, unsafe_hash=True, **options)
    return dataclass(cls, unsafe_hash=True, **options)
