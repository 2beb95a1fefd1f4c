"""``linter.records.record``: equal, hashed and shown as ``dataclass(unsafe_hash=True)``."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

import pytest

from linter.records import by_text, forget_long, record


@record
class Point:
    x: int
    y: int = 0
    note: str = field(default="", compare=False)
    hidden: str = field(default="", repr=False)


@record(slots=True)
class Slotted:
    a: int


@record
class Empty:
    pass


@dataclass(unsafe_hash=True)
class Reference:
    x: int
    y: int = 0
    note: str = field(default="", compare=False)
    hidden: str = field(default="", repr=False)


@pytest.mark.parametrize(
    ("left", "right"),
    [((1, 2, "a", "h"), (1, 2, "b", "h")), ((1, 2, "a", "h"), (1, 3, "a", "h")),
     ((1, 2, "", "h"), (1, 2, "", "i")), ((0, 0, "", ""), (0, 0, "", ""))],
)  # fmt: skip
def test_a_record_is_equal_and_hashed_as_the_dataclass_it_stands_for(left, right):
    ours = Point(*left) == Point(*right), hash(Point(*left)) == hash(Point(*right))
    theirs = (
        Reference(*left) == Reference(*right),
        hash(Reference(*left)) == hash(Reference(*right)),
    )
    assert ours == theirs


def test_a_record_shows_its_shown_fields_and_is_a_dataclass():
    assert repr(Point(1, note="n", hidden="h")) == "Point(x=1, y=0, note='n')"
    assert repr(Reference(1, note="n", hidden="h")) == "Reference(x=1, y=0, note='n')"
    assert replace(Point(1), y=5) == Point(1, 5)
    assert [item.name for item in fields(Point)] == ["x", "y", "note", "hidden"]


def test_records_of_other_classes_or_values_are_never_equal():
    assert Point(1) != Reference(1)
    assert Point(1) != (1, 0)
    assert (Point(1) == (1, 0)) is False


def test_a_record_of_one_field_or_none_and_with_slots():
    assert Slotted(1) == Slotted(1) and Slotted(1) != Slotted(2)
    assert {Slotted(1), Slotted(1)} == {Slotted(1)}
    assert not hasattr(Slotted(1), "__dict__")
    assert repr(Slotted(3)) == "Slotted(a=3)"
    assert Empty() == Empty() and hash(Empty()) == hash(Empty())
    assert repr(Empty()) == "Empty()"


def test_a_cached_value_is_computed_once_and_read_from_the_instance_after():
    from linter.records import cached

    calls = []

    class Page:
        @cached
        def links(self) -> list[int]:
            """The links."""
            calls.append(1)
            return [1, 2]

    page = Page()
    assert page.links is page.links
    assert (len(calls), page.__dict__, Page.links.__doc__) == (1, {"links": [1, 2]}, "The links.")
    del page.links  # (forgotten: computed again)
    assert (page.links, len(calls)) == ([1, 2], 2)


def test_a_record_keeps_what_its_class_writes_and_hashes_as_dataclasses_do():
    @record
    class Own:
        a: float
        b: int = field(default=0, compare=False, hash=True)

        def __repr__(self) -> str:
            return "own"

    @dataclass(unsafe_hash=True)
    class Theirs:
        a: float
        b: int = field(default=0, compare=False, hash=True)

    nan = float("nan")
    assert repr(Own(1.0)) == "own"
    # One compared field unequal to itself: equal through its identity, as in a tuple.
    assert (Own(nan) == Own(nan), Theirs(nan) == Theirs(nan)) == (True, True)
    # A field hashed but not compared is in the hash.
    assert hash(Own(1.0, 1)) == hash(Theirs(1.0, 1)) == hash((1.0, 1))
    assert hash(Own(1.0, 2)) == hash(Theirs(1.0, 2)) != hash(Own(1.0, 1))

    @record
    class Linked:
        items: list

    looped = Linked([])
    looped.items.append(looped)
    assert repr(looped) == f"{Linked.__qualname__}(items=[...])"


@pytest.fixture
def short_texts_kept(monkeypatch):
    """Every text is remembered, however short (``by_text.SHORTEST``): small examples."""
    monkeypatch.setattr(by_text, "SHORTEST", 0)


def test_by_text_reads_each_text_once_while_it_is_kept(short_texts_kept):
    calls = []

    def length(text):
        calls.append(text)
        return len(text)

    remembered = by_text(length, budget=1000)
    assert [remembered(t) for t in ("ab", "ab", "cde", "ab")] == [2, 2, 3, 2]
    assert calls == ["ab", "cde"]
    assert list(remembered.kept) == ["cde", "ab"]  # the least recently used first
    assert remembered.size == 5 + 2 * by_text.ENTRY


def test_by_text_forgets_the_least_recently_used_texts_beyond_its_budget(short_texts_kept):
    calls = []
    remembered = by_text(lambda text: calls.append(text) or text.upper(), 3 * (by_text.ENTRY + 1))
    for text in ("a", "b", "c", "a"):
        remembered(text)
    assert calls == ["a", "b", "c"]
    assert list(remembered.kept) == ["b", "c", "a"]
    remembered("d")  # over the budget: `b`, the least recently used, goes
    assert list(remembered.kept) == ["c", "a", "d"]
    assert remembered.size == 3 * (by_text.ENTRY + 1)
    assert remembered("b") == "B"
    assert calls == ["a", "b", "c", "d", "b"]


def test_by_text_counts_each_entry_not_only_its_characters():
    # Thousands of distinct values must not fill memory: each entry costs ENTRY more.
    remembered = by_text(lambda text: (text,))
    for number in range(10_000):
        remembered(f"{number:050}")
    assert len(remembered.kept) == 250_000 // (50 + by_text.ENTRY)
    assert remembered.size <= 250_000


def test_by_text_reads_short_texts_each_time_and_keeps_none():
    calls = []
    remembered = by_text(lambda text: calls.append(text) or len(text))
    short = "x" * (by_text.SHORTEST - 1)
    assert [remembered(short), remembered(short)] == [len(short)] * 2
    assert calls == [short, short]
    assert list(remembered.kept) == []


def test_by_text_keeps_a_text_longer_than_a_tenth_of_its_budget_alone_until_the_next(
    short_texts_kept,
):
    calls = []
    remembered = by_text(lambda text: calls.append(text) or len(text), budget=1000)
    long_x, long_z = "x" * 101, "z" * 102
    assert [remembered(t) for t in (long_x, long_x, "y" * 10, long_z, long_x)] == [
        101,
        101,
        10,
        102,
        101,
    ]
    assert calls == [long_x, "y" * 10, long_z, long_x]
    assert list(remembered.kept) == ["y" * 10]
    assert remembered.last == (long_x, 101)
    forget_long()  # a page's check is over
    assert remembered.last == ((), None)
    assert remembered(long_x) == 101
    assert calls[-1] == long_x
