"""Running the rules: files -> documents -> findings -> diagnostics.

A rule sees only the AST. A rule that raises is reported as an internal
error naming the rule, and the other rules still run.
"""

from __future__ import annotations

import sys
from dataclasses import field
from decimal import Decimal, localcontext
from operator import attrgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING

from linter.config import ConfigError, Resolver, RuleInForce, command_line, load_definitions
from linter.messages import Catalog
from linter.plugins import Registry, load_registry
from linter.reading import DEFAULT_MAX_BYTES, read_document
from linter.record import record
from linter.rule import ARITHMETIC, SEVERITIES, Finding, Rule
from linter.shown import MAX_QUOTED, escaped, shortened
from linter.span import Span
from linter.walk import discover

if TYPE_CHECKING:  # the AST is loaded by what parses: a run answered from the cache needs none
    from linter.ast import Document, Form

INTERNAL_ERROR = "internal-error"
_BY_POSITION = attrgetter("span.line", "span.column", "code")  # the order of a file's diagnostics


@record
class Diagnostic:
    """One finding as reported: the rule, the form and the cell it points at, and its message."""

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
    related: tuple[Span, ...] = ()  # the cells a sum is made of
    cell: str | None = None  # the raw text of the cell pointed at, when the finding points at one
    # In a workbook, Word file or PDF: where the cell is in the document (Location.json,
    # linter.location); `span` is then a position in the text the document was read as.
    location: dict[str, object] | None = None
    related_locations: tuple[dict[str, object], ...] = ()

    @property
    def where(self) -> str:
        """`表1!D12` in a document, `248:35` (line:column) in text."""
        return str(self.location["text"]) if self.location else f"{self.span.line}:{self.span.column}"

    @property
    def form(self) -> dict[str, object] | None:
        if self.form_index is None:
            return None
        return {"index": self.form_index, "project": self.project, "line": self.form_line}


@record(frozen=True)
class FormSummary:
    """What a report shows of a form besides its findings: where it is, its project, and its key figures."""

    index: int
    project: str | None
    line: int
    layout: str
    parsed: bool
    implementer: str | None = None  # 实施单位
    execution_rate: Decimal | None = None  # 执行率 of 年度资金总额, in percent, as written
    score: Decimal | None = None  # 总分 得分
    template: str = "national"


def form_summary(form: Form) -> FormSummary:
    total = form.funds.total if form.funds is not None else None
    rate = total.rate.number if total is not None and total.rate is not None else None
    score = form.total.score.number if form.total is not None and form.total.score is not None else None
    implementer = form.implementer.text if form.implementer is not None and form.implementer.text else None
    return FormSummary(
        form.index, _project(form), form.span.line, form.layout, form.parsed, implementer, rate, score, form.template
    )


@record
class FileResult:
    """What a report needs of one file. The AST is dropped once the rules have run,
    so memory does not grow with the number of files linted."""

    path: str
    encoding: str | None
    forms: list[FormSummary] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source_lines: dict[int, str] = field(default_factory=dict)  # lines the findings point at
    config: str | None = None


@record
class LintResult:
    """The results of a run: each file's, the rules known, and the findings waived."""

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


def _project(form: Form | None) -> str | None:
    """The 项目名称 a report repeats with each finding: a whole cell would make the
    report grow with the cell, so it is shortened. (The last form's answer is kept: its
    findings come one after another.)"""
    if form is None:
        return None
    global _last_project
    last = _last_project
    if last[0] is form:
        return last[1]
    name = form.project_name
    project = shortened(name) if name is not None else None
    _last_project = (form, project)  # one tuple: a reader in another thread sees a whole pair
    return project


_last_project: tuple[Form | None, str | None] = (None, None)


def _lower(a: str, b: str | None) -> str:
    return a if b is None or SEVERITIES.index(a) <= SEVERITIES.index(b) else b


class Linter:
    def __init__(
        self, lang: str = "zh", config: Path | None = None, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
        registry: Registry | None = None, max_bytes: int = DEFAULT_MAX_BYTES, follow_symlinks: bool = False,
        template: str | None = None, paths: tuple[str, ...] = (),
    ) -> None:
        self.max_bytes = max_bytes
        self.follow_symlinks = follow_symlinks
        self.registry = registry or load_registry()
        self.catalog = Catalog(lang)
        self.catalog.add(self.registry.messages)
        self._rules_known = set(self.registry.rules)
        try:
            cli = command_line(select, ignore, self.registry, template)
        except ConfigError:
            # A selector may name a rule written in YAML: load the configurations in force
            # for the paths to lint and here (or the one given) so that their `define:` is
            # known, then check again.
            for where in {Path(path).resolve().parent if Path(path).is_file() else Path(path) for path in paths if path != "-"}:
                load_definitions(self.registry, config, where)
            load_definitions(self.registry, config)
            cli = command_line(select, ignore, self.registry, template)
        self.resolver = Resolver(self.registry, config, cli)
        self._template_files: dict[Path, tuple[object, str]] = {}

    def discover(self, paths: list[str]) -> list[Path]:
        """Files named directly, and the regular files of folders matching `include`, minus
        `exclude`, in sorted order (see `linter.walk`)."""
        return discover(paths, self.resolver.walk_filter, self.follow_symlinks)

    def lint_paths(self, paths: list[str], encoding: str | None = None) -> list[FileResult]:
        """Every file of `paths` (files and folders, see `discover`), linted."""
        return [self.lint_path(path, encoding) for path in self.discover(paths)]

    def lint_path(self, path: Path, encoding: str | None = None) -> FileResult:
        templates, template = self.templates_for(path)
        document = read_document(str(path), encoding, self.max_bytes, None, templates, template, self.registry.readers)
        return self.lint_document(document, path)

    def lint_bytes(self, data: bytes, shown: str, config_path: Path, encoding: str | None = None) -> FileResult:
        from linter.parse import parse_bytes

        templates, template = self.templates_for(config_path)
        return self.lint_document(parse_bytes(data, shown, encoding, templates, template), config_path)

    def templates_for(self, path: Path):
        """The templates a file is read with, and the one its configuration forces (or None)."""
        configured = self.resolver.effective(path).template
        if not isinstance(configured, Path):
            return self.registry.templates, configured
        if configured not in self._template_files:
            from linter.templates import read_template_file, template_set

            items = read_template_file(configured)
            added = [(item, str(configured)) for item in items]
            self._template_files[configured] = (template_set([*self.registry.template_data, *added]), items[0]["id"])
        return self._template_files[configured]

    def lint_document(self, document: Document, config_path: Path) -> FileResult:
        effective = self.resolver.effective(config_path)
        if self.registry.rules.keys() != self._rules_known:  # rules written in YAML, added as configurations load
            self.catalog.add(self.registry.messages)
            self._rules_known = set(self.registry.rules)
        forms = [form_summary(f) for f in document.forms]
        config = escaped(effective.source) if effective.source is not None else None
        result = FileResult(document.path, document.encoding, forms, config=config)
        linted = [form for form in document.forms if form.parsed and form.linted]  # what a rule of scope "form" sees
        with localcontext(ARITHMETIC):
            for in_force in effective.rules:
                result.diagnostics.extend(self._run(in_force, document, linted))
        result.diagnostics.sort(key=_BY_POSITION)
        _add_cell_texts(document, result.diagnostics)
        if document.locations is not None:
            from linter.location import locate

            locate(result.diagnostics, document.locations, self.catalog.lang)
        elif result.diagnostics and document.text:
            lines = document.text.split("\n")
            result.source_lines = {d.span.line: lines[d.span.line - 1] for d in result.diagnostics if 0 < d.span.line <= len(lines)}
        return result

    def _run(self, in_force: RuleInForce, document: Document, linted: list[Form]) -> list[Diagnostic]:
        rule = in_force.rule
        targets: list[Document] | list[Form]
        if rule.scope == "document":
            targets = [document]
        elif rule.scope == "all-forms":
            targets = list(document.forms)
        else:
            targets = linted
        if not targets:
            return []
        check, options = _check_function(rule), in_force.options
        diagnostic = self._diagnostic
        out: list[Diagnostic] = []
        for target in targets:
            form = None if rule.scope == "document" else target
            try:
                for finding in check(target, options):
                    out.append(diagnostic(document, form, in_force, finding))
            except Exception as error:  # a broken rule must not stop the others
                out.append(self._internal_error(document, form, in_force, error))
        return out

    def _diagnostic(self, document: Document, form: Form | None, in_force: RuleInForce, finding: Finding) -> Diagnostic:
        rule = in_force.rule
        args = finding.args
        if "problem_id" in args:
            args = dict(args)
            args["problem"] = self.catalog.render(str(args["problem_id"]), args)
        message_id = f"{rule.code}.{finding.message_id}"
        related = finding.related_spans if finding.related else ()
        if related and document.locations is not None and "line" in args:
            # A line of the text a document was read as means nothing to its reader: the
            # rule's `_located` message names the related cell's place in the document.
            from linter.location import located_message

            args = dict(args)
            message_id = located_message(self.catalog, message_id, args, document.locations, related[0])
        severity = in_force.severity if finding.severity is None else _lower(in_force.severity, finding.severity)
        table_path = finding.table_path
        # The fields in their order, not by keyword: thirteen keywords matched to the
        # parameters of Diagnostic's __init__ cost thousands of instructions a finding.
        return Diagnostic(
            document.path,  # path
            form.index if form else None,  # form_index
            _project(form),  # project
            form.span.line if form else None,  # form_line
            rule.code,  # code
            rule.name,  # name
            severity,  # severity
            finding.span,  # span
            self.catalog.render(message_id, args),  # message
            shortened(table_path, 2 * MAX_QUOTED) if table_path else None,  # table_path
            _text(finding.expected),  # expected
            _text(finding.actual),  # actual
            related,  # related
        )

    def _internal_error(self, document: Document, form: Form | None, in_force: RuleInForce, error: Exception) -> Diagnostic:
        import traceback

        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        message = self.catalog.render("engine.rule_crashed", {"rule": f"{in_force.rule.code} {in_force.rule.name}", "error": f"{type(error).__name__}: {error}", "where": where})
        span = form.span if form is not None else Span(1, 1, 1, 1)
        return Diagnostic(
            document.path, form.index if form else None, _project(form), form.span.line if form else None,
            in_force.rule.code, INTERNAL_ERROR, "error", Span(span.line, span.column, span.line, span.column), message,
        )


def _check_function(rule: Rule):
    """The rule's `check`; for a built-in rule, the function of its module rather than the
    `LazyCheck` that imports it (one call fewer a form). A module that fails to import is
    left to fail again in the call, reported as the rule's internal error on each form."""
    from linter.rule_index import LazyCheck  # here: imported by then, not when the engine is

    check = rule.check
    if isinstance(check, LazyCheck):
        try:
            return check.function
        except Exception:
            return check
    return check


def _add_cell_texts(document: Document, diagnostics: list[Diagnostic]) -> None:
    """The text of the cell each finding points at; cells are indexed once per form with findings."""
    from linter.cells import cells_by_span

    wanted: dict[int, set[Span]] = {}
    for diagnostic in diagnostics:
        if diagnostic.form_index is not None:
            wanted.setdefault(diagnostic.form_index, set()).add(diagnostic.span)
    cells = {form.index: cells_by_span(form, wanted[form.index]) for form in document.forms if form.index in wanted}
    for diagnostic in diagnostics:
        found = cells.get(diagnostic.form_index)  # type: ignore[arg-type]
        if found is not None:
            diagnostic.cell = found.get(diagnostic.span)


def lint_files(
    paths: list[str], output_format: str = "text", stream: IO[str] | None = None, lang: str = "zh",
    config: Path | None = None, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), encoding: str | None = None,
) -> LintResult:
    """Lint files and folders and write the report: the whole run, as the CLI does it."""
    linter = Linter(lang, config, select, ignore)
    result = LintResult(linter.lint_paths(paths, encoding), linter.registry.rules)
    linter.registry.formatters[output_format](result, linter.catalog, stream or sys.stdout)
    return result

