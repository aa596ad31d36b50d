"""`record`: `dataclasses.dataclass` with the comparison, hash and repr that it would
generate, shared by every class instead of compiled for each.

`dataclass` writes `__eq__`, `__repr__` and `__hash__` of each class as source text and
compiles it when the module is imported: about a million instructions a class, half of
what jxlint's records cost at every start (measured with callgrind on a one-file lint).
`record` lets `dataclass` build the rest (`__init__`, `fields()`, `replace()`, slots,
frozen) and attaches functions that read the same fields through one `attrgetter`, with
the same meaning: equal when of the same class and the compared fields are equal,
hashable when frozen, unhashable when not, `Class(field=value, ...)` as repr, and a
method written in the class body kept as it is.
"""

from __future__ import annotations

import reprlib
from dataclasses import MISSING, dataclass, fields
from operator import attrgetter
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def record(cls: type[T] | None = None, /, *, frozen: bool = False, slots: bool = False) -> Any:
    """`@record`, `@record(frozen=True, slots=True)`: as `@dataclass` with those options."""

    def wrap(cls: type[T]) -> type[T]:
        body = dict(cls.__dict__)
        out = dataclass(cls, eq=False, repr=False, frozen=frozen, slots=slots)
        _attach(out, body, frozen)
        return out

    return wrap if cls is None else wrap(cls)


def _attach(cls: type, body: dict[str, Any], frozen: bool) -> None:
    every = fields(cls)
    compared = _values([f.name for f in every if f.compare])
    if "__repr__" not in body:
        _set(cls, "__repr__", _representation([f.name for f in every if f.repr]))
    if "__eq__" not in body:
        _set(cls, "__eq__", _equality(compared))
    explicit_hash = body.get("__hash__", MISSING)
    if explicit_hash is MISSING or (explicit_hash is None and "__eq__" in body):
        if frozen:
            hashed = _values([f.name for f in every if (f.compare if f.hash is None else f.hash)])
            _set(cls, "__hash__", lambda self: hash(hashed(self)))
        else:
            cls.__hash__ = None  # type: ignore[assignment]  # mutable: as dataclass(eq=True)


def _values(names: list[str]) -> Callable[[object], tuple]:
    """The named attributes as a tuple (as the generated methods compare them: a tuple's
    comparison takes an item as equal to itself, a NaN included)."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        name = names[0]
        return lambda obj: (getattr(obj, name),)
    return attrgetter(*names)


def _equality(values: Callable[[object], tuple]) -> Callable[[object, object], Any]:
    def __eq__(self: object, other: object) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _representation(names: list[str]) -> Callable[[object], str]:
    @reprlib.recursive_repr()
    def __repr__(self: object) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _set(cls: type, name: str, function: Callable) -> None:
    function.__qualname__ = f"{cls.__qualname__}.{name}"
    function.__name__ = name
    setattr(cls, name, function)
