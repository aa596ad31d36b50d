"""The project name or an indicator names a year other than the form's.

## What it checks
A year written as `2022年` in the 项目名称 or a 三级指标 name, in a form whose
header says another year.

## Why it matters
Usually a form copied from the previous year and not updated, or a project
of another year filed here; worth a look, not always wrong.

## Source
domain-rules.md R32; seed 003 (宝山 2023).
"""

from __future__ import annotations

import re

from linter.rule import Finding

CODE = "JX010"
NAME = "year-mismatch"
SEVERITY = "info"
GROUPS = ("structure",)
YEAR_RE = re.compile(r"(?<!\d)(20\d\d)\s*年")
DOCS_ZH = """项目名称或指标中的年份与本表年度不一致。

## 检查什么
项目名称或三级指标名称中写有年份（如「2022年」），而表头的年度是另一年。

## 为什么重要
通常是照搬上一年的表没有改，或把其他年度的项目填到了这里；值得核对，但不一定是错误。

## 依据
domain-rules.md R32；种子样本 003（宝山 2023）。
"""
MESSAGES = {
    "zh": {"year": "「{text}」写的是 {found} 年，本表是 {year} 年度"},
    "en": {"year": "'{text}' names the year {found}; this form is for {year}"},
}


def check(form, options):
    if form.year is None or not isinstance(form.year.value, int):
        return
    places = [(form.project, None)] + [(indicator.name, indicator) for indicator in form.counted_indicators]
    for cell, indicator in places:
        if cell is None or cell.uncertain or "年" not in cell.raw:
            continue
        for match in YEAR_RE.finditer(cell.raw):
            found = int(match.group(1))
            if found != form.year.value:
                path = indicator.path if indicator is not None else "项目名称"
                yield Finding(cell, "year", {"text": cell.text, "found": found, "year": form.year.value}, path)
                break
