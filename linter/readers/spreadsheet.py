"""Workbooks: .xlsx/.xlsm with openpyxl, legacy .xls with xlrd.

Every sheet is read, in order, a block of rows each; one form a sheet or several
on one sheet both work, since forms are cut at their titles afterwards. A value
reads as Excel displays it: the number format applied (linter.readers.numfmt),
text as typed. A formula reads as its cached value (the value Excel last
computed and saved). A merged cell's value stands in its top-left cell and the
cells it covers read empty, as in a tab-separated export, so the parser carries
the 一级/二级 label over the rows it spans; every covered cell locates to the
merged range (`表1!B14:B17`).
"""

from __future__ import annotations

from functools import partial

import re

from linter.readers import DocCell, Extracted, Limits, Reader, ReaderError

# linter.location and the patterns below are loaded when a workbook is read: every run
# registers this reader, few read a workbook.

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def column_letters(column: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _reference(row: int, column: int) -> str:
    return f"{column_letters(column)}{row}"


class XlsxReader(Reader):
    name = "xlsx"
    extensions = (".xlsx", ".xlsm")

    def claims(self, name: str, head: bytes) -> bool:
        from linter.readers import extension

        return head.startswith(_ZIP) and extension(name) in self.extensions

    def read(self, data: bytes, name: str, limits: Limits) -> Extracted:
        from linter.readers.safety import open_zip  # zipfile: only when a workbook or document is read

        archive = open_zip(data, "xlsx", limits, ("xl/workbook.xml",))
        with archive:
            uncomputed = _check_sheets(archive, limits)
        import io
        import warnings

        import openpyxl

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
                workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=False)
        except Exception as error:  # a damaged part: openpyxl raises many kinds
            raise ReaderError("document.damaged", format="xlsx", error=f"{type(error).__name__}: {error}"[:120]) from None
        try:
            extracted = _collected("xlsx", (partial(_sheet_rows, sheet) for sheet in workbook.worksheets), limits)
        finally:
            workbook.close()
        if uncomputed:
            extracted.notes.append(("document.formulas_not_computed", {"count": uncomputed}))
        return extracted


# A formula element (`<f>SUM(B2:B9)</f>`, or `<f t="shared" si="0"/>`) not followed by its
# cached value (`<v>…</v>`): what a workbook written by a program that never computed it has.
_UNCOMPUTED = rb"<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)(?!<(?:\w+:)?v>[^<])"


_MERGE = rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?\""


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _check_sheets(archive, limits: Limits) -> int:
    """Before openpyxl loads the workbook: refuse merged ranges covering more cells than
    the limit (openpyxl makes an object for every covered cell: `A1:XFD1048576` in a file
    of a few hundred bytes would be 17 billion); count formulas without a saved result."""
    uncomputed = area = 0
    for entry in archive.infolist():
        if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
            with archive.open(entry) as part:
                xml = part.read()
            uncomputed += len(re.findall(_UNCOMPUTED, xml))
            for left, top, right, bottom in re.findall(_MERGE, xml):
                if right:
                    rows = abs(int(bottom) - int(top)) + 1
                    columns = abs(_column_number(right) - _column_number(left)) + 1
                    area += rows * columns
            if area > limits.max_cells:
                raise ReaderError("document.merges_too_large", area=area, limit=limits.max_cells)
    return uncomputed


def _sheet_rows(sheet, budget: int) -> tuple[list[list[DocCell | None]], int]:
    """The sheet's rows from row 1, each up to its last cell that exists in the file (a
    value, a style or a merge), so a stray formatted cell far away costs one cell, not
    the rectangle up to it; a long run of empty rows is kept as two. Every position
    emitted counts against `budget`."""
    from linter.location import Location
    from linter.readers.numfmt import display

    title = sheet.title
    covered: dict[tuple[int, int], Location] = {}
    for merged in sheet.merged_cells.ranges:  # their area is bounded before loading (_check_sheets)
        location = Location("sheet", sheet=title, cell=merged.coord)
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                covered[(row, column)] = location
    existing: dict[int, dict[int, object]] = {}
    for (row, column), cell in getattr(sheet, "_cells", {}).items():
        existing.setdefault(row, {})[column] = cell
    rows: list[list[DocCell | None]] = []
    count = 0
    previous = 0
    for row_index in sorted(existing):
        cells = existing[row_index]
        rows.extend([] for _ in range(min(row_index - previous - 1, 2)))
        previous = row_index
        out: list[DocCell | None] = []
        for column_index in range(1, max(cells) + 1):
            count += 1
            cell = cells.get(column_index)
            merged = covered.get((row_index, column_index))
            value = getattr(cell, "value", None)
            if value is None:
                out.append(DocCell("", merged or Location("sheet", sheet=title, cell=_reference(row_index, column_index))))
                continue
            text = display(value, cell.number_format)
            out.append(DocCell(text, merged or Location("sheet", sheet=title, cell=_reference(row_index, column_index))))
            if count >= budget:
                break
        rows.append(out)
        if count >= budget:
            break
    while rows and not any(cell is not None and cell.text for cell in rows[-1]):
        rows.pop()
    return rows, count


class XlsReader(Reader):
    """Legacy .xls (BIFF) with xlrd, number formats and merged cells as in .xlsx."""

    name = "xls"
    extensions = (".xls",)

    def claims(self, name: str, head: bytes) -> bool:
        from linter.readers import extension

        return head.startswith(_OLE) and extension(name) in self.extensions

    def read(self, data: bytes, name: str, limits: Limits) -> Extracted:
        try:
            import xlrd
        except ImportError:
            raise ReaderError("document.missing_package", format="xls", package="xlrd") from None
        try:
            book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=_Silent())
        except Exception as error:  # xlrd raises many kinds on damaged files
            raise ReaderError("document.damaged", format="xls", error=f"{type(error).__name__}: {error}"[:120]) from None
        def sheet_rows(index: int, allowed: int):
            try:
                return _xls_rows(book, book.sheet_by_index(index), allowed)
            except ReaderError:
                raise
            except Exception as error:
                raise ReaderError("document.damaged", format="xls", error=f"{type(error).__name__}: {error}"[:120]) from None

        try:
            return _collected("xls", (partial(sheet_rows, index) for index in range(book.nsheets)), limits)
        finally:
            book.release_resources()


def _collected(kind: str, sheets, limits: Limits) -> Extracted:
    """Each sheet's block (`sheets` yields readers taking the cells still allowed and giving
    the block and the cells read), up to the cell limit."""
    extracted = Extracted(kind=kind)
    cells = 0
    for sheet_rows in sheets:
        block, count = sheet_rows(limits.max_cells - cells)
        cells += count
        if block:
            extracted.blocks.append(block)
        if cells >= limits.max_cells:
            extracted.notes.append(("document.cells_limit", {"limit": limits.max_cells}))
            break
    return extracted


class _Silent:
    def write(self, text: str) -> None:  # xlrd's warnings about odd files: not the user's output
        pass


def _xls_rows(book, sheet, budget: int) -> tuple[list[list[DocCell | None]], int]:
    import xlrd

    from linter.location import Location
    from linter.readers.numfmt import display

    title = sheet.name
    covered: dict[tuple[int, int], Location] = {}
    for top, bottom, left, right in sheet.merged_cells:  # half-open, 0-based
        ref = f"{_reference(top + 1, left + 1)}:{_reference(bottom, right)}"
        for row in range(top, bottom):
            for column in range(left, right):
                covered[(row, column)] = Location("sheet", sheet=title, cell=ref)
    rows: list[list[DocCell | None]] = []
    count = 0
    for row_index in range(sheet.nrows):
        out: list[DocCell | None] = []
        for column_index in range(sheet.ncols):
            count += 1
            cell = sheet.cell(row_index, column_index)
            kind = cell.ctype
            if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                text = ""
            elif kind == xlrd.XL_CELL_TEXT:
                text = cell.value
            elif kind == xlrd.XL_CELL_NUMBER:
                text = display(cell.value, _format(book, cell.xf_index))
            elif kind == xlrd.XL_CELL_DATE:
                try:
                    text = display(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode), None)
                except Exception:
                    text = display(cell.value, None)
            elif kind == xlrd.XL_CELL_BOOLEAN:
                text = "TRUE" if cell.value else "FALSE"
            else:  # an error value (#DIV/0!)
                text = xlrd.error_text_from_code.get(cell.value, "#ERROR")
            location = covered.get((row_index, column_index)) or Location(
                "sheet", sheet=title, cell=_reference(row_index + 1, column_index + 1)
            )
            out.append(DocCell(text, location))
        rows.append(out)
        if count >= budget:
            break
    return rows, count


def _format(book, xf_index: int) -> str | None:
    try:
        return book.format_map[book.xf_list[xf_index].format_key].format_str
    except (IndexError, KeyError, AttributeError):
        return None
