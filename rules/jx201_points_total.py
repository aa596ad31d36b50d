"""总分 分值 is not 100, or does not add up.

## What it checks
- the form has a 总分 row;
- 总分 分值 = `total` (100);
- budget-execution 分值 + Σ 分值 of the counted indicator rows = 总分 分值.
Placeholder and `无` rows take part in no sum; a sum that needs a malformed
number is skipped (JX003 reports the number).

## Why it matters
Weights that do not add up to 100 make every score meaningless; usually an
indicator was added or removed without reweighting the others.

## Options
- `total` (number): default the form template's total (100); a template without
  scores (转移支付 绩效目标自评表) has none, and the rule is silent. Silent on the sums of a
  truncated form (JX013 says what is missing).

## Source
domain-rules.md R13 (财预〔2020〕10号: 总分 100, execution 10 + indicators 90).
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, number, plain, unusable

CODE = "JX201"
NAME = "points-total"
SEVERITY = "error"
GROUPS = ("totals",)
OPTIONS = {"total": Option("decimal", None, "总分 分值 (default: the form template's, 100 on the national form)")}
DOCS_ZH = """总分分值不是 100，或各项分值相加不等于总分分值。

## 检查什么
- 表中有总分行；
- 总分的分值等于 `total`（100）；
- 预算执行分值 + 各计分指标行分值之和 = 总分分值。

占位行和填「无」的行不参与合计；合计中用到格式错误的数字时跳过（由 JX003 报告该数字）。

## 为什么重要
权重加起来不是 100，所有得分都失去意义；通常是增删了指标却没有重新分配分值。

## 选项
- `total`（数字）：默认取表格模板的总分（100）；不计分的模板（转移支付 绩效目标自评表）没有总分，本规则不检查。表不完整时不核对合计（由 JX013 说明缺了什么）。

## 依据
domain-rules.md R13（财预〔2020〕10号：总分 100，预算执行 10 + 指标 90）。
"""
MESSAGES = {
    "zh": {
        "no_total": "表中没有「总分」行",
        "total": "总分分值为 {points}，应为 {expected}",
        "sum": "预算执行分值 {funds} + 各指标分值之和 {indicators} = {sum}，与总分分值 {points} 不符",
    },
    "en": {
        "no_total": "the form has no 总分 (total) row",
        "total": "the total is worth {points} points; it should be {expected}",
        "sum": "execution points {funds} + indicator points {indicators} = {sum}, not the total {points}",
    },
}


def check(form, options):
    expected = options["total"] if options["total"] is not None else form.parameters.get("total_points")
    if expected is None:
        return  # a template without scores
    if form.total is None:
        if form.complete("total") and form.structure_certain and "total" in form.parameters.get("parts", ("total",)):
            last = form.indicators[-1].span if form.indicators else form.span
            yield Finding(last, "no_total")
        return
    cell = form.total.points
    points = number(cell)
    if points is None:
        return
    if points != expected:
        args = {"points": plain(points), "expected": plain(expected)}
        yield Finding(cell, "total", args, "总分/分值", plain(expected), plain(points))
    if not (form.complete("indicators") and form.complete("funds")):
        return
    funds_cell = form.funds.total.points if form.funds is not None and form.funds.total is not None else None
    rows = [indicator.points for indicator in form.counted_indicators]
    values = [number(row) for row in rows]
    if unusable(funds_cell, *rows) or any(value is None for value in values):
        return
    funds = number(funds_cell) or Decimal(0)
    indicators = sum(values, Decimal(0))
    if funds + indicators != points:
        args = {"funds": plain(funds), "indicators": plain(indicators), "sum": plain(funds + indicators), "points": plain(points)}
        related = tuple(item for item in (funds_cell, *rows) if item is not None)
        yield Finding(cell, "sum", args, "总分/分值", plain(funds + indicators), plain(points), related=related)
