"""Parse tree -> typed AST: column roles from the header, label inheritance, values with spans.

The template (`linter/templates.py`) says which roles the columns can have;
the header row of the form says in which order (`分值` before or after
`年度指标值`, a split 指标性质 | 指标值 | 度量单位, no 分值 at all). Published
rows are often shifted or lose empty cells, so a row is anchored on its score
block (the run of number columns: 分值/得分, 自评分/复核分, or 得分 alone), found
as the last run of as many plain numbers; the cells before it take the roles
before the block (extra leading cells are a name split over several cells), and
what follows is the 偏差原因. A cell that could take more than one role is kept
with its text and marked `uncertain`, so no rule reports on a guess.
"""

from __future__ import annotations

import re
from decimal import Decimal

from linter.ast import Cell, Form, FundRow, Funds, Goal, Indicator, Label, Problem, Span, Total
from linter.layouts import STREAM_LAYOUTS, RawCell
from linter.lexer import Values
from linter.row_columns import TABLE_LAYOUTS, SourceLines, by_column
from linter.templates import Template
from linter.text import fold, key
from linter.tree import Node
from linter.values import COMPARATORS, Number, Target, read_target
from linter.vocabulary import UNIT_RE, YEAR_RE, KeywordDetail, LabelDetail, strip_weight

_YEAR_IN_TEXT = re.compile(r"\((\d{4})年|^(?:附件\d*:?)?(\d{4})年")
_LABEL_TERMINALS = frozenset({"L1", "L2", "LC"})
_NUMBER_ROLES = frozenset({"points", "score", "review_score", "coefficient"})
_TEXT_ROLES = frozenset({"name", "reason", "criteria", "core", "nature", "measure_unit"})
_TARGET_ROLES = frozenset({"target", "adjusted_target"})
# The indicator columns whose empty cells are recorded (JX011): `raw` "" at the empty
# cell's position, where a column the table lacks stays None.
_EMPTY_ROLES = frozenset({"target", "actual", "points", "score"})
_COLUMN_ROLES = frozenset({"level1", "level2", "name", "target", "actual", "points", "score", "reason", *Indicator.OPTIONAL_COLUMNS})
_MAIN_FIELDS = {"project": "project", "department": "department", "implementer": "implementer"}
# The part of the form each tree node is.
_PART_OF = {"field_row": "fields", "funds": "funds", "goal": "goal", "indicators": "indicators", "total": "total",
            "grade": "grade", "closing": "closing"}


_new_tuple = tuple.__new__


def span_of(cell: RawCell) -> Span:
    # `Span(...)` goes through the named tuple's Python-level __new__; this is the same tuple.
    return _new_tuple(Span, (cell.line, cell.column, cell.end_line, cell.end_column))


def text_cell(source: RawCell) -> Cell:
    text = source.text
    span = _new_tuple(Span, (source.line, source.column, source.end_line, source.end_column))
    if " " not in text and text.isprintable():  # no white space of any kind to fold (`Cell.text`)
        return Cell(text, span, text)
    return Cell(text, span, " ".join(text.split()))


def _is_declared_empty(source: RawCell, template: Template) -> bool:
    return template.vocabulary.is_declared_empty(source.text)


def number_cell(source: RawCell, template: Template) -> Cell:
    """A cell of a numeric column: 分值, 得分, amounts, 执行率, 总分."""
    span = _new_tuple(Span, (source.line, source.column, source.end_line, source.end_column))
    if source.type == "NUM":
        number: Number = source.detail  # type: ignore[assignment]
        return Cell(source.text, span, number.value, number.unit, number.comparator, number.malformed)
    return Cell(source.text, span, malformed=source.type != "DASH" and not _is_declared_empty(source, template))


def measure_cell(source: RawCell, template: Template) -> Cell:
    """实际完成值: a number with its unit when numeric, else the text."""
    if source.type == "NUM" and not source.detail.malformed:  # type: ignore[union-attr]
        return number_cell(source, template)
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


def _role(source: RawCell, table: dict[str, str]) -> str | None:
    detail = source.detail
    if isinstance(detail, KeywordDetail):
        return detail.role
    return table.get(key(source.text))


def _printed_weight(source: RawCell) -> Decimal | None:
    """Points printed in a header cell: `预算执行情况(万元)(20分)`, `得分(20分*执行率)`."""
    detail = source.detail
    if isinstance(detail, KeywordDetail) and detail.weight is not None:
        return detail.weight
    return strip_weight(key(source.text))[1]


class FormBuilder:
    def __init__(
        self, form: Form, template: Template, uncertain: bool = False, unreadable_at: RawCell | None = None,
        source: SourceLines | None = None,
    ) -> None:
        self.form = form
        # The form's lines, where its layout has table columns: empty cells are found in them.
        self.source = source if form.layout in TABLE_LAYOUTS else None
        self.template = template
        self.uncertain = uncertain
        self.unreadable_at = unreadable_at
        self.vocabulary = template.vocabulary
        self.indicators_weight: Decimal | None = None
        # The funds rows that carry 分值/得分 (`total` when the template does not say).
        self._scored_rows = template.section("funds").get("scored_rows") or ["total"]

    def build(self, tree: Node) -> Form:
        present: list[str] = []
        read: list[Node] = []
        for part in tree.children[0].children:
            kind = _PART_OF.get(part.data)
            if kind in _SINGLE_PARTS and kind in present:
                # A second funds table or total row: the form is damaged (rows pasted twice,
                # a form run into the next); the first is kept and the damage reported,
                # unless the text was read by its words alone, where that proves nothing.
                first = _first_cell(part)
                if not self.uncertain and self.unreadable_at is None:
                    span = first.span if first else self.form.span
                    self.form.problems.append(Problem("parse-error", "parse.repeated", span, {"parts": [kind]}))
                continue
            getattr(self, "_" + part.data)(part)
            if kind is not None:
                present.append(kind)
            read.append(part)
        self.form.parameters = self._parameters()
        self._truncation(present, _last_cell_of(read))
        if self.uncertain or self.unreadable_at is not None:
            # Text read by its words alone, or whose order broke down somewhere: what was
            # read is shown, and no rule reports on it.
            self.form.structure_certain = False
            for cell in _all_cells(self.form):
                cell.uncertain = True
        return self.form

    def _uncertain_last_row(self) -> None:
        """The row a form stops in may have lost its last cells: nothing in it is certain,
        and a name cut to `指标1：` is not a placeholder left in."""
        if self.form.cut_in != "indicators" or not self.form.indicators:
            return
        last_row = self.form.indicators[-1]
        for cell in _cells_of(last_row) + ([last_row.name] if last_row.name is not None else []):
            cell.uncertain = True
        last_row.placeholder = False

    def _truncation(self, present: list[str], last: RawCell | None) -> None:
        """A form that stops before the template's last part lacks the parts after the
        last one it has; a form with no title lacks its head. One problem says so, at
        the last cell read."""
        parts = list(self.template.data.get("parts") or [])
        seen = [part for part in parts if part in present]
        if self.form.total is not None and self.form.total.in_header and "total" in parts and "total" not in seen:
            seen = [part for part in parts if part in seen or part == "total"]
        if not seen:
            missing = parts
        else:
            missing = [part for part in parts[parts.index(seen[-1]) + 1 :] if part not in present]
        if self.form.headless:
            before = [part for part in parts[: parts.index(seen[0])] if part not in present] if seen else []
            missing = ["head", *before, *missing]
        if self.unreadable_at is not None:
            self.form.truncated = missing or ["rest"]
            self.form.cut_in = seen[-1] if seen else None
            self.form.structure_certain = False
            self._uncertain_last_row()
            message_id = "parse.unreadable_before" if missing else "parse.unreadable"
            self.form.problems.append(
                Problem("form-truncated", message_id, self.unreadable_at.span, {"parts": missing}, "warning")
            )
            return
        if not missing:
            return
        self.form.truncated = missing
        self.form.cut_in = seen[-1] if seen else None
        self._uncertain_last_row()
        if last is None:
            span = self.form.span
            at = Span(span.line, span.column, span.line, span.column)
        else:
            at = span_of(last)
        message_id = "parse.headless" if self.form.headless else "parse.truncated"
        self.form.problems.append(
            Problem("form-truncated", message_id, at, {"parts": [p for p in missing if p != "head"]}, "warning")
        )

    @staticmethod
    def _tokens(node: Node) -> list[RawCell]:
        """The cells of a node, with runs of values unpacked."""
        cells: list[RawCell] = []
        for child in node.children:
            if child.__class__ is RawCell:
                cells.append(child)
            elif child.__class__ is Values:
                cells.extend(child.cells)
        return cells

    def _parameters(self) -> dict[str, object]:
        parameters = self.template.parameters()
        funds = self.form.funds
        if funds is not None and funds.weight is not None:
            parameters["execution_points"] = funds.weight
        if self.indicators_weight is not None:
            parameters["indicators_points"] = self.indicators_weight
            parameters["indicators_points_printed"] = True
        return parameters

    # -- header ------------------------------------------------------------------
    def _head(self, node: Node) -> None:
        tokens = self._tokens(node)
        self.form.title = text_cell(tokens[0])
        year_source = next((source for source in tokens[1:] if source.type == "YEAR"), tokens[0])
        self.form.year = _year_cell(year_source) or _year_cell(tokens[0])

    def _field_row(self, node: Node) -> None:
        fields = [child for child in node.children if isinstance(child, Node)]
        continued = self._tokens(node)
        for field in fields:
            tokens = self._tokens(field)
            if len(tokens) == 1 and continued and _before_continuation(field, node):
                tokens = tokens + continued
            keyword = tokens[0]
            value = merged(tokens[1:]) or _empty_after(keyword)
            detail = keyword.detail
            role = detail.role if isinstance(detail, KeywordDetail) else "field"
            if role == "total":
                if self.form.total is None:
                    number = next((source for source in tokens[1:] if source.type == "NUM"), None)
                    total = Total(text_cell(keyword), in_header=True)
                    total.score = number_cell(number, self.template) if number is not None else None
                    self.form.total = total
            elif role in _MAIN_FIELDS:
                current = getattr(self.form, role)
                if current is None or not current.raw:
                    setattr(self.form, role, value)
            else:
                self.form.fields.setdefault(role, value)

    # -- funds -------------------------------------------------------------------
    def _funds(self, node: Node) -> None:
        tokens = self._tokens(node)
        header = tokens[0]
        funds = Funds(text_cell(header))
        self.form.funds = funds
        unit_token = next((source for source in tokens if source.type == "UNIT"), None) or next(
            (source for source in tokens if source.type in ("K_FUNDS", "FHDR") and UNIT_RE.search(key(source.text))), header
        )
        self.form.unit = _unit_cell(unit_token)
        table = self.vocabulary.funds_columns
        headers = [source for source in tokens if source.type in ("FHDR", "SHDR")]
        funds.weight = _printed_weight(header)
        for source in headers:
            if funds.weight is None and _role(source, table) == "score":
                funds.weight = _printed_weight(source)
        columns = [
            (role, source.table_column)
            for source in headers
            if (role := _role(source, table)) in FundRow.COLUMNS or role == "reason"
        ]
        order = [role for role, _ in columns] or [r for r in self.template.funds_order if r in _FUND_ROLES]
        for child in node.children:
            if isinstance(child, Node):
                funds.rows.append(self._fund_row(child, columns, order))

    def _fund_row(self, node: Node, columns: list[tuple[str, int | None]], order: list[str]) -> FundRow:
        label, *values = self._tokens(node)
        detail = label.detail
        kind = detail.role if isinstance(detail, KeywordDetail) else "extra"
        row = FundRow(text_cell(label), kind)
        scored = self._scored_rows
        assigned = _assign_fund_columns(values, columns, order, kind in scored, label.table_column)
        template = self.template
        for role, source, certain in assigned:
            cell = text_cell(source) if role == "reason" else number_cell(source, template)
            if not certain:
                cell.uncertain = True
            setattr(row, role, cell)
        if kind in scored and row.score is None and all(certain for _, _, certain in assigned):
            row.score = self._empty_cell(label, dict(columns).get("score"), values)
        return row

    def _empty_cell(self, label: RawCell, column: int | None, values: list[RawCell]) -> Cell | None:
        """The empty cell in `column` of a one-line table row, or None."""
        if self.source is None or column is None or any(source.line != label.line for source in values):
            return None
        span = self.source.empty_span(label.line, column)
        return Cell("", span) if span is not None else None

    # -- goal --------------------------------------------------------------------
    def _goal(self, node: Node) -> None:
        tokens = self._tokens(node)
        goal = Goal(text_cell(tokens[0]))
        self.form.goal = goal
        table = self.vocabulary.goal_columns
        headers = [(_role(source, table), source.table_column) for source in tokens if source.type == "GHDR"]
        expected: list[RawCell] = []
        actual: list[RawCell] = []
        for child in node.children:
            if not isinstance(child, Node):
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
                (actual if nearest[0] == "actual" else expected).append(source)
            if len(row) >= 2 and row[-1] in expected and not actual:
                # Every cell nearest one header: the row is shifted against it (its
                # 年度总体目标 cell merged away). The last cell is 实际完成情况.
                expected.remove(row[-1])
                actual.append(row[-1])
        goal.expected = merged(expected)
        goal.actual = merged(actual)

    # -- indicators --------------------------------------------------------------
    def _indicators(self, node: Node) -> None:
        header_rows = [child for child in node.children if isinstance(child, Node) and child.data == "header_row"]
        rows = [child for child in node.children if isinstance(child, Node) and child.data != "header_row"]
        keyword = node.children[0]
        if isinstance(keyword, RawCell) and keyword.type == "K_IND" and keyword.text:
            weight = _printed_weight(keyword)
            if weight is not None:
                self.indicators_weight = weight
        table = _Columns(self._indicator_roles(header_rows))
        columns = self._role_columns(header_rows) if self.source is not None else None
        # Text without table columns is cut into rows after the national order (三级, 年度,
        # 实际 before 分值/得分): another family's cells in it cannot be placed for sure.
        guessed = self.form.layout in STREAM_LAYOUTS and not table.national_order
        cells = [self._tokens(row) for row in rows]
        labels = _LabelContext(cells, self.vocabulary)
        for number, (row, row_cells) in enumerate(zip(rows, cells)):
            has_labels = bool(labels.row_labels[number])
            if has_labels:
                labels.update(number)
            if row.data == "label_row":
                continue
            values = [cell for cell in row_cells if cell.type not in _LABEL_TERMINALS] if has_labels else row_cells
            span = _row_span(row_cells[0], row_cells[-1])
            indicator = Indicator(span, labels.level1, labels.level2)
            if row.data == "placeholder_row":
                placeholder = next(cell for cell in values if cell.type == "PLACEHOLDER")
                indicator.name = text_cell(placeholder)
                indicator.placeholder = True
            else:
                placed = self._column_placement(row_cells, columns) if columns else None
                if placed is not None and len(placed[0]) != len(table.roles) and self._read_by_column_alone(values, table):
                    # The row is read by its columns in the end: reading it by content
                    # first would make every cell twice.
                    self._set_by_column(indicator, placed, table)
                else:
                    self._fill_indicator(indicator, values, table)
                    if placed is not None and not indicator.declared_empty:
                        if len(placed[0]) != len(table.roles):  # (a row with a cell in every column is read already)
                            _clear_columns(indicator, table)  # what the row was read as by content
                            self._set_by_column(indicator, placed, table)
                        else:
                            _set_empty(indicator, placed[1])
                if guessed:
                    for cell in _cells_of(indicator):
                        cell.uncertain = True
            self.form.indicators.append(indicator)

    def _role_columns(self, header_rows: list[Node]) -> dict[int, str] | None:
        """{table column: role} of a one-row indicator header whose every role cell has a
        table column (labels included); None otherwise."""
        if len(header_rows) != 1:
            return None
        columns: dict[int, str] = {}
        for source in self._tokens(header_rows[0]):
            role = _role(source, self.vocabulary.indicator_columns)
            if role not in _COLUMN_ROLES:
                continue
            if source.table_column is None or source.table_column in columns or role in columns.values():
                return None
            columns[source.table_column] = role
        return columns or None

    def _column_placement(
        self, row: list[RawCell], columns: dict[int, str]
    ) -> tuple[list[tuple[str, RawCell]], dict[str, Span]] | None:
        """A row that lines up with its header: its value cells by role and the spans of its
        empty cells (`linter.row_columns`); None for a row read by content."""
        placed = by_column(row, columns, _EMPTY_ROLES, self.source)  # type: ignore[arg-type]
        if placed is None:
            return None
        cells = placed[0]
        # A row shifted against its header puts text or a percentage under 分值/得分, or
        # leaves the name column empty: it is read by content instead.
        for role, source in cells:
            if role in _NUMBER_ROLES and not (_plain(source) or source.type == "DASH"):
                return None
        if "name" in columns.values():
            for role, _ in cells:
                if role == "name":
                    break
            else:
                return None
        return placed

    def _set_by_column(
        self, indicator: Indicator, placed: tuple[list[tuple[str, RawCell]], dict[str, Span]], table: _Columns
    ) -> None:
        """The row's cells by column, certain, and its empty cells recorded, in a row whose
        columns hold nothing yet."""
        template = self.template
        for role, source in placed[0]:
            _set_role(indicator, role, source, template)
        if table.split_target:
            _join_split_target(indicator)
        _set_empty(indicator, placed[1])

    def _read_by_column_alone(self, values: list[RawCell], table: _Columns) -> bool:
        """Whether reading the row by content (`_fill_indicator`) would leave nothing that
        `_set_by_column` does not replace: the row is not declared empty, and no text goes
        to a role outside the table's columns."""
        if table.text_role not in table.roles:
            return False
        if len(values) == len(table.roles) and all(values[index].type in _NUMERIC for index in table.number_positions):
            return True
        if table.block_size and _anchor(values, table.block_size) is not None:
            return True
        template = self.template
        return not all(source.type == "DASH" or _is_declared_empty(source, template) for source in values)

    def _indicator_roles(self, header_rows: list[Node]) -> list[str]:
        """Column roles of the data cells (labels excluded), in order.

        One header row: its order. Two (a spanning row over a split one): the template's
        order of the roles present. None (a tail): the template's order.
        """
        table = self.vocabulary.indicator_columns
        found: list[str] = []  # (each role once, in the order of the header)
        for header in header_rows:
            for source in self._tokens(header):
                role = _role(source, table)
                if role is not None and role not in ("level1", "level2") and role not in found:
                    found.append(role)
        template_order = [role for role in self.template.indicator_order if role not in ("level1", "level2")]
        if not found:
            return template_order
        if len(header_rows) == 1:
            return found
        roles = [role for role in template_order if role in found]
        return roles + [role for role in found if role not in roles]

    def _fill_indicator(self, indicator: Indicator, values: list[RawCell], table: _Columns) -> None:
        roles, template = table.roles, self.template
        if len(values) == len(roles) and all(values[index].type in _NUMERIC for index in table.number_positions):
            # As many cells as columns, numbers where numbers belong: one cell a column.
            for role, source in zip(roles, values):
                _set_role(indicator, role, source, template)
            if table.split_target:
                _join_split_target(indicator)
            return
        anchor = _anchor(values, table.block_size) if table.block_size else None
        if anchor is None:
            # A row with no scores (`指标 3：无`, `—`) is declared empty when every cell says so.
            indicator.declared_empty = all(
                source.type == "DASH" or _is_declared_empty(source, template) for source in values
            )
            _assign_in_order(indicator, values, roles, template, certain=len(values) == len(roles))
        else:
            self._fill_around_block(indicator, values, anchor, table)
        if table.split_target:
            _join_split_target(indicator)

    def _fill_around_block(self, indicator: Indicator, values: list[RawCell], anchor: int, table: _Columns) -> None:
        template, before_roles, after_roles = self.template, table.before_roles, table.after_roles
        for role, source in zip(table.block_roles, values[anchor:anchor + table.block_size]):
            _set_role(indicator, role, source, template)
        before, after = values[:anchor], values[anchor + table.block_size:]
        anchor_column = values[anchor].table_column
        if (
            len(before) < len(before_roles) and anchor_column is not None
            and all(v.table_column is not None for v in before)
        ):
            for source in before:
                position = len(before_roles) - (anchor_column - source.table_column)  # type: ignore[operator]
                role = before_roles[position] if 0 <= position < len(before_roles) else before_roles[0]
                _set_role(indicator, role, source, template)
        else:
            _assign_in_order(indicator, before, before_roles, template, certain=len(before) >= len(before_roles))
        if after:
            if len(after) > 1 and len(after_roles) > 1 and len(after) == len(after_roles):
                for role, source in zip(after_roles, after):
                    _set_role(indicator, role, source, template)
            else:
                setattr(indicator, table.text_role, merged(after))

    # -- total and closing -------------------------------------------------------
    def _total(self, node: Node) -> None:
        tokens = self._tokens(node)
        total = Total(text_cell(tokens[0]))
        numbers = [source for source in tokens[1:] if source.type == "NUM"]
        if numbers:
            total.points = number_cell(numbers[0], self.template)
        if len(numbers) > 1:
            total.score = number_cell(numbers[1], self.template)
        if not self.template.section("total").get("points") and len(numbers) == 1:
            # A template whose total has no 分值 (自评总分 alone) prints the score only.
            total.points, total.score = None, total.points
        elif len(numbers) == 1 and numbers[0].table_column is not None:
            # 分值 and an empty cell after it: the score left empty (JX011).
            total.score = self._empty_cell(tokens[0], numbers[0].table_column + 1, numbers)
        self.form.total = total

    def _grade(self, node: Node) -> None:
        tokens = self._tokens(node)
        self.form.grade = merged(tokens[1:2]) or _empty_after(tokens[0])

    def _closing(self, node: Node) -> None:
        tokens = self._tokens(node)
        detail = tokens[0].detail
        role = detail.role if isinstance(detail, KeywordDetail) else "closing"
        self.form.closing[role] = merged(tokens[1:]) or _empty_after(tokens[0])


_FUND_ROLES = frozenset(FundRow.COLUMNS) | {"reason"}
_SINGLE_PARTS = frozenset({"funds", "goal", "total", "grade"})


def _row_span(first: RawCell, last: RawCell) -> Span:
    """From the first cell of a row to its last (`Span.cover` of the two, compared without
    making their spans in the usual case of a last cell that starts and ends after the first)."""
    line, end_line = first.line, last.end_line
    if (line < last.line or (line == last.line and first.column <= last.column)) and (
        first.end_line < end_line or (first.end_line == end_line and first.end_column <= last.end_column)
    ):
        return _new_tuple(Span, (line, first.column, end_line, last.end_column))
    return span_of(first).cover(span_of(last))


def _clear_columns(indicator: Indicator, table: _Columns) -> None:
    """Every column of the row emptied, its 一级/二级 labels kept."""
    for role in table.roles:
        if role not in ("level1", "level2"):
            setattr(indicator, role, None)


def _set_empty(indicator: Indicator, empty: dict[str, Span]) -> None:
    """An empty cell (`raw` "") for each column the row leaves empty and nothing fills."""
    for role, span in empty.items():
        if getattr(indicator, role) is None:
            setattr(indicator, role, Cell("", span))


def _first_cell(node: Node) -> RawCell | None:
    for child in node.children:
        if isinstance(child, Node):
            found = _first_cell(child)
            if found is not None:
                return found
        elif child.__class__ is Values:
            return child.cells[0]
        elif child.__class__ is RawCell and child.text:
            return child
    return None


def _all_cells(form: Form) -> list[Cell]:
    cells = [cell for cell in (form.project, form.department, form.implementer) if cell is not None]
    cells += form.fields.values()
    if form.funds is not None:
        for row in form.funds.rows:
            cells += [cell for _, cell in row.cells()]
    if form.goal is not None:
        cells += [cell for cell in (form.goal.expected, form.goal.actual) if cell is not None]
    for indicator in form.indicators:
        cells += _cells_of(indicator)
        if indicator.name is not None:
            cells.append(indicator.name)
    if form.total is not None:
        cells += [cell for cell in (form.total.points, form.total.score) if cell is not None]
    return cells


def _before_continuation(field: Node, row: Node) -> bool:
    """Whether `field` is the last field before the row's continued line."""
    children = row.children
    position = children.index(field)
    return position + 1 < len(children) and not isinstance(children[position + 1], Node)


def _cells_of(indicator: Indicator) -> list[Cell]:
    roles = ("target", "actual", "points", "score", "reason", *Indicator.OPTIONAL_COLUMNS)
    return [cell for role in roles if (cell := getattr(indicator, role)) is not None]


def _join_split_target(indicator: Indicator) -> None:
    """指标性质 | 指标值 | 度量单位 read as one 年度指标值 (`﹦` `72890` `元` → =72890 元)."""
    target = indicator.target
    if target is None or not isinstance(target.value, Target) or target.value.number is None:
        return
    comparator = target.value.comparator
    if comparator is None and indicator.nature is not None:
        comparator = COMPARATORS.get(key(indicator.nature.raw))
    unit = target.value.unit
    if unit is None and indicator.measure_unit is not None and indicator.measure_unit.text:
        unit = indicator.measure_unit.text
    value = Target(comparator, target.value.number, unit, None)
    indicator.target = Cell(target.raw, target.span, value, unit, comparator, target.malformed, target.uncertain)


def _last_cell_of(parts: list[Node]) -> RawCell | None:
    """The last cell with text in the last of `parts` that has one."""
    for part in reversed(parts):
        found = _last_cell(part)
        if found is not None:
            return found
    return None


def _last_cell(node: Node) -> RawCell | None:
    """The last cell with text in a part of the tree."""
    for child in reversed(node.children):
        if isinstance(child, Node):
            found = _last_cell(child)
            if found is not None:
                return found
        elif child.__class__ is Values:
            return child.cells[-1]
        elif child.__class__ is RawCell and child.text:
            return child
    return None


class _LabelContext:
    """一级/二级 carried down the table; 成本指标 resolved to 一级 or 二级."""

    def __init__(self, rows: list[list[RawCell]], vocabulary) -> None:
        self.level1: Label | None = None
        self.level2: Label | None = None
        self.vocabulary = vocabulary
        self.row_labels = [[cell for cell in row if cell.type in _LABEL_TERMINALS] for row in rows]

    def update(self, row_number: int) -> None:
        labels = self.row_labels[row_number]
        if not labels:
            return
        level1, cost = self.vocabulary.level1, self.vocabulary.cost_label
        if len(labels) >= 2:
            first, second = _label(labels[0]), _label(labels[1])
            first.misplaced = first.name not in level1 and first.name != cost
            second.misplaced = second.name in level1
            self.level1, self.level2 = first, second
            return
        label = _label(labels[0])
        if label.name in level1 or (label.name == cost and self._cost_is_level1(row_number)):
            self.level1, self.level2 = label, None
        else:
            self.level2 = label

    def _cost_is_level1(self, row_number: int) -> bool:
        for labels in self.row_labels[row_number + 1 :]:
            if labels:
                return labels[0].detail.name in self.vocabulary.cost_level2  # type: ignore[union-attr]
        return False


def _label(source: RawCell) -> Label:
    detail: LabelDetail = source.detail  # type: ignore[assignment]
    cell = Cell(source.text, span_of(source), detail.name)
    return Label(cell, detail.name, detail.truncated, weight=detail.weight)


_NUMERIC = frozenset({"NUM", "DASH"})


class _Columns:
    """The columns of one indicator table, and what reading a row needs of them."""

    __slots__ = ("roles", "number_positions", "block_size", "block_roles", "before_roles", "after_roles",
                 "text_role", "split_target", "national_order")

    def __init__(self, roles: list[str]) -> None:
        self.roles = roles
        self.number_positions = [index for index, role in enumerate(roles) if role in _NUMBER_ROLES]
        start, self.block_size = _score_block(roles)
        self.before_roles = roles[:start]
        self.block_roles = roles[start:start + self.block_size]
        self.after_roles = roles[start + self.block_size:]
        self.text_role = next((role for role in self.after_roles if role in _TEXT_ROLES), "reason")
        self.split_target = "nature" in roles or "measure_unit" in roles
        self.national_order = self.before_roles == ["name", "target", "actual"] and self.after_roles in ([], ["reason"])


def _score_block(roles: list[str]) -> tuple[int, int]:
    """(start, size) of the last run of number columns in `roles`; size 0 when none."""
    end = None
    for index in range(len(roles) - 1, -1, -1):
        if roles[index] in _NUMBER_ROLES:
            end = index
            break
    if end is None:
        return 0, 0
    start = end
    while start > 0 and roles[start - 1] in _NUMBER_ROLES:
        start -= 1
    return start, end - start + 1


def _anchor(values: list[RawCell], size: int) -> int | None:
    """Index of the first cell of the score block: the last `size` cells of the last run of
    at least `size` plain numbers (for a one-column block, the last plain number)."""
    # (each cell looked at once; `_plain` written out, as this runs on most rows)
    plain = [
        source.type == "NUM" and source.detail.comparator is None and source.detail.unit is None  # type: ignore[union-attr]
        for source in values
    ]
    anchor = None
    index = 0
    count = len(plain)
    while index < count:
        if not plain[index]:
            index += 1
            continue
        start = index
        while index < count and plain[index]:
            index += 1
        if index - start >= size and (size > 1 or start > 0):
            anchor = index - size
    return anchor


def _plain(source: RawCell) -> bool:
    if source.type != "NUM":
        return False
    number = source.detail
    return number.comparator is None and number.unit is None  # type: ignore[union-attr]  # Number.plain


def _assign_in_order(
    indicator: Indicator, values: list[RawCell], roles: list[str], template: Template, certain: bool
) -> None:
    """Cells to roles in order; extra leading cells belong to a name split over cells.
    With fewer cells than roles, which role is empty cannot be told: the cells after
    the name are marked uncertain."""
    if not values or not roles:
        return
    lead = max(1, len(values) - (len(roles) - 1))
    first = merged(values[:lead])
    if roles[0] == "name":
        indicator.name = first
    else:
        _set_role(indicator, roles[0], values[0], template)
        lead = 1
    for role, source in zip(roles[1:], values[lead:]):
        cell = _set_role(indicator, role, source, template)
        if cell is not None and not certain:
            cell.uncertain = True


_PLAIN_TEXT_ROLES = frozenset({"name", *Indicator.OPTIONAL_COLUMNS, "reason"})


def _set_role(indicator: Indicator, role: str, source: RawCell, template: Template) -> Cell | None:
    if role in _TARGET_ROLES:
        cell = target_cell(source)
    elif role == "actual":
        cell = measure_cell(source, template)
    elif role in _NUMBER_ROLES:
        cell = number_cell(source, template)
    elif role == "name" and indicator.name is not None:
        name = indicator.name
        raw = name.raw + " " + source.text
        cell = Cell(raw, name.span.cover(span_of(source)), " ".join(raw.split()))
    elif role in _PLAIN_TEXT_ROLES:
        cell = text_cell(source)
    else:
        return None
    setattr(indicator, role, cell)
    return cell


def _assign_fund_columns(
    values: list[RawCell], columns: list[tuple[str, int | None]], order: list[str], scored: bool,
    label_column: int | None,
) -> list[tuple[str, RawCell, bool]]:
    """Funds values by role: in order when the counts agree, else by header column when
    the table has columns, else in the order of the roles a row of its kind fills (a
    sub-row has no 分值 or 得分); a row that still does not fit is assigned in order and
    marked uncertain."""
    roles = order
    if len(values) == len(roles):
        return [(role, source, True) for role, source in zip(roles, values)]
    # Header columns are usable when the row's label does not stand in one of them (a header
    # continued on a line of its own starts its columns again at 0).
    usable = label_column not in {column for _, column in columns}
    if usable and columns and all(c is not None for _, c in columns) and all(v.table_column is not None for v in values):
        by_column = {column: role for role, column in columns}
        assigned = [(by_column.get(source.table_column), source) for source in values]  # type: ignore[arg-type]
        taken = [role for role, _ in assigned]
        if None not in taken and len(set(taken)) == len(taken):
            return [(role, source, True) for role, source in assigned]  # type: ignore[misc]
    if not scored:
        unscored = [role for role in roles if role not in ("points", "score")]
        if len(values) == len(unscored):
            return [(role, source, True) for role, source in zip(unscored, values)]
        if values and all(source.type == "DASH" for source in values):
            dashed = [role for role in roles if role in ("points", "score")]
            if len(values) == len(dashed):
                return [(role, source, True) for role, source in zip(dashed, values)]
    # Numbers to the number columns in order, text to the text column (原因): which number
    # column a missing cell belongs to cannot be told, so every one is uncertain.
    numbers = [source for source in values if source.type in _NUMERIC]
    texts = [source for source in values if source.type not in _NUMERIC]
    text_roles = [role for role in roles if role == "reason"]
    if texts and len(texts) <= len(text_roles):
        number_roles = [role for role in roles if role != "reason"]
        return [(role, source, False) for role, source in (*zip(number_roles, numbers), *zip(text_roles, texts))]
    return [(role, source, False) for role, source in zip(roles, values)]


def _year_cell(source: RawCell) -> Cell | None:
    match = YEAR_RE.search(key(source.text)) or _YEAR_IN_TEXT.search(key(source.text))
    if match is None:
        return None
    cell = text_cell(source)
    cell.value = int(next(group for group in match.groups() if group))
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
