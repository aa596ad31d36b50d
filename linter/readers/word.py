"""Word .docx with python-docx: every table of the body in order, with the paragraphs
around it (title, year, unit) as lines of their own before it.

Merged cells are expanded on the table's grid: a cell spanning columns (gridSpan)
stands in its first column and the columns it covers read empty; a cell merged
down (vMerge) stands in its first row and the rows below read empty; every covered
position locates to the cell that covers it. Tables nested in a cell are read as
that cell's text. An old binary .doc is not read: it gets a finding saying to
convert it (`DocReader`).
"""

from __future__ import annotations

from linter.readers import DocCell, Extracted, Limits, Reader, ReaderError

# linter.location is loaded when a document is read: every run registers this reader.

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocxReader(Reader):
    name = "docx"
    extensions = (".docx", ".docm")

    def claims(self, name: str, head: bytes) -> bool:
        from linter.readers import extension

        return head.startswith(_ZIP) and extension(name) in self.extensions

    def read(self, data: bytes, name: str, limits: Limits) -> Extracted:
        from linter.location import Location
        from linter.readers.safety import open_zip  # zipfile: only when a workbook or document is read

        archive = open_zip(data, "docx", limits, ("word/document.xml",))
        archive.close()
        import io

        try:
            import docx
        except ImportError:
            raise ReaderError("document.missing_package", format="docx", package="python-docx") from None
        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as error:
            raise ReaderError("document.damaged", format="docx", error=f"{type(error).__name__}: {error}"[:120]) from None
        extracted = Extracted(kind="docx")
        paragraphs: list[list[DocCell | None]] = []
        tables = paragraph_number = cells = 0
        for element in _body_items(document.element.body):
            if element.tag == _W + "p":
                paragraph_number += 1
                text = _text(element)
                if text.strip():
                    paragraphs.append([DocCell(text, Location("paragraph", paragraph=paragraph_number))])
            elif element.tag == _W + "tbl":
                tables += 1
                rows = _table_rows(element, tables)
                cells += sum(len(row) for row in rows)
                extracted.blocks.append(paragraphs + rows)
                paragraphs = []
                if cells >= limits.max_cells:
                    extracted.notes.append(("document.cells_limit", {"limit": limits.max_cells}))
                    return extracted
        if paragraphs:
            extracted.blocks.append(paragraphs)
        return extracted


def _body_items(parent):
    """Paragraphs and tables of the body in order, also those inside content controls
    (`w:sdt`) and custom XML wrappers, which forms made from templates often have."""
    for element in parent.iterchildren():
        if element.tag in (_W + "p", _W + "tbl"):
            yield element
        elif element.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _body_items(element)


def _text(element) -> str:
    """The text of a paragraph or cell: runs joined, paragraphs and breaks as spaces."""
    parts: list[str] = []
    for node in element.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "p"):
        tag = node.tag
        if tag == _W + "t":
            parts.append(node.text or "")
        elif tag == _W + "p":
            if parts:
                parts.append("\n")
        else:
            parts.append(" " if tag == _W + "tab" else "\n")
    return "".join(parts).strip()


def _table_rows(table, number: int) -> list[list[DocCell | None]]:
    from linter.location import Location

    rows: list[list[DocCell | None]] = []
    # The cell that started a vertical merge in each grid column, for the rows it covers.
    merged_down: dict[int, Location] = {}
    for row_number, row in enumerate(table.iterchildren(_W + "tr"), start=1):
        out: list[DocCell | None] = []
        column = 0
        properties = row.find(_W + "trPr")
        if properties is not None:
            before = properties.find(_W + "gridBefore")
            if before is not None:
                skip = _int(before.get(_W + "val"), 0)
                out.extend(None for _ in range(skip))
                column += skip
        for cell in row.iterchildren(_W + "tc"):
            span, merge = 1, None
            cell_properties = cell.find(_W + "tcPr")
            if cell_properties is not None:
                grid_span = cell_properties.find(_W + "gridSpan")
                if grid_span is not None:
                    span = max(1, min(_int(grid_span.get(_W + "val"), 1), 64))
                v_merge = cell_properties.find(_W + "vMerge")
                if v_merge is not None:
                    merge = v_merge.get(_W + "val") or "continue"
            if merge == "continue" and column in merged_down:
                location = merged_down[column]
                out.extend(DocCell("", location) for _ in range(span))
            else:
                location = Location("table", table=number, row=row_number, column=column + 1)
                if merge == "restart":
                    merged_down[column] = location
                else:
                    merged_down.pop(column, None)
                out.append(DocCell(_text(cell), location))
                out.extend(DocCell("", location) for _ in range(span - 1))
            column += span
        rows.append(out)
    return rows


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class DocReader(Reader):
    """An old binary Word file (.doc, or .wps): one finding, convert it to .docx or PDF."""

    name = "doc"
    extensions = (".doc", ".wps", ".dot")

    def claims(self, name: str, head: bytes) -> bool:
        from linter.readers import extension

        return head.startswith(_OLE) and extension(name) not in (".xls", ".et")

    def read(self, data: bytes, name: str, limits: Limits) -> Extracted:
        raise ReaderError("document.binary_word")
