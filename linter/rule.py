"""What a rule is: one module with its docs, metadata, options and a `check` function.

A rule module (see rules/jx105_execution_score_mismatch.py) reads top to
bottom: the docstring is the English user documentation with fixed headings
(What it checks, Why it matters, Options, Source), then the constants below,
among them `DOCS_ZH`, the same documentation in Chinese (检查什么, 为什么重要,
选项, 依据), then `check(form, options)`, which yields `Finding`s. Messages are
ids with arguments, rendered from the module's Chinese and English templates.
The failing and passing examples are data, `rules/examples/CODE.yaml`, run by
the tests and shown by the docs (docs/rule-docs.md); a rule without that file
(a plugin's) writes them in its docstring (Failing example, Passing example).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import field
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from types import ModuleType
from typing import TYPE_CHECKING

from linter.record import record
from linter.span import Span

if TYPE_CHECKING:  # a run answered from the result cache needs rules' metadata, not the AST
    from linter.ast import Cell, Form

SEVERITIES = ("info", "warning", "error")
CODE_RE = re.compile(r"^[A-Z]{1,4}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
OPTION_LIMIT = Decimal(10) ** 15  # a `decimal` option is 0 <= value < 10^15 …
OPTION_PLACES = 15  # … with at most 15 decimals
DOC_HEADINGS = ("## What it checks", "## Why it matters", "## Source")
EXAMPLE_HEADINGS = ("## Failing example", "## Passing example")  # in the docstring of a rule without example data
DOC_HEADINGS_ZH = ("## 检查什么", "## 为什么重要", "## 依据")


class OutOfRange(ValueError):
    """An option value of the right kind but outside what the option can mean."""


@record(frozen=True)
class Option:
    """A rule option: its type, default and help. `kind` is one of
    `decimal`, `int`, `bool`, `str`, `choice`, `str-list`, `bands`, `percent-bands`."""

    kind: str
    default: object
    help: str
    choices: tuple[str, ...] = ()

    def convert(self, value: object) -> object:
        """The option's value from YAML or the command line; ValueError when it does not fit."""
        if self.kind == "decimal":
            if value is None:
                return None
            if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
                raise ValueError("a number")
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                raise ValueError("a number") from None
            # Options are tolerances, points and amounts: NaN, infinities, negatives and
            # exponents that would expand to gigabytes of digits are not values of those.
            if not number.is_finite() or number < 0 or number >= OPTION_LIMIT or number.as_tuple().exponent < -OPTION_PLACES:
                raise OutOfRange("a number in range")
            return number
        if self.kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("a whole number")
            return value
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise ValueError("true or false")
            return value
        if self.kind == "str":
            if not isinstance(value, str):
                raise ValueError("a text")
            return value
        if self.kind == "choice":
            if value not in self.choices:
                raise ValueError("one of " + ", ".join(self.choices))
            return value
        if self.kind == "str-list":
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ValueError("a list of texts")
            return tuple(value)
        if self.kind == "percent-bands":
            # `[100-80, 80-60, 60-0]` (or `[[100, 80], …]`): (upper, lower) percent, top band first.
            if not isinstance(value, list) or not value:
                raise ValueError("bands")
            bands = []
            for band in value:
                pair = band.split("-") if isinstance(band, str) else band
                if not isinstance(pair, list) or len(pair) != 2:
                    raise ValueError("bands")
                try:
                    upper, lower = (Option("decimal", None, "").convert(part.strip() if isinstance(part, str) else part) for part in pair)
                except ValueError:
                    raise ValueError("bands") from None
                if upper is None or lower is None or not lower <= upper <= 100:
                    raise ValueError("bands")
                bands.append((upper, lower))
            return tuple(bands)
        if self.kind == "bands":
            if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
                raise ValueError("a mapping of grade to lower bound")
            return {k: Option("decimal", None, "").convert(v) for k, v in value.items()}
        raise ValueError(f"unknown option kind {self.kind}")


@record
class Finding:
    """One problem found by a rule. `where` is the cell (or span) to point at."""

    where: Cell | Span
    message_id: str
    args: dict[str, object] = field(default_factory=dict)
    table_path: str | None = None
    expected: object = None
    actual: object = None
    severity: str | None = None  # lower than the rule's when the rule is unsure
    related: tuple[Cell | Span, ...] = ()  # the cells a sum is made of, for editors to show

    @property
    def related_spans(self) -> tuple[Span, ...]:
        return tuple([item if isinstance(item, Span) else item.span for item in self.related])

    @property
    def span(self) -> Span:
        where = self.where
        return where if isinstance(where, Span) else where.span


@record(frozen=True)
class Rule:
    """A rule: its code and name, default severity, options, messages in each language, documentation, and
    the `check` run on each form."""

    code: str
    name: str
    severity: str
    groups: tuple[str, ...]
    options: dict[str, Option]
    messages: dict[str, dict[str, str]]
    docs: str
    check: Callable[[Form, dict[str, object]], Iterator[Finding]]
    origin: str = "jxlint"
    scope: str = "form"  # "form" (parsed forms), "all-forms" (also unparsed ones) or "document"
    docs_zh: str = ""  # the docs in Chinese; empty for a rule documented in English only (a plugin's)

    @property
    def summary(self) -> str:
        return self.docs.strip().splitlines()[0] if self.docs.strip() else ""

    def docs_in(self, lang: str) -> str:
        """The docs in `lang`; English when the rule has none in Chinese."""
        return self.docs_zh if lang == "zh" and self.docs_zh.strip() else self.docs

    def summary_in(self, lang: str) -> str:
        text = self.docs_in(lang).strip()
        return text.splitlines()[0] if text else ""

    @classmethod
    def from_module(cls, module: ModuleType, origin: str = "jxlint") -> Rule:
        rule = cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            groups=tuple(getattr(module, "GROUPS", ())),
            options=dict(getattr(module, "OPTIONS", {})),
            messages=getattr(module, "MESSAGES", {}),
            docs=module.__doc__ or "",
            check=module.check,
            origin=origin,
            scope=getattr(module, "SCOPE", "form"),
            docs_zh=getattr(module, "DOCS_ZH", ""),
        )
        rule.validate()
        return rule

    def validate(self) -> None:
        problems = []
        if not CODE_RE.match(self.code):
            problems.append(f"code {self.code!r} is not like JX101")
        if not NAME_RE.match(self.name):
            problems.append(f"name {self.name!r} is not kebab-case")
        if self.scope not in ("form", "all-forms", "document"):
            problems.append(f"scope {self.scope!r} is not form, all-forms or document")
        if self.severity not in SEVERITIES:
            problems.append(f"severity {self.severity!r} is not one of {SEVERITIES}")
        for lang in ("zh", "en"):
            if not self.messages.get(lang):
                problems.append(f"no {lang} messages")
        if set(self.messages.get("zh", {})) != set(self.messages.get("en", {})):
            problems.append("zh and en messages differ in ids")
        from linter.examples import has_examples

        required = DOC_HEADINGS if has_examples(self.code) else (*DOC_HEADINGS[:2], *EXAMPLE_HEADINGS, DOC_HEADINGS[2])
        missing = [heading for heading in required if heading not in self.docs]
        if missing:
            problems.append("docs lack " + ", ".join(missing))
        if has_examples(self.code) and any(heading in self.docs for heading in EXAMPLE_HEADINGS):
            problems.append(f"docs repeat examples that are data: rules/examples/{self.code}.yaml")
        missing_zh = [heading for heading in DOC_HEADINGS_ZH if self.docs_zh and heading not in self.docs_zh]
        if missing_zh:
            problems.append("DOCS_ZH lacks " + ", ".join(missing_zh))
        if problems:
            raise ValueError(f"rule {self.code} {self.name}: " + "; ".join(problems))

    def default_options(self) -> dict[str, object]:
        return {name: option.default for name, option in self.options.items()}


# Helpers shared by rules -----------------------------------------------------------


def number(cell: Cell | None) -> Decimal | None:
    """The value of a numeric cell; None when it is absent, a dash, malformed, or its
    column is uncertain."""
    if cell is None or cell.malformed or cell.uncertain:
        return None
    value = cell.value
    return value if isinstance(value, Decimal) else None


def unusable(*cells: Cell | None) -> bool:
    """A cell that JX003 reports, or whose column the parser is unsure of: sums that need
    it are skipped, not reported twice or on a guess."""
    for cell in cells:  # a loop, not any() over a generator: this runs for every row of every form
        if cell is not None and (cell.malformed or cell.uncertain):
            return True
    return False


def decimals_of(*values: Decimal | None) -> int:
    """The most decimals printed among `values` (0 for whole numbers); ValueError when all are None."""
    places = -1
    for value in values:
        if value is not None:
            places = max(places, _places(value))
    if places < 0:
        raise ValueError("decimals_of() of no number")
    return places


def _places(value: Decimal) -> int:
    """The decimals of `value`, counted in its text: `as_tuple()` builds a tuple of every
    digit, three times slower, and is needed only for text with an exponent."""
    text = str(value)
    if "E" in text or "e" in text or not value.is_finite():
        exponent = value.as_tuple().exponent
        return -exponent if exponent < 0 else 0  # type: ignore[operator]
    point = text.find(".")
    return 0 if point < 0 else len(text) - point - 1


def unit_in_last_place(value: Decimal) -> Decimal:
    """0.01 for 9.82, 0.1 for 9.8, 1 for 10."""
    return Decimal(1).scaleb(-decimals_of(value))


def half_unit(value: Decimal) -> Decimal:
    """Half a unit in the last printed place: the rounding a printed value may carry
    (0.005 for 9.82, 0.05 for 9.8, 0.5 for 10)."""
    return unit_in_last_place(value) / 2


def plain(value: Decimal) -> str:
    """A Decimal for messages: no exponent, no trailing zeros beyond the printed ones."""
    return format(value, "f")


# The context rules run in (set by the engine). A form's numbers are digit strings of
# any length: with the widest exponent range nothing a form can hold overflows, and
# results are rounded to 28 significant digits as usual.
ARITHMETIC = Context(prec=28, rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN)


def cents(value: Decimal) -> Decimal:
    """A computed value as a form would print it: two decimals, half up. The precision
    grows with the value, so a 40-digit amount is rounded instead of failing."""
    context = ARITHMETIC.copy()
    context.prec = max(ARITHMETIC.prec, value.adjusted() + 3)
    return value.quantize(Decimal("0.01"), context=context)
