from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from linter.cli import main
from tests.conftest import SEEDS


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_parse_json_reports_all_seed_forms():
    result = run("parse", *map(str, SEEDS.values()), "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert (out["schema"], out["version"]) == ("jxlint-ast", 2)
    forms = [form for file in out["files"] for form in file["forms"]]
    assert len(forms) == 38 and all(form["parsed"] and not form["problems"] for form in forms)
    total = forms[0]["funds"]["rows"][0]
    assert total["executed"] == {
        "raw": "543.69", "span": {"line": 19, "column": 23, "end_line": 19, "end_column": 29}, "value": "543.69",
    }
    target = forms[0]["indicators"][1]["target"]
    assert target["value"] == {"comparator": "≥", "number": "90.00", "unit": "%", "text": None}


def test_parse_json_is_compact_by_default_and_indented_with_pretty():
    compact = run("parse", str(SEEDS["003"]), "--format", "json")
    pretty = run("parse", str(SEEDS["003"]), "--format", "json", "--pretty")
    assert compact.exit_code == pretty.exit_code == 0
    assert compact.output.count("\n") == 1 and pretty.output.count("\n") > 1000
    assert json.loads(compact.output) == json.loads(pretty.output)
    assert run("parse", str(SEEDS["003"]), "--pretty").exit_code == 2  # --pretty is for JSON


def test_parse_reads_standard_input_and_prints_an_outline():
    result = run("parse", "-", input=SEEDS["003"].read_bytes())
    assert result.exit_code == 0
    assert "<stdin> (utf-8): 10 张表" in result.output
    assert "系统及平台运行维护费" in result.output


def test_parse_exits_1_on_a_parse_diagnostic_in_the_chosen_language():
    broken = "\n".join(SEEDS["004"].read_text(encoding="utf-8").split("\n")[:12]).encode()
    result = run("parse", "-", "--lang", "en", input=broken)
    assert result.exit_code == 1
    assert "the form is incomplete" in result.output or "damaged structure" in result.output
    zh = run("parse", "-", input=broken)
    assert "表格" in zh.output


def test_parse_binary_and_missing_files():
    assert run("parse", "-", input=b"\x00\x01binary").exit_code == 1
    missing = run("parse", "no/such/file.txt")
    assert missing.exit_code == 1 and "无法读取文件" in missing.output


def test_usage_error_exits_2():
    assert run("parse").exit_code == 2
    assert run("parse", "x", "--format", "xml").exit_code == 2


def test_installed_console_script_starts():
    result = subprocess.run([sys.executable, "-m", "linter.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "jxlint, version 0.1.0"
