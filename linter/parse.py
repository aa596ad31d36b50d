"""Bytes or text -> `Document`. The one entry point of the parser; never raises on input."""

from __future__ import annotations

from linter.ast import Cell, Document, Form, Problem, Span
from linter.decode import DecodeFailure, decode
from linter.layouts import RawCell, Segment, build_rows, detect_layout, split_forms


def parse_bytes(data: bytes, path: str, encoding: str | None = None) -> Document:
    decoded = decode(data, encoding)
    if isinstance(decoded, DecodeFailure):
        document = Document(path, decoded.encoding)
        document.problems.append(_decode_problem(decoded, data))
        return document
    return parse_text(decoded.text, path, decoded.encoding)


def parse_path(path: str, encoding: str | None = None) -> Document:
    """A file (or standard input for `-`); a file that cannot be read is a document with
    one `unreadable-file` problem."""
    import sys
    from pathlib import Path

    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as error:
        document = Document(path, None)
        document.problems.append(
            Problem("unreadable-file", "file.unreadable", Span(1, 1, 1, 1), {"error": error.strerror or str(error)})
        )
        return document
    return parse_bytes(data, "<stdin>" if path == "-" else path, encoding)


def parse_text(text: str, path: str, encoding: str | None = "utf-8") -> Document:
    document = Document(path, encoding, text=text)
    for index, segment in enumerate(split_forms(text), start=1):
        document.forms.append(parse_form(segment, index))
    return document


def parse_form(segment: Segment, index: int) -> Form:
    from linter.build import FormBuilder
    from linter.grammar import parse_tokens
    from linter.lexer import tokenize

    layout = detect_layout(segment)
    rows = build_rows(segment, layout)
    first = rows[0][0] if rows else RawCell("", segment.first_line, 1, segment.first_line, 1)
    last = rows[-1][-1] if rows else first
    form = Form(index, layout, Span(first.line, first.column, last.end_line, last.end_column))
    tree, repairs, failure = parse_tokens(tokenize(rows))
    if failure is not None:
        form.parsed = False
        form.problems.append(_syntax_problem(failure.token, failure.expected, len(repairs)))
        form.project = _project_name(rows)
        return form
    if repairs:
        repair = repairs[0]
        message_id = "parse.repaired_end" if repair.token.type == "$END" else "parse.repaired"
        form.problems.append(
            Problem(
                "parse-error", message_id, repair.token.span,
                {"found": repair.token.text, "inserted": list(repair.inserted), "repairs": len(repairs)},
            )
        )
    return FormBuilder(form).build(tree)


def _syntax_problem(token: RawCell, expected: frozenset[str], repairs: int) -> Problem:
    expected_terms = sorted(term for term in expected if term != "$END") + (["$END"] if "$END" in expected else [])
    if token.type == "$END":
        return Problem("parse-error", "parse.unexpected_end", token.span, {"expected": expected_terms})
    return Problem(
        "parse-error", "parse.unexpected", token.span,
        {"found": token.text, "found_kind": token.type, "expected": expected_terms, "repairs": repairs},
    )


def _project_name(rows: list[list[RawCell]]) -> Cell | None:
    """The 项目名称 of a form that did not parse, so its findings can name it."""
    from linter.classify import classify

    for row in rows:
        if len(row) > 1 and classify(row[0].text)[0] == "K_NAME":
            cell = row[1]
            return Cell(cell.text, cell.span, cell.text)
    return None


def _decode_problem(failure: DecodeFailure, data: bytes) -> Problem:
    line = data.count(b"\n", 0, failure.offset) + 1
    column = failure.offset - (data.rfind(b"\n", 0, failure.offset) + 1) + 1
    message_id = {
        "binary": "decode.binary",
        "undecodable": "decode.undecodable",
        "unknown-encoding": "decode.unknown_encoding",
    }[failure.reason]
    return Problem(
        "unreadable-file", message_id, Span(line, 1, line, 1),
        {"offset": failure.offset, "encoding": failure.encoding or "", "byte_column": column},
    )
