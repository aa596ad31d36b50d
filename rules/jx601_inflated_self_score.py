"""Nothing spent, yet the output indicators keep full marks.

## What it checks
A form whose 年度资金总额 shows nothing spent (全年执行数 0) or its budget cut to
nothing (全年预算数 0), while indicators of its output blocks (the template's
`output_blocks`: 产出指标 and 成本指标 on the national form) still score their full
分值.

## Why it matters
Outputs bought with money that was not spent cannot be complete: full marks on
them inflate the self-score, the pattern reviewers look for first.

## Failing example
    	年度资金总额	1.75	1.75	0.00	10.00	0.00	0.00
    	产出指标	数量指标	辅助人员人数	≥2人	2人	20	20

## Passing example
    	年度资金总额	1.75	1.75	0.00	10.00	0.00	0.00
    	产出指标	数量指标	辅助人员人数	≥2人	0人	20	0	经费未下达，未招聘

## Source
domain-rules.md §8 (plausibility); seed 001 (嘉定 2024) 政府聘用辅助人员经费:
nothing spent, full marks.
"""

from __future__ import annotations

from linter.rule import Finding, number, plain

CODE = "JX601"
NAME = "inflated-self-score"
SEVERITY = "warning"
GROUPS = ("plausibility",)
MESSAGES = {
    "zh": {"spent": "{what}为 0，产出类指标却有 {count} 项得满分（如「{example}」），自评分可能偏高"},
    "en": {"spent": "{what_en} is 0, yet {count} output indicators keep full marks (such as '{example}'): the self-score may be inflated"},
}


def check(form, options):
    row = form.funds.total if form.funds is not None else None
    if row is None or not form.structure_certain:
        return
    executed, budget = number(row.executed), number(row.budget)
    if executed != 0 and budget != 0:
        return
    blocks = form.parameters.get("output_blocks") or ()
    full = [
        indicator for indicator in form.counted_indicators
        if indicator.level1 is not None and indicator.level1.name in blocks
        and number(indicator.points) is not None and number(indicator.points) > 0
        and number(indicator.score) == number(indicator.points)
    ]
    if not full:
        return
    cell = row.budget if budget == 0 else row.executed
    what = ("全年预算数", "the year's budget") if budget == 0 else ("全年执行数", "the amount spent")
    args = {"what": what[0], "what_en": what[1], "count": len(full), "example": full[0].name.text if full[0].name else "?"}
    yield Finding(cell, "spent", args, f"项目资金/{row.label.text}", actual=plain(number(cell)))
