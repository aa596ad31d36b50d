"""The budget-execution 得分 is not min(执行率, 100%) × 分值.

## What it checks
On the 年度资金总额 row: 得分 = min(执行率, 100%) × 分值, taking the printed
执行率 (or 全年执行数 ÷ 全年预算数 when none is printed), within half a unit of
the last decimal printed in 得分 plus 0.005 (±0.01 for 2 decimals, ±0.055 for
1), or the `tolerance` option.

## Why it matters
Every Shanghai seed scores execution linearly; a score that does not follow
the rate changes the total and the grade.

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
DOCS_ZH = """预算执行得分不等于 min(执行率, 100%) × 分值。

## 检查什么
年度资金总额行：得分 = min(执行率, 100%) × 分值。执行率取所填的执行率（未填时用全年执行数 ÷ 全年预算数），允许相差得分所填最后一位小数的半个单位再加 0.005（两位小数为 ±0.01，一位小数为 ±0.055），或选项 `tolerance`。

## 为什么重要
上海所有种子样本的预算执行得分都按执行率线性计算；得分与执行率不符，总分和评分等级都会随之改变。

## 选项
- `tolerance`（数字）：可接受的最大差额；默认按所填小数位数确定。

## 依据
domain-rules.md R9（所有种子样本均线性计分；闵行 反电信诈骗费用 执行率 45.65% 却得 0 分）。
"""
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
