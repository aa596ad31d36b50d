"""A cell the scoring needs, left empty.

## What it checks
- On each counted indicator row with a 分值 (权重), an empty 得分 or an empty
  实际完成值.
- On the funds total row (年度资金总额) that the template scores, an empty 得分.
- On the total row, a 分值 and no score.

An empty cell is one the table shows between its separators (a tab- or
pipe-separated layout); where the template has no such column the rule is
silent, and so is it on a row that does not line up with its header (shifted
against it: read by content, its empty cell is not known). In text without table columns (PDF text, columns of spaces) an empty
indicator or funds cell cannot be told from a lost one, and is not reported; a
total row there with a 分值 and no score is reported as a warning, saying why.

## Why it matters
An empty 得分 leaves the total without a part, and an empty 实际完成值 leaves the
score without a basis: the form is not finished, whatever its total says.

## Source
domain-rules.md §1 (required cells, R1–R3) and §8 item 1 (required cells empty);
issue 7 (blanks and leftovers).
"""

from __future__ import annotations

from linter.ast import Cell, Span
from linter.rule import Finding, number, plain

CODE = "JX011"
NAME = "blank-required-cell"
SEVERITY = "error"
GROUPS = ("structure", "scoring")
DOCS_ZH = """计分需要的单元格没有填写。

## 检查什么
- 有分值（权重）的每个计分指标行，得分或实际完成值为空；
- 表格模板计分的资金总额行（年度资金总额），得分为空；
- 总分行有分值却没有得分。

「空」指表格在分隔符之间留空的单元格（以制表符或竖线分列的表）；模板没有这一列时，本规则不检查。没有表格列的文本（PDF 文字、以空格对齐的列）中，指标行和资金行的空单元格与丢失的单元格无法区分，不报告；这种文本中总分行有分值却没有得分的，按「警告」报告并说明原因。

## 为什么重要
得分为空，总分就少了一部分；实际完成值为空，得分就没有依据：不论总分写的是多少，这张表都还没有填完。

## 依据
domain-rules.md §1（必填单元格，R1–R3）和 §8 第 1 项（必填单元格为空）；issue 7（空白和遗留内容）。
"""
MESSAGES = {
    "zh": {
        "score": "指标「{name}」有分值 {points}，得分却为空",
        "actual": "指标「{name}」有分值 {points}，实际完成值却为空",
        "funds": "预算执行（{label}）有分值 {points}，得分却为空",
        "total": "总分行有分值 {points}，得分却为空",
        "total_stream": "总分行有分值 {points}，却未读到得分（此文本无表格列，得分也可能在别处）",
    },
    "en": {
        "score": "the indicator '{name}' has points {points}, but its score is empty",
        "actual": "the indicator '{name}' has points {points}, but its actual is empty",
        "funds": "budget execution ({label}) has points {points}, but its score is empty",
        "total": "the total row has points {points}, but its score is empty",
        "total_stream": "the total row has points {points}, but no score was read (text without table columns: it may stand elsewhere)",
    },
}


def _empty(cell: Cell | None) -> bool:
    """A cell the table shows empty: recorded by the parser with no text."""
    return cell is not None and not cell.raw.strip() and not cell.uncertain


def _after(cell: Cell) -> Span:
    span = cell.span
    return Span(span.end_line, span.end_column, span.end_line, span.end_column)


def check(form, options):
    for indicator in form.counted_indicators:
        points = number(indicator.points)
        if points is None:
            continue
        for role in ("actual", "score"):
            cell = getattr(indicator, role)
            if _empty(cell):
                name = indicator.name.text if indicator.name is not None else "?"
                yield Finding(cell, role, {"name": name, "points": plain(points)}, f"{indicator.path}/{role}")
    row = form.funds.total if form.funds is not None else None
    if row is not None and number(row.points) is not None and _empty(row.score):
        args = {"label": row.label.text, "points": plain(number(row.points))}
        yield Finding(row.score, "funds", args, f"项目资金/{row.label.text}/得分")
    total = form.total
    if total is None or total.in_header or not form.complete("total"):
        return
    points = number(total.points)
    if points is None:
        return
    if _empty(total.score):
        yield Finding(total.score, "total", {"points": plain(points)}, "总分")
    elif total.score is None and form.structure_certain and form.layout not in ("tsv", "markdown"):
        # Text without columns: the score may have been printed elsewhere.
        yield Finding(_after(total.points), "total_stream", {"points": plain(points)}, "总分", severity="warning")
