"""Classify one cell's text into a grammar terminal, by vocabulary.

Used by the Lark lexer and by the stream layout builder. Cached: the same
texts (`100%`, `10`, `—`, `指标 2：`) recur on every form.
"""

from __future__ import annotations

from functools import lru_cache

from linter.text import key
from linter.values import Number, is_dash, read_number
from linter.vocabulary import (
    FUND_LABELS, FUNDS_COLUMNS, INDICATOR_COLUMNS, KEYWORDS, PLACEHOLDER_RE, TITLE_RE, UNIT_RE,
    YEAR_RE, label_of, label_terminal,
)

# Terminals that open a part of the form; a name or goal text runs up to one.
SECTION_STARTS = frozenset(
    {"TITLE", "K_NAME", "K_DEPT", "K_IMPL", "K_FUNDS", "K_GOAL", "K_IND", "IHDR", "K_TOTAL", "K_GRADE"}
)
LABELS = frozenset({"L1", "L2", "LC"})


@lru_cache(maxsize=8192)
def classify(text: str) -> tuple[str, Number | tuple[str, bool] | None]:
    """(terminal, detail): detail is a `Number` for NUM, (label, truncated) for labels."""
    cell_key = key(text)
    terminal = KEYWORDS.get(cell_key)
    if terminal is not None:
        return terminal, None
    if cell_key.startswith("项目资金"):
        return "K_FUNDS", None
    if TITLE_RE.match(cell_key) or (cell_key.startswith("财政项目") and "自评表" in cell_key):
        return "TITLE", None
    if YEAR_RE.match(cell_key):
        return "YEAR", None
    if UNIT_RE.fullmatch(cell_key):
        return "UNIT", None
    if cell_key in FUNDS_COLUMNS:
        return "FHDR", None
    if cell_key in INDICATOR_COLUMNS:
        return "IHDR", None
    if cell_key in FUND_LABELS:
        return "FLABEL", None
    label = label_of(cell_key)
    if label is not None:
        return label_terminal(label[0]), label
    if PLACEHOLDER_RE.match(cell_key):
        return "PLACEHOLDER", None
    if is_dash(text):
        return "DASH", None
    number = read_number(text)
    if number is not None:
        return "NUM", number
    return "TEXT", None


def is_plain_number(text: str) -> bool:
    terminal, detail = classify(text)
    return terminal == "NUM" and isinstance(detail, Number) and detail.plain
