"""`--format json`: the lint report, schema in docs/output.md (version 2: `location`)."""

from __future__ import annotations

import json
from typing import IO

from linter.engine import Diagnostic, FileResult, LintResult
from linter.messages import Catalog

REPORT_VERSION = 2


def diagnostic_json(diagnostic: Diagnostic) -> dict[str, object]:
    span = diagnostic.span
    out: dict[str, object] = {
        "path": diagnostic.path,
        "form": diagnostic.form,
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "message": diagnostic.message,
        "table_path": diagnostic.table_path,
        # In a workbook, Word file or PDF: the sheet cell, table cell or page (docs/documents.md);
        # null for text, whose line and column say where.
        "location": diagnostic.location,
    }
    if diagnostic.expected is not None:
        out["expected"] = diagnostic.expected
    if diagnostic.actual is not None:
        out["actual"] = diagnostic.actual
    return out


def file_json(file: FileResult) -> dict[str, object]:
    return {
        "path": file.path,
        "encoding": file.encoding,
        "config": file.config,
        "forms": [
            {
                "index": form.index, "project": form.project, "line": form.line, "layout": form.layout,
                "parsed": form.parsed, "template": form.template,
            }
            for form in file.forms
        ],
    }


def summary_json(files: int, forms: int, counts: dict[str, int], internal_errors: int, waived: int) -> dict[str, object]:
    return {"files": files, "forms": forms, **counts, "internal_errors": internal_errors, "waived": waived}


def report_json(result: LintResult) -> dict[str, object]:
    counts = result.counts()
    return {
        "version": REPORT_VERSION,
        "files": [file_json(file) for file in result.files],
        "diagnostics": [diagnostic_json(diagnostic) for diagnostic in result.diagnostics],
        "summary": summary_json(len(result.files), result.forms, counts, result.internal_errors, len(result.waived)),
    }


def format_json(result: LintResult, catalog: Catalog, stream: IO[str]) -> None:
    # One line, no indent: with indent, the json module falls back to its pure-Python encoder.
    stream.write(json.dumps(report_json(result), ensure_ascii=False) + "\n")
