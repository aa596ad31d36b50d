"""Rows of a tab- or pipe-separated table read by their columns, and the empty cells in them.

In a table layout (`tsv`, `markdown`) every cell keeps the column it stands in,
and an empty cell between two separators is still there, at a position of its
own. A row whose cells all stand under a header of their kind (labels under
一级/二级, values under the value columns) is read by column, with certainty;
each column of the header that the row leaves empty is recorded as an empty
cell (`raw` ""), distinct from a column the table does not have (None). Rows
that do not line up with their header (shifted, merged, wrapped) are left to
the builder's reading by content.
"""

from __future__ import annotations

from linter.ast import Span
from linter.layouts import RawCell
from linter.layouts.table import pieces

TABLE_LAYOUTS = frozenset({"tsv", "markdown"})
_LABEL_ROLES = frozenset({"level1", "level2"})
_LABEL_TERMINALS = frozenset({"L1", "L2", "LC"})


class SourceLines:
    """The text of a form's lines, by line number, to find empty cells in."""

    def __init__(self, lines: list[tuple[int, int, str]]) -> None:
        self._lines = {line_no: (offset, text) for line_no, offset, text in lines}

    def empty_span(self, line_no: int, column: int) -> Span | None:
        """The span of the empty piece in table column `column` of a line (white space
        only, or zero-width); zero-width at the line's end when the line stops before
        it; None when that column holds text or the line is unknown."""
        found = self._lines.get(line_no)
        if found is None:
            return None
        offset, text = found
        split = pieces(text)
        if split is None:
            return None
        if column >= len(split):
            end = offset + len(text.rstrip("\r\n")) + 1
            return Span(line_no, end, line_no, end)
        start, piece = split[column]
        if piece.strip():
            return None
        return Span(line_no, offset + start + 1, line_no, offset + start + 1 + len(piece))


def by_column(
    cells: list[RawCell], columns: dict[int, str], wanted: frozenset[str], source: SourceLines
) -> tuple[list[tuple[str, RawCell]], dict[str, Span]] | None:
    """The value cells of a one-line row by role, and the spans of the `wanted` roles it
    leaves empty; None when the row does not line up with its header `columns`
    ({table column: role}): a cell outside them, two in one column, a label under a value
    column or a value under a label column."""
    if not cells or any(cell.table_column is None or cell.line != cells[0].line for cell in cells):
        return None
    taken: set[int] = set()
    placed: list[tuple[str, RawCell]] = []
    for cell in cells:
        role = columns.get(cell.table_column)  # type: ignore[arg-type]
        if role is None or cell.table_column in taken:
            return None
        if (cell.type in _LABEL_TERMINALS) != (role in _LABEL_ROLES):
            return None
        taken.add(cell.table_column)  # type: ignore[arg-type]
        if role not in _LABEL_ROLES:
            placed.append((role, cell))
    empty: dict[str, Span] = {}
    for column, role in columns.items():
        if role in wanted and column not in taken:
            span = source.empty_span(cells[0].line, column)
            if span is not None:
                empty[role] = span
    return placed, empty
