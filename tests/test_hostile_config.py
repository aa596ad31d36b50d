"""A configuration is bounded data (issue 12, item 2): each reproduction ends within
seconds and a memory limit, with file:line and exit code 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.config import TOP_KEYS, ConfigError, Resolver, Settings
from linter.config_reader import MAX_DEPTH, MAX_VALUES
from linter.plugins import load_registry
from tests.bounded import jxlint

REGISTRY = load_registry()
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


def rules_with(tmp_path: Path, text: str | bytes, name: str = "jxlint.yaml"):
    config = tmp_path / name
    config.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return jxlint("rules", "--config", str(config), cwd=tmp_path)


def error_of(result) -> str:
    assert result.returncode == 2, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr and "内部错误" not in result.stderr.decode()
    return result.stderr.decode()


def test_a_1kb_alias_bomb_is_refused(tmp_path):
    assert len(BOMB) < 1024
    assert f"jxlint.yaml:1: 展开别名（&、*）后超过 {MAX_VALUES} 个值" in error_of(rules_with(tmp_path, BOMB))


def test_a_5000_deep_list_is_refused(tmp_path):
    message = error_of(rules_with(tmp_path, "select: " + "[" * 5000 + "]" * 5000 + "\n"))
    assert f"jxlint.yaml:1: 嵌套超过 {MAX_DEPTH} 层" in message


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_extends_to_a_device_is_refused(tmp_path, target):
    assert "extends 只接受规则集名称或 .yaml/.yml 配置文件" in error_of(rules_with(tmp_path, f"extends: [{target}]\n"))
    (tmp_path / "device.yaml").symlink_to(target)
    assert "不是普通文件" in error_of(rules_with(tmp_path, "extends: [./device.yaml]\n"))


def test_extends_to_a_fifo_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    assert "pipe.yaml: 不是普通文件" in error_of(rules_with(tmp_path, "extends: [./pipe.yaml]\n"))


def test_a_file_that_is_not_a_configuration_is_never_echoed(tmp_path):
    secret = "root:$6$salt$hashofthepassword:19000:0:99999:7:::"
    (tmp_path / "shadow").write_text(secret + "\n")
    (tmp_path / "secrets.yaml").write_text("password: hunter2-" + secret + "\n")
    for extends in ("./shadow", "./secrets.yaml"):
        message = error_of(rules_with(tmp_path, f"extends: [{extends}]\n"))
        assert "root" not in message.split(":", 2)[-1] and "hunter2" not in message


def test_an_extends_chain_is_limited(tmp_path):
    (tmp_path / "c0.yaml").write_text("rules: {}\n")
    for index in range(1, 40):
        (tmp_path / f"c{index}.yaml").write_text(f"extends: [./c{index - 1}.yaml]\n")
    assert "extends 链超过 32 层" in error_of(jxlint("rules", "--config", str(tmp_path / "c39.yaml"), cwd=tmp_path))


@pytest.mark.parametrize("text, line", [
    (b"rules:\n  JX102: {tolerance: \"\x01\"}\n", 2),
    (b"select: [ALL]\nrules: [\x07]\n", 2),
])
def test_control_bytes_give_file_and_line(tmp_path, text, line):
    assert f"jxlint.yaml:{line}: 配置文件含有不允许的控制字符" in error_of(rules_with(tmp_path, text))


def test_bytes_that_are_not_utf8_give_file_and_line(tmp_path):
    assert "jxlint.yaml:2: 配置文件不是 UTF-8 文本" in error_of(rules_with(tmp_path, b"select: [ALL]\n# \xff\xfe\n"))


@pytest.mark.parametrize("value", [".nan", "sNaN", ".inf", "-.inf", "-0.5", '"1e999999999"', '"1e-999999999"', "9" * 5000])
def test_decimal_options_must_be_finite_and_in_range(tmp_path, value):
    message = error_of(rules_with(tmp_path, f"rules:\n  JX201: {{total: {value}}}\n  JX102: {{tolerance: 0.5}}\n"))
    assert message.startswith("jxlint.yaml:2: ")


def test_a_config_over_the_size_limit_is_not_read(tmp_path):
    assert "配置文件超过 1000000 字节" in error_of(rules_with(tmp_path, "# " + "x" * 1_000_001 + "\n"))


# Never a crash on any configuration of the schema's shapes ---------------------------------

RULE_NAMES = sorted({*REGISTRY.rules, *(rule.name for rule in REGISTRY.rules.values())})
SCALARS = st.one_of(
    st.sampled_from(["error", "warning", "info", "off", "ALL", "JX1", "money", "national", "*.txt", "nan", "-inf", "1e99999"]),
    st.sampled_from(RULE_NAMES), st.integers(-10**30, 10**30), st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(), st.none(), st.text(max_size=12),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.sampled_from(["severity", "locked", "tolerance", "total", "bands", "files", "rules"]), st.text(max_size=6)), inner, max_size=4),
), max_leaves=12)
RULE_ENTRIES = st.dictionaries(st.sampled_from(RULE_NAMES), VALUES, max_size=4)
CONFIGS = st.fixed_dictionaries({}, optional={
    **{key: VALUES for key in TOP_KEYS},
    "rules": st.one_of(RULE_ENTRIES, VALUES),
    "extends": st.one_of(st.lists(st.sampled_from(["national", "shanghai", "./other.yaml", "missing.yml", "/etc/passwd"]), max_size=3), VALUES),
})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(config=CONFIGS)
def test_any_configuration_loads_or_is_a_config_error(tmp_path, config):
    path = tmp_path / "jxlint.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (tmp_path / "other.yaml").write_text("rules: {JX105: warning}\n", encoding="utf-8")
    try:
        Resolver(REGISTRY, path, Settings()).effective(tmp_path / "form.txt")
    except ConfigError as error:
        assert error.origin.file is not None


def test_overrides_that_are_not_a_list_give_file_and_line(tmp_path):
    # Found by test_any_configuration_loads_or_is_a_config_error: `overrides: 1` crashed.
    assert "jxlint.yaml:1: 配置项「overrides」应为 list" in error_of(rules_with(tmp_path, "overrides: 1\n"))
