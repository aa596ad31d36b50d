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
DOCS_ZH = """年度资金总额不等于各组成部分之和。

## 检查什么
在年初预算数、全年预算数、全年执行数三列中，分别核对：年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金（即表格模板列为「其中」的各行；四川的总额还包括财政专户管理资金和单位资金），空单元格按 0 计，允许相差所填最后一位小数的一个单位（或选项 `tolerance`）。

## 为什么重要
「其中」各项相加必须等于总额，否则有一个金额填错了，据此计算的执行率也都不对。

## 选项
- `tolerance`（数字）：可接受的最大差额；默认为所填最后一位小数的一个单位。

## 依据
domain-rules.md R7（全国模板的「其中」分项）。
"""
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
        if summed == total:
            continue  # no tolerance (never negative) to work out
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
