"""The built-in output formats, registered through the `jxlint_formatters` hook."""

from __future__ import annotations

from linter.plugins import hookimpl


@hookimpl
def jxlint_formatters():
    from linter.report.html import format_html
    from linter.report.lint_json import format_json
    from linter.report.sarif import format_sarif
    from linter.report.text import format_text
    from linter.report.xlsx import format_xlsx

    return {"text": format_text, "json": format_json, "sarif": format_sarif, "html": format_html, "xlsx": format_xlsx}
