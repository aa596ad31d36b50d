"""The parse tree: one `Node` a grammar rule matched, its children nodes and tokens.

Both parsers build it (the table loop in linter/grammar.py and, when it repairs,
Lark's interactive parser, given this class as its `tree_class`), so the builder
(linter/build.py) sees one kind of tree, and a clean parse needs no Lark.
"""

from __future__ import annotations


class Node:
    """A rule's name (`data`) and what it matched, tokens filtered out and `_rule`s inlined."""

    __slots__ = ("data", "children")

    def __init__(self, data: str, children: list) -> None:
        self.data = data
        self.children = children

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Node:
            return NotImplemented
        return self.data == other.data and self.children == other.children  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable, like the lists it holds

    def __repr__(self) -> str:
        return f"Node({self.data!r}, {self.children!r})"
