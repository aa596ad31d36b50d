from __future__ import annotations

import json

from click.testing import CliRunner

from linter.cli import main
from linter.shown import display_width
from tests.conftest import FIXTURES, SEEDS
from tests.forms import BASE, form
from tests.forms import REGISTRY


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_lint_seed_folder_prints_chinese_findings_with_carets():
    result = run("lint", str(FIXTURES))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    index = next(i for i, line in enumerate(lines) if ":248:35: JX105 [execution-score-mismatch]" in line)
    assert lines[index].endswith("预算执行得分 0 ≠ min(执行率 45.65%, 100%) × 分值 10 = 4.57")
    assert lines[index + 2].startswith("248 |")
    source = lines[index + 2].split("| ", 1)[1]
    caret = lines[index + 3].split("| ", 1)[1]
    assert caret.strip() == "^"
    # The caret's display column is that of the cell `0` in the source line shown above it.
    prefix = source[: source.rindex("\t0") + 1] if "\t" in source else source[: source.rindex(" 0") + 1]
    assert display_width(prefix) == caret.index("^") and source[len(prefix)] == "0"
    assert lines[index + 4].strip() == "= 错误 · 表 8「反电信诈骗费用」 · 项目资金/年度资金总额/得分"
    assert lines[-1].startswith("检查了 3 个文件、38 张表：")


def test_lint_json_report_matches_the_schema():
    result = run("lint", str(FIXTURES), "--format", "json")
    report = json.loads(result.output)
    assert report["version"] == 2
    assert [file["path"].rsplit("/", 1)[1] for file in report["files"]] == sorted(path.name for path in SEEDS.values())
    assert report["files"][0]["encoding"] == "utf-8" and len(report["files"][0]["forms"]) == 5
    assert report["files"][0]["forms"][0] == {"index": 1, "project": "其他专项工作经费", "line": 2, "layout": "pdf", "parsed": True,
                                               "template": "shanghai"}
    keys = {"path", "form", "code", "name", "severity", "line", "column", "end_line", "end_column", "message", "table_path", "location"}
    for diagnostic in report["diagnostics"]:
        assert keys <= set(diagnostic) <= keys | {"expected", "actual"}
        assert diagnostic["location"] is None  # text: line and column say where
        assert set(diagnostic["form"]) == {"index", "project", "line"}
    jx105 = next(d for d in report["diagnostics"] if d["code"] == "JX105")
    assert (jx105["line"], jx105["column"], jx105["end_column"], jx105["expected"], jx105["actual"]) == (248, 35, 36, "4.57", "0")
    assert jx105["form"] == {"index": 8, "project": "反电信诈骗费用", "line": 241}  # the form starts at its title
    summary = report["summary"]
    assert summary["forms"] == 38 and summary["files"] == 3 and summary["error"] == len([d for d in report["diagnostics"] if d["severity"] == "error"])


def test_sarif_report():
    sarif = json.loads(run("lint", str(SEEDS["004"]), "--format", "sarif", "--select", "JX105").output)
    run_ = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run_["columnKind"] == "unicodeCodePoints"
    [result] = run_["results"]
    assert result["ruleId"] == "JX105" and result["locations"][0]["physicalLocation"]["region"]["startLine"] == 248
    assert run_["tool"]["driver"]["rules"][result["ruleIndex"]]["name"] == "execution-score-mismatch"


def test_exit_codes_and_strict():
    clean = run("lint", "-", "--stdin-filename", "form.txt", input=BASE.encode())
    assert clean.exit_code == 0 and "0 个错误" in clean.output
    warning_only = form(("系统已于年内建成并稳定运行", "良好"))
    assert run("lint", "-", input=warning_only.encode()).exit_code == 0
    assert run("lint", "-", "--strict", input=warning_only.encode()).exit_code == 1
    assert run("lint", "-", input=form(("\t100\t99.00", "\t100\t98.00")).encode()).exit_code == 1


def test_stdin_filename_names_the_findings_and_finds_the_config(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("rules:\n  missing-overall-goal: error\n", encoding="utf-8")
    text = form(("系统已于年内建成并稳定运行", "良好"))
    result = run("lint", "-", "--stdin-filename", str(tmp_path / "district" / "a.txt"), input=text.encode())
    assert result.exit_code == 1 and f"{tmp_path}/district/a.txt:11:16: JX005" in result.output


def test_select_ignore_and_english():
    result = run("lint", str(SEEDS["004"]), "--select", "JX2", "--ignore", "JX201", "--lang", "en", "--format", "json")
    codes = {d["code"] for d in json.loads(result.output)["diagnostics"]}
    assert codes == {"JX202"}
    text = run("lint", str(SEEDS["004"]), "--select", "score-total-mismatch", "--lang", "en")
    assert "total score 90 ≠ execution score 0 + indicator scores 80 = 80" in text.output
    assert text.output.splitlines()[-1].startswith("checked 1 file, 23 forms: 3 errors")


def test_usage_and_config_errors_exit_2(tmp_path):
    assert run("lint", "no/such/path").exit_code == 2
    assert run("lint", str(SEEDS["001"]), "--format", "xml").exit_code == 2
    assert run("lint", str(SEEDS["001"]), "--select", "JX9").exit_code == 2
    config = tmp_path / "jxlint.yaml"
    config.write_text("rules:\n  execution-score-mismatc: off\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(SEEDS["001"]), "--config", str(config)])
    assert result.exit_code == 2
    assert "jxlint.yaml:2: 未知的规则「execution-score-mismatc」（是否要写「execution-score-mismatch」？）" in result.output


def test_folders_are_walked_with_include_and_exclude(tmp_path):
    (tmp_path / "a.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "b.md").write_text(BASE, encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4\x00")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "d.txt").write_text(BASE, encoding="utf-8")
    report = json.loads(run("lint", str(tmp_path), "--format", "json").output)
    # c.pdf is taken (documents are read), and reported as damaged.
    assert sorted(file["path"].rsplit("/", 1)[1] for file in report["files"]) == ["a.txt", "b.md", "c.pdf"]
    (tmp_path / ".jxlint.yaml").write_text("include: ['*.txt']\n", encoding="utf-8")
    report = json.loads(run("lint", str(tmp_path), "--format", "json").output)
    assert [file["path"].rsplit("/", 1)[1] for file in report["files"]] == ["a.txt"]


def test_a_file_without_forms_and_a_binary_file(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("会议纪要\n", encoding="utf-8")
    binary = tmp_path / "form.txt"
    binary.write_bytes(b"PK\x03\x04\x00\x00")
    result = run("lint", str(notes), str(binary))
    assert "JX002 [no-form-found]" in result.output and "JX000 [unreadable-file]" in result.output
    assert result.exit_code == 1


def test_rules_explain_and_config_commands(tmp_path):
    rules = run("rules", "--format", "json")
    listed = json.loads(rules.output)
    assert len(listed) == len(REGISTRY.rules) and all(row["enabled"] for row in listed)
    explained = run("explain", "JX105")
    assert explained.exit_code == 0
    for heading in ("## 检查什么", "## 为什么重要", "## 错误示例", "## 正确示例", "## 依据"):
        assert heading in explained.output
    assert "预算执行得分 0 ≠ min(执行率 90.00%, 100%) × 分值 10 = 9.00" in explained.output  # the example's finding
    english = run("explain", "JX105", "--lang", "en")
    for heading in ("## What it checks", "## Why it matters", "## Failing example", "## Passing example", "## Source"):
        assert heading in english.output
    assert "budget-execution score 0 ≠ min(rate 90.00%, 100%) × points 10 = 9.00" in english.output
    assert run("explain", "execution-score-mismatch").output == explained.output
    assert run("explain", "JX999").exit_code == 2
    (tmp_path / ".jxlint.yaml").write_text("extends: shanghai-minhang-2022\nrules:\n  JX106: {points: 12}\n", encoding="utf-8")
    shown = run("config", "show", str(tmp_path / "form.txt"))
    assert "JX106:" in shown.output and "points: '12'" in shown.output
    explained_config = run("config", "explain", str(tmp_path / "form.txt"))
    [points_line] = [line for line in explained_config.output.splitlines() if "points = 12" in line]
    assert points_line.endswith(".jxlint.yaml:3")
    assert "template = 2020  ← " in explained_config.output and "shanghai-minhang-2022.yaml:5" in explained_config.output


def test_an_unexpected_exception_is_an_internal_error_with_exit_3(monkeypatch):
    import linter.engine

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(linter.engine.Linter, "lint_path", broken)
    result = CliRunner().invoke(main, ["lint", str(SEEDS["001"])])
    assert result.exit_code == 3
    assert "内部错误 (internal error): RuntimeError: simulated bug" in result.output
