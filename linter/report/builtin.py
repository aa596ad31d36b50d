"""The built-in output formats, registered through the `jxlint_formatters` hook."""

from __future__ import annotations

from linter.plugins import hookimpl


@hookimpl
def jxlint_formatters():
    from linter.report.lint_json import format_json
    from linter.report.sarif import format_sarif
    from linter.report.text import format_text

    return {"text": format_text, "json": format_json, "sarif": format_sarif}
