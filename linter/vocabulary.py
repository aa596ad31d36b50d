"""The words of the 自评表 template: which terminal each one is, and its role.

Keys are matching keys (`linter.text.key`): folded, no white space, no
trailing colon. Every label also matches with its last character missing
(`服务对象满意度指`), which the AST records as a truncated label.
"""

from __future__ import annotations

import re

from linter.text import key

TITLE_RE = re.compile(r"(?:财政)?(?:项目支出)?绩效自评表")
YEAR_RE = re.compile(r"^\(?(\d{4})年度?\)?$")
UNIT_RE = re.compile(r"\((万元|元|千元|亿元)\)")
PLACEHOLDER_RE = re.compile(r"^(?:(?:指标\d*:?)+|[.…·。]{2,}|…+)$")

# Header keywords: key -> terminal.
KEYWORDS: dict[str, str] = {
    "项目名称": "K_NAME",
    "主管部门": "K_DEPT",
    "实施单位": "K_IMPL",
    "项目资金": "K_FUNDS",
    "年度总体目标": "K_GOAL",
    "总体目标": "K_GOAL",
    "绩效指标": "K_IND",
    "总分": "K_TOTAL",
    "评分等级": "K_GRADE",
    "等级": "K_GRADE",
    "预期目标": "GHDR",
    "实际完成情况": "GHDR",
    "分值": "SHDR",
    "分数": "SHDR",
    "得分": "SHDR",
    "权重": "SHDR",
}

# Funds table column headers: key -> role.
FUNDS_COLUMNS: dict[str, str] = {
    "年初预算数": "initial_budget",
    "年初预算": "initial_budget",
    "全年预算数": "budget",
    "全年预算": "budget",
    "调整后预算数": "budget",
    "全年执行数": "executed",
    "预算执行数": "executed",
    "执行数": "executed",
    "分值": "points",
    "分数": "points",
    "权重": "points",
    "执行率": "rate",
    "执行率(%)": "rate",
    "预算执行率": "rate",
    "得分": "score",
}

# Indicator table column headers: key -> role.
INDICATOR_COLUMNS: dict[str, str] = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "name",
    "年度指标值": "target",
    "实际完成值": "actual",
    "分值": "points",
    "分数": "points",
    "权重": "points",
    "得分": "score",
    "偏差原因分析及改进措施": "reason",
    "偏差原因分析": "reason",
    "未完成原因分析": "reason",
}

# Funds rows: key -> kind. Any other row in the funds table is kept as "extra".
FUND_LABELS: dict[str, str] = {
    "年度资金总额": "total",
    "资金总额": "total",
    "其中:当年财政拨款": "current",
    "当年财政拨款": "current",
    "其中:本年财政拨款": "current",
    "本年财政拨款": "current",
    "上年结转资金": "carryover",
    "其中:上年结转资金": "carryover",
    "其他资金": "other",
    "财政资金": "extra",
    "财政专户管理资金": "extra",
    "单位资金": "extra",
}

LEVEL1 = ("产出指标", "效益指标", "满意度指标")
COST_LABEL = "成本指标"  # 一级 in the 2021+ template, 二级 under 产出指标 before it
LEVEL2 = (
    "数量指标", "质量指标", "时效指标",
    "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
    "服务对象满意度指标",
    "经济成本指标", "社会成本指标", "生态环境成本指标",
)
COST_LEVEL2 = ("经济成本指标", "社会成本指标", "生态环境成本指标")

# Labels written without the trailing 指标 (`经济效益`) are the same label; two-character
# stems (`数量`, `产出`) are left out because they are also ordinary words.
_LABEL_ALIASES = {name[:-2]: name for name in LEVEL2 + LEVEL1 if len(name) >= 6}


def label_of(cell_key: str) -> tuple[str, bool] | None:
    """Canonical label for a cell key, and whether it was truncated; or None."""
    for name in (COST_LABEL, *LEVEL1, *LEVEL2):
        if cell_key == name:
            return name, False
    if cell_key in _LABEL_ALIASES:
        return _LABEL_ALIASES[cell_key], False
    for name in (COST_LABEL, *LEVEL1, *LEVEL2):
        if len(name) > 4 and cell_key == name[:-1]:
            return name, True
    return None


def label_terminal(name: str) -> str:
    if name == COST_LABEL:
        return "LC"
    return "L1" if name in LEVEL1 else "L2"


def _all_phrases() -> list[str]:
    phrases = list(KEYWORDS) + list(FUNDS_COLUMNS) + list(INDICATOR_COLUMNS) + list(FUND_LABELS)
    phrases += [COST_LABEL, *LEVEL1, *LEVEL2]
    phrases += ["财政项目支出绩效自评表", "项目支出绩效自评表"]
    return phrases


PHRASES = frozenset(_all_phrases())
# Proper prefixes of phrases: a PDF line holding one of these is a label fragment.
PHRASE_PREFIXES = frozenset(p[:i] for p in PHRASES for i in range(1, len(p)))

# Qualitative completion levels (national wording and Shanghai 2024 wording).
LEVEL_PHRASES = (
    "达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差",
    "达成指标", "部分达成指标并具有一定效果", "未达成指标且效果较差", "达成预期指标",
)
LEVEL_PREFIXES = ("达成", "部分达成", "未达成")

DECLARED_EMPTY_RE = re.compile(r"^(?:指标\d*:?)?(?:无|/|—|-)$")


def is_declared_empty(text: str) -> bool:
    return bool(DECLARED_EMPTY_RE.match(key(text)))
