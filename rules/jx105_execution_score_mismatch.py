"""The budget-execution 得分 is not min(执行率, 100%) × 分值.

## What it checks
On the 年度资金总额 row: 得分 = min(执行率, 100%) × 分值, taking the printed
执行率 (or 全年执行数 ÷ 全年预算数 when none is printed), within half a unit of
the last decimal printed in 得分 plus 0.005 (±0.01 for 2 decimals, ±0.055 for
1), or the `tolerance` option.

## Why it matters
Every Shanghai seed scores execution linearly; a score that does not follow
the rate changes the total and the grade.

## Failing example
    	年度资金总额	9.20	9.20	4.20	10	45.65%	0

## Passing example
    	年度资金总额	9.20	9.20	4.20	10	45.65%	4.57

## Options
- `tolerance` (number): largest accepted difference; default from the printed decimals.

## Source
domain-rules.md R9 (linear scoring in every seed; 闵行 反电信诈骗费用 45.65% → 0).
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, cents, half_unit, number, plain, unusable
from rules.execution import HUNDRED, rate_of

CODE = "JX105"
NAME = "execution-score-mismatch"
SEVERITY = "error"
GROUPS = ("money",)
OPTIONS = {"tolerance": Option("decimal", None, "largest accepted difference (default: from the printed decimals)")}
MESSAGES = {
    "zh": {"score": "预算执行得分 {score} ≠ min(执行率 {rate}%, 100%) × 分值 {points} = {expected}"},
    "en": {"score": "budget-execution score {score} ≠ min(rate {rate}%, 100%) × points {points} = {expected}"},
}


def check(form, options):
    row = form.funds.total if form.funds is not None else None
    if row is None or unusable(row.rate, row.score, row.points, row.executed, row.budget):
        return
    score = number(row.score)
    # A template whose funds have no 分值 column prints the points in a header (`得分(20分*执行率)`).
    points = number(row.points) if row.points is not None else form.parameters.get("execution_points")
    if score is None or points is None:
        return
    rate = number(row.rate)
    if rate is None and number(row.executed) is not None and number(row.budget) is not None:
        rate = rate_of(number(row.executed), number(row.budget))
    if rate is None:
        return
    expected = min(rate, HUNDRED) / HUNDRED * points
    tolerance = options["tolerance"]
    if tolerance is None:
        tolerance = half_unit(score) + Decimal("0.005")
    if abs(score - expected) > tolerance:
        shown = cents(expected)
        args = {"score": plain(score), "rate": plain(cents(rate)), "points": plain(points), "expected": plain(shown)}
        yield Finding(row.score, "score", args, "项目资金/年度资金总额/得分", plain(shown), plain(score))
