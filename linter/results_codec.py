"""A `FileResult` as plain JSON data and back: what the result cache stores and what
worker processes and Dask workers send back, so that a result read from anywhere
is the very object the formats would have seen from a local run.

Plain JSON, never pickle: a cache folder may come from a checkout or a shared disk,
and reading it must not run code. `decode` raises `ValueError` on anything that is
not exactly what `encode` writes.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from operator import attrgetter

from linter.engine import Diagnostic, FileResult, FormSummary
from linter.rule import SEVERITIES
from linter.span import Span

CODEC_VERSION = 1

_TEXT = str
_MAYBE_TEXT = (str, type(None))
_MAYBE_INT = (int, type(None))
# A diagnostic as a row: its texts, form index and line, then the span's four numbers.
_DIAGNOSTIC_TEXT = ("path", "project", "code", "name", "severity", "message", "table_path", "expected", "actual", "cell")
# The row's fields up to the span, read in one C-level call.
_HEAD = attrgetter(*_DIAGNOSTIC_TEXT, "form_index", "form_line")
_DIAGNOSTIC_TYPES = (_TEXT, _MAYBE_TEXT, _TEXT, _TEXT, _TEXT, _TEXT, _MAYBE_TEXT, _MAYBE_TEXT, _MAYBE_TEXT, _MAYBE_TEXT,
                     _MAYBE_INT, _MAYBE_INT, int, int, int, int, list, (dict, type(None)), list)
_FORM_TYPES = (int, _MAYBE_TEXT, int, _TEXT, bool, _MAYBE_TEXT, _MAYBE_TEXT, _MAYBE_TEXT, _TEXT)


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def encode_forms(file: FileResult) -> list[list]:
    return [
        [f.index, f.project, f.line, f.layout, f.parsed, f.implementer, _decimal(f.execution_rate), _decimal(f.score), f.template]
        for f in file.forms
    ]


def encode_findings(file: FileResult) -> dict[str, object]:
    """A file's findings and the source lines they point at."""
    return {
        "diagnostics": [
            [*_HEAD(d), *d.span, [list(span) for span in d.related] if d.related else [], d.location, list(d.related_locations)]
            for d in file.diagnostics
        ],
        "lines": [[number, text] for number, text in file.source_lines.items()],
    }


def encode(file: FileResult) -> dict[str, object]:
    return {
        "v": CODEC_VERSION,
        "path": file.path,
        "encoding": file.encoding,
        "config": file.config,
        "forms": encode_forms(file),
        **encode_findings(file),
    }


def _row(row: object, types: tuple) -> list:
    # One C-level pass over the row: the checks cost little next to json.loads.
    if type(row) is not list or len(row) != len(types) or not all(map(isinstance, row, types)):
        raise ValueError(f"bad row: {row!r:.200}")
    return row


def _span(value: object) -> Span:
    if type(value) is not list or len(value) != 4 or not all(type(part) is int for part in value):
        raise ValueError(f"not a span: {value!r}")
    return Span(*value)


def _location(value: object) -> dict:
    """A place in a workbook, Word file or PDF (linter/location.py): plain JSON data."""
    if type(value) is not dict:
        raise ValueError(f"not a location: {value!r:.100}")
    return value


def _number(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None


def decode_forms(rows: object) -> list[FormSummary]:
    if type(rows) is not list:
        raise ValueError("bad forms")
    forms = []
    for row in rows:
        index, project, line, layout, parsed, implementer, rate, score, template = _row(row, _FORM_TYPES)
        forms.append(FormSummary(index, project, line, layout, parsed, implementer, _number(rate), _number(score), template))
    return forms


def decode_findings(data: object) -> tuple[list[Diagnostic], dict[int, str]]:
    """What `encode_findings` was given: the findings and their source lines."""
    if type(data) is not dict or type(data.get("diagnostics")) is not list or type(data.get("lines")) is not list:
        raise ValueError("bad findings")
    diagnostics = []
    for row in data["diagnostics"]:
        (path_, project, code, name, severity, message, table_path, expected, actual, cell,
         form_index, form_line, line, column, end_line, end_column, related, location, related_locations) = _row(row, _DIAGNOSTIC_TYPES)
        if severity not in SEVERITIES:
            raise ValueError(f"not a severity: {severity!r:.50}")
        diagnostics.append(Diagnostic(
            path_, form_index, project, form_line, code, name, severity, Span(line, column, end_line, end_column), message,
            table_path, expected, actual, tuple(_span(span) for span in related) if related else (), cell,
            location, tuple(_location(item) for item in related_locations),
        ))
    lines = {}
    for pair in data["lines"]:
        if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not int or type(pair[1]) is not str:
            raise ValueError("bad source line")
        lines[pair[0]] = pair[1]
    return diagnostics, lines


def decode(data: object) -> FileResult:
    """The `FileResult` that `encode` was given; ValueError for anything else."""
    if type(data) is not dict or data.get("v") != CODEC_VERSION:
        raise ValueError("not an encoded file result")
    path, encoding, config = data["path"], data["encoding"], data["config"]
    if type(path) is not str or not isinstance(encoding, _MAYBE_TEXT) or not isinstance(config, _MAYBE_TEXT):
        raise ValueError("bad file result")
    forms = decode_forms(data["forms"])
    diagnostics, lines = decode_findings(data)
    return FileResult(path, encoding, forms, diagnostics, lines, config)
