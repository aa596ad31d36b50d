"""A 二级 label under the wrong 一级, a truncated label, a label in the wrong column.

## What it checks
- each 二级指标 stands under a 一级指标 it belongs to, for the template in
  force (option `template`);
- labels are whole (`服务对象 满意度指` has lost its last character);
- a 二级 label does not stand in the 一级 column (`生态效益指标	生态效益指标`);
- at info level: a 三级 name about satisfaction (`…满意度`) outside 满意度指标.

Frameworks (data of the form's template, `indicators.frameworks` in
grammar/templates/national.yaml; a template without them is checked only for
whole and well-placed labels):

| framework | 一级 → 二级 |
|---|---|
| `2020` (财预〔2020〕10号) | 产出 → 数量/质量/时效/成本; 效益 → 经济/社会/生态效益, 可持续影响; 满意度 → 服务对象满意度 |
| `2021` (101号-style) | as 2020, but 成本指标 is a 一级 block → 经济/社会/生态环境成本 |
| `any` | either of the two, decided per form by where 成本指标 stands |

## Why it matters
Scores are read per block; a label in the wrong place moves an indicator's
points to the wrong block, and a truncated label shows a damaged export.

## Options
- `template`: `2020`, `2021` or `any` (default).

## Source
domain-rules.md R4 (10号 and 101号 indicator frameworks); seeds 003 and 004.
"""

from __future__ import annotations

from linter.rule import Finding, Option

CODE = "JX008"
NAME = "invalid-indicator-hierarchy"
SEVERITY = "warning"
GROUPS = ("structure",)
OPTIONS = {"template": Option("choice", "any", "indicator framework in force", ("2020", "2021", "any"))}
DOCS_ZH = """二级指标挂在错误的一级指标下、指标名被截断或写在错误的列。

## 检查什么
- 每个二级指标都挂在它所属的一级指标下（按适用的指标体系，选项 `template`）；
- 指标名称完整（「服务对象 满意度指」缺了最后一个字）；
- 二级指标名称没有写在一级指标列（「生态效益指标	生态效益指标」）；
- 「提示」级别：三级指标名称是关于满意度的（「…满意度」），却不在满意度指标下。

指标体系是表格模板的数据（grammar/templates/national.yaml 的 `indicators.frameworks`）：2020 年体系（财预〔2020〕10号）为 产出 → 数量/质量/时效/成本，效益 → 经济/社会/生态效益、可持续影响，满意度 → 服务对象满意度；2021 年体系与之相同，但成本指标是一级指标，下设经济/社会/生态环境成本；`any` 按每张表成本指标所在位置判断用哪一种。没有指标体系数据的模板只检查名称是否完整、位置是否正确。

## 为什么重要
得分按指标块汇总，指标放错位置会把分值计入错误的块；名称被截断说明导出的文件有损坏。

## 选项
- `template`：`2020`、`2021` 或 `any`（默认）。

## 依据
domain-rules.md R4（10号文和 101号文的指标体系）；种子样本 003、004。
"""
MESSAGES = {
    "zh": {
        "wrong_parent": "一级指标「{level1}」下不应有二级指标{level2}（{template} 模板）",
        "truncated": "指标名称「{raw}」不完整，应为「{name}」",
        "misplaced": "「{name}」不是{level}指标，却填在{level}指标栏",
        "satisfaction_outside": "满意度类指标「{name}」填在「{level1}」下，通常应在「满意度指标」下",
    },
    "en": {
        "wrong_parent": "first-level '{level1}' should not hold the second-level {level2} ({template} template)",
        "truncated": "label '{raw}' is truncated; it should be '{name}'",
        "misplaced": "'{name}' is not a {level_en} label but stands in the {level_en} column",
        "satisfaction_outside": "satisfaction indicator '{name}' stands under '{level1}'; it usually belongs under 满意度指标",
    },
}


def _template(option: str, form) -> str:
    """`any`: the 2021 framework when the cost label is a 一级 block with its 2021 二级
    labels under it, else 2020 (the frameworks are the form template's data)."""
    if option != "any":
        return option
    cost = form.parameters.get("cost_label")
    cost_level2 = form.parameters.get("frameworks", {}).get("2021", {}).get(cost, ())
    for indicator in form.indicators:
        level1, level2 = indicator.level1, indicator.level2
        if level1 is not None and level2 is not None and level1.name == cost and level2.name in cost_level2:
            return "2021"
    return "2020"


def _label_findings(indicator, label, level, template, cost) -> list[Finding]:
    findings = []
    if label.truncated:
        findings.append(Finding(label.cell, "truncated", {"raw": label.cell.raw, "name": label.name}, indicator.path))
    if label.misplaced or (level == "一级" and template == "2020" and label.name == cost):
        args = {"name": label.name, "level": level, "level_en": "first-level" if level == "一级" else "second-level"}
        findings.append(Finding(label.cell, "misplaced", args, indicator.path))
    return findings


def check(form, options):
    if not form.structure_certain:
        return  # rows of text read by its words alone: which label is in which column is a guess
    template = _template(options["template"], form)
    allowed = form.parameters.get("frameworks", {}).get(template, {})
    cost = form.parameters.get("cost_label")
    cost_as_level1 = cost if template == "2020" else None  # misplaced in the 2020 framework
    reported = set()
    wrong: dict = {}
    for indicator in form.indicators:
        if indicator.name is not None and indicator.name.uncertain:
            continue  # the row a cut form stops in: its labels may be cut or run together
        level1, level2 = indicator.level1, indicator.level2
        # Each label once: the rows of a block share their 一级 and 二级 cells.
        if level1 is not None and level1.cell.span not in reported:
            reported.add(level1.cell.span)
            if level1.truncated or level1.misplaced or level1.name == cost_as_level1:
                yield from _label_findings(indicator, level1, "一级", template, cost)
        if level2 is not None and level2.cell.span not in reported:
            reported.add(level2.cell.span)
            if level2.truncated or level2.misplaced:
                yield from _label_findings(indicator, level2, "二级", template, cost)
        if level1 is None or level2 is None or level1.misplaced or level2.misplaced or level1.name not in allowed:
            continue
        if level2.name not in allowed[level1.name]:
            names = wrong.setdefault(level1.cell.span, (level1, indicator.path, []))[2]
            if level2.name not in names:
                names.append(level2.name)
        # (The name's raw text holds 满意度 wherever its folded text ends with it: tested first, cheaply.)
        if level1.name != "满意度指标" and indicator.name is not None and "满意度" in indicator.name.raw and indicator.counts:
            name = indicator.name.text
            if name.endswith("满意度"):
                args = {"name": name, "level1": level1.name}
                yield Finding(indicator.name, "satisfaction_outside", args, indicator.path, severity="info")
    for level1, path, names in wrong.values():
        args = {"level1": level1.name, "level2": "、".join(f"「{name}」" for name in names), "template": template}
        yield Finding(level1.cell, "wrong_parent", args, path)
