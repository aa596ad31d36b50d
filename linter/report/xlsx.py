"""`--format xlsx`: the findings workbook that goes back to the units.

Sheets: every finding; findings per 实施单位; findings per rule; every form. Each
has a frozen header row and an autofilter. openpyxl is imported here only, so
linting to text never loads it.

Text from the forms is untrusted: a cell that starts with `=` is stored as text,
never as a formula, and characters a workbook cannot hold are dropped.
"""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation
from typing import IO

from linter.engine import LintResult
from linter.messages import Catalog
from linter.report.labels import labels
from linter.report.review import review

SEVERITY_ORDER = ("error", "warning", "info")


class BinaryStreamNeeded(Exception):
    """The workbook is binary: it needs a file (`-o`) or a byte stream, not a terminal."""


def format_xlsx(result: LintResult, catalog: Catalog, stream: IO[str]) -> None:
    data = workbook_bytes(result, catalog.lang)
    target = getattr(stream, "buffer", None)
    if target is None:
        raise BinaryStreamNeeded("xlsx")
    stream.flush()
    target.write(data)
    target.flush()


format_xlsx.binary = True  # type: ignore[attr-defined]


def _number(text: str | None) -> Decimal | str | None:
    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return text


def workbook_bytes(result: LintResult, lang: str) -> bytes:
    from openpyxl import Workbook

    words = labels(lang)
    data = review(result)
    book = Workbook()
    findings = book.active
    findings.title = words["sheet_findings"]
    headers = ("file", "index", "project", "unit", "location", "code", "name", "severity", "message", "expected", "actual", "table_path", "cell")
    rows = []
    for d in result.diagnostics:
        rows.append((
            d.path, d.form_index, d.project, data.unit_of(d), d.where, d.code, d.name,
            words.get(d.severity, d.severity), d.message, _number(d.expected), _number(d.actual), d.table_path, d.cell,
        ))
    _sheet(findings, [words[h] for h in headers], rows, (40, 6, 30, 30, 9, 8, 28, 8, 70, 12, 12, 40, 30))

    units = book.create_sheet(words["sheet_units"])
    unit_rows = []
    forms_per_unit: dict[str, list] = {}
    for row in data.forms:
        forms_per_unit.setdefault(row.unit or "", []).append(row)
    for unit, rows_of_unit in sorted(forms_per_unit.items(), key=lambda item: item[0]):
        counts = data.by_unit.get(unit, {})
        unit_rows.append((
            unit or words["unknown_unit"], len(rows_of_unit), sum(1 for r in rows_of_unit if r.errors),
            *(counts.get(s, 0) for s in SEVERITY_ORDER), sum(counts.values()),
        ))
    _sheet(units, [words["unit"], words["forms"], words["forms_with_errors"],
                   words["error"], words["warning"], words["info"], words["total"]], unit_rows, (40, 8, 14, 8, 8, 8, 8))

    by_rule = book.create_sheet(words["sheet_rules"])
    rule_rows = []
    for code, counts in sorted(data.by_rule.items()):
        rule = result.rules.get(code)
        rule_rows.append((code, rule.name if rule else "", *(counts.get(s, 0) for s in SEVERITY_ORDER), sum(counts.values()), rule.summary if rule else ""))
    _sheet(by_rule, [words["code"], words["name"], words["error"], words["warning"], words["info"], words["total"], words["explanation"]],
           rule_rows, (8, 30, 8, 8, 8, 8, 80))

    forms = book.create_sheet(words["sheet_forms"])
    form_rows = [
        (row.path, row.summary.index, row.unit, row.summary.project, row.summary.template, row.rate, row.score, row.errors, row.warnings, row.infos)
        for row in data.forms
    ]
    _sheet(forms, [words[k] for k in ("file", "index", "unit", "project", "template", "rate", "score", "errors", "warnings", "info")],
           form_rows, (40, 6, 30, 36, 12, 10, 10, 8, 8, 8))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(sheet, header: list[str], rows: list[tuple], widths: tuple[int, ...]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    # Row numbers are counted here: `sheet.max_row` scans every cell, which made a long sheet quadratic.
    for number, values in enumerate(rows, start=2):
        values = [_safe(value) for value in values]
        sheet.append(values)
        for column, value in enumerate(values, start=1):
            if isinstance(value, str) and value.startswith("="):
                sheet.cell(row=number, column=column).data_type = "s"  # text from a form, never a formula
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"


def _safe(value: object) -> object:
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value
