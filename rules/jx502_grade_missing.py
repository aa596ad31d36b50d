"""No 评分等级 where the rule set requires one.

## What it checks
With the `required` option on (the 嘉定 2024 rule set turns it on: the district
prints a 评分等级 row under the 总分), a complete form without a 评分等级 row, or
with one left empty.

## Why it matters
Where the district's template asks for the grade, a form without it cannot be
ranked with the others, and the grade's agreement with the total (JX501) cannot
be checked.

## Options
- `required` (true or false): whether the 评分等级 row is required; default false.

## Source
domain-rules.md §9 (grades); seed 001 (嘉定 2024) prints 评分等级 on every form.
"""

from __future__ import annotations

from linter.rule import Finding, Option

CODE = "JX502"
NAME = "grade-missing"
SEVERITY = "warning"
GROUPS = ("grade",)
OPTIONS = {"required": Option("bool", False, "whether a 评分等级 row is required")}
DOCS_ZH = """规则集要求填写评分等级，表中却没有。

## 检查什么
开启选项 `required` 时（嘉定 2024 规则集开启：该区的表在总分下印有评分等级行），完整的表中没有评分等级行，或有这一行但没有填写。

## 为什么重要
区里的模板要求填写评分等级，缺了它，这张表就无法与其他表一起排序，评分等级与总分是否一致（JX501）也无法核对。

## 选项
- `required`（true 或 false）：是否必须有评分等级行；默认 false。

## 依据
domain-rules.md §9（评分等级）；种子样本 001（嘉定 2024）每张表都印有评分等级。
"""
MESSAGES = {
    "zh": {"missing": "本规则集要求「评分等级」，表中没有", "empty": "「评分等级」未填写"},
    "en": {"missing": "this rule set requires a 评分等级 (grade) row; the form has none", "empty": "the 评分等级 (grade) is empty"},
}


def check(form, options):
    if not options["required"] or not form.complete("total") or not form.structure_certain:
        return
    if form.grade is None:
        anchor = form.total.label if form.total is not None else form.span
        yield Finding(anchor, "missing", {}, "评分等级")
    elif not form.grade.raw:
        yield Finding(form.grade, "empty", {}, "评分等级")
