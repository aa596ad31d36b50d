"""What reports say about a rule: its description in the report's language and the address of its docs.

Rule modules document themselves in English (with the Chinese terms of the
form); the Chinese one-line descriptions of jxlint's own rules live here. A
plugin's rule without one falls back to its docstring's first line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from linter.rule import Rule

ZH_SUMMARIES = {
    "JX000": "文件无法作为文本读取。",
    "JX001": "无法识别表格结构。",
    "JX002": "文件中没有项目支出绩效自评表。",
    "JX003": "数字单元格不是有效的数字。",
    "JX004": "项目名称、主管部门、实施单位、年度或金额单位缺失或为空。",
    "JX005": "年度总体目标为空、为 0、只有结论或照抄预期目标。",
    "JX006": "表中留有未使用的模板行。",
    "JX007": "同一张表中同一指标出现两次。",
    "JX008": "二级指标挂在错误的一级指标下、指标名被截断或写在错误的列。",
    "JX009": "模板要求的一级指标块缺失或只有占位行。",
    "JX010": "项目名称或指标中的年份与本表年度不一致。",
    "JX101": "年度资金总额不等于各组成部分之和。",
    "JX102": "所填执行率不等于全年执行数 ÷ 全年预算数。",
    "JX103": "所填执行率是按年初预算数计算的。",
    "JX104": "执行数超过预算数。",
    "JX105": "预算执行得分不等于 min(执行率, 100%) × 分值。",
    "JX106": "预算执行分值不是规则集规定的值。",
    "JX107": "「其中」子行填写了分值或得分。",
    "JX108": "金额与金额单位不相称，或某列相差 10 的整数次幂。",
    "JX201": "总分分值不是 100，或各项分值相加不等于总分分值。",
    "JX202": "总分得分不等于各项得分之和。",
    "JX203": "得分高于分值、得分低于 0，或分值不大于 0。",
    "JX401": "扣了分却没有填写偏差原因分析及改进措施。",
    "JX402": "满分且达到目标的指标却填写了偏差原因。",
    "JX501": "评分等级与总分所在的等级区间不符。",
}

_DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def summary(rule: Rule, lang: str) -> str:
    if lang == "zh" and rule.code in ZH_SUMMARIES:
        return ZH_SUMMARIES[rule.code]
    return rule.summary


def what_it_checks(rule: Rule) -> str:
    """The English docs' "What it checks" section, as one paragraph."""
    text = rule.docs.split("## What it checks", 1)[-1].split("\n## ", 1)[0]
    return " ".join(text.split()) or rule.summary


def description(rule: Rule, lang: str) -> str:
    """The full description: in Chinese the one line and where the rest is, in English the section."""
    if lang == "zh" and rule.code in ZH_SUMMARIES:
        return f"{ZH_SUMMARIES[rule.code]}完整说明（含正反示例）：jxlint explain {rule.code}"
    return what_it_checks(rule)


def docs_url(rule: Rule) -> str | None:
    """The address of a jxlint rule's docs: `JXLINT_DOCS_URL` (where a team publishes
    docs/rules.md), else docs/rules.md of this checkout or the copy installed with jxlint
    (`share/jxlint/`), else the package's page. None for
    a plugin's rule, whose docs jxlint does not know (`jxlint explain` shows them)."""
    if rule.origin != "jxlint":
        return None
    anchor = rule.code.lower()
    base = os.environ.get("JXLINT_DOCS_URL")
    if base:
        return f"{base}#{anchor}"
    for docs in (_DOCS, Path(sys.prefix) / "share" / "jxlint" / "rules.md"):
        if docs.exists():
            return f"{docs.as_uri()}#{anchor}"
    return "https://pypi.org/project/jxlint/"
