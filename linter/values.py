"""Reading numbers, percentages, amounts and targets out of cell text.

Every number is a `Decimal`. A cell that looks numeric but is not a valid
number (`99.`, `1,5,00`) is *malformed*: its raw text is kept and no value is
guessed, so the linter can report it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from linter.record import record
from linter.text import fold

_NUMERIC_RE = re.compile(
    r"^(?P<cmp>>=|<=|≥|≤|>|<|=)?"
    r"(?P<num>[+-]?[\d,]*\d[\d,]*(?:\.\d*)?|[+-]?\.\d+)"
    r"(?P<unit>%|\(%\)|\([^()\d]{1,8}\)|[^\d\s()%.,:;/=<>≥≤]{1,4}(?:/[^\d\s()%.,:;]{1,3})?)?$"
)
_WELL_FORMED_RE = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DASH_RE = re.compile(r"^(?:[-—–/]+|－+)$")
COMPARATORS = {">=": "≥", "<=": "≤", "≥": "≥", "≤": "≤", ">": ">", "<": "<", "=": "="}


@record(frozen=True, slots=True)
class Number:
    """A numeric cell: comparator (targets only), value, unit and validity."""

    comparator: str | None
    value: Decimal | None
    unit: str | None
    malformed: bool

    @property
    def plain(self) -> bool:
        """A bare number, as written in 分值 and 得分 columns."""
        return self.comparator is None and self.unit is None


@record(frozen=True, slots=True)
class Target:
    """年度指标值: a comparator with a number and unit, or a qualitative text."""

    comparator: str | None
    number: Decimal | None
    unit: str | None
    text: str | None


def compact(text: str) -> str:
    return "".join(fold(text).split())


def read_number(text: str) -> Number | None:
    """The number in `text`, or None when the cell is not numeric at all (a cell of
    more than 256 characters is text: the pattern is never run on a page of digits)."""
    if len(text) > 256:
        return None
    match = _NUMERIC_RE.match(compact(text))
    if match is None:
        return None
    digits = match["num"]
    unit = match["unit"]
    if unit is not None:
        unit = unit.strip("()") or None
    comparator = COMPARATORS.get(match["cmp"]) if match["cmp"] else None
    if not _WELL_FORMED_RE.match(digits):
        return Number(comparator, None, unit, malformed=True)
    return Number(comparator, Decimal(digits.replace(",", "")), unit, malformed=False)


def is_dash(text: str) -> bool:
    return bool(_DASH_RE.match(compact(text)))


def read_target(text: str) -> Target:
    number = read_number(text)
    if number is None or number.malformed:
        return Target(None, None, None, " ".join(text.split()))
    return Target(number.comparator, number.value, number.unit, None)
