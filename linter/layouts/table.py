"""Tab-separated and markdown rows: one row per line, with table columns.

Cells are split at tabs, or at pipes on lines that start with `|`. Inside a
cell, HTML tags (`<p style=…>`, `<td>`, `<br>`) and `&nbsp;` separate cells,
so every cell is a contiguous piece of the source and keeps its columns.
"""

from __future__ import annotations

import re

from linter.layouts import RawCell, Segment

_TAG_RE = re.compile(r"<[^<>]{0,200}>|&nbsp;", re.I)
_SEPARATOR_ROW_RE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")


def pieces(text: str) -> list[tuple[int, str]] | None:
    """The pieces of a line between separators, each with its start in the line, one per
    table column (empty ones included); None for a markdown separator row."""
    cut = _cut(text)
    if cut is None:
        return None
    position, split = cut
    out = []
    for piece in split:
        out.append((position, piece))
        position += len(piece) + 1
    return out


def _cut(text: str) -> tuple[int, list[str]] | None:
    """Where the first piece of a line starts, and the pieces between its separators;
    None for a markdown separator row."""
    if text.lstrip().startswith("|"):
        if _SEPARATOR_ROW_RE.match(text):
            return None
        start = text.index("|") + 1
        return start, text[start:].split("|")
    if "\t" not in text and "|" in text:
        # A row of a pipe table broken over lines: `二级指标 | 三级指标 |` continues it.
        return 0, text.split("|")
    return 0, text.split("\t")


def table_rows(segment: Segment) -> list[list[RawCell]]:
    rows = []
    for line_no, offset, text in segment.lines:
        if not text or text.isspace():
            continue
        cut = _cut(text)
        if cut is None:
            continue
        start, split = cut
        position = offset + start  # where the piece starts in the source line, less 1
        row = []
        for column, piece in enumerate(split):
            stripped = piece.strip()
            if stripped:
                if "<" in piece or "&" in piece:
                    row.extend(_html_cells(piece, line_no, position, column))
                else:
                    col = position + len(piece) - len(piece.lstrip()) + 1
                    row.append(RawCell(stripped, line_no, col, line_no, col + len(stripped), column))
            position += len(piece) + 1
        if row:
            rows.append(row)
    return rows


def _trimmed(piece: str, line_no: int, start: int, column: int) -> RawCell | None:
    stripped = piece.strip()
    if not stripped:
        return None
    lead = len(piece) - len(piece.lstrip())
    col = start + lead + 1
    return RawCell(stripped, line_no, col, line_no, col + len(stripped), column)


def _html_cells(piece: str, line_no: int, start: int, column: int) -> list[RawCell]:
    """Split a cell at HTML tags and `&nbsp;`."""
    cells = []
    position = 0
    for match in _TAG_RE.finditer(piece):
        cell = _trimmed(piece[position:match.start()], line_no, start + position, column)
        if cell is not None:
            cells.append(cell)
        position = match.end()
    cell = _trimmed(piece[position:], line_no, start + position, column)
    if cell is not None:
        cells.append(cell)
    return cells
