"""Every rule's examples (rules/examples/CODE.yaml) run: the failing ones report exactly
the findings they list, the passing ones nothing; the docs show these same cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.engine import Linter
from linter.examples import all_codes, examples, message, minimal_form
from linter.messages import Catalog
from tests.forms import BASE, REGISTRY

OWN_RULES = sorted(code for code, rule in REGISTRY.rules.items() if rule.origin == "jxlint")
ALL_CASES = [(code, case) for code in all_codes() for case in examples(code).cases]
OPTION_CASES = [(code, case) for code, case in ALL_CASES if case.options]


def run(code, case, tmp_path: Path, with_options: bool = True, lang: str = "zh"):
    config = case.config(code) if with_options else None
    config_path = None
    if config is not None:
        config_path = tmp_path / "jxlint.yaml"
        config_path.write_text(config, encoding="utf-8")
    linter = Linter(lang=lang, config=config_path, select=(code,), registry=REGISTRY)
    base = tmp_path if config_path else Path(__file__).parent
    return linter.lint_bytes(case.data(), case.name, base / case.name).diagnostics


def found(diagnostics):
    return [(d.code, d.span.line, d.span.column) for d in diagnostics]


@pytest.mark.parametrize("code, case", ALL_CASES, ids=[f"{code}-{case.id}" for code, case in ALL_CASES])
def test_example(code, case, tmp_path):
    diagnostics = run(code, case, tmp_path)
    assert found(diagnostics) == [(e.code, e.line, e.column) for e in case.expect]
    catalog = Catalog("zh")
    catalog.add(REGISTRY.messages)
    for diagnostic, expected in zip(diagnostics, case.expect):
        if expected.cell is not None:
            assert diagnostic.cell == expected.cell
        if expected.message is not None:
            assert diagnostic.message == message(code, expected, catalog)


OPTIONS = sorted({(code, name) for code, case in OPTION_CASES for name in case.options})


@pytest.mark.parametrize("code, option", OPTIONS, ids=[f"{code}-{option}" for code, option in OPTIONS])
def test_option_changes_the_outcome_of_a_case(code, option, tmp_path):
    """Each option is tested at both values: some case with it finds otherwise without it."""
    cases = [case for case_code, case in OPTION_CASES if case_code == code and option in case.options]
    assert any(found(run(code, case, tmp_path, with_options=False)) != found(run(code, case, tmp_path)) for case in cases)


def test_messages_of_examples_render_in_english(tmp_path):
    catalog = Catalog("en")
    catalog.add(REGISTRY.messages)
    for code, case in ALL_CASES:
        if not case.expect:
            continue
        diagnostics = run(code, case, tmp_path, lang="en")
        for diagnostic, expected in zip(diagnostics, case.expect):
            if expected.message is not None:
                assert diagnostic.message == message(code, expected, catalog), (code, case.id)


@pytest.mark.parametrize("code", OWN_RULES)
def test_every_rule_has_a_failing_and_a_passing_example(code):
    found_examples = examples(code)
    assert found_examples is not None, f"rules/examples/{code}.yaml is missing (docs/rule-docs.md)"
    assert found_examples.first(failing=True) is not None, "no case with findings"
    assert found_examples.first(failing=False) is not None, "no case without findings"


@pytest.mark.parametrize("code", OWN_RULES)
def test_every_option_has_a_case(code):
    options = set(REGISTRY.rules[code].options)
    covered = {name for case in examples(code).cases for name in case.options}
    assert options <= covered, f"options without a case: {sorted(options - covered)}"
    assert covered <= options, f"cases set unknown options: {sorted(covered - options)}"


def test_examples_are_of_known_rules_with_unique_readable_ids():
    assert set(all_codes()) <= set(OWN_RULES)
    for code in all_codes():
        ids = [case.id for case in examples(code).cases]
        assert len(ids) == len(set(ids)), code
        for case in examples(code).cases:
            assert case.kind in ("failing", "passing", "near-miss"), (code, case.id)
            assert (case.kind == "failing") == bool(case.expect), (code, case.id)


def test_the_minimal_form_is_the_tests_base_form():
    assert minimal_form() == BASE


@pytest.mark.parametrize("code", OWN_RULES)
def test_every_rule_is_documented_in_chinese(code):
    docs = REGISTRY.rules[code].docs_zh
    for heading in ("## 检查什么", "## 为什么重要", "## 依据"):
        assert heading in docs
    assert ("## 选项" in docs) == bool(REGISTRY.rules[code].options)


def test_explain_shows_the_examples_in_the_language_asked(monkeypatch):
    from click.testing import CliRunner

    from linter.cli import main

    chinese = CliRunner().invoke(main, ["explain", "JX303"]).output
    assert "未达到目标的定量指标没有按比例计分" in chinese and "## 错误示例" in chinese and "## 依据" in chinese
    assert "第 13 行第 31 列（单元格「20」）：得分 20 与按比例计算的 25.00 不符" in chinese
    monkeypatch.setenv("JXLINT_LANG", "en")
    english = CliRunner().invoke(main, ["explain", "JX303"]).output
    assert "## Failing example" in english and "line 13, column 31" in english and "## 错误示例" not in english


def test_a_rule_without_chinese_docs_or_example_data_is_explained_in_english():
    from dataclasses import replace

    from linter.rule_docs import explain_text

    plugin_like = replace(REGISTRY.rules["JX301"], code="XM001", origin="example-plugin", docs_zh="",
                          docs="Plugin rule.\n\n## What it checks\nX.\n\n## Why it matters\nY.\n\n## Failing example\n    a\n\n## Passing example\n    b\n\n## Source\nZ.\n")
    text = explain_text(plugin_like, "zh", REGISTRY.messages)
    assert "此规则没有中文说明" in text and "## What it checks" in text and "## Failing example\n\n    a" in text
    assert "rules/examples" not in text
