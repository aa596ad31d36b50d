"""A linted file holds no 项目支出绩效自评表.

## What it checks
A text file in which no form title (`财政项目支出绩效自评表`,
`项目支出绩效自评表`) is found.

## Why it matters
Either the wrong file is being linted, or the title was lost in extraction,
in which case none of the forms in it are checked.

## Source
The national template's title (domain-rules.md R1).
"""

from __future__ import annotations

from linter.ast import Span
from linter.rule import Finding

CODE = "JX002"
NAME = "no-form-found"
SEVERITY = "warning"
GROUPS = ("structure",)
SCOPE = "document"
DOCS_ZH = """文件中没有项目支出绩效自评表。

## 检查什么
文本文件中找不到自评表的表名（「财政项目支出绩效自评表」「项目支出绩效自评表」）。

## 为什么重要
要么检查的不是自评表文件，要么表名在导出时丢失了；后一种情况下，文件中的表一张也没有被检查。

## 依据
全国模板的表名（domain-rules.md R1）。
"""
MESSAGES = {
    "zh": {"none": "文件中没有找到「项目支出绩效自评表」"},
    "en": {"none": "no 项目支出绩效自评表 found in this file"},
}


def check(document, options):
    if not document.forms and not document.problems:
        yield Finding(Span(1, 1, 1, 1), "none")
