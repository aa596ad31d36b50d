"""Budget execution arithmetic shared by JX102, JX103 and JX105."""

from __future__ import annotations

from decimal import Decimal

from linter.rule import number, unit_in_last_place, unusable

HUNDRED = Decimal(100)


def rate_of(executed: Decimal, base: Decimal) -> Decimal | None:
    """执行率 in percent, or None when the base is 0."""
    return None if base == 0 else executed / base * HUNDRED


def rate_tolerance(printed: Decimal, minimum: Decimal) -> Decimal:
    """A printed rate is right within one unit of its last decimal (rounded up, or
    truncated, as districts do), and never stricter than the `tolerance` option."""
    return max(minimum, unit_in_last_place(printed))


def rate_fits(printed: Decimal, executed: Decimal, base: Decimal, minimum: Decimal) -> bool:
    rate = rate_of(executed, base)
    return rate is not None and abs(printed - rate) <= rate_tolerance(printed, minimum)


def rate_rows(form):
    """(row, printed rate, executed, budget, year-start budget) of each funds row that
    prints a rate over a non-zero budget, all of them valid numbers (the year-start
    budget may be None)."""
    if form.funds is None:
        return
    for row in form.funds.rows:
        if unusable(row.rate, row.executed, row.budget, row.initial_budget):
            continue
        printed, executed, budget = number(row.rate), number(row.executed), number(row.budget)
        if printed is None or executed is None or budget is None or budget == 0:
            continue
        yield row, printed, executed, budget, number(row.initial_budget)
