"""A form stops before its end: a page cut off, a lost PDF page, a file that starts mid-form.

## What it checks
A form that ends before the last part of its template (the 绩效指标 table
without its 总分 row, a form cut after its 项目资金 table), or a text that
starts in the middle of a form (indicator rows and a 总分 row with no title
above). Reported once, at the last cell read, naming what is missing. Every
other rule still checks the parts that are there; no sum is checked over a part
that is missing.

## Why it matters
Published forms are often cut: a web page that shows the first thousand
characters, a PDF that lost its second page. What is there can still be
checked, but the form as a whole cannot be, and a reviewer should know.

## Source
docs/templates.md (template parts in order); ../shared/forms/other-provinces (every excerpt is cut).
"""

from __future__ import annotations

from linter.rule import Finding

CODE = "JX013"
NAME = "form-truncated"
SEVERITY = "warning"
GROUPS = ("structure",)
DOCS_ZH = """表格不完整：在应有的结尾之前就结束了。

## 检查什么
在模板最后一部分之前就结束的表（绩效指标表没有总分行、表在项目资金表之后就断了），或从表格中间开始的文本（只有指标行和总分行，上面没有表名）。只报告一次，位置在读到的最后一个单元格，并写明缺了哪些部分。其他规则照常检查已有部分，但不核对涉及缺失部分的合计。

## 为什么重要
网上发布的表常被截断：网页只显示前一千个字，PDF 丢了第二页。已有部分仍可检查，但整张表无法核对，审核人员应当知道这一点。

## 依据
docs/templates.md（模板各部分的顺序）；../shared/forms/other-provinces（其中的节选都被截断）。
"""
MESSAGES = {
    "zh": {"truncated": "{problem}"},
    "en": {"truncated": "{problem}"},
}


def check(form, options):
    for problem in form.problems:
        if problem.code == "form-truncated":
            yield Finding(problem.span, "truncated", {"problem_id": problem.message_id, **problem.args})
