"""Rules beyond their examples: what the fixture files (rules/examples/*.yaml, run by
tests/test_rule_examples.py) do not express: severities, the fields of a finding,
English rendering, interplay between rules, tolerances over many values, the
generated docs.

Line numbers of BASE: 3 项目名称, 4 主管部门, 6 年度资金总额, 7 当年财政拨款, 11 goal,
13–16 indicator rows, 17 总分.
"""

from __future__ import annotations

import pytest

from tests.forms import BASE, REGISTRY, codes, form, lint

TOTAL_ROW = "\t年度资金总额\t100.00\t100.00\t90.00\t10\t90.00%\t9.00"
EXECUTION_SCORED_0 = form((TOTAL_ROW, TOTAL_ROW.replace("\t9.00", "\t0")))


def test_base_form_is_clean_under_every_rule():
    assert lint(BASE) == []


def test_a_rule_that_is_unsure_reports_at_a_lower_severity():
    satisfaction_under_effect = form(("\t效益指标\t社会效益指标\t服务保障效果", "\t效益指标\t社会效益指标\t居民满意度"))
    [finding] = lint(satisfaction_under_effect, select="JX008")
    assert finding.severity == "info"


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
