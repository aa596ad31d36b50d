"""The same indicator twice in one form.

## What it checks
Two counted rows with the same 三级指标 name and the same 年度指标值.

## Why it matters
A duplicated row counts its 分值 and 得分 twice, usually because rows were
copied while filling in the template.

## Failing example
    	产出指标	数量指标	物业管理人员配备	=2人	2人	10	10
    			物业管理人员配备	=2人	2人	10	10

## Passing example
    	产出指标	数量指标	物业管理人员配备	=2人	2人	20	20

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
