"""Lark's side of the form parser: the `Lark` object over `grammar/form.lark`, which the
repair path drives interactively, and from which the plain tables of the clean parse
(linter/parse_tables.py) are taken once. Importing this module imports Lark.
"""

from __future__ import annotations

import lark
from lark import Lark
from lark.lexer import Lexer
from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders
from lark.parsers.lalr_analysis import Shift

from linter.layouts import RawCell
from linter.parse_tables import grammar_text
from linter.tree import Node


class FormLexer(Lexer):
    """Lark's view of the token list, which is made before parsing starts."""

    def __init__(self, lexer_conf: object) -> None:
        pass

    def lex(self, tokens: list[RawCell]):  # type: ignore[override]
        return iter(tokens)


_parser: Lark | None = None


def parser() -> Lark:
    """The LALR parser, building `Node` trees; loaded from the private cache when saved."""
    global _parser
    if _parser is None:
        from linter import __version__
        from linter.parser_cache import load_or_build

        text = grammar_text()
        key = "\0".join((text, lark.__version__, __version__, FormLexer.__module__, Node.__module__))
        _parser = load_or_build(
            key, lambda: Lark(text, parser="lalr", lexer=FormLexer, tree_class=Node), tree_class=Node
        )
    return _parser


def plain_tables(parser: Lark) -> tuple[int, int, list, list]:
    """The parser's LALR tables as plain data: (start state, end state, rules, states).

    A rule is (origin, size, plan): `plan` lists the children kept, as (index, inline)
    pairs (tokens filtered out, the children of a `_rule` inlined, as Lark's tree builder
    does), or is None when every child is kept. States are numbered from 0; each is a
    dict from a symbol to a state (a shift, or a goto after a reduction) or, for a
    reduction, to ~index of the rule (a negative number)."""
    inner = parser.parser.parser.parser
    table = inner.parse_table
    numbers = {state: number for number, state in enumerate(table.states)}
    rule_numbers: dict = {}
    rules = []
    for rule, callback in inner.callbacks.items():
        if type(callback) is ChildFilterLALR_NoPlaceholders:
            plan = tuple((index, bool(inline)) for index, inline in callback.to_include)
        elif getattr(callback, "func", None) is Node and callback.args == (rule.origin.name,):
            plan = None  # Lark keeps every child: partial(tree_class, name)
        else:
            raise ValueError(f"a tree callback this parser cannot copy: {rule} -> {callback!r}")
        rule_numbers[rule] = len(rules)
        rules.append((str(rule.origin.name), len(rule.expansion), plan))  # (a name may be a Token)
    states = [
        {
            str(symbol): numbers[argument] if kind is Shift else ~rule_numbers[argument]
            for symbol, (kind, argument) in row.items()
        }
        for row in table.states.values()
    ]
    return numbers[table.start_states["start"]], numbers[table.end_states["start"]], rules, states
