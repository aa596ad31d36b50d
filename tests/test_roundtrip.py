"""Render a generated form in every layout, parse it back: the same values come out."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from linter.ast import Cell, Form, FundRow
from linter.layouts import LAYOUTS
from linter.parse import parse_text
from linter.render import render
from linter.values import Target
from tests.conftest import seed
from tests.strategies import forms


def _number(cell: Cell | None) -> Decimal | None:
    return cell.value if cell is not None and isinstance(cell.value, Decimal) else None


def _text(cell: Cell | None) -> str | None:
    return None if cell is None or not cell.raw else " ".join(cell.raw.split())


def _target(cell: Cell | None) -> Target | None:
    return cell.value if cell is not None and isinstance(cell.value, Target) else None


def values(form: Form) -> dict:
    """Everything a rule can read from a form, without positions."""
    return {
        "year": form.year.value if form.year else None,
        "unit": form.unit.value if form.unit else None,
        "project": _text(form.project),
        "department": _text(form.department),
        "implementer": _text(form.implementer),
        "funds": [(row.kind, [_number(getattr(row, c)) for c in FundRow.COLUMNS]) for row in form.funds.rows],
        "goal": (_text(form.goal.expected), _text(form.goal.actual)),
        "indicators": [
            (
                i.level1.name if i.level1 else None, i.level2.name if i.level2 else None, _text(i.name),
                i.placeholder, _target(i.target), _text(i.actual), _number(i.actual),
                _number(i.points), _number(i.score), _text(i.reason),
            )
            for i in form.indicators
        ],
        "total": (_number(form.total.points), _number(form.total.score)),
        "grade": _text(form.grade),
    }


def parse_one(text: str, layout: str) -> Form:
    document = parse_text(text, f"generated.{layout}")
    assert len(document.forms) == 1
    form = document.forms[0]
    assert form.layout == layout
    assert form.problems == [], text
    return form


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(form=forms())
def test_generated_forms_round_trip(layout, form):
    parsed = parse_one(render(form, layout), layout)
    assert values(parsed) == values(form)


_BARE_NUMBER = re.compile(r"(?:^|\s)\d+(?:\s|$)")


def _pdf_ambiguous(form: Form) -> bool:
    """A text cell holding a bare, space-separated number (`1 季度 1 次 610 例会`).

    In PDF text cells are separated by single spaces, so such a number cannot be
    told from a 分值/得分 value; the PDF layout cannot carry these forms.
    """
    cells = [c for i in form.indicators for c in (i.name, i.target, i.actual, i.reason) if c is not None]
    return any(_BARE_NUMBER.search(c.raw) for c in cells)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_seed_forms_round_trip_through_every_layout(layout):
    checked = 0
    for name in ("001", "003", "004"):
        for form in seed(name).forms:
            if layout == "pdf" and _pdf_ambiguous(form):
                continue
            checked += 1
            parsed = parse_one(render(form, layout), layout)
            expected, found = values(form), values(parsed)
            # Every part but the goal, whose two paragraphs PDF and one-cell text cannot
            # always tell apart; the funds included, whose sub-rows print `—` in 分值/得分
            # (read right in layouts that drop empty cells, from the template's knowledge).
            for part in expected:
                if part != "goal":
                    assert found[part] == expected[part], (name, form.index, part)
    assert checked == (23 if layout == "pdf" else 38)  # 15 forms have bare numbers in text


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(form=forms())
def test_every_rule_runs_on_generated_forms(layout, form):
    from pathlib import Path

    from linter.engine import INTERNAL_ERROR, Linter
    from tests.forms import REGISTRY

    result = Linter(registry=REGISTRY).lint_bytes(render(form, layout).encode(), "generated.txt", Path(__file__))
    assert [d.message for d in result.diagnostics if d.name == INTERNAL_ERROR] == []
    assert not any(d.code == "JX001" for d in result.diagnostics)
