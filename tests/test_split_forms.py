"""Cutting a file into forms: each segment's lines, numbers and column offsets, and the
lines that hold a title's last character without being a title."""

from __future__ import annotations

from linter.layouts import split_forms
from linter.templates import builtin_templates

TEMPLATES = builtin_templates()
TITLE = "项目支出绩效自评表"


def _cut(text: str) -> list[list[tuple[int, int, str]]]:
    return [segment.lines for segment in split_forms(text, TEMPLATES)]


def test_each_form_runs_from_its_title_to_the_next():
    text = f"前言\n{TITLE}\n项目名称\tA\n\n{TITLE}\n项目名称\tB"
    assert _cut(text) == [
        [(2, 0, TITLE), (3, 0, "项目名称\tA"), (4, 0, "")],
        [(5, 0, TITLE), (6, 0, "项目名称\tB")],
    ]


def test_a_title_inside_a_line_cuts_it_at_its_column():
    # The first form ends where the second title starts, on the same line.
    text = f"{TITLE}\n项目名称 A\n总分 90\t{TITLE}\n项目名称 B"
    assert _cut(text) == [
        [(1, 0, TITLE), (2, 0, "项目名称 A"), (3, 0, "总分 90\t")],
        [(3, 6, TITLE), (4, 0, "项目名称 B")],
    ]


def test_two_titles_on_one_line_cut_it_in_two():
    text = f"{TITLE}\t项目名称 A\t{TITLE}\n项目名称 B"
    assert _cut(text) == [
        [(1, 0, f"{TITLE}\t项目名称 A\t")],
        [(1, len(TITLE) + 8, TITLE), (2, 0, "项目名称 B")],
    ]


def test_lines_ending_in_a_titles_last_character_are_not_titles():
    # 表 and 告 end every title; a line that has them but no title does not cut.
    text = f"附表\n{TITLE}\n项目名称\tA\n年度报告 表\n评价报表\n项目名称\tB\n"
    assert _cut(text) == [[(2, 0, TITLE), (3, 0, "项目名称\tA"), (4, 0, "年度报告 表"), (5, 0, "评价报表"),
                           (6, 0, "项目名称\tB"), (7, 0, "")]]


def test_a_title_on_the_last_line_without_a_line_break():
    assert _cut(f"说明\n\n{TITLE}") == [[(3, 0, TITLE)]]


def test_a_title_in_traditional_script_is_found_on_its_line():
    assert _cut(f"說明\n項目支出績效自評表\n項目名稱\tA") == [[(2, 0, "項目支出績效自評表"), (3, 0, "項目名稱\tA")]]


def test_a_title_with_its_year_and_place_starts_where_they_start():
    text = f"说明\t1、2021年度某某县{TITLE}(修改)\n项目名称\tA"
    assert _cut(text) == [[(1, 5, f"2021年度某某县{TITLE}(修改)"), (2, 0, "项目名称\tA")]]


def test_words_after_the_last_title_of_a_line_hold_no_other():
    # After a title, a year and a place name with no title after them start no form.
    text = f"{TITLE}\t2021年度某某县\n项目名称\tA"
    assert _cut(text) == [[(1, 0, f"{TITLE}\t2021年度某某县"), (2, 0, "项目名称\tA")]]
