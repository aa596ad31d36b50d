"""A template's words as the lexer sees them: which terminal each cell is, and its role.

Built from a `Template` (`linter/templates.py`); nothing here names a template
word. Keys are matching keys (`linter.text.key`): folded, no white space, no
trailing colon. Every label also matches with its last character missing
(`服务对象满意度指`), recorded as a truncated label, and without a weight printed
after it (`产出指标（50分）`, `数量指标15分`), recorded as the label's weight.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from linter.text import key
from linter.values import Number, is_dash, read_number

if TYPE_CHECKING:
    from linter.templates import Template

# Formats, not template words: a year cell, a money unit, a printed weight.
YEAR_RE = re.compile(r"^\(?(\d{4})年度?\)?$")
UNIT_RE = re.compile(r"\((万元|元|千元|亿元)\)")
# A bare weight (`产出指标50分`) counts only after a Chinese character; that is tested in
# `strip_weight`, not by a look-behind, whose range of 20,992 characters is slow to compile.
WEIGHT_RE = re.compile(r"\((\d+(?:\.\d+)?)分[^()]*\)$|(\d+(?:\.\d+)?)分$")

# No template word, label or number is longer: a longer cell is text.
LONGEST_WORD = 256
_LONG_TEXT = ("TEXT", None)
_CACHE_SIZE = 8192

# Terminals that open a part of the form; a name or goal text runs up to one.
SECTION_STARTS = frozenset(
    {"TITLE", "K_NAME", "K_DEPT", "K_IMPL", "K_FIELD", "K_FUNDS", "K_GOAL", "K_IND", "IHDR", "K_TOTAL",
     "K_GRADE", "K_CLOSE"}
)
LABELS = frozenset({"L1", "L2", "LC"})
FIELD_TERMINALS = {"project": "K_NAME", "department": "K_DEPT", "implementer": "K_IMPL"}


class LabelDetail(NamedTuple):
    """A 一级/二级 label cell: canonical name, truncated, printed weight."""

    name: str
    truncated: bool
    weight: Decimal | None = None


class KeywordDetail(NamedTuple):
    """A keyword cell: its role in the template (`project`, `budget`, `conclusion` …) and weight."""

    role: str
    weight: Decimal | None = None


def strip_weight(cell_key: str) -> tuple[str, Decimal | None]:
    """`产出指标(50分)` -> (`产出指标`, 50); a key without a weight is returned as it is."""
    match = WEIGHT_RE.search(cell_key)
    if match is None or match.start() == 0:
        return cell_key, None
    if match.group(2) is not None and not "\u4e00" <= cell_key[match.start() - 1] <= "\u9fff":
        return cell_key, None
    return cell_key[: match.start()].rstrip(":"), Decimal(match.group(1) or match.group(2))


class Vocabulary:
    def __init__(self, template: Template) -> None:
        self.template = template
        data = template.data
        funds, goal, indicators = template.section("funds"), template.section("goal"), template.section("indicators")
        keywords: dict[str, tuple[str, str]] = {}
        for word, role in (data.get("fields") or {}).items():
            keywords[word] = (FIELD_TERMINALS.get(role, "K_FIELD"), role)
        for word in goal.get("headers", []):
            keywords[word] = ("K_GOAL", "goal")
        for word, role in (goal.get("columns") or {}).items():
            keywords[word] = ("GHDR", role)
        for word in indicators.get("headers", []):
            keywords[word] = ("K_IND", "indicators")
        for word in template.section("total").get("labels", []) or []:
            keywords[word] = ("K_TOTAL", "total")
        for word in data.get("grade", []) or []:
            keywords[word] = ("K_GRADE", "grade")
        for word, role in (data.get("closing") or {}).items():
            keywords[word] = ("K_CLOSE", role)
        funds_columns: dict[str, str] = dict(funds.get("columns") or {})
        indicator_columns: dict[str, str] = dict(indicators.get("columns") or {})
        for word in set(funds_columns) & set(indicator_columns):
            keywords.setdefault(word, ("SHDR", funds_columns[word]))
        self.keywords = keywords
        self.funds_headers = tuple(funds.get("headers", []))
        self.funds_columns = funds_columns
        self.indicator_columns = indicator_columns
        self.goal_columns: dict[str, str] = dict(goal.get("columns") or {})
        self.fund_rows: dict[str, str] = dict(funds.get("rows") or {})
        self.level1 = tuple(indicators.get("level1", []))
        self.level2 = tuple(indicators.get("level2", []))
        self.cost_label = indicators.get("cost_label") or ""
        self.cost_level2 = tuple(indicators.get("cost_level2", []))
        names = [name for name in (self.cost_label, *self.level1, *self.level2) if name]
        self.label_names = tuple(dict.fromkeys(names))
        # Labels written without the trailing 指标 (`经济效益`) are the same label; two-character
        # stems (`数量`, `产出`) are left out because they are also ordinary words.
        self._aliases = {name[:-2]: name for name in self.label_names if len(name) >= 6 and name.endswith("指标")}
        # A label cut short by one character (`产出指`), the first label in order that it cuts.
        self._truncated: dict[str, str] = {}
        for name in self.label_names:
            if len(name) > 4:
                self._truncated.setdefault(name[:-1], name)
        self.placeholder_re = re.compile(indicators.get("placeholder") or r"(?!)")
        self.declared_empty_re = re.compile(indicators.get("declared_empty") or r"(?!)")
        self.completion_levels = tuple(indicators.get("completion_levels", []))
        self.completion_prefixes = tuple(indicators.get("completion_prefixes", []))
        # Classification by text, kept: the same cells recur on every form. A plain dict
        # (emptied when full) read first by the hot loops through `known`, without a call.
        cache: dict[str, tuple[str, object]] = {}
        compute = self._classify
        self.known = cache.get

        def classify(text: str) -> tuple[str, object]:
            found = cache.get(text)
            if found is None:
                if len(text) > LONGEST_WORD:
                    return _LONG_TEXT  # longer than any word or number of a form: text, not kept
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()
                found = cache[text] = compute(text)
            return found

        self.classify = classify

    @cached_property
    def phrases(self) -> frozenset[str]:
        """Every word of the template that stands as a cell."""
        return frozenset((
            *self.keywords, *self.funds_columns, *self.indicator_columns, *self.fund_rows, *self.label_names,
            *self.funds_headers, *self.template.data.get("titles", []),
        ))

    @cached_property
    def phrase_prefixes(self) -> frozenset[str]:
        """Proper prefixes of phrases: a PDF line holding one of these is a label fragment."""
        return frozenset(p[:i] for p in self.phrases for i in range(1, len(p)))

    @cached_property
    def phrase_regex(self) -> re.Pattern[str]:
        """Any phrase of two or more characters, the longest first (for text without separators)."""
        phrases = sorted((p for p in self.phrases if len(p) >= 2), key=len, reverse=True)
        # A unit or weight printed after a word belongs to it: `预算执行情况(万元)(20分)`.
        return re.compile("(?:" + "|".join(re.escape(p) for p in phrases) + r")(?:\([^()]{1,12}\))*:?")

    # -- labels ------------------------------------------------------------------
    def label_of(self, cell_key: str) -> tuple[str, bool] | None:
        """Canonical label for a cell key, and whether it was truncated; or None."""
        if cell_key in self.label_names:
            return cell_key, False
        if cell_key in self._aliases:
            return self._aliases[cell_key], False
        name = self._truncated.get(cell_key)
        return None if name is None else (name, True)

    def label_terminal(self, name: str) -> str:
        if name == self.cost_label:
            return "LC"
        return "L1" if name in self.level1 else "L2"

    def is_declared_empty(self, text: str) -> bool:
        return bool(self.declared_empty_re.match(key(text)))

    # -- cells -------------------------------------------------------------------
    def _classify(self, text: str) -> tuple[str, object]:
        """(terminal, detail): a `Number` for NUM, a `LabelDetail` for labels, a
        `KeywordDetail` for keywords and column headers."""
        cell_key = key(text)
        found = self._keyword(cell_key)
        if found is not None:
            return found
        stripped, weight = strip_weight(cell_key)
        unit = UNIT_RE.search(stripped)
        if unit is not None and unit.end() == len(stripped) and unit.start() > 0:
            # A column with its money unit (`年初预算(万元)`) is the column.
            found = self._keyword(stripped[: unit.start()], weight)
            if found is not None:
                return found
        if weight is not None:
            found = self._keyword(stripped, weight)
            if found is not None:
                return found
            label = self.label_of(stripped)
            if label is not None:
                return self.label_terminal(label[0]), LabelDetail(label[0], label[1], weight)
        if YEAR_RE.match(cell_key):
            return "YEAR", None
        if UNIT_RE.fullmatch(cell_key):
            return "UNIT", None
        label = self.label_of(cell_key)
        if label is not None:
            return self.label_terminal(label[0]), LabelDetail(label[0], label[1])
        if self.placeholder_re.match(cell_key):
            return "PLACEHOLDER", None
        if is_dash(text):
            return "DASH", None
        number = read_number(text)
        if number is not None:
            return "NUM", number
        return "TEXT", None

    def _keyword(self, cell_key: str, weight: Decimal | None = None) -> tuple[str, object] | None:
        entry = self.keywords.get(cell_key)
        if entry is not None:
            return entry[0], KeywordDetail(entry[1], weight)
        if cell_key.startswith(self.funds_headers) and cell_key:
            return "K_FUNDS", KeywordDetail("funds", weight)
        if self.template.title_score(cell_key, whole=True):
            return "TITLE", None
        if cell_key in self.funds_columns:
            return "FHDR", KeywordDetail(self.funds_columns[cell_key], weight)
        if cell_key in self.indicator_columns:
            return "IHDR", KeywordDetail(self.indicator_columns[cell_key], weight)
        if cell_key in self.fund_rows:
            return "FLABEL", KeywordDetail(self.fund_rows[cell_key], weight)
        return None

    def is_plain_number(self, text: str) -> bool:
        terminal, detail = self.classify(text)
        return terminal == "NUM" and isinstance(detail, Number) and detail.plain

