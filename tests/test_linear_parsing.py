"""Linear time and bounded memory on adversarial shapes of text (issue 12, item 4).

Each reproduction that once ran for minutes or took gigabytes runs in a child process
with the time and memory limits of `tests/bounded.py`: a regression fails the test
by its limit, not by a timing assertion.
"""

from __future__ import annotations

import pytest

from tests.bounded import jxlint
from tests.forms import BASE

TITLE = "财政项目支出绩效自评表"
HEADER = "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施"


def _pdf_form(words: int) -> str:
    # PDF text: cells apart by single spaces; many words before one 分值/得分 pair once
    # tried every split of them into reason, name, target and actual (O(n⁴)).
    row = "产出指标 数量指标 " + " ".join(f"词{n}" for n in range(words)) + " ≥1个 1个 10 10"
    return f"{TITLE}\n(2023年度)\n项目名称 测试\n{HEADER}\n{row}\n总分 100 100\n"


SHAPES = {
    "many words before a score pair": _pdf_form(400),
    "a 40,000-digit cell": BASE.replace("\t90.00\t10\t", "\t" + "1" * 40_000 + "\t10\t", 1),
    "a line of digits for the layout detector": f"{TITLE}\n" + "1" * 40_000 + "\n" + "2 " * 3 + "\n",
    # One cell a line: text lines apart by blank lines continue one cell, which once grew
    # by copying and went through the classifier's cache at every line (gigabytes).
    "480 KB of blank-separated lines": f"{TITLE}\n绩效指标\n一级指标\n三级指标\n产出指标\n\n"
    + "\n\n".join(["文字说明"] * 40_000) + "\n",
    "a 4 MB line of words": f"{TITLE}\n" + "词 " * 2_000_000 + "\n",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_adversarial_text_is_read_within_bounds(shape, tmp_path):
    (tmp_path / "form.txt").write_text(SHAPES[shape], encoding="utf-8")
    result = jxlint("lint", "form.txt", "--format", "json", cwd=tmp_path, timeout=30)
    assert result.returncode in (0, 1), result.stderr.decode()[-500:]


def test_the_long_row_still_reads_its_scores(tmp_path):
    (tmp_path / "form.txt").write_text(_pdf_form(400), encoding="utf-8")
    from linter.parse import parse_text

    [form] = parse_text(_pdf_form(400), "form.txt").forms
    [row] = form.indicators
    assert (row.points.raw, row.score.raw, row.target.raw, row.actual.raw) == ("10", "10", "≥1个", "1个")
    assert row.name.text.startswith("词0 词1") and row.name.text.endswith("词399")
