"""项目名称, 主管部门, 实施单位, the year or the money unit is absent or empty.

## What it checks
The header of the form: 项目名称, 主管部门 and 实施单位 filled, a year
(`（2024年度）`), and the money unit of the 项目资金 table (`（万元）`, `（元）`).

## Why it matters
A form that does not say which project, unit or year it reports on cannot be
filed or compared, and without the unit every amount is ambiguous.

## Source
The national template header (domain-rules.md R1, R12); seed 003's first form.
"""

from __future__ import annotations

from linter.rule import Finding

CODE = "JX004"
NAME = "missing-header-field"
SEVERITY = "error"
GROUPS = ("structure",)
FIELDS = (("project", "项目名称"), ("department", "主管部门"), ("implementer", "实施单位"))
DOCS_ZH = """项目名称、主管部门、实施单位、年度或金额单位缺失或为空。

## 检查什么
自评表表头：项目名称、主管部门、实施单位均已填写，有年度（如「（2024年度）」），项目资金表注明了金额单位（「（万元）」「（元）」）。

## 为什么重要
不写明是哪个项目、哪个单位、哪一年的表，无法归档和比较；没有金额单位，所有金额都含义不明。

## 依据
全国模板表头（domain-rules.md R1、R12）；种子样本 003 的第一张表。
"""
MESSAGES = {
    "zh": {
        "empty": "「{field}」未填写",
        "absent": "表中没有「{field}」",
        "no_year": "表头缺少年度（如「（2024年度）」）",
        "no_unit": "项目资金缺少金额单位（如「（万元）」）",
    },
    "en": {
        "empty": "{field} is empty",
        "absent": "the form has no {field}",
        "no_year": "the header has no year (such as （2024年度）)",
        "no_unit": "the funds table has no money unit (such as （万元）)",
    },
}


def check(form, options):
    if not form.structure_certain:
        return
    anchor = form.title or form.span
    declared = form.parameters.get("fields")
    for attribute, label in FIELDS:
        if declared is not None and attribute not in declared:
            continue  # the template has no such field (a department-wide form has no 实施单位)
        cell = getattr(form, attribute)
        if cell is None and not form.complete("fields"):
            continue
        if cell is None:
            yield Finding(anchor, "absent", {"field": label})
        elif not cell.text and not cell.uncertain:
            yield Finding(cell, "empty", {"field": label})
    if form.year is None and form.complete("fields") and form.parameters.get("year_printed", True):
        yield Finding(anchor, "no_year")
    if form.unit is None and form.funds is not None:
        yield Finding(form.funds.header, "no_unit")
