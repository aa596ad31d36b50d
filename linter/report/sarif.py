"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning and others).

Columns are Unicode code points (`columnKind: unicodeCodePoints`), as in every
jxlint position; `endColumn` is exclusive in SARIF as in jxlint. The driver
lists every rule known (not only those found), so a dashboard can show a rule's
description and docs for a finding that later disappears. The table path of a
finding is its logical location; `partialFingerprints` match a finding across
runs (linter/report/fingerprint.py). Validated in tests against the OASIS schema.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import IO
from urllib.parse import quote

from linter import __version__
from linter.engine import Diagnostic, LintResult
from linter.messages import Catalog
from linter.report.fingerprint import fingerprints
from linter.report.rule_text import description, docs_url, summary
from linter.rule import Rule

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "jxlint/v1"


def artifact_uri(path: str) -> str:
    """A relative path stays relative (code scanning resolves it from the repository root);
    characters outside URI syntax, such as Chinese file names, are percent-encoded."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())


def rule_json(rule: Rule, catalog: Catalog) -> dict[str, object]:
    out: dict[str, object] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary(rule, catalog)},
        "fullDescription": {"text": description(rule, catalog)},
        "help": {"text": rule.docs_in(catalog.lang).strip() or rule.summary},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"tags": list(rule.groups)},
    }
    url = docs_url(rule)
    if url:
        out["helpUri"] = url
    return out


def _result(diagnostic: Diagnostic, index: dict[str, int], fingerprint: str) -> dict[str, object]:
    span = diagnostic.span
    location: dict[str, object] = {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(diagnostic.path)},
            "region": {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line, "endColumn": span.end_column},
        }
    }
    logical = []
    if diagnostic.location:
        # A workbook, Word file or PDF has no text lines: the artifact alone, and the cell as
        # a logical location (`表1!D12`); its parts in the result's properties.
        del location["physicalLocation"]["region"]  # type: ignore[attr-defined]
        logical.append({"name": diagnostic.location["text"], "kind": "element"})
    if diagnostic.table_path:
        logical.append({"name": diagnostic.table_path.rsplit("/", 1)[-1], "fullyQualifiedName": diagnostic.table_path})
    if logical:
        location["logicalLocations"] = logical
    out: dict[str, object] = {
        "ruleId": diagnostic.code,
        "level": _LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"name": diagnostic.name, "form": diagnostic.form, "expected": diagnostic.expected, "actual": diagnostic.actual},
    }
    if diagnostic.location:
        out["properties"]["location"] = diagnostic.location  # type: ignore[index]
    if diagnostic.related and diagnostic.location:
        out["relatedLocations"] = [
            {"id": number, "physicalLocation": {"artifactLocation": {"uri": artifact_uri(diagnostic.path)}},
             "logicalLocations": [{"name": related["text"], "kind": "element"}]}
            for number, related in enumerate(diagnostic.related_locations, start=1)
        ]
    elif diagnostic.related:
        # The cells a sum is made of, as SARIF's related locations (each needs an id).
        out["relatedLocations"] = [
            {"id": number, "physicalLocation": {
                "artifactLocation": {"uri": artifact_uri(diagnostic.path)},
                "region": {"startLine": s.line, "startColumn": s.column, "endLine": s.end_line, "endColumn": s.end_column},
            }}
            for number, s in enumerate(diagnostic.related, start=1)
        ]
    if diagnostic.code in index:
        out["ruleIndex"] = index[diagnostic.code]
    return out


def sarif_log(result: LintResult, catalog: Catalog) -> dict[str, object]:
    rules = [result.rules[code] for code in sorted(result.rules)]
    index = {rule.code: position for position, rule in enumerate(rules)}
    prints = fingerprints(result)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "jxlint", "version": __version__, "semanticVersion": __version__,
                "language": "zh-CN" if catalog.lang == "zh" else "en-US",
                "rules": [rule_json(rule, catalog) for rule in rules],
            }},
            "invocations": [{"executionSuccessful": result.internal_errors == 0}],
            "columnKind": "unicodeCodePoints",
            "results": [_result(d, index, prints[id(d)]) for d in result.diagnostics],
        }],
    }


def format_sarif(result: LintResult, catalog: Catalog, stream: IO[str]) -> None:
    json.dump(sarif_log(result, catalog), stream, ensure_ascii=False, indent=1)
    stream.write("\n")
