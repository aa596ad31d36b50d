"""年度指标值 and 实际完成值 in different units (`81 套` against `100%`).

## What it checks
On each counted indicator row whose 年度指标值 and 实际完成值 are both a
number with a unit, that the units are the same (`(个)` and `个` are the same
unit; `万元` and `元` are not). A deadline's words are not a unit: `9月前` and
`7月` are both in months.

## Why it matters
An actual in another unit cannot be compared with its target: `100%` against a
target of `81 套` says nothing of how many sets were delivered, and a score
computed from it is a guess.

## Failing example
    	产出指标	数量指标	采购设备数量	81 套	100%	10	10

## Passing example
    	产出指标	数量指标	采购设备数量	81 套	81 套	10	10

## Source
domain-rules.md §7 (target and actual in one unit); seed 004 (闵行 2022):
`81 套`, `4 台` and `350 万` against `100%`.
"""

from __future__ import annotations

import re

from linter.rule import Finding
from linter.text import key

# `9月前`, `11月底前`, `30日内`: the unit is the month or day, the rest says "by then".
_DEADLINE_RE = re.compile(r"(?:底?(?:以|之)?前|以?内|底)$")

CODE = "JX306"
NAME = "unit-mismatch"
SEVERITY = "warning"
GROUPS = ("scoring",)
MESSAGES = {
    "zh": {"unit": "年度指标值「{target}」的单位是「{target_unit}」，实际完成值「{actual}」的单位却是「{actual_unit}」，二者无法比较"},
    "en": {"unit": "the target '{target}' is in '{target_unit}' but the actual '{actual}' is in '{actual_unit}': they cannot be compared"},
}


def check(form, options):
    for indicator in form.counted_indicators:
        target, actual = indicator.target, indicator.actual
        if target is None or actual is None or target.uncertain or actual.uncertain:
            continue
        if target.number is None or actual.number is None or not target.unit or not actual.unit:
            continue
        if _unit(target.unit) == _unit(actual.unit):
            continue
        args = {"target": target.text, "target_unit": target.unit, "actual": actual.text, "actual_unit": actual.unit}
        yield Finding(actual, "unit", args, indicator.path, expected=target.unit, actual=actual.unit)


def _unit(unit: str) -> str:
    return _DEADLINE_RE.sub("", key(unit)) or key(unit)
