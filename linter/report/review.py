"""What a reviewer looks at, computed once from a lint result: one row per form with its
findings, and the counts per rule and per 实施单位. Shared by the HTML report and the workbook."""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from decimal import Decimal

from linter.engine import Diagnostic, FormSummary, LintResult
from linter.record import record
from linter.rule import SEVERITIES


@record
class FormRow:
    path: str
    summary: FormSummary
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "warning")

    @property
    def infos(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "info")

    @property
    def unit(self) -> str | None:
        return self.summary.implementer

    @property
    def rate(self) -> Decimal | None:
        return self.summary.execution_rate

    @property
    def score(self) -> Decimal | None:
        return self.summary.score


@record
class Review:
    result: LintResult
    forms: list[FormRow]
    file_findings: list[Diagnostic]  # findings about a whole file (unreadable, no form)
    by_rule: dict[str, Counter]  # code -> severity -> count
    by_unit: dict[str, Counter]  # 实施单位 (or "") -> severity -> count
    severities: Counter
    templates: Counter

    @property
    def forms_without_error(self) -> int:
        return sum(1 for row in self.forms if row.errors == 0)

    def unit_of(self, diagnostic: Diagnostic) -> str | None:
        row = self._rows.get((diagnostic.path, diagnostic.form_index))
        return row.unit if row else None

    def __post_init__(self) -> None:
        self._rows = {(row.path, row.summary.index): row for row in self.forms}


def review(result: LintResult) -> Review:
    forms: list[FormRow] = []
    file_findings: list[Diagnostic] = []
    by_rule: dict[str, Counter] = {}
    by_unit: dict[str, Counter] = {}
    severities: Counter = Counter({severity: 0 for severity in reversed(SEVERITIES)})
    for file in result.files:
        rows = {summary.index: FormRow(file.path, summary) for summary in file.forms}
        forms.extend(rows.values())
        for diagnostic in file.diagnostics:
            severities[diagnostic.severity] += 1
            by_rule.setdefault(diagnostic.code, Counter())[diagnostic.severity] += 1
            row = rows.get(diagnostic.form_index) if diagnostic.form_index is not None else None
            if row is None:
                file_findings.append(diagnostic)
                continue
            row.diagnostics.append(diagnostic)
            by_unit.setdefault(row.unit or "", Counter())[diagnostic.severity] += 1
    templates = Counter(row.summary.template for row in forms if row.summary.template)
    return Review(result, forms, file_findings, by_rule, by_unit, severities, templates)
