"""Points lost with no 偏差原因分析及改进措施.

## What it checks
Every counted indicator row whose 得分 is below its 分值 has its
偏差原因分析及改进措施 filled.

## Why it matters
The national rules require every missed target to be explained, with the
measures taken; a lost point without a reason cannot be reviewed.

## Source
domain-rules.md R23 (财预〔2020〕10号; the template notes; every 嘉定 and 宝山 seed).
"""

from __future__ import annotations

from linter.rule import Finding, number, plain

CODE = "JX401"
NAME = "missing-deviation-reason"
SEVERITY = "error"
GROUPS = ("explanations",)
DOCS_ZH = """扣了分却没有填写偏差原因分析及改进措施。

## 检查什么
得分低于分值的每个计分指标行，都填写了偏差原因分析及改进措施。

## 为什么重要
全国的规定要求每个未达到的目标都要说明原因和已采取的措施；扣了分却没有原因，无从审核。

## 依据
domain-rules.md R23（财预〔2020〕10号；模板的填表说明；嘉定和宝山的所有种子样本）。
"""
MESSAGES = {
    "zh": {"missing": "得分 {score} 低于分值 {points}，但未填写偏差原因分析及改进措施"},
    "en": {"missing": "score {score} is below points {points}, but no 偏差原因分析及改进措施 (reason and remedy) is given"},
}


def check(form, options):
    if "reason" not in form.parameters.get("indicator_columns", ("reason",)):
        return  # the template has no reason column (湖北 explains in a closing row)
    for indicator in form.counted_indicators:
        points, score = number(indicator.points), number(indicator.score)
        if points is None or score is None or score >= points:
            continue
        if indicator.reason is None or not indicator.reason.text:
            args = {"score": plain(score), "points": plain(points)}
            yield Finding(indicator.score, "missing", args, indicator.path)
