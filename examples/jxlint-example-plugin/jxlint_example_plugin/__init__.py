"""A jxlint plugin: the hooks are plain functions marked with jxlint's hookimpl."""

from __future__ import annotations

import csv

import pluggy

from jxlint_example_plugin import xm001_target_cannot_fail

hookimpl = pluggy.HookimplMarker("jxlint")


@hookimpl
def jxlint_rules():
    return [xm001_target_cannot_fail]


@hookimpl
def jxlint_formatters():
    return {"csv": format_csv}


def format_csv(result, catalog, stream):
    """One line per finding, for a spreadsheet."""
    writer = csv.writer(stream)
    writer.writerow(["path", "line", "column", "form", "project", "code", "name", "severity", "message"])
    for d in result.diagnostics:
        writer.writerow([d.path, d.span.line, d.span.column, d.form_index, d.project, d.code, d.name, d.severity, d.message])
