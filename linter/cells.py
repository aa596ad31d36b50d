"""The text of the cell a finding points at, found by its span in the AST.

A cell wrapped over lines (PDF text) spans lines that also hold other cells, so
its text cannot be cut from the source; the AST keeps it whole.
"""

from __future__ import annotations

from linter.ast import Cell, Form, Label, Span


def _cells(form: Form):
    for cell in (form.title, form.year, form.project, form.department, form.implementer, form.unit, form.grade):
        yield cell
    if form.funds is not None:
        yield form.funds.header
        for row in form.funds.rows:
            yield row.label
            for _, cell in row.cells():
                yield cell
    if form.goal is not None:
        yield from (form.goal.header, form.goal.expected, form.goal.actual)
    for indicator in form.indicators:
        for label in (indicator.level1, indicator.level2):
            if isinstance(label, Label):
                yield label.cell
        yield from (indicator.name, indicator.target, indicator.actual, indicator.points, indicator.score, indicator.reason)
    if form.total is not None:
        yield from (form.total.label, form.total.points, form.total.score)


def cells_by_span(form: Form, wanted: set[Span] | None = None) -> dict[Span, str]:
    """Raw text of every cell of `form` (or only of those whose span is `wanted`, stopping
    once all are found), by span; the first cell wins where spans coincide."""
    out: dict[Span, str] = {}
    if wanted is not None and not wanted:
        return out
    for cell in _cells(form):
        if cell is None:
            continue
        span = cell.span
        if span in out or (wanted is not None and span not in wanted):
            continue
        out[span] = cell.raw
        if wanted is not None and len(out) == len(wanted):
            break
    return out
