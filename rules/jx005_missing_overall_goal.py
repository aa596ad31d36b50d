"""年度总体目标 empty, `0`, only a verdict, or copied.

## What it checks
预期目标 and 实际完成情况 must each say something concrete. Flagged: an empty
cell, `0`, a bare verdict (`良好`, `合格`, `已完成`, `完成既定目标`), an
实际完成情况 that is only a percentage (`96%`), and (at info level, since it
can be legitimate) an 实际完成情况 copied word for word from the 预期目标.

## Why it matters
The overall goal and how far it was reached are the first thing a reviewer
reads; a verdict says nothing about what was done.

## Options
- `verdicts` (list of texts): answers that are only a verdict.

## Source
domain-rules.md R3 (财预〔2020〕10号: the overall target is part of every self-evaluation).
"""

from __future__ import annotations

import re

from linter.rule import Finding, Option

CODE = "JX005"
NAME = "missing-overall-goal"
SEVERITY = "warning"
GROUPS = ("structure", "explanations")
OPTIONS = {
    "verdicts": Option("str-list", ("良好", "合格", "已完成", "完成", "完成既定目标", "优", "良"), "answers that are only a verdict"),
}
PERCENT_RE = re.compile(r"^\s*[\d.]+\s*[%％]\s*$")
DOCS_ZH = """年度总体目标为空、为 0、只有结论或照抄预期目标。

## 检查什么
预期目标和实际完成情况都要写出具体内容。以下情况会被报告：单元格为空、填「0」、只写结论（「良好」「合格」「已完成」「完成既定目标」）、实际完成情况只有一个百分比（「96%」）；实际完成情况与预期目标一字不差（可能属正常情况，按「提示」级别报告）。

## 为什么重要
年度总体目标及其完成情况是审核人员最先看的内容；只写一个结论，看不出实际做了什么。

## 选项
- `verdicts`（文字列表）：哪些答复算作「只有结论」。

## 依据
domain-rules.md R3（财预〔2020〕10号：每份自评都要对照年度总体目标）。
"""
MESSAGES = {
    "zh": {
        "no_goal": "表中没有「年度总体目标」",
        "empty": "「{field}」未填写",
        "zero": "「{field}」填的是「0」",
        "verdict": "「{field}」只有结论「{text}」，应写明具体目标或完成情况",
        "percent": "「实际完成情况」只有百分比「{text}」，应写明完成了什么",
        "copied": "「实际完成情况」与「预期目标」一字不差，应写实际完成的情况",
    },
    "en": {
        "no_goal": "the form has no 年度总体目标 (overall goal)",
        "empty": "{field} is empty",
        "zero": "{field} is '0'",
        "verdict": "{field} is only a verdict ('{text}'); state the goal or what was achieved",
        "percent": "实际完成情况 is only a percentage ('{text}'); state what was achieved",
        "copied": "实际完成情况 repeats 预期目标 word for word; state what was actually achieved",
    },
}


def check(form, options):
    goal = form.goal
    if not form.structure_certain:
        return
    if goal is None:
        if not form.complete("goal") or "goal" not in form.parameters.get("parts", ("goal",)):
            return
        yield Finding(form.title or form.span, "no_goal")
        return
    for cell, field in ((goal.expected, "预期目标"), (goal.actual, "实际完成情况")):
        text = cell.text if cell is not None else ""
        where = cell if cell is not None else goal.header
        if not text:
            yield Finding(where, "empty", {"field": field})
        elif text == "0":
            yield Finding(where, "zero", {"field": field})
        elif text in options["verdicts"]:
            yield Finding(where, "verdict", {"field": field, "text": text})
        elif field == "实际完成情况" and PERCENT_RE.match(text):
            yield Finding(where, "percent", {"text": text})
    expected, actual = goal.expected, goal.actual
    if expected and actual and expected.text and expected.text == actual.text and expected.text not in options["verdicts"]:
        yield Finding(actual, "copied", severity="info")
