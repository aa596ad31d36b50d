"""Write a `Form` back as text in any of the five layouts.

Used to test the parser (render -> parse gives the same values) and to build
the benchmark corpus. The output imitates what converters write: `tsv` and
`markdown` keep table columns (markdown also wraps the title in HTML `<p>`
like seed 003); `spaces` separates cells by runs of spaces, one section per
line; `lines` puts one cell per line; `pdf` separates cells by single
spaces, breaks labels into two-character lines and wraps long text over
lines with blank lines between, like seed 001.

In layouts without table columns an empty value is written as `—`.
"""

from __future__ import annotations

from decimal import Decimal

from linter.ast import Cell, Form, FundRow, Indicator
from linter.values import Target

_FUNDS_HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
_INDICATOR_HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
_FUND_LABELS = {"total": "年度资金总额", "current": "其中：当年财政拨款", "carryover": "上年结转资金", "other": "其他资金"}
_PDF_WRAP = 14
_PDF_GOAL_WRAP = 24


def text_of(cell: Cell | None) -> str:
    if cell is None or cell.value is None and not cell.raw:
        return ""
    if cell.raw:
        return cell.raw
    value = cell.value
    if isinstance(value, Target):
        return value.text or ""
    return str(value) if isinstance(value, (Decimal, int, str)) else ""


def render(form: Form, layout: str) -> str:
    writer = {"tsv": _tsv, "markdown": _markdown, "spaces": _spaces, "lines": _lines, "pdf": _pdf}[layout]
    return writer(form)


def _indicator_cells(indicator: Indicator) -> list[str]:
    return [text_of(indicator.name), text_of(indicator.target), text_of(indicator.actual),
            text_of(indicator.points), text_of(indicator.score), text_of(indicator.reason)]


def _label_changes(form: Form) -> list[tuple[str, str, Indicator]]:
    """(一级, 二级, row): each label written only where it changes, as forms print them."""
    out = []
    previous = (None, None)
    for indicator in form.indicators:
        level1 = indicator.level1.name if indicator.level1 else ""
        level2 = indicator.level2.name if indicator.level2 else ""
        shown1 = level1 if level1 != previous[0] else ""
        shown2 = level2 if (level2, level1) != (previous[1], previous[0]) else ""
        out.append((shown1, shown2, indicator))
        previous = (level1, level2)
    return out


def _fund_label(row: FundRow) -> str:
    return _FUND_LABELS.get(row.kind) or text_of(row.label)


def _year(form: Form) -> str:
    return f"({form.year.value} 年度)" if form.year is not None else ""


def _unit(form: Form) -> str:
    return f"({form.unit.value})" if form.unit is not None else ""


def _table_rows(form: Form) -> list[list[str]]:
    rows = [["财政项目支出绩效自评表"], [_year(form)], ["项目名称", text_of(form.project)],
            ["主管部门", text_of(form.department), "", "", "实施单位", text_of(form.implementer)],
            [f"项目资金 {_unit(form)}", "", *_FUNDS_HEADER]]
    for row in form.funds.rows if form.funds else []:
        rows.append(["", _fund_label(row), *(text_of(getattr(row, column)) for column in FundRow.COLUMNS)])
    if form.goal is not None:
        rows.append(["年度总体目标", "预期目标", "", "", "实际完成情况"])
        rows.append(["", text_of(form.goal.expected), "", "", text_of(form.goal.actual)])
    rows.append(["绩效指标", *_INDICATOR_HEADER])
    for level1, level2, indicator in _label_changes(form):
        if indicator.placeholder:
            rows.append(["", level1, level2, text_of(indicator.name)])
        else:
            rows.append(["", level1, level2, *_indicator_cells(indicator)])
    if form.total is not None:
        rows.append(["总分", "", "", "", "", "", text_of(form.total.points), text_of(form.total.score)])
    if form.grade is not None:
        rows.append(["评分等级", text_of(form.grade)])
    return rows


def _tsv(form: Form) -> str:
    return "\n".join("\t".join(row) for row in _table_rows(form)) + "\n"


def _markdown(form: Form) -> str:
    rows = _table_rows(form)
    title = '<p style="text-align: center;">财政项目支出绩效自评表</p> <p style="text-align: center;">{}</p>'
    lines = [title.format(rows[1][0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[2:]]
    return "\n".join(lines) + "\n"


def _stream_sections(form: Form) -> list[list[list[str]]]:
    """Sections of rows of non-empty cells, for layouts without table columns."""
    head = [["财政项目支出绩效自评表"], [_year(form)], ["项目名称", text_of(form.project)],
            ["主管部门", text_of(form.department), "实施单位", text_of(form.implementer)]]
    funds = [["项目资金", _unit(form), *_FUNDS_HEADER]]
    for row in form.funds.rows if form.funds else []:
        funds.append([_fund_label(row), *(text_of(getattr(row, column)) or "—" for column in FundRow.COLUMNS)])
    goal = []
    if form.goal is not None:
        goal = [["年度总体目标", "预期目标", "实际完成情况"], [text_of(form.goal.expected), text_of(form.goal.actual)]]
    indicators = [list(_INDICATOR_HEADER)]
    for level1, level2, indicator in _label_changes(form):
        cells = [text_of(indicator.name)] if indicator.placeholder else _indicator_cells(indicator)
        indicators.append([level1, level2, *cells])
    tail = []
    if form.total is not None:
        tail.append(["总分", text_of(form.total.points), text_of(form.total.score)])
    if form.grade is not None:
        tail.append(["评分等级", text_of(form.grade)])
    sections = [head, funds, goal, indicators, tail]
    return [[[cell for cell in row if cell] for row in section] for section in sections]


def _spaces(form: Form) -> str:
    return "\n".join(
        "    ".join("  ".join(row) for row in section) for section in _stream_sections(form) if section
    ) + "\n"


def _lines(form: Form) -> str:
    return "\n".join(cell for section in _stream_sections(form) for row in section for cell in row) + "\n"


def _pdf(form: Form) -> str:
    head, funds, goal, indicators, tail = _stream_sections(form)
    out: list[str] = [head[0][0], "", head[1][0], "", " ".join(head[2]), ""]
    department = head[3]
    out += [" ".join(department[:3]), department[3] if len(department) > 3 else "", ""]
    out += [funds[0][0], "", funds[0][1], "", " ".join(funds[0][2:]), ""]
    for row in funds[1:]:
        if row[0].startswith("其中"):
            out += ["其中：当年财政", "", "拨款", " ".join(row[1:]), ""]
        else:
            out += [" ".join(row), ""]
    if goal:
        out += [*_broken("年度总体目标", 2), " ".join(goal[0][1:]), ""]
        for text in goal[1]:
            out += _wrapped(text, _PDF_GOAL_WRAP)
    header = indicators[0]
    out += [*_broken(header[0], 2), *_broken(header[1], 2)]
    out += [" ".join(header[2:7]), "", *_broken(header[7], 6)]
    for row in indicators[1:]:
        out += _pdf_indicator(row)
    for row in tail:
        out += [" ".join(row), ""]
    return "\n".join(out) + "\n"


def _pdf_indicator(row: list[str]) -> list[str]:
    out: list[str] = []
    cells = list(row)
    while cells and _is_label(cells[0]):
        out += _broken(cells.pop(0), 2)
    if len(cells) < 5:
        return out + [" ".join(cells), ""]
    name, target, actual, points, score, *reason = cells
    out += _wrapped(name, _PDF_WRAP)[:-1]
    out += [f"{target} {actual} {points} {score}"]
    if reason:
        out += _wrapped(reason[0], _PDF_WRAP)
    return out + [""]


def _is_label(text: str) -> bool:
    return text.endswith("指标") and len(text) <= 9


def _broken(text: str, size: int) -> list[str]:
    """A label as PDF extraction prints it: a few characters per line, blank lines between."""
    out = []
    for start in range(0, len(text), size):
        out += [text[start : start + size], ""]
    return out


def _wrapped(text: str, width: int) -> list[str]:
    """Text over lines of `width`, never breaking next to a space or inside an ASCII run
    (PDF extraction drops a space at a line edge, and no one breaks `2024`)."""
    out: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + width, len(text))
        while start + 1 < end < len(text) and (
            " " in (text[end - 1], text[end]) or text[end - 1].isascii() and text[end].isascii()
        ):
            end -= 1
        out += [text[start:end], ""]
        start = end
    return out or [""]
