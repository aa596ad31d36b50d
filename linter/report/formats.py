"""The built-in formats by name, each imported when it is used.

A run needs one format; the others' imports (XML, hashing, URL quoting) would
only slow every start. This module imports neither pluggy nor the formats, so
`jxlint parse` can pick a built-in format without loading every plugin;
linter/report/builtin.py registers these tables through the hooks.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def _lazy(module: str, function: str, binary: bool = False) -> Callable:
    def format_report(*args):
        return getattr(import_module(module), function)(*args)

    format_report.__qualname__ = format_report.__name__ = function
    format_report.binary = binary  # type: ignore[attr-defined]  # bytes, written to the stream's buffer
    return format_report


LINT_FORMATS = {
    "text": _lazy("linter.report.text", "format_text"),
    "json": _lazy("linter.report.lint_json", "format_json"),
    "jsonl": _lazy("linter.report.stream", "format_jsonl"),
    "sarif": _lazy("linter.report.sarif", "format_sarif"),
    "github": _lazy("linter.report.github", "format_github"),
    "junit": _lazy("linter.report.junit", "format_junit"),
    "gitlab": _lazy("linter.report.gitlab", "format_gitlab"),
    "html": _lazy("linter.report.html", "format_html"),
    "xlsx": _lazy("linter.report.xlsx", "format_xlsx", binary=True),
}
PARSE_FORMATS = {
    "json": _lazy("linter.report.ast_json", "format_ast_json"),
    "text": _lazy("linter.report.outline", "format_outline"),
}
