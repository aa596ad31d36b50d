"""Full points though the target was missed.

## What it checks
On each counted row whose actual misses its target (a number in the target's
unit that fails its comparator, `≥12次` → `10次`; or a completion word that says
so, `部分达成`, `未达成`), that 得分 is below 分值.

## Why it matters
A missed target earns part of the points at most (in proportion, or within the
band of its completion level); full points on a shortfall inflate the
self-score.

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
DOCS_ZH = """未达到年度指标值却得了满分。

## 检查什么
实际完成值未达到年度指标值的计分指标行（与年度指标值单位相同的数字不满足其比较符号，如「≥12次」对「10次」；或写明未完全达成的用语，如「部分达成」「未达成」），得分应低于分值。

## 为什么重要
未达到的目标最多只能得部分分数（按比例，或按完成程度所在的档次）；差了目标还给满分，会虚高自评得分。

## 依据
domain-rules.md §4（全国模板、湖北模板和衔接资金模板印明的评分规则）。
"""
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
