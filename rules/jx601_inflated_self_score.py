"""Nothing spent, yet the output indicators keep full marks.

## What it checks
A form whose 年度资金总额 shows nothing spent (全年执行数 0) or its budget cut to
nothing (全年预算数 0), while indicators of its output blocks (the template's
`output_blocks`: 产出指标 and 成本指标 on the national form) still score their full
分值.

## Why it matters
Outputs bought with money that was not spent cannot be complete: full marks on
them inflate the self-score, the pattern reviewers look for first.

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
DOCS_ZH = """资金没有支出，产出类指标却仍得满分。

## 检查什么
年度资金总额显示没有支出（全年执行数为 0）或预算被调减为 0（全年预算数为 0），而产出类指标块（模板的 `output_blocks`：全国模板为产出指标和成本指标）中仍有指标得到满分。

## 为什么重要
钱没有花出去，用钱买的产出不可能已经完成：这些指标的满分虚高了自评得分，这正是审核人员最先查找的情形。

## 依据
domain-rules.md §8（合理性检查）；种子样本 001（嘉定 2024）政府聘用辅助人员经费：没有支出，却得满分。
"""
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
