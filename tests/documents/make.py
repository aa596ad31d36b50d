"""Build the document fixtures of the seeds: the same forms as .xlsx, .docx and .pdf.

    pip install 'reportlab>=4,<6' 'xlwt==1.3.0'   # only to regenerate; tests and CI read the committed files
    python tests/documents/make.py                # writes tests/documents/* and the examples/forms documents

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

Also: `hand-built.*` (tests/forms.py's form with one defect, 执行率 80.00% at
`自评表!H7` / `表格1 第4行第7列` / `第1页 表格1 第4行第7列`, in .xlsx, .xls, .docx,
.pdf), `001-text.pdf` (seed 001's PDF text printed line by line, no table grid, in a
non-embedded CID font), `scanned.pdf`, `encrypted.pdf`, `many-pages.pdf` (500
pages), and the bundled examples in examples/forms.

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
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics_font()
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


def hand_built_rows() -> list[list[str]]:
    """tests/forms.py's consistent form with one defect: 执行率 80.00% where 90 ÷ 100 is 90.00%
    (JX102 at that cell; and JX105, the 得分 9.00 no longer fitting it)."""
    from tests.forms import BASE

    text = BASE.replace("\t100.00\t100.00\t90.00\t10\t90.00%\t9.00", "\t100.00\t100.00\t90.00\t10\t80.00%\t9.00", 1)
    return [line.split("\t") for line in text.split("\n") if line.strip()]


def write_hand_built_xlsx(path: Path) -> None:
    """The form from B2 of sheet `自评表`: the defect at 自评表!H7."""
    import openpyxl

    rows = hand_built_rows()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "自评表"
    for index, row in enumerate(rows):
        for column, text in enumerate(row):
            if not text:
                continue
            cell = sheet.cell(index + 2, column + 2)
            parsed = number_of(text)
            if parsed is None:
                cell.value, cell.data_type = text, "s"
            else:
                cell.value, cell.number_format = float(parsed[0]), parsed[1]
    for first_row, first_column, last_row, last_column in merges(rows):
        sheet.merge_cells(start_row=first_row + 2, start_column=first_column + 2, end_row=last_row + 2, end_column=last_column + 2)
    workbook.save(path)


def write_hand_built_xls(path: Path) -> None:
    """The same form in a legacy .xls (xlwt, BIFF8) from B2: the defect at 自评表!H7."""
    import xlwt

    rows = hand_built_rows()
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("自评表")
    merged = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in merges(rows)}
    covered = {(r, c) for (r0, c0), (r1, c1) in merged.items() for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - set(merged)
    for index, row in enumerate(rows):
        for column, text in enumerate(row):
            if (index, column) in covered:
                continue
            parsed = number_of(text) if text else None
            value: object = text if parsed is None else float(parsed[0])
            style = xlwt.easyxf(num_format_str=parsed[1]) if parsed is not None else xlwt.Style.default_style
            if (index, column) in merged:
                last_row, last_column = merged[(index, column)]
                sheet.write_merge(index + 1, last_row + 1, column + 1, last_column + 1, value, style)
            elif text:
                sheet.write(index + 1, column + 1, value, style)
    workbook.save(str(path))


def write_bad_pdfs() -> None:
    """A scan (a page of shapes, no text layer), an encrypted PDF (user password), and 500 pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfgen import canvas

    scan = canvas.Canvas(str(OUT / "scanned.pdf"), pagesize=A4, invariant=1)
    for row in range(20):
        scan.rect(2 * cm, 27 * cm - row * cm, 17 * cm, 0.6 * cm, fill=1 if row % 3 == 0 else 0)
    scan.showPage()
    scan.save()
    from reportlab.lib.pdfencrypt import StandardEncryption

    pdfmetrics_font()
    locked = canvas.Canvas(str(OUT / "encrypted.pdf"), pagesize=A4, invariant=1,
                           encrypt=StandardEncryption("secret", ownerPassword="owner", canPrint=1))
    locked.setFont("WQY", 12)
    locked.drawString(2 * cm, 27 * cm, "财政项目支出绩效自评表")
    locked.showPage()
    locked.save()
    many = canvas.Canvas(str(OUT / "many-pages.pdf"), pagesize=A4, invariant=1)
    for page in range(500):
        many.setFont("Helvetica", 10)
        many.drawString(2 * cm, 27 * cm, f"page {page + 1}")
        many.showPage()
    many.save()


def pdfmetrics_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))


def write_text_pdf(text: str, path: Path) -> None:
    """Text laid out line by line without any table grid (as a PDF printed from a text
    export looks), in STSong-Light: a CID font that is not embedded, so the reader must
    map it to Unicode by Adobe's CMap. An empty line of the text is an empty line of the page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    size, leading = 9, 13
    lines = text.split("\n")
    width = max(pdfmetrics.stringWidth(line, "STSong-Light", size) for line in lines) + 80
    page = canvas.Canvas(str(path), pagesize=(max(width, A4[0]), A4[1]), invariant=1)
    y = A4[1] - 40
    for line in lines:
        if y < 40:
            page.showPage()
            y = A4[1] - 40
        if line.strip():
            page.setFont("STSong-Light", size)
            page.drawString(40, y, line)
        y -= leading
    page.showPage()
    page.save()


EXAMPLES = ROOT / "examples" / "forms"


def main() -> None:
    from reportlab import rl_config

    rl_config.invariant = 1  # no creation date or random id: the same bytes each time
    all_forms = {}
    for seed in SEEDS:
        forms = form_rows(seed.read_text(encoding="utf-8"))
        stem = seed.stem.split("_")[0]
        all_forms[stem] = forms
        write_xlsx(forms, OUT / f"{stem}.xlsx", one_sheet=False)
        write_xlsx(forms, OUT / f"{stem}-one-sheet.xlsx", one_sheet=True)
        write_docx(forms, OUT / f"{stem}.docx")
        write_pdf(forms, OUT / f"{stem}.pdf")
        print(f"{seed.name}: {len(forms)} forms")
    hand = [hand_built_rows()]
    write_hand_built_xlsx(OUT / "hand-built.xlsx")
    write_hand_built_xls(OUT / "hand-built.xls")
    write_docx(hand, OUT / "hand-built.docx")
    write_pdf(hand, OUT / "hand-built.pdf")
    write_bad_pdfs()
    write_text_pdf(SEEDS[0].read_text(encoding="utf-8"), OUT / "001-text.pdf")
    # The bundled examples (README quick start): a few published forms in each container.
    write_xlsx(all_forms["004"][5:8], EXAMPLES / "minhang-2022-forms-6-8.xlsx", one_sheet=False)
    write_docx(all_forms["003"][:2], EXAMPLES / "baoshan-2023-forms-1-2.docx")
    write_pdf(all_forms["001"][:2], EXAMPLES / "jiading-2024-forms-1-2.pdf")


if __name__ == "__main__":
    main()
