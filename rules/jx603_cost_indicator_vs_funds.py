"""A cost indicator in money that does not fit the funds block.

## What it checks
On each counted row of the cost block (the template's `成本指标`, as 一级 or 二级,
and its 二级 经济成本指标 …) whose 年度指标值 is an amount of money (`元`, `千元`,
`万元`, `亿元`), compared with the 年度资金总额 row in the funds table's unit
(`项目资金（万元）`): a target above 全年预算数; an actual above 全年执行数; and,
where the target is the whole budget (equal to 全年预算数 or 年初预算数), an actual
that differs from 全年执行数. Amounts are compared in 元, within half a unit of
the last printed decimal of each (or the `tolerance` option, in 元).

## Why it matters
A cost indicator in money measures what the project spent: it cannot plan more
than the budget nor report more than was spent, and a whole-project cost that
differs from 全年执行数 means one of the two figures is wrong (or in the wrong unit).

## Options
- `tolerance` (number, 元): largest accepted difference; default from the printed decimals.

## Source
domain-rules.md §7 R29 (a cost indicator's target at or below 全年预算数, its actual
equal to 全年执行数); seed 001 (嘉定 2024) 信息化项目运维: ≤27.40 万元 = 全年预算数,
24.39 万元 = 全年执行数.
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, half_unit, number, plain
from linter.values import Target

CODE = "JX603"
NAME = "cost-indicator-vs-funds"
SEVERITY = "info"
GROUPS = ("plausibility",)
OPTIONS = {"tolerance": Option("decimal", None, "largest accepted difference in 元 (default: from the printed decimals)")}
DOCS_ZH = """以金额表示的成本指标与资金情况不符。

## 检查什么
成本指标块（模板的「成本指标」，作一级或二级指标，及其下的经济成本指标等二级指标）中年度指标值为金额（元、千元、万元、亿元）的每个计分指标行，与资金表年度资金总额行（按资金表的金额单位，如「项目资金（万元）」）比较：年度指标值超过全年预算数；实际完成值超过全年执行数；年度指标值就是整个预算（等于全年预算数或年初预算数）时，实际完成值与全年执行数不同。金额统一换算为元比较，允许相差各自所填最后一位小数的半个单位（或选项 `tolerance`，以元计）。

## 为什么重要
以金额表示的成本指标衡量的是项目花了多少钱：计划不能超过预算，实际不能超过支出；整个项目的成本与全年执行数不同，说明两个数字中有一个填错了（或单位错了）。

## 选项
- `tolerance`（数字，元）：可接受的最大差额；默认按所填小数位数确定。

## 依据
domain-rules.md §7 R29（成本指标的年度指标值不超过全年预算数，实际完成值等于全年执行数）；种子样本 001（嘉定 2024）信息化项目运维：≤27.40 万元 = 全年预算数，24.39 万元 = 全年执行数。
"""
MESSAGES = {
    "zh": {
        "over_budget": "成本指标年度指标值 {target} 超过全年预算数 {budget}{unit}",
        "over_spent": "成本指标实际完成值 {actual} 超过全年执行数 {executed}{unit}",
        "differs": "成本指标的年度指标值等于预算数，其实际完成值 {actual} 却与全年执行数 {executed}{unit} 不符",
    },
    "en": {
        "over_budget": "the cost target {target} exceeds the year's budget {budget} {unit}",
        "over_spent": "the cost actual {actual} exceeds the amount spent {executed} {unit}",
        "differs": "the cost target is the whole budget, yet its actual {actual} differs from the amount spent {executed} {unit}",
    },
}
# Yuan per unit of money.
SCALE = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def _cost_rows(form):
    label = form.parameters.get("cost_label")
    if not label:
        return []
    names = {label}
    for framework in (form.parameters.get("frameworks") or {}).values():
        names.update(framework.get(label) or ())
    return [
        indicator for indicator in form.counted_indicators
        if (indicator.level1 is not None and indicator.level1.name in names)
        or (indicator.level2 is not None and indicator.level2.name in names)
    ]


def _in_yuan(value: Decimal, unit: str) -> tuple[Decimal, Decimal]:
    """An amount and the rounding it carries, in 元."""
    return value * SCALE[unit], half_unit(value) * SCALE[unit]


def _close(amount: Decimal, rounding: Decimal, printed: Decimal, unit: str, tolerance: Decimal | None) -> bool:
    """Whether an amount in 元 (carrying `rounding`) equals a funds figure printed in `unit`."""
    other, other_rounding = _in_yuan(printed, unit)
    return abs(amount - other) <= (tolerance if tolerance is not None else rounding + other_rounding)


def check(form, options):
    row = form.funds.total if form.funds is not None else None
    unit = form.unit.value if form.unit is not None else None
    if row is None or unit not in SCALE:
        return
    budget, executed, initial = number(row.budget), number(row.executed), number(row.initial_budget)
    tolerance = options["tolerance"]
    for indicator in _cost_rows(form):
        target = indicator.target
        if target is None or target.uncertain or not isinstance(target.value, Target):
            continue
        if target.value.number is None or target.value.unit not in SCALE:
            continue
        planned, planned_rounding = _in_yuan(target.value.number, target.value.unit)
        if budget is not None and planned > budget * SCALE[unit] and not _close(planned, planned_rounding, budget, unit, tolerance):
            args = {"target": target.text, "budget": plain(budget), "unit": unit}
            yield Finding(target, "over_budget", args, indicator.path, f"≤{plain(budget)}{unit}", target.text)
        actual = indicator.actual
        measured = number(actual)
        if executed is None or measured is None or actual.comparator is not None or actual.unit not in SCALE:
            continue
        spent, spent_rounding = _in_yuan(measured, actual.unit)
        args = {"actual": actual.text, "executed": plain(executed), "unit": unit}
        if _close(spent, spent_rounding, executed, unit, tolerance):
            continue
        if spent > executed * SCALE[unit]:
            yield Finding(actual, "over_spent", args, indicator.path, f"≤{plain(executed)}{unit}", actual.text)
        elif any(figure is not None and _close(planned, planned_rounding, figure, unit, tolerance) for figure in (budget, initial)):
            yield Finding(actual, "differs", args, indicator.path, f"{plain(executed)}{unit}", actual.text)
