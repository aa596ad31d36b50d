"""The printed 执行率 was computed on 年初预算数.

## What it checks
A printed rate that does not match 全年执行数 ÷ 全年预算数 but does match
全年执行数 ÷ 年初预算数 (within the same tolerance as JX102). Reported instead
of JX102 when it fits.

## Why it matters
The denominator of the execution rate is the adjusted full-year budget, never
the year-start budget: a budget cut during the year would otherwise lower the
rate and the score, and a budget increase would inflate them.

## Failing example
    	年度资金总额	65.96	63.00	63.00	10	96%	9.6

## Passing example
    	年度资金总额	65.96	63.00	63.00	10	100%	10

## Options
- `tolerance` (number, percentage points): default 0.02.

## Source
domain-rules.md R8; seed 004 (闵行 人口工作: 63 ÷ 65.96 ≈ 96%).
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, cents, plain
from rules.execution import rate_fits, rate_of, rate_rows

CODE = "JX103"
NAME = "execution-rate-wrong-base"
SEVERITY = "error"
GROUPS = ("money",)
OPTIONS = {"tolerance": Option("decimal", Decimal("0.02"), "smallest accepted difference, in percentage points")}
MESSAGES = {
    "zh": {"base": "执行率 {printed}% 是按年初预算数 {initial} 计算的；应为全年执行数 {executed} ÷ 全年预算数 {budget} = {computed}%"},
    "en": {"base": "execution rate {printed}% was computed on the year-start budget {initial}; it should be executed {executed} ÷ full-year budget {budget} = {computed}%"},
}


def check(form, options):
    tolerance = options["tolerance"]
    for row, printed, executed, budget, initial in rate_rows(form):
        if initial is None or initial == budget or rate_fits(printed, executed, budget, tolerance):
            continue
        if not rate_fits(printed, executed, initial, tolerance):
            continue
        computed = cents(rate_of(executed, budget))
        args = {
            "printed": plain(printed), "initial": plain(initial), "executed": plain(executed),
            "budget": plain(budget), "computed": plain(computed),
        }
        yield Finding(row.rate, "base", args, f"项目资金/{row.label.text}/执行率", plain(computed), plain(printed))
