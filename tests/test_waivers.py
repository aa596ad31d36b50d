"""Waivers keyed to the table: a baseline written on a seed file still silences exactly
those findings after the forms are re-exported in another layout, and new defects show."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from linter.ast import Cell
from linter.cli import main
from linter.layouts import LAYOUTS
from linter.parse import parse_bytes
from linter.render import render
from tests.conftest import SEEDS


def _lint(*arguments: str):
    result = CliRunner().invoke(main, ["lint", "forms", "--format", "json", *arguments])
    assert result.exit_code in (0, 1), (result.stdout, result.stderr)
    return json.loads(result.stdout), result.stderr, result.exit_code


def _rerender(seed: str, layout: str, change=None) -> str:
    document = parse_bytes(SEEDS[seed].read_bytes(), str(SEEDS[seed]))
    if change:
        change(document)
    # a preface shifts every line: the baseline must not care
    return "导出自 Excel，另存为文本\n\n" + "\n\n".join(render(form, layout) for form in document.forms) + "\n"


@pytest.fixture
def district(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "forms").mkdir()
    return tmp_path


def _baseline(district: Path, seed: str) -> tuple[int, list]:
    (district / "forms" / "district.txt").write_bytes(SEEDS[seed].read_bytes())
    before, _, _ = _lint()
    out, stderr, code = _lint("--write-baseline", "jxlint-baseline.yaml")
    assert code == 0 and out["diagnostics"] == [] and out["summary"]["waived"] == len(before["diagnostics"])
    written = yaml.safe_load((district / "jxlint-baseline.yaml").read_text(encoding="utf-8"))
    assert written["version"] == 1
    assert sum(entry.get("count", 1) for entry in written["waivers"]) == len(before["diagnostics"])
    assert [p.name for p in district.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    return len(before["diagnostics"]), before["diagnostics"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_baseline_survives_relayout(district, layout):
    count, _ = _baseline(district, "003")
    assert count > 20
    (district / "forms" / "district.txt").write_text(_rerender("003", layout), encoding="utf-8")
    unwaived, _, _ = _lint()
    assert len(unwaived["diagnostics"]) == count  # the findings are really there in the new layout…
    assert {d["line"] for d in unwaived["diagnostics"]} != {d["line"] for d in _lint_original("003")}  # …on other lines
    out, stderr, code = _lint("--baseline", "jxlint-baseline.yaml")
    assert out["diagnostics"] == [] and out["summary"]["waived"] == count and code == 0
    assert "豁免没有匹配任何问题" not in stderr


def _lint_original(seed: str) -> list:
    from linter.engine import Linter

    return [{"line": d.span.line} for d in Linter().lint_path(SEEDS[seed]).diagnostics]


def test_new_defect_still_shows_and_fixed_one_is_reported_unused(district):
    count, _ = _baseline(district, "004")

    def break_total(document):
        form = next(f for f in document.forms if f.project_name == "35 名交通辅警经费")
        score = form.total.score
        form.total.score = Cell("77", score.span, Decimal("77"))

    (district / "forms" / "district.txt").write_text(_rerender("004", "spaces", break_total), encoding="utf-8")
    out, stderr, code = _lint("--baseline", "jxlint-baseline.yaml")
    shown = out["diagnostics"]
    assert shown and {d["form"]["project"] for d in shown} == {"35 名交通辅警经费"}
    assert "JX202" in {d["code"] for d in shown} and code == 1
    assert all(d["line"] > 1 for d in shown)
    # the renderer writes the canonical 二级 label, so the truncated-label finding is gone: its waiver is unused
    assert out["summary"]["waived"] == count - 1
    assert stderr.count("豁免没有匹配任何问题") == 1 and "JX008" in stderr and "jxlint-baseline.yaml:" in stderr


def test_config_waivers_need_a_reason_and_are_reported_when_unused(district):
    (district / "forms" / "district.txt").write_bytes(SEEDS["004"].read_bytes())
    config = district / ".jxlint.yaml"
    config.write_text(
        "waivers:\n"
        "  - code: JX105\n    form: 反电信诈骗费用\n    table_path: 项目资金/年度资金总额/得分\n"
        "    reason: 区财政局 2023 年同意按整数计分\n"
        "  - code: JX202\n    file: 'forms/*.txt'\n    form: 没有这张表\n    reason: 已核实\n",
        encoding="utf-8",
    )
    out, stderr, code = _lint()
    assert "JX105" not in {d["code"] for d in out["diagnostics"]}
    assert out["summary"]["waived"] == 1 and out["summary"]["error"] > 0
    assert ".jxlint.yaml:6: 豁免没有匹配任何问题" in stderr
    config.write_text("waivers:\n  - code: JX105\n    form: 反电信诈骗费用\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "forms"])
    assert result.exit_code == 2 and ".jxlint.yaml:2: 豁免（waivers）的每一项都需要 reason" in result.stderr


def test_text_report_counts_waived(district):
    (district / "forms" / "district.txt").write_bytes(SEEDS["004"].read_bytes())
    (district / "jxlint-baseline.yaml").write_text(
        "version: 1\nwaivers:\n  - file: forms/district.txt\n    form: 反电信诈骗费用\n    code: JX105\n"
        "    table_path: 项目资金/年度资金总额/得分\n    cell: '0'\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["lint", "forms", "--baseline", "jxlint-baseline.yaml"])
    assert result.stdout.rstrip().endswith("；1 个问题已豁免")
    assert "JX105" not in result.stdout
    result = CliRunner().invoke(main, ["lint", "forms", "--baseline", "jxlint-baseline.yaml", "--lang", "en"])
    assert result.stdout.rstrip().endswith("; 1 waived")


def test_count_limits_identical_findings(district):
    from linter.engine import Linter, LintResult
    from linter.waivers import apply_waivers, load_baseline, write_baseline

    (district / "forms" / "district.txt").write_bytes(SEEDS["004"].read_bytes())
    linter = Linter()
    result = LintResult(linter.lint_paths(["forms"]))
    write_baseline(district / "b.yaml", result.diagnostics)
    entries = yaml.safe_load((district / "b.yaml").read_text(encoding="utf-8"))["waivers"]
    repeated = next(entry for entry in entries if entry.get("count", 1) > 1)
    repeated["count"] -= 1
    (district / "b.yaml").write_text(yaml.safe_dump({"version": 1, "waivers": entries}, allow_unicode=True), encoding="utf-8")
    again = LintResult(linter.lint_paths(["forms"]))
    assert apply_waivers(again, load_baseline(district / "b.yaml")) == []
    assert len(again.diagnostics) == 1 and again.diagnostics[0].code == repeated["code"]


def test_rewriting_a_baseline_keeps_accepted_findings_and_config_waivers_stay_used(district):
    (district / "forms" / "district.txt").write_bytes(SEEDS["004"].read_bytes())
    (district / ".jxlint.yaml").write_text("waivers:\n  - code: JX105\n    reason: 同意\n", encoding="utf-8")
    first, _, _ = _lint("--write-baseline", "b.yaml")
    again, stderr, code = _lint("--baseline", "b.yaml", "--write-baseline", "b.yaml")
    assert code == 0 and again["summary"]["waived"] == first["summary"]["waived"] > 100
    assert "豁免没有匹配任何问题" not in stderr  # the config waiver matched, though the baseline was applied after it
    assert "JX105" not in (district / "b.yaml").read_text(encoding="utf-8")


def test_a_baseline_key_left_out_must_be_absent(district):
    (district / "forms" / "district.txt").write_bytes(SEEDS["004"].read_bytes())
    (district / "b.yaml").write_text(
        "version: 1\nwaivers:\n  - file: forms/district.txt\n    form: 反电信诈骗费用\n    code: JX105\n", encoding="utf-8",
    )
    out, stderr, _ = _lint("--baseline", "b.yaml")
    assert "JX105" in {d["code"] for d in out["diagnostics"]} and out["summary"]["waived"] == 0
    assert "b.yaml:3: 豁免没有匹配任何问题" in stderr
