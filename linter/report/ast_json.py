"""The AST as JSON (schema `jxlint-ast`, version in `linter.ast.SCHEMA_VERSION`).

Decimals are strings (`"98.24"`), so no precision is lost; every cell carries
its span. The schema is documented in docs/ast.md; fields are only ever added.
"""

from __future__ import annotations

import codecs
from decimal import Decimal
from operator import attrgetter
from typing import Any

from linter.ast import SCHEMA_VERSION, Cell, Document, Form, FundRow, Indicator, Label, Problem, Span
from linter.messages import Catalog
from linter.values import Target


def span_json(span: Span) -> dict[str, int]:
    return {"line": span.line, "column": span.column, "end_line": span.end_line, "end_column": span.end_column}


def value_json(value: object) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Target):
        return {
            "comparator": value.comparator,
            "number": None if value.number is None else str(value.number),
            "unit": value.unit,
            "text": value.text,
        }
    return value


def cell_json(cell: Cell | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    line, column, end_line, end_column = cell.span
    value = cell.value
    if value is not None and value.__class__ is not str:
        # (a decimal, the commonest value after text, without a call to value_json)
        value = str(value) if value.__class__ is Decimal else value_json(value)
    out: dict[str, Any] = {
        "raw": cell.raw,
        "span": {"line": line, "column": column, "end_line": end_line, "end_column": end_column},
        "value": value,
    }
    if cell.unit is not None:
        out["unit"] = cell.unit
    if cell.comparator is not None:
        out["comparator"] = cell.comparator
    if cell.malformed:
        out["malformed"] = True
    if cell.uncertain:
        out["uncertain"] = True
    return out


def label_json(label: Label | None) -> dict[str, Any] | None:
    if label is None:
        return None
    out = cell_json(label.cell)
    assert out is not None
    out["truncated"] = label.truncated
    out["misplaced"] = label.misplaced
    if label.weight is not None:
        out["weight"] = str(label.weight)
    return out


def fund_row_json(row: FundRow) -> dict[str, Any]:
    out: dict[str, Any] = {"label": cell_json(row.label), "kind": row.kind}
    out.update(zip(FundRow.COLUMNS, map(cell_json, _FUND_CELLS(row))))
    if row.reason is not None:
        out["reason"] = cell_json(row.reason)
    return out


# The cells of the columns only some templates have, as one tuple: most forms have none.
_FUND_CELLS = attrgetter(*FundRow.COLUMNS)
_OPTIONAL_CELLS = attrgetter(*Indicator.OPTIONAL_COLUMNS)
_NO_OPTIONAL_CELLS = (None,) * len(Indicator.OPTIONAL_COLUMNS)


def indicator_json(
    indicator: Indicator, level1: dict[str, Any] | None, level2: dict[str, Any] | None
) -> dict[str, Any]:
    """One indicator row, with the JSON of its 一级 and 二级 labels (`indicators_json`)."""
    line, column, end_line, end_column = indicator.span
    out = {
        "path": indicator.path,
        "span": {"line": line, "column": column, "end_line": end_line, "end_column": end_column},
        "level1": level1,
        "level2": level2,
        "name": cell_json(indicator.name),
        "target": cell_json(indicator.target),
        "actual": cell_json(indicator.actual),
        "points": cell_json(indicator.points),
        "score": cell_json(indicator.score),
        "reason": cell_json(indicator.reason),
        "placeholder": indicator.placeholder,
        "declared_empty": indicator.declared_empty,
    }
    optional = _OPTIONAL_CELLS(indicator)
    if optional != _NO_OPTIONAL_CELLS:
        for name, cell in zip(Indicator.OPTIONAL_COLUMNS, optional):
            if cell is not None:
                out[name] = cell_json(cell)
    return out


def indicators_json(indicators: list[Indicator]) -> list[dict[str, Any]]:
    """The indicator rows of a form. A label is carried down every row under it (the same
    object): its JSON is made once for the run of rows that share it."""
    out = []
    level1 = level2 = None
    level1_json = level2_json = None
    for indicator in indicators:
        if indicator.level1 is not level1:
            level1 = indicator.level1
            level1_json = label_json(level1)
        if indicator.level2 is not level2:
            level2 = indicator.level2
            level2_json = label_json(level2)
        out.append(indicator_json(indicator, level1_json, level2_json))
    return out


def problem_json(problem: Problem, catalog: Catalog) -> dict[str, Any]:
    return {
        "code": problem.code,
        "message_id": problem.message_id,
        "message": catalog.render(problem.message_id, problem.args),
        "severity": problem.severity,
        "span": span_json(problem.span),
    }


def _plain(value: object) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# A form's parameters are its template's, mostly the very same objects (`Template.parameters`
# copies the dict, not the values): each nested value is converted once, by identity. The
# value is kept beside its JSON so its id cannot be reused while the entry exists.
_PLAIN_BY_ID: dict[int, tuple[object, Any]] = {}
_AS_THEY_ARE = frozenset({str, int, bool})  # (what `_plain` returns unchanged, and None)


def parameters_json(parameters: dict[str, object]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in parameters.items():
        if value is None or value.__class__ in _AS_THEY_ARE:
            out[str(name)] = value
        elif isinstance(value, (dict, list, tuple)):
            entry = _PLAIN_BY_ID.get(id(value))
            if entry is None or entry[0] is not value:
                if len(_PLAIN_BY_ID) >= 4096:
                    _PLAIN_BY_ID.clear()
                entry = _PLAIN_BY_ID[id(value)] = (value, _plain(value))
            out[str(name)] = entry[1]
        else:
            out[str(name)] = _plain(value)
    return out


def form_json(form: Form, catalog: Catalog) -> dict[str, Any]:
    funds = form.funds
    goal = form.goal
    total = form.total
    return {
        "index": form.index,
        "layout": form.layout,
        "template": form.template,
        "template_certain": form.template_certain,
        "linted": form.linted,
        "headless": form.headless,
        "truncated": form.truncated,
        "parameters": parameters_json(form.parameters),
        "parsed": form.parsed,
        "span": span_json(form.span),
        "title": cell_json(form.title),
        "year": cell_json(form.year),
        "project": cell_json(form.project),
        "department": cell_json(form.department),
        "implementer": cell_json(form.implementer),
        "unit": cell_json(form.unit),
        "fields": {role: cell_json(cell) for role, cell in form.fields.items()},
        "funds": None if funds is None else {
            "header": cell_json(funds.header), "rows": [fund_row_json(row) for row in funds.rows],
            "weight": None if funds.weight is None else str(funds.weight),
        },
        "goal": None if goal is None else {
            "header": cell_json(goal.header), "expected": cell_json(goal.expected), "actual": cell_json(goal.actual),
        },
        "indicators": indicators_json(form.indicators),
        "total": None if total is None else {
            "label": cell_json(total.label), "points": cell_json(total.points), "score": cell_json(total.score),
            "in_header": total.in_header,
        },
        "grade": cell_json(form.grade),
        "closing": {role: cell_json(cell) for role, cell in form.closing.items()},
        "problems": [problem_json(problem, catalog) for problem in form.problems],
    }


def document_json(document: Document, catalog: Catalog) -> dict[str, Any]:
    out = {
        "path": document.path,
        "encoding": document.encoding,
        "problems": [problem_json(problem, catalog) for problem in document.problems],
        "forms": [form_json(form, catalog) for form in document.forms],
    }
    if document.locations is not None:
        # Read from a workbook, Word file or PDF: each span also as the cell's place in it.
        _add_locations(out["forms"], document.locations, catalog.lang)
    return out


def _add_locations(node: Any, source_map, lang: str) -> None:
    from linter.location import locate_span

    if isinstance(node, list):
        for item in node:
            _add_locations(item, source_map, lang)
    elif isinstance(node, dict):
        span = node.get("span")
        if isinstance(span, dict) and "line" in span:
            node["location"] = locate_span(source_map, Span(span["line"], span["column"], span["end_line"], span["end_column"]), lang)
        for key, value in node.items():
            if key != "span" and isinstance(value, (dict, list)):
                _add_locations(value, source_map, lang)


def documents_json(documents: list[Document], catalog: Catalog) -> dict[str, Any]:
    return {
        "schema": "jxlint-ast",
        "version": SCHEMA_VERSION,
        "files": [document_json(document, catalog) for document in documents],
    }


def format_ast_json(documents: list[Document], catalog: Catalog, stream) -> None:
    """`jxlint parse --format json`: compact, one line, through a C encoder
    (`json.dumps` with an indent falls back to the pure-Python encoder, 4× slower)."""
    from linter.json_text import dumps, dumps_utf8

    # One file at a time: the JSON text of every file is never held at once, nor the
    # dictionaries of more than one file. The output is that of json.dumps over
    # `documents_json` with compact separators. Each file's value is a tree (labels and
    # parameters share converted values, never a cycle).
    utf8_buffer = _utf8_buffer(stream)
    stream.write(f'{{"schema":"jxlint-ast","version":{SCHEMA_VERSION},"files":[')
    for number, document in enumerate(documents):
        if number:
            stream.write(",")  # (written on its own: joined to the file's text, that text is copied)
        value = document_json(document, catalog)
        encoded = dumps_utf8(value) if utf8_buffer is not None else None
        if encoded is None:
            stream.write(dumps(value))
        else:
            stream.flush()  # (what the text stream holds goes first)
            utf8_buffer.write(encoded)
    stream.write("]}\n")


def _utf8_buffer(stream) -> Any:
    """The byte stream under a text stream that encodes UTF-8 (standard output set up for a
    machine format, a report file), or None. orjson's bytes are written to it as they are:
    decoding them for the text stream to encode them again cost as many instructions as
    making them."""
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None)
    if buffer is None or not isinstance(encoding, str):
        return None
    try:
        return buffer if codecs.lookup(encoding).name == "utf-8" else None
    except LookupError:
        return None


def format_ast_json_pretty(documents: list[Document], catalog: Catalog, stream) -> None:
    """`jxlint parse --format json --pretty`: the same document, indented for reading."""
    import json

    stream.write(json.dumps(documents_json(documents, catalog), ensure_ascii=False, indent=1) + "\n")
