"""Bytes or text -> `Document`. The one entry point of the parser; never raises on input."""

from __future__ import annotations

from linter.ast import Cell, Document, Form, Problem, Span
from linter.build import FormBuilder
from linter.decode import DecodeFailure, decode
from linter.grammar import parse_tokens
from linter.layouts import STREAM_LAYOUTS, RawCell, Segment, build_rows, detect_layout, split_forms
from linter.lexer import before, tokenize
from linter.row_columns import TABLE_LAYOUTS, SourceLines
from linter.templates import Detection, Template, TemplateSet, builtin_templates, detect
from linter.text import key, matching_text


def parse_bytes(
    data: bytes, path: str, encoding: str | None = None, templates: TemplateSet | None = None,
    template: str | None = None,
) -> Document:
    decoded = decode(data, encoding)
    if isinstance(decoded, DecodeFailure):
        document = Document(path, decoded.encoding)
        document.problems.append(_decode_problem(decoded, data))
        return document
    return parse_text(decoded.text, path, decoded.encoding, templates, template)


def parse_path(
    path: str, encoding: str | None = None, templates: TemplateSet | None = None, template: str | None = None
) -> Document:
    """A file (or standard input for `-`); a file that cannot be read is a document with
    one `unreadable-file` problem. `template` forces a template id for every form."""
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
    return parse_bytes(data, "<stdin>" if path == "-" else path, encoding, templates, template)


def parse_text(
    text: str, path: str, encoding: str | None = "utf-8", templates: TemplateSet | None = None,
    template: str | None = None,
) -> Document:
    templates = templates or builtin_templates()
    document = Document(path, encoding, text=text)
    forced = templates.get(template) if template else None
    forms = [parse_form(segment, index, templates, forced) for index, segment in enumerate(split_forms(text, templates), 1)]
    # A title with nothing of a form after it (a page header repeating the title) is not a
    # form when the file holds a real one.
    real = [form for form in forms if not _title_only(form)]
    document.forms = _first_of_runs(real if real else forms)
    for index, form in enumerate(document.forms, start=1):
        form.index = index
    return document


def _first_of_runs(forms: list[Form]) -> list[Form]:
    """A recognised form that is not linted is named once, not once per title it repeats."""
    out: list[Form] = []
    for form in forms:
        if out and not form.linted and not out[-1].linted and out[-1].template == form.template:
            continue
        out.append(form)
    return out


def _title_only(form: Form) -> bool:
    return form.linted and form.parsed and form.cut_in is None and bool(form.truncated) and not form.indicators


def detect_template(segment: Segment, templates: TemplateSet) -> Detection:
    """The template of one form, from its title and the words of its first lines."""
    # The header words stand in the first lines: the indicator table's header is within
    # a few thousand characters of the title in every family.
    # Only the first 2,000 characters of the non-blank lines are read; a form is about that
    # long, so joining its first lines whole (in C) is cheaper than counting them one by one.
    body = matching_text(" ".join(segment.texts(600))[:2000])
    title = "" if segment.headless else _title_key(segment, templates)
    return detect(title, body, templates)


def _title_key(segment: Segment, templates: TemplateSet) -> str:
    first = key(segment.lines[0][2])
    match = templates.title_regex.search(first)
    return match.group() if match else first[:40]


def parse_form(segment: Segment, index: int, templates: TemplateSet, forced: Template | None = None) -> Form:
    # (The parser's modules are imported with this one, not on each form: an import
    # statement run per form cost about 0.7 % of a parse.)
    if forced is not None:
        detection = Detection(forced, 0, certain=True, forced=True)
    else:
        detection = detect_template(segment, templates)
    template = detection.template
    vocabulary = template.vocabulary
    layout = detect_layout(segment)
    rows = build_rows(segment, layout, vocabulary)
    first = rows[0][0] if rows else RawCell("", segment.first_line, 1, segment.first_line, 1)
    last = rows[-1][-1] if rows else first
    form = Form(index, layout, Span(first.line, first.column, last.end_line, last.end_column))
    form.template = template.id
    form.template_certain = detection.certain
    form.headless = segment.headless
    if not template.lint:
        form.parameters = template.parameters()
        form.linted = False
        form.project = _project_name(rows, vocabulary)
        return form
    tokens = tokenize(rows, vocabulary)
    if segment.headless and tokens and tokens[0].type in _ROW_STARTS:
        # A tail of a form starts with indicator rows: the table header is missing, not damaged.
        tokens = [*(before(tokens[0], terminal) for terminal in ("K_IND", "IHDR", "_NL")), *tokens]
    tree, repairs, failure = parse_tokens(tokens)
    unreadable_at = None
    if failure is not None and layout in STREAM_LAYOUTS:
        # Text without table structure whose order breaks down (scrambled extraction, OCR):
        # read the form up to the row where it broke, and say so, instead of losing it all.
        cut = _row_start(tokens, failure.token)
        if cut:
            prefix = parse_tokens(tokens[:cut])
            if prefix[2] is None:
                unreadable_at = failure.token
                tree, repairs, failure = prefix
    if failure is not None:
        form.parameters = template.parameters()
        form.parsed = False
        form.problems.append(_syntax_problem(failure.token, failure.expected, len(repairs)))
        form.project = _project_name(rows, vocabulary)
        return form
    if repairs and layout != "collapsed" and unreadable_at is None:
        # (Text read by its words alone, or past a break, is repaired silently: its
        # structure was never certain, and JX013 says so.)
        repair = repairs[0]
        message_id = "parse.repaired_end" if repair.token.type == "$END" else "parse.repaired"
        form.problems.append(
            Problem(
                "parse-error", message_id, repair.token.span,
                {"found": repair.token.text, "inserted": list(repair.inserted), "repairs": len(repairs)},
            )
        )
    # Text read by its words alone, or with a template that does not fit it well: what is
    # read is shown, and no rule reports on a column that may be misread.
    uncertain = layout == "collapsed" or not detection.certain
    source = SourceLines(segment.lines) if layout in TABLE_LAYOUTS else None
    return FormBuilder(form, template, uncertain=uncertain, unreadable_at=unreadable_at, source=source).build(tree)


_ROW_STARTS = frozenset({"L1", "L2", "LC", "VALUES", "PLACEHOLDER"})



def _row_start(tokens: list, token: object) -> int | None:
    """Index of the first token of the row that holds `token`; None when it is not found."""
    for index, candidate in enumerate(tokens):
        if candidate is token:
            while index > 0 and tokens[index - 1].type != "_NL":
                index -= 1
            return index
    return None


def _syntax_problem(token: RawCell, expected: frozenset[str], repairs: int) -> Problem:
    expected_terms = sorted(term for term in expected if term != "$END") + (["$END"] if "$END" in expected else [])
    if token.type == "$END":
        return Problem("parse-error", "parse.unexpected_end", token.span, {"expected": expected_terms})
    return Problem(
        "parse-error", "parse.unexpected", token.span,
        {"found": token.text, "found_kind": token.type, "expected": expected_terms, "repairs": repairs},
    )


def _project_name(rows: list[list[RawCell]], vocabulary) -> Cell | None:
    """The 项目名称 of a form that did not parse, so its findings can name it."""
    for row in rows:
        for position, cell in enumerate(row[:-1]):
            if vocabulary.classify(cell.text)[0] == "K_NAME":
                value = row[position + 1]
                return Cell(value.text, value.span, value.text)
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
