"""``record``: the decorator of the values that travel (spans, messages, diagnostics, rules…).

Frozen for the type checker, not at run time. A frozen dataclass sets each field through
``object.__setattr__`` (three times slower to create: a run of 50,000 pages creates millions of
spans) and generates two more methods at import (a pre-commit hook starts 60 of them). mypy
reads ``record`` as ``dataclass(frozen=True)`` (``dataclass_transform``), so an assignment to a
field is still an error where it is checked; at run time it is a dataclass equal and hashed by
value, as frozen ones are.

Only ``__init__`` is generated (dataclasses compiles each generated method from source: 60 to
100 µs each, a quarter of a pre-commit hook's start-up for four per class); ``__eq__``,
``__hash__`` and ``__repr__`` are shared closures over an ``attrgetter`` of the fields, as fast
at run time (the tuple is built in C) and equal in behaviour to ``dataclass(unsafe_hash=True)``'s.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_kwargs: Any) -> Any:
        return lambda decorator: decorator


@dataclass_transform(frozen_default=True)
def record(cls: Any = None, /, **options: Any) -> Any:
    """``@record`` or ``@record(slots=True)``: a dataclass, frozen for mypy, hashed by value."""
    if cls is None:
        return lambda inner: _record(inner, options)
    return _record(cls, options)


def _record(cls: Any, options: dict[str, Any]) -> Any:
    cls = dataclass(cls, eq=False, repr=False, **options)
    every = fields(cls)
    compared = _getter([item.name for item in every if item.compare])
    # (As dataclasses: a field's ``hash`` None follows ``compare``.)
    hashed = _getter([f.name for f in every if f.hash or (f.hash is None and f.compare)])
    shown = [item.name for item in every if item.repr]

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inside})"

    own = cls.__dict__
    for method in (__eq__, __hash__, __repr__):
        # Written in the class: kept, as dataclasses does (a class that defines ``__eq__`` has
        # ``__hash__`` None without writing it).
        if method.__name__ in own and not (
            method is __hash__ and own["__hash__"] is None and "__eq__" in own
        ):
            continue
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
    return cls


def _getter(names: list[str]) -> Any:
    """The fields' values as one tuple (``attrgetter`` of one name gives the value alone: a
    tuple of it, so that a value unequal to itself, NaN, still compares by identity)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        name = names[0]
        return lambda value: (getattr(value, name),)
    return lambda _value: ()


if TYPE_CHECKING:
    from functools import cached_property

    cached = cached_property
else:

    class cached:
        """``functools.cached_property`` without its lock: computed on first access, then read
        from the instance (Python 3.11's takes a lock at each first access; a run computes some
        60 per page: 2 % of it). frontlint computes each value in one thread."""

        def __init__(self, func):
            self.func = func
            self.name = func.__name__
            self.__doc__ = func.__doc__

        def __set_name__(self, owner, name):
            self.name = name

        def __get__(self, instance, owner=None):
            if instance is None:
                return self
            value = instance.__dict__[self.name] = self.func(instance)
            return value


_Result = TypeVar("_Result")


class by_text(Generic[_Result]):
    """A function of a text (and of a few hashable facts about it, ``context``), remembered for
    the texts it last read: the same value (a label, a boilerplate paragraph, a page's body
    copied into another) is read once per process, not once per page. Least recently used texts
    are forgotten first, so that what is kept stays under ``budget``: each entry counts its
    characters and ``ENTRY`` more (its key, its place, its result: thousands of distinct short
    values must not fill memory either). A text longer than a tenth of the budget is kept alone
    until the next such text or the end of its page's check (``forget_long``: the rules of one
    page ask for it again). The function must be pure, its result read-only."""

    ENTRY = 200
    SHORTEST = 48
    """Shorter texts are read each time (as fast as remembering them)."""

    def __init__(self, function: Callable[..., _Result], budget: int = 250_000) -> None:
        from collections import OrderedDict

        self.function = function
        self.budget = budget
        self.longest = budget // 10
        self.kept: OrderedDict[Any, Any] = OrderedDict()  # (Any: a result may be None)
        self.size = 0
        self.last: tuple[Any, Any] = ((), None)
        """The key of the last text longer than ``longest``, and its result."""
        self.__doc__ = function.__doc__
        self.__wrapped__ = function
        _MEMORIES.append(self)

    def __call__(self, text: str, *context: Hashable) -> _Result:
        if len(text) < self.SHORTEST:
            return self.function(text, *context)
        key = (text, *context) if context else text
        kept = self.kept
        found = kept.get(key, kept)
        if found is not kept:
            kept.move_to_end(key)
            return found  # type: ignore[no-any-return]
        if len(text) > self.longest:
            last, result = self.last
            if key != last:
                result = self.function(text, *context)
                self.last = (key, result)
            return result  # type: ignore[no-any-return]
        result = self.function(text, *context)
        kept[key] = result
        self.size += len(text) + self.ENTRY
        while self.size > self.budget:
            old = kept.popitem(last=False)[0]
            self.size -= len(old[0] if isinstance(old, tuple) else old) + self.ENTRY
        return result


_MEMORIES: list[by_text[Any]] = []


def forget_long() -> None:
    """Forget the long texts kept alone (``by_text.last``): a page's check is over."""
    for memory in _MEMORIES:
        memory.last = ((), None)
