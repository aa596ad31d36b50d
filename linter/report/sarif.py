"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards.

Columns are Unicode code points (`columnKind: unicodeCodePoints`), as in every
jxlint position; the table path of a finding is its logical location.
"""

from __future__ import annotations

import json
from typing import IO

from linter import __version__
from linter.engine import LintResult
from linter.messages import Catalog

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def format_sarif(result: LintResult, catalog: Catalog, stream: IO[str]) -> None:
    used = sorted({diagnostic.code for diagnostic in result.diagnostics})
    rules = [
        {
            "id": code,
            "name": result.rules[code].name,
            "shortDescription": {"text": result.rules[code].summary},
            "defaultConfiguration": {"level": _LEVELS[result.rules[code].severity]},
        }
        for code in used if code in result.rules
    ]
    results = []
    for diagnostic in result.diagnostics:
        span = diagnostic.span
        location: dict[str, object] = {
            "physicalLocation": {
                "artifactLocation": {"uri": diagnostic.path},
                "region": {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line, "endColumn": span.end_column},
            }
        }
        if diagnostic.table_path:
            location["logicalLocations"] = [{"fullyQualifiedName": diagnostic.table_path}]
        results.append({
            "ruleId": diagnostic.code,
            "level": _LEVELS[diagnostic.severity],
            "message": {"text": diagnostic.message},
            "locations": [location],
            "properties": {"form": diagnostic.form, "expected": diagnostic.expected, "actual": diagnostic.actual},
        })
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "jxlint", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    json.dump(sarif, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
