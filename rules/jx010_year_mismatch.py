"""The project name or an indicator names a year other than the form's.

## What it checks
A year written as `2022年` in the 项目名称 or a 三级指标 name, in a form whose
header says another year.

## Why it matters
Usually a form copied from the previous year and not updated, or a project
of another year filed here; worth a look, not always wrong.

## Failing example
    (2023 年度)
    项目名称	2022年分平台运行维护费

## Passing example
    (2023 年度)
    项目名称	分平台运行维护费

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
