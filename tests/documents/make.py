"""Build the document fixtures of the seeds: the same forms as .xlsx, .docx and .pdf.

    python tests/documents/make.py          # writes tests/documents/*.xlsx|docx|pdf

Each seed file (tests/fixtures/*.txt) is cut into its forms as the parser cuts it;
each form becomes rows of cells: a tab-separated form as its own rows (the cells at
their columns), a form in another layout (PDF text) as its tab-separated rendering
(linter.render). Then:

- `<seed>.xlsx`: one sheet a form (`表1` …); `<seed>-one-sheet.xlsx`: all forms on
  one sheet, an empty row between them. Numbers are stored as numbers with the
  number format that shows them as printed (`928050.00` is 928050 with `0.00`,
  `100.00%` is 1 with `0.00%`, `928,050` is 928050 with `#,##0`); the title is
  merged across the table and the 一级/二级 labels down the rows they head.
- `<seed>.docx`: the lines before the table (title, year) as paragraphs, the rest as
  one table a form, merged the same way (gridSpan, vMerge).
- `<seed>.pdf`: the .docx's content drawn by reportlab with a Chinese font
  (WenQuanYi Zen Hei, embedded; Debian's fonts-wqy-zenhei), one form from a new
  page, the table ruled so its cell boxes can be found.

The PDFs are committed: CI never needs the font or reportlab. The workbooks and
Word files are committed too, so the tests read exactly what was checked here.
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from linter.layouts import Segment, detect_layout, split_forms  # noqa: E402
from linter.layouts.table import table_rows  # noqa: E402
from linter.parse import parse_text  # noqa: E402
from linter.readers.numfmt import display  # noqa: E402
from linter.render import _FUND_LABELS, render  # noqa: E402
from linter.templates import builtin_templates  # noqa: E402

OUT = Path(__file__).resolve().parent
SEEDS = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
_NUMBER_RE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")


def form_rows(text: str) -> list[list[list[str]]]:
    """The forms of a seed, each as rows of cell texts at their columns."""
    templates = builtin_templates()
    out = []
    segments = split_forms(text, templates)
    for segment in segments:
        layout = detect_layout(segment)
        if layout in ("tsv", "markdown"):
            out.append(_table_form(segment))
        else:
            joined = "\n".join(line for _, _, line in segment.lines)
            document = parse_text(joined, "seed")
            for form in document.forms:
                rows = [line.split("\t") for line in render(form, "tsv").split("\n") if line.strip()]
                out.append(_raw_fund_labels(rows, form))
    return out


def _raw_fund_labels(rows: list[list[str]], form) -> list[list[str]]:
    """The tab-separated rendering writes the funds rows' labels in their canonical words
    (`年度资金总额`); the form printed them otherwise (`年度资金总额：`): as printed."""
    raw = {_FUND_LABELS[row.kind]: row.label.raw for row in (form.funds.rows if form.funds else []) if row.kind in _FUND_LABELS}
    return [[raw.get(cell, cell) if column == 1 else cell for column, cell in enumerate(row)] for row in rows]


def _table_form(segment: Segment) -> list[list[str]]:
    rows: list[list[str]] = []
    for cells in table_rows(segment):
        by_column: dict[int, list[str]] = {}
        for cell in cells:
            by_column.setdefault(cell.table_column or 0, []).append(cell.text)
        if len(by_column) == 1 and len(next(iter(by_column.values()))) > 1:
            # `<p>title</p> <p>(2024 年度)</p>`: pieces of one HTML cell, one row each.
            column, pieces = next(iter(by_column.items()))
            rows.extend([""] * column + [piece] for piece in pieces)
            continue
        width = max(by_column) + 1
        rows.append([" ".join(by_column.get(column, [])) for column in range(width)])
    return rows


def number_of(text: str) -> tuple[Decimal, str] | None:
    """The number and format that Excel shows as `text`, or None for text."""
    if not _NUMBER_RE.match(text):
        return None
    percent = text.endswith("%")
    digits = text.rstrip("%").replace(",", "")
    decimals = len(digits.partition(".")[2])
    pattern = ("#,##0" if "," in text else "0") + ("." + "0" * decimals if decimals else "") + ("%" if percent else "")
    number = Decimal(digits) / (100 if percent else 1)
    return (number, pattern) if display(number, pattern) == text else None


def merges(rows: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 0-based: title and year rows
    across the table; 一级/二级 labels down the empty cells below them."""
    width = max(len(row) for row in rows)
    out = []
    for index, row in enumerate(rows):
        filled = [column for column, text in enumerate(row) if text.strip()]
        if filled == [0] and index < 3 and width > 1:
            out.append((index, 0, index, width - 1))
    header = next((index for index, row in enumerate(rows) if "一级指标" in [cell.strip() for cell in row]), None)
    if header is None:
        return out
    columns = [column for column, cell in enumerate(rows[header]) if cell.strip() in ("一级指标", "二级指标")]
    end = next((index for index in range(header + 1, len(rows)) if rows[index] and rows[index][0].strip().startswith("总分")), len(rows))
    for column in columns:
        index = header + 1
        while index < end:
            if column < len(rows[index]) and rows[index][column].strip():
                last = index
                while last + 1 < end and not _at(rows[last + 1], column) and any(cell.strip() for cell in rows[last + 1]):
                    last += 1
                if last > index:
                    out.append((index, column, last, column))
                index = last + 1
            else:
                index += 1
    return out


def _at(row: list[str], column: int) -> str:
    return row[column].strip() if column < len(row) else ""


def _leading(rows: list[list[str]]) -> int:
    """Rows before the table: those with one cell, in the first column (title, year)."""
    count = 0
    for row in rows:
        filled = [column for column, text in enumerate(row) if text.strip()]
        if filled != [0]:
            break
        count += 1
    return count


def write_xlsx(forms: list[list[list[str]]], path: Path, one_sheet: bool) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    sheet = workbook.create_sheet("全部") if one_sheet else None
    top = 0
    for number, rows in enumerate(forms, start=1):
        if not one_sheet:
            sheet = workbook.create_sheet(f"表{number}")
            top = 0
        for index, row in enumerate(rows):
            for column, text in enumerate(row):
                if not text:
                    continue
                cell = sheet.cell(top + index + 1, column + 1)
                parsed = number_of(text.strip()) if text == text.strip() else None
                if parsed is None:
                    cell.value = text
                    cell.data_type = "s"  # typed text, even `=1个` (not a formula)
                    cell.number_format = "@"
                else:
                    value, pattern = parsed
                    cell.value = int(value) if value == value.to_integral_value() and "." not in str(value) else float(value)
                    cell.number_format = pattern
        for first_row, first_column, last_row, last_column in merges(rows):
            sheet.merge_cells(
                start_row=top + first_row + 1, start_column=first_column + 1,
                end_row=top + last_row + 1, end_column=last_column + 1,
            )
        top += len(rows) + 1
    workbook.save(path)


def write_docx(forms: list[list[list[str]]], path: Path) -> None:
    import docx

    document = docx.Document()
    for number, rows in enumerate(forms):
        if number:
            document.add_page_break()
        lead = _leading(rows)
        for row in rows[:lead]:
            document.add_paragraph(row[0])
        body = rows[lead:]
        width = max(len(row) for row in body)
        table = document.add_table(rows=len(body), cols=width)
        table.style = "Table Grid"
        for index, row in enumerate(body):
            for column, text in enumerate(row):
                if text:
                    table.cell(index, column).text = text
        for first_row, first_column, last_row, last_column in merges(rows):
            if first_row < lead:
                continue
            table.cell(first_row - lead, first_column).merge(table.cell(last_row - lead, last_column))
    document.save(path)


def write_pdf(forms: list[list[list[str]]], path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    size = 7
    story = []
    widest = 595.0
    for number, rows in enumerate(forms):
        if number:
            story.append(PageBreak())
        lead = _leading(rows)
        for row in rows[:lead]:
            story.append(Paragraph(row[0], ParagraphStyle("t", fontName="WQY", fontSize=10, leading=14)))
        story.append(Spacer(1, 6))
        body = [list(row) for row in rows[lead:]]
        width = max(len(row) for row in body)
        for row in body:
            row.extend([""] * (width - len(row)))
        spans = [(c0, r0 - lead, c1, r1 - lead) for r0, c0, r1, c1 in merges(rows) if r0 >= lead]
        covered = {(r, c) for c0, r0, c1, r1 in spans for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        widths = [20.0] * width
        for r, row in enumerate(body):
            for c, text in enumerate(row):
                if (r, c) in covered and not any((r, c) == (r0, c0) for c0, r0, _, _ in spans):
                    continue
                widths[c] = max(widths[c], pdfmetrics.stringWidth(text, "WQY", size) + 8)
        widest = max(widest, sum(widths) + 60)
        table = Table(body, colWidths=widths, repeatRows=0)
        style = [("FONT", (0, 0), (-1, -1), "WQY", size), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        style += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
        table.setStyle(TableStyle(style))
        story.append(table)
    document = SimpleDocTemplate(str(path), pagesize=(widest, 842), leftMargin=30, rightMargin=30, topMargin=30, bottomMargin=30,
                                 title="jxlint fixture", author="jxlint", creator="tests/documents/make.py")
    document.build(story)


def main() -> None:
    for seed in SEEDS:
        forms = form_rows(seed.read_text(encoding="utf-8"))
        stem = seed.stem.split("_")[0]
        write_xlsx(forms, OUT / f"{stem}.xlsx", one_sheet=False)
        write_xlsx(forms, OUT / f"{stem}-one-sheet.xlsx", one_sheet=True)
        write_docx(forms, OUT / f"{stem}.docx")
        write_pdf(forms, OUT / f"{stem}.pdf")
        print(f"{seed.name}: {len(forms)} forms")


if __name__ == "__main__":
    main()
