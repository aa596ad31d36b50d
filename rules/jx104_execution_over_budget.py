"""More was spent than budgeted.

## What it checks
On every funds row: 全年执行数 > 全年预算数, or a printed 执行率 above 100%.

## Why it matters
Spending above the adjusted budget is not possible without an adjustment; it
is almost always a unit or typing error (an extra 0), and the score must still
be capped at 分值.

## Source
domain-rules.md R10; seed 003 (宝山 系统及平台运行维护费).
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, number, plain

CODE = "JX104"
NAME = "execution-over-budget"
SEVERITY = "error"
GROUPS = ("money",)
DOCS_ZH = """执行数超过预算数。

## 检查什么
每个资金行：全年执行数大于全年预算数，或所填执行率超过 100%。

## 为什么重要
没有调整预算，支出不可能超过调整后的预算；这几乎总是单位或录入错误（多了一个 0），而且得分仍不能超过分值。

## 依据
domain-rules.md R10；种子样本 003（宝山 系统及平台运行维护费）。
"""
MESSAGES = {
    "zh": {
        "spent": "全年执行数 {executed} 超过全年预算数 {budget}",
        "rate": "执行率 {printed}% 超过 100%",
    },
    "en": {
        "spent": "executed {executed} exceeds the full-year budget {budget}",
        "rate": "execution rate {printed}% is above 100%",
    },
}


def check(form, options):
    if form.funds is None:
        return
    for row in form.funds.rows:
        executed, budget, rate = number(row.executed), number(row.budget), number(row.rate)
        path = f"项目资金/{row.label.text}"
        if executed is not None and budget is not None and executed > budget:
            args = {"executed": plain(executed), "budget": plain(budget)}
            yield Finding(row.executed, "spent", args, f"{path}/全年执行数", plain(budget), plain(executed))
        elif rate is not None and rate > Decimal(100):
            yield Finding(row.rate, "rate", {"printed": plain(rate)}, f"{path}/执行率", "100", plain(rate))
