"""The printed 执行率 was computed on 年初预算数.

## What it checks
A printed rate that does not match 全年执行数 ÷ 全年预算数 but does match
全年执行数 ÷ 年初预算数 (within the same tolerance as JX102). Reported instead
of JX102 when it fits.

## Why it matters
The denominator of the execution rate is the adjusted full-year budget, never
the year-start budget: a budget cut during the year would otherwise lower the
rate and the score, and a budget increase would inflate them.

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
DOCS_ZH = """所填执行率是按年初预算数计算的。

## 检查什么
所填执行率与全年执行数 ÷ 全年预算数不符，却与全年执行数 ÷ 年初预算数相符（允许的误差与 JX102 相同）。符合这种情况时报告本规则，不再报告 JX102。

## 为什么重要
执行率的分母是调整后的全年预算数，而不是年初预算数：否则年中调减预算会压低执行率和得分，调增预算则会虚增。

## 选项
- `tolerance`（数字，百分点）：默认 0.02。

## 依据
domain-rules.md R8；种子样本 004（闵行 人口工作：63 ÷ 65.96 ≈ 96%）。
"""
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
