"""The defects known in the published seed forms are found, at their cells; nothing else is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.engine import Diagnostic, Linter
from tests.conftest import SEEDS
from tests.forms import REGISTRY


def lint_seed(name: str) -> list[Diagnostic]:
    linter = Linter(registry=REGISTRY)
    return linter.lint_path(SEEDS[name]).diagnostics


@pytest.fixture(scope="module")
def findings() -> dict[str, list[Diagnostic]]:
    return {name: lint_seed(name) for name in SEEDS}


def at(diagnostics: list[Diagnostic], code: str) -> list[tuple[int, int]]:
    return [(d.span.line, d.span.column) for d in diagnostics if d.code == code]


def test_004_totals_that_are_not_the_sum_of_their_parts(findings):
    assert at(findings["004"], "JX202") == [(41, 13), (75, 12), (105, 12)]
    messages = [d.message for d in findings["004"] if d.code == "JX202"]
    assert "预算执行得分 0 + 各指标得分之和 80 = 80" in messages[0]  # 协管员服装费: 0 + 80 ≠ 90
    assert "预算执行得分 0 + 各指标得分之和 80 = 80" in messages[1]  # 人口督导工作经费
    assert "预算执行得分 9.6 + 各指标得分之和 92 = 101.6" in messages[2]  # 人口工作


def test_004_truncated_totals_are_malformed_numbers(findings):
    lines = [line for line, _ in at(findings["004"], "JX003")]
    assert lines == [206, 305, 348, 404, 550, 589, 624, 659, 692, 763]
    assert all("末尾是小数点" in d.message for d in findings["004"] if d.code == "JX003")


def test_003_thousand_percent_rate(findings):
    assert (106, 30) in at(findings["003"], "JX104")
    assert at(findings["003"], "JX102") == []  # 1,500,000 ÷ 150,000 is the printed 1000.00%
    assert (106, 30) in at(findings["003"], "JX108")


def test_004_rate_on_the_year_start_budget(findings):
    assert at(findings["004"], "JX103") == [(84, 30), (85, 33)]
    assert at(findings["004"], "JX102") == []


def test_004_zero_score_for_a_45_percent_rate(findings):
    [finding] = [d for d in findings["004"] if d.code == "JX105"]
    assert (finding.span.line, finding.span.column) == (248, 35)
    assert finding.project == "反电信诈骗费用" and finding.expected == "4.57" and finding.actual == "0"


def test_004_placeholder_rows(findings):
    placeholders = at(findings["004"], "JX006")
    assert (18, 4) in placeholders and (36, 1) in placeholders
    assert len(placeholders) == 80


def test_003_duplicated_rows_of_the_property_form(findings):
    assert at(findings["003"], "JX007") == [(43, 4), (45, 4), (47, 4), (49, 4), (53, 3)]


def test_003_first_form_has_an_empty_implementer(findings):
    [finding] = [d for d in findings["003"] if d.code == "JX004"]
    assert (finding.span.line, finding.span.column, finding.form_index) == (6, 31, 1)


def test_004_weights_that_do_not_add_up(findings):
    assert at(findings["004"], "JX201") == [(105, 8), (144, 8)]  # 人口工作 93 + 10, 一网通办 100 + 10


def test_004_label_defects(findings):
    labels = {(d.span.line, d.span.column): d.message for d in findings["004"] if d.code == "JX008" and d.severity == "warning"}
    assert "不完整" in labels[(40, 9)]  # 服务对象 满意度指
    assert "不是一级指标" in labels[(170, 2)]  # 生态效益指标 in both label columns
    assert "不是一级指标" in labels[(200, 2)]  # 成本指标 above 经济效益指标


def test_001_pdf_forms_findings_are_the_scoring_and_plausibility_ones(findings):
    # 嘉定 信息化项目建设: 应用场景开发数量 ≥0.00(个); 政府聘用辅助人员经费: nothing spent, full
    # marks; form 5: ≥200 days planned, 365 run, no reason. No error.
    assert [(d.code, d.span.line, d.span.column, d.severity) for d in findings["001"]] == [
        ("JX307", 286, 10, "info"), ("JX601", 514, 19, "warning"), ("JX303", 568, 17, "warning"),
        ("JX308", 760, 21, "info"),
    ]


def test_003_actuals_written_as_targets(findings):
    lines = [line for line, _ in at(findings["003"], "JX305")]
    assert lines == [15, 16, 22, 50, 53, 87, 88, 89, 94, 113, 114, 120, 162, 165, 180, 187]  # `>=85%`, `=1个` …


def test_004_targets_and_actuals_in_other_units(findings):
    assert at(findings["004"], "JX306") == [(17, 30), (57, 31), (93, 21)]  # 81 套, 4 台, 350 万 against 100%


def test_no_other_errors_in_the_seeds(findings):
    errors = {(name, d.code) for name, diagnostics in findings.items() for d in diagnostics if d.severity == "error"}
    assert errors == {
        ("003", "JX004"), ("003", "JX104"),
        ("004", "JX003"), ("004", "JX103"), ("004", "JX105"), ("004", "JX201"), ("004", "JX202"), ("004", "JX401"),
    }
    missing_reasons = [(d.span.line, d.project) for d in findings["004"] if d.code == "JX401"]
    assert missing_reasons == [(26, "协管员服装费"), (63, "人口督导工作经费"), (92, "人口工作"), (130, "一网通办居住证自助服务终端")]


def test_every_seed_diagnostic_names_its_form_and_cell(findings):
    for name, diagnostics in findings.items():
        lines = Path(SEEDS[name]).read_text(encoding="utf-8").split("\n")
        for d in diagnostics:
            assert d.form_index is not None and d.project
            assert 1 <= d.span.line <= len(lines) and 1 <= d.span.column <= len(lines[d.span.line - 1]) + 1


def test_004_points_deducted_though_target_and_actual_are_both_100_percent(findings):
    # 闵行 反电信诈骗费用: every row 100% → 100%, scored 9, 4, 8, 8, 8 of their points.
    assert [line for line, _ in at(findings["004"], "JX301")] == [255, 258, 259, 260, 266]
    assert at(findings["004"], "JX302") == [] and at(findings["003"], "JX302") == []


def test_nothing_spent_and_full_marks_on_the_outputs(findings):
    # 嘉定 政府聘用辅助人员经费 (001 form 4): 执行数 0.00; 闵行 (004): budgets cut to 0 on forms
    # 1 and 2, nothing spent on forms 4, 11 and 23 — each with its output rows at full marks.
    assert at(findings["001"], "JX601") == [(514, 19)]
    assert [line for line, _ in at(findings["004"], "JX601")] == [10, 50, 114, 357, 772]


def test_shortfalls_not_scored_in_proportion(findings):
    # 嘉定 平均成本 =17500 with actual 0 scored 5 of 10; 闵行 98% → 97% scored 4 of 5 (4.95).
    assert at(findings["001"], "JX303") == [(568, 17)] and at(findings["004"], "JX303") == [(92, 34)]


def test_every_actual_copied_and_full_marks(findings):
    # 宝山 (003): `=1个` → `=1个`, `有效` → `有效` … on six forms; 闵行 (004): `100%` → `100%` on every
    # row of 18 forms. 嘉定 (001) measures its actuals: none.
    # Each finding points at the form's first copied actual.
    assert [line for line, _ in at(findings["003"], "JX602")] == [15, 42, 87, 113, 140, 180]
    assert [line for line, _ in at(findings["004"], "JX602")] == [
        160, 193, 222, 283, 321, 364, 391, 423, 461, 496, 530, 566, 605, 640, 675, 708, 745, 779,
    ]
    assert at(findings["001"], "JX602") == []


def test_judgement_rules_silent_where_the_seeds_follow_the_rules(findings):
    # 嘉定 信息化项目运维: ≤27.40 万元 = 全年预算数 and 24.39 万元 = 全年执行数; 政府聘用辅助人员经费:
    # 项目总成本 ≤17500 元 = 1.75 万元, actual 0 = 执行数 0.00; 未达成指标且效果较差 scored 5 of 10,
    # inside its band. No seed scores the execution rate twice, and none leaves a scored cell empty.
    for name in ("001", "003", "004"):
        assert [d for d in findings[name] if d.code in ("JX011", "JX304", "JX603", "JX604")] == []


def _lint_changed(name: str, old: str, new: str, code: str) -> list[tuple[int, int]]:
    """The seed with one cell changed (the defect a rule looks for), linted for `code`."""
    text = Path(SEEDS[name]).read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    changed = text.replace(old, new, 1)
    result = Linter(select=(code,), registry=REGISTRY).lint_bytes(changed.encode("utf-8"), "seed.txt", Path(SEEDS[name]))
    return [(d.span.line, d.span.column) for d in result.diagnostics]


def test_judgement_rules_on_seeds_given_the_defect():
    # 嘉定 公用经费发放 未达成指标且效果较差 scored 5 of 10: 7 is outside 60–0 %.
    assert _lint_changed("001", "\n10.00 5.00\n", "\n10.00 7.00\n", "JX304") == [(601, 7)]
    # 嘉定 信息化项目运维: the cost actual no longer the amount spent; the cost target above the budget.
    assert _lint_changed("001", "24.39(万元)", "20.39(万元)", "JX603") == [(414, 12)]
    assert _lint_changed("001", "≤27.40(万元)", "≤37.40(万元)", "JX603") == [(414, 1)]
    # 闵行 协管员服装费 (tab-separated): a scored row with its 得分 left empty.
    assert _lint_changed("004", "根据合同要求\t100%\t100%\t10\t10\t", "根据合同要求\t100%\t100%\t10\t\t", "JX011") == [(23, 33)]
    # 闵行 协管员服装费: a 三级 that scores the execution rate again.
    assert _lint_changed("004", "指标 1：根据合同要求", "预算执行率", "JX604") == [(23, 8)]
