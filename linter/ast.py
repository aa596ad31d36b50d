"""The typed AST of a 自评表 file. Rules see only these classes.

Positions: lines and columns are 1-based; columns count characters (a tab is
one character); `end_column` is exclusive. Every value is a `Cell` holding the
original text, its span, and a parsed value.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal

from linter.record import record
from linter.span import Span  # part of the AST's API: rules and plugins import it from here
from linter.values import Target

SCHEMA_VERSION = 2


@record(slots=True)
class Cell:
    """One cell of the form.

    `raw` is the source text; a cell wrapped over several lines is joined
    without its line breaks. `value` is a `Decimal` for numbers, a `Target`
    for 年度指标值, a canonical name for labels, the text otherwise, and None
    for an empty or dash cell. `unit` and `comparator` come from numeric text
    (`≥90.00(%)` has comparator `≥`, unit `%`); `malformed` marks numeric
    text that is not a valid number (`99.`), whose value is None.
    """

    raw: str
    span: Span
    value: Decimal | Target | str | None = None
    unit: str | None = None
    comparator: str | None = None
    malformed: bool = False
    # The parser could not tell this cell's column for sure (a row with more or fewer
    # cells than its header, read by content): rules never report on it as certain.
    uncertain: bool = False

    @property
    def number(self) -> Decimal | None:
        value = self.value
        if isinstance(value, Target):
            return value.number
        return value if isinstance(value, Decimal) else None

    @property
    def text(self) -> str:
        """The raw text with runs of white space folded to one space."""
        raw = self.raw
        if " " not in raw and raw.isprintable():  # no white space of any kind to fold
            return raw
        return " ".join(raw.split())


@record(slots=True)
class Label:
    """A 一级 or 二级 label; `name` is canonical (`服务对象满意度指标`).

    `truncated`: the text lost its last character (`服务对象满意度指`).
    `misplaced`: it stands in the other label column of its row.
    `weight`: the points printed in the label (`产出指标（50分）` → 50).
    """

    cell: Cell
    name: str
    truncated: bool = False
    misplaced: bool = False
    weight: Decimal | None = None


@record(slots=True)
class FundRow:
    """A row of the 项目资金 table. `kind`: total, current, carryover, other, extra."""

    label: Cell
    kind: str
    initial_budget: Cell | None = None
    budget: Cell | None = None
    executed: Cell | None = None
    points: Cell | None = None
    rate: Cell | None = None
    score: Cell | None = None
    reason: Cell | None = None

    COLUMNS = ("initial_budget", "budget", "executed", "points", "rate", "score")

    @property
    def is_subrow(self) -> bool:
        return self.kind != "total"

    def cells(self) -> list[tuple[str, Cell]]:
        return [(name, cell) for name in self.COLUMNS if (cell := getattr(self, name)) is not None]


@record(slots=True)
class Funds:
    """The funds block. `weight`: points printed in its header (`预算执行情况(20分)`)."""

    header: Cell
    rows: list[FundRow] = field(default_factory=list)
    weight: Decimal | None = None

    @property
    def total(self) -> FundRow | None:
        for row in self.rows:  # a loop, not next() over a generator: rules ask for it some twenty times a form
            if row.kind == "total":
                return row
        return None

    @property
    def subrows(self) -> list[FundRow]:
        return [row for row in self.rows if row.kind != "total"]


@record(slots=True)
class Goal:
    """The 总体目标 block: its header cell, the expected and the actual goal."""

    header: Cell
    expected: Cell | None = None
    actual: Cell | None = None


@record(slots=True)
class Indicator:
    """One 三级指标 row.

    `placeholder`: an unused template row (`指标 2：`, `……`) with no values.
    `declared_empty`: a row filled with `无` on purpose. Neither takes part
    in any sum. Columns of some templates only: `nature` (指标性质: ≥, =, 定性),
    `measure_unit` (度量单位), `review_score` (复核分), `coefficient` (得分系数),
    `adjusted_target` (调整指标值), `criteria` (评价标准).
    """

    span: Span
    level1: Label | None = None
    level2: Label | None = None
    name: Cell | None = None
    target: Cell | None = None
    actual: Cell | None = None
    points: Cell | None = None
    score: Cell | None = None
    reason: Cell | None = None
    placeholder: bool = False
    declared_empty: bool = False
    nature: Cell | None = None
    measure_unit: Cell | None = None
    review_score: Cell | None = None
    coefficient: Cell | None = None
    adjusted_target: Cell | None = None
    criteria: Cell | None = None
    core: Cell | None = None

    OPTIONAL_COLUMNS = ("nature", "measure_unit", "review_score", "coefficient", "adjusted_target", "criteria", "core")

    @property
    def path(self) -> str:
        parts = ["绩效指标"]  # (no comprehension: a call of its own, for one or two labels)
        if self.level1 is not None:
            parts.append(self.level1.name)
        if self.level2 is not None:
            parts.append(self.level2.name)
        if self.name is not None:
            parts.append(self.name.text)
        return "/".join(parts)

    @property
    def counts(self) -> bool:
        """Whether the row takes part in the sums of 分值 and 得分."""
        return not (self.placeholder or self.declared_empty)


@record(slots=True)
class Total:
    """The 总分 row: its label, 分值 and 得分."""

    label: Cell
    points: Cell | None = None
    score: Cell | None = None
    # 自评总分 printed among the header fields: a score only, no 分值.
    in_header: bool = False


@record(slots=True)
class Problem:
    """Something the parser could not read. Rendered through the message catalog."""

    code: str
    message_id: str
    span: Span
    args: dict[str, object] = field(default_factory=dict)
    severity: str = "error"


@record(slots=True)
class Form:
    """One form. `template` is the id of the template it was read with (`national`,
    `hubei` …) and `parameters` that template's declared parameters, with the weights
    printed on the form itself taking precedence (`linter.templates.Template.parameters`).
    `fields` holds header fields beyond the three of the national form (项目负责人,
    填报日期 …) and `closing` the closing rows (评价结论, 存在问题, 改进措施 …), by role.
    `truncated` lists the parts a form that stops early lacks (`funds`, `indicators`, `total`),
    and `cut_in` the part it stops in, which may itself be incomplete (`complete(part)`).
    `linted` is False for a recognised form that is not a self-evaluation (a 申报表).
    `structure_certain` is False when the text was read past a break in its order.
    """

    index: int
    layout: str
    span: Span
    title: Cell | None = None
    year: Cell | None = None
    project: Cell | None = None
    department: Cell | None = None
    implementer: Cell | None = None
    unit: Cell | None = None
    funds: Funds | None = None
    goal: Goal | None = None
    indicators: list[Indicator] = field(default_factory=list)
    total: Total | None = None
    grade: Cell | None = None
    problems: list[Problem] = field(default_factory=list)
    parsed: bool = True
    template: str = "national"
    template_certain: bool = True
    parameters: dict[str, object] = field(default_factory=dict)
    fields: dict[str, Cell] = field(default_factory=dict)
    closing: dict[str, Cell] = field(default_factory=dict)
    truncated: list[str] = field(default_factory=list)
    cut_in: str | None = None
    linted: bool = True
    headless: bool = False
    # False when the layout cannot be trusted to show every part (run-together or
    # scrambled text): rules then never report a part as absent.
    structure_certain: bool = True
    # (indicators list, its length, the counted ones): `counted_indicators` made once for
    # the forty rules that read it, and made again if the list changes.
    _counted: tuple | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def project_name(self) -> str | None:
        return self.project.text if self.project is not None and self.project.text else None

    def complete(self, part: str) -> bool:
        """Whether `part` (`funds`, `goal`, `indicators`, `total` …) is there in full, as far
        as can be told: not missing from a truncated form, and not the part it stops in."""
        return part not in self.truncated and not (self.truncated and part == self.cut_in)

    @property
    def counted_indicators(self) -> list[Indicator]:
        """The indicator rows that take part in the sums (a shared list: do not change it)."""
        indicators = self.indicators
        cached = self._counted
        if cached is not None and cached[0] is indicators and cached[1] == len(indicators):
            return cached[2]
        counted = [indicator for indicator in indicators if indicator.counts]
        self._counted = (indicators, len(indicators), counted)
        return counted


@record(slots=True)
class Document:
    """A file read: its forms, the problems found reading it, and its text."""

    path: str
    encoding: str | None
    forms: list[Form] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    text: str = ""
    # Read from a workbook, Word file or PDF (linter.readers): where each cell of `text`
    # came from in the document (a linter.location.SourceMap); None for text files.
    locations: object = None
