"""实际完成值 written as a target: with a comparator (`>=85%`, `=1个`).

## What it checks
On each counted indicator row, an 实际完成值 that carries a comparator
(`≥`, `≤`, `>`, `<`, `=` and their full-width forms) before its number. A
measured value is a number (`92%`, `1个`); a comparator belongs to the
年度指标值 only.

## Why it matters
An actual written as `>=85%` is the target copied into the actual column: the
form does not say what was achieved, and a full score on it is not earned from
any measurement.

## Source
domain-rules.md §7 (actuals copied from targets); seed 003 (宝山 2023) writes
`>=85%`, `=1个` and `=52次` as actuals on eight forms.
"""

from __future__ import annotations

from linter.rule import Finding

CODE = "JX305"
NAME = "actual-copied-from-target"
SEVERITY = "warning"
GROUPS = ("scoring",)
DOCS_ZH = """实际完成值照抄了年度指标值：带有比较符号（「>=85%」「=1个」）。

## 检查什么
每个计分指标行的实际完成值，数字前面带有比较符号（「≥」「≤」「>」「<」「=」及其全角写法）。实际完成值应当是实测的数字（「92%」「1个」），比较符号只属于年度指标值。

## 为什么重要
实际完成值写成「>=85%」，就是把年度指标值抄到了实际完成值一栏：表中没有说明实际完成了多少，据此给的满分也没有任何实测依据。

## 依据
domain-rules.md §7（照抄年度指标值的实际完成值）；种子样本 003（宝山 2023）有八张表把「>=85%」「=1个」「=52次」填作实际完成值。
"""
MESSAGES = {
    "zh": {"comparator": "实际完成值「{actual}」带有比较符「{comparator}」，像是照抄的年度指标值「{target}」；应填实际测得的值"},
    "en": {"comparator": "the actual '{actual}' carries the comparator '{comparator}', like the target '{target}' copied; write the measured value"},
}


def check(form, options):
    for indicator in form.counted_indicators:
        actual = indicator.actual
        if actual is None or actual.uncertain or actual.comparator is None or actual.number is None:
            continue
        target = indicator.target.text if indicator.target is not None else "—"
        args = {"actual": actual.text, "comparator": actual.comparator, "target": target}
        yield Finding(actual, "comparator", args, indicator.path, actual=actual.text)
