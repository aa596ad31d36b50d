"""jxlint spans (1-based, columns in code points, end exclusive) <-> LSP positions.

LSP counts a column in the code units of the encoding agreed at initialisation:
UTF-16 unless the client offered another (`general.positionEncodings`). A
Chinese character is one UTF-16 unit, a character outside the BMP (𠀀) two, and
three or four UTF-8 units. Lines are the editor's buffer split as the parser
splits it (CR LF and lone CR are line ends in both).
"""

from __future__ import annotations

from linter.ast import Span

_UNIT_WIDTHS = {"utf-32": (1, 1, 1, 1), "utf-16": (1, 1, 1, 2), "utf-8": (1, 2, 3, 4)}


def lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def units(text: str, encoding: str) -> int:
    """Length of `text` in the code units of `encoding`."""
    widths = _UNIT_WIDTHS.get(encoding, _UNIT_WIDTHS["utf-16"])
    total = 0
    for char in text:
        code = ord(char)
        total += widths[0] if code < 0x80 else widths[1] if code < 0x800 else widths[2] if code < 0x10000 else widths[3]
    return total


def position(lines: list[str], line: int, column: int, encoding: str) -> tuple[int, int]:
    """A 1-based (line, code-point column) as a 0-based LSP (line, character)."""
    if line < 1:
        return 0, 0
    if line > len(lines):
        return len(lines), 0
    text = lines[line - 1]
    return line - 1, units(text[: max(0, column - 1)], encoding)


def span_range(lines: list[str], span: Span, encoding: str) -> tuple[tuple[int, int], tuple[int, int]]:
    start = position(lines, span.line, span.column, encoding)
    end = position(lines, span.end_line, span.end_column, encoding)
    return start, max(start, end)


def span_text(lines: list[str], span: Span) -> str | None:
    """The text a single-line span covers; None for a span over several lines or outside the text."""
    if span.line != span.end_line or not 1 <= span.line <= len(lines):
        return None
    return lines[span.line - 1][span.column - 1 : span.end_column - 1]
