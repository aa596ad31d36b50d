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

## Failing example
A scanned PDF, or a Word 97 `.doc` file, passed to `jxlint lint`.

## Passing example
The same form as text (UTF-8, GB18030 or UTF-16), `.xlsx`, `.docx` or a PDF with text.

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
MESSAGES = {
    "zh": {"unreadable": "{problem}"},
    "en": {"unreadable": "{problem}"},
}


def check(document, options):
    for problem in document.problems:
        severity = problem.severity if problem.severity != "error" else None  # a note on a document read anyway
        yield Finding(problem.span, "unreadable", {"problem_id": problem.message_id, **problem.args}, severity=severity)
