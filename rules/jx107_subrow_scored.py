"""分值 or 得分 filled on a 其中 sub-row.

## What it checks
The rows under 其中 (当年财政拨款, 上年结转资金, 其他资金) carry amounts and may
carry their own 执行率, but their 分值 and 得分 cells are `—`.

## Why it matters
Only the 年度资金总额 row is scored; a score repeated on a sub-row can be
counted twice by whoever adds up the form.

## Source
domain-rules.md R2; seed 004 (闵行 2022).
"""

from __future__ import annotations

from linter.rule import Finding, number

CODE = "JX107"
NAME = "subrow-scored"
SEVERITY = "info"
GROUPS = ("money",)
DOCS_ZH = """「其中」子行填写了分值或得分。

## 检查什么
「其中」下的各行（当年财政拨款、上年结转资金、其他资金）填写金额，也可以有各自的执行率，但分值和得分应填「—」。

## 为什么重要
只有年度资金总额一行计分；子行上重复填写得分，汇总时可能被算两次。

## 依据
domain-rules.md R2；种子样本 004（闵行 2022）。
"""
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
