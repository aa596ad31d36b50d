"""Rules written in YAML: the `define:` key of a configuration or rule set (docs/yaml-rules.md).

Each definition becomes a `Rule` like a built-in one (code, name, severity, groups,
options, zh and en messages, docs), so it is selected, ignored, given a severity, waived
and explained the same way. Four kinds:

- `required`: a field present and not empty;
- `pattern`: a field's text matches (`matches:`) or must not match (`forbids:`) a regular
  expression, run by RE2 (linear time: no pattern can hang the linter);
- `range`: a field's number within `min` and `max`;
- `formula`: a condition over the form (`linter.expression`) that must hold within `tolerance`.

A field or expression that names `indicators.COLUMN` outside sum/min/max/count is checked
once per indicator row. Values that cannot be trusted (missing, malformed, uncertain
column) make a rule silent, never a finding on a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from linter.ast import Cell, Form, Indicator, Span
from linter.expression import (
    Aggregate, Compare, Expression, ExpressionError, Path, Rows, Scope, aggregate_cells, cell_number, culprit,
    parse_expression, references, sides, truth, value,
)
from linter.form_fields import INDICATOR_COLUMNS, NUMERIC_INDICATOR_COLUMNS, FieldPath, form_path, indicator_cell, indicator_rows
from linter.record import record
from linter.rule import CODE_RE, NAME_RE, SEVERITIES, Finding, Option, Rule, plain
from linter.shown import quoted

KINDS = ("required", "pattern", "range", "formula")
KEYS = ("name", "kind", "severity", "groups", "expression", "tolerance", "field", "matches", "forbids", "min", "max",
        "message", "docs")
KIND_KEYS = {
    "required": ("field",), "pattern": ("field", "matches", "forbids"), "range": ("field", "min", "max"),
    "formula": ("expression", "tolerance"),
}
DOC_KEYS = ("what", "why", "failing", "passing", "source")
RESERVED_PREFIX = "JX"
MAX_PATTERN = 500  # characters of one regular expression
MAX_PATTERN_MEMORY = 4 << 20  # bytes RE2 may use to compile one
MAX_MESSAGE = 500
EMPTY_TEXTS = frozenset({"", "-", "—", "–", "/", "／", "－"})
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_BUILTIN_PLACEHOLDERS = {
    "required": ("field", "indicator"),
    "pattern": ("field", "indicator", "value"),
    "range": ("field", "indicator", "value", "min", "max"),
    "formula": ("left", "right", "tolerance", "indicator"),
}


class DefinitionError(Exception):
    """A bad definition: the message id and args, the key path inside the definition, and
    for an expression the 1-based line and column inside its text."""

    def __init__(self, message_id: str, args: dict[str, object], where: tuple = (), position: tuple[int, int] | None = None):
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args
        self.where = where
        self.position = position


@record(frozen=True)
class YamlRule(Rule):
    """A rule defined in a configuration file: `defined_in` is where (shown path:line),
    `config_file` the file's real path (its identity when the file is read again)."""

    defined_in: str = ""
    config_file: str = ""
    summaries: tuple[tuple[str, str], ...] = ()  # (language, first line of `what`), for reports


# Building ------------------------------------------------------------------------------------


def build_rule(code: object, data: object, defined_in: str, config_file: str = "") -> YamlRule:
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise DefinitionError("define.code", {"code": code})
    if code.upper().startswith(RESERVED_PREFIX):
        raise DefinitionError("define.reserved_code", {"code": code, "prefix": RESERVED_PREFIX})
    if not isinstance(data, dict):
        raise DefinitionError("define.not_mapping", {"code": code})
    for key in data:
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(str(key), KEYS, n=1)
            raise DefinitionError("define.unknown_key", {"code": code, "key": key, "hint": close[0] if close else "",
                                                         "known": ", ".join(KEYS)}, (key,))
    for key in ("name", "kind", "message", "docs"):
        if key not in data:
            raise DefinitionError("define.missing_key", {"code": code, "key": key})
    name, kind = data["name"], data["kind"]
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise DefinitionError("define.name", {"code": code, "name": name}, ("name",))
    if kind not in KINDS:
        raise DefinitionError("define.kind", {"code": code, "rule_kind": kind, "known": ", ".join(KINDS)}, ("kind",))
    for key in data:
        if key in ("expression", "tolerance", "field", "matches", "forbids", "min", "max") and key not in KIND_KEYS[kind]:
            raise DefinitionError("define.key_for_kind", {"code": code, "key": key, "rule_kind": kind,
                                                          "known": ", ".join(KIND_KEYS[kind])}, (key,))
    severity = data.get("severity", "warning")
    if severity not in SEVERITIES:
        raise DefinitionError("define.severity", {"code": code, "value": severity}, ("severity",))
    groups = data.get("groups", [])
    if not isinstance(groups, list) or not all(isinstance(group, str) and NAME_RE.match(group) for group in groups):
        raise DefinitionError("define.groups", {"code": code}, ("groups",))
    checker = _checker(code, kind, data)
    templates = _messages(code, data["message"], checker.placeholders)
    docs = _docs(code, name, kind, data, templates, defined_in)
    summaries = tuple((lang, text.splitlines()[0]) for lang, text in docs.items())  # each begins with `what`'s first line
    options = {}
    if kind == "formula":
        options["tolerance"] = Option("decimal", checker.tolerance, "largest accepted difference in a comparison")
    return YamlRule(
        code=code, name=name, severity=severity, groups=("yaml", *groups), options=options,
        messages={"zh": {"failed": "{message}"}, "en": {"failed": "{message}"}},
        docs=docs["en"], docs_zh=docs["zh"], check=checker.run(templates), origin=f"yaml: {defined_in}", scope="form", defined_in=defined_in,
        config_file=config_file or defined_in, summaries=summaries,
    )


def _text(value: object, code: str, where: tuple, limit: int = 4000) -> dict[str, str]:
    """A text in both languages: `{zh: …, en: …}`, or one string for both."""
    if isinstance(value, str):
        value = {"zh": value, "en": value}
    if not isinstance(value, dict) or set(value) != {"zh", "en"} or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise DefinitionError("define.text", {"code": code, "key": ".".join(map(str, where))}, where)
    if any(len(v) > limit for v in value.values()):
        raise DefinitionError("define.text_too_long", {"code": code, "key": ".".join(map(str, where)), "limit": limit}, where)
    return {"zh": value["zh"], "en": value["en"]}


def _messages(code: str, data: object, allowed: set[str]) -> dict[str, str]:
    texts = _text(data, code, ("message",), MAX_MESSAGE)
    for lang, template in texts.items():
        for match in _PLACEHOLDER.finditer(template):
            name = match.group(1)
            if name is None:
                continue
            if "".join(name.split()) not in allowed:
                import difflib

                close = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.5)
                raise DefinitionError(
                    "define.placeholder",
                    {"code": code, "placeholder": name, "hint": close[0] if close else "", "known": ", ".join(sorted(allowed))},
                    ("message", lang) if isinstance(data, dict) else ("message",), _position(template, match.start()),
                )
        if "{" in _PLACEHOLDER.sub("", template) or "}" in _PLACEHOLDER.sub("", template):
            raise DefinitionError("define.brace", {"code": code}, ("message", lang) if isinstance(data, dict) else ("message",))
    return texts


def _position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def render(template: str, values: dict[str, str]) -> str:
    """`{name}` replaced by its value (shortened and escaped); `{{` and `}}` are braces."""
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name is None:
            return match.group(0)[0]
        return values.get("".join(name.split()), "?")

    return _PLACEHOLDER.sub(replace, template)


def _docs(code: str, name: str, kind: str, data: dict, messages: dict[str, str], defined_in: str) -> dict[str, str]:
    """The rule's docs in each language, with the headings built-in rules have."""
    docs = data["docs"]
    if not isinstance(docs, dict):
        raise DefinitionError("define.docs", {"code": code, "known": ", ".join(DOC_KEYS)}, ("docs",))
    for key in docs:
        if key not in DOC_KEYS:
            raise DefinitionError("define.docs", {"code": code, "known": ", ".join(DOC_KEYS)}, ("docs", key))
    for key in ("what", "why", "failing", "passing"):
        if key not in docs:
            raise DefinitionError("define.docs", {"code": code, "known": ", ".join(DOC_KEYS)}, ("docs",))
    text = {key: _text(docs[key], code, ("docs", key)) for key in docs}
    definition = [f"    kind: {kind}"]
    for key in KIND_KEYS[kind]:
        if key in data:
            definition.append(f"    {key}: {data[key]}")
    definition += [f"    message.zh: {messages['zh']}", f"    message.en: {messages['en']}"]
    out = {}
    for lang, headings in _DOC_HEADINGS.items():
        def part(key: str, indent: bool = False) -> str:
            body = text[key][lang].strip()
            return "\n".join("    " + line for line in body.splitlines()) if indent else body

        source = text["source"][lang].strip() if "source" in text else ""
        out[lang] = "\n".join([
            text["what"][lang].strip().splitlines()[0], "",
            headings[0], part("what"), "",
            headings[1], part("why"), "",
            headings[2], part("failing", indent=True), "",
            headings[3], part("passing", indent=True), "",
            headings[4], *definition, "",
            headings[5], *([source, ""] if source else []),
            headings[6].format(defined_in=defined_in),
        ])
    return out


_DOC_HEADINGS = {
    "zh": ("## 检查什么", "## 为什么重要", "## 错误示例", "## 正确示例", "## 定义", "## 依据", "规则写在 {defined_in}（YAML 规则）"),
    "en": ("## What it checks", "## Why it matters", "## Failing example", "## Passing example", "## Definition", "## Source",
           "defined in {defined_in} (a rule written in YAML)"),
}


def _decimal(value: object, code: str, key: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise DefinitionError("define.number", {"code": code, "key": key}, (key,))
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise DefinitionError("define.number", {"code": code, "key": key}, (key,)) from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** 15 or number.as_tuple().exponent < -15:
        raise DefinitionError("define.number", {"code": code, "key": key}, (key,))
    return number


def _field(code: str, data: dict) -> tuple[FieldPath | None, tuple[str, ...], str | None]:
    """A `field:` value: a form-level path, or (None, blocks, column) for indicator rows."""
    text = data.get("field")
    if not isinstance(text, str) or not text.strip():
        raise DefinitionError("define.missing_key", {"code": code, "key": "field"}, ("field",))
    try:
        expression = parse_expression(text, want="number")
    except ExpressionError as error:
        if error.message_id in ("expression.not_numeric", "expression.want_number"):
            expression = None
        else:
            raise DefinitionError(error.message_id, {**error.args_, "code": code}, ("field",), (error.line, error.column)) from None
    if expression is None:
        # Text fields are not numbers, but they are fields: look the path up directly.
        parts = tuple(part.strip() for part in text.strip().split("."))
        path = form_path(parts)
        if path is not None:
            return path, (), None
        match = re.fullmatch(r"indicators(?:\[([^\]]*)\])?\.(\w+)", text.strip())
        if match and match.group(2) in INDICATOR_COLUMNS:
            blocks = tuple(block.strip().strip("\"'") for block in (match.group(1) or "").split(",") if block.strip())
            return None, blocks, match.group(2)
        raise DefinitionError("expression.unknown_field", {"field": text, "hint": "", "code": code}, ("field",), (1, 1))
    root = expression.root
    if isinstance(root, Path):
        return root.path, (), None
    if isinstance(root, Rows):
        return None, root.blocks, root.column
    raise DefinitionError("define.field", {"code": code, "field": text}, ("field",))


class _Checker:
    placeholders: set[str]
    tolerance: Decimal | None = None

    def run(self, templates: dict[str, str]):
        def check(form: Form, options: dict[str, object]) -> Iterator[Finding]:
            yield from self.check(form, options, templates)

        return check

    def check(self, form: Form, options: dict[str, object], templates: dict[str, str]) -> Iterator[Finding]:
        raise NotImplementedError


def _checker(code: str, kind: str, data: dict) -> _Checker:
    if kind == "formula":
        return _Formula(code, data)
    return _FieldCheck(code, kind, data)


def _finding(where: Cell | Span, templates: dict[str, str], values: dict[str, str], table_path: str | None = None,
             expected: object = None, actual: object = None, related: tuple = ()) -> Finding:
    message = {lang: render(template, values) for lang, template in templates.items()}
    return Finding(where, "failed", {"message": message}, table_path, expected, actual, related=related)


def _form_anchor(form: Form) -> Cell | Span:
    return form.title if form.title is not None else Span(form.span.line, form.span.column, form.span.line, form.span.column)


def _shown(value: Decimal | None) -> str:
    return plain(value) if value is not None else "?"


class _Formula(_Checker):
    def __init__(self, code: str, data: dict) -> None:
        if "expression" not in data:
            raise DefinitionError("define.missing_key", {"code": code, "key": "expression"})
        try:
            self.expression: Expression = parse_expression(data["expression"])
        except ExpressionError as error:
            raise DefinitionError(error.message_id, {**error.args_, "code": code}, ("expression",), (error.line, error.column)) from None
        self.tolerance = _decimal(data.get("tolerance", 0), code, "tolerance")
        if self.tolerance < 0:
            raise DefinitionError("define.number", {"code": code, "key": "tolerance"}, ("tolerance",))
        self.placeholders = self.expression.placeholders | set(_BUILTIN_PLACEHOLDERS["formula"])

    def check(self, form: Form, options: dict[str, object], templates: dict[str, str]) -> Iterator[Finding]:
        tolerance = options.get("tolerance")
        tolerance = tolerance if isinstance(tolerance, Decimal) else self.tolerance or Decimal(0)
        if not self.expression.per_row:
            yield from self._once(Scope(form, None, tolerance), templates)
            return
        blocks = [rows.blocks for rows in self.expression.per_row]
        for row in form.counted_indicators:
            if all(not b or row in indicator_rows(form, b) for b in blocks):
                yield from self._once(Scope(form, row, tolerance), templates)

    def _once(self, scope: Scope, templates: dict[str, str]) -> Iterator[Finding]:
        root = self.expression.root
        if truth(root, scope) is not False:
            return
        failing = culprit(root, scope)
        values = {node.text: _shown(value(node, scope)) for node in self.expression.references}
        left, right = sides(failing, scope)
        values.update({"left": _shown(left), "right": _shown(right), "tolerance": plain(scope.tolerance)})
        if scope.row is not None:
            values["indicator"] = quoted(scope.row.name.text if scope.row.name is not None else scope.row.path)
        where, related = _anchor(failing, scope)
        table_path = scope.row.path if scope.row is not None else None
        expected = plain(right) if isinstance(failing, Compare) and right is not None else None
        actual = plain(left) if isinstance(failing, Compare) and left is not None else None
        yield _finding(where, templates, values, table_path, expected, actual, related)


def _anchor(node, scope: Scope) -> tuple[Cell | Span, tuple]:
    """The cell the first field path of the failing part names; an aggregate's cells are
    related cells; the form title when no path names a cell."""
    related: list[Cell] = []
    first: Cell | None = None
    for reference in references(node):
        if isinstance(reference, Aggregate):
            related += aggregate_cells(reference, scope.form)
            continue
        if isinstance(reference, Path):
            cell = reference.path.get(scope.form)
        else:
            cell = indicator_cell(scope.row, reference.column) if scope.row is not None and reference.column else None
        if first is None and cell is not None:
            first = cell
    if first is None and related:
        first = related[0]
    return (first if first is not None else _form_anchor(scope.form)), tuple(related)


class _FieldCheck(_Checker):
    def __init__(self, code: str, kind: str, data: dict) -> None:
        self.kind = kind
        self.path, self.blocks, self.column = _field(code, data)
        self.regex = None
        self.forbid = False
        if kind == "pattern":
            self.regex, self.forbid = _pattern(code, data)
        self.low = self.high = None
        if kind == "range":
            numeric = self.path.numeric if self.path is not None else self.column in NUMERIC_INDICATOR_COLUMNS
            if not numeric:
                raise DefinitionError("expression.not_numeric", {"field": data["field"], "code": code}, ("field",), (1, 1))
            if "min" not in data and "max" not in data:
                raise DefinitionError("define.missing_key", {"code": code, "key": "min / max"})
            self.low = _decimal(data["min"], code, "min") if "min" in data else None
            self.high = _decimal(data["max"], code, "max") if "max" in data else None
            if self.low is not None and self.high is not None and self.low > self.high:
                raise DefinitionError("define.empty_range", {"code": code}, ("min",))
        self.field_text = str(data["field"]).strip()
        self.placeholders = set(_BUILTIN_PLACEHOLDERS[kind])

    def check(self, form: Form, options: dict[str, object], templates: dict[str, str]) -> Iterator[Finding]:
        if self.path is not None:
            yield from self._form_field(form, templates)
            return
        rows = indicator_rows(form, self.blocks)
        if not rows or all(indicator_cell(row, self.column) is None for row in rows):
            return  # no such rows, or the template has no such column
        for row in rows:
            yield from self._one(form, indicator_cell(row, self.column), row, templates)

    def _form_field(self, form: Form, templates: dict[str, str]) -> Iterator[Finding]:
        path = self.path
        if path.container is not None and path.container(form) is None:
            return  # the block is missing: reported by the structure rules, not here
        if path.part is not None and not form.complete(path.part):
            return
        yield from self._one(form, path.get(form), None, templates)

    def _one(self, form: Form, cell: Cell | None, row: Indicator | None, templates: dict[str, str]) -> Iterator[Finding]:
        values = {"field": self.field_text, "min": _shown(self.low), "max": _shown(self.high)}
        if row is not None:
            values["indicator"] = quoted(row.name.text if row.name is not None else row.path)
        table_path = row.path if row is not None else None
        if cell is not None and cell.uncertain:
            return  # the parser is unsure this cell is that field
        if self.kind == "required":
            if cell is not None and cell.text.strip() not in EMPTY_TEXTS:
                return
            if cell is None and not form.structure_certain:
                return
            if cell is None and self.path is not None and self.path.container is not None:
                return  # the row is there without that column: the template has none
            anchor = cell if cell is not None else (row.name if row is not None and row.name is not None else _form_anchor(form))
            yield _finding(anchor, templates, values, table_path)
            return
        if cell is None or cell.text.strip() in EMPTY_TEXTS:
            return
        values["value"] = quoted(cell.text)
        if self.kind == "pattern":
            found = self.regex.search(cell.text) is not None
            if found == self.forbid:
                yield _finding(cell, templates, values, table_path, actual=cell.text)
            return
        number = cell_number(cell)
        if number is None:
            return
        values["value"] = plain(number)
        if (self.low is not None and number < self.low) or (self.high is not None and number > self.high):
            yield _finding(cell, templates, values, table_path, actual=plain(number))


def _pattern(code: str, data: dict):
    keys = [key for key in ("matches", "forbids") if key in data]
    if len(keys) != 1:
        raise DefinitionError("define.pattern_key", {"code": code})
    key = keys[0]
    text = data[key]
    if not isinstance(text, str) or not text:
        raise DefinitionError("define.regex", {"code": code, "error": "empty"}, (key,))
    if len(text) > MAX_PATTERN:
        raise DefinitionError("define.regex_too_long", {"code": code, "limit": MAX_PATTERN}, (key,))
    return compile_regex(text, code, key), key == "forbids"


def compile_regex(text: str, code: str, key: str):
    """RE2: matching time is linear in the text whatever the pattern; no backreferences
    or lookaround, which it refuses with a message instead of running slowly."""
    import re2

    options = re2.Options()
    options.log_errors = False
    options.max_mem = MAX_PATTERN_MEMORY
    try:
        return re2.compile(text, options)
    except re2.error as error:
        reason = error.args[0] if error.args else str(error)
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        reason = str(reason)
        # RE2 names the offending part after a colon ("invalid escape sequence: \\1"): point at it.
        fragment = reason.rsplit(": ", 1)[-1] if ": " in reason else ""
        offset = text.find(fragment) if fragment else -1
        raise DefinitionError("define.regex", {"code": code, "error": reason[:200]}, (key,), _position(text, max(offset, 0))) from None


def forget(registry, config_file: str) -> None:
    """Drop the rules a configuration file defined, before it is read again (an editor's
    language server reads a file again after each change)."""
    for code in [code for code, rule in registry.rules.items() if getattr(rule, "config_file", None) == config_file]:
        del registry.rules[code]


def register(registry, rule: YamlRule) -> None:
    """Add `rule` to the registry; a code or name taken by another rule is an error."""
    existing = registry.rules.get(rule.code)
    if existing is not None:
        raise DefinitionError("define.code_taken", {"code": rule.code, "by": existing.origin})
    for other in registry.rules.values():
        if other.name == rule.name:
            raise DefinitionError("define.name_taken", {"code": rule.code, "name": rule.name, "by": f"{other.code} ({other.origin})"},
                                  ("name",))
    registry.rules[rule.code] = rule
    for lang, table in rule.messages.items():
        registry.messages.setdefault(lang, {}).update({f"{rule.code}.{key}": text for key, text in table.items()})
    for lang, text in rule.summaries:  # the one line reports show (linter.report.rule_text), in each language
        registry.messages.setdefault(lang, {})[f"rule_summary.{rule.code}"] = text  # read raw, never formatted
