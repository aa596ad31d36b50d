"""A 年度指标值 that cannot fail: at least zero (`≥0`, `>=0.00(个)`).

## What it checks
On each counted indicator row, a 年度指标值 of `≥ 0` (in any unit or number
of decimals): any actual meets it.

## Why it matters
A target that cannot be missed measures nothing; the indicator's points are
given away whatever happened. Reported at info level: a reviewer decides
whether the indicator should be reset.

## Source
domain-rules.md §7 (targets that cannot fail); seed 001 (嘉定 2024) sets
`≥0.00(个)` for 应用场景开发数量.
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding

CODE = "JX307"
NAME = "unmeasurable-target"
SEVERITY = "info"
GROUPS = ("scoring",)
DOCS_ZH = """年度指标值不可能达不到：不低于零（「≥0」「>=0.00(个)」）。

## 检查什么
每个计分指标行的年度指标值是「≥ 0」（任何单位、任何小数位数）：无论实际完成多少都算达到。

## 为什么重要
不可能达不到的目标什么也衡量不了，无论实际情况如何，这个指标的分值都白送了。按「提示」级别报告，由审核人员判断是否应重新设定指标。

## 依据
domain-rules.md §7（不可能达不到的目标）；种子样本 001（嘉定 2024）把应用场景开发数量的年度指标值设为「≥0.00(个)」。
"""
MESSAGES = {
    "zh": {"zero": "年度指标值「{target}」是「不少于零」，任何实际值都能达成，衡量不了绩效"},
    "en": {"zero": "the target '{target}' is 'at least zero': any actual meets it, so it measures nothing"},
}


def check(form, options):
    for indicator in form.counted_indicators:
        target = indicator.target
        if target is None or target.uncertain or target.comparator != "≥" or target.number != Decimal(0):
            continue
        yield Finding(target, "zero", {"target": target.text}, indicator.path)
