"""Parse tree -> typed AST: column roles, label inheritance, values with spans.

Column roles are assigned by content, not by tab index, because published
rows are often shifted: an indicator row is anchored on its 分值/得分 pair
(the last two of a run of plain numbers); the three cells before it are
三级指标, 年度指标值 and 实际完成值, and what follows is the 偏差原因.
"""

from __future__ import annotations

import re

from lark import Tree

from linter.ast import Cell, Form, FundRow, Funds, Goal, Indicator, Label, Span, Total
from linter.layouts import RawCell
from linter.lexer import Values
from linter.text import fold, key
from linter.values import Number, Target, read_target
from linter.vocabulary import (
    COST_LABEL, COST_LEVEL2, FUND_LABELS, FUNDS_COLUMNS, LEVEL1, UNIT_RE, YEAR_RE,
    is_declared_empty,
)

_YEAR_IN_TEXT = re.compile(r"\((\d{4})年")
_LABEL_TERMINALS = frozenset({"L1", "L2", "LC"})


def span_of(cell: RawCell) -> Span:
    return Span(cell.line, cell.column, cell.end_line, cell.end_column)


def text_cell(source: RawCell) -> Cell:
    return Cell(source.text, span_of(source), " ".join(source.text.split()))


def number_cell(source: RawCell) -> Cell:
    """A cell of a numeric column: 分值, 得分, amounts, 执行率, 总分."""
    cell = Cell(source.text, span_of(source))
    if source.type == "NUM":
        number: Number = source.detail  # type: ignore[assignment]
        cell.value, cell.unit, cell.comparator, cell.malformed = (
            number.value, number.unit, number.comparator, number.malformed,
        )
    elif source.type not in ("DASH",) and not is_declared_empty(source.text):
        cell.malformed = True
    return cell


def measure_cell(source: RawCell) -> Cell:
    """实际完成值: a number with its unit when numeric, else the text."""
    if source.type == "NUM" and not source.detail.malformed:  # type: ignore[union-attr]
        return number_cell(source)
    return text_cell(source)


def target_cell(source: RawCell) -> Cell:
    """年度指标值: the number the lexer read (`≥90.00(%)`), or the qualitative text."""
    number = source.detail if source.type == "NUM" else None
    if number is not None and not number.malformed:  # type: ignore[union-attr]
        target = Target(number.comparator, number.value, number.unit, None)  # type: ignore[union-attr]
    else:
        target = read_target(source.text)
    return Cell(source.text, span_of(source), target, target.unit, target.comparator)


def merged(cells: list[RawCell]) -> Cell | None:
    if not cells:
        return None
    if len(cells) == 1:
        return text_cell(cells[0])
    raw = " ".join(source.text for source in cells)
    span = span_of(cells[0]).cover(span_of(cells[-1]))
    return Cell(raw, span, " ".join(raw.split()))


class FormBuilder:
    def __init__(self, form: Form) -> None:
        self.form = form

    def build(self, tree: Tree) -> Form:
        for part in tree.children[0].children:
            getattr(self, "_" + part.data)(part)
        return self.form

    @staticmethod
    def _tokens(node: Tree) -> list[RawCell]:
        """The cells of a node, with runs of values unpacked."""
        cells: list[RawCell] = []
        for child in node.children:
            if child.__class__ is RawCell:
                cells.append(child)
            elif child.__class__ is Values:
                cells.extend(child.cells)
        return cells

    def _head(self, node: Tree) -> None:
        tokens = self._tokens(node)
        self.form.title = text_cell(tokens[0])
        year_source = next((source for source in tokens[1:] if source.type == "YEAR"), tokens[0])
        self.form.year = _year_cell(year_source)

    def _name_row(self, node: Tree) -> None:
        tokens = self._tokens(node)
        self.form.project = merged(tokens[1:]) or _empty_after(tokens[0])

    def _dept_row(self, node: Tree) -> None:
        tokens = self._tokens(node)
        self.form.department = merged(tokens[1:]) or _empty_after(tokens[0])
        for child in node.children:
            if isinstance(child, Tree):
                impl = self._tokens(child)
                self.form.implementer = merged(impl[1:]) or _empty_after(impl[0])

    def _funds(self, node: Tree) -> None:
        tokens = self._tokens(node)
        header = tokens[0]
        funds = Funds(text_cell(header))
        self.form.funds = funds
        unit_token = next((source for source in tokens if source.type == "UNIT"), header)
        self.form.unit = _unit_cell(unit_token)
        columns = [
            (FUNDS_COLUMNS[key(source.text)], source.table_column)
            for source in tokens
            if source.type in ("FHDR", "SHDR") and key(source.text) in FUNDS_COLUMNS
        ]
        for child in node.children:
            if isinstance(child, Tree):
                funds.rows.append(self._fund_row(child, columns))

    def _fund_row(self, node: Tree, columns: list[tuple[str, int | None]]) -> FundRow:
        label, *values = self._tokens(node)
        row = FundRow(text_cell(label), FUND_LABELS.get(key(label.text), "extra"))
        for role, source in _assign_columns(values, columns):
            setattr(row, role, number_cell(source))
        return row

    def _goal(self, node: Tree) -> None:
        tokens = self._tokens(node)
        goal = Goal(text_cell(tokens[0]))
        self.form.goal = goal
        headers = [(key(source.text), source.table_column) for source in tokens if source.type == "GHDR"]
        expected: list[RawCell] = []
        actual: list[RawCell] = []
        for child in node.children:
            if not isinstance(child, Tree):
                continue
            row = self._tokens(child)
            for position, source in enumerate(row):
                if _is_label_fragment(source, tokens[0]):
                    continue
                column = source.table_column
                if column is None or not headers or any(c is None for _, c in headers):
                    # No table columns: the first cell is 预期目标, the rest 实际完成情况.
                    (expected if position == 0 else actual).append(source)
                    continue
                nearest = min(headers, key=lambda header: abs(header[1] - column))  # type: ignore[operator]
                (actual if nearest[0] == "实际完成情况" else expected).append(source)
        goal.expected = merged(expected)
        goal.actual = merged(actual)

    def _indicators(self, node: Tree) -> None:
        rows = [child for child in node.children if isinstance(child, Tree)]
        cells = [self._tokens(row) for row in rows]
        labels = _LabelContext(cells)
        for number, (row, row_cells) in enumerate(zip(rows, cells)):
            labels.update(number)
            if row.data == "label_row":
                continue
            values = [cell for cell in row_cells if cell.type not in _LABEL_TERMINALS]
            span = span_of(row_cells[0]).cover(span_of(row_cells[-1]))
            indicator = Indicator(span, labels.level1, labels.level2)
            if row.data == "placeholder_row":
                placeholder = next(cell for cell in values if cell.type == "PLACEHOLDER")
                indicator.name = text_cell(placeholder)
                indicator.placeholder = True
            else:
                _fill_indicator(indicator, values)
            self.form.indicators.append(indicator)

    def _total(self, node: Tree) -> None:
        tokens = self._tokens(node)
        total = Total(text_cell(tokens[0]))
        numbers = [source for source in tokens[1:] if source.type == "NUM"]
        if numbers:
            total.points = number_cell(numbers[0])
        if len(numbers) > 1:
            total.score = number_cell(numbers[1])
        self.form.total = total

    def _grade(self, node: Tree) -> None:
        tokens = self._tokens(node)
        self.form.grade = merged(tokens[1:2]) or _empty_after(tokens[0])


class _LabelContext:
    """一级/二级 carried down the table; 成本指标 resolved to 一级 or 二级."""

    def __init__(self, rows: list[list[RawCell]]) -> None:
        self.level1: Label | None = None
        self.level2: Label | None = None
        self.row_labels = [[cell for cell in row if cell.type in _LABEL_TERMINALS] for row in rows]

    def update(self, row_number: int) -> None:
        labels = self.row_labels[row_number]
        if not labels:
            return
        if len(labels) >= 2:
            first, second = _label(labels[0]), _label(labels[1])
            first.misplaced = first.name not in LEVEL1 and first.name != COST_LABEL
            second.misplaced = second.name in LEVEL1
            self.level1, self.level2 = first, second
            return
        label = _label(labels[0])
        if label.name in LEVEL1 or (label.name == COST_LABEL and self._cost_is_level1(row_number)):
            self.level1, self.level2 = label, None
        else:
            self.level2 = label

    def _cost_is_level1(self, row_number: int) -> bool:
        for labels in self.row_labels[row_number + 1 :]:
            if labels:
                return labels[0].detail[0] in COST_LEVEL2  # type: ignore[index]
        return False


def _label(source: RawCell) -> Label:
    name, truncated = source.detail  # type: ignore[misc]
    cell = Cell(source.text, span_of(source), name)
    return Label(cell, name, truncated)


def _fill_indicator(indicator: Indicator, values: list[RawCell]) -> None:
    pair = _score_pair(values)
    if pair is None:
        indicator.name = text_cell(values[0])
        indicator.declared_empty = all(
            source.type == "DASH" or is_declared_empty(source.text) for source in values
        )
        for role, source in zip(("target", "actual", "points", "score", "reason"), values[1:]):
            _set_role(indicator, role, source)
        return
    before, after = values[:pair], values[pair + 2 :]
    indicator.points = number_cell(values[pair])
    indicator.score = number_cell(values[pair + 1])
    points_column = values[pair].table_column
    if len(before) < 3 and points_column is not None and all(v.table_column is not None for v in before):
        for source in before:
            distance = points_column - source.table_column  # type: ignore[operator]
            _set_role(indicator, {1: "actual", 2: "target"}.get(distance, "name"), source)
    else:
        # Without table columns: name, target, actual in order; extra leading cells
        # belong to a name that was split.
        name_cells, rest = before[: max(1, len(before) - 2)], before[max(1, len(before) - 2) :]
        if name_cells:
            indicator.name = merged(name_cells)
        for role, source in zip(("target", "actual"), rest):
            _set_role(indicator, role, source)
    if after:
        indicator.reason = merged(after)


def _set_role(indicator: Indicator, role: str, source: RawCell) -> None:
    if role == "target":
        indicator.target = target_cell(source)
    elif role == "actual":
        indicator.actual = measure_cell(source)
    elif role in ("points", "score"):
        setattr(indicator, role, number_cell(source))
    elif role == "name" and indicator.name is not None:
        name = indicator.name
        raw = name.raw + " " + source.text
        indicator.name = Cell(raw, name.span.cover(span_of(source)), " ".join(raw.split()))
    else:
        setattr(indicator, role, text_cell(source))


def _score_pair(values: list[RawCell]) -> int | None:
    """Index of 分值 in the last run of two or more plain numbers."""
    pair = None
    index = 0
    while index < len(values):
        if not _plain(values[index]):
            index += 1
            continue
        start = index
        while index < len(values) and _plain(values[index]):
            index += 1
        if index - start >= 2:
            pair = index - 2
    return pair


def _plain(source: RawCell) -> bool:
    return source.type == "NUM" and source.detail.plain  # type: ignore[union-attr]


def _assign_columns(values: list[RawCell], columns: list[tuple[str, int | None]]) -> list[tuple[str, RawCell]]:
    """Funds values by header column when the table has columns, else in order."""
    roles = [role for role, _ in columns] or list(FundRow.COLUMNS)
    if len(values) == len(roles) or not columns or any(c is None for _, c in columns):
        return list(zip(roles, values))
    by_column = {column: role for role, column in columns}
    assigned = [(by_column.get(source.table_column), source) for source in values]  # type: ignore[arg-type]
    taken = [role for role, _ in assigned]
    if None in taken or len(set(taken)) != len(taken):
        return list(zip(roles, values))
    return assigned  # type: ignore[return-value]


def _year_cell(source: RawCell) -> Cell | None:
    match = YEAR_RE.search(key(source.text)) or _YEAR_IN_TEXT.search(key(source.text))
    if match is None:
        return None
    cell = text_cell(source)
    cell.value = int(match.group(1))
    return cell


def _unit_cell(source: RawCell) -> Cell | None:
    folded = fold(source.text)
    match = UNIT_RE.search("".join(folded.split()))
    if match is None:
        return None
    cell = text_cell(source)
    cell.value = match.group(1)
    if source.type != "UNIT" and source.line == source.end_line:
        start = folded.find("(")
        end = folded.find(")", start)
        if 0 <= start < end:
            line, col = source.line, source.column
            cell = Cell(source.text[start : end + 1], Span(line, col + start, line, col + end + 1), match.group(1))
    return cell


def _empty_after(keyword: RawCell) -> Cell:
    """An empty value, placed just after its label, for 'missing value' findings."""
    end = Span(keyword.end_line, keyword.end_column, keyword.end_line, keyword.end_column)
    return Cell("", end, None)


def _is_label_fragment(source: RawCell, label: RawCell) -> bool:
    """`目标` alone under `年度总体目标`: the label broken over two rows."""
    text = key(source.text)
    return source.table_column is not None and source.table_column == label.table_column and text in key(label.text)

