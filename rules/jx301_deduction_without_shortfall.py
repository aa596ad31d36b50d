"""Points deducted though the target was met.

## What it checks
On each counted row whose actual meets its target (a number in the target's
unit that satisfies its comparator, `≥90%` → `95%`; or a completion word that
says so, `达成年度指标`), that 得分 is not below 分值.

## Why it matters
The scoring rules give full points for a met target; a deduction without a
shortfall is either a slip or a shortfall that the form does not show, and the
total is lower than the form's own figures justify.

## Failing example
    	产出指标	质量指标	验收合格率	100%	100%	10	9

## Passing example
    	产出指标	质量指标	验收合格率	100%	100%	10	10

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
