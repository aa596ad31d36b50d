"""Templates as data: loading and deriving, detection, forcing one in configuration, a
template added as one data file, the province rule sets, and template plugins."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from linter.cli import main
from linter.engine import Linter
from linter.templates import TemplateError, TemplateSet, builtin_template_data, builtin_templates, detect
from linter.vocabulary import strip_weight
from tests.families import FAMILIES, render
from tests.forms import REGISTRY

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "templates"


def lint_file(path: Path, **kwargs):
    return Linter(registry=REGISTRY, **kwargs).lint_path(path)


def test_every_builtin_template_derives_from_the_national_base():
    templates = builtin_templates()
    for template in templates:
        if template.lint:
            assert template.data["indicators"]["level1"], template.id  # inherited when not overridden
    assert templates.get("shanghai").data["funds"]["columns"]["年初预算数"] == "initial_budget"
    assert "部门" in templates.get("department").vocabulary.keywords
    assert "项目名称" not in templates.get("department").vocabulary.keywords  # removed with `null`
    assert templates.get("hubei").execution_points == 20 and templates.get("transfer").total_points is None


def test_detect_words_of_a_derived_template_extend_its_base():
    shanghai = builtin_templates().get("shanghai")
    assert set(builtin_templates().base.detect_words) < set(shanghai.detect_words)


@pytest.mark.parametrize("data, message", [
    ([{"id": "a", "extends": "b"}, {"id": "b", "extends": "a"}], "loop"),
    ([{"id": "a", "extends": "nowhere"}], "unknown template"),
    ([{"id": "Not An Id"}], "id"),
])
def test_broken_templates_are_refused_with_a_reason(data, message):
    with pytest.raises(TemplateError, match=message):
        TemplateSet([*builtin_template_data(), *((item, "test.yaml") for item in data)])


@pytest.mark.parametrize("title, template", [
    ("财政项目支出绩效自评表", "shanghai"), ("稷山县项目支出绩效自评表", "national"),
    ("部门整体支出绩效自评表", "department"), ("部门预算项目支出绩效自评表", "sichuan"),
    ("2021年度财政项目绩效自评表", "hubei"), ("随州市财政预算支出项目绩效目标自评表", "suizhou"),
    ("绩效目标申报表", "declaration"), ("部门整体绩效自评表", "chongqing"),
])
def test_a_title_alone_names_its_template(title, template):
    found = detect(title, title, builtin_templates())
    assert found.template.id == template and found.certain


def test_the_header_words_decide_between_templates_with_one_title():
    title = "绩效目标自评表"
    transfer = detect(title, title + "全年预算数(A)全年执行数(B)全年完成值未完成原因和改进措施", builtin_templates())
    xianjie = detect(title, title + "全年预算数(A)全年执行数(B)全年实际值未完成原因及拟采取的改进措施分值", builtin_templates())
    assert (transfer.template.id, xianjie.template.id) == ("transfer", "xianjie")


def _every_rank(title: str, body: str) -> list[tuple[int, int, bool, str]]:
    """Every template's rank, worked out in full (what `detect` must choose the best of)."""
    templates = builtin_templates()
    found = {word for word in templates.detect_words if word in body}
    ranks = []
    for template in templates:
        title_score = template.title_score(title) if title else 0
        hits = len(template.detect_set & found)
        ranks.append(((10 + title_score if title_score else 0) + 4 * hits, hits, template.id == "national", template.id))
    return ranks


@pytest.mark.parametrize("title, words", [
    ("", ()), ("", ("全年预算数", "全年执行数")), ("", ("全年预算数", "全年执行数", "年初预算数")),
    ("绩效目标自评表", ("全年完成值",)), ("绩效目标自评表", ("全年实际值", "拟采取的改进措施")),
    ("财政项目支出绩效自评表", ("部门",)), ("项目支出绩效自评表", ()), ("自评表", ("复核分", "自评分", "度量单位")),
    ("部门整体支出绩效自评表", ("年度指标值", "指标性质", "度量单位")),
])
def test_detection_chooses_the_best_rank_and_is_certain_on_a_title_or_three_words(title, words):
    body = title + "".join(words)
    ranks = _every_rank(title, body)
    best = max(ranks)
    found = detect(title, body, builtin_templates())
    assert (found.template.id, found.score) == (best[3], best[0])
    title_hit = bool(title) and found.template.title_score(title) > 0
    assert found.certain == (title_hit or best[1] >= 3)


def test_configuration_forces_a_template_per_path(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "form.txt").write_text(render(FAMILIES["national"], "tsv"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(render(FAMILIES["national"], "tsv"), encoding="utf-8")
    (tmp_path / ".jxlint.yaml").write_text("overrides:\n  - files: ['a/**']\n    template: yunnan\n", encoding="utf-8")
    linter = Linter(registry=REGISTRY)
    assert [f.template for f in linter.lint_path(tmp_path / "a" / "form.txt").forms] == ["yunnan"]
    assert [f.template for f in linter.lint_path(tmp_path / "b.txt").forms] == ["national"]


def test_an_unknown_template_in_configuration_is_a_configuration_error(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("template: hubie\n", encoding="utf-8")
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(tmp_path / "f.txt")])
    assert result.exit_code == 2 and "hubie" in result.output and "hubei" in result.output


def test_adding_a_template_is_one_data_file(tmp_path):
    form = EXAMPLE / "example-province-form.txt"
    without = lint_file(form)
    # Its title is no known template's: only its rows are found, read with the national
    # template as a tail, and nothing read that way is reported on.
    assert [d.code for d in without.diagnostics] == ["JX015", "JX013"]
    config = tmp_path / "jxlint.yaml"
    config.write_text(f"template: {EXAMPLE / 'example-province.yaml'}\n", encoding="utf-8")
    result = lint_file(form, config=config)
    assert [f.template for f in result.forms] == ["example-province"]
    # Its columns are read by the header's own words: the 45 of 自评得分 below 权重 50, no 原因说明.
    # (and 45 of 50 for 118 of 120 is not in proportion: JX303 at the same cell)
    assert [(d.code, d.span.line, d.span.column) for d in result.diagnostics] == [("JX303", 10, 32), ("JX401", 10, 32)]


def test_a_template_file_that_is_not_a_template_is_refused(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just\n- a list\n", encoding="utf-8")
    (tmp_path / ".jxlint.yaml").write_text("template: bad.yaml\n", encoding="utf-8")
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(tmp_path / "f.txt"), "--lang", "en"])
    assert result.exit_code == 2 and "template file cannot be used" in result.output


SETS = {
    "national-2020": "national", "sichuan-2023": "sichuan", "hubei-2020": "hubei", "xianjie-2023": "xianjie",
    "yunnan-2020": "yunnan", "chongqing-2021": "chongqing",
}


@pytest.mark.parametrize("rule_set", sorted(SETS))
def test_each_province_rule_set_reads_its_family_without_error(tmp_path, rule_set):
    family = SETS[rule_set]
    (tmp_path / ".jxlint.yaml").write_text(f"extends: {rule_set}\n", encoding="utf-8")
    form = tmp_path / "form.txt"
    form.write_text(render(FAMILIES[family], "tsv"), encoding="utf-8")
    result = lint_file(form)
    assert [f.template for f in result.forms] == [family]
    assert [d.code for d in result.diagnostics if d.severity == "error"] == []


def test_national_2021_requires_a_cost_block(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("extends: national-2021\n", encoding="utf-8")
    form = tmp_path / "form.txt"
    form.write_text(render(FAMILIES["national"], "tsv"), encoding="utf-8")
    assert [d.message for d in lint_file(form).diagnostics if d.code == "JX009"] == ["缺少一级指标「成本指标」"]


def test_parse_shows_the_template_and_can_force_one(tmp_path):
    form = tmp_path / "f.txt"
    form.write_text(render(FAMILIES["hubei"], "tsv"), encoding="utf-8")
    runner = CliRunner()
    assert "模板 hubei" in runner.invoke(main, ["parse", str(form)]).output
    assert "template national" in runner.invoke(main, ["parse", str(form), "--template", "national", "--lang", "en"]).output
    assert runner.invoke(main, ["parse", str(form), "--template", "nope"]).exit_code == 2
    listed = runner.invoke(main, ["templates", "--format", "json"])
    assert {row["id"] for row in __import__("json").loads(listed.output)} >= set(FAMILIES)


def test_a_plugin_adds_a_template(tmp_path):
    from linter.plugins import Registry, _add

    registry = Registry()
    _add(registry, "jxlint_templates", [EXAMPLE / "example-province.yaml"], "example-plugin")
    assert registry.templates.get("example-province").family == "example"
    with pytest.raises(TemplateError):
        _add(registry, "jxlint_templates", [{"id": "broken", "extends": "nowhere"}], "bad-plugin")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("满意度指", ("L1", "满意度指标", True)),  # one character cut from a label of five
        ("经济效益指", ("L2", "经济效益指标", True)),
        ("经济效益", ("L2", "经济效益指标", False)),  # written without the trailing 指标
        ("经济效益指标", ("L2", "经济效益指标", False)),
        ("产出指", ("TEXT", None, None)),  # a label of four characters is not read cut short
        ("满意度", ("TEXT", None, None)),  # two characters cut: a word, not a label
    ],
)
def test_labels_cut_short_by_one_character_are_the_label(text, expected):
    terminal, detail = builtin_templates().get("chongqing").vocabulary.classify(text)
    name, truncated = (detail.name, detail.truncated) if detail is not None else (None, None)
    assert (terminal, name, truncated) == expected


# The weight pattern as it was written with a look-behind: `strip_weight` tests the
# character before a bare weight in code instead, with the same result on any key.
_WEIGHT_WITH_LOOK_BEHIND = re.compile(r"\((\d+(?:\.\d+)?)分[^()]*\)$|(?<=[\u4e00-\u9fff])(\d+(?:\.\d+)?)分$")


def _strip_weight_by_look_behind(cell_key):
    match = _WEIGHT_WITH_LOOK_BEHIND.search(cell_key)
    if match is None or match.start() == 0:
        return cell_key, None
    return cell_key[: match.start()].rstrip(":"), Decimal(match.group(1) or match.group(2))


@pytest.mark.parametrize(("key", "expected"), [
    ("产出指标(50分)", ("产出指标", Decimal(50))),
    ("产出指标50分", ("产出指标", Decimal(50))),
    ("产出指标:12.5分", ("产出指标:12.5分", None)),  # near miss: a colon, not a Chinese character, before it
    ("指标a50分", ("指标a50分", None)),  # near miss: a letter before the bare weight
    ("50分", ("50分", None)),  # nothing before the weight
    ("效益指标(30分,含满意度)", ("效益指标", Decimal(30))),
])
def test_strip_weight(key, expected):
    assert strip_weight(key) == expected == _strip_weight_by_look_behind(key)


@given(st.text(alphabet="产出指标分()（:.0123456789a一鿿\u9fff\ua000 ", max_size=14))
def test_strip_weight_as_with_a_look_behind(key):
    assert strip_weight(key) == _strip_weight_by_look_behind(key)
