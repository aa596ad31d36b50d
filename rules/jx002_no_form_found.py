"""A linted file holds no 项目支出绩效自评表.

## What it checks
A text file in which no form title (`财政项目支出绩效自评表`,
`项目支出绩效自评表`) is found.

## Why it matters
Either the wrong file is being linted, or the title was lost in extraction,
in which case none of the forms in it are checked.

## Failing example
    会议纪要
    第一条 …

## Passing example
    财政项目支出绩效自评表
    （2024年度）
    …

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
MESSAGES = {
    "zh": {"none": "文件中没有找到「项目支出绩效自评表」"},
    "en": {"none": "no 项目支出绩效自评表 found in this file"},
}


def check(document, options):
    if not document.forms and not document.problems:
        yield Finding(Span(1, 1, 1, 1), "none")
