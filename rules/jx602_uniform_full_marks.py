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

## Failing example
    	产出指标	数量指标	系统维护次数	≥12次	12次	30	30
    		质量指标	系统正常运行率	≥95%	95%	20	20
    	效益指标	社会效益指标	服务保障效果	有效	有效	30	30
    	满意度指标	服务对象满意度指标	使用人员满意度	≥85%	85%	10	10

## Passing example
    	产出指标	数量指标	系统维护次数	≥12次	12次	30	30
    		质量指标	系统正常运行率	≥95%	99%	20	20
    	效益指标	社会效益指标	服务保障效果	有效	有效	30	30
    	满意度指标	服务对象满意度指标	使用人员满意度	≥85%	90%	10	10

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
        cells = (indicator.target, indicator.actual, indicator.points, indicator.score)
        if any(cell is None or cell.uncertain for cell in cells):
            return
        points = number(indicator.points)
        if points is None or points <= 0 or number(indicator.score) != points or not _repeats(indicator):
            return
    first = rows[0]
    args = {"count": len(rows), "target": first.target.text, "actual": first.actual.text}
    related = tuple(indicator.actual for indicator in rows[1:])
    yield Finding(first.actual, "uniform", args, first.path, actual=first.actual.text, related=related)
