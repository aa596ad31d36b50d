"""Points deducted though the target was met.

## What it checks
On each counted row whose actual meets its target (a number in the target's
unit that satisfies its comparator, `≥90%` → `95%`; or a completion word that
says so, `达成年度指标`), that 得分 is not below 分值.

## Why it matters
The scoring rules give full points for a met target; a deduction without a
shortfall is either a slip or a shortfall that the form does not show, and the
total is lower than the form's own figures justify.

## Source
domain-rules.md §4 (正向/反向 scoring, full points when met); seed 004 (闵行 2022)
scores rows 9 of 10 with target and actual both 100%.
"""

from __future__ import annotations

from linter.rule import Finding, number, plain
from rules.scoring import meets

CODE = "JX301"
NAME = "deduction-without-shortfall"
SEVERITY = "warning"
GROUPS = ("scoring",)
DOCS_ZH = """已达到年度指标值却扣了分。

## 检查什么
实际完成值已达到年度指标值的计分指标行（与年度指标值单位相同的数字满足其比较符号，如「≥90%」对「95%」；或写明已达成的完成程度用语，如「达成年度指标」），得分不应低于分值。

## 为什么重要
评分规则规定达到目标的指标得满分；没有差距却扣了分，要么是笔误，要么是表中没有写出的差距，而总分也低于表中数据应得的分数。

## 依据
domain-rules.md §4（正向/反向指标的计分方法，达到目标得满分）；种子样本 004（闵行 2022）有年度指标值和实际完成值都是 100% 却 10 分只得 9 分的行。
"""
MESSAGES = {
    "zh": {"deducted": "实际完成值「{actual}」已达到年度指标值「{target}」，得分 {score} 却低于分值 {points}"},
    "en": {"deducted": "the actual '{actual}' meets the target '{target}', yet the score {score} is below the points {points}"},
}


def check(form, options):
    for indicator in form.counted_indicators:
        points, score = number(indicator.points), number(indicator.score)
        if points is None or score is None or score >= points or meets(indicator, form.parameters) is not True:
            continue
        args = {"actual": indicator.actual.text, "target": indicator.target.text, "score": plain(score), "points": plain(points)}
        yield Finding(indicator.score, "deducted", args, indicator.path, plain(points), plain(score))
