"""The arithmetic helpers rules share (linter/rule.py): the decimals a value prints, and the
rounding that follows from them, for every way a Decimal can be written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from linter.ast import Cell, Span
from linter.rule import decimals_of, half_unit, unit_in_last_place, unusable


def _exponent_places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if exponent < 0 else 0


@pytest.mark.parametrize("text", [
    "0", "7", "-12", "9.82", "9.8", "10", "10.00", "-0.000", "0.0000001", "1E-7", "0E-10", "1E+2", "1.20E+3",
    "123456789012345678901234567890.123", "5e-3",
])
def test_decimals_are_those_the_value_prints(text):
    value = Decimal(text)
    assert decimals_of(value) == _exponent_places(value)


def test_the_most_decimals_among_values_none_skipped():
    assert decimals_of(Decimal("1.5"), None, Decimal("2.125"), Decimal("3")) == 3
    assert decimals_of(Decimal("1E+5"), Decimal("7")) == 0


def test_no_value_at_all_is_an_error():
    with pytest.raises(ValueError):
        decimals_of(None, None)


def test_rounding_follows_the_printed_decimals():
    assert unit_in_last_place(Decimal("9.82")) == Decimal("0.01")
    assert half_unit(Decimal("9.8")) == Decimal("0.05")
    assert half_unit(Decimal("1E-7")) == Decimal("5E-8")
    assert unit_in_last_place(Decimal("1E+2")) == 1


def test_unusable_cells():
    span = Span(1, 1, 1, 2)
    fine, odd, unsure = Cell("1", span, Decimal(1)), Cell("1.", span, None, malformed=True), Cell("2", span, Decimal(2), uncertain=True)
    assert not unusable(None, fine)
    assert unusable(fine, odd)
    assert unusable(unsure)
    assert not unusable()
