"""Every indicator at full marks, every actual a copy of its target.

## What it checks
A form with at least `minimum` (default 3) counted indicator rows, each scored at
its full 分值 and each with an 实际完成值 that repeats its 年度指标值: the same text
(`有效` / `有效`, `=1个` / `=1个`), or the target's number in its unit with the
comparator dropped (`≥90%` / `90%`, `100%` / `100%`). The finding points at the
first row's 实际完成值 and lists the others.

## Why it matters
A self-evaluation whose actuals only restate the targets measured nothing: the
full marks rest on the targets, not on what was done. Reviewers send such forms
back for real figures (domain-rules.md R30).

## Options
- `minimum` (whole number): the fewest counted rows a form needs for the check; default 3.

## Source
domain-rules.md §7 R30 (targets copied into actuals, every row at full marks); seed 003
(宝山 2023) 区域运中心视频会商系统: every actual a copy of its target, 100 of 100.
"""

from __future__ import annotations

from linter.rule import Finding, Option, number
from linter.text import key
from linter.values import Target

CODE = "JX602"
NAME = "uniform-full-marks"
SEVERITY = "info"
GROUPS = ("plausibility",)
OPTIONS = {"minimum": Option("int", 3, "the fewest counted indicator rows a form needs for the check")}
DOCS_ZH = """所有指标都是满分，实际完成值全部照抄年度指标值。

## 检查什么
计分指标行不少于 `minimum`（默认 3）行的表，每行都得满分，且每行的实际完成值都重复年度指标值：文字相同（「有效」对「有效」、「=1个」对「=1个」），或去掉比较符号后数字和单位相同（「≥90%」对「90%」、「100%」对「100%」）。

## 为什么重要
实际完成值只是重复年度指标值的自评什么也没有衡量：满分依据的是目标，而不是实际做了什么。审核人员会把这样的表退回，要求填写实际数据（domain-rules.md R30）。

## 选项
- `minimum`（整数）：检查所需的最少计分指标行数；默认 3。

## 依据
domain-rules.md §7 R30（实际完成值照抄年度指标值，每行满分）；种子样本 003（宝山 2023）区域运中心视频会商系统：每个实际完成值都照抄年度指标值，100 分得 100 分。
"""
MESSAGES = {
    "zh": {"uniform": "全部 {count} 项指标均得满分，且实际完成值都照抄年度指标值（如「{target}」→「{actual}」），未反映实际完成情况"},
    "en": {"uniform": "all {count} indicators score full marks and every actual repeats its target (such as '{target}' → '{actual}'): nothing was measured"},
}
_COMPARATOR_CHARS = "≥≤=><"


def _repeats(indicator) -> bool:
    target, actual = indicator.target, indicator.actual
    if not target.raw.strip() or not actual.raw.strip():
        return False
    if key(actual.raw) == key(target.raw):
        return True
    value = target.value
    measured = number(actual)
    if isinstance(value, Target) and value.number is not None and measured is not None:
        return measured == value.number and (actual.unit or None) == (value.unit or None)
    return key(actual.raw).lstrip(_COMPARATOR_CHARS) == key(target.raw).lstrip(_COMPARATOR_CHARS)


def check(form, options):
    if not form.structure_certain or not form.complete("indicators"):
        return
    rows = form.counted_indicators
    if len(rows) < max(1, options["minimum"]):
        return
    for indicator in rows:
        for cell in (indicator.target, indicator.actual, indicator.points, indicator.score):
            if cell is None or cell.uncertain:
                return
        points = number(indicator.points)
        if points is None or points <= 0 or number(indicator.score) != points or not _repeats(indicator):
            return
    first = rows[0]
    args = {"count": len(rows), "target": first.target.text, "actual": first.actual.text}
    related = tuple(indicator.actual for indicator in rows[1:])
    yield Finding(first.actual, "uniform", args, first.path, actual=first.actual.text, related=related)
