"""Running the rules: files -> documents -> findings -> diagnostics.

A rule sees only the AST. A rule that raises is reported as an internal
error naming the rule, and the other rules still run.
"""

from __future__ import annotations

import fnmatch
import os
import sys
import traceback
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO

from linter.ast import Document, Form, Span
from linter.cells import cells_by_span
from linter.config import Resolver, RuleInForce, command_line
from linter.messages import Catalog
from linter.parse import parse_bytes, parse_path
from linter.plugins import Registry, load_registry
from linter.rule import SEVERITIES, Finding, Rule

INTERNAL_ERROR = "internal-error"


@dataclass
class Diagnostic:
    path: str
    form_index: int | None
    project: str | None
    form_line: int | None
    code: str
    name: str
    severity: str
    span: Span
    message: str
    table_path: str | None = None
    expected: str | None = None
    actual: str | None = None
    cell: str | None = None  # the raw text of the cell pointed at, when the finding points at one

    @property
    def form(self) -> dict[str, object] | None:
        if self.form_index is None:
            return None
        return {"index": self.form_index, "project": self.project, "line": self.form_line}


@dataclass(frozen=True)
class FormSummary:
    index: int
    project: str | None
    line: int
    layout: str
    parsed: bool
    implementer: str | None = None  # 实施单位
    execution_rate: Decimal | None = None  # 执行率 of 年度资金总额, in percent, as written
    score: Decimal | None = None  # 总分 得分
    template: str | None = None


def form_summary(form: Form) -> FormSummary:
    total = form.funds.total if form.funds is not None else None
    rate = total.rate.number if total is not None and total.rate is not None else None
    score = form.total.score.number if form.total is not None and form.total.score is not None else None
    implementer = form.implementer.text if form.implementer is not None and form.implementer.text else None
    template = getattr(form, "template", None)
    template_name = getattr(template, "name", template)
    return FormSummary(
        form.index, form.project_name, form.span.line, form.layout, form.parsed,
        implementer, rate, score, None if template_name is None else str(template_name),
    )


@dataclass
class FileResult:
    """What a report needs of one file. The AST is dropped once the rules have run,
    so memory does not grow with the number of files linted."""

    path: str
    encoding: str | None
    forms: list[FormSummary] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source_lines: dict[int, str] = field(default_factory=dict)  # lines the findings point at
    config: str | None = None


@dataclass
class LintResult:
    files: list[FileResult] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)  # every rule known, by code
    waived: list[Diagnostic] = field(default_factory=list)  # hidden by a waiver (linter.waivers), still counted

    @property
    def internal_errors(self) -> int:
        return sum(1 for diagnostic in self.diagnostics if diagnostic.name == INTERNAL_ERROR)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [diagnostic for file in self.files for diagnostic in file.diagnostics]

    @property
    def forms(self) -> int:
        return sum(len(file.forms) for file in self.files)

    def counts(self) -> dict[str, int]:
        counts = {severity: 0 for severity in reversed(SEVERITIES)}
        for diagnostic in self.diagnostics:
            counts[diagnostic.severity] = counts.get(diagnostic.severity, 0) + 1
        return counts

    def failed(self, strict: bool) -> bool:
        counts = self.counts()
        return counts["error"] > 0 or (strict and counts["warning"] > 0)


def _text(value: object) -> str | None:
    if value is None:
        return None
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _lower(a: str, b: str | None) -> str:
    return a if b is None or SEVERITIES.index(a) <= SEVERITIES.index(b) else b


class Linter:
    def __init__(
        self, lang: str = "zh", config: Path | None = None, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
        registry: Registry | None = None,
    ) -> None:
        self.registry = registry or load_registry()
        self.catalog = Catalog(lang)
        self.catalog.add(self.registry.messages)
        self.resolver = Resolver(self.registry, config, command_line(select, ignore, self.registry))

    def discover(self, paths: list[str]) -> list[Path]:
        """Files named directly, and the files of folders matching `include`, minus `exclude`."""
        found: list[Path] = []
        for name in paths:
            path = Path(name)
            if not path.is_dir():
                found.append(path)
                continue
            include, exclude = self.resolver.include_exclude(path)
            for root, directories, files in os.walk(path):
                directories[:] = sorted(d for d in directories if not _excluded(d, exclude))
                for file in sorted(files):
                    if any(fnmatch.fnmatch(file, pattern) for pattern in include) and not _excluded(file, exclude):
                        found.append(Path(root) / file)
        return found

    def lint_paths(self, paths: list[str], encoding: str | None = None) -> list[FileResult]:
        """Every file of `paths` (files and folders, see `discover`), linted."""
        return [self.lint_path(path, encoding) for path in self.discover(paths)]

    def lint_path(self, path: Path, encoding: str | None = None) -> FileResult:
        return self.lint_document(parse_path(str(path), encoding), path)

    def lint_bytes(self, data: bytes, shown: str, config_path: Path, encoding: str | None = None) -> FileResult:
        return self.lint_document(parse_bytes(data, shown, encoding), config_path)

    def lint_document(self, document: Document, config_path: Path) -> FileResult:
        effective = self.resolver.effective(config_path)
        forms = [form_summary(f) for f in document.forms]
        result = FileResult(document.path, document.encoding, forms, config=effective.source)
        for in_force in effective.rules:
            result.diagnostics.extend(self._run(in_force, document))
        result.diagnostics.sort(key=lambda d: (d.span.line, d.span.column, d.code))
        _add_cell_texts(document, result.diagnostics)
        if result.diagnostics and document.text:
            lines = document.text.split("\n")
            result.source_lines = {d.span.line: lines[d.span.line - 1] for d in result.diagnostics if 0 < d.span.line <= len(lines)}
        return result

    def _run(self, in_force: RuleInForce, document: Document) -> list[Diagnostic]:
        rule = in_force.rule
        targets: list[Document | Form]
        if rule.scope == "document":
            targets = [document]
        elif rule.scope == "all-forms":
            targets = list(document.forms)
        else:
            targets = [form for form in document.forms if form.parsed]
        out: list[Diagnostic] = []
        for target in targets:
            form = target if isinstance(target, Form) else None
            try:
                for finding in rule.check(target, in_force.options):
                    out.append(self._diagnostic(document, form, in_force, finding))
            except Exception as error:  # a broken rule must not stop the others
                out.append(self._internal_error(document, form, in_force, error))
        return out

    def _diagnostic(self, document: Document, form: Form | None, in_force: RuleInForce, finding: Finding) -> Diagnostic:
        rule = in_force.rule
        args = dict(finding.args)
        if "problem_id" in args:
            args["problem"] = self.catalog.render(str(args["problem_id"]), args)
        return Diagnostic(
            path=document.path,
            form_index=form.index if form else None,
            project=form.project_name if form else None,
            form_line=form.span.line if form else None,
            code=rule.code,
            name=rule.name,
            severity=_lower(in_force.severity, finding.severity),
            span=finding.span,
            message=self.catalog.render(f"{rule.code}.{finding.message_id}", args),
            table_path=finding.table_path,
            expected=_text(finding.expected),
            actual=_text(finding.actual),
        )

    def _internal_error(self, document: Document, form: Form | None, in_force: RuleInForce, error: Exception) -> Diagnostic:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        message = self.catalog.render("engine.rule_crashed", {"rule": f"{in_force.rule.code} {in_force.rule.name}", "error": f"{type(error).__name__}: {error}", "where": where})
        span = form.span if form is not None else Span(1, 1, 1, 1)
        return Diagnostic(
            document.path, form.index if form else None, form.project_name if form else None, form.span.line if form else None,
            in_force.rule.code, INTERNAL_ERROR, "error", Span(span.line, span.column, span.line, span.column), message,
        )


def _add_cell_texts(document: Document, diagnostics: list[Diagnostic]) -> None:
    """The text of the cell each finding points at; cells are indexed once per form with findings."""
    cells: dict[int, dict[Span, str]] = {}
    forms = {form.index: form for form in document.forms}
    for diagnostic in diagnostics:
        index = diagnostic.form_index
        if index is None or index not in forms:
            continue
        if index not in cells:
            cells[index] = cells_by_span(forms[index])
        diagnostic.cell = cells[index].get(diagnostic.span)


def _excluded(name: str, exclude: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in exclude)


def lint_files(
    paths: list[str], output_format: str = "text", stream: IO[str] | None = None, lang: str = "zh",
    config: Path | None = None, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), encoding: str | None = None,
) -> LintResult:
    """Lint files and folders and write the report: the whole run, as the CLI does it."""
    linter = Linter(lang, config, select, ignore)
    result = LintResult(linter.lint_paths(paths, encoding), linter.registry.rules)
    linter.registry.formatters[output_format](result, linter.catalog, stream or sys.stdout)
    return result

