"""The structure of the form cannot be read.

## What it checks
A form whose rows are not in the template's order, or that lacks a part the
template requires (the 项目资金 table, the 绩效指标 table). When the damage is
cheap to repair (a missing section header), the form is repaired, this is
reported once, and the rest of the form is still checked.

## Why it matters
A form that cannot be read cannot be checked; a repaired one may hide a
deleted row.

## Source
The national template (财预〔2020〕10号 annex), domain-rules.md R1, R2.
"""

from __future__ import annotations

from linter.rule import Finding

CODE = "JX001"
NAME = "parse-error"
SEVERITY = "error"
GROUPS = ("structure",)
SCOPE = "all-forms"
DOCS_ZH = """无法识别表格结构。

## 检查什么
各行的顺序与模板不符，或缺少模板规定的部分（项目资金表、绩效指标表）的自评表。缺损容易修补时（例如缺一行表头），按缺失处理，报告一次，并继续检查表中其余部分。

## 为什么重要
读不懂的表无法检查；修补后读取的表可能掩盖了被删掉的行，需要人工核对。

## 依据
全国模板（财预〔2020〕10号附件）；domain-rules.md R1、R2。
"""
MESSAGES = {
    "zh": {"parse": "{problem}"},
    "en": {"parse": "{problem}"},
}


def check(form, options):
    for problem in form.problems:
        if problem.code == "parse-error":
            yield Finding(problem.span, "parse", {"problem_id": problem.message_id, **problem.args})
