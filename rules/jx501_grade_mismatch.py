"""评分等级 is not the band of 总分.

## What it checks
When the form has a 评分等级 row: the grade is the band of 总分 得分, each
lower bound included: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below (option `bands`).

## Why it matters
The grade is what gets reported upward; one that contradicts the total was
typed by hand or not updated.

## Options
- `bands` (mapping of grade to lower bound): default `{优: 90, 良: 80, 中: 60, 差: 0}`.

## Source
domain-rules.md R27 (财政部预算司 scale 90/80/60; 嘉定 2024 seeds).
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, number, plain

CODE = "JX501"
NAME = "grade-mismatch"
SEVERITY = "error"
GROUPS = ("grade",)
OPTIONS = {
    "bands": Option(
        "bands", {"优": Decimal(90), "良": Decimal(80), "中": Decimal(60), "差": Decimal(0)}, "grade -> lower bound of 总分"
    ),
}
DOCS_ZH = """评分等级与总分所在的等级区间不符。

## 检查什么
表中有评分等级行时：评分等级应为总分得分所在的区间，各区间含下限：优 ≥ 90，良 ≥ 80，中 ≥ 60，以下为差（选项 `bands`）。

## 为什么重要
评分等级是向上级报送的结论；与总分矛盾，说明是手工填写的，或修改后没有更新。

## 选项
- `bands`（等级到总分下限的映射）：默认 `{优: 90, 良: 80, 中: 60, 差: 0}`。

## 依据
domain-rules.md R27（财政部预算司 90/80/60 的等级划分；嘉定 2024 种子样本）。
"""
MESSAGES = {
    "zh": {"grade": "评分等级「{grade}」与总分 {score} 不符，应为「{expected}」"},
    "en": {"grade": "grade '{grade}' does not match the total {score}; it should be '{expected}'"},
}


def band(score: Decimal, bands: dict[str, Decimal]) -> str | None:
    for grade, lower in sorted(bands.items(), key=lambda item: item[1], reverse=True):
        if score >= lower:
            return grade
    return None


def check(form, options):
    if form.grade is None or form.total is None or not form.grade.text:
        return
    score = number(form.total.score)
    if score is None:
        return
    expected = band(score, options["bands"])
    grade = form.grade.text.strip()
    if expected is not None and grade != expected:
        args = {"grade": grade, "score": plain(score), "expected": expected}
        yield Finding(form.grade, "grade", args, "评分等级", expected, grade)
