"""The file cannot be read as text.

## What it checks
A file that is binary and no document jxlint reads, that does not decode in
its encoding, or that cannot be opened; a workbook, Word file or PDF that is
damaged, encrypted, scanned (no text layer), an old binary `.doc`, or over a
reading limit (a zip or XML entity bomb). A document read in part (pages over
the limit) or under the wrong extension gets a warning.

## Why it matters
Nothing in it can be checked. A wrong encoding guess must be corrected with
`--encoding`; a scanned PDF needs OCR, a `.doc` saving as `.docx`.

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
DOCS_ZH = """文件无法读取。

## 检查什么
既不是文本、也不是 jxlint 能读取的文档的二进制文件，按其编码无法解码的文件，或无法打开的文件；损坏、加密、扫描件（没有文字层）的工作簿、Word 文件或 PDF，旧式二进制 `.doc` 文件，或超过读取限制的文件（zip 炸弹、XML 实体炸弹）。只读取了一部分（页数超过限制）或扩展名与内容不符的文档，按「警告」报告。

## 为什么重要
这样的文件里没有任何内容可以检查。编码判断有误时请用 `--encoding` 指定正确的编码；扫描的 PDF 需要先做文字识别（OCR），`.doc` 文件请另存为 `.docx`。

## 依据
jxlint 的输入约定（README「What it reads」）。
"""
MESSAGES = {
    "zh": {"unreadable": "{problem}"},
    "en": {"unreadable": "{problem}"},
}


def check(document, options):
    for problem in document.problems:
        severity = problem.severity if problem.severity != "error" else None  # a note on a document read anyway
        yield Finding(problem.span, "unreadable", {"problem_id": problem.message_id, **problem.args}, severity=severity)
