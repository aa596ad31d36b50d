"""A qualitative level scored outside its band.

## What it checks
On each counted row whose 实际完成值 states a qualitative level in the template's
words (`scoring.qualitative_levels`: 达成 / 部分达成 / 未达成 …, matched at the start
of the cell, the longest first), that 得分 lies in the band of 分值 the template
prints for that level (`scoring.qualitative_bands`: 100–80 %, 80–60 %, 60–0 % on
the national form; 100–80 %, 80–50 %, 50–0 % on the 湖北 form). A band includes its
lower bound and excludes its upper one, except the top band, which includes 100 %.
Forms without a 分值 column (湖北 prints its weights in the labels) give no band
to compare with: the rule is silent there.

## Why it matters
The printed scoring rule gives each level a band: a 部分达成 row scored 9 of 10 or
a 达成 row scored 5 of 10 is scored against the rule, and the total moves with it.
(A 达成 row below its 分值 is also JX301's, a missed level at full marks JX302's.)

## Options
- `bands` (list of `upper-lower` percent bands, one per level, e.g. `[100-80, 80-50, 50-0]`): default the form template's.

## Source
domain-rules.md §4 R21 (national bands, C1 `selfqualscorecheck`); docs/templates.md
(printed scoring rules: 100–80 % / 80–60 % / 60–0 %, 湖北 100–80 % / 80–50 % / 50–0 %);
seed 001 (嘉定 2024) scores 未达成指标且效果较差 5 of 10, inside its band.
"""

from __future__ import annotations

import re
from decimal import Decimal

from linter.rule import Finding, Option, number, plain
from linter.text import key

CODE = "JX304"
NAME = "qualitative-score-band"
SEVERITY = "warning"
GROUPS = ("scoring",)
BANDS = Option("percent-bands", None, "one `upper-lower` band a level, in percent of 分值 (`[100-80, 80-60, 60-0]`; default: the form template's)")
OPTIONS = {"bands": BANDS}
DOCS_ZH = """定性指标的完成程度与得分档次不符。

## 检查什么
实际完成值用模板的用语写明定性完成程度的计分指标行（`scoring.qualitative_levels`：达成 / 部分达成 / 未达成 …，从单元格开头匹配，较长的用语优先），得分应在模板为该完成程度印明的分值档次内（`scoring.qualitative_bands`：全国模板为 100–80%、80–60%、60–0%；湖北模板为 100–80%、80–50%、50–0%）。每档含下限、不含上限，最高一档含 100%。没有分值列的表（湖北把权重印在指标名称里）无从比较档次，本规则不检查。

## 为什么重要
模板印明的评分规则给每个完成程度规定了档次：「部分达成」10 分得 9 分、「达成」10 分得 5 分，都不符合规则，总分也随之变动。（「达成」却低于分值的行也由 JX301 报告，未达成却得满分的由 JX302 报告。）

## 选项
- `bands`（档次列表）：每个完成程度一档，以分值的百分比写作「上限-下限」，如 `[100-80, 80-50, 50-0]`；默认取表格模板的档次。

## 依据
domain-rules.md §4 R21（全国的档次，C1 `selfqualscorecheck`）；docs/templates.md（印明的评分规则：100–80% / 80–60% / 60–0%，湖北 100–80% / 80–50% / 50–0%）；种子样本 001（嘉定 2024）「未达成指标且效果较差」10 分得 5 分，在档次之内。
"""
MESSAGES = {
    "zh": {"band": "实际完成值「{actual}」属于第 {level} 档，得分应在分值 {points} 的 {band} 之间（{low} 至 {high}{open}），实得 {score}"},
    "en": {"band": "the actual '{actual}' is level {level}, whose score lies within {band} of the points {points} ({low} to {high}{open_en}), but it is {score}"},
}
HUNDRED = Decimal(100)


def _bands(options, scoring) -> tuple[tuple[Decimal, Decimal], ...] | None:
    """(upper, lower) in percent, top band first: the option's, or the template's; None
    when the template's make no bands."""
    if options["bands"]:
        return options["bands"]
    printed = scoring.get("qualitative_bands") or None
    return _once(_TEMPLATE_BANDS, printed, _converted)


def _converted(printed) -> tuple[tuple[Decimal, Decimal], ...] | None:
    try:
        return BANDS.convert(printed)
    except ValueError:
        return None


def _level(text: str, words: tuple[re.Pattern[str] | None, dict[str, int]]) -> int | None:
    """The 0-based band of a level word at the start of the cell, the longest word first."""
    pattern, band_of = words
    found = pattern.match(key(text)) if pattern is not None else None
    return band_of[found.group()] if found is not None else None


def _level_words(levels) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    """The level words as one pattern, longest first (a regex tries its alternatives in
    order, so the first that starts the cell is the longest), and each word's band (its
    first)."""
    words = sorted(((word, band) for band, group in enumerate(levels) for word in group if word), key=lambda item: -len(item[0]))
    band_of: dict[str, int] = {}
    for word, band in words:
        band_of.setdefault(word, band)
    return (re.compile("|".join(re.escape(word) for word, _ in words)) if words else None), band_of


# A template's bands and level words are the same objects on every form of the template:
# converted (Decimals) and sorted once, by identity, not once a form or a row.
_TEMPLATE_BANDS: dict[int, tuple[object, object]] = {}
_LEVEL_WORDS: dict[int, tuple[object, object]] = {}


def _once(cache: dict[int, tuple[object, object]], value, make):
    entry = cache.get(id(value))
    if entry is None or entry[0] is not value:
        if len(cache) >= 256:
            cache.clear()
        entry = cache[id(value)] = (value, make(value))
    return entry[1]


def check(form, options):
    scoring = form.parameters.get("scoring") or {}
    bands, levels = _bands(options, scoring), scoring.get("qualitative_levels") or ()
    if not bands or not levels:
        return
    words = _once(_LEVEL_WORDS, levels, _level_words)
    for indicator in form.counted_indicators:
        actual = indicator.actual
        if actual is None or actual.uncertain:
            continue
        points, score = number(indicator.points), number(indicator.score)
        if points is None or score is None or points <= 0:
            continue
        level = _level(actual.raw, words)
        if level is None or level >= len(bands):
            continue
        upper, lower = bands[level]
        low, high = points * lower / HUNDRED, points * upper / HUNDRED
        top = level == 0 or upper == HUNDRED
        if low <= score and (score <= high if top else score < high):
            continue
        shown_low, shown_high = plain(low.normalize()), plain(high.normalize())
        args = {"actual": actual.text, "level": level + 1, "band": f"{plain(upper)}%–{plain(lower)}%", "points": plain(points),
                "low": shown_low, "high": shown_high, "score": plain(score),
                "open": "" if top else f"，不含 {shown_high}", "open_en": "" if top else f", {shown_high} excluded"}
        yield Finding(indicator.score, "band", args, indicator.path, f"{shown_low}–{shown_high}", plain(score))
