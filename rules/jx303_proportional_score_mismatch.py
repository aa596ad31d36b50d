"""A missed quantitative target not scored in proportion.

## What it checks
Where the form's template scores quantitative indicators in proportion
(`scoring.proportional`: the national, 衔接资金 and 湖北 printed rules), on each
counted row whose actual misses its target in the target's unit: 得分 =
实际 ÷ 目标 × 分值 for a floor or exact target (`≥`, `>`, `=`), 目标 ÷ 实际 × 分值
for a ceiling (`≤`, `<`), never above 分值, within half a unit of the last
decimal printed in 得分 (or the `tolerance` option).

## Why it matters
The printed scoring rule fixes the score of a shortfall; a score off the
formula is either generous or harsh, and the total moves with it.

## Options
- `tolerance` (number): largest accepted difference; default from the printed decimals.

## Source
docs/templates.md (printed scoring rules: 正向 得分 = 实际/目标 × 分值, 反向 目标/实际 × 分值,
capped); seed 001 (嘉定 平均成本 =17500 with actual 0 scored 5 of 10).
"""

from __future__ import annotations

from decimal import Decimal

from linter.rule import Finding, Option, cents, half_unit, number, plain
from rules.scoring import meets

CODE = "JX303"
NAME = "proportional-score-mismatch"
SEVERITY = "warning"
GROUPS = ("scoring",)
OPTIONS = {"tolerance": Option("decimal", None, "largest accepted difference (default: from the printed decimals)")}
DOCS_ZH = """未达到目标的定量指标没有按比例计分。

## 检查什么
表格模板规定定量指标按比例计分的（`scoring.proportional`：全国模板、衔接资金模板和湖北模板印明的规则），对实际完成值未达到年度指标值、且单位相同的每个计分指标行核对：年度指标值为下限或等于（「≥」「>」「=」）时，得分 = 实际完成值 ÷ 年度指标值 × 分值；为上限（「≤」「<」）时，得分 = 年度指标值 ÷ 实际完成值 × 分值；得分不超过分值，允许相差得分所填最后一位小数的半个单位（或选项 `tolerance`）。

## 为什么重要
模板印明的评分规则确定了未达目标时应得的分数；不按公式计分，要么给多了，要么扣多了，总分随之变动。

## 选项
- `tolerance`（数字）：可接受的最大差额；默认按所填小数位数确定。

## 依据
docs/templates.md（印明的评分规则：正向 得分 = 实际/目标 × 分值，反向 目标/实际 × 分值，不超过分值）；种子样本 001（嘉定 平均成本 年度指标值 =17500、实际完成值 0，10 分得 5 分）。
"""
MESSAGES = {
    "zh": {"formula": "得分 {score} 与按比例计算的 {expected} 不符（实际 {actual} ÷ 目标 {target} × 分值 {points}，不超过分值）"},
    "en": {"formula": "the score {score} differs from the proportional {expected} (actual {actual} ÷ target {target} × points {points}, capped)"},
}


def check(form, options):
    if not (form.parameters.get("scoring") or {}).get("proportional"):
        return
    for indicator in form.counted_indicators:
        points, score = number(indicator.points), number(indicator.score)
        if points is None or score is None or meets(indicator, form.parameters) is not False:
            continue
        target, actual = indicator.target.value.number, number(indicator.actual)
        ceiling = indicator.target.value.comparator in ("≤", "<")
        if target is None or actual is None or target == 0 or (ceiling and actual == 0):
            continue
        expected = min(points, points * (target / actual if ceiling else actual / target))
        tolerance = options["tolerance"] if options["tolerance"] is not None else half_unit(score) + Decimal("0.005")
        if abs(score - expected) <= tolerance:
            continue
        shown = cents(expected)
        args = {"score": plain(score), "expected": plain(shown), "actual": plain(actual), "target": plain(target),
                "points": plain(points)}
        if ceiling:
            args["actual"], args["target"] = args["target"], args["actual"]
        yield Finding(indicator.score, "formula", args, indicator.path, plain(shown), plain(score))
