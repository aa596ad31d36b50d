"""A 一级 block whose 分值 do not add up to the weight printed in its label.

## What it checks
For each 一级 label that prints a weight (`产出指标（50分）`, `效益指标(30分)`,
`数量指标15分`), the 分值 of the counted rows under it add up to that weight;
and where the indicator table's header prints one (`绩效指标(90分)`), the 分值 of
all counted rows add up to it. With the `weights` option (a rule set's section
weights, `{产出指标: 50, …}`), blocks whose label prints none are held to it.
Rows whose 分值 is not a number, or uncertain, leave the block unchecked.

## Why it matters
The template fixes how the 100 points are shared between blocks; a block that
takes more or less than its printed share changes what the total means, and
the sum of the blocks no longer matches the weights the form states.

## Failing example
    	产出指标(50分)	数量指标	系统维护次数	≥12次	12次	30	30
    		质量指标	系统正常运行率	≥95%	99%	30	30

## Passing example
    	产出指标(50分)	数量指标	系统维护次数	≥12次	12次	30	30
    		质量指标	系统正常运行率	≥95%	99%	20	20

## Options
- `weights` (mapping of 一级 label to points): weights for blocks whose label prints none; default none.

## Source
docs/templates.md (section-weight schemes: 产出 50 / 效益 30 / 满意度 10, 四川 绩效指标 90,
湖北 年度绩效目标 80); domain-rules.md §5.
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, number, plain

CODE = "JX204"
NAME = "section-weight"
SEVERITY = "warning"
GROUPS = ("totals",)
OPTIONS = {"weights": Option("bands", None, "一级 label -> points, for blocks whose label prints no weight")}
MESSAGES = {
    "zh": {
        "block": "一级指标「{block}」标明 {weight} 分，其下各指标分值之和却是 {sum}",
        "table": "绩效指标标明 {weight} 分，各指标分值之和却是 {sum}",
    },
    "en": {
        "block": "the block '{block}' states {weight} points, but its rows' points add up to {sum}",
        "table": "the indicator table states {weight} points, but the rows' points add up to {sum}",
    },
}


def check(form, options):
    if not form.complete("indicators"):
        return  # a block the form was cut in is not whole
    blocks: dict[object, tuple[object, list]] = {}
    for indicator in form.counted_indicators:
        label = indicator.level1
        if label is not None:
            blocks.setdefault(label.cell.span, (label, []))[1].append(indicator)
    configured = options["weights"] or {}
    for label, rows in blocks.values():
        weight = label.weight if label.weight is not None else configured.get(label.name)
        total = _points(rows)
        if weight is None or total is None or total == weight:
            continue
        args = {"block": label.name, "weight": plain(weight), "sum": plain(total)}
        yield Finding(label.cell, "block", args, f"绩效指标/{label.name}", plain(weight), plain(total))
    printed = form.parameters.get("indicators_points") if form.parameters.get("indicators_points_printed") else None
    total = _points(form.counted_indicators)
    if printed is not None and total is not None and total != printed and form.indicators:
        anchor = form.indicators[0].level1.cell if form.indicators[0].level1 is not None else form.indicators[0].span
        yield Finding(anchor, "table", {"weight": plain(printed), "sum": plain(total)}, "绩效指标", plain(printed), plain(total))


def _points(rows) -> Decimal | None:
    """The sum of the rows' 分值, or None when any is not a usable number."""
    values = [number(row.points) for row in rows]
    if not values or any(value is None for value in values):
        return None
    return sum(values, Decimal(0))
