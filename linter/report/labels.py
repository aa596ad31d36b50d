"""Words of the review report and the findings workbook, in Chinese and English."""

from __future__ import annotations

LABELS = {
    "zh": {
        "title": "项目支出绩效自评表 审核报告",
        "generated": "jxlint {version} 生成于 {time}",
        "files": "文件", "forms": "表", "templates": "模板", "forms_ok": "无错误的表", "forms_with_errors": "有错误的表", "waived": "已豁免",
        "error": "错误", "warning": "警告", "info": "提示", "ok": "无错误", "findings": "问题",
        "summary": "概况", "by_rule": "各规则的问题", "charts": "图表", "forms_table": "各表",
        "chart_rules": "各规则的问题数", "chart_scores": "自评总分分布（红色：有错误的表）",
        "chart_scatter": "执行率与自评总分（左上：花钱少、得分高）", "chart_units": "各实施单位的问题数",
        "axis_score": "总分 得分", "axis_rate": "执行率", "forms_count": "表数",
        "no_data": "没有可画的数据", "unknown_unit": "（未填实施单位）", "unknown_template": "—",
        "file": "文件", "index": "序号", "unit": "实施单位", "project": "项目名称", "template": "模板",
        "rate": "执行率", "score": "总分", "errors": "错误", "warnings": "警告",
        "filter": "筛选：单位、项目、规则代码…", "only_errors": "只看有错误的表", "shown": "显示 {shown} / {total} 张表",
        "open": "展开问题", "no_findings": "这张表没有问题",
        "location": "位置", "code": "代码", "rule": "规则", "severity": "级别", "cell": "单元格",
        "message": "说明", "expected": "应为", "actual": "实为", "table_path": "表内位置", "explanation": "规则说明",
        "file_findings": "整个文件的问题", "rules_docs": "规则说明", "form": "表", "count": "数量",
        "line": "行", "column": "列",
        "sheet_findings": "问题清单", "sheet_units": "按实施单位", "sheet_rules": "按规则", "sheet_forms": "各表",
        "total": "合计", "name": "规则名",
    },
    "en": {
        "title": "Performance self-evaluation forms: review report",
        "generated": "jxlint {version}, generated {time}",
        "files": "files", "forms": "forms", "templates": "templates", "forms_ok": "forms with no error", "forms_with_errors": "forms with errors", "waived": "waived",
        "error": "error", "warning": "warning", "info": "info", "ok": "no error", "findings": "findings",
        "summary": "Summary", "by_rule": "Findings by rule", "charts": "Charts", "forms_table": "Forms",
        "chart_rules": "Findings per rule", "chart_scores": "Self-score distribution (red: forms with errors)",
        "chart_scatter": "执行率 against self-score (top left: spent little, scored high)", "chart_units": "Findings per 实施单位",
        "axis_score": "总分 得分 (self-score)", "axis_rate": "执行率 (execution rate)", "forms_count": "forms",
        "no_data": "nothing to chart", "unknown_unit": "(no 实施单位)", "unknown_template": "—",
        "file": "file", "index": "form", "unit": "实施单位 (unit)", "project": "项目名称 (project)", "template": "template",
        "rate": "执行率", "score": "总分", "errors": "errors", "warnings": "warnings",
        "filter": "Filter: unit, project, rule code…", "only_errors": "only forms with errors", "shown": "{shown} of {total} forms shown",
        "open": "show findings", "no_findings": "no findings in this form",
        "location": "location", "code": "code", "rule": "rule", "severity": "severity", "cell": "cell",
        "message": "message", "expected": "expected", "actual": "actual", "table_path": "table path", "explanation": "rule",
        "file_findings": "Findings about whole files", "rules_docs": "Rules", "form": "form", "count": "count",
        "line": "line", "column": "column",
        "sheet_findings": "findings", "sheet_units": "by unit", "sheet_rules": "by rule", "sheet_forms": "forms",
        "total": "total", "name": "name",
    },
}


def labels(lang: str) -> dict[str, str]:
    return LABELS[lang if lang in LABELS else "zh"]
