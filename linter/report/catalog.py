"""Message templates of the report formats and the language server, in both languages.

Registered through the `jxlint_messages` hook like any plugin's, so a run's
`Catalog` renders them in the language of `--lang`. `rule_summary.CODE` is the
Chinese one-line description of a built-in rule; in English the rule's own
docstring says it.
"""

from __future__ import annotations

MESSAGES = {
    "zh": {
        "lsp.missing_extra": "jxlint lsp 需要可选依赖 pygls 和 lsprotocol（缺少 {module}）；请安装：pip install 'jxlint[lsp]'",
        "lsp.expected": "应为 **{value}**",
        "lsp.expected_printed": "应为 **{value}**（表中为 {printed}）",
        "lsp.fix": "把「{old}」改为「{new}」（{code}）",
        "lsp.part": "组成此合计的单元格「{text}」",
        "lsp.config": "jxlint 配置错误，未检查表格：{where}: {message}",
        "lsp.crash": "jxlint 内部错误，未能检查此文件：{error}",
        "report.form": "表 {index}「{project}」",
        "junit.errors": "{count} 个错误",
        "rule_summary.more": "{summary}完整说明（含正反示例）：jxlint explain {code}",
        "rule_summary.JX000": "文件无法作为文本读取。",
        "rule_summary.JX001": "无法识别表格结构。",
        "rule_summary.JX002": "文件中没有项目支出绩效自评表。",
        "rule_summary.JX003": "数字单元格不是有效的数字。",
        "rule_summary.JX004": "项目名称、主管部门、实施单位、年度或金额单位缺失或为空。",
        "rule_summary.JX005": "年度总体目标为空、为 0、只有结论或照抄预期目标。",
        "rule_summary.JX006": "表中留有未使用的模板行。",
        "rule_summary.JX007": "同一张表中同一指标出现两次。",
        "rule_summary.JX008": "二级指标挂在错误的一级指标下、指标名被截断或写在错误的列。",
        "rule_summary.JX009": "模板要求的一级指标块缺失或只有占位行。",
        "rule_summary.JX010": "项目名称或指标中的年份与本表年度不一致。",
        "rule_summary.JX101": "年度资金总额不等于各组成部分之和。",
        "rule_summary.JX102": "所填执行率不等于全年执行数 ÷ 全年预算数。",
        "rule_summary.JX103": "所填执行率是按年初预算数计算的。",
        "rule_summary.JX104": "执行数超过预算数。",
        "rule_summary.JX105": "预算执行得分不等于 min(执行率, 100%) × 分值。",
        "rule_summary.JX106": "预算执行分值不是规则集规定的值。",
        "rule_summary.JX107": "「其中」子行填写了分值或得分。",
        "rule_summary.JX108": "金额与金额单位不相称，或某列相差 10 的整数次幂。",
        "rule_summary.JX201": "总分分值不是 100，或各项分值相加不等于总分分值。",
        "rule_summary.JX202": "总分得分不等于各项得分之和。",
        "rule_summary.JX203": "得分高于分值、得分低于 0，或分值不大于 0。",
        "rule_summary.JX401": "扣了分却没有填写偏差原因分析及改进措施。",
        "rule_summary.JX402": "满分且达到目标的指标却填写了偏差原因。",
        "rule_summary.JX501": "评分等级与总分所在的等级区间不符。",
    },
    "en": {
        "lsp.missing_extra": "jxlint lsp needs the optional dependencies pygls and lsprotocol ({module} is missing); install them with: pip install 'jxlint[lsp]'",
        "lsp.expected": "expected **{value}**",
        "lsp.expected_printed": "expected **{value}** (printed {printed})",
        "lsp.fix": "Replace '{old}' with '{new}' ({code})",
        "lsp.part": "a cell of this sum: '{text}'",
        "lsp.config": "jxlint configuration error, forms not checked: {where}: {message}",
        "lsp.crash": "jxlint internal error, this file was not checked: {error}",
        "report.form": "form {index} '{project}'",
        "junit.errors": "error-level findings: {count}",
    },
}
