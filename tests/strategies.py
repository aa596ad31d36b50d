"""Hypothesis strategies for whole forms, with their expected values built directly.

Free text is drawn from characters that occur in no template word, so it can
never be mistaken for a label or keyword. Expected values are made alongside
the raw text (`Decimal("98.24")` with raw `"98.24%"`), not read back from it.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from linter.ast import Cell, Form, FundRow, Funds, Goal, Indicator, Label, Span, Total
from linter.values import Target
from linter.templates import builtin_templates

_BASE = "城运中心平台系统维护服务保障设备安全建设运行采购工作经费社区居民宣传培训网络视频会议监控巡查道路交通"
_USED = set(
    "".join(word for template in builtin_templates() for word in template.vocabulary.phrases)
    + "".join(builtin_templates().base.vocabulary.completion_levels) + "无"
)
POOL = "".join(sorted(set(_BASE) - _USED))
SPAN = Span(1, 1, 1, 1)
LABEL_PAIRS = [
    ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本指标"),
    ("效益指标", "社会效益指标"), ("效益指标", "经济效益指标"), ("效益指标", "可持续影响指标"),
    ("成本指标", "经济成本指标"), ("满意度指标", "服务对象满意度指标"),
]
UNITS = ["个", "次", "天", "人", "%", "万元", "元/人", "套"]


def words(min_size: int = 2, max_size: int = 20) -> st.SearchStrategy[str]:
    return st.text(alphabet=POOL, min_size=min_size, max_size=max_size)


def amounts(places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=10**7, places=places, allow_nan=False, allow_infinity=False)


def cell(raw: str, value: object) -> Cell:
    return Cell(raw, SPAN, value)


@st.composite
def number_cells(draw, suffix: str = "") -> Cell:
    value = draw(amounts(draw(st.sampled_from([0, 1, 2]))))
    return cell(f"{value}{suffix}", value)


@st.composite
def targets(draw) -> Cell:
    if draw(st.booleans()):
        text = draw(words(2, 8))
        return cell(text, Target(None, None, None, text))
    comparator = draw(st.sampled_from(["≥", "≤", "=", ">", "<", ""]))
    number = draw(amounts(draw(st.sampled_from([0, 2]))))
    unit = draw(st.sampled_from(UNITS))
    written = draw(st.sampled_from([f"({unit})", unit]))
    return cell(f"{comparator}{number}{written}", Target(comparator or None, number, unit, None))


@st.composite
def actuals(draw) -> Cell:
    kind = draw(st.sampled_from(["level", "number", "text"]))
    if kind == "level":
        text = draw(st.sampled_from(["达成指标", "未达成指标且效果较差", "部分达成指标并具有一定效果"]))
        return cell(text, text)
    if kind == "number":
        number = draw(amounts(2))
        return cell(f"{number}{draw(st.sampled_from(['', '(%)', '(个)']))}", number)
    text = draw(words(2, 8))
    return cell(text, text)


@st.composite
def indicators(draw) -> list[Indicator]:
    rows = []
    for _ in range(draw(st.integers(1, 10))):
        level1, level2 = draw(st.sampled_from(LABEL_PAIRS))
        indicator = Indicator(SPAN, Label(cell(level1, level1), level1), Label(cell(level2, level2), level2))
        if draw(st.integers(0, 9)) == 0:
            indicator.name = cell("指标 2：", "指标 2：")
            indicator.placeholder = True
        else:
            name = draw(words(2, 30))
            indicator.name = cell(name, name)
            indicator.target = draw(targets())
            indicator.actual = draw(actuals())
            indicator.points = draw(number_cells())
            indicator.score = draw(number_cells())
            if draw(st.booleans()):
                reason = draw(words(2, 30)) + "。"
                indicator.reason = cell(reason, reason)
        rows.append(indicator)
    return rows


@st.composite
def fund_rows(draw) -> list[FundRow]:
    rows = []
    for kind, label in (("total", "年度资金总额"), ("current", "其中：当年财政拨款"), ("carryover", "上年结转资金"), ("other", "其他资金")):
        row = FundRow(cell(label, label), kind)
        for column in FundRow.COLUMNS:
            if draw(st.integers(0, 4)) == 0:
                continue
            setattr(row, column, draw(number_cells("%" if column == "rate" else "")))
        rows.append(row)
    return rows


def goal_texts() -> st.SearchStrategy[str]:
    """PDF text tells the 预期目标 paragraph from the 实际完成情况 one by its short last
    line (wrapped at 24 characters); a paragraph that fills its last line is ambiguous
    there, as it is to a human reader, so generated goals leave it short."""
    return words(2, 70).filter(lambda text: 0 < len(text) % 24 <= 19)


@st.composite
def forms(draw) -> Form:
    form = Form(1, "generated", SPAN)
    form.title = cell("财政项目支出绩效自评表", "财政项目支出绩效自评表")
    year = draw(st.integers(2019, 2026))
    form.year = cell(f"({year} 年度)", year)
    form.unit = cell(draw(st.sampled_from(["(元)", "(万元)"])), None)
    form.unit.value = form.unit.raw.strip("()")
    for field in ("project", "department", "implementer"):
        text = draw(words(2, 20))
        setattr(form, field, cell(text, text))
    form.funds = Funds(cell("项目资金", "项目资金"), draw(fund_rows()))
    expected = draw(goal_texts())
    actual = draw(words(2, 70))
    form.goal = Goal(cell("年度总体目标", "年度总体目标"), cell(expected, expected), cell(actual, actual))
    form.indicators = draw(indicators())
    form.total = Total(cell("总分", "总分"), draw(number_cells()), draw(number_cells()))
    if draw(st.booleans()):
        grade = draw(st.sampled_from(["优", "良", "中", "差"]))
        form.grade = cell(grade, grade)
    return form
