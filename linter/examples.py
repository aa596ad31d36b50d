"""The runnable examples of a rule: `rules/examples/CODE.yaml`, read by the tests, the docs and `jxlint explain`.

A rule's failing and passing examples are data, so the example the docs show is
the one the tests run (tests/test_rule_examples.py). A file holds a list of
cases; each case is a form (the minimal form `rules/examples/minimal.yaml` with
some rows changed, or rows of its own, or a file's raw bytes), the rule's
options when it needs any, and the findings the rule must report on it (none for
a passing case). docs/rule-docs.md describes the format.
"""

from __future__ import annotations

from dataclasses import field
from functools import lru_cache
from pathlib import Path

from linter.record import record

# yaml is imported where examples are read: every start checks whether a rule has
# examples (linter.rule), which needs only the file's existence.

EXAMPLES = Path(__file__).resolve().parent.parent / "rules" / "examples"
MINIMAL = "minimal"


@record(frozen=True)
class Change:
    """Rows `first`..`last` of the minimal form (1-based, inclusive) replaced by `rows`;
    an insertion after row `first - 1` when `last` is `first - 1`."""

    first: int
    last: int
    rows: tuple[tuple[str, ...], ...]


@record(frozen=True)
class Expected:
    code: str
    line: int
    column: int
    cell: str | None = None
    message: str | None = None
    args: dict[str, object] = field(default_factory=dict)


@record(frozen=True)
class Case:
    id: str
    kind: str  # failing, passing, near-miss
    note: dict[str, str]
    options: dict[str, object]
    base: str | None  # "minimal" or None
    changes: tuple[Change, ...]
    rows: tuple[tuple[str, ...], ...]  # the whole form, when there is no base
    name: str  # the file name the form is linted as
    raw: str | None  # a file's bytes, one character per byte (latin-1), for unreadable files
    expect: tuple[Expected, ...]

    def data(self) -> bytes:
        """The file the case lints."""
        if self.raw is not None:
            return self.raw.encode("latin-1")
        return self.text().encode("utf-8")

    def text(self) -> str:
        if self.base is None:
            return _join(self.rows)
        lines = list(minimal_rows())
        for change in sorted(self.changes, key=lambda change: change.first, reverse=True):
            lines[change.first - 1 : change.last] = change.rows
        return _join(lines)

    def config(self, code: str) -> str | None:
        """The configuration that sets the case's options, or None."""
        import yaml

        if not self.options:
            return None
        return yaml.safe_dump({"rules": {code: self.options}}, allow_unicode=True, sort_keys=False)

    def shown_rows(self, around: tuple[int, ...] = ()) -> list[tuple[int, tuple[str, ...]]]:
        """(line, cells) of the rows to show in docs: the changed rows of a case on the
        minimal form (or its rows at `around` when it changes none), else every row."""
        if self.base is None:
            return list(enumerate(self.rows, 1))
        shown: list[tuple[int, tuple[str, ...]]] = []
        offset = 0
        for change in sorted(self.changes, key=lambda change: change.first):
            start = change.first + offset
            shown += [(start + i, row) for i, row in enumerate(change.rows)]
            offset += len(change.rows) - (change.last - change.first + 1)
        if not shown and not self.changes:
            rows = minimal_rows()
            shown = [(line, rows[line - 1]) for line in around if 0 < line <= len(rows)]
        return shown

    def changed_lines(self) -> tuple[int, ...]:
        return tuple(line for line, _ in self.shown_rows())


@record(frozen=True)
class Examples:
    code: str
    cases: tuple[Case, ...]
    path: Path

    def first(self, failing: bool) -> Case | None:
        return next((case for case in self.cases if bool(case.expect) == failing), None)


def _join(rows) -> str:
    return "".join("\t".join(row) + "\n" for row in rows)


def _row(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"a row is a list of cells, not {value!r}")
    return tuple("" if cell is None else str(cell) for cell in value)


@lru_cache(maxsize=1)
def minimal_rows() -> tuple[tuple[str, ...], ...]:
    """The minimal, fully consistent national form every example starts from."""
    import yaml

    data = yaml.safe_load((EXAMPLES / f"{MINIMAL}.yaml").read_text(encoding="utf-8"))
    return tuple(_row(row) for row in data["rows"])


def minimal_form() -> str:
    return _join(minimal_rows())


def _case(code: str, item: dict) -> Case:
    changes = []
    for change in item.get("change", ()):
        rows = tuple(_row(row) for row in change.get("rows", ()))
        if "after" in change:
            changes.append(Change(int(change["after"]) + 1, int(change["after"]), rows))
        else:
            first, last = change["at"] if isinstance(change["at"], list) else (change["at"], change["at"])
            changes.append(Change(int(first), int(last), rows))
    expect = tuple(
        Expected(
            code=finding.get("code", code), line=int(finding["line"]), column=int(finding["column"]),
            cell=finding.get("cell"), message=finding.get("message"),
            args=dict(finding.get("args") or {}),
        )
        for finding in item.get("expect", ())
    )
    raw = item.get("raw")
    return Case(
        id=str(item["id"]),
        kind=item.get("kind", "failing" if expect else "passing"),
        note=dict(item.get("note") or {}),
        options=dict(item.get("options") or {}),
        base=item.get("form"),
        changes=tuple(changes),
        rows=tuple(_row(row) for row in item.get("rows", ())),
        name=item.get("name", "form.txt"),
        raw=raw,
        expect=expect,
    )


@lru_cache(maxsize=None)
def examples(code: str) -> Examples | None:
    """The examples of rule `code`, or None when it has no file (a plugin's rule)."""
    import yaml

    path = EXAMPLES / f"{code}.yaml"
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Examples(code, tuple(_case(code, item) for item in data.get("cases", ())), path)


def has_examples(code: str) -> bool:
    return (EXAMPLES / f"{code}.yaml").is_file()


def all_codes() -> list[str]:
    return sorted(path.stem for path in EXAMPLES.glob("*.yaml") if path.stem != MINIMAL)


def message(code: str, expected: Expected, catalog) -> str | None:
    """The text of an expected finding in the catalog's language, as the engine renders it."""
    if expected.message is None:
        return None
    args = dict(expected.args)
    if "problem_id" in args:
        args["problem"] = catalog.render(str(args["problem_id"]), args)
    return catalog.render(f"{expected.code}.{expected.message}", args)
