"""The printed 执行率 is not 全年执行数 ÷ 全年预算数.

## What it checks
On every funds row that prints a rate: 执行率 = 全年执行数 ÷ 全年预算数 × 100%,
within one unit of the last printed decimal (districts round up or truncate)
and at least the `tolerance` option (0.02 percentage points). Rows with a
全年预算数 of 0 are skipped. When the printed rate is 全年执行数 ÷ 年初预算数
instead, JX103 reports it and this rule does not.

## Why it matters
The execution rate drives the budget-execution score (JX105); a wrong rate
gives a wrong score and a wrong picture of how the money was spent.

## Options
- `tolerance` (number, percentage points): default 0.02.

## Source
domain-rules.md R8 (执行率 = 全年执行数 ÷ 全年预算数; rounding seen in the seeds).
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, cents, plain
from rules.execution import rate_fits, rate_of, rate_rows

CODE = "JX102"
NAME = "execution-rate-mismatch"
SEVERITY = "error"
GROUPS = ("money",)
OPTIONS = {"tolerance": Option("decimal", Decimal("0.02"), "smallest accepted difference, in percentage points")}
DOCS_ZH = """所填执行率不等于全年执行数 ÷ 全年预算数。

## 检查什么
每个填有执行率的资金行：执行率 = 全年执行数 ÷ 全年预算数 × 100%，允许相差所填最后一位小数的一个单位（各区有四舍五入也有直接截断），且至少允许选项 `tolerance`（0.02 个百分点）。全年预算数为 0 的行跳过。若所填执行率恰好是全年执行数 ÷ 年初预算数，由 JX103 报告，本规则不再报告。

## 为什么重要
执行率决定预算执行得分（JX105）；执行率错了，得分就错了，也无法如实反映资金使用情况。

## 选项
- `tolerance`（数字，百分点）：默认 0.02。

## 依据
domain-rules.md R8（执行率 = 全年执行数 ÷ 全年预算数；种子样本中的舍入方式）。
"""
MESSAGES = {
    "zh": {"rate": "执行率 {printed}% ≠ 全年执行数 {executed} ÷ 全年预算数 {budget} = {computed}%"},
    "en": {"rate": "execution rate {printed}% ≠ executed {executed} ÷ full-year budget {budget} = {computed}%"},
}


def check(form, options):
    tolerance = options["tolerance"]
    for row, printed, executed, budget, initial in rate_rows(form):
        if rate_fits(printed, executed, budget, tolerance):
            continue
        if initial is not None and rate_fits(printed, executed, initial, tolerance):
            continue  # JX103 execution-rate-wrong-base
        computed = cents(rate_of(executed, budget))
        args = {"printed": plain(printed), "executed": plain(executed), "budget": plain(budget), "computed": plain(computed)}
        yield Finding(row.rate, "rate", args, f"项目资金/{row.label.text}/执行率", plain(computed), plain(printed))
