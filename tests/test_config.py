"""Configuration: discovery, extends chains, overrides, locks, and every error with file:line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from linter.config import ConfigError, Resolver, Settings, command_line, find_config
from linter.messages import Catalog
from tests.forms import REGISTRY


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def in_force(path: Path, explicit: Path | None = None, cli: Settings | None = None) -> dict[str, object]:
    effective = Resolver(REGISTRY, explicit, cli or Settings()).effective(path)
    return {item.rule.code: (item.severity, item.options) for item in effective.rules}


def error_of(path: Path, cli: Settings | None = None) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        Resolver(REGISTRY, None, cli or Settings()).effective(path)
    return caught.value


def message(error: ConfigError, lang: str = "zh") -> str:
    return f"{error.origin}: " + Catalog(lang).render(error.message_id, error.args_)


def test_no_configuration_enables_every_rule_at_its_default(tmp_path):
    rules = in_force(tmp_path / "form.txt")
    assert set(rules) == set(REGISTRY.rules)
    assert rules["JX105"][0] == "error" and rules["JX010"][0] == "info"


def test_configuration_is_found_upward_and_nearest_wins(tmp_path):
    top = write(tmp_path, ".jxlint.yaml", "rules:\n  JX106: off\n")
    inner = write(tmp_path, "district/jxlint.yaml", "rules:\n  JX105: warning\n")
    assert find_config(tmp_path / "a/b/form.txt") == top
    assert find_config(tmp_path / "district/x/form.txt") == inner
    assert "JX106" not in in_force(tmp_path / "a/form.txt")
    rules = in_force(tmp_path / "district/form.txt")
    assert rules["JX105"][0] == "warning" and "JX106" in rules


def test_extends_chain_later_entries_win_and_the_file_wins_over_all(tmp_path):
    write(tmp_path, "a.yaml", "rules:\n  execution-points: {points: 20, severity: info}\n")
    write(tmp_path, "b.yaml", "extends: a.yaml\nrules:\n  execution-points: {points: 30}\n")
    write(tmp_path, ".jxlint.yaml", "extends: [shanghai-jiading-2024, b.yaml]\nrules:\n  JX008: off\n")
    rules = in_force(tmp_path / "form.txt")
    assert rules["JX106"] == ("info", {"points": Decimal(30)})  # severity from a.yaml, points from b.yaml
    assert "JX008" not in rules  # the file's own key wins over every extends
    assert rules["JX009"][1]["required"] == ("成本指标", "产出指标", "效益指标", "满意度指标")  # from the rule set
    write(tmp_path, "c.yaml", "extends: b.yaml\nrules:\n  invalid-indicator-hierarchy: {template: '2020'}\n")
    write(tmp_path, "other/.jxlint.yaml", "extends: [../c.yaml, shanghai-jiading-2024]\n")
    # The later entry wins: jiading sets the 2021 hierarchy over c.yaml's 2020; the
    # execution points, which no built-in set fixes (they come from each form's template),
    # stay b.yaml's.
    other = in_force(tmp_path / "other/form.txt")
    assert other["JX008"][1]["template"] == "2021"
    assert other["JX106"] == ("info", {"points": Decimal(30)})


def test_overrides_apply_by_glob_relative_to_the_config(tmp_path):
    write(tmp_path, ".jxlint.yaml", "overrides:\n  - files: ['old/**', '*.md']\n    rules: {JX005: off}\n    ignore: [JX1]\n")
    assert "JX005" in in_force(tmp_path / "new/form.txt")
    old = in_force(tmp_path / "old/2019/form.txt")
    assert "JX005" not in old and not any(code.startswith("JX1") for code in old)
    assert "JX005" not in in_force(tmp_path / "notes.md")


def test_select_replaces_and_extend_select_adds(tmp_path):
    write(tmp_path, "base.yaml", "select: [money]\n")
    write(tmp_path, ".jxlint.yaml", "extends: base.yaml\nextend-select: [JX501]\nignore: [JX108]\n")
    rules = in_force(tmp_path / "form.txt")
    # The money group (JX403 is in it too), JX501 added, JX108 ignored.
    assert set(rules) == {"JX101", "JX102", "JX103", "JX104", "JX105", "JX106", "JX107", "JX003", "JX403", "JX501"}


def test_command_line_select_and_ignore_come_last(tmp_path):
    write(tmp_path, ".jxlint.yaml", "select: [ALL]\n")
    rules = in_force(tmp_path / "form.txt", cli=command_line(("JX2",), ("JX203",), REGISTRY))
    assert set(rules) == {"JX201", "JX202", "JX204"}  # JX2 prefix: every totals rule but the ignored one


def test_a_locked_rule_cannot_be_lowered_or_turned_off(tmp_path):
    write(tmp_path, "province.yaml", "rules:\n  execution-score-mismatch: {locked: true}\n")
    write(tmp_path, "d1/.jxlint.yaml", "extends: ../province.yaml\nrules:\n  JX105: warning\n")
    write(tmp_path, "d2/.jxlint.yaml", "extends: ../province.yaml\nignore: [money]\n")
    write(tmp_path, "d3/.jxlint.yaml", "extends: ../province.yaml\nrules:\n  JX105: {locked: false}\n")
    write(tmp_path, "d4/.jxlint.yaml", "extends: ../province.yaml\nrules:\n  JX102: off\n")
    lowered = error_of(tmp_path / "d1/form.txt")
    assert lowered.message_id == "config.locked" and lowered.origin.line == 3 and lowered.origin.file.endswith("d1/.jxlint.yaml")
    assert "province.yaml:2" in message(lowered)
    assert error_of(tmp_path / "d2/form.txt").message_id == "config.locked_disabled"
    assert error_of(tmp_path / "d3/form.txt").message_id == "config.unlock"
    assert "JX105" in in_force(tmp_path / "d4/form.txt")
    with pytest.raises(ConfigError) as cli:
        Resolver(REGISTRY, None, command_line((), ("JX105",), REGISTRY)).effective(tmp_path / "d4/form.txt")
    assert cli.value.message_id == "config.locked_disabled" and "命令行" in str(cli.value.origin)


@pytest.mark.parametrize(
    "text, message_id, line, fragment",
    [
        ("rules:\n  JX105: [unclosed\n", "config.bad_yaml", 3, "不是有效的 YAML"),
        ("rulez:\n  JX105: off\n", "config.unknown_key", 1, "是否要写「rules」"),
        ("rules:\n  execution-score-mismatc: off\n", "config.unknown_rule", 2, "是否要写「execution-score-mismatch」"),
        ("rules:\n  JX105:\n    tolerence: 0.1\n", "config.unknown_option", 3, "是否要写「tolerance」"),
        ("rules:\n  JX105:\n    tolerance: abc\n", "config.option_type", 3, "应为数字，而不是「abc」"),
        ("rules:\n  JX008: {template: '2019'}\n", "config.option_type", 2, "应为以下之一：2020, 2021, any"),
        ("rules:\n  JX105: fatal\n", "config.severity", 2, "级别「fatal」无效"),
        ("extends: shanghai-jiading-2042\n", "config.unknown_rule_set", 1, "是否要写「shanghai-jiading-2024」"),
        ("extends: missing.yaml\n", "config.missing_file", 1, "不存在"),
        ("select: [JX9]\n", "config.unknown_selector", 1, "未知的规则选择「JX9」"),
        ("rules:\n  JX105: off\n  JX105: error\n", "config.duplicate_key", 3, "重复"),
        ("- a\n- b\n", "config.not_mapping", 1, "顶层应是键值映射"),
        ("overrides:\n  - rules: {JX105: off}\n", "config.override_files", 2, "files"),
    ],
)
def test_every_config_error_names_file_line_and_fix(tmp_path, text, message_id, line, fragment):
    write(tmp_path, ".jxlint.yaml", text)
    error = error_of(tmp_path / "form.txt")
    assert (error.message_id, error.origin.line) == (message_id, line)
    assert error.origin.file.endswith(".jxlint.yaml")
    assert fragment in message(error)
    assert message(error, "en")


def test_extends_cycle_is_reported(tmp_path):
    write(tmp_path, "a.yaml", "extends: b.yaml\n")
    write(tmp_path, "b.yaml", "extends: a.yaml\n")
    write(tmp_path, ".jxlint.yaml", "extends: a.yaml\n")
    error = error_of(tmp_path / "form.txt")
    assert error.message_id == "config.cycle" and "a.yaml → b.yaml → a.yaml" in message(error)


def test_configuration_is_read_with_the_safe_loader(tmp_path):
    write(tmp_path, ".jxlint.yaml", "rules: !!python/object/apply:os.system ['echo pwned']\n")
    assert error_of(tmp_path / "form.txt").message_id == "config.bad_yaml"


def test_bundled_rule_sets_all_load():
    for name, path in REGISTRY.rule_sets.items():
        settings = Resolver(REGISTRY, path, Settings()).settings_for(Path("x.txt"))[0]
        assert settings is not None, name
    assert {"national", "shanghai", "shanghai-jiading-2024", "shanghai-baoshan-2023", "shanghai-minhang-2022"} <= set(REGISTRY.rule_sets)
