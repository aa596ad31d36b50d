"""The LALR parser over `grammar/form.lark`, and the parse of one form with repair.

Each form is parsed on its own, so a broken form never hides the others. When
a token is unexpected, the parser tries to insert a missing section header
(the cheap, common damage: a deleted `项目资金` or header row) and goes on;
the form then still reaches the rules, with one parse problem reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from lark import Lark, Tree
from lark.exceptions import UnexpectedToken
from lark.parsers.lalr_analysis import Shift as _SHIFT

from linter.layouts import RawCell
from linter.package_files import package_folder
from linter.lexer import FormLexer, before, empty_token, end_of_row

# Sequences of terminals that a damaged form most often lacks, tried in order.
_REPAIRS: tuple[tuple[str, ...], ...] = (
    ("_NL",),
    ("K_FUNDS", "FHDR", "_NL"),
    ("FHDR", "_NL"),
    ("K_GOAL", "_NL"),
    ("K_IND", "IHDR", "_NL"),
    ("IHDR", "_NL"),
    ("_NL", "K_IND", "IHDR", "_NL"),
)
_MAX_REPAIRS = 3

_parser: Lark | None = None


def grammar_text() -> str:
    return package_folder("grammar").joinpath("form.lark").read_text(encoding="utf-8")


def parser() -> Lark:
    global _parser
    if _parser is None:
        import lark

        from linter import __version__
        from linter.parser_cache import load_or_build

        text = grammar_text()
        key = "\0".join((text, lark.__version__, __version__, FormLexer.__module__))
        _parser = load_or_build(key, lambda: Lark(text, parser="lalr", lexer=FormLexer))
    return _parser


@dataclass(slots=True)
class Repair:
    """Terminals inserted before `token` so the parse could go on."""

    token: RawCell
    inserted: tuple[str, ...]


@dataclass(slots=True)
class ParseFailure:
    token: RawCell
    expected: frozenset[str]


class _Tables:
    """Lark's LALR table and tree callbacks, compiled for the loop in `_parse_clean`: per
    state, each terminal's action is the next state (a shift) or, for a reduction, the
    tuple (rule size, rule origin, tree callback); a rule's origin maps to its goto state."""

    def __init__(self, lark: Lark) -> None:
        table = lark.parser.parser.parser.parse_table
        callbacks = lark.parser.parser.parser.callbacks
        compiled = _compiled_callbacks(callbacks)
        rules = {rule: (len(rule.expansion), rule.origin.name, compiled[rule]) for rule in callbacks}
        self.actions = {
            state: {symbol: (argument if kind is _SHIFT else rules[argument]) for symbol, (kind, argument) in row.items()}
            for state, row in table.states.items()
        }
        self.start = table.start_states["start"]
        self.end = table.end_states["start"]


def _compiled_callbacks(callbacks: dict) -> dict:
    """Lark's child filters as straight-line code: the same children (tokens filtered out,
    `_rule` children inlined) given to the same tree builder, without the loop over the
    filter's plan on every reduction. One factory a distinct plan, all compiled at once
    (a start-up cost of well under a millisecond). Any other callback is kept as it is."""
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders

    plans: dict[tuple, str] = {}
    source: list[str] = []
    for callback in callbacks.values():
        if type(callback) is not ChildFilterLALR_NoPlaceholders:
            continue
        plan = tuple((index, bool(expand)) for index, expand in callback.to_include)
        if plan in plans:
            continue
        name = plans[plan] = f"make_{len(plans)}"
        lines = []
        for position, (index, expand) in enumerate(plan):
            if position == 0:
                lines.append(f"out = children[{index}].children" if expand else f"out = [children[{index}]]")
            else:
                lines.append(f"out += children[{index}].children" if expand else f"out.append(children[{index}])")
        source.append(f"def {name}(node_builder):\n    def build(children):\n")
        source.extend(f"        {line}\n" for line in lines or ["out = []"])
        source.append("        return node_builder(out)\n    return build\n")
    namespace: dict = {}
    exec(compile("".join(source), "<lark child filters>", "exec"), namespace)
    out = {}
    for rule, callback in callbacks.items():
        if type(callback) is ChildFilterLALR_NoPlaceholders:
            plan = tuple((index, bool(expand)) for index, expand in callback.to_include)
            out[rule] = namespace[plans[plan]](callback.node_builder)
        else:
            out[rule] = callback
    return out


_tables: _Tables | None = None


def _parse_clean(tokens: list[RawCell], end: RawCell) -> Tree | None:
    """The parse of a form with no damage: the same LALR(1) automaton and tree callbacks
    as Lark's parser, in one loop. None at the first unexpected token; the caller then
    parses again with `parse_interactive`, which reports and repairs."""
    global _tables
    if _tables is None:
        _tables = _Tables(parser())
    actions = _tables.actions
    state = _tables.start
    state_stack = [state]
    value_stack: list[object] = []
    push_state, push_value = state_stack.append, value_stack.append
    for token in tokens:
        terminal = token.type
        while True:
            action = actions[state].get(terminal)
            if action is None:
                return None
            if action.__class__ is not tuple:  # shift
                state = action
                push_state(state)
                push_value(token)
                break
            size, origin, callback = action
            if size:
                children = value_stack[-size:]
                del state_stack[-size:]
                del value_stack[-size:]
            else:
                children = []
            state = actions[state_stack[-1]][origin]
            push_state(state)
            push_value(callback(children))
    # The end: reduce until the start rule is complete (the reduction is written out here as
    # in the loop above, not called: a call per reduction costs the hot loop measurably).
    end_state = _tables.end
    while True:
        action = actions[state].get("$END")
        if action is None or action.__class__ is not tuple:
            return None
        size, origin, callback = action
        if size:
            children = value_stack[-size:]
            del state_stack[-size:]
            del value_stack[-size:]
        else:
            children = []
        state = actions[state_stack[-1]][origin]
        push_state(state)
        push_value(callback(children))
        if state == end_state:
            return value_stack[-1]  # type: ignore[return-value]


def parse_tokens(tokens: list[RawCell]) -> tuple[Tree | None, list[Repair], ParseFailure | None]:
    end = end_of_row(tokens[-1], "$END") if tokens else empty_token("$END")
    tree = _parse_clean(tokens, end)
    if tree is not None:
        return tree, [], None
    interactive = parser().parse_interactive()
    repairs: list[Repair] = []
    feed = interactive.parser_state.feed_token
    for token in tokens:
        try:
            feed(token)
        except UnexpectedToken as error:
            repaired = _repair(interactive, token) if len(repairs) < _MAX_REPAIRS else None
            if repaired is None:
                return None, repairs, ParseFailure(token, frozenset(error.expected))
            interactive, inserted, _ = repaired
            feed = interactive.parser_state.feed_token
            repairs.append(Repair(token, inserted))
    try:
        return interactive.parser_state.feed_token(end, True), repairs, None
    except UnexpectedToken as error:
        repaired = _repair(interactive, end) if len(repairs) < _MAX_REPAIRS else None
        if repaired is None:
            return None, repairs, ParseFailure(end, frozenset(error.expected))
        _, inserted, tree = repaired
        repairs.append(Repair(end, inserted))
        return tree, repairs, None


def _repair(interactive, token: RawCell):
    """(parser, inserted terminals, result) after the first insertion that lets `token` through."""
    accepted = interactive.choices()
    for sequence in _REPAIRS:
        if sequence[0] not in accepted:
            continue
        # A deep copy: Lark's tree builder appends to children lists it reuses when
        # inlining `_rule+` helpers, so a failed trial on a shallow copy would leave
        # duplicated cells in the original's value stack.
        trial = interactive.copy()
        try:
            for terminal in sequence:
                trial.parser_state.feed_token(before(token, terminal))
            result = trial.parser_state.feed_token(token, token.type == "$END")
        except UnexpectedToken:
            continue
        return trial, sequence, result
    return None
