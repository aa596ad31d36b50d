"""linter.api: plain, JSON-serialisable results; the same as the CLI's report."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from linter import api
from tests.conftest import FIXTURES, SEEDS

OTHER = Path(__file__).parent / "other-provinces"


def test_lint_path_is_the_json_report_of_one_file():
    result = api.lint_path(SEEDS["004"])
    assert json.loads(json.dumps(result, ensure_ascii=False)) == result
    cli = subprocess.run([sys.executable, "-m", "linter.cli", "lint", "-q", "--format", "json", str(SEEDS["004"])],
                         capture_output=True)
    report = json.loads(cli.stdout)
    assert result["diagnostics"] == report["diagnostics"]
    assert result["forms"] == report["files"][0]["forms"] and result["path"] == str(SEEDS["004"])
    assert result["summary"]["forms"] == 23 and result["summary"]["error"] == report["summary"]["error"] > 0
    assert result["api_version"] == api.API_VERSION == 1


def test_lint_bytes_names_the_bytes_and_is_pure():
    data = SEEDS["001"].read_bytes()
    first = api.lint_bytes(data, "嘉定.txt", lang="en")
    again = api.lint_bytes(data, "嘉定.txt", lang="en")
    assert first == again and first["path"] == "嘉定.txt"
    assert {d["path"] for d in first["diagnostics"]} == {"嘉定.txt"}
    by_path = api.lint_path(SEEDS["001"], lang="en")["diagnostics"]
    assert [{**d, "path": None} for d in first["diagnostics"]] == [{**d, "path": None} for d in by_path]
    only = api.lint_bytes(data, "x.txt", select=["JX105"])
    assert {d["code"] for d in only["diagnostics"]} <= {"JX105"}


def test_bad_input_is_a_finding_not_an_exception(tmp_path):
    result = api.lint_bytes(b"\x00\xff" * 100, "noise.bin")
    assert result["summary"]["forms"] == 0 and result["diagnostics"]
    missing = api.lint_path(tmp_path / "absent.txt")
    assert [d["code"] for d in missing["diagnostics"]] == ["JX000"]


def test_results_computed_elsewhere_make_the_cli_report(tmp_path):
    paths = api.discover([FIXTURES, OTHER])
    assert len(paths) == 3 + 15 + 1  # and other-provinces/INDEX.md, which is read too (no form: a finding)
    results = [api.lint_path_data(path) for path in reversed(paths)][::-1]  # computed in any order, merged in order
    for output_format in ("json", "sarif", "text"):
        stream = io.StringIO()
        api.write_report(results, stream, output_format)
        cli = subprocess.run([sys.executable, "-m", "linter.cli", "lint", "-q", "--jobs", "1", "--format", output_format,
                              str(FIXTURES), str(OTHER)], capture_output=True)
        assert stream.getvalue().encode("utf-8") == cli.stdout
