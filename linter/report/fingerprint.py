"""Fingerprints that identify a finding across runs and across edits elsewhere in the file.

Code-scanning dashboards (SARIF `partialFingerprints`, GitLab Code Quality
`fingerprint`) match findings between runs by these; a line number would make
every finding below an inserted line look new, so the key is what the finding
is about: rule, file, form (by 项目名称), table path and the text of the line,
with a counter for findings that are otherwise identical.
"""

from __future__ import annotations

import hashlib

from linter.engine import Diagnostic, LintResult


def fingerprints(result: LintResult) -> dict[int, str]:
    """`id(diagnostic)` -> a hex digest, stable for the same input."""
    out: dict[int, str] = {}
    for file in result.files:
        seen: dict[str, int] = {}
        for diagnostic in file.diagnostics:
            # A document has no source lines: the text of the cell stands in for the line's.
            source = (diagnostic.cell or "") if diagnostic.location else file.source_lines.get(diagnostic.span.line, "")
            line_text = " ".join(source.split())
            key = "\0".join((diagnostic.code, diagnostic.path, _form_key(diagnostic), diagnostic.table_path or "", line_text))
            seen[key] = seen.get(key, 0) + 1
            out[id(diagnostic)] = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()
    return out


def _form_key(diagnostic: Diagnostic) -> str:
    if diagnostic.form_index is None:
        return ""
    return diagnostic.project or f"#{diagnostic.form_index}"
