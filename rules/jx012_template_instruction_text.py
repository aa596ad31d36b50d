"""The template's own instructions left in the form as its content.

## What it checks
Every text cell of the form (header fields, the goal, each indicator's name,
target, actual and reason, the closing rows) against the instructions the
form's template prints for the filler: `对照年度目标，说明…`, `结合自评情况，说明…`,
`（100字以内）`, `XX单位`, `填写说明`, `请填写` (the template's `instructions`,
matched as text on the folded cell, never as a pattern).

## Why it matters
A cell that still holds the instruction was never filled in: the form says
nothing where it should explain the goal, the results or the problems.

## Source
docs/templates.md (四川 510000_0013zp prints these instructions in its blank
cells); a 四川 form published with them left in (青神县 2023).
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.rule import Finding
from linter.text import key

CODE = "JX012"
NAME = "template-instruction-text"
SEVERITY = "warning"
GROUPS = ("structure", "explanations")
DOCS_ZH = """模板的填写说明被当作内容留在表中。

## 检查什么
表中每个文字单元格（表头栏目、年度总体目标、每个指标的名称、年度指标值、实际完成值和偏差原因，以及结尾的评价栏目），与该表模板印给填表人的填写说明比对：「对照年度目标，说明…」「结合自评情况，说明…」「（100字以内）」「XX单位」「填写说明」「请填写」（取自模板的 `instructions` 数据，作为文字而不是正则表达式比对）。

## 为什么重要
单元格里仍是填写说明，说明这一栏根本没有填：该说明目标、成效或问题的地方什么也没写。

## 依据
docs/templates.md（四川 510000_0013zp 的空白单元格中印有这些说明）；一张发布时未删说明的四川自评表（青神县 2023）。
"""
MESSAGES = {
    "zh": {"instruction": "「{text}」是模板的填写说明，不是填写的内容"},
    "en": {"instruction": "'{text}' is the template's instruction to the filler, not the form's content"},
}


def check(form, options):
    instructions = form.parameters.get("instructions") or ()
    if not instructions:
        return
    search = _instruction_regex(tuple(instructions)).search
    for cell, path in _header_cells(form):
        if _holds_instruction(cell, search):
            yield Finding(cell, "instruction", {"text": cell.text}, path)
    for indicator in form.counted_indicators:
        for cell in (indicator.name, indicator.target, indicator.actual, indicator.reason):
            # (Tested in place, not by _holds_instruction: most of the cells a rule reads are these.)
            if cell is not None and not cell.uncertain and cell.raw and search(key(cell.raw)):
                # An indicator's path is made only for a finding.
                yield Finding(cell, "instruction", {"text": cell.text}, indicator.path)
    for role, cell in form.closing.items():
        if _holds_instruction(cell, search):
            yield Finding(cell, "instruction", {"text": cell.text}, role)


def _holds_instruction(cell, search) -> bool:
    return cell is not None and not cell.uncertain and bool(cell.raw) and search(key(cell.raw)) is not None


@lru_cache(maxsize=64)
def _instruction_regex(instructions: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the template's instructions, found anywhere in a cell's key."""
    return re.compile("|".join(re.escape(instruction) for instruction in instructions))


def _header_cells(form):
    """(cell, its table path) of the text cells above the indicator table."""
    yield form.project, "项目名称"
    for role, cell in form.fields.items():
        yield cell, role
    if form.goal is not None:
        yield form.goal.expected, "年度总体目标/预期目标"
        yield form.goal.actual, "年度总体目标/实际完成情况"
