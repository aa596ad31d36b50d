"""Whether an indicator's actual meets its target, shared by JX301 and JX302."""

from __future__ import annotations

from linter.rule import number
from linter.text import key
from linter.values import Target

_COMPARE = {
    "≥": lambda actual, target: actual >= target,
    ">": lambda actual, target: actual > target,
    "≤": lambda actual, target: actual <= target,
    "<": lambda actual, target: actual < target,
    "=": lambda actual, target: actual == target,
}


def meets(indicator, parameters) -> bool | None:
    """True or False when the row says whether its target was met, None when it cannot
    be told: a quantitative target and an actual in the same unit, compared by the
    target's comparator (none: equal), or a qualitative actual in the template's
    completion words (`达成…` met; `部分达成…`, `未达成…` not)."""
    target, actual = indicator.target, indicator.actual
    if target is None or actual is None or target.uncertain or actual.uncertain:
        return None
    value = target.value
    if isinstance(value, Target) and value.number is not None:
        measured = number(actual)
        if measured is None or actual.comparator is not None or (value.unit or None) != (actual.unit or None):
            return None
        return _COMPARE[value.comparator or "="](measured, value.number)
    actual_key = key(actual.raw)
    if actual_key.startswith(tuple(parameters.get("completion_missed") or ())):
        return False
    if actual_key.startswith(tuple(parameters.get("completion_met") or ())):
        return True
    return None
