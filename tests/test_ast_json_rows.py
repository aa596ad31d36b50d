"""The AST's JSON writes a funds row's columns and an indicator's optional columns
without looping over the column names: the keys must still follow the AST's lists."""

from __future__ import annotations

from pathlib import Path

from linter.ast import Cell, FundRow, Indicator, Span
from linter.parse import parse_path
from linter.report.ast_json import fund_row_json, indicator_json, indicators_json, label_json

OTHER_PROVINCES = Path(__file__).parent / "other-provinces"


def test_a_funds_row_has_every_column_in_the_order_of_fund_row_columns():
    form = parse_path(str(OTHER_PROVINCES / "012_yunnan-lijiang_2020.txt")).forms[0]
    assert form.funds is not None and form.funds.rows
    for row in form.funds.rows:
        keys = list(fund_row_json(row))
        assert keys[:2] == ["label", "kind"]
        assert keys[2:8] == list(FundRow.COLUMNS)
        for column in FundRow.COLUMNS:
            cell = getattr(row, column)
            assert (fund_row_json(row)[column] is None) == (cell is None)


def test_optional_columns_are_written_only_where_the_row_has_them():
    form = parse_path(str(OTHER_PROVINCES / "012_yunnan-lijiang_2020.txt")).forms[0]
    with_optional = [indicator for indicator in form.indicators if indicator.nature is not None]
    assert with_optional and with_optional[0].measure_unit is not None
    for indicator, out in zip(form.indicators, indicators_json(form.indicators)):
        present = [column for column in Indicator.OPTIONAL_COLUMNS if getattr(indicator, column) is not None]
        assert [key for key in out if key in Indicator.OPTIONAL_COLUMNS] == present
        for column in present:
            assert out[column]["raw"] == getattr(indicator, column).raw


def test_a_row_with_one_optional_column_has_that_key_alone():
    span = Span(4, 1, 4, 30)
    indicator = Indicator(span)
    assert not set(Indicator.OPTIONAL_COLUMNS) & set(indicator_json(indicator, None, None))
    indicator.criteria = Cell("按时完成得满分", span, "按时完成得满分")
    out = indicator_json(indicator, None, None)
    assert [key for key in out if key in Indicator.OPTIONAL_COLUMNS] == ["criteria"]
    assert out["criteria"]["raw"] == "按时完成得满分"


def test_each_row_carries_the_json_of_its_own_labels():
    form = parse_path(str(OTHER_PROVINCES / "012_yunnan-lijiang_2020.txt")).forms[0]
    rows = indicators_json(form.indicators)
    assert len({id(indicator.level1) for indicator in form.indicators}) > 1  # labels change down the table
    for indicator, out in zip(form.indicators, rows):
        assert out["level1"] == label_json(indicator.level1)
        assert out["level2"] == label_json(indicator.level2)
        assert out == indicator_json(indicator, label_json(indicator.level1), label_json(indicator.level2))
