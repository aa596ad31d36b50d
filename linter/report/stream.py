"""Reports written as results arrive, one file at a time, keeping only counters.

A writer takes each `FileResult` as it comes (`add`) and ends the report from the run's
totals (`close`). The bytes are those of the whole-report formatter of the same name
(linter/report/text.py, lint_json.py, sarif.py …; tests compare them): a stream of a
thousand files or of a million reads the same as a report built in memory would.

Where a document must begin with what is known only at the end, the part that follows
is spooled to a temporary file (not memory) and copied after: JSON's `diagnostics`
follow every `files` entry; SARIF's `invocations` (did a rule crash?) and JUnit's
totals precede the findings.

`html` and `xlsx` (the review page and the workbook) and plugins' formats are given the
whole `LintResult`, as before: see `linter.lint_command`.
"""

from __future__ import annotations

import json
from typing import IO

from linter.engine import INTERNAL_ERROR, FileResult, LintResult
from linter.messages import Catalog
from linter.packed import forms_of
from linter.rule import SEVERITIES

_SPOOL_CHUNK = 1 << 16  # characters copied at a time: a large chunk is a peak of its own


class Totals:
    """The counters a report's summary needs, and whether the run failed."""

    def __init__(self) -> None:
        self.files = self.forms = self.internal_errors = self.waived = 0
        self.counts = {severity: 0 for severity in reversed(SEVERITIES)}

    def add(self, file: FileResult, waived: int = 0) -> None:
        self.files += 1
        self.forms += forms_of(file)
        self.waived += waived
        tally = getattr(file, "tally", None)  # a packed result's counts (linter/packed.py): nothing to decode
        if tally is not None:
            counts, internal = tally
            for severity, count in counts.items():
                self.counts[severity] = self.counts.get(severity, 0) + count
            self.internal_errors += internal
            return
        for diagnostic in file.diagnostics:
            self.counts[diagnostic.severity] = self.counts.get(diagnostic.severity, 0) + 1
            if diagnostic.name == INTERNAL_ERROR:
                self.internal_errors += 1

    def failed(self, strict: bool) -> bool:
        return self.counts["error"] > 0 or (strict and self.counts["warning"] > 0)

    def summary(self, lang: str) -> str:
        from linter.report.text import summary_line

        return summary_line(self.files, self.forms, self.counts, self.internal_errors, self.waived, lang)


def _spool() -> IO[str]:
    import tempfile

    return tempfile.TemporaryFile("w+", encoding="utf-8", newline="")


def _copy(spool: IO[str], stream: IO[str]) -> None:
    import shutil

    spool.seek(0)
    shutil.copyfileobj(spool, stream, _SPOOL_CHUNK)
    spool.close()


class Writer:
    # A writer with `render` (text, json) writes a file's report from text that may be
    # rendered elsewhere: in a worker process, or when the result was cached
    # (`linter.packed` fragments). `render` depends on the file and the language only.
    render = None

    def __init__(self, rules: dict, catalog: Catalog, stream: IO[str]) -> None:
        self.rules, self.catalog, self.stream = rules, catalog, stream

    def _parts(self, file: FileResult, name: str) -> tuple[str, ...]:
        from linter.packed import fragment

        parts = fragment(file, name)
        return parts if parts is not None else self.render(file, self.catalog.lang)  # type: ignore[misc]

    def add(self, file: FileResult) -> None:
        raise NotImplementedError

    def close(self, totals: Totals) -> None:
        raise NotImplementedError


class TextWriter(Writer):
    @staticmethod
    def render(file: FileResult, lang: str) -> tuple[str, ...]:
        from linter.report.text import _block

        return ("".join(_block(diagnostic, file.source_lines, lang) for diagnostic in file.diagnostics),)

    def add(self, file: FileResult) -> None:
        self.stream.write(self._parts(file, "text")[0])

    def close(self, totals: Totals) -> None:
        self.stream.write(totals.summary(self.catalog.lang) + "\n")


class GithubWriter(Writer):
    def add(self, file: FileResult) -> None:
        from linter.report.github import annotation

        for diagnostic in file.diagnostics:
            self.stream.write(annotation(diagnostic) + "\n")

    def close(self, totals: Totals) -> None:
        self.stream.write(totals.summary(self.catalog.lang) + "\n")


class JsonlWriter(Writer):
    """`--format jsonl`: one finding per line, the fields of a `diagnostics` entry of
    the JSON report (docs/output.md); nothing else, so every line is one finding."""

    def add(self, file: FileResult) -> None:
        from linter.report.lint_json import diagnostic_json

        for diagnostic in file.diagnostics:
            self.stream.write(json.dumps(diagnostic_json(diagnostic), ensure_ascii=False) + "\n")

    def close(self, totals: Totals) -> None:
        self.stream.flush()


class JsonWriter(Writer):
    """`files` entries go out as they come; `diagnostics` wait in a spool file."""

    def __init__(self, rules: dict, catalog: Catalog, stream: IO[str]) -> None:
        from linter.report.lint_json import REPORT_VERSION

        super().__init__(rules, catalog, stream)
        self.spool = _spool()
        self.files = self.diagnostics = 0
        stream.write('{"version": %d, "files": [' % REPORT_VERSION)

    @staticmethod
    def render(file: FileResult, lang: str) -> tuple[str, ...]:
        """The file's `files` entry, and its `diagnostics` entries joined."""
        from linter.report.lint_json import diagnostic_json, file_json

        dumps = json.dumps
        # The entries as one JSON array without its brackets: one call of the encoder, not
        # one an entry, and the same text (its separator is the ", " they were joined with).
        entries = dumps([diagnostic_json(diagnostic) for diagnostic in file.diagnostics], ensure_ascii=False)[1:-1]
        return dumps(file_json(file), ensure_ascii=False), entries

    def add(self, file: FileResult) -> None:
        entry, diagnostics = self._parts(file, "json")
        self.stream.write((", " if self.files else "") + entry)
        self.files += 1
        if diagnostics:
            self.spool.write((", " if self.diagnostics else "") + diagnostics)
            self.diagnostics += 1  # entries written so far: only whether there were any matters

    def close(self, totals: Totals) -> None:
        from linter.report.lint_json import summary_json

        self.stream.write('], "diagnostics": [')
        _copy(self.spool, self.stream)
        summary = summary_json(totals.files, totals.forms, totals.counts, totals.internal_errors, totals.waived)
        self.stream.write('], "summary": ' + json.dumps(summary, ensure_ascii=False) + "}\n")


def _indented(value: object, prefix: str) -> str:
    """`json.dumps(value, indent=1)` as it appears nested at `prefix`."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + prefix)


_MARK = "@@jxlint-results@@"


class SarifWriter(Writer):
    """Results spooled; at the end the log's head (with `invocations`), the results, its tail."""

    def __init__(self, rules: dict, catalog: Catalog, stream: IO[str]) -> None:
        super().__init__(rules, catalog, stream)
        self.spool = _spool()
        self.results = 0
        ordered = [rules[code] for code in sorted(rules)]
        self.index = {rule.code: position for position, rule in enumerate(ordered)}

    def add(self, file: FileResult) -> None:
        from linter.report.fingerprint import fingerprints
        from linter.report.sarif import _result

        prints = fingerprints(LintResult([file]))
        for diagnostic in file.diagnostics:
            text = _indented(_result(diagnostic, self.index, prints[id(diagnostic)]), "    ")
            self.spool.write((",\n    " if self.results else "") + text)
            self.results += 1

    def close(self, totals: Totals) -> None:
        from linter.report.sarif import sarif_log

        shell = LintResult(rules=self.rules)
        log = sarif_log(shell, self.catalog)
        run = log["runs"][0]  # type: ignore[index]
        run["invocations"] = [{"executionSuccessful": totals.internal_errors == 0}]
        if not self.results:
            self.spool.close()
            self.stream.write(json.dumps(log, ensure_ascii=False, indent=1) + "\n")
            return
        run["results"] = [_MARK]
        head, tail = json.dumps(log, ensure_ascii=False, indent=1).split(f'"{_MARK}"')
        self.stream.write(head)
        _copy(self.spool, self.stream)
        self.stream.write(tail + "\n")


class GitlabWriter(Writer):
    """A JSON array, one issue after another as they come."""

    def __init__(self, rules: dict, catalog: Catalog, stream: IO[str]) -> None:
        super().__init__(rules, catalog, stream)
        self.issues = 0

    def add(self, file: FileResult) -> None:
        from linter.report.gitlab import code_quality

        for issue in code_quality(LintResult([file])):
            self.stream.write(("[\n " if not self.issues else ",\n ") + _indented(issue, " "))
            self.issues += 1

    def close(self, totals: Totals) -> None:
        self.stream.write("\n]\n" if self.issues else "[]\n")


class JunitWriter(Writer):
    """One `<testsuite>` per file, spooled; the root element carries the totals."""

    def __init__(self, rules: dict, catalog: Catalog, stream: IO[str]) -> None:
        super().__init__(rules, catalog, stream)
        self.spool = _spool()
        self.tests = self.failures = self.suites = 0

    def add(self, file: FileResult) -> None:
        import xml.etree.ElementTree as ElementTree

        from linter.report.junit import junit_tree

        root = junit_tree(LintResult([file]), self.catalog)
        ElementTree.indent(root)
        suite = root[0]
        suite.tail = None
        self.tests += int(root.get("tests", "0"))
        self.failures += int(root.get("failures", "0"))
        self.spool.write("\n  " + ElementTree.tostring(suite, encoding="unicode"))
        self.suites += 1

    def close(self, totals: Totals) -> None:
        from xml.sax.saxutils import quoteattr

        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        head = f'<testsuites name="jxlint" tests={quoteattr(str(self.tests))} failures={quoteattr(str(self.failures))} errors="0"'
        if not self.suites:
            self.spool.close()
            self.stream.write(head + " />\n")
            return
        self.stream.write(head + ">")
        _copy(self.spool, self.stream)
        self.stream.write("\n</testsuites>\n")


WRITERS: dict[str, type[Writer]] = {
    "text": TextWriter, "json": JsonWriter, "jsonl": JsonlWriter, "sarif": SarifWriter,
    "github": GithubWriter, "gitlab": GitlabWriter, "junit": JunitWriter,
}


def format_jsonl(result: LintResult, catalog: Catalog, stream: IO[str]) -> None:
    """The whole-report form of `jsonl`, for the registry (and plugins calling formats)."""
    write_all(JsonlWriter, result, catalog, stream)


def write_all(writer_class: type[Writer], result: LintResult, catalog: Catalog, stream: IO[str]) -> None:
    """A whole `LintResult` through a writer (waived findings already moved out)."""
    writer = writer_class(result.rules, catalog, stream)
    totals = Totals()
    for file in result.files:
        writer.add(file)
        totals.add(file)
    totals.waived = len(result.waived)
    writer.close(totals)
