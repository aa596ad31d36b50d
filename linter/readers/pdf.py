"""PDF with pdfplumber: tables found by their ruling lines, read row by row with each
cell's page and box; the text of a page outside its tables as lines of their own,
in reading order, so a page with no table grid at all is read as the text the
`pdf` layout already knows.

Up to `Limits.max_pages` pages are read (a note says how many were not). A PDF
whose pages hold no text at all is a scan: one finding, OCR it. An encrypted PDF
that does not open without a password is one finding too.
"""

from __future__ import annotations

from linter.readers import DocCell, Extracted, Limits, Reader, ReaderError

# linter.location is loaded when a PDF is read: every run registers this reader.

_PDF = b"%PDF-"
_BLANK_LINE = 1.8  # a step down of more than this many line heights leaves an empty line


class PdfReader(Reader):
    name = "pdf"
    extensions = (".pdf",)

    def claims(self, name: str, head: bytes) -> bool:
        return head.startswith(_PDF)

    def read(self, data: bytes, name: str, limits: Limits) -> Extracted:
        import io
        import logging

        # pdfminer logs what it works around in a damaged file; the finding says it once.
        logging.getLogger("pdfminer").setLevel(logging.ERROR)
        try:
            import pdfplumber
            from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        except ImportError:
            raise ReaderError("document.missing_package", format="pdf", package="pdfplumber") from None
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
            pages = pdf.pages
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise ReaderError("document.encrypted") from None
        except Exception as error:
            # pdfplumber wraps pdfminer's errors: the password error is its argument.
            causes = (error, *error.args, error.__cause__, error.__context__)
            if any(isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) for cause in causes):
                raise ReaderError("document.encrypted") from None
            raise ReaderError("document.damaged", format="pdf", error=f"{type(error).__name__}: {error}"[:120]) from None
        extracted = Extracted(kind="pdf")
        characters = unmapped = 0
        try:
            total = len(pages)
            for number, page in enumerate(pages[: limits.max_pages], start=1):
                try:
                    blocks, count = _page_blocks(page, number)
                    unmapped += sum(1 for char in page.chars if char.get("text", "").startswith("(cid:"))
                except Exception as error:
                    raise ReaderError("document.damaged", format="pdf", error=f"{type(error).__name__}: {error}"[:120]) from None
                finally:
                    page.close()
                characters += count
                extracted.blocks.extend(blocks)
            if total > limits.max_pages:
                extracted.notes.append(("document.pages_limit", {"read": limits.max_pages, "pages": total}))
        finally:
            pdf.close()
        if characters == 0:
            raise ReaderError("document.scanned", pages=total)
        if unmapped * 2 > characters:
            # Glyphs without a Unicode mapping (a font embedded without ToUnicode): the text is
            # `(cid:123)` codes, not words; nothing in it can be checked.
            raise ReaderError("document.unmapped_font", share=f"{100 * unmapped // characters}%")
        if unmapped:
            extracted.notes.append(("document.some_unmapped", {"count": unmapped}))
        return extracted


def _page_blocks(page, number: int) -> tuple[list[list[list[DocCell | None]]], int]:
    """The page's tables and text lines, top to bottom; and how many characters it holds."""
    from linter.location import Location

    count = len(page.chars)
    if not count:
        return [], 0
    tables = page.find_tables()
    items: list[tuple[float, str, object]] = []
    boxes = [table.bbox for table in tables]
    for index, table in enumerate(tables, start=1):
        items.append((table.bbox[1], "table", (index, table)))
    line_number = 0
    for line in page.extract_text_lines(return_chars=False):
        line_number += 1
        middle = (line["top"] + line["bottom"]) / 2
        if any(x0 - 1 <= line["x0"] and line["x1"] <= x1 + 1 and top <= middle <= bottom for x0, top, x1, bottom in boxes):
            continue
        box = (line["x0"], line["top"], line["x1"], line["bottom"])
        items.append((line["top"], "line", (line_number, line["text"], box)))
    items.sort(key=lambda item: (round(item[0], 1), item[1] == "table"))
    blocks: list[list[list[DocCell | None]]] = []
    lines: list[list[DocCell | None]] = []
    previous: tuple[float, float, float] | None = None  # top, bottom, height of the last text line
    for _, kind, payload in items:
        if kind == "line":
            line_number, text, box = payload  # type: ignore[misc]
            top, bottom = box[1], box[3]
            if previous is not None and top - previous[0] > _BLANK_LINE * max(previous[2], 1.0):
                # A gap of more than a line: an empty line, which the `pdf` layout reads as a break.
                lines.append([])
            previous = (top, bottom, bottom - top)
            lines.append([DocCell(text, Location("pdf-text", page=number, row=line_number, bbox=box))])
            continue
        previous = None
        index, table = payload  # type: ignore[misc]
        blocks.append(lines + _table_rows(table, number, index))
        lines = []
    if lines:
        blocks.append(lines)
    return blocks, count


def _table_rows(table, page: int, index: int) -> list[list[DocCell | None]]:
    """A table's rows; a position covered by a merged cell (pdfplumber gives None there)
    reads empty and locates to the cell covering it: the one above when that cell's box
    reaches down into this row, else the one to its left."""
    from linter.location import Location

    texts = table.extract()
    rows: list[list[DocCell | None]] = []
    above: dict[int, Location] = {}  # the last cell seen in each column
    for row_number, (row, values) in enumerate(zip(table.rows, texts), start=1):
        out: list[DocCell | None] = []
        left: Location | None = None
        top = row.bbox[1] if getattr(row, "bbox", None) else None
        for column_number, (box, value) in enumerate(zip(row.cells, values), start=1):
            if box is None:
                over = above.get(column_number)
                if over is not None and over.bbox is not None and top is not None and over.bbox[3] > top + 1:
                    out.append(DocCell("", over))
                else:
                    out.append(DocCell("", left) if left is not None else None)
                continue
            left = Location("pdf-table", page=page, table=index, row=row_number, column=column_number, bbox=tuple(box))
            above[column_number] = left
            out.append(DocCell(_joined(value or ""), left))
        rows.append(out)
    return rows


def _wide(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" or "\u3000" <= char <= "\u303f"


def _joined(text: str) -> str:
    """A cell's text wrapped over lines, as one line: Chinese text wrapped between two
    Chinese characters is joined without a space, other text with one."""
    lines = [line.strip() for line in text.split("\n")]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        if not line:
            continue
        out += line if out and _wide(out[-1]) and _wide(line[0]) else (" " + line if out else line)
    return out
