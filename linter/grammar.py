"""The LALR parser over `grammar/form.lark`, and the parse of one form with repair.

Each form is parsed on its own, so a broken form never hides the others. When
a token is unexpected, the parser tries to insert a missing section header
(the cheap, common damage: a deleted `项目资金` or header row) and goes on;
the form then still reaches the rules, with one parse problem reported.
"""

from __future__ import annotations


from linter.layouts import RawCell
from linter.lexer import before, empty_token, end_of_row
from linter.parse_tables import Tables, load_tables
from linter.record import record
from linter.tree import Node

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


@record(slots=True)
class Repair:
    """Terminals inserted before `token` so the parse could go on."""

    token: RawCell
    inserted: tuple[str, ...]


@record(slots=True)
class ParseFailure:
    """Where the clean parse stopped: the token it could not take, and the symbols it expected."""

    token: RawCell
    expected: frozenset[str]


_tables: Tables | None = None


def _parse_clean(tokens: list[RawCell], end: RawCell) -> Node | None:
    """The parse of a form with no damage: the same LALR(1) automaton and child filters
    as Lark's parser (linter/parse_tables.py), in one loop, without Lark. None at the first
    unexpected token; the caller then parses again with Lark's interactive parser, which
    reports and repairs."""
    global _tables
    if _tables is None:
        _tables = load_tables()
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
            if size == 1:
                # (Most reductions take one symbol: its state and value are replaced in place.)
                state = state_stack[-1] = actions[state_stack[-2]][origin]
                value_stack[-1] = callback([value_stack[-1]])
                continue
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


def parse_tokens(tokens: list[RawCell]) -> tuple[Node | None, list[Repair], ParseFailure | None]:
    end = end_of_row(tokens[-1], "$END") if tokens else empty_token("$END")
    tree = _parse_clean(tokens, end)
    if tree is not None:
        return tree, [], None
    # Damage: Lark's own parser (building `Node`s too) finds where, and the repairs.
    from lark.exceptions import UnexpectedToken

    from linter.lark_parser import parser

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
    from lark.exceptions import UnexpectedToken

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
