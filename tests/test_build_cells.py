"""The builder makes its cells without calling the `Cell` class (`linter.build.new_cell`):
the cells must be the same as the class makes, every field set. A row's span is worked
out without making its cells' spans where it can: the same span as covering them."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal

import pytest

from linter.ast import Cell, Span
from linter.build import _row_span, new_cell
from linter.layouts import RawCell
from linter.values import Target


def _field_values(cell: Cell) -> dict[str, object]:
    # (getattr raises on a field new_cell leaves unset: a field added to Cell and not to it)
    return {field.name: getattr(cell, field.name) for field in fields(Cell)}


def test_new_cell_with_defaults_is_the_class_cell():
    span = Span(3, 1, 3, 5)
    made = new_cell("分值", span)
    assert type(made) is Cell
    assert _field_values(made) == _field_values(Cell("分值", span))


def test_new_cell_with_every_field_is_the_class_cell():
    span = Span(7, 2, 8, 4)
    target = Target("≥", Decimal("90"), "%", None)
    for arguments in (
        ("≥90%", span, target, "%", "≥", False),
        ("99.", span, None, None, None, True),
        ("12.50", span, Decimal("12.50"), None, None, False),
    ):
        assert _field_values(new_cell(*arguments)) == _field_values(Cell(*arguments))


def test_new_cell_is_a_cell_of_its_own():
    span = Span(1, 1, 1, 2)
    first, second = new_cell("a", span, "a"), new_cell("a", span, "a")
    second.uncertain = True
    assert first == Cell("a", span, "a") and first.uncertain is False
    assert second != first


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
