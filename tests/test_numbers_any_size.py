"""Numbers of any size or precision never crash a rule (issue 12, item 6)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.engine import INTERNAL_ERROR
from tests.forms import BASE, lint

# Every number of the base form, with the text around it, so one can be swapped for another.
NUMBER = re.compile(r"(?<=[\t≥])\d+(?:\.\d+)?(?=[\t%次\n])")
SLOTS = [match.span() for match in NUMBER.finditer(BASE)]

huge = st.integers(29, 400).map(lambda digits: "9" * digits)
huge_with_cents = st.integers(29, 200).map(lambda digits: "1" + "0" * digits + ".55")
tiny = st.integers(29, 400).map(lambda zeros: "0." + "0" * zeros + "1")
many_digits = st.integers(1, 60).flatmap(
    lambda whole: st.integers(1, 300).map(lambda decimals: "7" * whole + "." + "3" * decimals)
)
NUMBERS = st.one_of(huge, huge_with_cents, tiny, many_digits, st.sampled_from(["0", "0.00", "1", "100"]))


def with_numbers(replacements: dict[int, str]) -> str:
    text = BASE
    for index in sorted(replacements, reverse=True):
        start, end = SLOTS[index]
        text = text[:start] + replacements[index] + text[end:]
    return text


def test_the_base_form_has_numbers_to_replace():
    assert len(SLOTS) > 20


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.integers(0, len(SLOTS) - 1), NUMBERS, min_size=1, max_size=6))
def test_no_rule_crashes_on_huge_tiny_or_long_numbers(replacements):
    diagnostics = lint(with_numbers(replacements))
    crashed = [d.message for d in diagnostics if d.name == INTERNAL_ERROR]
    assert not crashed


def test_a_40_digit_execution_amount_is_checked_not_crashed():
    huge_executed = BASE.replace("\t100.00\t100.00\t90.00\t10\t90.00%", "\t100.00\t100.00\t" + "9" * 40 + ".00\t10\t90.00%", 1)
    diagnostics = lint(huge_executed)
    assert not [d for d in diagnostics if d.name == INTERNAL_ERROR]
    assert "JX102" in {d.code for d in diagnostics}


def test_a_41_digit_rate_is_checked_not_crashed():
    diagnostics = lint(BASE.replace("90.00%\t9.00", "9" * 41 + ".5%\t9.00", 1))
    assert not [d for d in diagnostics if d.name == INTERNAL_ERROR]
    assert {"JX102", "JX105"} <= {d.code for d in diagnostics}


def test_the_cli_lints_a_41_digit_rate_within_limits(tmp_path):
    from tests.bounded import jxlint

    (tmp_path / "form.txt").write_text(BASE.replace("90.00%\t9.00", "9" * 41 + ".5%\t9.00", 1), encoding="utf-8")
    result = jxlint("lint", "form.txt", cwd=tmp_path)
    assert result.returncode == 1 and b"internal" not in result.stdout + result.stderr  # was exit 3
    assert b"JX102 [execution-rate-mismatch]" in result.stdout
