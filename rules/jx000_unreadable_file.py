"""The file cannot be read as text.

## What it checks
A file that is binary (a `.docx`, `.xlsx` or `.pdf` itself), that does not
decode in its encoding, or that cannot be opened.

## Why it matters
Nothing in it can be checked. Forms must be exported to text first, and a
wrong encoding guess must be corrected with `--encoding`.

## Source
jxlint's input contract (README, "What it reads").
"""

from __future__ import annotations

from linter.rule import Finding

CODE = "JX000"
NAME = "unreadable-file"
SEVERITY = "error"
GROUPS = ("structure",)
SCOPE = "document"
DOCS_ZH = """文件无法作为文本读取。

## 检查什么
二进制文件（直接提交的 `.docx`、`.xlsx`、`.pdf` 文件）、按其编码无法解码的文件，或无法打开的文件。

## 为什么重要
这样的文件里没有任何内容可以检查。自评表须先导出为文本；若编码判断有误，请用 `--encoding` 指定正确的编码。

## 依据
jxlint 的输入约定（README「What it reads」）。
"""
MESSAGES = {
    "zh": {"unreadable": "{problem}"},
    "en": {"unreadable": "{problem}"},
}


def check(document, options):
    for problem in document.problems:
        yield Finding(problem.span, "unreadable", {"problem_id": problem.message_id, **problem.args})
