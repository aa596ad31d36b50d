"""`jxlint parse --format text`: a readable outline of what the parser read."""

from __future__ import annotations

from linter.ast import Cell, Document, Form, Span
from linter.messages import Catalog


def _value(cell: Cell | None) -> str:
    if cell is None or not cell.raw:
        return "·"
    return cell.text


def _at(cell: Cell | None, where=None) -> str:
    return "" if cell is None else "@" + (where or _line_column)(cell.span)


def _line_column(span: Span) -> str:
    return f"{span.line}:{span.column}"


def _placer(document: Document, lang: str):
    """Where a span is: line:column in text, the cell (`表1!D12`) in a workbook, Word file or PDF."""
    if document.locations is None:
        return _line_column
    from linter.location import locate_span

    def where(span: Span) -> str:
        location = locate_span(document.locations, span, lang)
        return str(location["text"]) if location else _line_column(span)

    return where


def outline(document: Document, catalog: Catalog) -> str:
    zh = catalog.lang == "zh"
    lines = [f"{document.path} ({document.encoding or '?'}): {len(document.forms)} " + ("张表" if zh else "forms")]
    for problem in document.problems:
        lines.append(f"  ! {problem.span.line}:{problem.span.column} {catalog.render(problem.message_id, problem.args)}")
    where = _placer(document, catalog.lang)
    for form in document.forms:
        lines.extend(_form(form, catalog, where))
    return "\n".join(lines)


def _form(form: Form, catalog: Catalog, where=_line_column) -> list[str]:
    year = form.year.value if form.year is not None else "?"
    unit = form.unit.value if form.unit is not None else "?"
    head = f"  #{form.index} [{form.layout}] {where(form.span)} {_value(form.project)} ({year}, {unit})"
    certain = "" if form.template_certain else "?"
    lines = [head, f"    {catalog.render('outline.template', {'template': form.template + certain})}"]
    for problem in form.problems:
        lines.append(f"    ! {where(problem.span)} {catalog.render(problem.message_id, problem.args)}")
    if not form.parsed:
        return lines
    lines.append(f"    主管部门 {_value(form.department)} | 实施单位 {_value(form.implementer)}")
    for role, cell in form.fields.items():
        lines.append(f"    {role} {_value(cell)}")
    if form.funds is not None:
        for row in form.funds.rows:
            values = " ".join(_value(getattr(row, column)) for column in row.COLUMNS)
            lines.append(f"    资金 {row.label.text}: {values}  {_at(row.label, where)}")
    if form.goal is not None:
        lines.append(f"    预期目标 {_value(form.goal.expected)[:40]} | 实际完成情况 {_value(form.goal.actual)[:40]}")
    for indicator in form.indicators:
        mark = "…" if indicator.placeholder else "∅" if indicator.declared_empty else " "
        lines.append(
            f"   {mark}{indicator.path} | {_value(indicator.target)} → {_value(indicator.actual)} | "
            f"{_value(indicator.points)}/{_value(indicator.score)}"
            + (f" | {_value(indicator.reason)[:30]}" if indicator.reason else "")
            + f"  @{where(indicator.span)}"
        )
    if form.total is not None:
        lines.append(f"    总分 {_value(form.total.points)} / {_value(form.total.score)}  {_at(form.total.label, where)}")
    if form.grade is not None:
        lines.append(f"    评分等级 {_value(form.grade)}")
    for role, cell in form.closing.items():
        lines.append(f"    {role} {_value(cell)[:40]}")
    if form.truncated:
        lines.append(f"    {catalog.render('outline.truncated', {'parts': ', '.join(form.truncated)})}")
    return lines


def format_outline(documents: list[Document], catalog: Catalog, stream) -> None:
    """`jxlint parse --format text`."""
    from linter.shown import escaped

    for document in documents:
        stream.write(escaped(outline(document, catalog), keep="\n") + "\n")
