"""Canonical rows -> the token stream of one form: each cell classified, `_NL` after each row.

Keywords, labels and placeholders are tokens of their own: the `RawCell`s
themselves, whose `type` is the terminal. A run of plain values (text, numbers,
dashes) in a row is one `VALUES` token carrying its cells: the grammar checks
the structure of rows and sections and never looks inside a run, and a form
has about a third as many tokens that way.
"""

from __future__ import annotations

from linter.layouts import RawCell
from linter.vocabulary import Vocabulary

# After these keywords the rest of the row is free text: a 主管部门 named like a
# template word is still a name. Another header field on the same row stays a
# field (`主管部门 X 实施单位 Y`), and so does a total printed among the header
# fields (`填报日期 … 自评总分 98`), which becomes a field of its own.
_FIELDS = frozenset({"K_NAME", "K_DEPT", "K_IMPL", "K_FIELD"})
_FREE_TEXT_AFTER = _FIELDS | {"K_GRADE"}
_KEEP_IN_FREE_TEXT = _FIELDS | {"NUM"}
_PLAIN_VALUES = frozenset({"TEXT", "NUM", "DASH"})
_HEADERS = frozenset({"IHDR", "SHDR"})
# A row that may stand just before an indicator header row without opening a new table.
_OPENS_HEADER = frozenset({"K_IND", "K_FUNDS", "IHDR", "SHDR"})
# After an indicator label, a funds column or row word is a 三级 name (`预算执行率`).
_LABELS = frozenset({"L1", "L2", "LC"})
_FUNDS_WORDS = frozenset({"FHDR", "FLABEL"})


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


def empty_token(terminal: str, line: int = 1, column: int = 1) -> RawCell:
    """A token with no text at line:column: a row end, a repair, a part the text lacks."""
    token = RawCell("", line, column, line, column)
    token.type = terminal
    return token


def end_of_row(cell: RawCell, terminal: str = "_NL") -> RawCell:
    """A token with no text just after `cell`: the row end, or the end of the form."""
    return empty_token(terminal, cell.end_line, cell.end_column)


def before(cell: RawCell | Values, terminal: str) -> RawCell:
    """A token with no text just before `cell`."""
    return empty_token(terminal, cell.line, cell.column)


def tokenize(rows: list[list[RawCell]], vocabulary: Vocabulary) -> list[RawCell | Values]:
    tokens: list[RawCell | Values] = []
    append = tokens.append
    classify, known = vocabulary.classify, vocabulary.known
    previous_start = ""
    for row in rows:
        free_text = labelled = False
        row_start = len(tokens)
        run: list[RawCell] = []
        for cell in row:
            text = cell.text
            terminal, detail = known(text) or classify(text)
            if labelled and terminal in _FUNDS_WORDS:
                terminal, detail = "TEXT", None
            labelled = labelled or terminal in _LABELS
            if free_text:
                if terminal == "K_TOTAL" and row[0].type in _FIELDS:
                    terminal = "K_FIELD"
                elif terminal not in _KEEP_IN_FREE_TEXT:
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
        first = row[0]
        if first.type in _HEADERS and previous_start not in _OPENS_HEADER:
            # Opens an indicator table that has no 绩效指标 cell: the grammar needs the
            # table to start with K_IND to tell it from the header's next row. (Inserted
            # once the row is read: rare, and no position test for every cell.)
            tokens.insert(row_start, before(first, "K_IND"))
        # The row end (`end_of_row`, written out: one a row).
        last = row[-1]
        row_end = RawCell("", last.end_line, last.end_column, last.end_line, last.end_column)
        row_end.type = "_NL"
        append(row_end)
        previous_start = first.type
    return tokens
