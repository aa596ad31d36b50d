"""The default report: one finding per block, a code frame with a caret under the cell.

    tests/fixtures/004_….txt:248:35: JX105 [execution-score-mismatch] 预算执行得分 0 ≠ …
        |
    248 |         年度资金总额    9.20    9.20    4.20    10      45.65%  0
        |                                                                ^
        = 错误 · 表 8「反电信诈骗费用」 · 项目资金/年度资金总额/得分

Tabs are shown as four spaces and the caret is placed by display width, so it
stands under the cell whatever the mix of Chinese and Latin characters. The line
is cut to a window around the cell (`…` where cut), and control characters of
the form are shown escaped (`\x1b`), never sent raw to the terminal.
"""

from __future__ import annotations

from typing import IO

from linter.engine import Diagnostic, LintResult
from linter.messages import Catalog
from linter.shown import ELLIPSIS, MAX_QUOTED, display_width, escaped, quoted

_TAB = "    "
CONTEXT = 60  # display columns of the source line shown on each side of the cell
CELL = 60  # display columns of the cell shown, and carets at most
_SEVERITY_WORDS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def format_text(result: LintResult, catalog: Catalog, stream: IO[str]) -> None:
    for file in result.files:
        for diagnostic in file.diagnostics:
            stream.write(_block(diagnostic, file.source_lines, catalog.lang))
    stream.write(_summary(result, catalog.lang) + "\n")


def _block(diagnostic: Diagnostic, lines: dict[int, str], lang: str) -> str:
    span = diagnostic.span
    where = f"{diagnostic.location['text']}" if diagnostic.location else f"{span.line}:{span.column}"
    head = f"{diagnostic.path}:{where}: {diagnostic.code} [{diagnostic.name}] {diagnostic.message}"
    out = [escaped(head)]
    if diagnostic.location:
        # A document's cell: its text in place of a source frame (docs/documents.md).
        if diagnostic.cell:
            out += ["  |", f"  | {_first_columns(_show(' '.join(diagnostic.cell.split())), 2 * CELL)}"]
        note_prefix = "  = "
    elif span.line in lines:
        source = lines[span.line]
        end_column = span.end_column if span.end_line == span.line else len(source) + 1
        shown, start, width = _frame(source, span.column, end_column)
        number = str(span.line)
        gutter = " " * len(number)
        out += [f"{gutter} |", f"{number} | {shown.rstrip()}", f"{gutter} | {' ' * start}{'^' * width}"]
        note_prefix = f"{gutter} = "
    else:
        note_prefix = "  = "
    note = [_SEVERITY_WORDS[lang][diagnostic.severity]]
    if diagnostic.form_index is not None:
        project = quoted(diagnostic.project or "?")
        note.append(f"表 {diagnostic.form_index}「{project}」" if lang == "zh" else f"form {diagnostic.form_index} '{project}'")
    if diagnostic.table_path:
        note.append(quoted(diagnostic.table_path, 2 * MAX_QUOTED))
    out.append(note_prefix + " · ".join(note))
    return "\n".join(out) + "\n\n"


def _frame(source: str, column: int, end_column: int) -> tuple[str, int, int]:
    """The part of `source` around the cell from `column` to `end_column` (exclusive), as
    shown: tabs as spaces, control characters escaped, at most CONTEXT display columns on
    each side and CELL under the carets, `…` where cut. Returns the text, the display
    column of the first caret and the number of carets."""
    # Every character but a combining one takes a column: a few times the window in
    # characters is enough, and a line of megabytes is never shown whole.
    reach = 4 * max(CONTEXT, CELL)
    raw_before = source[max(0, column - 1 - reach) : column - 1]
    raw_cell = source[column - 1 : min(end_column - 1, column - 1 + reach)]
    raw_after = source[end_column - 1 : end_column - 1 + reach]
    before, cell, after = _show(raw_before), _show(raw_cell), _show(raw_after)
    if column - 1 > reach or display_width(before) > CONTEXT:
        before = ELLIPSIS + _last_columns(before, CONTEXT - 1)
    if end_column - column > reach or display_width(cell) > CELL:
        cell = _first_columns(cell, CELL - 1) + ELLIPSIS
    if len(source) - (end_column - 1) > reach or display_width(after) > CONTEXT:
        after = _first_columns(after, CONTEXT - 1) + ELLIPSIS
    return before + cell + after, display_width(before), max(1, display_width(cell))


def _show(text: str) -> str:
    return escaped(text.replace("\t", _TAB))


def _first_columns(text: str, columns: int) -> str:
    width = 0
    for index, char in enumerate(text):
        width += display_width(char)
        if width > columns:
            return text[:index]
    return text


def _last_columns(text: str, columns: int) -> str:
    return _first_columns(text[::-1], columns)[::-1]


def _summary(result: LintResult, lang: str) -> str:
    return summary_line(len(result.files), result.forms, result.counts(), result.internal_errors, len(result.waived), lang)


def summary_line(files: int, forms: int, counts: dict[str, int], internal_errors: int, waived: int, lang: str) -> str:
    """The last line of the report, from totals only (a streamed report keeps no more)."""
    if lang == "zh":
        text = f"检查了 {files} 个文件、{forms} 张表：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 个提示"
        if internal_errors:
            text += f"；{internal_errors} 个规则内部错误"
        if waived:
            text += f"；{waived} 个问题已豁免"
        return text
    text = (
        f"checked {files} file{'s' * (files != 1)}, {forms} form{'s' * (forms != 1)}: "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
    )
    if internal_errors:
        text += f"; {internal_errors} internal rule errors"
    if waived:
        text += f"; {waived} waived"
    return text
