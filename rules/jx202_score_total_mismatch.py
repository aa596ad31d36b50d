"""总分 得分 is not the sum of its parts.

## What it checks
总分 得分 = budget-execution 得分 + Σ 得分 of the counted indicator rows, within
half a unit of the last decimal printed in 总分 (or the `tolerance` option).
A sum that needs a malformed number (`97.`) is skipped: JX003 reports it.

## Why it matters
The total decides the grade and is what gets published and compared; one that
does not add up was typed by hand or not updated after a change.

## Options
- `tolerance` (number): default half a unit of the last printed decimal.

## Source
domain-rules.md R14; seed 004 (闵行 协管员服装费, 人口督导工作经费, 人口工作).
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, half_unit, number, plain, unusable

CODE = "JX202"
NAME = "score-total-mismatch"
SEVERITY = "error"
GROUPS = ("totals",)
OPTIONS = {"tolerance": Option("decimal", None, "largest accepted difference (default: half a unit of the last printed decimal)")}
DOCS_ZH = """总分得分不等于各项得分之和。

## 检查什么
总分得分 = 预算执行得分 + 各计分指标行得分之和，允许相差总分所填最后一位小数的半个单位（或选项 `tolerance`）。合计中用到格式错误的数字（`97.`）时跳过，由 JX003 报告。

## 为什么重要
总分决定评分等级，也是对外公开和比较的数字；总分与各项得分对不上，说明是手工填写的，或修改后没有更新。

## 选项
- `tolerance`（数字）：默认为所填最后一位小数的半个单位。

## 依据
domain-rules.md R14；种子样本 004（闵行 协管员服装费、人口督导工作经费、人口工作）。
"""
MESSAGES = {
    "zh": {"sum": "总分得分 {score} ≠ 预算执行得分 {funds} + 各指标得分之和 {indicators} = {sum}"},
    "en": {"sum": "total score {score} ≠ execution score {funds} + indicator scores {indicators} = {sum}"},
}


def check(form, options):
    if form.total is None or not (form.complete("indicators") and form.complete("funds")):
        return
    cell = form.total.score
    score = number(cell)
    funds_cell = form.funds.total.score if form.funds is not None and form.funds.total is not None else None
    rows = [indicator.score for indicator in form.counted_indicators]
    if score is None or unusable(funds_cell, *rows):
        return
    values = [number(row) for row in rows]
    if any(value is None for value in values):
        return
    funds = number(funds_cell) or Decimal(0)
    indicators = sum(values, Decimal(0))
    if funds + indicators == score:
        return  # no tolerance (never negative) to work out
    tolerance = options["tolerance"]
    if tolerance is None:
        tolerance = half_unit(score)
    if abs(funds + indicators - score) > tolerance:
        args = {"score": plain(score), "funds": plain(funds), "indicators": plain(indicators), "sum": plain(funds + indicators)}
        related = tuple(item for item in (funds_cell, *rows) if item is not None)
        yield Finding(cell, "sum", args, "总分/得分", plain(funds + indicators), plain(score), related=related)
