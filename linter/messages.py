"""Message catalogs: message id + arguments -> Chinese (default) or English text.

Rules and the parser report message ids, never text, so every message exists
in both languages. Rule plugins add their own catalogs through the
`jxlint_messages` hook; see `linter.plugins`.
"""

from __future__ import annotations

from linter.shown import MAX_QUOTED, quoted

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
        "K_FIELD": "表头栏目（项目负责人、填报日期…）", "K_CLOSE": "结论行（评价结论、存在问题…）",
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
        "K_FIELD": "a header field (项目负责人, 填报日期, …)", "K_CLOSE": "a closing row (评价结论, 存在问题, …)",
    },
}

# Parts of a form, for messages about what a form lacks.
PARTS = {
    "zh": {"head": "表名", "fields": "表头（项目名称、主管部门…）", "funds": "资金表", "goal": "年度总体目标",
           "indicators": "绩效指标表", "total": "总分行", "grade": "评分等级", "closing": "评价结论等结尾栏目"},
    "en": {"head": "the title", "fields": "the header fields (项目名称, 主管部门 …)", "funds": "the funds table",
           "goal": "the overall goal", "indicators": "the indicator table", "total": "the total row",
           "grade": "the grade", "closing": "the closing rows (评价结论 …)"},
}

# What an option's value must be, per `linter.rule.Option.kind`.
OPTION_KINDS = {
    "zh": {
        "decimal": "数字", "int": "整数", "bool": " true 或 false", "str": "文字", "choice": "以下之一：{choices}",
        "str-list": "文字列表", "bands": "等级到总分下限的映射（如 优: 90）",
        "percent-bands": "分值百分比档次列表，由高到低（如 [100-80, 80-60, 60-0]）",
    },
    "en": {
        "decimal": "a number", "int": "a whole number", "bool": "true or false", "str": "a text",
        "choice": "one of {choices}", "str-list": "a list of texts", "bands": "a mapping of grade to lower bound (优: 90)",
        "percent-bands": "a list of percent bands, highest first ([100-80, 80-60, 60-0])",
    },
}

# What a path named on the command line is, when it is not a regular file.
FILE_KINDS = {
    "zh": {"directory": "文件夹", "fifo": "命名管道 FIFO", "socket": "套接字", "device": "设备", "other": "特殊文件"},
    "en": {"directory": "a folder", "fifo": "a FIFO", "socket": "a socket", "device": "a device", "other": "a special file"},
}

CORE = {
    "zh": {
        "parse.unexpected": "无法识别表格结构：此处是{found_kind}「{found}」，按模板应为{expected}",
        "parse.unexpected_end": "表格不完整：表在此处结束，按模板还应有{expected}",
        "parse.repaired": "表格结构有缺损：「{found}」之前缺少{inserted}，已按缺失处理并继续检查其余部分",
        "parse.repaired_end": "表格不完整：表在此处结束，缺少{inserted}；已按缺失处理并检查已有部分",
        "outline.template": "模板 {template}",
        "parse.truncated": "表格不完整：表在此处结束，缺少{parts}；已检查已有部分，不核对缺失部分的合计",
        "parse.headless": "表格不完整：没有表名和表头（从表格中间开始），缺少{parts}；已检查已有部分",
        "parse.repeated": "表格结构有缺损：{parts}在表中出现了第二次（可能是行被重复粘贴或两张表连在一起）；按第一次出现的检查",
        "parse.unreadable": "从此处起无法按模板读取（文字顺序错乱或单元格粘连）；此前读到的内容仅供查看，不据以检查",
        "parse.unreadable_before": "从此处起无法按模板读取（文字顺序错乱或单元格粘连），未读取{parts}；此前读到的内容仅供查看，不据以检查",
        "outline.truncated": "不完整，缺少：{parts}",
        "decode.binary": "不是文本文件（第 {offset} 字节为 NUL），也不是 jxlint 能读的 .xlsx、.xls、.docx 或 .pdf 文档",
        "decode.undecodable": "无法按 {encoding} 解码：第 {offset} 字节起无效；可用 --encoding 指定编码（如 gb18030）",
        "decode.unknown_encoding": "未知的编码名称或不是文本编码「{encoding}」",
        "decode.no_form_in_encoding": "按 --encoding {encoding} 解码后没有任何表，而按自动识别的 {detected} 解码有表；请检查 --encoding",
        "file.unreadable": "无法读取文件：{error}",
        "file.not_regular": "不是普通文件（{file_kind}），未读取",
        "file.too_large": "文件超过 {limit}，未读取；可用 --max-file-size 调整上限",
        "file.no_stdin": "标准输入已关闭，无法读取",
        "engine.rule_crashed": "规则 {rule} 内部出错，未能完成检查（{error}，{where}）；其他规则照常运行",
        "config.bad_yaml": "配置文件不是有效的 YAML：{error}",
        "config.bad_key": "配置项名称「{key}」无效",
        "config.duplicate_key": "配置项「{key}」重复出现",
        "config.not_mapping": "配置文件的顶层应是键值映射（如 rules: …）",
        "config.unreadable": "无法读取配置文件：{error}",
        "config.cycle": "extends 形成循环：{cycle}",
        "config.missing_file": "extends 引用的文件「{path}」不存在",
        "config.unknown_rule_set": "未知的规则集「{name}」{hint_zh}；可用的规则集：{known}",
        "config.unknown_template": "未知的模板「{name}」{hint_zh}；可用的模板：{known}",
        "config.bad_template": "模板文件无法使用：{error}",
        "config.unknown_key": "未知的配置项「{key}」{hint_zh}；可用：{known}",
        "config.unknown_rule": "未知的规则「{rule}」{hint_zh}；用 jxlint rules 查看所有规则",
        "config.unknown_option": "规则 {rule} 没有选项「{option}」{hint_zh}；可用：{known}",
        "config.option_type": "规则 {rule} 的选项「{option}」应为{kind_words}，而不是「{value}」",
        "config.severity": "规则 {rule} 的级别「{value}」无效；应为 error、warning、info 或 off",
        "config.rule_entry": "规则 {rule} 的设置应为级别（如 warning、off）或键值映射（severity、选项）",
        "config.type": "配置项「{key}」应为 {expected}",
        "config.override_files": "overrides 的每一项都需要 files（文件通配符列表）",
        "config.unknown_selector": "未知的规则选择「{selector}」{hint_zh}；可用规则代码、代码前缀（JX1）、规则名、分组或 ALL",
        "config.locked": "规则 {rule} 已由 {by} 锁定，级别不能低于 {severity}",
        "config.unlock": "规则 {rule} 已由 {by} 锁定，不能解锁",
        "config.locked_disabled": "规则 {rule} 已由 {by} 锁定，不能关闭或忽略",
        "config.option_range": "规则 {rule} 的选项「{option}」应为 0 到 10^15 之间、至多 15 位小数的有限数，而不是「{value}」",
        "config.not_regular": "不是普通文件（设备、管道或套接字），不作为配置读取",
        "config.too_large": "配置文件超过 {limit} 字节，未读取",
        "config.not_utf8": "配置文件不是 UTF-8 文本（第 {offset} 字节起无效）",
        "config.control_char": "配置文件含有不允许的控制字符 {character}",
        "config.too_deep": "嵌套超过 {limit} 层，未读取",
        "config.too_many_values": "展开别名（&、*）后超过 {limit} 个值，未读取",
        "config.bad_value": "无法读取的值（{error}）",
        "config.not_config": "不是 jxlint 配置文件（顶层没有 extends、rules 等任何配置项）；不显示其内容",
        "config.extends_not_yaml": "extends 只接受规则集名称或 .yaml/.yml 配置文件，而不是「{path}」",
        "config.extends_too_deep": "extends 链超过 {limit} 层",
        "waiver.missing_reason": "豁免（waivers）的每一项都需要 reason：写明为什么接受这个问题",
        "waiver.missing_key": "豁免的每一项都需要 {key}",
        "waiver.unused": "豁免没有匹配任何问题，可以删除：{waiver}",
        "waiver.summary": "{count} 个问题已豁免",
        "baseline.written": "已把 {count} 个问题写入基线 {path}",
    },
    "en": {
        "parse.unexpected": "cannot read the table structure: found {found_kind} '{found}' where the template has {expected}",
        "parse.unexpected_end": "the form is incomplete: it ends here, but the template still has {expected}",
        "parse.repaired": "damaged structure: {inserted} is missing before '{found}'; treated as missing and the rest is still checked",
        "parse.repaired_end": "the form is incomplete: it ends here without {inserted}; what is there is still checked",
        "outline.template": "template {template}",
        "parse.truncated": "the form is incomplete: it stops here, without {parts}; what is there is checked, no sum over a missing part",
        "parse.headless": "the form is incomplete: it has no title or header (the text starts mid-form), nor {parts}; what is there is checked",
        "parse.repeated": "damaged structure: {parts} appears a second time (rows pasted twice, or two forms run together); the first is checked",
        "parse.unreadable": "from here on the text cannot be read as the template (scrambled or run-together cells); what was read before is shown, not checked",
        "parse.unreadable_before": "from here on the text cannot be read as the template (scrambled or run-together cells); not read: {parts}; what was read before is shown, not checked",
        "outline.truncated": "incomplete, lacks: {parts}",
        "decode.binary": "not a text file (byte {offset} is NUL), nor a .xlsx, .xls, .docx or .pdf document jxlint reads",
        "decode.undecodable": "cannot decode as {encoding}: invalid bytes from byte {offset}; choose one with --encoding (e.g. gb18030)",
        "decode.unknown_encoding": "'{encoding}' is not the name of a text encoding",
        "decode.no_form_in_encoding": "decoded as {encoding} (--encoding), the file holds no form; decoded as {detected} (detected), it does: check --encoding",
        "file.unreadable": "cannot read the file: {error}",
        "file.not_regular": "not a regular file ({file_kind}); not read",
        "file.too_large": "the file is over {limit}; not read (--max-file-size sets the limit)",
        "file.no_stdin": "standard input is closed; nothing to read",
        "engine.rule_crashed": "rule {rule} failed internally and did not finish ({error}, {where}); the other rules still ran",
        "config.bad_yaml": "the configuration is not valid YAML: {error}",
        "config.bad_key": "'{key}' is not a valid key",
        "config.duplicate_key": "the key '{key}' appears twice",
        "config.not_mapping": "the top level of a configuration file must be a mapping (rules: …)",
        "config.unreadable": "cannot read the configuration file: {error}",
        "config.cycle": "extends forms a cycle: {cycle}",
        "config.missing_file": "the file '{path}' named in extends does not exist",
        "config.unknown_rule_set": "unknown rule set '{name}'{hint_en}; known rule sets: {known}",
        "config.unknown_template": "unknown template '{name}'{hint_en}; known templates: {known}",
        "config.bad_template": "the template file cannot be used: {error}",
        "config.unknown_key": "unknown key '{key}'{hint_en}; known keys: {known}",
        "config.unknown_rule": "unknown rule '{rule}'{hint_en}; `jxlint rules` lists them all",
        "config.unknown_option": "rule {rule} has no option '{option}'{hint_en}; known: {known}",
        "config.option_type": "option '{option}' of rule {rule} must be {kind_words}, not '{value}'",
        "config.severity": "severity '{value}' of rule {rule} is not error, warning, info or off",
        "config.rule_entry": "the setting of rule {rule} must be a severity (warning, off) or a mapping (severity, options)",
        "config.type": "'{key}' must be {expected}",
        "config.override_files": "every entry of overrides needs files (a list of globs)",
        "config.unknown_selector": "unknown rule selector '{selector}'{hint_en}; use a code, a code prefix (JX1), a rule name, a group or ALL",
        "config.locked": "rule {rule} is locked by {by}; its severity cannot go below {severity}",
        "config.unlock": "rule {rule} is locked by {by} and cannot be unlocked",
        "config.locked_disabled": "rule {rule} is locked by {by}; it cannot be turned off or ignored",
        "config.option_range": "option '{option}' of rule {rule} must be a finite number from 0 to below 10^15 with at most 15 decimals, not '{value}'",
        "config.not_regular": "not a regular file (a device, pipe or socket); not read as a configuration",
        "config.too_large": "the configuration file is over {limit} bytes; not read",
        "config.not_utf8": "the configuration file is not UTF-8 text (invalid from byte {offset})",
        "config.control_char": "the configuration file contains the control character {character}, which YAML does not allow",
        "config.too_deep": "nested more than {limit} levels deep; not read",
        "config.too_many_values": "more than {limit} values once aliases (&, *) are expanded; not read",
        "config.bad_value": "a value that cannot be read ({error})",
        "config.not_config": "not a jxlint configuration (no extends, rules or other known key at the top); its content is not shown",
        "config.extends_not_yaml": "extends takes a rule set name or a .yaml/.yml configuration file, not '{path}'",
        "config.extends_too_deep": "the extends chain is more than {limit} files deep",
        "waiver.missing_reason": "every entry of waivers needs a reason: why the finding is accepted",
        "waiver.missing_key": "every waiver needs {key}",
        "waiver.unused": "waiver matches no finding and can be removed: {waiver}",
        "waiver.summary": "{count} waived",
        "baseline.written": "wrote {count} findings to the baseline {path}",
    },
}


def _add_yaml_rule_messages() -> None:
    from linter.yaml_rule_messages import MESSAGES

    for lang, table in MESSAGES.items():
        CORE[lang].update(table)


_add_yaml_rule_messages()


def terminal_words(terminals: list[str], lang: str, limit: int = 4) -> str:
    names = TERMINALS[lang]
    words = [names.get(term, term) for term in terminals[:limit]]
    more = len(terminals) - limit
    joiner = "、" if lang == "zh" else ", "
    text = joiner.join(dict.fromkeys(words))
    if more > 0:
        text += f" 等 {len(terminals)} 种" if lang == "zh" else f" ({more} more)"
    return text


def _add_document_messages() -> None:
    from linter.readers.messages import DOCUMENT_MESSAGES

    for lang, table in DOCUMENT_MESSAGES.items():
        CORE[lang].update(table)


_add_document_messages()


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
        return template.format_map(_arguments(args, self.lang))


_OWN_TEXT = frozenset({"problem", "known", "expected", "inserted", "cycle", "by", "rule", "choices", "reasons", "others"})


# Arguments that are turned into words (terminal names, option kinds, hints …) rather than quoted.
_WORDED = frozenset({"expected", "inserted", "kind", "hint", "hint_zh", "hint_en", "parts", "file_kind", "found_kind"})


def _arguments(args: dict[str, object], lang: str) -> _Arguments:
    """The arguments as a message shows them. They quote form text, file names and config
    values: shortened and escaped, except those jxlint writes itself (a nested message,
    lists of known names)."""
    shown = _Arguments()
    for name, value in args.items():
        if type(value) is str and len(value) <= MAX_QUOTED and value.isprintable():
            shown[name] = value  # a short cell with nothing to escape (most arguments): as `quoted` would give it
        elif isinstance(value, dict) and "zh" in value:  # a text in each language
            shown[name] = value.get(lang) or value["zh"]
        elif name in _OWN_TEXT:
            shown[name] = value
        else:
            text = str(value)  # a count, a line number …: `quoted` only when there is something to shorten or escape
            shown[name] = text if len(text) <= MAX_QUOTED and text.isprintable() else quoted(text)
    if not _WORDED.isdisjoint(args):  # most rule messages have none of these
        _add_words(shown, args, lang)
    return shown


def _add_words(shown: _Arguments, args: dict[str, object], lang: str) -> None:
    """Terminal names, option kinds, hints, parts and file kinds in the words of `lang`."""
    if isinstance(args.get("expected"), list):
        shown["expected"] = terminal_words(args["expected"], lang)  # type: ignore[arg-type]
    if isinstance(args.get("inserted"), list):
        shown["inserted"] = terminal_words([t for t in args["inserted"] if t != "_NL"] or ["_NL"], lang)  # type: ignore[union-attr]
    if "kind" in args:
        shown["kind_words"] = OPTION_KINDS[lang][str(args["kind"])].format(choices=args.get("choices", ""))
    hint = args.get("hint")
    shown["hint_zh"] = f"（是否要写「{hint}」？）" if hint else ""
    shown["hint_en"] = f" (did you mean '{hint}'?)" if hint else ""
    if isinstance(args.get("parts"), list):
        parts = [PARTS[lang].get(str(part), str(part)) for part in args["parts"]]  # type: ignore[union-attr]
        shown["parts"] = ("、" if lang == "zh" else ", ").join(parts) or ("（无）" if lang == "zh" else "(nothing)")
    if "file_kind" in args:
        shown["file_kind"] = FILE_KINDS[lang].get(str(args["file_kind"]), args["file_kind"])
    if "found_kind" in args:
        shown["found_kind"] = TERMINALS[lang].get(str(args["found_kind"]), args["found_kind"])


class _Arguments(dict):
    """Arguments for `str.format_map`: a missing key shows as '?'."""

    def __missing__(self, name: str) -> str:
        return "" if name in ("hint_zh", "hint_en") else "?"  # no hint given: nothing to add
