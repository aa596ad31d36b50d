"""Full points though the target was missed.

## What it checks
On each counted row whose actual misses its target (a number in the target's
unit that fails its comparator, `≥12次` → `10次`; or a completion word that says
so, `部分达成`, `未达成`), that 得分 is below 分值.

## Why it matters
A missed target earns part of the points at most (in proportion, or within the
band of its completion level); full points on a shortfall inflate the
self-score.

## Failing example
    	产出指标	数量指标	系统维护次数	≥12次	10次	30	30

## Passing example
    	产出指标	数量指标	系统维护次数	≥12次	10次	30	25	因设备停机少维护 2 次

## Source
domain-rules.md §4 (printed scoring rules of the national, 湖北 and 衔接资金 templates).
"""

from __future__ import annotations

from linter.rule import Finding, number, plain
from rules.scoring import meets

CODE = "JX302"
NAME = "full-score-despite-shortfall"
SEVERITY = "warning"
GROUPS = ("scoring",)
MESSAGES = {
    "zh": {"full": "实际完成值「{actual}」未达到年度指标值「{target}」，却得满分 {score}"},
    "en": {"full": "the actual '{actual}' misses the target '{target}', yet the score is the full {score}"},
}


def check(form, options):
    for indicator in form.counted_indicators:
        points, score = number(indicator.points), number(indicator.score)
        if points is None or score is None or score < points or meets(indicator, form.parameters) is not False:
            continue
        args = {"actual": indicator.actual.text, "target": indicator.target.text, "score": plain(score)}
        yield Finding(indicator.score, "full", args, indicator.path, actual=plain(score))
