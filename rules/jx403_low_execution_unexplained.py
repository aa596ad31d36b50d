"""A budget execution rate below the form's threshold, with no reason given.

## What it checks
Where the form's template prints a rule such as 四川's "预算执行率未达到90%的需说明原因"
(the template parameter `scoring.low_execution_reason_below`), or the `threshold`
option is set: on the total funds row, an 执行率 (printed, or 执行数 ÷ 预算数) below
the threshold with the 原因 cell empty.

## Why it matters
The form itself asks for the reason; a low execution rate without one leaves
the reviewer to guess whether the money was saved, delayed or lost.

## Options
- `threshold` (number, percent): default the form template's (90 on the 四川 form; none elsewhere).

## Source
docs/templates.md F2 (四川 510000_0013zp prints the rule in its 原因 cell).
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, number, plain
from rules.execution import rate_of

CODE = "JX403"
NAME = "low-execution-unexplained"
SEVERITY = "warning"
GROUPS = ("explanations", "money")
OPTIONS = {"threshold": Option("decimal", None, "执行率 in percent below which a reason is required (default: the form template's)")}
DOCS_ZH = """预算执行率低于表中规定的界限，却没有说明原因。

## 检查什么
表格模板印有类似四川「预算执行率未达到90%的需说明原因」的规定（模板参数 `scoring.low_execution_reason_below`），或设置了选项 `threshold` 时：资金总额行的执行率（所填的，或全年执行数 ÷ 全年预算数）低于该界限，而原因一栏为空。

## 为什么重要
表格本身要求说明原因；执行率偏低又不说明，审核人员只能去猜资金是节约了、延后了还是没有用出去。

## 选项
- `threshold`（数字，百分比）：默认取表格模板的规定（四川模板为 90，其他模板没有）。

## 依据
docs/templates.md F2（四川 510000_0013zp 在原因栏中印有这条规定）。
"""
MESSAGES = {
    "zh": {"low": "预算执行率 {rate}% 低于 {threshold}%，表中要求说明原因，但原因栏为空"},
    "en": {"low": "the execution rate {rate}% is below {threshold}%, where the form asks for a reason, but none is given"},
}


def check(form, options):
    threshold = options["threshold"]
    if threshold is None:
        printed = (form.parameters.get("scoring") or {}).get("low_execution_reason_below")
        threshold = Decimal(str(printed)) if printed is not None else None
    row = form.funds.total if form.funds is not None else None
    if threshold is None or row is None or row.rate is None:
        return
    rate = number(row.rate)
    if rate is None:
        executed, budget = number(row.executed), number(row.budget)
        rate = rate_of(executed, budget) if executed is not None and budget is not None else None
    if rate is None or rate >= threshold or (row.reason is not None and row.reason.text):
        return
    args = {"rate": plain(rate), "threshold": plain(threshold)}
    yield Finding(row.rate, "low", args, f"项目资金/{row.label.text}/执行率", actual=plain(rate))
