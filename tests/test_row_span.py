"""A row's span is worked out without making its cells' spans where it can: the same
span as covering them."""

from __future__ import annotations

import pytest

from linter.ast import Span
from linter.build import _row_span
from linter.layouts import RawCell


def _raw(line: int, column: int, end_line: int, end_column: int) -> RawCell:
    return RawCell("x", line, column, end_line, end_column)


@pytest.mark.parametrize("first, last", [
    ((3, 1, 3, 5), (3, 9, 3, 12)),  # one line, in order
    ((3, 1, 3, 5), (5, 2, 5, 8)),  # over lines
    ((3, 1, 3, 5), (3, 1, 3, 5)),  # one cell
    ((3, 9, 3, 12), (3, 1, 3, 5)),  # the last cell before the first (text wrapped in PDF)
    ((3, 1, 6, 4), (5, 2, 5, 8)),  # the first cell wrapped past the last
    ((4, 1, 4, 9), (3, 5, 4, 2)),  # the last cell starting a line above
    ((3, 5, 3, 9), (3, 5, 3, 7)),  # same start, the first ending later
])
def test_a_row_span_covers_its_first_and_last_cells(first, last):
    first_cell, last_cell = _raw(*first), _raw(*last)
    span = _row_span(first_cell, last_cell)
    assert type(span) is Span
    assert span == first_cell.span.cover(last_cell.span)
