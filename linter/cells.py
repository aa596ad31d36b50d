"""The text of the cell a finding points at, found by its span in the AST.

A cell wrapped over lines (PDF text) spans lines that also hold other cells, so
its text cannot be cut from the source; the AST keeps it whole.
"""

from __future__ import annotations

from operator import attrgetter

from linter.ast import Form, FundRow, Label, Span

_FUND_ROW_CELLS = attrgetter("label", *FundRow.COLUMNS)  # a row's cells as one tuple


def _cell_rows(form: Form):
    """The form's cells in order, a row (a tuple, some of them None) at a time: one
    generator step a row, not one a cell, as this runs on every form with findings."""
    yield form.title, form.year, form.project, form.department, form.implementer, form.unit, form.grade
    if form.funds is not None:
        yield (form.funds.header,)
        for row in form.funds.rows:
            yield _FUND_ROW_CELLS(row)
    if form.goal is not None:
        yield form.goal.header, form.goal.expected, form.goal.actual
    for indicator in form.indicators:
        level1, level2 = indicator.level1, indicator.level2
        yield (level1.cell if isinstance(level1, Label) else None, level2.cell if isinstance(level2, Label) else None,
               indicator.name, indicator.target, indicator.actual, indicator.points, indicator.score, indicator.reason)
    if form.total is not None:
        yield form.total.label, form.total.points, form.total.score


def cells_by_span(form: Form, wanted: set[Span] | None = None) -> dict[Span, str]:
    """Raw text of every cell of `form` (or only of those whose span is `wanted`, stopping
    once all are found), by span; the first cell wins where spans coincide."""
    out: dict[Span, str] = {}
    if wanted is None:
        for row in _cell_rows(form):
            for cell in row:
                if cell is not None and cell.span not in out:
                    out[cell.span] = cell.raw
        return out
    remaining = set(wanted)
    if not remaining:
        return out
    for row in _cell_rows(form):
        for cell in row:
            if cell is not None and cell.span in remaining:
                out[cell.span] = cell.raw
                remaining.discard(cell.span)
                if not remaining:
                    return out
    return out
