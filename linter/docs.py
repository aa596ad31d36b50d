"""Generate docs/rules.md from the rules themselves: `python -m linter.docs > docs/rules.md`.

Each rule in Chinese, then in English, with the examples of rules/examples/CODE.yaml
and the findings they give. A test compares the committed file with this output,
so the docs cannot go stale, and the examples are the ones the tests run.
"""

from __future__ import annotations

from linter.examples import minimal_rows
from linter.plugins import load_registry
from linter.rule_docs import option_lines, row_text, rule_docs


def rules_markdown() -> str:
    registry = load_registry()
    rules = [rule for rule in sorted(registry.rules.values(), key=lambda rule: rule.code) if rule.origin == "jxlint"]
    out = [
        "# 规则 / Rules",
        "",
        "由 `python -m linter.docs` 根据 `rules/` 中的规则模块和 `rules/examples/` 中的示例生成，请勿手工修改。",
        "`jxlint explain CODE` 在终端显示同样的内容（默认中文，`--lang en` 为英文）。",
        "每条规则的示例都是测试逐一运行的数据，所列的报告就是规则对该示例的实际输出。",
        "",
        "Generated from the rule modules in `rules/` and the examples in `rules/examples/` by `python -m linter.docs`;",
        "do not edit by hand. `jxlint explain CODE` shows the same text in a terminal (Chinese by default, `--lang en`).",
        "Every example is a case the tests run; the findings listed are what the rule reports on it.",
        "How to write a rule's docs and examples: [rule-docs.md](rule-docs.md).",
        "",
        "| 代码 code | 名称 name | 默认级别 default | 分组 groups | 检查什么 | what it checks |",
        "|---|---|---|---|---|---|",
    ]
    out += [
        f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity} | {', '.join(r.groups)} | {r.summary_in('zh')} | {r.summary} |"
        for r in rules
    ]
    out += [
        "",
        "## 最小表样 / The minimal form",
        "",
        "示例都从这张各项一致、没有任何规则报告问题的全国模板自评表改起（`rules/examples/minimal.yaml`），行号从 1 起；",
        "单元格之间以 │ 分隔，空单元格也照样列出。",
        "The examples start from this consistent national form, on which no rule reports anything; rows are",
        "numbered from 1, cells are separated by │, empty cells included.",
        "",
        *[f"    {line:>2} {row_text(row)}" for line, row in enumerate(minimal_rows(), 1)],
    ]
    for rule in rules:
        out += ["", f"## {rule.code}", "", f"`{rule.name}` · 默认级别 default **{rule.severity}** · 分组 groups: {', '.join(rule.groups)}", ""]
        out += rule_docs(rule, "zh", registry.messages, level="###")
        if rule.options:
            out += ["选项及默认值：", "", *option_lines(rule, "zh"), ""]
        out += ["---", ""]
        out += rule_docs(rule, "en", registry.messages, level="###")
        if rule.options:
            out += ["Options and defaults:", "", *option_lines(rule, "en"), ""]
        out += ["提示语 / Messages:", ""]
        out += [f"- `{key}`: {rule.messages['zh'][key]} / {rule.messages['en'][key]}" for key in rule.messages["zh"]]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
