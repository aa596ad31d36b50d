"""A numeric cell that is not a number.

## What it checks
Amounts, 执行率, 分值, 得分 and 总分 cells whose text is not a valid number:
a trailing point (`97.`, often a total cut off in extraction), misplaced
thousands separators (`1,5,00`), or text where a number belongs.

## Why it matters
The value cannot be trusted or summed. Each such cell is reported once here;
the sums that need it are skipped by the other rules, not reported again.

## Source
Seeds: ten 闵行 2022 totals end in `.` (domain-rules.md R14).
"""

from __future__ import annotations

from linter.ast import FundRow
from linter.rule import Finding

CODE = "JX003"
NAME = "malformed-number"
SEVERITY = "error"
GROUPS = ("structure", "money", "totals")
DOCS_ZH = """数字单元格不是有效的数字。

## 检查什么
金额、执行率、分值、得分和总分单元格中不是有效数字的内容：末尾多一个小数点（`97.`，多为导出时总分被截断）、千位分隔符位置错误（`1,5,00`），或该填数字处填了文字。

## 为什么重要
这样的数值不可信，也无法参与合计。每个这样的单元格只在此报告一次；需要用到它的合计核对由其他规则跳过，不重复报告。

## 依据
种子样本：闵行 2022 年有十张表的总分以「.」结尾（domain-rules.md R14）。
"""
MESSAGES = {
    "zh": {
        "truncated": "「{raw}」不是完整的数字（末尾是小数点，可能在导出时被截断）",
        "malformed": "「{raw}」不是有效的数字",
    },
    "en": {
        "truncated": "'{raw}' is not a whole number (it ends in a point; probably cut off in extraction)",
        "malformed": "'{raw}' is not a valid number",
    },
}


def _numeric_rows(form):
    """(numeric cells, where) of each row; `where` is a funds row or an indicator."""
    if form.funds is not None:
        for row in form.funds.rows:
            yield (row.initial_budget, row.budget, row.executed, row.points, row.rate, row.score), row  # FundRow.COLUMNS
    for indicator in form.counted_indicators:
        yield (indicator.points, indicator.score), indicator
    if form.total is not None:
        yield (form.total.points, form.total.score), None


def _path(where) -> str:
    if where is None:
        return "总分"
    return f"项目资金/{where.label.text}" if isinstance(where, FundRow) else where.path


def check(form, options):
    for cells, where in _numeric_rows(form):
        for cell in cells:
            if cell is not None and cell.malformed and not cell.uncertain:
                message = "truncated" if cell.raw.rstrip().endswith(".") else "malformed"
                yield Finding(cell, message, {"raw": cell.raw}, table_path=_path(where), actual=cell.raw)
