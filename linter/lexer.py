"""Canonical rows -> the token stream of one form: each cell classified, `_NL` after each row.

Keywords, labels and placeholders are tokens of their own: the `RawCell`s
themselves, whose `type` is the terminal. A run of plain values (text, numbers,
dashes) in a row is one `VALUES` token carrying its cells: the grammar checks
the structure of rows and sections and never looks inside a run, and a form
has about a third as many tokens that way.
"""

from __future__ import annotations

from lark.lexer import Lexer

from linter.classify import classify
from linter.layouts import RawCell

# After these keywords the rest of the row is free text: a 主管部门 named like a
# template word is still a name.
_FREE_TEXT_AFTER = frozenset({"K_NAME", "K_DEPT", "K_IMPL", "K_GRADE"})
_KEEP_IN_FREE_TEXT = frozenset({"K_IMPL", "NUM"})
_PLAIN_VALUES = frozenset({"TEXT", "NUM", "DASH"})


class Values:
    """A run of plain value cells in one row, seen by the grammar as one `VALUES` token."""

    __slots__ = ("cells", "line", "column")
    type = "VALUES"

    def __init__(self, cells: list[RawCell]) -> None:
        self.cells = cells
        self.line = cells[0].line
        self.column = cells[0].column

    @property
    def text(self) -> str:
        return self.cells[0].text

    @property
    def span(self):
        return self.cells[0].span


class FormLexer(Lexer):
    """Lark's view of the token list, which is made before parsing starts."""

    def __init__(self, lexer_conf: object) -> None:
        pass

    def lex(self, tokens: list[RawCell]):  # type: ignore[override]
        return iter(tokens)


def end_of_row(cell: RawCell, terminal: str = "_NL") -> RawCell:
    """A token with no text just after `cell`: the row end, or a synthetic repair token."""
    token = RawCell("", cell.end_line, cell.end_column, cell.end_line, cell.end_column)
    token.type = terminal
    return token


def tokenize(rows: list[list[RawCell]]) -> list[RawCell | Values]:
    tokens: list[RawCell | Values] = []
    append = tokens.append
    for row in rows:
        free_text = False
        run: list[RawCell] = []
        for cell in row:
            terminal, detail = classify(cell.text)
            if free_text and terminal not in _KEEP_IN_FREE_TEXT:
                terminal, detail = "TEXT", None
            elif terminal in _FREE_TEXT_AFTER:
                free_text = True
            cell.type = terminal
            cell.detail = detail
            if terminal in _PLAIN_VALUES:
                run.append(cell)
                continue
            if run:
                append(Values(run))
                run = []
            append(cell)
        if run:
            append(Values(run))
        append(end_of_row(row[-1]))
    return tokens
