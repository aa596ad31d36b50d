"""More was spent than budgeted.

## What it checks
On every funds row: 全年执行数 > 全年预算数, or a printed 执行率 above 100%.

## Why it matters
Spending above the adjusted budget is not possible without an adjustment; it
is almost always a unit or typing error (an extra 0), and the score must still
be capped at 分值.

## Failing example
    	年度资金总额	150000.00	150000.00	1,500,000	10	1000.00%	10

## Passing example
    	年度资金总额	150000.00	150000.00	150,000	10	100.00%	10

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
