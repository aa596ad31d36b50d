"""`linter.record.record` gives a class the same equality, hash, repr and fields as
`dataclasses.dataclass` would."""

from __future__ import annotations

import dataclasses
from dataclasses import field
from decimal import Decimal

import pytest

from linter.record import record


def _pair(**options):
    """The same class body under `dataclass` and under `record`."""

    def body():
        class Point:
            """A point."""

            x: object
            y: object = 0
            note: str = field(default="", compare=False, repr=False)

        return Point

    return dataclasses.dataclass(body(), **options), record(body(), **options)


@pytest.mark.parametrize("options", [{}, {"frozen": True}, {"slots": True}, {"frozen": True, "slots": True}])
def test_equality_repr_and_hash_as_dataclass(options):
    reference, recorded = _pair(**options)
    for make in (reference, recorded):
        assert make(1, 2) == make(1, 2)
        assert make(1, 2, note="a") == make(1, 2, note="b")  # a field left out of comparison
        assert make(1, 2) != make(1, 3)  # near miss: one field differs
        assert make(1, 2).__eq__(object()) is NotImplemented
    assert repr(recorded(1, "a")) == repr(reference(1, "a")).replace(reference.__qualname__, recorded.__qualname__)
    assert [f.name for f in dataclasses.fields(recorded)] == ["x", "y", "note"]
    assert dataclasses.replace(recorded(1, 2), y=5) == recorded(1, 5)
    if options.get("frozen"):
        assert hash(recorded(1, 2)) == hash(reference(1, 2)) == hash((1, 2))
        with pytest.raises(dataclasses.FrozenInstanceError):
            recorded(1, 2).x = 3
    else:
        assert recorded.__hash__ is None and reference.__hash__ is None
        with pytest.raises(TypeError):
            hash(recorded(1, 2))


def test_same_object_compares_as_in_a_tuple():
    # dataclass compares field tuples, in which an item is equal to itself: a NaN too.
    reference, recorded = _pair()
    nan = Decimal("NaN")
    assert (reference(nan) == reference(nan)) is True
    assert (recorded(nan) == recorded(nan)) is True
    assert (recorded(Decimal("NaN")) == recorded(Decimal("NaN"))) is False


def test_other_class_with_same_fields_is_not_equal():
    _, first = _pair()
    _, second = _pair()
    assert first(1, 2) != second(1, 2)


def test_methods_written_in_the_body_are_kept():
    def body():
        class Named:
            name: str

            def __repr__(self) -> str:
                return f"<{self.name}>"

            def __eq__(self, other: object) -> bool:
                return isinstance(other, Named) and other.name.lower() == self.name.lower()

        return Named

    for decorate in (dataclasses.dataclass(frozen=True), record(frozen=True)):
        Named = decorate(body())
        assert repr(Named("A")) == "<A>"
        assert Named("A") == Named("a")
        assert hash(Named("A")) == hash(("A",))  # as dataclass: an __eq__ of its own, a generated hash


def test_explicit_hash_is_kept():
    for decorate in (dataclasses.dataclass, record):

        @decorate
        class Keyed:
            key: str

            def __hash__(self) -> int:
                return 7

        assert hash(Keyed("a")) == 7


def test_recursive_repr_does_not_loop():
    @record
    class Box:
        item: object = None

    box = Box()
    box.item = box
    assert repr(box).endswith("Box(item=...)")


def test_single_compared_field():
    @record(frozen=True)
    class One:
        value: object

    assert One(1) == One(1) and One(1) != One(2)
    assert hash(One(1)) == hash((1,))
