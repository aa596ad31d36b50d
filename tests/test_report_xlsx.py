"""The findings workbook, read back with openpyxl."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.engine import Linter, LintResult
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seeds_result() -> LintResult:
    linter = Linter()
    return LintResult(linter.lint_paths([str(p) for p in SEEDS.values()]), linter.registry.rules)


def _write(tmp_path: Path, *arguments: str) -> openpyxl.Workbook:
    out = tmp_path / "findings.xlsx"
    result = CliRunner().invoke(main, ["lint", *(str(p) for p in SEEDS.values()), "--format", "xlsx", "-o", str(out), *arguments])
    assert result.exit_code == 1, result.output  # the seeds have errors
    assert result.output == ""  # nothing on standard output when writing a file
    return openpyxl.load_workbook(out)


def test_every_finding_with_its_form_and_unit(tmp_path, seeds_result):
    book = _write(tmp_path)
    assert book.sheetnames == ["问题清单", "按实施单位", "按规则", "各表"]
    sheet = book["问题清单"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["文件", "序号", "项目名称", "实施单位", "位置", "代码", "规则名", "级别", "说明", "应为", "实为", "表内位置", "单元格"]
    rows = [dict(zip(header, (cell.value for cell in row))) for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == len(seeds_result.diagnostics) > 100
    jx105 = next(row for row in rows if row["代码"] == "JX105")
    assert jx105["项目名称"] == "反电信诈骗费用" and jx105["实施单位"] == "平安办"
    assert jx105["位置"] == "248:35" and jx105["级别"] == "错误"
    assert jx105["应为"] == pytest.approx(4.57) and jx105["实为"] == 0
    assert jx105["表内位置"] == "项目资金/年度资金总额/得分" and jx105["单元格"] == "0"
    for name in book.sheetnames:
        assert book[name].freeze_panes == "A2"
        assert book[name].auto_filter.ref.startswith("A1:")
        assert book[name].auto_filter.ref.endswith(str(book[name].max_row))


def test_summaries_add_up(tmp_path, seeds_result):
    book = _write(tmp_path)
    by_rule = {row[0].value: row for row in book["按规则"].iter_rows(min_row=2)}
    expected = Counter(d.code for d in seeds_result.diagnostics)
    assert {code: row[5].value for code, row in by_rule.items()} == dict(expected)
    units = list(book["按实施单位"].iter_rows(min_row=2, values_only=True))
    assert sum(row[1] for row in units) == 38  # every form under one unit
    assert sum(row[6] for row in units) == sum(1 for d in seeds_result.diagnostics if d.form_index is not None)
    forms = list(book["各表"].iter_rows(min_row=2, values_only=True))
    assert len(forms) == 38


def test_english_headers(tmp_path):
    book = _write(tmp_path, "--lang", "en")
    assert book.sheetnames == ["findings", "by unit", "by rule", "forms"]
    assert book["findings"]["F1"].value == "code"


def test_text_is_never_a_formula(tmp_path):
    from linter.ast import Span
    from linter.engine import Diagnostic, FileResult, FormSummary
    from linter.report.xlsx import workbook_bytes

    formula = '=HYPERLINK("http://example.invalid","x")'
    form = FormSummary(1, formula, 1, "tsv", True, implementer=formula)
    finding = Diagnostic("a.txt", 1, formula, 1, "JX105", "execution-score-mismatch", "error", Span(1, 1, 1, 2), "m\x01", cell=formula)
    out = tmp_path / "x.xlsx"
    out.write_bytes(workbook_bytes(LintResult([FileResult("a.txt", "utf-8", [form], [finding])]), "zh"))
    row = next(openpyxl.load_workbook(out)["问题清单"].iter_rows(min_row=2))
    assert row[2].value == formula and row[2].data_type == "s"
    assert row[12].value == formula and row[12].data_type == "s"
    assert row[8].value == "m"  # a control character a workbook cannot hold is dropped


def test_xlsx_to_a_terminal_is_refused():
    from linter.report.xlsx import BinaryStreamNeeded, format_xlsx
    from linter.messages import Catalog
    import io

    with pytest.raises(BinaryStreamNeeded):
        format_xlsx(LintResult(), Catalog("zh"), io.StringIO())


def test_report_command_writes_a_workbook_by_extension(tmp_path):
    out = tmp_path / "review.xlsx"
    result = CliRunner().invoke(main, ["report", str(SEEDS["004"]), "-o", str(out)])
    assert result.exit_code == 1
    assert openpyxl.load_workbook(out).sheetnames[0] == "问题清单"


def test_linting_to_text_never_loads_openpyxl():
    import subprocess
    import sys

    code = (
        "import sys; from click.testing import CliRunner; from linter.cli import main; "
        f"CliRunner().invoke(main, ['lint', {str(SEEDS['004'])!r}]); print('openpyxl' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


def test_workbook_refused_on_a_terminal():
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "linter.cli", "lint", str(SEEDS["004"]), "--format", "xlsx"],
        stdout=follower, stderr=subprocess.PIPE, text=True, timeout=60,
    )
    os.close(follower)
    os.close(leader)
    assert done.returncode == 2 and "-o FILE" in done.stderr
