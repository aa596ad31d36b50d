"""A 年度指标值 that cannot fail.

## What it checks
A quantitative target of the form `≥0` or `>0` (or `≥` a `minimum` option),
which any result meets, even doing nothing.

## Why it matters
A target that cannot be missed measures nothing; reviewers cut the score of
an indicator whose target was set too low.

## Failing example
    应用场景开发数量 ≥0.00(个) 1.00(个) 10.00 10.00

## Passing example
    应用场景开发数量 ≥1.00(个) 1.00(个) 10.00 10.00

## Options
- `minimum` (number): targets at or below it are reported; default 0.

## Source
domain-rules.md R18, R31 (财预〔2020〕10号: a target set too low is scored down).
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option
from linter.values import Target

CODE = "XM001"
NAME = "target-cannot-fail"
SEVERITY = "warning"
GROUPS = ("targets",)
OPTIONS = {"minimum": Option("decimal", Decimal(0), "targets at or below this are reported")}
MESSAGES = {
    "zh": {"trivial": "年度指标值「{target}」任何结果都能达到，无法衡量绩效"},
    "en": {"trivial": "the target '{target}' is met by any result; it measures nothing"},
}


def check(form, options):
    for indicator in form.counted_indicators:
        target = indicator.target
        value = target.value if target is not None else None
        trivial = isinstance(value, Target) and value.comparator in ("≥", ">") and value.number is not None
        if trivial and value.number <= options["minimum"]:
            yield Finding(target, "trivial", {"target": target.text}, indicator.path)
