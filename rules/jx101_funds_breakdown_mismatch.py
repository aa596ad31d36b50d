"""年度资金总额 is not the sum of its parts.

## What it checks
In each of the columns 年初预算数, 全年预算数 and 全年执行数:
年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金 (the rows the form's
template names as its breakdown: 四川's 总额 adds 财政专户管理资金 and 单位资金),
a blank cell counting as 0, within one unit of the last decimal printed (or the
`tolerance` option).

## Why it matters
The breakdown under "其中" must add up to the total, or one of the amounts is
wrong and every rate computed from it is too.

## Failing example
    	年度资金总额	90.00	90.00	89.97
    	其中：本年财政拨款	90.00	89.97	89.97
    	上年结转资金	0	0
    	其他资金	0	0	0

## Passing example
    	年度资金总额	58.00	58.00	49.85
    	其中：当年财政拨款	6.00	6.00	6.00
    	上年结转资金	0.00	0.00	0.00
    	其他资金	52.00	52.00	43.85

## Options
- `tolerance` (number): largest accepted difference; default one unit in the
  last decimal printed.

## Source
domain-rules.md R7 (the 其中 breakdown of the national template).
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, decimals_of, number, plain, unusable

CODE = "JX101"
NAME = "funds-breakdown-mismatch"
SEVERITY = "error"
GROUPS = ("money",)
OPTIONS = {"tolerance": Option("decimal", None, "largest accepted difference (default: one unit of the last printed decimal)")}
PARTS = ("current", "carryover", "other")  # when the form's template names none
COLUMNS = (("initial_budget", "年初预算数"), ("budget", "全年预算数"), ("executed", "全年执行数"))
MESSAGES = {
    "zh": {"sum": "「{column}」：{total_label} {total} ≠ {labels} = {parts}"},
    "en": {"sum": "{column}: {total_label} {total} ≠ {labels} = {parts}"},
}


def check(form, options):
    if form.funds is None or form.funds.total is None:
        return
    total_row = form.funds.total
    kinds = form.parameters.get("funds_breakdown") or PARTS
    parts = [row for row in form.funds.rows if row.kind in kinds]
    if not parts:
        return
    for column, label in COLUMNS:
        total_cell = getattr(total_row, column)
        part_cells = [getattr(row, column) for row in parts]
        total = number(total_cell)
        if total is None or unusable(total_cell, *part_cells):
            continue
        values = [number(cell) or Decimal(0) for cell in part_cells]
        summed = sum(values, Decimal(0))
        tolerance = options["tolerance"]
        if tolerance is None:
            tolerance = Decimal(1).scaleb(-decimals_of(total, *values))
        if abs(total - summed) > tolerance:
            args = {
                "column": label, "total": plain(total), "parts": plain(summed), "total_label": total_row.label.text.rstrip(":："),
                "labels": " + ".join(row.label.text.rstrip(":：") for row in parts),
            }
            related = tuple(cell for cell in part_cells if cell is not None)
            yield Finding(total_cell, "sum", args, f"项目资金/年度资金总额/{label}", plain(summed), plain(total), related=related)
