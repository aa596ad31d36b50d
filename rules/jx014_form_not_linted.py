"""A recognised form that is not a self-evaluation form of a known template.

## What it checks
A form whose template is recognised but not linted: an older 共性指标 scoring
grid (项目决策 / 项目管理 / 项目绩效), 江苏's multi-sheet 绩效报告表, a
绩效目标申报表 (targets only, no actuals or scores). One finding at its title
says what it is and what to do; nothing else is reported on it.

## Why it matters
Such a form is not a parse error, and it is not checked either: the reviewer
should know that it was seen and skipped, not believe that it passed.

## Failing example
    绩效目标申报表(基础设施建设类)
    (2022年度)
    项目名称	岳阳县2022年高标准农田建设项目

## Passing example
    财政项目支出绩效自评表
    （2024年度）
    项目名称	…

## Source
docs/templates.md (F7 共性指标评分表, F8 江苏 绩评基表, F10 申报表).
"""

from __future__ import annotations

from linter.ast import Span
from linter.rule import Finding

CODE = "JX014"
NAME = "form-not-linted"
SEVERITY = "warning"
GROUPS = ("structure",)
SCOPE = "all-forms"
MESSAGES = {
    "zh": {"skipped": "识别为「{template}」：{advice}"},
    "en": {"skipped": "recognised as '{template}': {advice}"},
}


def check(form, options):
    if not form.linted:
        span = form.span
        args = {"template": form.parameters.get("template_name", {}), "advice": form.parameters.get("advice", {})}
        yield Finding(Span(span.line, span.column, span.line, span.column), "skipped", args)
