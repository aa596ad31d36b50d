"""分值 or 得分 filled on a 其中 sub-row.

## What it checks
The rows under 其中 (当年财政拨款, 上年结转资金, 其他资金) carry amounts and may
carry their own 执行率, but their 分值 and 得分 cells are `—`.

## Why it matters
Only the 年度资金总额 row is scored; a score repeated on a sub-row can be
counted twice by whoever adds up the form.

## Failing example
    	其中：当年财政拨款	65.96	63.00	63.00	10	96%	9.6

## Passing example
    	其中：当年财政拨款	65.96	63.00	63.00	—	96%	—

## Source
domain-rules.md R2; seed 004 (闵行 2022).
"""

from __future__ import annotations

from linter.rule import Finding, number

CODE = "JX107"
NAME = "subrow-scored"
SEVERITY = "info"
GROUPS = ("money",)
MESSAGES = {
    "zh": {"scored": "「{label}」是其中的分项，{column}应为「—」，不应填 {value}"},
    "en": {"scored": "'{label}' is a sub-row; its {column} should be '—', not {value}"},
}


def check(form, options):
    if form.funds is None:
        return
    for row in form.funds.subrows:
        for cell, column in ((row.points, "分值"), (row.score, "得分")):
            if number(cell) is not None:
                args = {"label": row.label.text.rstrip("：:"), "column": column, "value": cell.raw}
                yield Finding(cell, "scored", args, f"项目资金/{row.label.text}/{column}")
