"""CI report formats (sarif, github, junit, gitlab), read back by the tools that consume them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
import junitparser
import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.engine import Diagnostic, FileResult, LintResult
from linter.ast import Span
from linter.messages import Catalog
from linter.report.github import annotation, format_github
from linter.report.output import report_stream
from tests.conftest import FIXTURES, SEEDS
from tests.forms import BASE, REGISTRY, form

# The OASIS SARIF 2.1.0 schema (errata01); where it comes from: tests/data/README.md.
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def sarif_errors(log: dict) -> list[str]:
    validator = jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(log)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sarif_of_every_seed_validates_against_the_oasis_schema(lang):
    result = run("lint", str(FIXTURES), "--format", "sarif", "--lang", lang)
    log = json.loads(result.output)
    assert sarif_errors(log) == []
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == sorted(REGISTRY.rules)  # every rule, not only those found
    jx105 = next(rule for rule in rules if rule["id"] == "JX105")
    assert jx105["name"] == "execution-score-mismatch" and jx105["defaultConfiguration"] == {"level": "error"}
    short = jx105["shortDescription"]["text"]
    assert ("预算执行得分不等于" in short) if lang == "zh" else short.startswith("The budget-execution 得分 is not")
    assert "## What it checks" not in jx105["fullDescription"]["text"] and jx105["fullDescription"]["text"]
    assert ("## 检查什么" in jx105["help"]["text"]) if lang == "zh" else ("## What it checks" in jx105["help"]["text"])
    assert urlparse(jx105["helpUri"]).scheme in ("file", "https") and jx105["helpUri"].endswith("#jx105")
    assert next(rule for rule in rules if rule["id"] == "JX402")["defaultConfiguration"]["level"] in ("note", "warning")
    found = next(r for r in run_["results"] if r["ruleId"] == "JX105")
    location = found["locations"][0]
    assert location["physicalLocation"]["region"] == {"startLine": 248, "startColumn": 35, "endLine": 248, "endColumn": 36}
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("004_c0b3f901b49db276.txt")
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "项目资金/年度资金总额/得分"
    assert rules[found["ruleIndex"]]["id"] == "JX105"
    assert run_["invocations"] == [{"executionSuccessful": True}]
    total = next(r for r in run_["results"] if r["ruleId"] == "JX202")
    assert len(total["relatedLocations"]) >= 2  # the cells the total is made of


def test_sarif_fingerprints_are_stable_across_runs_and_unrelated_edits(tmp_path):
    text = SEEDS["004"].read_text(encoding="utf-8")
    path = tmp_path / "004.txt"

    def fingerprints() -> dict[str, tuple[int, str]]:
        log = json.loads(run("lint", str(path), "--format", "sarif").output)
        assert sarif_errors(log) == []
        results = log["runs"][0]["results"]
        prints = {r["partialFingerprints"]["jxlint/v1"]: (r["locations"][0]["physicalLocation"]["region"]["startLine"], r["ruleId"]) for r in results}
        assert len(prints) == len(results)  # one finding, one fingerprint
        return prints

    path.write_text(text, encoding="utf-8")
    first = fingerprints()
    assert fingerprints() == first
    path.write_text("附件：2022 年度自评表\n\n" + text, encoding="utf-8")  # every line moves down by two
    moved = fingerprints()
    assert moved.keys() == first.keys()
    assert all(moved[key] == (line + 2, code) for key, (line, code) in first.items())


def test_sarif_names_a_chinese_file_by_a_valid_relative_uri(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("闵行 2022.txt").write_text(form(("\t100\t99.00", "\t100\t98.00")), encoding="utf-8")
    log = json.loads(run("lint", "闵行 2022.txt", "--format", "sarif").output)
    assert sarif_errors(log) == []
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "%E9%97%B5%E8%A1%8C%202022.txt"


def test_github_annotations_escape_as_github_requires():
    diagnostic = Diagnostic(
        "reports/a,b:c.txt", 1, "p", 1, "JX105", "execution-score-mismatch", "error", Span(248, 35, 248, 39),
        "100% wrong\r\nsecond: line, more",
    )
    assert annotation(diagnostic) == (
        "::error file=reports/a%2Cb%3Ac.txt,line=248,col=35,endLine=248,endColumn=38,"
        "title=JX105 execution-score-mismatch::100%25 wrong%0D%0Asecond: line, more"
    )
    spanning = Diagnostic("a.txt", None, None, None, "JX004", "missing-header-field", "info", Span(3, 5, 4, 2), "m")
    assert annotation(spanning) == "::notice file=a.txt,line=3,endLine=4,title=JX004 missing-header-field::m"


def test_github_format_on_a_seed():
    result = run("lint", str(SEEDS["004"]), "--format", "github", "--select", "JX105,JX402")
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert f"::error file={SEEDS['004']},line=248,col=35,endLine=248,endColumn=35,title=JX105 execution-score-mismatch::预算执行得分 0 ≠ min(执行率 45.65%25, 100%25) × 分值 10 = 4.57" in lines
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-1])
    assert lines[-1].startswith("检查了 1 个文件、23 张表：")


def test_junit_report_read_by_junitparser(tmp_path):
    report = tmp_path / "jxlint.xml"
    result = run("lint", str(FIXTURES), "--format", "junit", "--output", str(report))
    assert result.exit_code == 1 and result.output == ""
    xml = junitparser.JUnitXml.fromfile(str(report))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {str(path) for path in SEEDS.values()}
    suite = suites[str(SEEDS["004"])]
    cases = list(suite)
    assert len(cases) == suite.tests == 23  # one case per form
    form8 = next(case for case in cases if case.name == "表 8「反电信诈骗费用」")
    [failure] = form8.result
    assert isinstance(failure, junitparser.Failure)
    assert f"{SEEDS['004']}:248:35: error JX105 [execution-score-mismatch]" in failure.text
    failing = [case for case in cases if case.result]
    assert suite.failures == len(failing) > 0
    assert all(not case.result for case in suites[str(SEEDS["001"])])  # 001 has no error-level finding


def test_junit_file_level_findings_are_a_case_of_their_own(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("no form here\n", encoding="utf-8")
    report = tmp_path / "r.xml"
    run("lint", str(empty), "--format", "junit", "-o", str(report), "--lang", "en")
    [suite] = list(junitparser.JUnitXml.fromfile(str(report)))
    [case] = list(suite)
    assert case.name == str(empty) and suite.tests == 1
    assert "JX002" in (case.system_out or "") + "".join(r.text or "" for r in case.result)


def test_gitlab_code_quality():
    result = run("lint", str(FIXTURES), "--format", "gitlab")
    issues = json.loads(result.output)
    report = json.loads(run("lint", str(FIXTURES), "--format", "json").output)
    assert len(issues) == len(report["diagnostics"])
    for issue, diagnostic in zip(issues, report["diagnostics"]):
        assert issue["check_name"] == diagnostic["code"]
        assert issue["location"]["path"] == diagnostic["path"] and issue["location"]["lines"]["begin"] == diagnostic["line"]
        assert issue["severity"] == {"error": "major", "warning": "minor", "info": "info"}[diagnostic["severity"]]
        assert diagnostic["message"] in issue["description"]
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert json.loads(run("lint", str(FIXTURES), "--format", "gitlab").output) == issues  # stable


def test_gitlab_marks_a_crashed_rule_critical(monkeypatch):
    rule = REGISTRY.rules["JX202"]

    def broken(form, options):
        raise ZeroDivisionError("boom")
        yield

    monkeypatch.setitem(REGISTRY.rules, "JX202", type(rule)(**{**rule.__dict__, "check": broken}))
    from linter.report.gitlab import code_quality
    from linter.engine import Linter

    linter = Linter(registry=REGISTRY)
    file = linter.lint_bytes(BASE.encode(), "a.txt", Path("a.txt"))
    [issue] = code_quality(LintResult([file], REGISTRY.rules))
    assert issue["severity"] == "critical" and "JX202" in issue["description"]


def test_output_is_written_whole_or_not_at_all(tmp_path):
    target = tmp_path / "report.sarif"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), report_stream(str(target)) as stream:
        stream.write("half a report")
        raise RuntimeError("the formatter failed")
    assert target.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["report.sarif"]
    result = run("lint", str(SEEDS["001"]), "--format", "sarif", "--output", str(target))
    assert result.exit_code == 0 and result.output == ""
    assert sarif_errors(json.loads(target.read_text(encoding="utf-8"))) == [] and os.listdir(tmp_path) == ["report.sarif"]
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)  # an ordinary file, not mkstemp's private one


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path):
    for command in ("lint", "parse"):
        result = run(command, str(SEEDS["001"]), "--output", str(tmp_path / "no" / "report.txt"))
        assert result.exit_code == 2 and "does not exist" in result.output


def test_every_format_goes_through_the_formatter_hook():
    assert {"text", "json", "sarif", "github", "junit", "gitlab"} <= set(REGISTRY.formatters)
    assert {"text", "json"} <= set(REGISTRY.parse_formatters)


def test_parse_format_and_output(tmp_path):
    target = tmp_path / "ast.json"
    result = run("parse", str(SEEDS["001"]), "--format", "json", "-o", str(target))
    assert result.exit_code == 0 and result.output == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))["files"][0]["forms"]) == 5
    unknown = run("parse", str(SEEDS["001"]), "--format", "sarif")
    assert unknown.exit_code == 2 and "known: json, text" in unknown.output


def test_console_script_lints_standard_input_under_the_given_path(tmp_path):
    """What an editor or a hook does: the buffer on stdin, its path for config and messages."""
    district = tmp_path / "district"
    district.mkdir()
    (district / ".jxlint.yaml").write_text("ignore: [JX202]\n", encoding="utf-8")
    text = form(("\t100\t99.00", "\t100\t98.00"))
    command = [sys.executable, "-m", "linter.cli", "lint", "-", "--format", "github", "--stdin-filename"]
    inside = subprocess.run([*command, str(district / "a.txt")], input=text.encode(), capture_output=True)
    outside = subprocess.run([*command, str(tmp_path / "a.txt")], input=text.encode(), capture_output=True)
    assert inside.returncode == 0 and b"JX202" not in inside.stdout  # district's config applied
    assert outside.returncode == 1
    assert f"::error file={tmp_path / 'a.txt'},line=17,col=13,".encode() in outside.stdout
