"""The structure of the form cannot be read.

## What it checks
A form whose rows are not in the template's order, or that lacks a part the
template requires (the 项目资金 table, the 绩效指标 table). When the damage is
cheap to repair (a missing section header), the form is repaired, this is
reported once, and the rest of the form is still checked.

## Why it matters
A form that cannot be read cannot be checked; a repaired one may hide a
deleted row.

## Failing example
    项目名称	协管员服装费
    年度资金总额	10.13	0	0	10	0	0      ← the 项目资金 header row is missing

## Passing example
    项目名称	协管员服装费
    主管部门	…	实施单位	…
    项目资金 (万元)	年初预算数	全年预算数	全年执行数	分值	执行率	得分
    年度资金总额	10.13	0	0	10	0	0

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
MESSAGES = {
    "zh": {"parse": "{problem}"},
    "en": {"parse": "{problem}"},
}


def check(form, options):
    for problem in form.problems:
        if problem.code == "parse-error":
            yield Finding(problem.span, "parse", {"problem_id": problem.message_id, **problem.args})
