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
DOCS_ZH = """一级指标块的分值之和与其标注的权重不符。

## 检查什么
凡一级指标名称上标注了权重的（「产出指标（50分）」「效益指标(30分)」「数量指标15分」），其下各计分指标行的分值之和应等于该权重；绩效指标表头标注了分值的（「绩效指标(90分)」），全部计分指标行的分值之和应等于它。设置了选项 `weights`（规则集规定的各块权重，如 `{产出指标: 50, …}`）时，名称上没有标注权重的块也按它核对。分值不是数字或无法确定的行，所在的块不作检查。

## 为什么重要
模板规定了 100 分在各指标块之间如何分配；某块多占或少占了分值，总分的含义就变了，各块合计也与表中自己标注的权重对不上。

## 选项
- `weights`（一级指标名称到分值的映射）：名称上未标注权重的块所适用的权重；默认没有。

## 依据
docs/templates.md（各指标块权重：产出 50 / 效益 30 / 满意度 10，四川 绩效指标 90，湖北 年度绩效目标 80）；domain-rules.md §5。
"""
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
    if printed is None:
        return
    total = _points(form.counted_indicators)
    if total is not None and total != printed and form.indicators:
        anchor = form.indicators[0].level1.cell if form.indicators[0].level1 is not None else form.indicators[0].span
        yield Finding(anchor, "table", {"weight": plain(printed), "sum": plain(total)}, "绩效指标", plain(printed), plain(total))


def _points(rows) -> Decimal | None:
    """The sum of the rows' 分值, or None when any is not a usable number."""
    values = [number(row.points) for row in rows]
    if not values or any(value is None for value in values):
        return None
    return sum(values, Decimal(0))
