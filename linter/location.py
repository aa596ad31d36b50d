"""Document locations, and the map from the text a document is read as back to them.

A document reader (linter.readers) turns a workbook, a Word file or a PDF into rows
of cells, each with a `Location`: a sheet cell (`表1!D12`), a Word table cell
(`表格2 第5行第3列`), a PDF table cell or text line (`第3页 …`), or a paragraph.
The rows are written as tab-separated text and parsed as any text is; `SourceMap`
remembers which (line, column) range of that text each cell became, so a finding's
span is translated back to the cell it points at (`locate`).
"""

from __future__ import annotations

import bisect
import re

from linter.record import record
from linter.span import Span

# Compiled on first use (re's cache): its Unicode classes take a good part of this
# module's import, and only a workbook's findings need it.
_PLAIN_SHEET = r"^[\w\u4e00-\u9fff]+$"


@record(frozen=True, slots=True)
class Location:
    """Where a cell is in its document. `kind`: `sheet` (a workbook cell or range), `table`
    (a Word table cell), `paragraph` (Word text outside tables), `pdf-table` (a PDF
    table cell) or `pdf-text` (a line of PDF text outside tables). Rows and columns
    are 1-based; `bbox` is (x0, top, x1, bottom) in PDF points from the page's top left."""

    kind: str
    sheet: str | None = None
    cell: str | None = None  # A1 reference, or a range (B14:B17) for a merged cell
    table: int | None = None
    row: int | None = None
    column: int | None = None
    page: int | None = None
    paragraph: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def text(self, lang: str = "zh") -> str:
        zh = lang == "zh"
        if self.kind == "sheet":
            sheet = self.sheet or ""
            quoted = sheet if re.match(_PLAIN_SHEET, sheet) else "'" + sheet.replace("'", "''") + "'"
            return f"{quoted}!{self.cell}"
        if self.kind == "table":
            return f"表格{self.table} 第{self.row}行第{self.column}列" if zh else f"table {self.table} row {self.row} column {self.column}"
        if self.kind == "paragraph":
            return f"段落{self.paragraph}" if zh else f"paragraph {self.paragraph}"
        if self.kind == "pdf-table":
            if zh:
                return f"第{self.page}页 表格{self.table} 第{self.row}行第{self.column}列"
            return f"page {self.page} table {self.table} row {self.row} column {self.column}"
        # pdf-text
        return f"第{self.page}页 第{self.row}行" if zh else f"page {self.page} line {self.row}"

    def json(self, lang: str = "zh") -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "text": self.text(lang)}
        for name in ("sheet", "cell", "table", "row", "column", "page", "paragraph"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.bbox is not None:
            out["bbox"] = [round(value, 1) for value in self.bbox]
        return out


class SourceMap:
    """(line, column) ranges of the rendered text -> the `Location` of the cell written there."""

    def __init__(self) -> None:
        self._lines: dict[int, tuple[list[int], list[tuple[int, Location]]]] = {}

    def add(self, line: int, column: int, end_column: int, location: Location) -> None:
        starts, entries = self._lines.setdefault(line, ([], []))
        starts.append(column)
        entries.append((end_column, location))

    def at(self, line: int, column: int) -> Location | None:
        """The location of the cell written at (line, column); on a line with no cell there,
        the nearest cell before it on the line, or the first of the line; on a line with
        no cell, the last cell of the nearest line before it."""
        if line in self._lines:
            starts, entries = self._lines[line]
            index = bisect.bisect_right(starts, column) - 1
            return entries[max(index, 0)][1]
        before = [number for number in self._lines if number < line]
        if before:
            return self._lines[max(before)][1][-1][1]
        return None

    def __len__(self) -> int:
        return sum(len(entries) for _, entries in self._lines.values())


def locate_span(source_map: SourceMap, span: Span, lang: str) -> dict[str, object] | None:
    location = source_map.at(span.line, span.column)
    return location.json(lang) if location is not None else None


def locate(diagnostics, source_map: SourceMap, lang: str) -> None:
    """Set each diagnostic's `location` (and its related cells') from the map."""
    for diagnostic in diagnostics:
        if diagnostic.form_index is None:
            continue  # about the file as a whole (a note on pages not read): no cell
        diagnostic.location = locate_span(source_map, diagnostic.span, lang)
        if diagnostic.related:
            diagnostic.related_locations = tuple(
                located for span in diagnostic.related if (located := locate_span(source_map, span, lang)) is not None
            )


def located_message(catalog, message_id: str, args: dict[str, object], source_map: SourceMap, span: Span) -> str:
    """`message_id`'s `_located` variant with `where` set to `span`'s place in the document,
    when the rule has one; `message_id` otherwise."""
    variant = message_id + "_located"
    location = source_map.at(span.line, span.column)
    if location is None or variant not in catalog.templates.get("zh", {}):
        return message_id
    args["where"] = location.text(catalog.lang)
    return variant
