"""The default report: one finding per block, a code frame with a caret under the cell.

    tests/fixtures/004_….txt:248:35: JX105 [execution-score-mismatch] 预算执行得分 0 ≠ …
        |
    248 |         年度资金总额    9.20    9.20    4.20    10      45.65%  0
        |                                                                ^
        = 错误 · 表 8「反电信诈骗费用」 · 项目资金/年度资金总额/得分

Tabs are shown as four spaces and the caret is placed by display width, so it
stands under the cell whatever the mix of Chinese and Latin characters.
"""

from __future__ import annotations

from typing import IO

from linter.engine import Diagnostic, LintResult
from linter.messages import Catalog
from linter.text import display_width

_TAB = "    "
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
    out = [f"{diagnostic.path}:{span.line}:{span.column}: {diagnostic.code} [{diagnostic.name}] {diagnostic.message}"]
    if span.line in lines:
        source = lines[span.line]
        number = str(span.line)
        gutter = " " * len(number)
        shown = source.replace("\t", _TAB)
        start = display_width(source[: span.column - 1].replace("\t", _TAB))
        end_column = span.end_column if span.end_line == span.line else len(source) + 1
        width = max(1, display_width(source[span.column - 1 : end_column - 1].replace("\t", _TAB)))
        out += [f"{gutter} |", f"{number} | {shown.rstrip()}", f"{gutter} | {' ' * start}{'^' * width}"]
        note_prefix = f"{gutter} = "
    else:
        note_prefix = "  = "
    note = [_SEVERITY_WORDS[lang][diagnostic.severity]]
    if diagnostic.form_index is not None:
        project = diagnostic.project or "?"
        note.append(f"表 {diagnostic.form_index}「{project}」" if lang == "zh" else f"form {diagnostic.form_index} '{project}'")
    if diagnostic.table_path:
        note.append(diagnostic.table_path)
    out.append(note_prefix + " · ".join(note))
    return "\n".join(out) + "\n\n"


def _summary(result: LintResult, lang: str) -> str:
    counts = result.counts()
    files, forms = len(result.files), result.forms
    if lang == "zh":
        text = f"检查了 {files} 个文件、{forms} 张表：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 个提示"
        if result.internal_errors:
            text += f"；{result.internal_errors} 个规则内部错误"
        if result.waived:
            text += f"；{len(result.waived)} 个问题已豁免"
        return text
    text = (
        f"checked {files} file{'s' * (files != 1)}, {forms} form{'s' * (forms != 1)}: "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
    )
    if result.internal_errors:
        text += f"; {result.internal_errors} internal rule errors"
    if result.waived:
        text += f"; {len(result.waived)} waived"
    return text
