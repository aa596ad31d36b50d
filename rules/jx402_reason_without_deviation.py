"""A reason given on a row with full marks whose actual meets its target.

## What it checks
A counted indicator row with 得分 = 分值, an 实际完成值 that meets its
年度指标值, and a 偏差原因分析及改进措施 filled anyway. "Meets" is decided
only when it can be: a number against `≥ > = ≤ <` and a number in the same
unit, or a qualitative target repeated (`及时` / `及时`) or a completion level
`达成…`; otherwise the row is not reported.

## Why it matters
Either the reason describes a real shortfall and the score is too high, or it
is left over from a copied form.

## Source
domain-rules.md R26; seed 003 (宝山 政府购买服务人员专项经费).
"""

from __future__ import annotations

from linter.rule import Finding, number
from linter.values import Target

CODE = "JX402"
NAME = "reason-without-deviation"
SEVERITY = "info"
GROUPS = ("explanations",)
DOCS_ZH = """满分且达到目标的指标却填写了偏差原因。

## 检查什么
得分等于分值、实际完成值达到年度指标值的计分指标行，却填写了偏差原因分析及改进措施。「达到」只在能判断时才判断：比较符号加数字对同一单位的数字，或定性目标原样重复（「及时」对「及时」），或完成程度为「达成…」；否则不报告该行。

## 为什么重要
要么原因里写的是真实存在的差距，得分给高了；要么是从别的表复制过来的遗留内容。

## 依据
domain-rules.md R26；种子样本 003（宝山 政府购买服务人员专项经费）。
"""
MESSAGES = {
    "zh": {"reason": "已得满分且实际完成值「{actual}」达到年度指标值「{target}」，却填写了偏差原因「{reason}」"},
    "en": {"reason": "full marks and the actual '{actual}' meets the target '{target}', yet a deviation reason is given: '{reason}'"},
}


def meets(target: Target, actual) -> bool | None:
    """Whether the actual meets the target; None when it cannot be told."""
    if target.text is not None:
        actual_text = actual.text if actual is not None else ""
        if actual_text == target.text or actual_text.startswith("达成"):
            return True
        return None
    value = number(actual)
    if value is None or target.number is None or (actual.unit and target.unit and actual.unit != target.unit):
        return None
    comparator = target.comparator or "≥"
    return {
        "≥": value >= target.number, ">": value > target.number, "=": value >= target.number,
        "≤": value <= target.number, "<": value < target.number,
    }[comparator]


def check(form, options):
    for indicator in form.counted_indicators:
        reason, target = indicator.reason, indicator.target
        points, score = number(indicator.points), number(indicator.score)
        if reason is None or not reason.text or points is None or score != points or target is None:
            continue
        if isinstance(target.value, Target) and meets(target.value, indicator.actual):
            args = {"actual": indicator.actual.text, "target": target.text, "reason": reason.text}
            yield Finding(reason, "reason", args, indicator.path)
