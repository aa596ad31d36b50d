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

## Source
domain-rules.md §7 (target and actual in one unit); seed 004 (闵行 2022):
`81 套`, `4 台` and `350 万` against `100%`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.rule import Finding
from linter.text import key

# `9月前`, `11月底前`, `30日内`: the unit is the month or day, the rest says "by then".
_DEADLINE_RE = re.compile(r"(?:底?(?:以|之)?前|以?内|底)$")

CODE = "JX306"
NAME = "unit-mismatch"
SEVERITY = "warning"
GROUPS = ("scoring",)
DOCS_ZH = """年度指标值与实际完成值的单位不同（「81 套」对「100%」）。

## 检查什么
年度指标值和实际完成值都是带单位的数字的计分指标行，两者单位应当相同（「(个)」与「个」是同一单位；「万元」与「元」不是）。时限用语不算单位：「9月前」和「7月」都以月计。

## 为什么重要
单位不同的实际完成值无法与年度指标值比较：年度指标值是「81 套」，实际填「100%」，看不出交付了多少套，据此算出的得分也只是猜测。

## 依据
domain-rules.md §7（年度指标值与实际完成值使用同一单位）；种子样本 004（闵行 2022）：「81 套」「4 台」「350 万」对「100%」。
"""
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


@lru_cache(maxsize=1024)  # units are few and recur on every row
def _unit(unit: str) -> str:
    return _DEADLINE_RE.sub("", key(unit)) or key(unit)
