"""The quick fix of a finding: print the value the rule computed in place of the printed one.

Only rules whose `expected` is the value the flagged cell should show offer it
(a sum, a rate, a score, a grade); for others, such as JX104 (spent more than
budgeted), `expected` is a bound, and overwriting the cell would hide the
problem rather than fix it.
"""

from __future__ import annotations

from linter.engine import Diagnostic

# Rules whose `expected` is the correct content of the flagged cell.
REPLACEABLE = frozenset({"JX101", "JX102", "JX103", "JX105", "JX106", "JX201", "JX202", "JX501"})


def replacement(diagnostic: Diagnostic, printed: str | None) -> str | None:
    """The text to put in place of `printed`, or None when the finding has no single fix."""
    if diagnostic.code not in REPLACEABLE or diagnostic.expected is None or not printed or not printed.strip():
        return None
    expected = diagnostic.expected
    stripped = printed.strip()
    for suffix in ("%", "％"):
        if stripped.endswith(suffix) and not expected.endswith(suffix):
            expected += suffix
    if expected == stripped:
        return None
    leading = printed[: len(printed) - len(printed.lstrip())]
    trailing = printed[len(printed.rstrip()) :]
    return leading + expected + trailing
