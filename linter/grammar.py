"""The LALR parser over `grammar/form.lark`, and the parse of one form with repair.

Each form is parsed on its own, so a broken form never hides the others. When
a token is unexpected, the parser tries to insert a missing section header
(the cheap, common damage: a deleted `项目资金` or header row) and goes on;
the form then still reaches the rules, with one parse problem reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from lark import Lark, Tree
from lark.exceptions import UnexpectedToken

from linter.layouts import RawCell
from linter.lexer import FormLexer, end_of_row

# Sequences of terminals that a damaged form most often lacks, tried in order.
_REPAIRS: tuple[tuple[str, ...], ...] = (
    ("_NL",),
    ("K_NAME", "_NL"),
    ("K_DEPT", "_NL"),
    ("K_FUNDS", "FHDR", "_NL"),
    ("FHDR", "_NL"),
    ("K_GOAL", "_NL"),
    ("IHDR", "_NL"),
    ("_NL", "IHDR", "_NL"),
)
_MAX_REPAIRS = 3

_parser: Lark | None = None


def grammar_text() -> str:
    return resources.files("grammar").joinpath("form.lark").read_text(encoding="utf-8")


def parser() -> Lark:
    global _parser
    if _parser is None:
        _parser = Lark(grammar_text(), parser="lalr", lexer=FormLexer, cache=True)
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


def parse_tokens(tokens: list[RawCell]) -> tuple[Tree | None, list[Repair], ParseFailure | None]:
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
    end = end_of_row(tokens[-1], "$END") if tokens else _start_token("$END")
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
                trial.parser_state.feed_token(_synthetic(token, terminal))
            result = trial.parser_state.feed_token(token, token.type == "$END")
        except UnexpectedToken:
            continue
        return trial, sequence, result
    return None


def _synthetic(token: RawCell, terminal: str) -> RawCell:
    synthetic = RawCell("", token.line, token.column, token.line, token.column)
    synthetic.type = terminal
    return synthetic


def _start_token(terminal: str) -> RawCell:
    token = RawCell("", 1, 1, 1, 1)
    token.type = terminal
    return token
