"""A 一级 block the template requires is absent or only placeholders.

## What it checks
Every 一级指标 named in the option `required` has at least one counted row
(not a placeholder, not declared empty with `无`).

## Why it matters
A form without 产出, 效益 or 满意度 indicators does not evaluate the project;
the points meant for the missing block were given elsewhere.

## Options
- `required` (list of texts): 一级 blocks every form must have; default the form
  template's weighted sections (产出指标, 效益指标, 满意度指标 on the national form); the
  Jiading 2024 rule set adds 成本指标. Silent on a truncated form.

## Source
domain-rules.md R4, R5, R16 (national default weights 产出 50, 效益 30, 满意度 10).
"""

from __future__ import annotations

from linter.rule import Finding, Option

CODE = "JX009"
NAME = "missing-indicator-section"
SEVERITY = "warning"
GROUPS = ("structure",)
OPTIONS = {
    "required": Option("str-list", None, "一级 blocks every form must have (default: the form template's weighted sections)")
}
DOCS_ZH = """模板要求的一级指标块缺失或只有占位行。

## 检查什么
选项 `required` 列出的每个一级指标下，至少有一行计分的指标（不是占位行，也不是写「无」声明为空的行）。

## 为什么重要
没有产出、效益或满意度指标的表没有评价这个项目；本应给缺失指标块的分值被放到了别处。

## 选项
- `required`（文字列表）：每张表都必须有的一级指标；默认取表格模板中有权重的指标块（全国模板为产出指标、效益指标、满意度指标），嘉定 2024 规则集加上成本指标。表不完整时不检查。

## 依据
domain-rules.md R4、R5、R16（全国模板默认权重：产出 50、效益 30、满意度 10）。
"""
MESSAGES = {
    "zh": {
        "absent": "缺少一级指标「{block}」",
        "empty": "一级指标「{block}」下只有占位行或「无」，没有实际指标",
    },
    "en": {
        "absent": "the first-level block '{block}' is missing",
        "empty": "the first-level block '{block}' has only placeholders or 无, no real indicator",
    },
}


def check(form, options):
    if not form.complete("indicators") or not form.structure_certain:
        return
    required = options["required"]
    if required is None:
        required = tuple(form.parameters.get("section_weights", {}))
    first_label = {}
    counted = set()
    for indicator in form.indicators:
        if indicator.level1 is None:
            continue
        first_label.setdefault(indicator.level1.name, indicator.level1.cell)
        if indicator.counts:
            counted.add(indicator.level1.name)
    anchor = form.total.label if form.total is not None else form.title or form.span
    for block in required:
        if block not in first_label:
            yield Finding(anchor, "absent", {"block": block}, f"绩效指标/{block}")
        elif block not in counted:
            yield Finding(first_label[block], "empty", {"block": block}, f"绩效指标/{block}")
