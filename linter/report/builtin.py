"""The built-in output formats and their messages, registered through the plugin hooks."""

from __future__ import annotations

from linter.plugins import hookimpl


@hookimpl
def jxlint_formatters():
    from linter.report.formats import LINT_FORMATS

    return dict(LINT_FORMATS)


@hookimpl
def jxlint_parse_formatters():
    from linter.report.formats import PARSE_FORMATS

    return dict(PARSE_FORMATS)


@hookimpl
def jxlint_messages():
    from linter.report.catalog import MESSAGES

    return MESSAGES
