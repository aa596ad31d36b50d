"""Canonical rows -> Lark tokens, one per cell, `_NL` after each row.

A token's `start_pos` is the index of its cell in the form's cell list, so the
AST builder finds the cell (text, span, table column) of every token.
"""

from __future__ import annotations

from dataclasses import dataclass

from lark import Token
from lark.lexer import Lexer

from linter.classify import classify
from linter.layouts import RawCell

# After these keywords the rest of the row is free text: a 主管部门 named like a
# template word is still a name.
_FREE_TEXT_AFTER = {"K_NAME", "K_DEPT", "K_IMPL", "K_GRADE"}
_KEEP_IN_FREE_TEXT = {"K_IMPL", "NUM"}


@dataclass(slots=True)
class LexedCell:
    cell: RawCell
    terminal: str
    detail: object


class FormLexer(Lexer):
    """Lark's view of the token list, which is made before parsing starts."""

    def __init__(self, lexer_conf: object) -> None:
        pass

    def lex(self, tokens: list[Token]):  # type: ignore[override]
        return iter(tokens)


def tokenize(rows: list[list[RawCell]]) -> tuple[list[Token], list[LexedCell]]:
    tokens: list[Token] = []
    cells: list[LexedCell] = []
    for row in rows:
        free_text = False
        for cell in row:
            terminal, detail = classify(cell.text)
            if free_text and terminal not in _KEEP_IN_FREE_TEXT:
                terminal, detail = "TEXT", None
            if terminal in _FREE_TEXT_AFTER:
                free_text = True
            index = len(cells)
            cells.append(LexedCell(cell, terminal, detail))
            tokens.append(Token(terminal, cell.text, index, cell.line, cell.col, cell.end_line, cell.end_col, index))
        last = row[-1]
        tokens.append(Token("_NL", "", len(cells), last.end_line, last.end_col, last.end_line, last.end_col, len(cells)))
    return tokens, cells
