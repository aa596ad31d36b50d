"""`--format junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure…).

One `<testsuite>` per file, one `<testcase>` per form; a form with error-level
findings fails, its findings listed in the `<failure>`; warnings and info go to
the case's `<system-out>`. Findings about the file itself (unreadable, no form)
are one more case named after the file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import IO

from linter.engine import Diagnostic, FileResult, LintResult
from linter.messages import Catalog


def _line(diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    where = diagnostic.location["text"] if diagnostic.location else f"{span.line}:{span.column}"
    return f"{diagnostic.path}:{where}: {diagnostic.severity} {diagnostic.code} [{diagnostic.name}] {diagnostic.message}"


def _case(suite: ElementTree.Element, file: FileResult, name: str, findings: list[Diagnostic], catalog: Catalog) -> bool:
    case = ElementTree.SubElement(suite, "testcase", {"classname": file.path, "name": name, "file": file.path, "time": "0"})
    errors = [d for d in findings if d.severity == "error"]
    if errors:
        message = catalog.render("junit.errors", {"count": len(errors)})
        failure = ElementTree.SubElement(case, "failure", {"message": message, "type": errors[0].code})
        failure.text = "\n".join(_line(d) for d in errors)
    others = [d for d in findings if d.severity != "error"]
    if others:
        ElementTree.SubElement(case, "system-out").text = "\n".join(_line(d) for d in others)
    return bool(errors)


def junit_tree(result: LintResult, catalog: Catalog) -> ElementTree.Element:
    root = ElementTree.Element("testsuites", {"name": "jxlint"})
    total = failed = 0
    for file in result.files:
        suite = ElementTree.SubElement(root, "testsuite", {"name": file.path, "errors": "0", "skipped": "0", "time": "0"})
        by_form: dict[int | None, list[Diagnostic]] = {}
        for diagnostic in file.diagnostics:
            by_form.setdefault(diagnostic.form_index, []).append(diagnostic)
        cases = failures = 0
        if None in by_form or not file.forms:
            cases += 1
            failures += _case(suite, file, file.path, by_form.get(None, []), catalog)
        for form in file.forms:
            name = catalog.render("report.form", {"index": form.index, "project": form.project or "?"})
            cases += 1
            failures += _case(suite, file, name, by_form.get(form.index, []), catalog)
        suite.set("tests", str(cases))
        suite.set("failures", str(failures))
        total, failed = total + cases, failed + failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    return root


def format_junit(result: LintResult, catalog: Catalog, stream: IO[str]) -> None:
    tree = junit_tree(result, catalog)
    ElementTree.indent(tree)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(tree, encoding="unicode") + "\n")
