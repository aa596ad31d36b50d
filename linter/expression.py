"""The expression language of rules written in YAML: parsed with `grammar/expression.lark`
(LALR, linear time), checked (known field paths, numbers where numbers go, conditions
where conditions go, bounded size and nesting), and evaluated by a small interpreter over
the tree. Nothing in an expression can call code: the only names are field paths looked up
in `linter.form_fields`, the only calls sum / min / max / count over indicator rows.

Evaluation is three-valued: a value that is missing, malformed, in a column the parser is
unsure of, or a division by zero makes the result unknown (None), and a rule reports only
a condition that is certainly false.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal, DecimalException

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from linter.ast import Cell, Form, Indicator
from linter.form_fields import (
    INDICATOR_COLUMNS, NUMERIC_INDICATOR_COLUMNS, FieldPath, form_path, indicator_cell, indicator_rows, known_paths,
)
from linter.package_files import package_folder
from linter.record import record

MAX_LENGTH = 2000  # characters of one expression
MAX_DEPTH = 100  # nesting of the parsed tree: a chain a + b + c … counts one level a term
MAX_NUMBER_DIGITS = 30

# Terminal names of the grammar, in words, for "expected …".
EXPECTED_WORDS = {
    "NUMBER": "a number", "NAME": "a field name", "INDICATORS": "indicators", "LPAR": "(", "RPAR": ")", "LSQB": "[",
    "RSQB": "]", "DOT": ".", "COMMA": ",", "PLUS": "+", "MINUS": "-", "MUL": "* or /", "COMPARATOR": "a comparison (<=, ==, …)",
    "AND": "and", "OR": "or", "NOT": "not", "SUM": "sum", "MIN": "min", "MAX": "max", "COUNT": "count",
    "STRING": "a quoted name", "$END": "the end of the expression",
}

_parser: Lark | None = None


def parser() -> Lark:
    global _parser
    if _parser is None:
        grammar = package_folder("grammar").joinpath("expression.lark").read_text(encoding="utf-8")
        _parser = Lark(grammar, parser="lalr", propagate_positions=True, maybe_placeholders=False)
    return _parser


class ExpressionError(Exception):
    """`message_id` (in the catalog, `expression.*`) and its args, at a 1-based line and
    column of the expression text."""

    def __init__(self, message_id: str, args: dict[str, object], line: int = 1, column: int = 1) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args
        self.line = line
        self.column = column


# The tree ------------------------------------------------------------------------------------


@record(frozen=True)
class Node:
    text: str  # the source text of the node, white space removed (a message placeholder)
    line: int
    col: int


@record(frozen=True)
class Number(Node):
    value: Decimal


@record(frozen=True)
class Path(Node):
    path: FieldPath


@record(frozen=True)
class Rows(Node):
    """`indicators[blocks].column`: in an aggregate, every row; elsewhere, the row at hand."""

    blocks: tuple[str, ...]
    column: str | None


@record(frozen=True)
class Aggregate(Node):
    function: str
    rows: Rows


@record(frozen=True)
class Negative(Node):
    operand: Node


@record(frozen=True)
class Binary(Node):
    operator: str
    left: Node
    right: Node


@record(frozen=True)
class Compare(Node):
    operator: str
    left: Node
    right: Node


@record(frozen=True)
class Logic(Node):
    operator: str  # and, or
    left: Node
    right: Node


@record(frozen=True)
class Not(Node):
    operand: Node


_OPERATORS = {"≤": "<=", "≥": ">=", "≠": "!=", "=": "==", "×": "*", "÷": "/"}


@record
class Expression:
    source: str
    root: Node
    per_row: tuple[Rows, ...] = ()  # row references outside aggregates: evaluated once per indicator row
    references: tuple[Node, ...] = field(default_factory=tuple)  # paths, rows and aggregates, in source order

    @property
    def placeholders(self) -> set[str]:
        return {node.text for node in self.references}


def parse_expression(text: str, want: str = "condition") -> Expression:
    """The checked tree of `text`; `want` is `condition` (true or false) or `number`."""
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError("expression.empty", {})
    if len(text) > MAX_LENGTH:
        raise ExpressionError("expression.too_long", {"limit": MAX_LENGTH})
    try:
        tree = parser().parse(text)
    except UnexpectedInput as error:
        raise _syntax_error(error, text) from None
    _check_depth(tree)
    builder = _Builder(text)
    root = builder.node(tree)
    _check_kind(root, want)
    return Expression(text, root, tuple(builder.per_row), tuple(builder.references))


def _syntax_error(error: UnexpectedInput, text: str) -> ExpressionError:
    if isinstance(error, UnexpectedEOF) or (isinstance(error, UnexpectedToken) and error.token.type == "$END"):
        line = text.count("\n") + 1
        column = len(text) - (text.rfind("\n") + 1) + 1
        found = "end"
    else:
        line, column = error.line, error.column
        found = str(error.token) if isinstance(error, UnexpectedToken) else text[error.pos_in_stream: error.pos_in_stream + 1]
    expected = getattr(error, "expected", None) or getattr(error, "allowed", None) or set()
    if isinstance(error, UnexpectedCharacters):
        expected = set(error.allowed or ())
    words = sorted({EXPECTED_WORDS.get(name, name) for name in expected if not name.startswith("__")})
    return ExpressionError(
        "expression.syntax", {"found": found[:20], "expected_words": ", ".join(words[:12]) or "?"}, max(line, 1), max(column, 1)
    )


def _check_depth(tree: Tree) -> None:
    stack: list[tuple[object, int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            meta = node.meta if isinstance(node, Tree) else None
            line = getattr(meta, "line", 1) if meta is not None and not meta.empty else 1
            column = getattr(meta, "column", 1) if meta is not None and not meta.empty else 1
            raise ExpressionError("expression.too_deep", {"limit": MAX_DEPTH}, line, column)
        if isinstance(node, Tree):
            stack.extend((child, depth + 1) for child in node.children)


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.per_row: list[Rows] = []
        self.references: list[Node] = []

    def _where(self, tree: Tree | Token) -> tuple[str, int, int]:
        if isinstance(tree, Token):
            return "".join(str(tree).split()), tree.line or 1, tree.column or 1
        meta = tree.meta
        source = self.text[meta.start_pos: meta.end_pos] if not meta.empty else ""
        return "".join(source.split()), (meta.line if not meta.empty else 1), (meta.column if not meta.empty else 1)

    def node(self, tree: Tree | Token, in_aggregate: bool = False) -> Node:
        text, line, column = self._where(tree)
        if isinstance(tree, Token):  # pragma: no cover - every token sits in a tree
            raise ExpressionError("expression.syntax", {"found": str(tree), "expected_words": "?"}, line, column)
        kind = tree.data if isinstance(tree.data, str) else tree.data.value
        children = tree.children
        if kind == "number":
            digits = str(children[0])
            if len(digits.replace(".", "")) > MAX_NUMBER_DIGITS:
                raise ExpressionError("expression.number_too_long", {"limit": MAX_NUMBER_DIGITS}, line, column)
            return Number(text, line, column, Decimal(digits))
        if kind == "field":
            parts = tuple(str(token) for token in children)
            path = form_path(parts)
            if path is None:
                import difflib

                close = difflib.get_close_matches(".".join(parts), known_paths(), n=1, cutoff=0.6)
                raise ExpressionError("expression.unknown_field", {"field": ".".join(parts), "hint": close[0] if close else ""},
                                      line, column)
            node = Path(text, line, column, path)
            self.references.append(node)
            return node
        if kind == "rows":
            rows = self._rows(tree, text, line, column)
            if rows.column is None:
                raise ExpressionError("expression.rows_need_column", {}, line, column)
            self.references.append(rows)
            self.per_row.append(rows)
            return rows
        if kind == "aggregate":
            function = str(children[0].children[0])
            rows_tree = children[1]
            rows = self._rows(rows_tree, *self._where(rows_tree))
            if function != "count" and rows.column is None:
                raise ExpressionError("expression.aggregate_column", {"function": function}, line, column)
            if rows.column is not None and rows.column not in NUMERIC_INDICATOR_COLUMNS and function != "count":
                raise ExpressionError("expression.not_numeric", {"field": rows.text}, line, column)
            node = Aggregate(text, line, column, function, rows)
            self.references.append(node)
            return node
        if kind == "negative":
            return Negative(text, line, column, self.node(children[1]))
        if kind == "binary":
            return Binary(text, line, column, _OPERATORS.get(str(children[1]), str(children[1])),
                          self.node(children[0]), self.node(children[2]))
        if kind == "compare":
            return Compare(text, line, column, _OPERATORS.get(str(children[1]), str(children[1])),
                           self.node(children[0]), self.node(children[2]))
        if kind in ("and_", "or_"):
            return Logic(text, line, column, kind[:-1], self.node(children[0]), self.node(children[1]))
        if kind == "not_":
            return Not(text, line, column, self.node(children[0]))
        raise ExpressionError("expression.syntax", {"found": kind, "expected_words": "?"}, line, column)  # pragma: no cover

    def _rows(self, tree: Tree, text: str, line: int, column: int) -> Rows:
        blocks: tuple[str, ...] = ()
        name: str | None = None
        for child in tree.children:
            if isinstance(child, Tree):  # blocks
                blocks = tuple(str(token).strip("\"'") for token in child.children)
            else:
                name = str(child)
        if name is not None and name not in INDICATOR_COLUMNS:
            import difflib

            close = difflib.get_close_matches(name, INDICATOR_COLUMNS, n=1, cutoff=0.6)
            raise ExpressionError("expression.unknown_field", {"field": f"indicators.{name}", "hint": f"indicators.{close[0]}" if close else ""},
                                  line, column)
        return Rows(text, line, column, blocks, name)


def _kind(node: Node) -> str:
    return "condition" if isinstance(node, (Compare, Logic, Not)) else "number"


def _check_kind(node: Node, want: str) -> None:
    """Numbers where numbers go, conditions where conditions go; text fields only as
    the subject of `required` and `pattern` rules, never in arithmetic."""
    if _kind(node) != want:
        raise ExpressionError(f"expression.want_{want}", {"text": node.text}, node.line, node.col)
    if isinstance(node, (Compare, Binary)):
        _check_kind(node.left, "number")
        _check_kind(node.right, "number")
    elif isinstance(node, Negative):
        _check_kind(node.operand, "number")
    elif isinstance(node, Logic):
        _check_kind(node.left, "condition")
        _check_kind(node.right, "condition")
    elif isinstance(node, Not):
        _check_kind(node.operand, "condition")
    elif isinstance(node, Path) and not node.path.numeric:
        raise ExpressionError("expression.not_numeric", {"field": node.text}, node.line, node.col)
    elif isinstance(node, Rows) and node.column not in NUMERIC_INDICATOR_COLUMNS:
        raise ExpressionError("expression.not_numeric", {"field": node.text}, node.line, node.col)


# Evaluation -----------------------------------------------------------------------------------


def cell_number(cell: Cell | None) -> Decimal | None:
    """The number of a cell the rules may trust: None when absent, empty, malformed, or
    in a column the parser is unsure of."""
    if cell is None or cell.malformed or cell.uncertain:
        return None
    return cell.number


@record
class Scope:
    form: Form
    row: Indicator | None = None
    tolerance: Decimal = Decimal(0)


def value(node: Node, scope: Scope) -> Decimal | None:
    try:
        return _value(node, scope)
    except (DecimalException, ArithmeticError):
        return None


def _value(node: Node, scope: Scope) -> Decimal | None:
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Path):
        return cell_number(node.path.get(scope.form))
    if isinstance(node, Rows):
        return cell_number(indicator_cell(scope.row, node.column)) if scope.row is not None and node.column else None
    if isinstance(node, Aggregate):
        return aggregate(node, scope.form)
    if isinstance(node, Negative):
        operand = _value(node.operand, scope)
        return None if operand is None else -operand
    if isinstance(node, Binary):
        left, right = _value(node.left, scope), _value(node.right, scope)
        if left is None or right is None:
            return None
        if node.operator == "+":
            return left + right
        if node.operator == "-":
            return left - right
        if node.operator == "*":
            return left * right
        if right == 0:
            return None
        return left / right
    return None


def aggregate(node: Aggregate, form: Form) -> Decimal | None:
    if not form.complete("indicators") or not form.structure_certain:
        return None
    rows = indicator_rows(form, node.rows.blocks)
    if node.rows.column is None:
        return Decimal(len(rows))
    cells = [indicator_cell(row, node.rows.column) for row in rows]
    if rows and all(cell is None for cell in cells):
        return None  # the template has no such column
    numbers = []
    for cell in cells:
        if cell is None or not cell.raw.strip():
            continue
        if cell.malformed or cell.uncertain:
            return None
        number = cell.number
        if number is None:
            if node.function == "count":
                numbers.append(Decimal(0))  # text in the column still counts as filled
                continue
            return None
        numbers.append(number)
    if node.function == "count":
        return Decimal(len(numbers))
    if node.function == "sum":
        return sum(numbers, Decimal(0))
    if not numbers:
        return None
    return min(numbers) if node.function == "min" else max(numbers)


def aggregate_cells(node: Aggregate, form: Form) -> list[Cell]:
    if node.rows.column is None:
        return []
    cells = [indicator_cell(row, node.rows.column) for row in indicator_rows(form, node.rows.blocks)]
    return [cell for cell in cells if cell is not None]


def truth(node: Node, scope: Scope) -> bool | None:
    """True, False, or None when it cannot be told."""
    if isinstance(node, Compare):
        left, right = value(node.left, scope), value(node.right, scope)
        if left is None or right is None:
            return None
        return compare(node.operator, left, right, scope.tolerance)
    if isinstance(node, Not):
        inner = truth(node.operand, scope)
        return None if inner is None else not inner
    if isinstance(node, Logic):
        left, right = truth(node.left, scope), truth(node.right, scope)
        if node.operator == "and":
            if left is False or right is False:
                return False
            return None if left is None or right is None else True
        if left is True or right is True:
            return True
        return None if left is None or right is None else False
    return None


def compare(operator: str, left: Decimal, right: Decimal, tolerance: Decimal) -> bool:
    if operator == "==":
        return abs(left - right) <= tolerance
    if operator == "!=":
        return abs(left - right) > tolerance
    if operator == "<=":
        return left <= right + tolerance
    if operator == "<":
        return left < right + tolerance
    if operator == ">=":
        return left >= right - tolerance
    return left > right - tolerance


def culprit(node: Node, scope: Scope) -> Node:
    """The part of a false condition that makes it false: the first false comparison."""
    while True:
        if isinstance(node, Logic):
            left = truth(node.left, scope)
            node = node.left if (node.operator == "or" or left is False) else node.right
        elif isinstance(node, Not):
            return node.operand
        else:
            return node


def references(node: Node) -> list[Node]:
    """Paths, rows and aggregates under `node`, left to right."""
    out: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, (Path, Rows, Aggregate)):
            out.append(current)
        elif isinstance(current, (Binary, Compare, Logic)):
            stack += [current.right, current.left]
        elif isinstance(current, (Negative, Not)):
            stack.append(current.operand)
    return out


def sides(node: Node, scope: Scope) -> tuple[Decimal | None, Decimal | None]:
    if isinstance(node, Compare):
        return value(node.left, scope), value(node.right, scope)
    return None, None
