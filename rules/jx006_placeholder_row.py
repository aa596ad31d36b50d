"""Unused template rows left in the form.

## What it checks
Rows of the indicator table that are only the template's placeholder:
`指标 2：` with nothing after it, `……`, `.....`. One finding per block of
consecutive placeholder rows.

## Why it matters
The published form was not cleaned up; a reviewer cannot tell a forgotten
indicator from an unused slot. Placeholder rows take part in no sum.

## Failing example
    	产出指标	数量指标	指标 1：根据协管员人数	81 套	100%	20	20
    			指标 2：

## Passing example
    	产出指标	数量指标	指标 1：根据协管员人数	81 套	100%	20	20

## Source
domain-rules.md R5; seed 004 (闵行 2022) keeps the national template's placeholders.
"""

from __future__ import annotations

from linter.rule import Finding

CODE = "JX006"
NAME = "placeholder-row"
SEVERITY = "warning"
GROUPS = ("structure",)
MESSAGES = {
    "zh": {
        "one": "未删除的模板占位行「{text}」",
        "block": "{count} 行未删除的模板占位行（「{text}」起）",
    },
    "en": {
        "one": "unused template row '{text}' left in the form",
        "block": "{count} unused template rows left in the form (from '{text}')",
    },
}


def check(form, options):
    block = []
    for indicator in [*form.indicators, None]:
        if indicator is not None and indicator.placeholder and not (indicator.name and indicator.name.uncertain):
            block.append(indicator)
            continue
        if block:
            first = block[0]
            message = "one" if len(block) == 1 else "block"
            yield Finding(first.name or first.span, message, {"count": len(block), "text": first.name.text}, first.path)
            block = []
