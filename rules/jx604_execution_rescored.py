"""The budget execution rate scored again as an indicator.

## What it checks
On a form whose funds block scores the execution rate (the total row has a 分值
or 得分), a counted indicator row with a 分值 whose 三级 name measures the same
rate: a name containing one of the template's words
(`scoring.execution_indicators`: 预算执行率, 资金执行率, 资金支出率, 预算支出率,
支出进度), or one of the `words` option.

## Why it matters
The execution rate already earns its points in the funds block (10 on the
national form); scoring it again as an output indicator counts the same fact
twice and leaves fewer points for what the money achieved.

## Options
- `words` (list of texts): more names that measure the execution rate, added to the template's.

## Source
domain-rules.md §8 (plausibility; execution scored in the funds block, R9); the
national template scores 执行率 once, in 项目资金 (分值 10).
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.rule import Finding, Option, number, plain
from linter.text import key

CODE = "JX604"
NAME = "execution-rescored"
SEVERITY = "info"
GROUPS = ("plausibility",)
OPTIONS = {"words": Option("str-list", (), "more 三级 names that measure the execution rate")}
DOCS_ZH = """预算执行率又被当作绩效指标重复计分。

## 检查什么
资金表已对执行率计分（总额行有分值或得分）的表中，有分值的计分指标行，其三级指标名称衡量的也是执行率：名称中含有模板列出的用语（`scoring.execution_indicators`：预算执行率、资金执行率、资金支出率、预算支出率、支出进度），或选项 `words` 中的用语。

## 为什么重要
执行率已在资金表中计分（全国模板 10 分）；再作为产出指标计分，同一件事算了两次，留给资金使用成效的分值就少了。

## 选项
- `words`（文字列表）：模板用语之外，其他衡量执行率的指标名称。

## 依据
domain-rules.md §8（合理性检查；执行率在资金表中计分，R9）；全国模板只在项目资金表中对执行率计分一次（分值 10）。
"""
MESSAGES = {
    "zh": {"rescored": "三级指标「{name}」（分值 {points}）又给预算执行率计分，而项目资金栏已按执行率计分（分值 {execution}）"},
    "en": {"rescored": "the indicator '{name}' (points {points}) scores the execution rate again, already scored in the funds block (points {execution})"},
}


def check(form, options):
    row = form.funds.total if form.funds is not None else None
    if row is None or (number(row.points) is None and number(row.score) is None):
        return
    pattern = _words_regex((*((form.parameters.get("scoring") or {}).get("execution_indicators") or ()), *options["words"]))
    if pattern is None:
        return
    execution = number(row.points) if row.points is not None else None
    if execution is None:
        execution = form.parameters.get("execution_points")
    for indicator in form.counted_indicators:
        name, points = indicator.name, number(indicator.points)
        if name is None or name.uncertain or points is None or points <= 0:
            continue
        if not pattern.search(key(name.raw)):
            continue
        args = {"name": name.text, "points": plain(points), "execution": plain(execution) if execution is not None else "?"}
        yield Finding(name, "rescored", args, indicator.path, actual=name.text)


@lru_cache(maxsize=64)
def _words_regex(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any of the words (as matching keys) anywhere in a name's key; None when there is none."""
    keys = [word for word in (key(word) for word in words) if word]
    return re.compile("|".join(re.escape(word) for word in keys)) if keys else None
