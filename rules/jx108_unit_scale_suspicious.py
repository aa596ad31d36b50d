"""Amounts implausible for the money unit, or one column a power of ten off.

## What it checks
- in a 元 form, a 年度资金总额 budget below `min_yuan` (100 元);
- in a 万元 form, any amount above `max_wan` (1,000,000 万元, i.e. 100 亿);
- on any funds row, one amount exactly 10, 100, 1,000 or 10,000 times another
  (全年执行数 vs 全年预算数, 全年预算数 vs 年初预算数).

## Why it matters
A wrong unit or an extra 0 changes every rate and score computed from the
amounts; it is the most common cause of 执行率 above 100%.

## Options
- `min_yuan` (number): default 100. `max_wan` (number): default 1000000.

## Source
domain-rules.md R12.
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, number, plain

CODE = "JX108"
NAME = "unit-scale-suspicious"
SEVERITY = "warning"
GROUPS = ("money",)
OPTIONS = {
    "min_yuan": Option("decimal", Decimal(100), "smallest plausible total in a 元 form"),
    "max_wan": Option("decimal", Decimal(1_000_000), "largest plausible amount in a 万元 form"),
}
POWERS = (Decimal(10), Decimal(100), Decimal(1000), Decimal(10000))
PAIRS = (("executed", "全年执行数", "budget", "全年预算数"), ("budget", "全年预算数", "initial_budget", "年初预算数"))
DOCS_ZH = """金额与金额单位不相称，或某列相差 10 的整数次幂。

## 检查什么
- 以元为单位的表，年度资金总额的预算低于 `min_yuan`（100 元）；
- 以万元为单位的表，有金额超过 `max_wan`（1,000,000 万元，即 100 亿元）；
- 任一资金行中，一个金额恰好是另一个的 10、100、1,000 或 10,000 倍（全年执行数与全年预算数、全年预算数与年初预算数）。

## 为什么重要
单位填错或多写一个 0，据此计算的执行率和得分都会出错；这也是执行率超过 100% 最常见的原因。

## 选项
- `min_yuan`（数字）：以元为单位时年度资金总额的合理下限，默认 100。
- `max_wan`（数字）：以万元为单位时金额的合理上限，默认 1000000。

## 依据
domain-rules.md R12。
"""
MESSAGES = {
    "zh": {
        "small": "金额 {amount} 元对一个项目来说过小，单位可能应为万元",
        "large": "金额 {amount} 万元过大，单位可能应为元",
        "power": "{column} {value} 恰为{other_column} {other} 的 {factor} 倍，可能多写或漏写了 0，或单位不一致",
    },
    "en": {
        "small": "{amount} 元 is implausibly small for a project; the unit may be 万元",
        "large": "{amount} 万元 is implausibly large; the unit may be 元",
        "power": "{column} {value} is exactly {factor} times {other_column} {other}: a 0 too many or too few, or mixed units",
    },
}


def check(form, options):
    if form.funds is None:
        return
    unit = form.unit.value if form.unit is not None else None
    total = form.funds.total
    budget = number(total.budget) if total is not None else None
    if unit == "元" and budget is not None and 0 < budget < options["min_yuan"]:
        yield Finding(total.budget, "small", {"amount": plain(budget)}, "项目资金/年度资金总额/全年预算数")
    for row in form.funds.rows:
        if unit == "万元":
            for column in ("initial_budget", "budget", "executed"):
                amount = number(getattr(row, column))
                if amount is not None and amount > options["max_wan"]:
                    yield Finding(getattr(row, column), "large", {"amount": plain(amount)}, _path(row))
        for column, label, other_column, other_label in PAIRS:
            value, other = number(getattr(row, column)), number(getattr(row, other_column))
            if not value or not other:
                continue
            ratio = max(value, other) / min(value, other)
            if ratio in POWERS:
                factor = plain(ratio) if value > other else "1/" + plain(ratio)
                args = {"column": label, "value": plain(value), "other_column": other_label, "other": plain(other), "factor": factor}
                yield Finding(getattr(row, column), "power", args, f"{_path(row)}/{label}")


def _path(row) -> str:
    """A funds row's table path, made only for a finding."""
    return f"项目资金/{row.label.text}"
