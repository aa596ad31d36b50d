"""Every value of seven seed forms, with its line:col, checked by hand against the source.

Expected positions were read off the source files with a column ruler (tab = one
character), not from the parser. `source_at` re-checks each one against the text.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from linter.ast import Cell
from linter.values import Target
from tests.conftest import SEEDS, seed


def source_at(name: str, line: int, col: int, length: int) -> str:
    text = SEEDS[name].read_text(encoding="utf-8").split("\n")[line - 1]
    return text[col - 1 : col - 1 + length]


def check(name: str, cell: Cell | None, line: int, col: int, raw: str, value: object) -> None:
    assert cell is not None, f"missing cell, expected {raw!r} at {line}:{col}"
    assert (cell.span.line, cell.span.column) == (line, col), f"{raw!r} at {cell.span}"
    assert cell.raw == raw
    assert cell.value == value
    first_line = raw.split("\n")[0]
    if cell.span.line == cell.span.end_line:
        assert source_at(name, line, col, len(raw)) == raw
    else:
        assert raw.startswith(source_at(name, line, col, len(first_line)))


def funds_values(row) -> list:
    return [None if getattr(row, c) is None else getattr(row, c).value for c in row.COLUMNS]


def test_001_form1_pdf_header_funds_total_grade():
    form = seed("001").forms[0]
    assert (form.index, form.layout) == (1, "pdf")
    check("001", form.title, 2, 1, "财政项目支出绩效自评表", "财政项目支出绩效自评表")
    check("001", form.year, 4, 1, "（2024年度）", 2024)
    check("001", form.project, 6, 6, "其他专项工作经费", "其他专项工作经费")
    check("001", form.department, 8, 6, "华亭镇", "华亭镇")
    check("001", form.implementer, 9, 1, "上海市嘉定区华亭镇城市运行管理中心", "上海市嘉定区华亭镇城市运行管理中心")
    assert form.implementer.span.end_line == 11
    check("001", form.unit, 15, 1, "（万元）", "万元")
    total, current, carryover, other = form.funds.rows
    assert [row.kind for row in form.funds.rows] == ["total", "current", "carryover", "other"]
    check("001", total.label, 19, 1, "年度资金总额：", "年度资金总额：")
    check("001", total.initial_budget, 19, 9, "476.00", D("476.00"))
    check("001", total.budget, 19, 16, "553.40", D("553.40"))
    check("001", total.executed, 19, 23, "543.69", D("543.69"))
    check("001", total.points, 19, 30, "10.00", D("10.00"))
    check("001", total.rate, 19, 36, "98.24", D("98.24"))
    check("001", total.score, 19, 42, "9.82", D("9.82"))
    check("001", current.label, 21, 1, "其中：当年财政拨款", "其中：当年财政拨款")
    check("001", current.initial_budget, 24, 1, "476.00", D("476.00"))
    check("001", current.points, 24, 22, "-", None)
    check("001", current.rate, 24, 24, "98.24", D("98.24"))
    check("001", current.score, 24, 30, "-", None)
    assert funds_values(carryover) == [D("0.00"), D("0.00"), D("0.00"), None, D("0.00"), None]
    check("001", carryover.executed, 26, 18, "0.00", D("0.00"))
    check("001", form.total.points, 169, 4, "100.00", D("100.00"))
    check("001", form.total.score, 169, 11, "99.82", D("99.82"))
    check("001", form.grade, 171, 6, "优", "优")
    assert form.goal.expected.raw.startswith("按时结算 2024年外聘联勤") and form.goal.expected.raw.endswith("临保任务等目标。")
    assert form.goal.actual.raw.startswith("按时结算 2024年") and form.goal.actual.raw.endswith("专项巡防工作。")
    assert (form.goal.expected.span.line, form.goal.actual.span.line) == (38, 46)


def test_001_form1_pdf_indicators_with_wrapped_cells_and_split_label():
    indicators = seed("001").forms[0].indicators
    assert [i.path for i in indicators] == [
        "绩效指标/成本指标/经济成本指标/特保队员服务采购成本",
        "绩效指标/产出指标/数量指标/特保队员工作完成率",
        "绩效指标/产出指标/质量指标/特保队员出勤到位情况",
        "绩效指标/产出指标/时效指标/夜间巡查、突击加班任务、大型活动临保工作完成及时性",
        "绩效指标/效益指标/社会效益指标/夜间巡查、突击加班任务、大型活动临保等开展效果",
        "绩效指标/效益指标/可持续影响指标/人员队伍规模充足性",
        "绩效指标/满意度指标/服务对象满意度指标/城运中心各部门满意程度",
        "绩效指标/满意度指标/服务对象满意度指标/群众满意度",
    ]
    cost = indicators[0]
    check("001", cost.level1.cell, 83, 1, "成本指标", "成本指标")
    check("001", cost.level2.cell, 87, 1, "经济成本指标", "经济成本指标")
    check("001", cost.name, 93, 1, "特保队员服务采购成本", "特保队员服务采购成本")
    check("001", cost.target, 94, 1, "控制住合理范围内", Target(None, None, None, "控制住合理范围内"))
    assert cost.target.span.end_line == 96
    check("001", cost.actual, 97, 1, "达成指标", "达成指标")
    check("001", cost.points, 97, 6, "20.00", D("20.00"))
    check("001", cost.score, 97, 12, "20.00", D("20.00"))
    rate = indicators[1]
    check("001", rate.target, 106, 11, "≥90.00(%)", Target("≥", D("90.00"), "%", None))
    check("001", rate.actual, 106, 21, "90.00(%)", D("90.00"))
    assert rate.actual.unit == "%"
    check("001", rate.points, 106, 30, "10.00", D("10.00"))
    check("001", rate.score, 106, 36, "10.00", D("10.00"))
    wrapped = indicators[3]
    check("001", wrapped.name, 117, 1, "夜间巡查、突击加班任务、大型活动临保工作完成及时性", wrapped.name.raw)
    check("001", wrapped.target, 120, 1, "及时", Target(None, None, None, "及时"))
    # 可持 / 续影 / <row at 141> / 响指 / 标: the label is joined around the row.
    sustained = indicators[5]
    check("001", sustained.level2.cell, 137, 1, "可持续影响指标", "可持续影响指标")
    assert sustained.level2.cell.span.end_line == 147
    check("001", sustained.name, 141, 1, "人员队伍规模充足性", "人员队伍规模充足性")
    check("001", sustained.target, 141, 11, "充足", Target(None, None, None, "充足"))
    check("001", sustained.actual, 141, 14, "达成指标", "达成指标")
    check("001", sustained.points, 141, 19, "10.00", D("10.00"))
    check("001", sustained.score, 141, 25, "10.00", D("10.00"))
    assert all(i.reason is None for i in indicators)


def test_001_form4_pdf_unit_suffix_levels_and_reasons():
    form = seed("001").forms[3]
    check("001", form.project, 501, 6, "政府聘用辅助人员经费", "政府聘用辅助人员经费")
    average, total_cost, *_ = form.indicators
    check("001", average.name, 564, 1, "平均成本", "平均成本")
    check("001", average.target, 565, 1, "=17500.00(元/人)", Target("=", D("17500.00"), "元/人", None))
    assert average.target.span.end_line == 566
    check("001", average.actual, 568, 1, "0.00(元/人)", D("0.00"))
    check("001", average.points, 568, 11, "10.00", D("10.00"))
    check("001", average.score, 568, 17, "5.00", D("5.00"))
    check("001", average.reason, 569, 1, "根据实际情况节省开支，本年未支出。", "根据实际情况节省开支，本年未支出。")
    assert average.reason.span.end_line == 571
    check("001", total_cost.target, 574, 1, "≤17500.00(元)", Target("≤", D("17500.00"), "元", None))
    timely = form.indicators[4]
    check("001", timely.name, 596, 1, "公用经费发放", "公用经费发放")
    check("001", timely.target, 596, 8, "及时", Target(None, None, None, "及时"))
    check("001", timely.actual, 598, 1, "未达成指标且效果较差", "未达成指标且效果较差")
    check("001", timely.points, 601, 1, "10.00", D("10.00"))
    check("001", timely.score, 601, 7, "5.00", D("5.00"))
    check("001", timely.reason, 603, 1, "根据实际情况节省开支，本年未支出。", "根据实际情况节省开支，本年未支出。")
    check("001", form.total.score, 639, 11, "80.00", D("80.00"))
    check("001", form.grade, 641, 6, "良", "良")
    assert form.goal.expected.raw == "根据部门要求，为部门中的非编人员的公用经费提供保障"
    assert form.goal.actual.raw.startswith("根据实际情况为政府聘用人员提供办公经费")


def test_003_form1_tsv_empty_implementer_and_total_over_lines():
    form = seed("003").forms[0]
    assert form.layout == "tsv"
    check("003", form.year, 4, 1, "(2023 年度)", 2023)
    check("003", form.project, 5, 6, "区域运中心视频会商系统", "区域运中心视频会商系统")
    check("003", form.department, 6, 6, "上海市宝山区城市网格化综合管理中心", "上海市宝山区城市网格化综合管理中心")
    assert form.implementer.raw == "" and form.implementer.value is None
    assert (form.implementer.span.line, form.implementer.span.column) == (6, 31)
    check("003", form.unit, 7, 6, "(元)", "元")
    total, current, carryover, other = form.funds.rows
    check("003", total.initial_budget, 8, 9, "928050.00", D("928050.00"))
    check("003", total.budget, 8, 19, "928050.00", D("928050.00"))
    check("003", total.executed, 8, 29, "928,050", D("928050"))
    check("003", total.points, 8, 37, "10", D("10"))
    check("003", total.rate, 8, 40, "100.00%", D("100.00"))
    check("003", total.score, 8, 48, "10", D("10"))
    check("003", current.executed, 9, 26, "928050", D("928050"))
    check("003", current.points, 9, 33, "—", None)
    check("003", carryover.initial_budget, 10, 9, "0", D("0"))
    check("003", carryover.budget, 10, 11, "0", D("0"))
    assert carryover.executed is None
    check("003", carryover.points, 10, 14, "—", None)
    check("003", form.goal.expected, 13, 2, "建设完成区域运中心视频会上系统并正常使用", "建设完成区域运中心视频会上系统并正常使用")
    check("003", form.goal.actual, 13, 26, "已完成", "已完成")
    first = form.indicators[0]
    check("003", first.level1.cell, 15, 2, "产出指标", "产出指标")
    check("003", first.level2.cell, 15, 7, "数量指标", "数量指标")
    check("003", first.name, 15, 12, "系统维护数量", "系统维护数量")
    check("003", first.target, 15, 19, "=1个", Target("=", D("1"), "个", None))
    check("003", first.actual, 15, 23, "=1个", D("1"))
    assert first.actual.comparator == "="
    check("003", first.points, 15, 27, "20", D("20"))
    check("003", first.score, 15, 30, "20", D("20"))
    last = form.indicators[-1]
    check("003", last.name, 22, 18, "办公人员满意度", "办公人员满意度")
    check("003", last.target, 22, 26, ">=85%", Target("≥", D("85"), "%", None))
    check("003", last.score, 22, 41, "10", D("10"))
    check("003", form.total.label, 24, 1, "总分", "总分")
    check("003", form.total.points, 26, 1, "100", D("100"))
    check("003", form.total.score, 28, 1, "100", D("100"))
    assert form.grade is None
    assert len(form.indicators) == 8


def test_003_form8_stray_goal_fragment_and_markdown_total():
    form = seed("003").forms[7]
    check("003", form.project, 170, 6, "BX21-D-2212345热线大数据智能分析系统项目(资金审批表23002)", form.project.raw)
    check("003", form.implementer, 171, 32, "上海市宝山区城市运行管理中心", "上海市宝山区城市运行管理中心")
    check("003", form.unit, 172, 5, "(元)", "元")
    total, current, *_ = form.funds.rows
    check("003", total.executed, 173, 31, "1,796,016", D("1796016"))
    check("003", total.rate, 173, 44, "98.15%", D("98.15"))
    check("003", total.score, 173, 51, "9.81", D("9.81"))
    check("003", current.label, 174, 2, "其中:当年财政拨款", "其中:当年财政拨款")
    assert current.kind == "current"
    # `目标` at 178:1 is the end of the label 年度总体目标, not part of the goal.
    check("003", form.goal.expected, 178, 4, "完成热线大数据智能分析系统的建设并正常使用", form.goal.expected.raw)
    check("003", form.goal.actual, 178, 29, "已完成", "已完成")
    check("003", form.total.points, 191, 3, "100", D("100"))
    check("003", form.total.score, 191, 9, "99.81", D("99.81"))


def test_003_form9_zero_execution_with_reasons():
    form = seed("003").forms[8]
    check("003", form.project, 195, 6, "2022年分平台运行维护费", "2022年分平台运行维护费")
    total = form.funds.total
    check("003", total.executed, 198, 29, "0", D("0"))
    check("003", total.points, 198, 31, "10", D("10"))
    check("003", total.rate, 198, 34, "0.00%", D("0.00"))
    check("003", total.score, 198, 40, "0", D("0"))
    assert form.goal.expected is None
    first = form.indicators[0]
    check("003", first.target, 205, 19, "=15个", Target("=", D("15"), "个", None))
    check("003", first.actual, 205, 24, "0", D("0"))
    check("003", first.points, 205, 26, "20", D("20"))
    check("003", first.score, 205, 29, "0", D("0"))
    check("003", first.reason, 205, 31, "财政年初未安排资金", "财政年初未安排资金")


def test_004_form1_placeholders_truncated_label_and_subrow_scores():
    form = seed("004").forms[0]
    check("004", form.year, 5, 1, "（ 2022 年度）", 2022)
    check("004", form.project, 7, 7, "协管员服装费", "协管员服装费")
    check("004", form.implementer, 8, 27, "平安办政府", "平安办政府")
    check("004", form.unit, 9, 6, "(万元)", "万元")
    total, current, carryover, other = form.funds.rows
    assert funds_values(total) == [D("10.13"), D("0"), D("0"), D("10"), D("0"), D("0")]
    check("004", total.budget, 10, 16, "0", D("0"))
    check("004", current.points, 11, 23, "10", D("10"))
    check("004", current.score, 11, 28, "0", D("0"))
    check("004", carryover.points, 12, 13, "—", None)
    check("004", carryover.score, 12, 16, "—", None)
    assert carryover.initial_budget is None and carryover.rate is None
    check("004", form.goal.expected, 15, 2, "加强队伍管理，提升工作效率", "加强队伍管理，提升工作效率")
    check("004", form.goal.actual, 15, 18, "0", "0")
    first = form.indicators[0]
    check("004", first.name, 17, 12, "指标 1：根据协管员人数", "指标 1：根据协管员人数")
    check("004", first.target, 17, 25, "81 套", Target(None, D("81"), "套", None))
    check("004", first.actual, 17, 30, "100%", D("100"))
    check("004", first.points, 17, 35, "20", D("20"))
    placeholder = form.indicators[1]
    assert placeholder.placeholder and not placeholder.counts
    check("004", placeholder.name, 18, 4, "指标 2：", "指标 2：")
    dots = next(i for i in form.indicators if i.name.raw == ".....")
    assert dots.placeholder and dots.span.line == 36
    last = form.indicators[-1]
    check("004", last.level1.cell, 40, 1, "满意度 指标", "满意度指标")
    check("004", last.level2.cell, 40, 9, "服务对象 满意度指", "服务对象满意度指标")
    assert last.level2.truncated and not last.level1.truncated
    check("004", last.name, 40, 19, "指标 1：提升协管员的 可信度，提高工作效率", last.name.raw)
    check("004", last.score, 40, 55, "10", D("10"))
    check("004", form.total.points, 41, 9, "100", D("100"))
    check("004", form.total.score, 41, 13, "90", D("90"))
    placeholder_lines = [i.span.line for i in form.indicators if i.placeholder]
    assert placeholder_lines == [18, 21, 24, 27, 29, 30, 33, 36, 38]
    assert [i.span.line for i in form.indicators if i.counts] == [17, 20, 23, 26, 32, 35, 37, 40]


def test_004_form3_reasons_and_rate_as_percent():
    form = seed("004").forms[2]
    check("004", form.project, 81, 7, "人口工作", "人口工作")
    total, current, *_ = form.funds.rows
    check("004", total.initial_budget, 84, 9, "65.96", D("65.96"))
    check("004", total.budget, 84, 15, "63.00", D("63.00"))
    check("004", total.rate, 84, 30, "96%", D("96"))
    check("004", total.score, 84, 34, "9.6", D("9.6"))
    check("004", current.points, 85, 30, "10", D("10"))
    check("004", current.score, 85, 37, "9.6", D("9.6"))
    first, second = form.indicators[:2]
    check("004", first.target, 91, 32, "提升 20%", Target(None, None, None, "提升 20%"))
    check("004", first.reason, 91, 48, "个别居委未达到", "个别居委未达到")
    check("004", second.name, 92, 4, "指标 2：居村委两个实有准确率登记达标", second.name.raw)
    check("004", second.target, 92, 24, "98%", Target(None, D("98"), "%", None))
    check("004", second.actual, 92, 28, "97%", D("97"))
    check("004", second.points, 92, 32, "5", D("5"))
    check("004", second.score, 92, 34, "4", D("4"))
    assert second.level2.name == "数量指标"


def test_004_form6_truncated_total_is_malformed_not_dropped():
    form = seed("004").forms[5]
    check("004", form.total.points, 206, 9, "100", D("100"))
    assert form.total.score.raw == "97." and form.total.score.malformed and form.total.score.value is None
    assert (form.total.score.span.line, form.total.score.span.column) == (206, 13)


@pytest.mark.parametrize("name, count", [("001", 5), ("003", 10), ("004", 23)])
def test_every_seed_form_parses_without_diagnostic(name, count):
    document = seed(name)
    assert len(document.forms) == count
    assert document.problems == []
    assert [form.problems for form in document.forms] == [[]] * count
    assert all(form.parsed and form.project_name for form in document.forms)
