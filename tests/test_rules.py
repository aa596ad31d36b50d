"""Rules beyond their examples: what the fixture files (rules/examples/*.yaml, run by
tests/test_rule_examples.py) do not express: severities, the fields of a finding,
English rendering, interplay between rules, tolerances over many values, the
generated docs.

Line numbers of BASE: 3 项目名称, 4 主管部门, 6 年度资金总额, 7 当年财政拨款, 11 goal,
13–16 indicator rows, 17 总分.
"""

from __future__ import annotations

import pytest

from tests.families import FAMILIES, render
from tests.forms import BASE, REGISTRY, codes, form, lint, where

TOTAL_ROW = "\t年度资金总额\t100.00\t100.00\t90.00\t10\t90.00%\t9.00"
FIRST_ROW = "\t产出指标\t数量指标\t系统维护次数\t≥12次\t12次\t30\t30\t"
QUALITY_ROW = "\t\t质量指标\t系统正常运行率\t≥95%\t99%\t20\t20\t"
EFFECT_ROW = "\t效益指标\t社会效益指标\t服务保障效果\t有效\t有效\t30\t30\t"
PARTLY_MET = "\t部分达成指标并具有一定效果\t30\t"
# Every actual a copy of its target, every row at full marks (JX602).
COPIED = ((QUALITY_ROW, QUALITY_ROW.replace("\t99%\t", "\t95%\t")), ("\t≥85%\t90%\t", "\t≥85%\t85%\t"))
COST_ROW = "\t\t成本指标\t运维成本\t≤100万元\t90万元\t20\t20\t"
EXECUTION_SCORED_0 = form((TOTAL_ROW, TOTAL_ROW.replace("\t9.00", "\t0")))


def test_base_form_is_clean_under_every_rule():
    assert lint(BASE) == []


def test_a_rule_that_is_unsure_reports_at_a_lower_severity():
    satisfaction_under_effect = form(("\t效益指标\t社会效益指标\t服务保障效果", "\t效益指标\t社会效益指标\t居民满意度"))
    [finding] = lint(satisfaction_under_effect, select="JX008")
    assert finding.severity == "info"


def test_a_satisfaction_indicator_is_one_whose_name_ends_with_satisfaction():
    # Under 效益指标: 居民满意度 is reported (info); a name that only holds the word is not,
    # nor is a row under 满意度指标 itself.
    ends = form(("\t效益指标\t社会效益指标\t服务保障效果", "\t效益指标\t社会效益指标\t居民 满意度"))
    [finding] = lint(ends, select="JX008")
    assert (finding.span.line, finding.severity) == (15, "info")
    assert "居民 满意度" in finding.message
    holds = form(("\t效益指标\t社会效益指标\t服务保障效果", "\t效益指标\t社会效益指标\t满意度调查覆盖率"))
    assert lint(holds, select="JX008") == []
    assert lint(BASE.replace("使用人员满意度", "服务对象满意度"), select="JX008") == []


def test_findings_carry_expected_actual_and_table_path():
    [finding] = lint(EXECUTION_SCORED_0, select="JX105")
    assert (finding.expected, finding.actual) == ("9.00", "0")
    assert finding.table_path == "项目资金/年度资金总额/得分"
    assert finding.form == {"index": 1, "project": "测试项目", "line": 1}
    assert finding.message == "预算执行得分 0 ≠ min(执行率 90.00%, 100%) × 分值 10 = 9.00"


def test_messages_render_in_english_too():
    from pathlib import Path

    from linter.engine import Linter

    linter = Linter(lang="en", select=("JX105",), registry=REGISTRY)
    [finding] = linter.lint_bytes(EXECUTION_SCORED_0.encode(), "form.txt", Path(__file__)).diagnostics
    assert finding.message == "budget-execution score 0 ≠ min(rate 90.00%, 100%) × points 10 = 9.00"


def test_malformed_numbers_are_reported_once_and_sums_skipped():
    text = form(("\t100\t99.00", "\t100\t99."))
    assert codes(lint(text)) == ["JX003"]


def test_placeholder_and_declared_empty_rows_take_no_part_in_sums():
    text = form(("总分", "\t\t\t指标 2：\n\t\t\t指标 3：无\t无\t无\t无\t无\n总分"))
    assert codes(lint(text, select="JX201")) == []
    assert codes(lint(text, select="JX202")) == []


@pytest.mark.parametrize(
    "printed, computed_ok",
    [("90.00%", True), ("89.99%", True), ("89.98%", True), ("89.97%", False), ("90%", True), ("91%", True), ("92%", False)],
)
def test_execution_rate_tolerance_follows_printed_decimals(printed, computed_ok):
    text = form((TOTAL_ROW, TOTAL_ROW.replace("90.00%", printed)))
    assert (codes(lint(text, select="JX102")) == []) == computed_ok


@pytest.mark.parametrize("score, ok", [("9.00", True), ("9", True), ("9.0", True), ("8.99", True), ("8.98", False), ("9.1", False)])
def test_execution_score_tolerance_follows_printed_decimals(score, ok):
    text = form((TOTAL_ROW, TOTAL_ROW.replace("\t9.00", f"\t{score}")))
    assert (codes(lint(text, select="JX105")) == []) == ok


def test_generated_rule_docs_are_up_to_date():
    from pathlib import Path

    from linter.docs import rules_markdown

    committed = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "run: python -m linter.docs > docs/rules.md"


def test_qualitative_band_edges_and_levels():
    def scored(level: str, score: str) -> list[tuple[str, int, int]]:
        row = EFFECT_ROW.replace("\t有效\t30\t30\t", f"\t{level}\t30\t{score}\t说明")
        return where(lint(form((EFFECT_ROW, row)), select="JX304"))

    assert scored("部分达成指标并具有一定效果", "24") == [("JX304", 15, 41)]  # 80 %: the upper bound, excluded
    assert scored("部分达成指标并具有一定效果", "18") == []  # 60 %: the lower bound, included
    assert scored("达成指标", "30") == [] and scored("达成指标", "24") == []  # the top band includes 100 % and 80 %
    assert scored("达成年度指标", "23.9") == [("JX304", 15, 34)]
    assert scored("未达成指标且效果较差", "15") == []  # 嘉定's 5 of 10: 50 %, inside 60–0 %
    assert scored("未达成指标且效果较差", "18") == [("JX304", 15, 38)]
    assert scored("基本达成", "10") == []  # not a level word of the template: no band to check


def test_qualitative_bands_option(tmp_path):
    row = EFFECT_ROW.replace("\t有效\t30\t30\t", PARTLY_MET + "15\t说明")  # 50 %
    text = form((EFFECT_ROW, row))
    assert codes(lint(text, select="JX304")) == ["JX304"]  # national: 80–60 %
    config = "rules:\n  JX304: {bands: [100-80, 80-50, 50-0]}\n"  # 湖北's printed bands
    assert codes(lint(text, select="JX304", config=config, tmp=tmp_path)) == []
    pairs = "rules:\n  JX304: {bands: [[100, 80], [80, 50], [50, 0]]}\n"  # the template data's own form
    assert codes(lint(text, select="JX304", config=pairs, tmp=tmp_path)) == []


@pytest.mark.parametrize("bands", ["[100-80, 80-50, 50-0x]", "[100-80, 80-50, 120-0]", "[100-80, 80]", "[]", "100-80"])
def test_qualitative_bands_option_that_makes_no_bands_is_a_config_error(bands):
    import yaml

    from rules.jx304_qualitative_score_band import OPTIONS

    with pytest.raises(ValueError):
        OPTIONS["bands"].convert(yaml.safe_load(bands))
    assert OPTIONS["bands"].convert(yaml.safe_load("[100-80, 80-60, 60-0]")) == ((100, 80), (80, 60), (60, 0))


def test_hubei_bands_are_template_data():
    from linter.templates import builtin_templates

    templates = builtin_templates()
    assert templates.get("hubei").parameters()["scoring"]["qualitative_bands"] == [[100, 80], [80, 50], [50, 0]]
    assert templates.get("hubei").parameters()["scoring"]["qualitative_levels"][1] == ["部分达成"]


def test_uniform_full_marks_minimum_option(tmp_path):
    assert codes(lint(form(*COPIED), select="JX602")) == ["JX602"]
    config = "rules:\n  JX602: {minimum: 5}\n"  # BASE has four rows
    assert codes(lint(form(*COPIED), select="JX602", config=config, tmp=tmp_path)) == []


def test_cost_indicator_actual_against_the_amount_spent(tmp_path):
    def found(row: str, config: str | None = None) -> list[str]:
        return [d.message for d in lint(form((QUALITY_ROW, row)), select="JX603", config=config, tmp=tmp_path if config else None)]

    assert found(COST_ROW.replace("\t90万元\t", "\t95万元\t")) == ["成本指标实际完成值 95万元 超过全年执行数 90.00万元"]
    assert found(COST_ROW.replace("\t90万元\t", "\t85万元\t")) == ["成本指标的年度指标值等于预算数，其实际完成值 85万元 却与全年执行数 90.00万元 不符"]
    assert found(COST_ROW.replace("≤100万元\t90万元", "≤50万元\t45万元")) == []  # a part of the budget: not the whole
    assert found(COST_ROW.replace("≤100万元\t90万元", "=17500元/人\t0元/人")) == []  # a unit cost, not an amount
    assert found(COST_ROW.replace("≤100万元\t90万元", "10.13\t0")) == []  # no unit: not known to be money
    assert found(COST_ROW.replace("\t90万元\t", "\t89.995万元\t")) == []  # within the printed decimals
    assert found(COST_ROW.replace("\t90万元\t", "\t89.9万元\t")) != []
    assert found(COST_ROW.replace("\t90万元\t", "\t89.9万元\t"), "rules:\n  JX603: {tolerance: 1000}\n") == []  # 1000 元


def test_execution_rescored_words_option_and_unscored_funds(tmp_path):
    row = QUALITY_ROW.replace("系统正常运行率", "资金到位率")
    assert codes(lint(form((QUALITY_ROW, row)), select="JX604")) == []
    config = "rules:\n  JX604: {words: [资金到位率]}\n"
    assert where(lint(form((QUALITY_ROW, row)), select="JX604", config=config, tmp=tmp_path)) == [("JX604", 14, 8)]
    rescored = QUALITY_ROW.replace("系统正常运行率", "预算执行率")
    unscored = (TOTAL_ROW, "\t年度资金总额\t100.00\t100.00\t90.00\t—\t90.00%\t—")  # the funds block scores nothing
    assert codes(lint(form((QUALITY_ROW, rescored), unscored), select="JX604")) == []


def test_blank_cells_of_the_funds_and_total_rows():
    assert where(lint(form((FIRST_ROW, FIRST_ROW.replace("\t12次\t", "\t\t"))), select="JX011")) == [("JX011", 13, 24)]
    assert where(lint(form((TOTAL_ROW, TOTAL_ROW.replace("\t9.00", "\t"))), select="JX011")) == [("JX011", 6, 39)]
    assert where(lint(form(("\t100\t99.00", "\t100\t")), select="JX011")) == [("JX011", 17, 13)]  # the empty cell
    assert where(lint(form(("\t100\t99.00", "\t100")), select="JX011")) == [("JX011", 17, 12)]  # the line's end
    placeholder = form(("总分", "\t\t\t指标 2：\t\t\t\t\t\n总分"))
    assert codes(lint(placeholder, select="JX011")) == []  # an unused template row is JX006's


def test_blank_cells_are_recorded_in_the_ast_apart_from_absent_columns():
    from linter.parse import parse_text

    row = FIRST_ROW.replace("\t30\t30\t", "\t30\t\t")
    [indicator, *_] = parse_text(form((FIRST_ROW, row)), "form.txt").forms[0].indicators
    assert (indicator.score.raw, tuple(indicator.score.span), indicator.score.value) == ("", (13, 31, 13, 31), None)
    assert not indicator.points.uncertain and indicator.reason is None  # the rest read by column, for sure
    hubei = parse_text(render(FAMILIES["hubei"], "tsv"), "form.txt").forms[0]
    assert all(indicator.points is None for indicator in hubei.indicators)  # no 分值 column: absent, not empty


def test_blank_cells_in_text_without_columns_are_not_reported_as_certain():
    import re

    text = form((FIRST_ROW, FIRST_ROW.replace("\t30\t30\t", "\t30\t\t")), ("\t100\t99.00", "\t100\t"))
    spaced = re.sub("\t+", "   ", text)  # the `spaces` layout: an empty cell leaves no trace
    [finding] = lint(spaced, select="JX011")
    assert (finding.severity, finding.span.line) == ("warning", 17)  # the total row only, as a warning
    assert "无表格列" in finding.message
    piped = "\n".join("| " + " | ".join(line.split("\t")) + " |" if line else line for line in text.split("\n"))
    assert where(lint(piped, select="JX011")) == [("JX011", 13, 46), ("JX011", 17, 28)]  # markdown keeps its columns


def test_a_shifted_row_is_read_by_content_not_by_column():
    from linter.parse import parse_text

    # 闵行 (seed 004) shifts a row one column right: 指标 under 年度指标值, 100% under 分值.
    shifted = "\t满意度指标\t服务对象满意度指标\t\t指标 1: 使用人员满意度\t≥85%\t90%\t10\t10"
    text = form(("\t满意度指标\t服务对象满意度指标\t使用人员满意度\t≥85%\t90%\t10\t10\t", shifted))
    indicator = parse_text(text, "form.txt").forms[0].indicators[-1]
    assert (indicator.name.raw, indicator.points.raw, indicator.score.raw) == ("指标 1: 使用人员满意度", "10", "10")
    assert codes(lint(text, select="JX011")) == []


def test_template_instructions_left_in_any_text_cell_are_reported_with_its_path():
    # The project name, the goal, an indicator's reason and actual (the row's path); not a
    # cell that only shares words with an instruction.
    text = form(
        ("项目名称\t测试项目", "项目名称\tXX单位XX项目"),
        ("\t系统已于年内建成并稳定运行", "\t结合自评情况，说明完成情况（100字以内）"),
        ("\t系统维护次数\t≥12次\t12次\t30\t30\t", "\t系统维护次数\t≥12次\t12次\t30\t30\t针对项目自评中发现的问题填写"),
        ("\t系统正常运行率\t≥95%\t99%\t", "\t系统正常运行率\t≥95%\t对照年度目标，说明完成情况\t"),
        ("\t服务保障效果\t有效\t有效\t", "\t服务保障效果\t有效\t说明了完成情况\t"),
    )
    findings = lint(text, select="JX012")
    assert [(f.span.line, f.table_path) for f in findings] == [
        (3, "项目名称"),
        (11, "年度总体目标/实际完成情况"),
        (13, "绩效指标/产出指标/数量指标/系统维护次数"),
        (14, "绩效指标/产出指标/质量指标/系统正常运行率"),
    ]
    assert findings[3].message == "「对照年度目标，说明完成情况」是模板的填写说明，不是填写的内容"
