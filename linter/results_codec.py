"""A `FileResult` as plain JSON data and back: what the result cache stores and what
worker processes and Dask workers send back, so that a result read from anywhere
is the very object the formats would have seen from a local run.

Plain JSON, never pickle: a cache folder may come from a checkout or a shared disk,
and reading it must not run code. `decode` raises `ValueError` on anything that is
not exactly what `encode` writes.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from linter.ast import Span
from linter.engine import Diagnostic, FileResult, FormSummary

CODEC_VERSION = 1

_DIAGNOSTIC_TEXT = ("path", "project", "code", "name", "severity", "message", "table_path", "expected", "actual", "cell")


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def encode(file: FileResult) -> dict[str, object]:
    return {
        "v": CODEC_VERSION,
        "path": file.path,
        "encoding": file.encoding,
        "config": file.config,
        "forms": [
            [f.index, f.project, f.line, f.layout, f.parsed, f.implementer, _decimal(f.execution_rate), _decimal(f.score), f.template]
            for f in file.forms
        ],
        "diagnostics": [
            {
                **{key: getattr(d, key) for key in _DIAGNOSTIC_TEXT},
                "form_index": d.form_index, "form_line": d.form_line,
                "span": list(d.span), "related": [list(span) for span in d.related],
            }
            for d in file.diagnostics
        ],
        "lines": [[number, text] for number, text in file.source_lines.items()],
    }


def _text(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"not text: {value!r}")
    return value


def _int(value: object, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if type(value) is not int:
        raise ValueError(f"not a whole number: {value!r}")
    return value


def _span(value: object) -> Span:
    if not isinstance(value, list) or len(value) != 4:
        raise ValueError(f"not a span: {value!r}")
    return Span(*(_int(part) for part in value))  # type: ignore[arg-type]


def _number(value: object) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(_text(value))  # type: ignore[arg-type]
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None


def decode(data: object) -> FileResult:
    if not isinstance(data, dict) or data.get("v") != CODEC_VERSION:
        raise ValueError("not an encoded file result")
    forms = []
    for row in data["forms"]:
        if not isinstance(row, list) or len(row) != 9 or not isinstance(row[4], bool):
            raise ValueError("bad form summary")
        index, project, line, layout, parsed, implementer, rate, score, template = row
        forms.append(FormSummary(
            _int(index), _text(project), _int(line), _text(layout), parsed, _text(implementer),  # type: ignore[arg-type]
            _number(rate), _number(score), _text(template),  # type: ignore[arg-type]
        ))
    diagnostics = []
    for item in data["diagnostics"]:
        if not isinstance(item, dict):
            raise ValueError("bad diagnostic")
        texts = {key: _text(item[key]) for key in _DIAGNOSTIC_TEXT}
        diagnostics.append(Diagnostic(
            form_index=_int(item["form_index"], True), form_line=_int(item["form_line"], True),
            span=_span(item["span"]), related=tuple(_span(span) for span in item["related"]), **texts,  # type: ignore[arg-type]
        ))
    lines = {}
    for pair in data["lines"]:
        if not isinstance(pair, list) or len(pair) != 2:
            raise ValueError("bad source line")
        lines[_int(pair[0])] = _text(pair[1])
    return FileResult(
        _text(data["path"]), _text(data["encoding"]), forms, diagnostics, lines, _text(data["config"]),  # type: ignore[arg-type]
    )
