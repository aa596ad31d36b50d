"""Rules written in YAML (`define:`, docs/yaml-rules.md): the worked example of the docs run on
the real seed, each kind failing / passing / near a boundary, selection and scoping, errors
with file:line:col, hostile definitions, and expressions that never crash the loader."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.cli import main
from linter.config import ConfigError, Resolver, Settings
from linter.engine import Linter
from linter.expression import ExpressionError, parse_expression
from linter.messages import Catalog
from linter.plugins import load_registry
from linter.yaml_rules import DefinitionError, build_rule, compile_regex

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINHANG = "004_c0b3f901b49db276.txt"
BAOSHAN = "003_01ee96ef31214bdb.txt"
DOC = ROOT / "docs" / "yaml-rules.md"
DOCS = "    docs: {what: 检查, why: 原因, failing: 反例, passing: 正例}\n"


def doc_block(marker: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(re.escape(f"<!-- {marker} -->") + r"\n```[a-z]*\n(.*?)```", text, re.S)
    assert found, marker
    return found.group(1)


def folder_with(tmp_path: Path, config: str, *fixtures: str) -> Path:
    for name in fixtures:
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / ".jxlint.yaml").write_text(config, encoding="utf-8")
    return tmp_path


def lint(folder: Path, select: tuple[str, ...] = (), lang: str = "zh"):
    linter = Linter(lang, registry=load_registry(plugins=False), select=select, paths=(str(folder),))
    return [d for file in linter.lint_paths([str(folder)]) for d in file.diagnostics]


def rule(code: str, body: str, extends: str = "shanghai") -> str:
    return f"extends: {extends}\ndefine:\n  {code}:\n{body}{DOCS}"


def config_error(folder: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        Resolver(load_registry(plugins=False), None, Settings()).effective(folder / "x.txt")
    return caught.value


# The worked example -------------------------------------------------------------------------


def test_the_worked_example_of_the_docs_reports_what_the_docs_say(tmp_path):
    folder = folder_with(tmp_path, doc_block("worked-example-config"), MINHANG)
    found = [f"{Path(d.path).name}:{d.span.line}:{d.span.column}: {d.code} {d.message}" for d in lint(folder, ("MH",))]
    assert found == doc_block("worked-example-findings").strip().splitlines()


def test_the_worked_example_finds_what_jx201_finds_and_names_the_form(tmp_path):
    folder = folder_with(tmp_path, doc_block("worked-example-config"), MINHANG)
    diagnostics = lint(folder, ("MH001", "JX201"))
    mine = {(d.span, d.form_index) for d in diagnostics if d.code == "MH001"}
    builtin = {(d.span, d.form_index) for d in diagnostics if d.code == "JX201"}
    assert mine == builtin and len(mine) == 2
    assert {d.project for d in diagnostics if d.code == "MH001"} == {"人口工作", "一网通办居住证自助服务终端"}


def test_the_worked_example_on_baoshan_reports_comparators_and_the_rate(tmp_path):
    folder = folder_with(tmp_path, doc_block("worked-example-config"), BAOSHAN)
    diagnostics = lint(folder, ("MH",))
    comparators = [d for d in diagnostics if d.code == "MH002"]
    assert comparators and all(re.search(r"「(>=|=)", d.message) for d in comparators)
    assert all(d.table_path and d.table_path.startswith("绩效指标/") for d in comparators)
    rates = [d for d in diagnostics if d.code == "MH003"]
    assert [d.message for d in rates] == ["执行率 1000.00% 不在 0%–100% 之间"]
    assert rates[0].cell == "1000.00%"


def test_english_messages(tmp_path):
    folder = folder_with(tmp_path, doc_block("worked-example-config"), MINHANG)
    messages = [d.message for d in lint(folder, ("MH001",), lang="en")]
    assert messages[0] == "total points 100 ≠ execution points 10 + indicator points 93"


# Each kind ----------------------------------------------------------------------------------

EXECUTED = """    name: executed-within-budget
    kind: formula
    expression: funds.total.executed <= funds.total.budget
    tolerance: {tolerance}
    message: {{zh: "执行 {{funds.total.executed}} > 预算 {{funds.total.budget}}", en: "{{left}} > {{right}}"}}
"""


@pytest.mark.parametrize("tolerance, count", [(0, 1), ("1349999.99", 1), (1350000, 0)])
def test_formula_fails_passes_and_honours_its_tolerance(tmp_path, tolerance, count):
    # 宝山 表 5 prints 全年预算数 150000.00 and 全年执行数 1500000: 1,350,000 over.
    folder = folder_with(tmp_path, rule("BS001", EXECUTED.format(tolerance=tolerance)), BAOSHAN)
    found = lint(folder, ("BS001",))
    assert len(found) == count
    if count:
        assert found[0].message == "执行 1500000 > 预算 150000.00" and found[0].cell == "1,500,000"
        assert found[0].form_index == 5


def test_the_tolerance_is_an_option_a_child_configuration_overrides(tmp_path):
    folder_with(tmp_path, rule("BS001", EXECUTED.format(tolerance=0)), BAOSHAN)
    child = tmp_path / "child"
    child.mkdir()
    shutil.copy(FIXTURES / BAOSHAN, child / BAOSHAN)
    (child / ".jxlint.yaml").write_text("extends: ../.jxlint.yaml\nrules:\n  BS001: {tolerance: 1350000}\n", encoding="utf-8")
    assert lint(child, ("BS001",)) == []
    assert len(lint(tmp_path / BAOSHAN, ("BS001",))) == 1


RANGE = """    name: rate-bound
    kind: range
    field: funds.total.rate
    max: {high}
    message: {{zh: "执行率 {{value}} 超过 {{max}}", en: "rate {{value}} above {{max}}"}}
"""


@pytest.mark.parametrize("high, count", [(100, 1), ("999.99", 1), (1000, 0)])
def test_range_bounds_are_inclusive(tmp_path, high, count):
    folder = folder_with(tmp_path, rule("BS002", RANGE.format(high=high)), BAOSHAN)
    assert len(lint(folder, ("BS002",))) == count


PATTERN = """    name: actual-format
    kind: pattern
    field: indicators.actual
    {key}: '{regex}'
    message: {{zh: "「{{indicator}}」实际值「{{value}}」", en: "{{indicator}}: {{value}}"}}
"""


def test_pattern_forbids_and_matches(tmp_path):
    folder = folder_with(tmp_path, rule("BS003", PATTERN.format(key="forbids", regex="^>=85%$")), BAOSHAN)
    forbidden = lint(folder, ("BS003",))
    assert forbidden and all("「>=85%」" in d.message for d in forbidden)
    # Near miss: `>=85` without % is not `>=85%` as a whole.
    (tmp_path / ".jxlint.yaml").write_text(rule("BS003", PATTERN.format(key="forbids", regex="^>=85$")), encoding="utf-8")
    assert lint(folder, ("BS003",)) == []
    (tmp_path / ".jxlint.yaml").write_text(rule("BS003", PATTERN.format(key="matches", regex=".")), encoding="utf-8")
    assert lint(folder, ("BS003",)) == []


REQUIRED = """    name: reason-filled
    kind: required
    field: {field}
    message: {{zh: "「{{indicator}}」没有填 {{field}}", en: "{{indicator}}: no {{field}}"}}
"""


def test_required_reports_each_blank_row_and_nothing_when_filled(tmp_path):
    from linter.parse import parse_bytes

    folder = folder_with(tmp_path, rule("MH010", REQUIRED.format(field="indicators.score"), "shanghai-minhang-2022"), MINHANG)
    assert lint(folder, ("MH010",)) == []
    (tmp_path / ".jxlint.yaml").write_text(rule("MH010", REQUIRED.format(field="indicators.reason"), "shanghai-minhang-2022"))
    found = lint(folder, ("MH010",))
    document = parse_bytes((FIXTURES / MINHANG).read_bytes(), MINHANG, None, load_registry(plugins=False).templates, None)
    blank = [
        row for form in document.forms if form.parsed and form.linted
        for row in form.counted_indicators
        if any(other.reason is not None for other in form.counted_indicators)
        and (row.reason is None or row.reason.text.strip() in ("", "-", "—", "/"))
        and not (row.reason is not None and row.reason.uncertain)
    ]
    assert len(found) == len(blank) > 0


def test_a_field_the_parser_is_unsure_of_gives_no_finding():
    from linter.parse import parse_bytes

    registry = load_registry(plugins=False)
    document = parse_bytes((FIXTURES / BAOSHAN).read_bytes(), BAOSHAN, None, registry.templates, None)
    form = document.forms[4]
    made = build_rule("BS001", {
        "name": "executed-within-budget", "kind": "formula", "expression": "funds.total.executed <= funds.total.budget",
        "message": "x", "docs": {"what": "a", "why": "b", "failing": "c", "passing": "d"},
    }, "test")
    assert len(list(made.check(form, {"tolerance": None}))) == 1
    form.funds.total.executed.uncertain = True
    assert list(made.check(form, {"tolerance": None})) == []
    form.funds.total.executed.uncertain = False
    form.funds.total.budget.uncertain = True
    assert list(made.check(form, {"tolerance": None})) == []


@pytest.mark.parametrize("expression", [
    "funds.total.executed / 0 > 1",  # division by zero
    "funds.other.executed > 0",  # no such row on the form
    "funds.total.initial_budget / (funds.total.budget - funds.total.budget) < 0",
])
def test_unknown_values_keep_the_rule_silent(tmp_path, expression):
    body = (f"    name: silent-rule\n    kind: formula\n    expression: {expression}\n"
            "    message: {zh: x, en: y}\n")
    folder = folder_with(tmp_path, rule("BS009", body), BAOSHAN)
    assert lint(folder, ("BS009",)) == []


def test_per_row_formula_points_at_the_row(tmp_path):
    body = ("    name: score-not-above-points\n    kind: formula\n    expression: indicators.score < indicators.points\n"
            "    message: {zh: '「{indicator}」得分 {indicators.score} 未低于分值 {indicators.points}', en: x}\n")
    folder = folder_with(tmp_path, rule("MH011", body, "shanghai-minhang-2022"), MINHANG)
    found = lint(folder, ("MH011",))
    assert found and all(d.table_path.startswith("绩效指标/") for d in found)
    assert all(d.cell == d.message.split("得分 ")[1].split(" ")[0] for d in found)


# Selection, scoping, explain ------------------------------------------------------------------


def test_a_yaml_rule_is_selected_ignored_and_given_a_severity_like_a_builtin(tmp_path):
    config = rule("BS001", EXECUTED.format(tolerance=0))
    folder = folder_with(tmp_path, config + "rules:\n  BS001: error\n", BAOSHAN)
    assert [d.severity for d in lint(folder, ("BS001",))] == ["error"]
    (tmp_path / ".jxlint.yaml").write_text(config + "ignore: [executed-within-budget]\n", encoding="utf-8")
    assert [d for d in lint(folder) if d.code == "BS001"] == []
    (tmp_path / ".jxlint.yaml").write_text(config + "rules:\n  BS001: off\n", encoding="utf-8")
    assert [d for d in lint(folder) if d.code == "BS001"] == []


def test_a_yaml_rule_is_waived_like_a_builtin(tmp_path):
    config = rule("BS001", EXECUTED.format(tolerance=0)) + (
        "waivers:\n  - code: BS001\n    form: 系统及平台运行维护费\n    reason: 预算调整未录入\n")
    folder = folder_with(tmp_path, config, BAOSHAN)
    result = CliRunner().invoke(main, ["lint", str(folder), "--select", "BS001", "-q", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"BS001"' not in result.stdout


def test_a_yaml_rule_runs_only_under_the_configuration_that_defines_it(tmp_path):
    defined = tmp_path / "a"
    defined.mkdir()
    folder_with(defined, rule("BS001", EXECUTED.format(tolerance=0)), BAOSHAN)
    other = tmp_path / "b"
    other.mkdir()
    folder_with(other, "extends: shanghai\n", BAOSHAN)
    linter = Linter(registry=load_registry(plugins=False))
    by_folder = {Path(file.path).parent.name: [d.code for d in file.diagnostics] for file in linter.lint_paths([str(tmp_path)])}
    assert "BS001" in by_folder["a"] and "BS001" not in by_folder["b"]


def test_explain_and_rules_show_a_yaml_rule(tmp_path, monkeypatch):
    folder = folder_with(tmp_path, doc_block("worked-example-config"), MINHANG)
    monkeypatch.chdir(folder)
    runner = CliRunner()
    explained = runner.invoke(main, ["explain", "MH001"])
    assert explained.exit_code == 0, explained.output
    assert "## 检查什么" in explained.output and "总分行的分值等于预算执行分值加各三级指标分值之和。" in explained.output
    assert "The total row's points" not in explained.output  # Chinese by default
    english = runner.invoke(main, ["explain", "MH001", "--lang", "en"])
    assert "## What it checks" in english.output and "The total row's points equal" in english.output
    assert "total.points == funds.total.points + sum(indicators.points)" in explained.output
    assert "message.en: total points {total.points}" in explained.output and "{message}" not in explained.output
    listed = runner.invoke(main, ["rules"])
    assert re.search(r"MH001\s+points-add-up\s+error", listed.output)
    selected = runner.invoke(main, ["lint", ".", "--select", "MH001", "-q"])
    assert selected.exit_code == 1 and "MH001" in selected.output


# Errors -------------------------------------------------------------------------------------


def error_message(tmp_path: Path, config: str) -> str:
    (tmp_path / ".jxlint.yaml").write_text(config, encoding="utf-8")
    error = config_error(tmp_path)
    return f"{error.origin}: " + Catalog("en").render(error.message_id, error.args_)


def formula(expression: str, message: str = "{zh: x, en: y}") -> str:
    return rule("MH001", f"    name: some-rule\n    kind: formula\n    expression: {expression}\n    message: {message}\n")


def test_a_bad_expression_gives_file_line_column_and_what_was_expected(tmp_path):
    found = error_message(tmp_path, formula("funds.total.executed <= "))
    assert re.match(r".*\.jxlint\.yaml:6:40: the expression cannot be read at 'end'; expected here: .*a number", found)
    found = error_message(tmp_path, formula("'funds.total.executd <= 1'"))
    assert re.match(r".*\.jxlint\.yaml:6:18: unknown field 'funds.total.executd' \(did you mean 'funds.total.executed'\?\)", found)
    found = error_message(tmp_path, formula("|\n      funds.total.executed <= 1 and\n        foo(2)"))
    assert re.match(r".*\.jxlint\.yaml:8:12: the expression cannot be read at '\('", found)


@pytest.mark.parametrize("expression, expected", [
    ("project > 1", "the field 'project' is not a number"),
    ("total.points + 1", "is a number; a condition is needed here"),
    ("sum(indicators) > 1", "sum(…) needs an indicator column"),
    ("total.points.__class__ > 1", "unknown field 'total.points.__class__'"),
    ("__import__(1) > 1", "cannot be read at '('"),
    ("-" * 200 + "1 > 0", "nested more than 100 levels deep"),
    ("1" * 40 + " > 0", "a number of more than 30 digits"),
])
def test_bad_expressions_are_configuration_errors(tmp_path, expression, expected):
    assert expected in error_message(tmp_path, formula(expression))


def test_a_huge_expression_is_refused(tmp_path):
    assert "over 2000 characters" in error_message(tmp_path, formula(" + ".join(["total.points"] * 300) + " > 0"))


@pytest.mark.parametrize("body, expected", [
    ("    name: x-y\n    kind: pattern\n    field: project\n    matches: '(a)\\1'\n    message: x\n", "not supported (RE2 syntax"),
    ("    name: x-y\n    kind: pattern\n    field: project\n    matches: '(?=a)'\n    message: x\n", "not supported (RE2 syntax"),
    ("    name: x-y\n    kind: pattern\n    field: project\n    matches: '" + "a" * 600 + "'\n    message: x\n", "over 500 characters"),
    ("    name: x-y\n    kind: pattern\n    field: project\n    matches: '((a{1000}){1000}){1000}'\n    message: x\n", "not supported"),
    ("    name: x-y\n    kind: range\n    field: project\n    max: 1\n    message: x\n", "is not a number"),
    ("    name: x-y\n    kind: formula\n    expression: total.points > 1\n    message: '{total.pointz}'\n", "placeholder '{total.pointz}'"),
    ("    name: points-total\n    kind: formula\n    expression: total.points > 1\n    message: x\n", "already taken by JX201"),
    ("    name: x-y\n    kind: sometimes\n    message: x\n", "is not one of required, pattern, range, formula"),
    ("    name: x-y\n    kind: range\n    field: total.score\n    min: 10\n    max: 9\n    message: x\n", "min is above max"),
    ("    name: x-y\n    kind: range\n    field: total.score\n    max: .nan\n    message: x\n", "must be a finite number"),
    ("    name: x-y\n    kind: formula\n    expression: total.score > 1\n    tolerance: -1\n    message: x\n", "must be a finite"),
])
def test_bad_definitions_are_configuration_errors(tmp_path, body, expected):
    assert expected in error_message(tmp_path, rule("MH001", body))


def test_a_bad_regex_and_a_bad_placeholder_point_at_their_column(tmp_path):
    body = ('    name: x-y\n    kind: pattern\n    field: project\n    matches: "ab(c)\\\\1"\n'
            '    message: {zh: "项目 {valu}", en: "y"}\n')
    assert re.match(r".*\.jxlint\.yaml:7:20: the regular expression of rule MH001", error_message(tmp_path, rule("MH001", body)))
    body = '    name: x-y\n    kind: pattern\n    field: project\n    matches: abc\n    message: {zh: "项目 {valu}", en: "y"}\n'
    assert re.match(r".*\.jxlint\.yaml:8:23: the placeholder '\{valu\}' .*did you mean 'value'", error_message(tmp_path, rule("MH001", body)))


def test_the_jx_namespace_is_reserved(tmp_path):
    body = "    name: x-y\n    kind: formula\n    expression: total.points > 1\n    message: x\n"
    assert "reserved for jxlint's own rules" in error_message(tmp_path, rule("JX999", body))


def test_a_bad_definition_exits_2_without_a_traceback(tmp_path):
    folder = folder_with(tmp_path, formula("total.points >"), BAOSHAN)
    result = CliRunner().invoke(main, ["lint", str(folder), "-q"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert ".jxlint.yaml:6:" in result.output


def test_a_catastrophic_pattern_runs_in_linear_time():
    # (a+)+$ backtracks exponentially in Python's re on "aaa…b"; RE2 answers at once.
    regex = compile_regex("(a+)+$", "MH001", "matches")
    assert regex.search("a" * 100_000 + "b") is None
    assert regex.search("a" * 100_000) is not None


# Never crash ----------------------------------------------------------------------------------

ALPHABET = st.sampled_from(list("()[]+-*/<>=!., 0123456789") + ["and", "or", "not", "sum", "min", "max", "count", "indicators",
                                                                 "funds", "total", "points", "score", "产出指标", "×", "≥", "'", '"',
                                                                 "\n", "\t", "\\", "{", "}", "__class__", "eval"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(ALPHABET, max_size=60).map("".join)))
def test_random_expressions_never_crash_the_parser(text):
    try:
        parse_expression(text)
    except ExpressionError as error:
        assert error.line >= 1 and error.column >= 1
        assert Catalog("en").render(error.message_id, error.args_)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_random_expressions_never_crash_the_loader(text):
    import json

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".jxlint.yaml"
        path.write_text(formula(json.dumps(text)), encoding="utf-8")
        try:
            Resolver(load_registry(plugins=False), None, Settings()).effective(path)
        except ConfigError as error:
            assert Catalog("zh").render(error.message_id, error.args_)
            assert error.origin.line >= 1


def test_build_rule_rejects_rather_than_crashes_on_odd_values():
    for data in (None, [], {"name": 1}, {"name": "a", "kind": "formula", "message": "x", "docs": "x", "expression": 5}):
        with pytest.raises(DefinitionError):
            build_rule("MH001", data, "test")


def test_a_configuration_read_again_after_an_edit_replaces_its_rules(tmp_path):
    # An editor's language server reads the file again after each change, with one registry.
    from linter.config import Loader

    registry = load_registry(plugins=False)
    path = tmp_path / ".jxlint.yaml"
    path.write_text(rule("BS001", EXECUTED.format(tolerance=0)), encoding="utf-8")
    Loader(registry).load(path)
    path.write_text("# moved down a line\n" + rule("BS002", EXECUTED.format(tolerance=0)), encoding="utf-8")
    Loader(registry).load(path)
    assert "BS002" in registry.rules and "BS001" not in registry.rules
    other = tmp_path / "other"
    other.mkdir()
    (other / ".jxlint.yaml").write_text(rule("BS002", EXECUTED.format(tolerance=0)), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        Loader(registry).load(other / ".jxlint.yaml")
    assert caught.value.message_id == "define.code_taken"


def test_reports_describe_a_yaml_rule_in_their_language(tmp_path):
    import json

    folder = folder_with(tmp_path, doc_block("worked-example-config"), MINHANG)
    for lang, summary in (("zh", "总分行的分值等于预算执行分值加各三级指标分值之和。"),
                          ("en", "The total row's points equal the execution points plus the points of every indicator.")):
        result = CliRunner().invoke(main, ["lint", str(folder), "--select", "MH001", "-q", "--format", "sarif", "--lang", lang])
        rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
        described = [rule for rule in rules if rule["id"] == "MH001"]
        assert described and described[0]["shortDescription"]["text"] == summary
        assert "helpUri" not in described[0]


def test_too_many_definitions_are_refused_before_any_is_built(tmp_path):
    body = "".join(
        f"  XA{index:03d}:\n    name: rule-{index}\n    kind: formula\n    expression: total.points > {index}\n"
        "    message: x\n    docs: {what: a, why: b, failing: c, passing: d}\n"
        for index in range(501)
    )
    assert "more than 500 rules" in error_message(tmp_path, "define:\n" + body)


def test_one_linter_renders_a_rule_renamed_in_an_edited_configuration(tmp_path):
    # The language server keeps one Linter's registry while the configuration is edited.
    folder = folder_with(tmp_path, rule("BS001", EXECUTED.format(tolerance=0)), BAOSHAN)
    registry = load_registry(plugins=False)
    first = Linter(registry=registry).lint_paths([str(folder)])
    assert [d.message for file in first for d in file.diagnostics if d.code == "BS001"] == ["执行 1500000 > 预算 150000.00"]
    (folder / ".jxlint.yaml").write_text(rule("BS002", EXECUTED.format(tolerance=0)), encoding="utf-8")
    linter = Linter(registry=registry)
    second = linter.lint_paths([str(folder)])
    assert [d.message for file in second for d in file.diagnostics if d.code == "BS002"] == ["执行 1500000 > 预算 150000.00"]
