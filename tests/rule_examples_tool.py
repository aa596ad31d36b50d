"""Help for writing rules/examples/CODE.yaml (docs/rule-docs.md).

    python -m tests.rule_examples_tool expect JX301
        each case of the file with the findings the rule reports on it now, as the
        `expect:` lines to write (line, column, cell, message id and arguments)

    python -m tests.rule_examples_tool from-cases path/to/test_module.py [JX304 ...]
        writes rules/examples/CODE.yaml from a test module in the earlier format:
        CASES = {code: (failing text, [(code, line, column)], passing text)},
        CONFIGURED_CASES = {code: (config, failing, findings, passing)},
        NEAR_MISSES = {code: row (a row of the minimal form changed) or
        ((old, new), ...) (replacements in the minimal form)}; only codes
        named, or all without an example file; never overwrites a file with cases
        (a new rule without docstring examples loads once its file exists: start
        it as `cases: []`)

Findings are what the rule reports today: check them before committing them.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import yaml

import linter.messages as messages
from linter.engine import Linter
from linter.examples import EXAMPLES, examples, minimal_form
from tests.forms import REGISTRY

_CALLS: list[tuple[str, dict, str]] = []


def _recording_render(render):
    def recorded(self, message_id, args):
        text = render(self, message_id, args)
        _CALLS.append((message_id, dict(args), text))
        return text

    return recorded


def _plain(value):
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def findings(code: str, data: bytes, name: str = "form.txt", options: dict | None = None) -> list[dict]:
    """The findings of rule `code` on a file, as `expect` items."""
    original = messages.Catalog.render
    messages.Catalog.render = _recording_render(original)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            config = None
            if options:
                config = Path(tmp) / "jxlint.yaml"
                config.write_text(yaml.safe_dump({"rules": {code: options}}, allow_unicode=True), encoding="utf-8")
            _CALLS.clear()
            diagnostics = Linter(config=config, select=(code,), registry=REGISTRY).lint_bytes(data, name, Path(tmp) / name).diagnostics
    finally:
        messages.Catalog.render = original
    out = []
    for diagnostic in diagnostics:
        prefix = diagnostic.code + "."
        item: dict = {} if diagnostic.code == code else {"code": diagnostic.code}
        item.update(line=diagnostic.span.line, column=diagnostic.span.column)
        if diagnostic.cell is not None:
            item["cell"] = diagnostic.cell
        call = next((c for c in _CALLS if c[2] == diagnostic.message and c[0].startswith(prefix)), None)
        if call is not None:
            item["message"] = call[0][len(prefix):]
            args = {k: _plain(v) for k, v in call[1].items() if not (k == "problem" and "problem_id" in call[1])}
            if args:
                item["args"] = args
        out.append(item)
    return out


def flow(value) -> str:
    """A value as YAML flow text: rows and findings on one line each."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.rstrip("\n").split("\n")]


def case_yaml(code: str, case_id: str, text: str, options: dict | None = None, kind: str | None = None) -> list[str]:
    """A case: the text as changes of the minimal form (or its rows), with the findings it gives."""
    base, rows = _rows(minimal_form()), _rows(text)
    matcher = difflib.SequenceMatcher(None, ["\t".join(r) for r in base], ["\t".join(r) for r in rows], autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    out = [f"- id: {case_id}"] + ([f"  kind: {kind}"] if kind else []) + ([f"  options: {flow(options)}"] if options else [])
    if text.endswith("\n") and len(changes) <= 3 and matcher.ratio() > 0.5:
        out += ["  form: minimal"] + (["  change:"] if changes else [])
        for tag, i1, i2, j1, j2 in changes:
            out.append(f"  - after: {i1}" if tag == "insert" else f"  - at: {i1 + 1 if i2 == i1 + 1 else [i1 + 1, i2]}")
            out += ["    rows:", *[f"    - {flow(row)}" for row in rows[j1:j2]]] if j2 > j1 else ["    rows: []"]
    else:
        out += ["  rows:", *[f"  - {flow(row)}" for row in rows]]
    found = findings(code, text.encode("utf-8"), options=options)
    out += ["  expect:", *[f"  - {flow(item)}" for item in found]] if found else ["  expect: []"]
    return out


def from_cases(path: str, codes: list[str]) -> None:
    spec = importlib.util.spec_from_file_location("cases_module", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    cases, configured = getattr(module, "CASES", {}), getattr(module, "CONFIGURED_CASES", {})
    near = getattr(module, "NEAR_MISSES", {})
    wanted = codes or sorted(code for code in {*cases, *configured} if examples(code) is None or not examples(code).cases)
    first_row, total_row = _rows(minimal_form())[12], _rows(minimal_form())[5]
    for code in wanted:
        target = EXAMPLES / f"{code}.yaml"
        if target.exists() and examples(code).cases:
            print(f"{target} has cases; not overwritten", file=sys.stderr)
            continue
        rule = REGISTRY.rules[code]
        out = [f"# {code} {rule.name}: the examples `jxlint explain` and docs/rules.md show, and the tests run.",
               "# Format: docs/rule-docs.md. Rows are the form's cells; `form: minimal` starts from minimal.yaml.", "cases:"]
        if code in cases:
            failing, _, passing = cases[code]
            out += case_yaml(code, "failing", failing) + case_yaml(code, "passing", passing)
        if code in configured:
            config, failing, _, passing = configured[code]
            options = yaml.safe_load(config)["rules"][code]
            out += case_yaml(code, "failing", failing, options) + case_yaml(code, "passing", passing, options)
        if code in near:
            if isinstance(near[code], tuple):  # (old, new) replacements of the minimal form
                text = minimal_form()
                for old, new in near[code]:
                    text = text.replace(old, new, 1)
            else:  # a row of the minimal form changed
                original = "\t".join(total_row if near[code].startswith("\t年度资金总额") else first_row)
                text = minimal_form().replace(original, near[code], 1)
            out += case_yaml(code, "near-miss", text, kind="near-miss")
        target.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"wrote {target}: check each expect, add a note to the near miss, a case for every option")


def expect(code: str) -> None:
    found = examples(code)
    if found is None:
        raise SystemExit(f"no rules/examples/{code}.yaml")
    for case in found.cases:
        items = findings(code, case.data(), case.name, case.options)
        print(f"- id: {case.id}")
        print("  expect:" if items else "  expect: []")
        for item in items:
            print(f"  - {flow(item)}")


if __name__ == "__main__":
    command, *rest = sys.argv[1:] or ["help"]
    if command == "expect" and len(rest) == 1:
        expect(rest[0])
    elif command == "from-cases" and rest:
        from_cases(rest[0], rest[1:])
    else:
        print(__doc__)
