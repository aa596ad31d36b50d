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
from linter.values import Number, read_target
from linter.vocabulary import (
    COST_LABEL, COST_LEVEL2, FUND_LABELS, FUNDS_COLUMNS, LEVEL1, UNIT_RE, YEAR_RE,
    is_declared_empty,
)

_YEAR_IN_TEXT = re.compile(r"\((\d{4})年")
_LABEL_TERMINALS = frozenset({"L1", "L2", "LC"})


def span_of(cell: RawCell) -> Span:
    return Span(cell.line, cell.column, cell.end_line, cell.end_column)


def text_cell(lexed: RawCell) -> Cell:
    return Cell(lexed.text, span_of(lexed), " ".join(lexed.text.split()))


def number_cell(lexed: RawCell) -> Cell:
    """A cell of a numeric column: 分值, 得分, amounts, 执行率, 总分."""
    cell = Cell(lexed.text, span_of(lexed))
    if lexed.type == "NUM":
        number: Number = lexed.detail  # type: ignore[assignment]
        cell.value, cell.unit, cell.comparator, cell.malformed = (
            number.value, number.unit, number.comparator, number.malformed,
        )
    elif lexed.type not in ("DASH",) and not is_declared_empty(lexed.text):
        cell.malformed = True
    return cell


def measure_cell(lexed: RawCell) -> Cell:
    """实际完成值: a number with its unit when numeric, else the text."""
    if lexed.type == "NUM" and not lexed.detail.malformed:  # type: ignore[union-attr]
        return number_cell(lexed)
    return text_cell(lexed)


def target_cell(lexed: RawCell) -> Cell:
    target = read_target(lexed.text)
    return Cell(lexed.text, span_of(lexed), target, target.unit, target.comparator)


def merged(cells: list[RawCell]) -> Cell | None:
    if not cells:
        return None
    if len(cells) == 1:
        return text_cell(cells[0])
    raw = " ".join(lexed.text for lexed in cells)
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
        year_source = next((lexed for lexed in tokens[1:] if lexed.type == "YEAR"), tokens[0])
        self.form.year = _year_cell(year_source)

    def _name_row(self, node: Tree) -> None:
        self.form.project = merged(self._tokens(node)[1:]) or _empty_after(self._tokens(node)[0])

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
        unit_token = next((lexed for lexed in tokens if lexed.type == "UNIT"), header)
        self.form.unit = _unit_cell(unit_token)
        columns = [
            (FUNDS_COLUMNS[key(lexed.text)], lexed.table_column)
            for lexed in tokens
            if lexed.type in ("FHDR", "SHDR") and key(lexed.text) in FUNDS_COLUMNS
        ]
        for child in node.children:
            if isinstance(child, Tree):
                funds.rows.append(self._fund_row(child, columns))

    def _fund_row(self, node: Tree, columns: list[tuple[str, int | None]]) -> FundRow:
        label, *values = self._tokens(node)
        row = FundRow(text_cell(label), FUND_LABELS.get(key(label.text), "extra"))
        for role, lexed in _assign_columns(values, columns):
            setattr(row, role, number_cell(lexed))
        return row

    def _goal(self, node: Tree) -> None:
        tokens = self._tokens(node)
        goal = Goal(text_cell(tokens[0]))
        self.form.goal = goal
        headers = [(key(lexed.text), lexed.table_column) for lexed in tokens if lexed.type == "GHDR"]
        expected: list[RawCell] = []
        actual: list[RawCell] = []
        for child in node.children:
            if not isinstance(child, Tree):
                continue
            row = self._tokens(child)
            for position, lexed in enumerate(row):
                if _is_label_fragment(lexed, tokens[0]):
                    continue
                column = lexed.table_column
                if column is None or not headers or any(c is None for _, c in headers):
                    (expected if position == 0 and len(row) > 1 or len(row) == 1 else actual).append(lexed)
                    continue
                nearest = min(headers, key=lambda header: abs(header[1] - column))  # type: ignore[operator]
                (actual if nearest[0] == "实际完成情况" else expected).append(lexed)
        goal.expected = merged(expected)
        goal.actual = merged(actual)

    def _indicators(self, node: Tree) -> None:
        rows = [child for child in node.children if isinstance(child, Tree)]
        cells = [self._tokens(row) for row in rows]
        labels = _LabelContext(cells)
        for number, (row, lexed) in enumerate(zip(rows, cells)):
            labels.update(number)
            if row.data == "label_row":
                continue
            values = [cell for cell in lexed if cell.type not in _LABEL_TERMINALS]
            indicator = Indicator(span_of(lexed[0]).cover(span_of(lexed[-1])), labels.level1, labels.level2)
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
        numbers = [lexed for lexed in tokens[1:] if lexed.type == "NUM"]
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


def _label(lexed: RawCell) -> Label:
    name, truncated = lexed.detail  # type: ignore[misc]
    cell = Cell(lexed.text, span_of(lexed), name)
    return Label(cell, name, truncated)


def _fill_indicator(indicator: Indicator, values: list[RawCell]) -> None:
    pair = _score_pair(values)
    if pair is None:
        indicator.name = text_cell(values[0])
        indicator.declared_empty = all(
            lexed.type == "DASH" or is_declared_empty(lexed.text) for lexed in values
        )
        for role, lexed in zip(("target", "actual", "points", "score", "reason"), values[1:]):
            _set_role(indicator, role, lexed)
        return
    before, after = values[:pair], values[pair + 2 :]
    indicator.points = number_cell(values[pair])
    indicator.score = number_cell(values[pair + 1])
    points_column = values[pair].table_column
    if len(before) < 3 and points_column is not None and all(v.table_column is not None for v in before):
        for lexed in before:
            distance = points_column - lexed.table_column  # type: ignore[operator]
            _set_role(indicator, {1: "actual", 2: "target"}.get(distance, "name"), lexed)
    else:
        # Without table columns: name, target, actual in order; extra leading cells
        # belong to a name that was split.
        name_cells, rest = before[: max(1, len(before) - 2)], before[max(1, len(before) - 2) :]
        if name_cells:
            indicator.name = merged(name_cells)
        for role, lexed in zip(("target", "actual"), rest):
            _set_role(indicator, role, lexed)
    if after:
        indicator.reason = merged(after)


def _set_role(indicator: Indicator, role: str, lexed: RawCell) -> None:
    if role == "target":
        indicator.target = target_cell(lexed)
    elif role == "actual":
        indicator.actual = measure_cell(lexed)
    elif role in ("points", "score"):
        setattr(indicator, role, number_cell(lexed))
    elif role == "name" and indicator.name is not None:
        name = indicator.name
        raw = name.raw + " " + lexed.text
        indicator.name = Cell(raw, name.span.cover(span_of(lexed)), " ".join(raw.split()))
    else:
        setattr(indicator, role, text_cell(lexed))


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


def _plain(lexed: RawCell) -> bool:
    return lexed.type == "NUM" and lexed.detail.plain  # type: ignore[union-attr]


def _assign_columns(values: list[RawCell], columns: list[tuple[str, int | None]]) -> list[tuple[str, RawCell]]:
    """Funds values by header column when the table has columns, else in order."""
    roles = [role for role, _ in columns] or list(FundRow.COLUMNS)
    if len(values) == len(roles) or not columns or any(c is None for _, c in columns):
        return list(zip(roles, values))
    by_column = {column: role for role, column in columns}
    assigned = [(by_column.get(lexed.table_column), lexed) for lexed in values]  # type: ignore[arg-type]
    taken = [role for role, _ in assigned]
    if None in taken or len(set(taken)) != len(taken):
        return list(zip(roles, values))
    return assigned  # type: ignore[return-value]


def _year_cell(lexed: RawCell) -> Cell | None:
    match = YEAR_RE.search(key(lexed.text)) or _YEAR_IN_TEXT.search(key(lexed.text))
    if match is None:
        return None
    cell = text_cell(lexed)
    cell.value = int(match.group(1))
    return cell


def _unit_cell(lexed: RawCell) -> Cell | None:
    folded = fold(lexed.text)
    match = UNIT_RE.search("".join(folded.split()))
    if match is None:
        return None
    cell = text_cell(lexed)
    cell.value = match.group(1)
    if lexed.type != "UNIT" and lexed.line == lexed.end_line:
        start = folded.find("(")
        end = folded.find(")", start)
        if 0 <= start < end:
            line, col = lexed.line, lexed.column
            cell = Cell(lexed.text[start : end + 1], Span(line, col + start, line, col + end + 1), match.group(1))
    return cell


def _empty_after(keyword: RawCell) -> Cell:
    """An empty value, placed just after its label, for 'missing value' findings."""
    end = Span(keyword.end_line, keyword.end_column, keyword.end_line, keyword.end_column)
    return Cell("", end, None)


def _is_label_fragment(lexed: RawCell, label: RawCell) -> bool:
    """`目标` alone under `年度总体目标`: the label broken over two rows."""
    text = key(lexed.text)
    return lexed.table_column is not None and lexed.table_column == label.table_column and text in key(label.text)

