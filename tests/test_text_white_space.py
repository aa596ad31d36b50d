"""`without_white_space` drops white space as `"".join(text.split())` does: spaces and tabs
by a fast path, every other kind (line breaks, the ideographic space, unprintable
spaces) by the split."""

from __future__ import annotations

import sys

import pytest

from linter.text import matching_text, without_white_space


@pytest.mark.parametrize("text", [
    "", " ", "\t", "项目名称", " 项目 名称 ", "分值\t得分\t偏差原因", "a\u3000b", "a\u00a0b", "a\nb\r\nc",
    "a\x0bb\x0cc", "a\u2028b\u2029c", "a\u200bb", "a\x1cb\x1fc", "a\x85b", " \t\u3000\n ", "a\x00b \tc",
])
def test_without_white_space_is_split_and_join(text):
    assert without_white_space(text) == "".join(text.split())


def test_every_white_space_but_the_space_is_unprintable():
    # What the fast path relies on: a text left printable holds no white space.
    others = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace() and chr(code) != " "]
    assert others and not any(char.isprintable() for char in others)


def test_matching_text_folds_then_drops_white_space():
    assert matching_text("项目　名称（万元）：\t100") == "项目名称(万元):100"
    assert matching_text("绩\u200b效 指标") == "绩效指标"  # a zero-width space folds to a space first
