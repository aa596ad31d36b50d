"""Output proportional to input, and no raw control characters (issue 12, item 5)."""

from __future__ import annotations

import json

from linter.report.text import CELL, CONTEXT
from linter.shown import MAX_QUOTED, display_width, escaped, shortened
from tests.bounded import jxlint
from tests.forms import BASE

TITLE = "财政项目支出绩效自评表"


def test_a_line_of_136kb_of_titles_gives_output_proportional_to_it(tmp_path):
    line = " ".join([TITLE] * 4000)
    (tmp_path / "titles.txt").write_text(line + "\n", encoding="utf-8")
    result = jxlint("lint", "titles.txt", cwd=tmp_path)
    assert result.returncode == 0  # 4,000 titles with nothing under them: JX013 warnings
    assert len(result.stdout) < 20 * len(line.encode())  # was 729 MB: the whole line per finding
    frames = [text for text in result.stdout.decode().splitlines() if text.startswith("1 | ")]
    assert frames and all(display_width(frame) <= 4 + 2 * CONTEXT + CELL for frame in frames)


def test_the_code_frame_is_a_window_around_the_cell_with_carets_under_it(tmp_path):
    long_text = "很长的说明" * 2000
    text = BASE.replace("完成系统建设并投入使用\t\t\t系统已于年内建成并稳定运行", long_text + "\t\t\t良好", 1)
    (tmp_path / "form.txt").write_text(text, encoding="utf-8")
    output = jxlint("lint", "form.txt", cwd=tmp_path).stdout.decode()
    lines = output.splitlines()
    index = next(i for i, line in enumerate(lines) if "JX005" in line)
    source, carets = lines[index + 2].split(" | ", 1)[1], lines[index + 3].split(" | ", 1)[1]
    assert source.startswith("…的说明") and source.endswith("良好")
    assert display_width(source[: source.index("良好")]) == carets.index("^") and carets.strip() == "^^^^"
    assert display_width(source) <= 2 * CONTEXT + CELL
    assert len(output) < 3_000


def test_a_50mb_one_line_file_is_not_echoed_whole(tmp_path):
    (tmp_path / "one-line.txt").write_bytes(b"x" * (50 * 1024 * 1024) + b"\n")
    result = jxlint("lint", "one-line.txt", cwd=tmp_path, timeout=60)
    assert result.returncode == 0 and len(result.stdout) < 2_000  # JX002, a warning


def test_messages_quote_cells_cut_to_a_length(tmp_path):
    digits = "1,5" * 5000
    (tmp_path / "form.txt").write_text(BASE.replace("\t90.00\t10\t", f"\t{digits}\t10\t", 1), encoding="utf-8")
    report = json.loads(jxlint("lint", "form.txt", "--format", "json", cwd=tmp_path).stdout)
    [malformed] = [d for d in report["diagnostics"] if d["code"] == "JX003"]
    assert len(malformed["message"]) < MAX_QUOTED + 40 and "…" in malformed["message"]


def test_control_and_escape_characters_are_shown_escaped(tmp_path):
    evil = "测试\x1b]0;pwned\x07\x1b[31m项目\u202e"
    text = BASE.replace("测试项目", evil, 1).replace("\t100\t99.00\n", "\t100\t98.00\t\x1b[2J备注\n")
    (tmp_path / "form\x1b[5m.txt").write_text(text, encoding="utf-8")
    for lang in ("zh", "en"):
        output = jxlint("lint", "form\x1b[5m.txt", "--lang", lang, cwd=tmp_path).stdout.decode()
        assert "JX202" in output
        assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
        assert "测试\\x1b]0;pwned\\x07\\x1b[31m项目\\u202e" in output
        assert "98.00    \\x1b[2J备注" in output and "form\\x1b[5m.txt:17:13: JX202" in output


def test_escaping_and_shortening_keep_ordinary_text():
    assert escaped("项目 A\u3000B（万元）") == "项目 A\u3000B（万元）"
    assert escaped("a\tb\nc", keep="\t") == "a\tb\\x0ac"
    assert shortened("x" * 10, 10) == "x" * 10
    cut = shortened("a" * 50 + "b" * 50, 10)
    assert len(cut) == 10 and cut.startswith("aaaaa") and cut.endswith("bbb") and "…" in cut
