"""Workbooks, Word files and PDFs read directly (issue 9): the same findings as the text
they were made from, each at its sheet cell, table cell or page.

The documents in tests/documents were made from the seeds by tests/documents/make.py
(committed, so these tests read exactly those bytes)."""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from linter.engine import Linter
from linter.location import Location, SourceMap
from linter.plugins import load_registry
from linter.readers import DocCell, Extracted, Reader, render
from linter.readers.numfmt import display
from tests.conftest import SEEDS
from tests.forms import BASE

DOCUMENTS = Path(__file__).parent / "documents"
REGISTRY = load_registry(plugins=False)
CONTAINERS = (".xlsx", "-one-sheet.xlsx", ".docx", ".pdf")
_PLACE_RE = re.compile(r"与第 \d+ 行相同|与 .+ 相同")


def linter() -> Linter:
    return Linter(registry=REGISTRY)


def findings(path: Path) -> collections.Counter:
    """What a finding says, without where: form, rule, table path, message (JX007 names
    the first row by line in text and by cell in a document: that part is left out)."""
    result = linter().lint_path(path)
    return collections.Counter(
        (d.form_index, d.code, d.table_path, _PLACE_RE.sub("与…相同", d.message)) for d in result.diagnostics
    )


@pytest.mark.parametrize("container", CONTAINERS)
@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_each_seed_form_gives_the_same_findings_in_every_container(seed, container):
    text = findings(SEEDS[seed])
    document = DOCUMENTS / f"{seed}{container}"
    assert findings(document) == text
    result = linter().lint_path(document)
    assert len(result.forms) == len(linter().lint_path(SEEDS[seed]).forms)
    for diagnostic in result.diagnostics:
        if diagnostic.form_index is not None:
            assert diagnostic.location is not None and diagnostic.location["text"], diagnostic


def test_a_pdf_without_table_grid_is_read_as_pdf_text_in_a_font_not_embedded():
    """Seed 001 (PDF text) printed line by line in STSong-Light, not embedded: read through
    the `pdf` layout, with the same findings, each on its page and line."""
    document = DOCUMENTS / "001-text.pdf"
    assert findings(document) == findings(SEEDS["001"])
    result = linter().lint_path(document)
    assert {form.layout for form in result.forms} == {"pdf"} and len(result.forms) == 5
    assert [d.location["text"] for d in result.diagnostics if d.code == "JX303"] == ["第10页 第20行"]
    [jx303] = [d for d in result.diagnostics if d.code == "JX303"]
    assert jx303.location["kind"] == "pdf-text" and len(jx303.location["bbox"]) == 4


@pytest.mark.parametrize("name, where", [
    ("hand-built.xlsx", "自评表!H7"),
    ("hand-built.xls", "自评表!H7"),
    ("hand-built.docx", "表格1 第4行第7列"),
    ("hand-built.pdf", "第1页 表格1 第4行第7列"),
])
def test_a_hand_built_form_reports_its_defect_at_its_cell(name, where):
    result = linter().lint_path(DOCUMENTS / name)
    [rate] = [d for d in result.diagnostics if d.code == "JX102"]
    assert rate.location["text"] == where
    assert rate.table_path == "项目资金/年度资金总额/执行率"
    assert rate.cell == "80.00%"  # shown as the cell displays it: 0.8 under `0.00%`
    assert rate.message == "执行率 80.00% ≠ 全年执行数 90.00 ÷ 全年预算数 100.00 = 90.00%"


def test_text_report_shows_the_document_cell_and_its_text(capsys):
    from linter.engine import lint_files

    lint_files([str(DOCUMENTS / "hand-built.xlsx")])
    out = capsys.readouterr().out
    assert f"{DOCUMENTS / 'hand-built.xlsx'}:自评表!H7: JX102 [execution-rate-mismatch]" in out
    assert "  | 80.00%\n  = 错误 · 表 1「测试项目」 · 项目资金/年度资金总额/执行率" in out


def test_json_sarif_github_junit_gitlab_name_the_cell(tmp_path):
    from click.testing import CliRunner

    from linter.cli import main

    path = str(DOCUMENTS / "hand-built.docx")
    run = CliRunner().invoke
    report = json.loads(run(main, ["lint", path, "--format", "json"]).output)
    assert report["version"] == 2
    [rate] = [d for d in report["diagnostics"] if d["code"] == "JX102"]
    assert rate["location"] == {"kind": "table", "text": "表格1 第4行第7列", "table": 1, "row": 4, "column": 7}
    english = json.loads(run(main, ["lint", path, "--format", "json", "--lang", "en"]).output)
    assert [d["location"]["text"] for d in english["diagnostics"] if d["code"] == "JX102"] == ["table 1 row 4 column 7"]
    sarif = json.loads(run(main, ["lint", path, "--format", "sarif"]).output)
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "JX102"]
    assert result["locations"][0]["logicalLocations"][0] == {"name": "表格1 第4行第7列", "kind": "element"}
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert result["properties"]["location"]["row"] == 4
    import jsonschema

    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    github = run(main, ["lint", path, "--format", "github"]).output
    assert "title=JX102 execution-rate-mismatch (表格1 第4行第7列)::表格1 第4行第7列: 执行率 80.00%25" in github
    junit = run(main, ["lint", path, "--format", "junit"]).output
    assert f"{path}:表格1 第4行第7列: error JX102" in junit
    gitlab = json.loads(run(main, ["lint", path, "--format", "gitlab"]).output)
    assert any(issue["description"].startswith("表格1 第4行第7列: JX102") for issue in gitlab)


def test_parse_prints_the_ast_with_document_locations():
    from click.testing import CliRunner

    from linter.cli import main

    output = CliRunner().invoke(main, ["parse", str(DOCUMENTS / "004.xlsx"), "--format", "json"]).output
    forms = json.loads(output)["files"][0]["forms"]
    score = forms[7]["funds"]["rows"][0]["score"]
    assert score["raw"] == "0" and score["location"]["text"] == "表8!I6"
    # A merged 一级指标 label: the cell and every row it heads locate to the merged range.
    label = forms[0]["indicators"][0]["level1"]
    assert label["location"]["cell"] == "B13:B20" and label["location"]["text"] == "表1!B13:B20", label
    outline = CliRunner().invoke(main, ["parse", str(DOCUMENTS / "hand-built.docx")]).output
    assert "资金 年度资金总额: 100.00 100.00 90.00 10 80.00% 9.00  @表格1 第4行第2列" in outline


def test_number_formats_show_as_excel_shows_them():
    assert display(9.2, "0.00") == "9.20"
    assert display(0.4565, "0.00%") == "45.65%"
    assert display(928050, "#,##0") == "928,050"
    assert display(928050, "#,##0.00") == "928,050.00"
    assert display(0.125, "0.0%") == "12.5%"
    assert display(2.675, "0.00") == "2.68"  # half away from zero on the decimal value, as Excel
    assert display(-3.5, "0") == "-4"
    assert display(12.5, '0.00"万元"') == "12.50万元"
    assert display(-5, "0.00;[Red](0.00)") == "(5.00)"
    assert display(0.1 + 0.2, "General") == "0.3"
    assert display(17500, "General") == "17500"
    assert display(3, "@") == "3"


def test_text_cells_stay_as_typed_and_a_malformed_number_is_found_at_its_cell(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "表1"
    for row, line in enumerate(BASE.replace("\t99.00\n", "\t99.\n").split("\n"), start=1):
        for column, text in enumerate(line.split("\t"), start=1):
            if text:
                sheet.cell(row, column, text).data_type = "s"
    workbook.save(tmp_path / "typed.xlsx")
    result = linter().lint_path(tmp_path / "typed.xlsx")
    [malformed] = [d for d in result.diagnostics if d.code == "JX003"]
    assert malformed.location["text"] == "表1!H17" and malformed.cell == "99."


def test_render_keeps_a_map_from_text_back_to_cells():
    a1, b1 = Location("sheet", sheet="表1", cell="A1"), Location("sheet", sheet="表1", cell="B1")
    text, source_map = render([[[DocCell("项目名称", a1), DocCell("测试\n项目", b1)]], [[DocCell("总分", a1)]]])
    assert text == "项目名称\t测试 项目\n\n总分\n"
    assert source_map.at(1, 1) == a1 and source_map.at(1, 6) == b1 and source_map.at(1, 9) == b1
    assert source_map.at(2, 1) == b1  # an empty line: the last cell before it
    assert isinstance(source_map, SourceMap) and len(source_map) == 3


def test_a_plugin_reader_is_asked_first(tmp_path):
    class FormReader(Reader):
        name = "form"
        extensions = (".form",)

        def claims(self, name, head):
            return name.endswith(".form")

        def read(self, data, name, limits):
            rows = [line.split("\t") for line in data.decode().split("\n")]
            return Extracted([[[DocCell(text, Location("table", table=1, row=r, column=c)) for c, text in enumerate(row, 1)]
                               for r, row in enumerate(rows, 1)]])

    registry = load_registry(plugins=False)
    registry.readers.insert(0, FormReader())
    (tmp_path / "a.form").write_text(BASE.replace("\t100\t99.00", "\t100\t98.00"), encoding="utf-8")
    result = Linter(registry=registry).lint_path(tmp_path / "a.form")
    [total] = [d for d in result.diagnostics if d.code == "JX202"]
    assert total.location["text"] == "表格1 第17行第8列"


def test_linting_text_imports_no_document_package(tmp_path):
    (tmp_path / "a.txt").write_text(BASE, encoding="utf-8")
    script = (
        "import sys\nfrom linter.cli import main\n"
        "try:\n    main(['lint', sys.argv[1], '--format', 'json'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('openpyxl', 'docx', 'pdfplumber', 'pdfminer', 'xlrd', 'lxml', 'defusedxml')\n"
        "print([name for name in heavy if name in sys.modules], file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "a.txt")], capture_output=True, text=True,
                            cwd=Path(__file__).parent.parent, timeout=120)
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_folders_are_walked_for_documents(tmp_path):
    import shutil

    from click.testing import CliRunner

    from linter.cli import main

    (tmp_path / "a.txt").write_text(BASE, encoding="utf-8")
    for name in ("hand-built.xlsx", "hand-built.xls", "hand-built.docx", "hand-built.pdf"):
        shutil.copy(DOCUMENTS / name, tmp_path / name.upper())
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    report = json.loads(CliRunner().invoke(main, ["lint", str(tmp_path), "--format", "json"]).output)
    names = [file["path"].rsplit("/", 1)[1] for file in report["files"]]
    assert names == ["HAND-BUILT.DOCX", "HAND-BUILT.PDF", "HAND-BUILT.XLS", "HAND-BUILT.XLSX", "a.txt"]
    assert report["summary"]["forms"] == 5
    assert sum(1 for d in report["diagnostics"] if d["code"] == "JX102") == 4


def test_bundled_examples_include_each_container():
    result = linter().lint_paths([str(Path(__file__).parent.parent / "examples" / "forms")])
    by_suffix = {Path(file.path).suffix: file for file in result}
    assert {".xlsx", ".docx", ".pdf", ".txt"} <= set(by_suffix)
    for suffix in (".xlsx", ".docx", ".pdf"):
        assert by_suffix[suffix].forms and not any(d.code == "JX000" for d in by_suffix[suffix].diagnostics)
    minhang = by_suffix[".xlsx"]
    assert any(d.code == "JX105" and d.location["text"] == "表3!I6" for d in minhang.diagnostics)


def test_a_formula_reads_as_its_cached_value_and_one_never_computed_is_said(tmp_path):
    import zipfile

    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "表1"
    for row, line in enumerate(BASE.split("\n"), start=1):
        for column, text in enumerate(line.split("\t"), start=1):
            if text:
                sheet.cell(row, column, text).data_type = "s"
    sheet["H17"] = "=SUM(H13:H16)"  # openpyxl saves the formula without a result
    workbook.save(tmp_path / "program.xlsx")
    result = linter().lint_path(tmp_path / "program.xlsx")
    [note] = [d for d in result.diagnostics if d.code == "JX000"]
    assert note.severity == "warning" and "1 个公式单元格没有保存的计算结果" in note.message
    # The same workbook as Excel saves it: the formula with its cached result, 98 where 99 is due.
    with zipfile.ZipFile(tmp_path / "program.xlsx") as source, zipfile.ZipFile(tmp_path / "saved.xlsx", "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>SUM(H13:H16)</f><v></v>", b"<f>SUM(H13:H16)</f><v>98</v>")
                data = data.replace(b"<f>SUM(H13:H16)</f></c>", b"<f>SUM(H13:H16)</f><v>98</v></c>")
            target.writestr(entry, data)
    result = linter().lint_path(tmp_path / "saved.xlsx")
    assert not any(d.code == "JX000" for d in result.diagnostics)
    [total] = [d for d in result.diagnostics if d.code == "JX202"]
    assert total.location["text"] == "表1!H17" and total.cell == "98"


def test_the_readers_hook_puts_a_plugins_readers_first_and_checks_them():
    from linter.plugins import _add

    class Mine(Reader):
        name = "mine"

    registry = load_registry(plugins=False)
    assert [reader.name for reader in registry.readers] == ["xlsx", "xls", "docx", "pdf", "doc"]
    _add(registry, "jxlint_readers", [Mine()], "jxlint-province")
    assert [reader.name for reader in registry.readers][:2] == ["mine", "xlsx"]
    with pytest.raises(TypeError):
        _add(registry, "jxlint_readers", [object()], "jxlint-broken")
