"""`jxlint init`: the rule set that fits a folder of real forms, written atomically, never over
an existing configuration without --force, with the reasons in Chinese or English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.init_config import Match, read_match
from linter.plugins import load_registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
OTHERS = ROOT / "tests" / "other-provinces"


def init(folder: Path, *args: str):
    return CliRunner().invoke(main, ["init", str(folder), *args])


def extends(folder: Path) -> str:
    import yaml

    return yaml.safe_load((folder / ".jxlint.yaml").read_text(encoding="utf-8"))["extends"]


@pytest.mark.parametrize("source, rule_set", [
    (FIXTURES / "004_c0b3f901b49db276.txt", "shanghai-minhang-2022"),  # 闵行 2022
    (FIXTURES / "001_ce3da03141c568d9.txt", "shanghai-jiading-2024"),  # 嘉定 2024
    (FIXTURES / "003_01ee96ef31214bdb.txt", "shanghai-baoshan-2023"),  # 宝山 2023
    (OTHERS / "006_hubei-style-changjiang_2020.txt", "hubei-2020"),
    (OTHERS / "007_hubei-xiangyang_2021.txt", "hubei-2020"),
    (OTHERS / "012_yunnan-lijiang_2020.txt", "yunnan-2020"),
    (OTHERS / "009_shanxi-jishan_2020.txt", "national-2020"),  # the national form, 2020
    (OTHERS / "001_anhui-jinzhai_2023.txt", "national"),  # a 部门整体 form: no set more specific
])
def test_init_picks_the_rule_set_of_real_forms(tmp_path, source, rule_set):
    shutil.copy(source, tmp_path / source.name)
    result = init(tmp_path)
    assert result.exit_code == 0, result.output
    assert extends(tmp_path) == rule_set
    assert f"extends {rule_set}" in result.output and "依据：" in result.output


def test_init_says_why_in_chinese_or_english(tmp_path):
    shutil.copy(FIXTURES / "004_c0b3f901b49db276.txt", tmp_path)
    zh = init(tmp_path).output
    assert "模板 shanghai" in zh and "「闵行」" in zh and "共读到 23 张表，其中 22 张适用 shanghai-minhang-2022" in zh
    en = init(tmp_path, "--force", "--lang", "en").output
    assert "because: template shanghai; '闵行' in 主管部门, 实施单位 or the title; amounts in 万元" in en
    assert "23 forms read, 22 of them fit shanghai-minhang-2022" in en
    assert "other forms fit: shanghai (1)" in en


def test_the_written_configuration_lints(tmp_path):
    shutil.copy(FIXTURES / "004_c0b3f901b49db276.txt", tmp_path)
    assert init(tmp_path).exit_code == 0
    result = CliRunner().invoke(main, ["lint", str(tmp_path), "-q", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    shown = CliRunner().invoke(main, ["config", "explain", str(tmp_path / "004_c0b3f901b49db276.txt")])
    assert "shanghai-minhang-2022.yaml" in shown.output


def test_an_existing_configuration_is_kept_without_force(tmp_path):
    shutil.copy(FIXTURES / "003_01ee96ef31214bdb.txt", tmp_path)
    (tmp_path / ".jxlint.yaml").write_text("extends: national\n# mine\n", encoding="utf-8")
    result = init(tmp_path)
    assert result.exit_code == 2 and "--force" in result.output
    assert (tmp_path / ".jxlint.yaml").read_text(encoding="utf-8") == "extends: national\n# mine\n"
    assert init(tmp_path, "--force").exit_code == 0
    assert extends(tmp_path) == "shanghai-baoshan-2023"
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")] == []


def test_a_jxlint_yaml_without_the_dot_is_kept_too(tmp_path):
    (tmp_path / "jxlint.yaml").write_text("extends: national\n", encoding="utf-8")
    result = init(tmp_path)
    assert result.exit_code == 2 and "jxlint.yaml" in result.output
    assert not (tmp_path / ".jxlint.yaml").exists()


def test_an_empty_folder_gets_the_national_set(tmp_path):
    result = init(tmp_path)
    assert result.exit_code == 0 and extends(tmp_path) == "national"


def test_every_bundled_rule_set_match_is_valid_data():
    registry = load_registry(plugins=False)
    matches = {name: read_match(name, path) for name, path in registry.rule_sets.items()}
    assert matches["national"] is None  # the fallback declares nothing
    templates = {template.id for template in registry.templates}
    for name, match in matches.items():
        if match is not None:
            assert isinstance(match, Match) and set(match.templates) <= templates, name


def test_a_district_set_needs_its_unit_too(tmp_path):
    # The 闵行 forms printed in 元 instead of 万元: not the 闵行 2022 set, the Shanghai one.
    text = (FIXTURES / "004_c0b3f901b49db276.txt").read_text(encoding="utf-8")
    (tmp_path / "minhang.txt").write_text(text.replace("(万元)", "(元)").replace("（万元）", "（元）"), encoding="utf-8")
    result = init(tmp_path)
    assert result.exit_code == 0 and extends(tmp_path) == "shanghai"
