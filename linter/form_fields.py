"""The field paths rules written in YAML may name, and the cells they lead to.

A closed catalogue: a path is looked up here, never turned into attribute access, so
a configuration reaches only these cells (docs/yaml-rules.md lists them).

- form fields: `project`, `department`, `implementer`, `year`, `unit`, `grade`, `title`,
  `goal.expected`, `goal.actual`, `fields.ROLE` (项目负责人 … by role), `closing.ROLE`;
- funds: `funds.ROW.COLUMN`, ROW one of total, current, carryover, other and COLUMN one of
  initial_budget, budget, executed, points, rate, score, reason;
- total row: `total.points`, `total.score`;
- indicator rows: `indicators[一级, …].COLUMN` (name, target, actual, points, score, reason,
  nature, measure_unit, review_score, coefficient, adjusted_target, criteria, core).
"""

from __future__ import annotations

from collections.abc import Callable

from linter.ast import Cell, Form, Indicator
from linter.record import record

FUND_ROWS = ("total", "current", "carryover", "other")
FUND_COLUMNS = ("initial_budget", "budget", "executed", "points", "rate", "score", "reason")
FORM_FIELDS = ("title", "year", "project", "department", "implementer", "unit", "grade")
INDICATOR_COLUMNS = (
    "name", "target", "actual", "points", "score", "reason", "nature", "measure_unit", "review_score", "coefficient",
    "adjusted_target", "criteria", "core",
)
NUMERIC_INDICATOR_COLUMNS = ("target", "actual", "points", "score", "review_score", "coefficient", "adjusted_target")
NUMERIC_FUND_COLUMNS = ("initial_budget", "budget", "executed", "points", "rate", "score")
# Parts of the form a path lies in, for `Form.complete` (a truncated form lacks them).
PARTS = {"funds": "funds", "goal": "goal", "total": "total", "indicators": "indicators"}


@record(frozen=True)
class FieldPath:
    """A resolved form-level path: how to get its cell, whether it is a number, and the
    part of the form (funds, goal, total) whose absence makes the cell unknowable."""

    text: str
    get: Callable[[Form], Cell | None]
    numeric: bool
    part: str | None  # None: the form's header
    container: Callable[[Form], object] | None = None  # the row or block holding the cell


def _fund_row(form: Form, kind: str):
    if form.funds is None:
        return None
    return next((row for row in form.funds.rows if row.kind == kind), None)


def form_path(parts: tuple[str, ...]) -> FieldPath | None:
    """The form-level path `parts`, or None when there is no such path."""
    text = ".".join(parts)
    if len(parts) == 1 and parts[0] in FORM_FIELDS:
        name = parts[0]
        return FieldPath(text, lambda form: getattr(form, name), False, None)
    if len(parts) == 2 and parts[0] == "goal" and parts[1] in ("expected", "actual"):
        column = parts[1]
        return FieldPath(text, lambda form: getattr(form.goal, column) if form.goal else None, False, "goal",
                         lambda form: form.goal)
    if len(parts) == 2 and parts[0] in ("fields", "closing"):
        table, role = parts
        return FieldPath(text, lambda form: getattr(form, table).get(role), False, None)
    if len(parts) == 3 and parts[0] == "funds" and parts[1] in FUND_ROWS and parts[2] in FUND_COLUMNS:
        kind, column = parts[1], parts[2]
        return FieldPath(
            text, lambda form: getattr(_fund_row(form, kind), column, None), column in NUMERIC_FUND_COLUMNS, "funds",
            lambda form: _fund_row(form, kind),
        )
    if len(parts) == 2 and parts[0] == "total" and parts[1] in ("points", "score"):
        column = parts[1]
        return FieldPath(text, lambda form: getattr(form.total, column) if form.total else None, True, "total",
                         lambda form: form.total)
    return None


def known_paths() -> list[str]:
    """Every path, for a 'did you mean' hint."""
    out = [*FORM_FIELDS, "goal.expected", "goal.actual", "fields.ROLE", "closing.ROLE", "total.points", "total.score"]
    out += [f"funds.{row}.{column}" for row in FUND_ROWS for column in FUND_COLUMNS]
    out += [f"indicators.{column}" for column in INDICATOR_COLUMNS]
    return out


def indicator_rows(form: Form, blocks: tuple[str, ...]) -> list[Indicator]:
    """The indicator rows that take part in sums, of the 一级 blocks named (all when none)."""
    rows = form.counted_indicators
    if not blocks:
        return rows
    return [row for row in rows if row.level1 is not None and _block_matches(row.level1.name, row.level1.cell.text, blocks)]


def _block_matches(name: str, text: str, blocks: tuple[str, ...]) -> bool:
    """`产出指标` names the block 产出指标; `产出` does too (the label without 指标)."""
    return any(block in (name, text) or name.startswith(block) or text.startswith(block) for block in blocks)


def indicator_cell(row: Indicator, column: str) -> Cell | None:
    return getattr(row, column)
