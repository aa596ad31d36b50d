"""Message catalogs: message id + arguments -> Chinese (default) or English text.

Rules and the parser report message ids, never text, so every message exists
in both languages. Rule plugins add their own catalogs through the
`jxlint_messages` hook; see `linter.plugins`.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")

# What a grammar terminal is, in words a finance officer uses.
TERMINALS = {
    "zh": {
        "TITLE": "表名「项目支出绩效自评表」", "YEAR": "年度「（20XX年度）」", "K_NAME": "「项目名称」",
        "K_DEPT": "「主管部门」", "K_IMPL": "「实施单位」", "K_FUNDS": "「项目资金」表头",
        "UNIT": "金额单位「（万元）」", "FHDR": "资金表列名（年初预算数、全年预算数…）",
        "SHDR": "「分值」或「得分」", "FLABEL": "资金行（年度资金总额、当年财政拨款…）",
        "K_GOAL": "「年度总体目标」", "GHDR": "「预期目标」或「实际完成情况」", "K_IND": "「绩效指标」",
        "IHDR": "指标表列名（一级指标、三级指标…）", "L1": "一级指标名称", "L2": "二级指标名称",
        "LC": "「成本指标」", "PLACEHOLDER": "模板占位行（指标 2：、……）", "TEXT": "文字", "NUM": "数字", "VALUES": "文字或数字",
        "DASH": "「—」", "K_TOTAL": "「总分」行", "K_GRADE": "「评分等级」", "_NL": "行尾",
        "$END": "表的结尾",
    },
    "en": {
        "TITLE": "the form title", "YEAR": "the year (20XX年度)", "K_NAME": "项目名称 (project name)",
        "K_DEPT": "主管部门 (department)", "K_IMPL": "实施单位 (implementing unit)",
        "K_FUNDS": "the 项目资金 (funds) header", "UNIT": "the money unit", "FHDR": "a funds column header",
        "SHDR": "分值 or 得分", "FLABEL": "a funds row (年度资金总额, 当年财政拨款, …)",
        "K_GOAL": "年度总体目标 (overall goal)", "GHDR": "预期目标 or 实际完成情况", "K_IND": "绩效指标",
        "IHDR": "an indicator column header", "L1": "a first-level indicator label",
        "L2": "a second-level indicator label", "LC": "成本指标", "PLACEHOLDER": "a template placeholder row",
        "TEXT": "text", "NUM": "a number", "VALUES": "text or numbers", "DASH": "a dash", "K_TOTAL": "the 总分 (total) row",
        "K_GRADE": "评分等级 (grade)", "_NL": "the end of a row", "$END": "the end of the form",
    },
}

CORE = {
    "zh": {
        "parse.unexpected": "无法识别表格结构：此处是{found_kind}「{found}」，按模板应为{expected}",
        "parse.unexpected_end": "表格不完整：表在此处结束，按模板还应有{expected}",
        "parse.repaired": "表格结构有缺损：「{found}」之前缺少{inserted}，已按缺失处理并继续检查其余部分",
        "parse.repaired_end": "表格不完整：表在此处结束，缺少{inserted}；已按缺失处理并检查已有部分",
        "decode.binary": "不是文本文件（第 {offset} 字节为 NUL）；请先从 PDF、Word 或 Excel 导出为文本",
        "decode.undecodable": "无法按 {encoding} 解码：第 {offset} 字节起无效；可用 --encoding 指定编码（如 gb18030）",
        "decode.unknown_encoding": "未知的编码名称「{encoding}」",
        "file.unreadable": "无法读取文件：{error}",
        "file.no_form": "文件中没有找到「项目支出绩效自评表」",
    },
    "en": {
        "parse.unexpected": "cannot read the table structure: found {found_kind} '{found}' where the template has {expected}",
        "parse.unexpected_end": "the form is incomplete: it ends here, but the template still has {expected}",
        "parse.repaired": "damaged structure: {inserted} is missing before '{found}'; treated as missing and the rest is still checked",
        "parse.repaired_end": "the form is incomplete: it ends here without {inserted}; what is there is still checked",
        "decode.binary": "not a text file (byte {offset} is NUL); export the form from PDF, Word or Excel as text first",
        "decode.undecodable": "cannot decode as {encoding}: invalid bytes from byte {offset}; choose one with --encoding (e.g. gb18030)",
        "decode.unknown_encoding": "unknown encoding name '{encoding}'",
        "file.unreadable": "cannot read the file: {error}",
        "file.no_form": "no 项目支出绩效自评表 found in this file",
    },
}


def terminal_words(terminals: list[str], lang: str, limit: int = 4) -> str:
    names = TERMINALS[lang]
    words = [names.get(term, term) for term in terminals[:limit]]
    more = len(terminals) - limit
    joiner = "、" if lang == "zh" else ", "
    text = joiner.join(dict.fromkeys(words))
    if more > 0:
        text += f" 等 {len(terminals)} 种" if lang == "zh" else f" ({more} more)"
    return text


class Catalog:
    """All message templates in force: the core ones plus those of plugins."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang if lang in LANGUAGES else "zh"
        self.templates: dict[str, dict[str, str]] = {code: dict(table) for code, table in CORE.items()}

    def add(self, catalogs: dict[str, dict[str, str]]) -> None:
        for lang, table in catalogs.items():
            self.templates.setdefault(lang, {}).update(table)

    def render(self, message_id: str, args: dict[str, object]) -> str:
        template = self.templates[self.lang].get(message_id) or self.templates["zh"].get(message_id)
        if template is None:
            return f"{message_id} {args}"
        return template.format_map(_Arguments(args, self.lang))


class _Arguments(dict):
    """Formats list arguments of terminals as words, and missing keys as '?'."""

    def __init__(self, args: dict[str, object], lang: str) -> None:
        super().__init__(args)
        self.lang = lang
        if isinstance(args.get("expected"), list):
            self["expected"] = terminal_words(args["expected"], lang)  # type: ignore[arg-type]
        if isinstance(args.get("inserted"), list):
            self["inserted"] = terminal_words([t for t in args["inserted"] if t != "_NL"] or ["_NL"], lang)  # type: ignore[union-attr]
        if "found_kind" in args:
            self["found_kind"] = TERMINALS[lang].get(str(args["found_kind"]), args["found_kind"])

    def __missing__(self, name: str) -> str:
        return "?"
