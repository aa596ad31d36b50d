"""Generate docs/rules.md from the rules themselves: `python -m linter.docs > docs/rules.md`.

A test compares the committed file with this output, so the docs cannot go stale.
"""

from __future__ import annotations

from linter.plugins import load_registry


def rules_markdown() -> str:
    registry = load_registry()
    rules = [rule for rule in sorted(registry.rules.values(), key=lambda rule: rule.code) if rule.origin == "jxlint"]
    out = [
        "# Rules",
        "",
        "Generated from the rule modules in `rules/` by `python -m linter.docs`; do not edit by hand.",
        "`jxlint explain CODE` shows the same text in a terminal.",
        "",
        "| code | name | default | groups | what it checks |",
        "|---|---|---|---|---|",
    ]
    out += [f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity} | {', '.join(r.groups)} | {r.summary} |" for r in rules]
    for rule in rules:
        body = rule.docs.strip().split("\n", 1)
        out += ["", f"## {rule.code}", "", f"`{rule.name}` · default **{rule.severity}** · groups: {', '.join(rule.groups)}", ""]
        out.append(f"**{body[0]}**")
        if len(body) > 1:
            out.append(body[1].replace("\n## ", "\n### "))
        if rule.options:
            out += ["", "Options and defaults:", ""]
            out += [f"- `{name}` ({option.kind}) = `{_default(option.default)}`: {option.help}" for name, option in rule.options.items()]
        out += ["", "Messages:", ""]
        out += [f"- `{key}`: {rule.messages['zh'][key]} / {rule.messages['en'][key]}" for key in rule.messages["zh"]]
    return "\n".join(out) + "\n"


def _default(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


if __name__ == "__main__":
    print(rules_markdown(), end="")
