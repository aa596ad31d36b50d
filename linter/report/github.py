"""`--format github`: GitHub Actions workflow commands, which show as annotations on a pull request.

    ::error file=a.txt,line=248,col=35,endLine=248,endColumn=35,title=JX105 execution-score-mismatch::预算执行得分 0 ≠ …

GitHub's escaping: in the message `%`, CR and LF become %25, %0D, %0A; in a
property value `:` and `,` become %3A and %2C as well. GitHub places columns
only on a single line, so a finding spanning lines gets line and endLine only.
GitHub shows at most 10 annotations of each level per step (docs/ci.md: upload
SARIF for the rest).
"""

from __future__ import annotations

from typing import IO

from linter.engine import Diagnostic, LintResult
from linter.messages import Catalog
from linter.report.text import _summary

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    if diagnostic.location:
        # A workbook, Word file or PDF: an annotation on the file, the cell named in its title and message.
        where = str(diagnostic.location["text"])
        properties = [("file", diagnostic.path), ("title", f"{diagnostic.code} {diagnostic.name} ({where})")]
        joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
        return f"::{_COMMANDS[diagnostic.severity]} {joined}::{escape_data(where + ': ' + diagnostic.message)}"
    properties = [("file", diagnostic.path), ("line", str(span.line))]
    if span.end_line == span.line:
        # GitHub's endColumn is the last column of the annotation; jxlint's end_column is exclusive.
        properties += [("col", str(span.column)), ("endLine", str(span.end_line)), ("endColumn", str(max(span.column, span.end_column - 1)))]
    else:
        properties.append(("endLine", str(span.end_line)))
    properties.append(("title", f"{diagnostic.code} {diagnostic.name}"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{_COMMANDS[diagnostic.severity]} {joined}::{escape_data(diagnostic.message)}"


def format_github(result: LintResult, catalog: Catalog, stream: IO[str]) -> None:
    for diagnostic in result.diagnostics:
        stream.write(annotation(diagnostic) + "\n")
    stream.write(_summary(result, catalog.lang) + "\n")
