"""A recognised form that is not a self-evaluation form of a known template.

## What it checks
A form whose template is recognised but not linted: an older 共性指标 scoring
grid (项目决策 / 项目管理 / 项目绩效), 江苏's multi-sheet 绩效报告表, a
绩效目标申报表 (targets only, no actuals or scores). One finding at its title
says what it is and what to do; nothing else is reported on it.

## Why it matters
Such a form is not a parse error, and it is not checked either: the reviewer
should know that it was seen and skipped, not believe that it passed.

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
DOCS_ZH = """识别出的表不是已知模板的自评表，未作检查。

## 检查什么
模板能识别但不检查的表：旧式共性指标评分表（项目决策 / 项目管理 / 项目绩效）、江苏的多页绩效报告表、绩效目标申报表（只有目标，没有实际完成值和得分）。在表名处报告一次，说明是什么表、该怎么做；对这张表不再报告其他问题。

## 为什么重要
这样的表不算结构错误，但也没有被检查：审核人员应当知道它被识别并跳过了，而不是以为它通过了检查。

## 依据
docs/templates.md（F7 共性指标评分表、F8 江苏 绩评基表、F10 申报表）。
"""
MESSAGES = {
    "zh": {"skipped": "识别为「{template}」：{advice}"},
    "en": {"skipped": "recognised as '{template}': {advice}"},
}


def check(form, options):
    if not form.linted:
        span = form.span
        args = {"template": form.parameters.get("template_name", {}), "advice": form.parameters.get("advice", {})}
        yield Finding(Span(span.line, span.column, span.line, span.column), "skipped", args)
