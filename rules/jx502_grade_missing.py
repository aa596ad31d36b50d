"""No 评分等级 where the rule set requires one.

## What it checks
With the `required` option on (the 嘉定 2024 rule set turns it on: the district
prints a 评分等级 row under the 总分), a complete form without a 评分等级 row, or
with one left empty.

## Why it matters
Where the district's template asks for the grade, a form without it cannot be
ranked with the others, and the grade's agreement with the total (JX501) cannot
be checked.

## Failing example
    总分	100	99.00
    (no 评分等级 row)

## Passing example
    总分	100	99.00
    评分等级	优

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
