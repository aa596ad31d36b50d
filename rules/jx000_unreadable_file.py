"""The file cannot be read as text.

## What it checks
A file that is binary (a `.docx`, `.xlsx` or `.pdf` itself), that does not
decode in its encoding, or that cannot be opened.

## Why it matters
Nothing in it can be checked. Forms must be exported to text first, and a
wrong encoding guess must be corrected with `--encoding`.

## Failing example
A `.docx` file passed to `jxlint lint` as it is.

## Passing example
The same form exported as text (UTF-8, GB18030 or UTF-16).

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
        yield Finding(problem.span, "unreadable", {"problem_id": problem.message_id, **problem.args})
