"""An actual far above its target, with no word on why.

## What it checks
On each counted row with a floor target (`≥`, `>` or none) and an actual in the
same unit, an actual of at least `ratio` (default 130 %) of the target, with the
偏差原因分析 empty.

## Why it matters
Over-achievement by a third or more usually means the target was set too low
(it measured nothing) or the actual counts something else; either deserves a
line of explanation, and next year's target should follow.

## Options
- `ratio` (number): the actual/target ratio from which an explanation is expected; default 1.3.

## Source
domain-rules.md §7 (targets set low; over-achievement explained); seed 001 (嘉定
2024): ≥200 days planned, 365 run.
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, number, plain
from linter.values import Target

CODE = "JX308"
NAME = "over-achievement-unexplained"
SEVERITY = "info"
GROUPS = ("scoring", "explanations")
OPTIONS = {"ratio": Option("decimal", Decimal("1.3"), "actual/target ratio from which an explanation is expected")}
DOCS_ZH = """实际完成值远超年度指标值，却没有说明原因。

## 检查什么
年度指标值为下限（「≥」「>」或没有比较符号）、实际完成值单位相同的计分指标行，实际完成值达到年度指标值的 `ratio` 倍（默认 130%）以上，而偏差原因分析及改进措施为空。

## 为什么重要
超额三分之一以上，通常说明目标定得太低（衡量不了什么），或实际完成值统计的是别的东西；两种情况都应写一句说明，下一年的目标也应随之调整。

## 选项
- `ratio`（数字）：实际完成值与年度指标值之比达到多少时需要说明；默认 1.3。

## 依据
domain-rules.md §7（目标定得偏低；超额完成需说明）；种子样本 001（嘉定 2024）：计划不少于 200 天，实际运行 365 天。
"""
MESSAGES = {
    "zh": {"over": "实际完成值 {actual} 是年度指标值 {target} 的 {percent}%，超额较多却未说明原因（指标是否定得过低？）"},
    "en": {"over": "the actual {actual} is {percent}% of the target {target}, far above it, with no explanation (was the target set too low?)"},
}


def check(form, options):
    ratio = options["ratio"]
    for indicator in form.counted_indicators:
        target, actual = indicator.target, indicator.actual
        if target is None or actual is None or target.uncertain or actual.uncertain or actual.comparator is not None:
            continue
        value, measured = target.value, number(actual)
        if not isinstance(value, Target) or value.number is None or value.number <= 0 or measured is None:
            continue
        if value.comparator not in (None, "≥", ">") or (value.unit or None) != (actual.unit or None):
            continue
        if measured < ratio * value.number or (indicator.reason is not None and indicator.reason.text):
            continue
        percent = plain((measured / value.number * 100).to_integral_value())
        args = {"actual": actual.text, "target": target.text, "percent": percent}
        yield Finding(actual, "over", args, indicator.path, actual=actual.text)
