"""A rule's documentation in one language, with its runnable examples: for `jxlint explain` and docs/rules.md.

The prose comes from the rule (its docstring in English, `DOCS_ZH` in Chinese);
the failing, passing and near-miss examples come from `rules/examples/CODE.yaml`,
the cases the tests run, with the findings the rule reports on them. A rule
without Chinese docs is shown in English; one without example data (a plugin's)
shows the examples written in its docstring.
"""

from __future__ import annotations

from linter.examples import Case, Examples, examples, message
from linter.messages import OPTION_KINDS, Catalog
from linter.rule import Rule

WORDS = {
    "zh": {
        "failing": "错误示例", "passing": "正确示例", "near-miss": "近似但不报告的示例", "seed": "种子样本中的写法",
        "what": "检查什么", "why": "为什么重要", "options": "选项", "defaults": "选项及默认值",
        "minimal": "在最小表样（docs/rules.md 开头；数据在 rules/examples/minimal.yaml）上：",
        "minimal_as_is": "最小表样原样：", "whole_minimal": "（整张最小表样，见 docs/rules.md 开头）", "rows": "整张表：",
        "replace": "第 {lines} 行改为：", "insert": "在第 {line} 行后插入：", "delete": "删去第 {lines} 行。",
        "file": "文件 `{name}`，内容不是文本（开头为 `{start}`）。",
        "with_options": "规则选项：`{options}`", "reports": "报告：", "silent": "不报告。",
        "finding": "第 {line} 行第 {column} 列{cell}：{message}", "cell": "（单元格「{cell}」）",
        "more": "全部示例（共 {count} 个，测试逐一运行）：`rules/examples/{code}.yaml`",
        "messages": "提示语", "english_only": "（此规则没有中文说明，以下为英文说明。）",
    },
    "en": {
        "failing": "Failing example", "passing": "Passing example", "near-miss": "Near miss (not reported)", "seed": "As the seed forms write it",
        "what": "What it checks", "why": "Why it matters", "options": "Options", "defaults": "Options and defaults",
        "minimal": "On the minimal form (at the top of docs/rules.md; data in rules/examples/minimal.yaml):",
        "minimal_as_is": "The minimal form as it is:", "whole_minimal": "(the whole minimal form, at the top of docs/rules.md)", "rows": "The whole form:",
        "replace": "row {lines} becomes:", "insert": "after row {line}, insert:", "delete": "rows {lines} deleted.",
        "file": "the file `{name}`, not text (it starts `{start}`).",
        "with_options": "Rule options: `{options}`", "reports": "Reported:", "silent": "Nothing reported.",
        "finding": "line {line}, column {column}{cell}: {message}", "cell": " (cell `{cell}`)",
        "more": "All examples ({count}, each run by the tests): `rules/examples/{code}.yaml`",
        "messages": "Messages", "english_only": "",
    },
}


def catalog_for(lang: str, messages: dict[str, dict[str, str]]) -> Catalog:
    catalog = Catalog(lang)
    catalog.add(messages)
    return catalog


def row_text(cells: tuple[str, ...]) -> str:
    """A row as cells between bars, so that empty cells still show."""
    return "│ " + " │ ".join(cells) + " │"


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _options(options: dict[str, object]) -> str:
    return ", ".join(f"{name}: {value}" for name, value in options.items())


def case_lines(code: str, case: Case, lang: str, catalog: Catalog, around: tuple[int, ...] = ()) -> list[str]:
    """A case: the form (what changes on the minimal form), the options, and what is reported."""
    words = WORDS[lang]
    out: list[str] = []
    note = case.note.get(lang) or case.note.get("en")
    if note:
        out += [note, ""]
    if case.raw is not None:
        start = case.raw[:8].encode("unicode_escape").decode("ascii")
        out += [words["file"].format(name=case.name, start=start), ""]
    elif case.base is None:
        out += [words["rows"], ""] + [f"    {row_text(row)}" for row in case.rows] + [""]
    elif not case.changes:
        from linter.examples import minimal_rows

        rows = minimal_rows()
        out += [words["minimal_as_is"], ""]
        out += [f"    {line:>2} {row_text(rows[line - 1])}" for line in around if 0 < line <= len(rows)] or [words["whole_minimal"]]
        out.append("")
    else:
        out += [words["minimal"], ""]
        for change in sorted(case.changes, key=lambda change: change.first):
            if change.last < change.first:
                out.append("- " + words["insert"].format(line=change.last))
            elif change.rows:
                out.append("- " + words["replace"].format(lines=_span(change.first, change.last)))
            else:
                out.append("- " + words["delete"].format(lines=_span(change.first, change.last)))
            if change.rows:
                out += ["", *[f"      {row_text(row)}" for row in change.rows], ""]
        if out[-1] != "":
            out.append("")
    if case.options:
        out += [words["with_options"].format(options=_options(case.options)), ""]
    if case.expect:
        out += [words["reports"], ""]
        for expected in case.expect:
            cell = words["cell"].format(cell=expected.cell) if expected.cell else ""
            text = message(code, expected, catalog) or expected.code
            out.append("- " + words["finding"].format(line=expected.line, column=expected.column, cell=cell, message=text))
        out.append("")
    else:
        out += [words["silent"], ""]
    return out


def _changed_base_lines(case: Case | None) -> tuple[int, ...]:
    if case is None:
        return ()
    return tuple(line for change in case.changes for line in range(change.first, change.last + 1))


def example_sections(rule: Rule, found: Examples, lang: str, catalog: Catalog, level: str) -> list[str]:
    words = WORDS[lang]
    failing = found.first(failing=True)
    passing = found.first(failing=False)
    near = next((case for case in found.cases if case.kind == "near-miss" and case is not passing), None)
    around = _changed_base_lines(failing)
    out: list[str] = []
    shown = [("failing", failing), ("passing", passing), ("near-miss", near)]
    shown += [("seed", case) for case in found.cases if case.id.startswith("seed") and case not in (failing, passing, near)]
    for kind, case in shown:
        if case is not None:
            out += [f"{level} {words[kind]}", ""] + case_lines(rule.code, case, lang, catalog, around)
    out += [words["more"].format(count=len(found.cases), code=rule.code), ""]
    return out


def _sections(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The summary line with its intro, and the (heading, body) sections of a rule's docs."""
    head, *parts = text.strip().split("\n## ")
    sections = []
    for part in parts:
        heading, _, body = part.partition("\n")
        sections.append((heading.strip(), body.strip("\n")))
    return head.strip(), sections


def rule_docs(rule: Rule, lang: str, messages: dict[str, dict[str, str]], level: str = "##") -> list[str]:
    """The rule's docs in `lang` as Markdown lines: summary, what it checks, why it matters,
    the examples, the remaining sections (options, source)."""
    words = WORDS[lang]
    catalog = catalog_for(lang, messages)
    english = lang == "zh" and not rule.docs_zh.strip()
    head, sections = _sections(rule.docs_in(lang))
    out = [words["english_only"], ""] if english else []
    out += [f"**{head.splitlines()[0]}**" if head else "", *head.splitlines()[1:], ""]
    found = examples(rule.code)
    shown_lang = "en" if english else lang
    first = [(h, b) for h, b in sections if h in (WORDS[shown_lang]["what"], WORDS[shown_lang]["why"])]
    rest = [(h, b) for h, b in sections if (h, b) not in first]
    for heading, body in first:
        out += [f"{level} {heading}", "", body, ""]
    if found is not None:
        out += example_sections(rule, found, shown_lang, catalog, level)
    for heading, body in rest:
        out += [f"{level} {heading}", "", body, ""]
    return out


def option_lines(rule: Rule, lang: str) -> list[str]:
    kinds = OPTION_KINDS[lang]
    lines = []
    for name, option in rule.options.items():
        kind = kinds.get(option.kind, option.kind).format(choices=", ".join(option.choices))
        if lang == "zh":
            lines.append(f"- `{name}` = `{default_text(option.default, lang)}`（{kind.strip()}）")
        else:
            lines.append(f"- `{name}` ({option.kind}) = `{default_text(option.default, lang)}`: {option.help}")
    return lines


def default_text(value: object, lang: str = "en") -> str:
    if value is None:
        return "无（见上文）" if lang == "zh" else "none (see above)"
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def explain_text(rule: Rule, lang: str, messages: dict[str, dict[str, str]]) -> str:
    """What `jxlint explain CODE` prints."""
    words = WORDS[lang]
    out = [f"{rule.code} {rule.name}  [{rule.severity}; {', '.join(rule.groups)}; {rule.origin}]", ""]
    out += rule_docs(rule, lang, messages)
    if rule.options:
        out += [f"{words['defaults']}:" if lang == "en" else f"{words['defaults']}：", *option_lines(rule, lang), ""]
    if all(text == "{message}" for text in rule.messages.get(lang, {}).values()):
        return "\n".join(out)  # a rule written in YAML: its messages are in its Definition section
    out.append(f"{words['messages']}:" if lang == "en" else f"{words['messages']}：")
    for message_id in rule.messages.get("zh", {}):
        out.append(f"- {message_id}: {rule.messages.get(lang, rule.messages['zh']).get(message_id, '')}")
    return "\n".join(out)
