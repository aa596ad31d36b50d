"""`--format gitlab`: GitLab Code Quality JSON (a CodeClimate subset), shown in merge requests.

GitLab reads `description`, `check_name`, `fingerprint`, `severity` and
`location.path` / `location.lines.begin`. Severity: info -> info, warning ->
minor, error -> major; a rule that crashed is `critical`, since its check did
not run at all.
"""

from __future__ import annotations

import json
from typing import IO

from linter.engine import INTERNAL_ERROR, Diagnostic, LintResult
from linter.messages import Catalog
from linter.report.fingerprint import fingerprints

_SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}


def severity(diagnostic: Diagnostic) -> str:
    return "critical" if diagnostic.name == INTERNAL_ERROR else _SEVERITIES[diagnostic.severity]


def code_quality(result: LintResult) -> list[dict[str, object]]:
    prints = fingerprints(result)
    return [
        {
            "type": "issue",
            # A document's cell (`表1!D12`) leads the description; its line is then 1.
            "description": (f"{d.location['text']}: " if d.location else "") + f"{d.code} [{d.name}] {d.message}",
            "check_name": d.code,
            "fingerprint": prints[id(d)],
            "severity": severity(d),
            "categories": ["Bug Risk"],
            "location": {"path": d.path, "lines": {"begin": 1, "end": 1} if d.location else {"begin": d.span.line, "end": d.span.end_line}},
        }
        for d in result.diagnostics
    ]


def format_gitlab(result: LintResult, catalog: Catalog, stream: IO[str]) -> None:
    stream.write(json.dumps(code_quality(result), ensure_ascii=False, indent=1) + "\n")
