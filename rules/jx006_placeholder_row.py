"""Unused template rows left in the form.

## What it checks
Rows of the indicator table that are only the template's placeholder:
`指标 2：` with nothing after it, `……`, `.....`. One finding per block of
consecutive placeholder rows.

## Why it matters
The published form was not cleaned up; a reviewer cannot tell a forgotten
indicator from an unused slot. Placeholder rows take part in no sum.

## Source
domain-rules.md R5; seed 004 (闵行 2022) keeps the national template's placeholders.
"""

from __future__ import annotations

from linter.rule import Finding

CODE = "JX006"
NAME = "placeholder-row"
SEVERITY = "warning"
GROUPS = ("structure",)
DOCS_ZH = """表中留有未使用的模板行。

## 检查什么
绩效指标表中只有模板占位内容的行：「指标 2：」后面什么也没写、「……」「.....」。连续的占位行作为一块，只报告一次。

## 为什么重要
说明发布前没有清理表格，审核人员分不清是漏填了指标还是空着的位置。占位行不参与任何合计。

## 依据
domain-rules.md R5；种子样本 004（闵行 2022）保留了全国模板的占位行。
"""
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
