"""The same indicator twice in one form.

## What it checks
Two counted rows with the same 三级指标 name and the same 年度指标值.

## Why it matters
A duplicated row counts its 分值 and 得分 twice, usually because rows were
copied while filling in the template.

## Source
domain-rules.md R6; seed 003 (宝山 物业服务经费) lists every indicator twice.
"""

from __future__ import annotations

from linter.rule import Finding
from linter.text import key

CODE = "JX007"
NAME = "duplicate-indicator"
SEVERITY = "warning"
GROUPS = ("structure",)
DOCS_ZH = """同一张表中同一指标出现两次。

## 检查什么
两行计分的指标，三级指标名称和年度指标值都相同。

## 为什么重要
重复的行会把分值和得分算两遍，通常是填表时复制行造成的。

## 依据
domain-rules.md R6；种子样本 003（宝山 物业服务经费）每个指标都列了两遍。
"""
MESSAGES = {
    "zh": {"duplicate": "指标「{name}」（{target}）重复，与第 {line} 行相同",
           "duplicate_located": "指标「{name}」（{target}）重复，与 {where} 相同"},
    "en": {"duplicate": "indicator '{name}' ({target}) is a duplicate of line {line}",
           "duplicate_located": "indicator '{name}' ({target}) is a duplicate of {where}"},
}


def check(form, options):
    seen = {}
    for indicator in form.counted_indicators:
        if indicator.name is None:
            continue
        target = indicator.target.text if indicator.target is not None else ""
        identity = (key(indicator.name.raw), key(target))
        if identity in seen:
            first = seen[identity]
            args = {"name": indicator.name.text, "target": target or "—", "line": first.span.line}
            yield Finding(indicator.name, "duplicate", args, indicator.path, related=(first.name,))
        else:
            seen[identity] = indicator
