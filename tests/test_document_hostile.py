"""Bad documents (issue 9, item 8): each gets one clear finding, within the time and
memory limits of tests/bounded.py, nothing crashes and nothing is written."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.bounded import jxlint
from tests.forms import BASE

DOCUMENTS = Path(__file__).parent / "documents"


def lint(path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, list[dict], str]:
    before = sorted(p.name for p in path.parent.iterdir())
    result = jxlint("lint", str(path), "--format", "json", *args, env=env)
    assert sorted(p.name for p in path.parent.iterdir()) == before  # nothing written
    assert result.returncode in (0, 1), result.stderr.decode(errors="replace")
    report = json.loads(result.stdout)
    return result.returncode, report["diagnostics"], result.stderr.decode(errors="replace")


def rebuilt(source: Path, target: Path, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
            compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """`source` (an .xlsx/.docx) with parts replaced or added."""
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", compression) as out:
        for entry in archive.infolist():
            data = (replace or {}).get(entry.filename, archive.read(entry))
            out.writestr(entry.filename, data)
        for name, data in (add or {}).items():
            out.writestr(name, data)
    return target


def only_finding(diagnostics: list[dict], text: str) -> dict:
    [finding] = diagnostics
    assert finding["code"] == "JX000" and text in finding["message"], finding
    return finding


@pytest.mark.parametrize("name", ["hand-built.xlsx", "hand-built.docx"])
def test_a_zip_bomb_is_refused_by_what_the_zip_declares(tmp_path, name):
    bomb = rebuilt(DOCUMENTS / name, tmp_path / name, add={"xl/media/padding.bin": b"\0" * (64 << 20)})
    assert bomb.stat().st_size < 200_000
    code, diagnostics, _ = lint(bomb)
    assert code == 1
    only_finding(diagnostics, "压缩比")


def test_a_workbook_unpacking_over_the_limit_is_refused(tmp_path):
    big = rebuilt(DOCUMENTS / "hand-built.xlsx", tmp_path / "big.xlsx", add={"xl/media/a.bin": b"\1" * (2 << 20)},
                  compression=zipfile.ZIP_STORED)
    code, diagnostics, _ = lint(big, env={"JXLINT_MAX_UNPACKED": str(1 << 20)})
    only_finding(diagnostics, "解压后共")


@pytest.mark.parametrize("name, part", [("hand-built.xlsx", "xl/worksheets/sheet1.xml"), ("hand-built.docx", "word/document.xml")])
def test_an_xml_entity_bomb_is_refused(tmp_path, name, part):
    with zipfile.ZipFile(DOCUMENTS / name) as archive:
        original = archive.read(part)
    entities = '<!ENTITY e0 "lol">' + "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10))
    declaration = f"<!DOCTYPE lolz [{entities}]>".encode()
    prolog_end = original.index(b"?>") + 2 if original.startswith(b"<?xml") else 0
    body = (original[:prolog_end] + declaration + original[prolog_end:]).replace("测试项目".encode(), b"&e9;", 1)
    bomb = rebuilt(DOCUMENTS / name, tmp_path / name, replace={part: body})
    code, diagnostics, _ = lint(bomb)
    only_finding(diagnostics, "文档类型声明")


@pytest.mark.parametrize("name", ["hand-built.xlsx", "hand-built.docx", "hand-built.pdf", "hand-built.xls", "004.pdf"])
def test_a_truncated_document_gets_one_finding(tmp_path, name):
    data = (DOCUMENTS / name).read_bytes()
    for cut in (len(data) // 2, 100):
        target = tmp_path / f"cut-{cut}-{name}"
        target.write_bytes(data[:cut])
        code, diagnostics, _ = lint(target)
        assert code == 1 and len(diagnostics) == 1 and diagnostics[0]["code"] == "JX000", diagnostics


def test_a_document_under_the_wrong_extension_is_read_by_its_content(tmp_path):
    shutil.copy(DOCUMENTS / "hand-built.pdf", tmp_path / "form.xlsx")
    code, diagnostics, _ = lint(tmp_path / "form.xlsx")
    codes = sorted(d["code"] for d in diagnostics)
    assert codes == ["JX000", "JX102", "JX105"]
    [note] = [d for d in diagnostics if d["code"] == "JX000"]
    assert note["severity"] == "warning" and "内容却是 pdf 文件" in note["message"]
    shutil.copy(DOCUMENTS / "hand-built.xlsx", tmp_path / "form.docx")  # a zip is told by its parts
    shutil.copy(DOCUMENTS / "hand-built.docx", tmp_path / "form.txt")
    for name, kind in (("form.docx", "xlsx"), ("form.txt", "docx")):
        code, diagnostics, _ = lint(tmp_path / name)
        assert sorted(d["code"] for d in diagnostics) == ["JX000", "JX102", "JX105"]
        assert f"内容却是 {kind} 文件" in diagnostics[0]["message"]
    (tmp_path / "export.xls").write_text(BASE, encoding="utf-8")  # a web export: text named .xls
    code, diagnostics, _ = lint(tmp_path / "export.xls")
    [note] = diagnostics
    assert code == 0 and note["severity"] == "warning" and "内容却是文本" in note["message"]


def test_an_old_binary_word_file_says_to_convert_it(tmp_path):
    doc = tmp_path / "form.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    code, diagnostics, _ = lint(doc)
    only_finding(diagnostics, "另存为 .docx")


def test_a_scanned_pdf_and_an_encrypted_pdf_say_what_to_do():
    only_finding(lint(DOCUMENTS / "scanned.pdf")[1], "没有文字层")
    only_finding(lint(DOCUMENTS / "encrypted.pdf")[1], "已加密")


def test_a_long_pdf_is_read_up_to_the_page_limit():
    code, diagnostics, _ = lint(DOCUMENTS / "many-pages.pdf", env={"JXLINT_MAX_PAGES": "20"})
    finding = only_finding(diagnostics, "共 500 页，只读取了前 20 页")
    assert finding["severity"] == "warning"
    code, diagnostics, _ = lint(DOCUMENTS / "many-pages.pdf")
    only_finding(diagnostics, "共 500 页，只读取了前 200 页")


def test_a_workbook_with_a_zip_of_junk_parts_gets_one_finding(tmp_path):
    junk = io.BytesIO()
    with zipfile.ZipFile(junk, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"\0\1\2 not xml")
    (tmp_path / "junk.xlsx").write_bytes(junk.getvalue())
    only_finding(lint(tmp_path / "junk.xlsx")[1], "已损坏")


def _mutated(data: bytes, seed: int) -> bytes:
    import random

    generator = random.Random(seed)
    out = bytearray(data)
    for _ in range(generator.randint(1, 8)):
        out[generator.randrange(len(out))] = generator.randrange(256)
    return bytes(out)


@pytest.mark.parametrize("name", ["hand-built.xlsx", "hand-built.xls", "hand-built.docx", "hand-built.pdf"])
def test_damaged_bytes_never_crash_a_reader(name):
    """A few bytes changed anywhere in a real document: a document comes back (read, with
    a finding, or with no form: JX002), never an exception (in-process: a reader's
    surprise is caught)."""
    from linter.readers import builtin_readers
    from linter.readers.document import read_document_file
    from linter.templates import builtin_templates

    data = (DOCUMENTS / name).read_bytes()
    for seed in range(12):
        document = read_document_file(_mutated(data, seed), name, builtin_readers(), builtin_templates(), None)
        assert document is not None and document.path == name


def test_a_merged_range_over_the_whole_sheet_is_refused_before_loading(tmp_path):
    with zipfile.ZipFile(DOCUMENTS / "hand-built.xlsx") as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b'<mergeCell ref="' in sheet
    huge = sheet.replace(b'<mergeCell ref="', b'<mergeCell ref="A40:XFD1048576"/><mergeCell ref="', 1)
    bomb = rebuilt(DOCUMENTS / "hand-built.xlsx", tmp_path / "merged.xlsx", replace={"xl/worksheets/sheet1.xml": huge})
    only_finding(lint(bomb)[1], "合并单元格共覆盖")


def test_a_stray_cell_far_away_costs_one_cell(tmp_path):
    import openpyxl

    workbook = openpyxl.load_workbook(DOCUMENTS / "hand-built.xlsx")
    workbook.active["XFD1048576"] = "页脚"
    workbook.save(tmp_path / "far.xlsx")
    code, diagnostics, _ = lint(tmp_path / "far.xlsx")
    assert [(d["code"], d["location"]["text"]) for d in diagnostics] == [("JX102", "自评表!H7"), ("JX105", "自评表!I7")]


def test_too_much_xml_is_refused(tmp_path):
    padded = rebuilt(DOCUMENTS / "hand-built.docx", tmp_path / "padded.docx", add={"word/padding.xml": b"<a/>" + b" " * (2 << 20)},
                     compression=zipfile.ZIP_STORED)
    only_finding(lint(padded, env={"JXLINT_MAX_XML": str(1 << 20)})[1], "内的 XML 共")
    # Under the default limit the form is read: its defect is found.
    assert [d["code"] for d in lint(padded)[1]] == ["JX102", "JX105"]
