"""Real excerpts of other provinces' forms (tests/other-provinces, see its INDEX.md):
every file's forms are found and named, their header and funds values read where the
text allows, and nothing is reported that the form does not show."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from linter.engine import Linter
from linter.parse import parse_path
from tests.forms import REGISTRY

FIXTURES = Path(__file__).parent / "other-provinces"


def fixture(prefix: str) -> Path:
    [path] = FIXTURES.glob(f"{prefix}_*.txt")
    return path


def forms(prefix: str):
    return parse_path(str(fixture(prefix))).forms


def findings(prefix: str):
    return Linter(registry=REGISTRY).lint_path(fixture(prefix)).diagnostics


EXPECTED_TEMPLATES = {
    "001": ["department"], "002": ["national"], "003": ["scoring-grid"], "004": ["transfer"], "005": ["transfer"],
    "006": ["hubei"], "007": ["hubei"], "008": ["suizhou"], "009": ["national"], "010": ["suizhou"],
    "011": ["scoring-grid"], "012": ["yunnan"], "013": ["scoring-grid"], "014": ["jiangsu-report"],
    "015": ["declaration"],
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED_TEMPLATES))
def test_every_excerpt_is_found_and_named(prefix):
    assert [form.template for form in forms(prefix)] == EXPECTED_TEMPLATES[prefix]


# Findings a reviewer would accept on these excerpts; nothing else is an error.
TRUE_ERRORS = {
    "001": [("JX104", 7, 31)],  # 全年执行数 338.31 > 全年预算数 329.77 (执行率 102.59%)
    "012": [("JX401", 24, 108), ("JX401", 25, 68), ("JX401", 26, 61), ("JX401", 27, 71)],  # scores below points, no reason
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED_TEMPLATES))
def test_no_error_but_the_true_ones(prefix):
    errors = [(d.code, d.span.line, d.span.column) for d in findings(prefix) if d.severity == "error"]
    assert errors == TRUE_ERRORS.get(prefix, [])


def test_001_anhui_department_form_cut_in_the_indicator_table():
    [form] = forms("001")
    assert form.project.text == "金寨县茶谷和美丽乡村建设服务中心" and form.year.value == 2023
    total = form.funds.total
    assert [total.initial_budget.number, total.budget.number, total.executed.number, total.rate.number] == [
        Decimal("329.77"), Decimal("329.77"), Decimal("338.31"), Decimal("102.59")]
    first = form.indicators[0]
    assert (first.name.text, first.target.raw, first.actual.raw, first.points.number, first.score.number) == (
        "指标1:开展精品示范村建设数量", "≤4", "4", Decimal(10), Decimal(10))
    assert form.truncated == ["total"]
    [cut] = [d for d in findings("001") if d.code == "JX013"]
    assert (cut.span.line, cut.span.column) == (24, 8)  # the last cell read, `指标1:`
    assert not any(d.code == "JX006" for d in findings("001"))  # the cut row is not a placeholder


def test_012_yunnan_traditional_characters_and_split_targets():
    [form] = forms("012")
    assert form.template == "yunnan" and form.year.value == 2020
    assert form.department.raw == "麗江市自然資源和規(guī)劃局"
    assert form.unit.value == "万元"
    total = form.funds.total
    assert [total.budget.number, total.points.number, total.rate.number, total.score.number] == [
        Decimal("7.29"), Decimal("10.00"), Decimal(100), Decimal("10.00")]
    first = form.indicators[0]
    assert (first.target.value.comparator, first.target.value.number, first.target.value.unit) == ("=", Decimal(72890), "元")
    assert (first.points.number, first.score.number) == (Decimal("10.00"), Decimal("9.00"))
    last = form.indicators[-1]
    assert last.points.uncertain  # the row the page cut: its cells are not reported on


@pytest.mark.parametrize("prefix, project, department", [
    ("004", "县级储备粮", "衡山县商务和粮食局"),
    ("006", "渔业成品油价格改革补贴", "区市场监督管理局"),
    ("007", "东津院区建设补助", "襄阳市卫生健康委"),
    ("008", "2021年卫生健康人才培养培训一次性开办费", "随州市卫生健康委员会"),
    ("010", "办公局域网维护费", "广水市纪委监委"),
])
def test_run_together_and_scrambled_text_still_names_the_form(prefix, project, department):
    [form] = forms(prefix)
    assert form.project.text == project and form.department.text == department
    assert not form.structure_certain  # so no rule reports on a value read from it
    assert [d.code for d in findings(prefix) if d.code not in ("JX013",)] == []


def test_recognised_forms_get_one_finding_each():
    for prefix in ("003", "011", "013", "014", "015"):
        diagnostics = findings(prefix)
        assert [d.code for d in diagnostics] == ["JX014"], prefix
    [declaration] = findings("015")
    assert "申报表" in declaration.message


def test_a_title_with_only_notes_under_it_is_a_truncated_form():
    assert [d.code for d in findings("002")] == ["JX013"]


def test_titles_mentioned_in_a_document_about_forms_are_not_forms():
    # INDEX.md names the families in table cells (`F1b 部门整体支出绩效自评表 (…`) and in
    # prose (`015 is a 绩效目标申报表 (a goal declaration`): mentions, not titles.
    document = parse_path(str(FIXTURES / "INDEX.md"))
    assert document.forms == []
    assert [d.code for d in Linter(registry=REGISTRY).lint_path(FIXTURES / "INDEX.md").diagnostics] == ["JX002"]
