"""得分 above 分值, 得分 below 0, or 分值 not above 0.

## What it checks
On every counted indicator row and on the 年度资金总额 row: 0 ≤ 得分 ≤ 分值
and 分值 > 0.

## Why it matters
A score can never exceed its weight, and a weight of 0 means the indicator
does not count at all; both point to a typing or copying error.

## Source
domain-rules.md R15 (provincial systems refuse 得分 > 分值 and 分值 ≤ 0).
"""

from __future__ import annotations

from linter.rule import Finding, number, plain

CODE = "JX203"
NAME = "score-out-of-range"
SEVERITY = "error"
GROUPS = ("totals",)
DOCS_ZH = """得分高于分值、得分低于 0，或分值不大于 0。

## 检查什么
每个计分指标行和年度资金总额行：0 ≤ 得分 ≤ 分值，且分值 > 0。

## 为什么重要
得分不能超过分值；分值为 0 等于这个指标不计分。两者都说明有录入或复制错误。

## 依据
domain-rules.md R15（各省系统都不接受得分 > 分值和分值 ≤ 0）。
"""
MESSAGES = {
    "zh": {
        "above": "得分 {score} 高于分值 {points}",
        "negative": "得分 {score} 小于 0",
        "points": "分值 {points} 应大于 0",
    },
    "en": {
        "above": "score {score} is above its points {points}",
        "negative": "score {score} is below 0",
        "points": "points {points} must be above 0",
    },
}


def _rows(form):
    if form.funds is not None and form.funds.total is not None:
        yield form.funds.total.points, form.funds.total.score, "项目资金/年度资金总额"
    for indicator in form.counted_indicators:
        yield indicator.points, indicator.score, indicator.path


def check(form, options):
    for points_cell, score_cell, path in _rows(form):
        points, score = number(points_cell), number(score_cell)
        if points is not None and points <= 0:
            yield Finding(points_cell, "points", {"points": plain(points)}, path)
        if score is None:
            continue
        if score < 0:
            yield Finding(score_cell, "negative", {"score": plain(score)}, path, "0", plain(score))
        elif points is not None and score > points > 0:
            yield Finding(score_cell, "above", {"score": plain(score), "points": plain(points)}, path, plain(points), plain(score))

