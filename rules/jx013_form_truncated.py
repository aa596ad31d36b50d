"""A form stops before its end: a page cut off, a lost PDF page, a file that starts mid-form.

## What it checks
A form that ends before the last part of its template (the 绩效指标 table
without its 总分 row, a form cut after its 项目资金 table), or a text that
starts in the middle of a form (indicator rows and a 总分 row with no title
above). Reported once, at the last cell read, naming what is missing. Every
other rule still checks the parts that are there; no sum is checked over a part
that is missing.

## Why it matters
Published forms are often cut: a web page that shows the first thousand
characters, a PDF that lost its second page. What is there can still be
checked, but the form as a whole cannot be, and a reviewer should know.

## Failing example
    财政项目支出绩效自评表
    项目名称	协管员服装费
    项目资金 (万元)	年初预算数	全年预算数	全年执行数	分值	执行率	得分
    年度资金总额	10.13	0	0	10	0	0          ← the file ends here

## Passing example
    … 绩效指标 table …
    总分	100	90

## Source
docs/templates.md (template parts in order); ../shared/forms/other-provinces (every excerpt is cut).
"""

from __future__ import annotations

from linter.rule import Finding

CODE = "JX013"
NAME = "form-truncated"
SEVERITY = "warning"
GROUPS = ("structure",)
MESSAGES = {
    "zh": {"truncated": "{problem}"},
    "en": {"truncated": "{problem}"},
}


def check(form, options):
    for problem in form.problems:
        if problem.code == "form-truncated":
            yield Finding(problem.span, "truncated", {"problem_id": problem.message_id, **problem.args})
