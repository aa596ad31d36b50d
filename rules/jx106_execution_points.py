"""The budget-execution 分值 is not the rule set's value.

## What it checks
The 分值 of the 年度资金总额 row equals the `points` option (10 by default).

## Why it matters
The national template gives budget execution 10 of the 100 points; another
value changes the weight of every indicator.

## Options
- `points` (number): default the form template's execution points (10 on the national
  form, 20 on 湖北's `预算执行情况(20分)`, or the weight printed in the funds header).

## Source
domain-rules.md R9, R13 (财预〔2020〕10号: execution weighs 10%; all seeds).
"""

from __future__ import annotations

from linter.rule import Finding, Option, number, plain

CODE = "JX106"
NAME = "execution-points"
SEVERITY = "warning"
GROUPS = ("money", "totals")
OPTIONS = {
    "points": Option("decimal", None, "分值 of budget execution (default: the form template's, 10 on the national form)")
}
DOCS_ZH = """预算执行分值不是规则集规定的值。

## 检查什么
年度资金总额行的分值等于选项 `points`（默认 10 分）。

## 为什么重要
全国模板中预算执行占 100 分中的 10 分；改成别的数值，每个指标的权重都随之改变。

## 选项
- `points`（数字）：默认取表格模板规定的预算执行分值（全国模板 10 分，湖北「预算执行情况(20分)」为 20 分，或资金表头标注的分值）。

## 依据
domain-rules.md R9、R13（财预〔2020〕10号：预算执行占 10%；所有种子样本）。
"""
MESSAGES = {
    "zh": {"points": "预算执行分值为 {points}，应为 {expected}"},
    "en": {"points": "budget execution is worth {points} points; it should be {expected}"},
}


def check(form, options):
    row = form.funds.total if form.funds is not None else None
    points = number(row.points) if row is not None else None
    expected = options["points"] if options["points"] is not None else form.parameters.get("execution_points")
    if points is not None and expected is not None and points != expected:
        args = {"points": plain(points), "expected": plain(expected)}
        yield Finding(row.points, "points", args, "项目资金/年度资金总额/分值", plain(expected), plain(points))
