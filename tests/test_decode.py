from __future__ import annotations

import codecs

import pytest

from linter.decode import Decoded, DecodeFailure, decode
from linter.parse import parse_bytes
from linter.shown import display_width
from linter.text import fold, key
from tests.conftest import SEEDS

TEXT = SEEDS["003"].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.replace("—", "-").encode("gbk"), "gb18030"),
    ],
)
def test_every_published_encoding_gives_the_same_forms(data, encoding):
    decoded = decode(data)
    assert isinstance(decoded, Decoded) and decoded.encoding == encoding
    document = parse_bytes(data, "x.txt")
    assert len(document.forms) == 10 and not any(form.problems for form in document.forms)
    assert document.forms[4].funds.total.executed.raw == "1,500,000"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_keep_line_numbers(newline):
    document = parse_bytes(TEXT.replace("\n", newline).encode(), "x.txt")
    executed = document.forms[4].funds.total.executed
    assert (executed.span.line, executed.span.column) == (106, 30)


def test_binary_file_is_reported_with_offset():
    failure = decode(b"PK\x03\x04\x00\x00binary")
    assert failure == DecodeFailure("binary", None, 4)
    document = parse_bytes(b"PK\x03\x04\x00\x00binary", "x.docx")
    assert [p.message_id for p in document.problems] == ["decode.binary"]
    assert document.problems[0].args["offset"] == 4


def test_undecodable_bytes_give_the_byte_offset():
    data = "财政项目支出绩效自评表\n".encode() + b"\xff\xfe\xfa\n"
    failure = decode(data, "utf-8")
    assert failure == DecodeFailure("undecodable", "utf-8", len("财政项目支出绩效自评表\n".encode()))
    problem = parse_bytes(data, "x.txt", "utf-8").problems[0]
    assert problem.message_id == "decode.undecodable" and problem.span.line == 2


def test_forced_encoding_and_unknown_encoding():
    gbk = TEXT.replace("—", "-").encode("gbk")
    assert isinstance(decode(gbk, "gbk"), Decoded)
    assert decode(gbk, "utf-8").reason == "undecodable"  # type: ignore[union-attr]
    assert decode(gbk, "no-such-codec") == DecodeFailure("unknown-encoding", "no-such-codec", 0)


def test_folding_keeps_length_and_maps_variants():
    source = "≧90％，績效＝１００：預算執行率═總分"
    assert len(fold(source)) == len(source)
    assert fold(source) == "≥90%,绩效=100:预算执行率=总分"
    assert key("服务对象 满意度指标：") == "服务对象满意度指标"


def test_traditional_chinese_form_parses():
    traditional = TEXT.replace("绩效", "績效").replace("总分", "總分").replace("预算", "預算").replace("执行", "執行")
    document = parse_bytes(traditional.encode(), "x.txt")
    assert len(document.forms) == 10 and not any(form.problems for form in document.forms)
    assert document.forms[0].total.score.raw == "100"


def test_display_width_counts_wide_characters_twice():
    assert display_width("总分 100") == 8
