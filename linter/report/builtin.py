"""The built-in output formats, registered through the `jxlint_formatters` hook.

Each is imported when it is used: a run needs one format, and the others'
imports (XML, hashing, URL quoting) would only slow every start.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from linter.plugins import hookimpl


def _lazy(module: str, function: str) -> Callable:
    def format_report(*args):
        return getattr(import_module(module), function)(*args)

    format_report.__qualname__ = format_report.__name__ = function
    return format_report


@hookimpl
def jxlint_formatters():
    return {
        "text": _lazy("linter.report.text", "format_text"),
        "json": _lazy("linter.report.lint_json", "format_json"),
        "sarif": _lazy("linter.report.sarif", "format_sarif"),
        "github": _lazy("linter.report.github", "format_github"),
        "junit": _lazy("linter.report.junit", "format_junit"),
        "gitlab": _lazy("linter.report.gitlab", "format_gitlab"),
    }


@hookimpl
def jxlint_messages():
    from linter.report.catalog import MESSAGES

    return MESSAGES


@hookimpl
def jxlint_parse_formatters():
    return {
        "json": _lazy("linter.report.ast_json", "format_ast_json"),
        "text": _lazy("linter.report.outline", "format_outline"),
    }
