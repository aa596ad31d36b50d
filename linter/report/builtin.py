"""The built-in output formats, registered through the `jxlint_formatters` hook."""

from __future__ import annotations

from linter.plugins import hookimpl


@hookimpl
def jxlint_formatters():
    from linter.report.github import format_github
    from linter.report.gitlab import format_gitlab
    from linter.report.junit import format_junit
    from linter.report.lint_json import format_json
    from linter.report.sarif import format_sarif
    from linter.report.text import format_text

    return {
        "text": format_text, "json": format_json, "sarif": format_sarif,
        "github": format_github, "junit": format_junit, "gitlab": format_gitlab,
    }


@hookimpl
def jxlint_parse_formatters():
    from linter.report.ast_json import format_ast_json
    from linter.report.outline import format_outline

    return {"json": format_ast_json, "text": format_outline}
