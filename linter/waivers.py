"""Accepted findings, keyed to the table, not to lines.

A waiver names a file, a form (its 项目名称), a rule code, the table path of the
cell and the cell's text. None of these moves when a form is re-exported in
another layout or lines shift, so a baseline written today still silences
exactly today's findings. White space is ignored in every key but the file,
because converters wrap and re-space cells.

Two sources: a baseline file (`--write-baseline`, `--baseline`), each entry
with a `count` of identical findings it accepts; and `waivers:` in the
configuration file of a linted file, each with a required `reason`, where a
missing key matches anything and `file` is a glob relative to the config file.
A waived finding moves from its file to `LintResult.waived`; a waiver that
matched nothing is returned, to be reported like an unused `noqa`.
"""

from __future__ import annotations

import fnmatch
import os
from collections import Counter
from pathlib import Path

from linter.config import ConfigError, Origin
from linter.config_reader import BadConfigFile, read_text, read_yaml
from linter.engine import INTERNAL_ERROR, Diagnostic, FileResult, LintResult
from linter.record import record

BASELINE_VERSION = 1
KEYS = ("file", "form", "code", "table_path", "cell")
_BASELINE_KEYS = (*KEYS, "count", "message")
_CONFIG_KEYS = (*KEYS, "reason")


def _fold(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


def _relative(path: str, base: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive
        return Path(path).as_posix()


@record
class Waiver:
    """One waiver, from a baseline file or a configuration: the findings it hides, and why."""

    file: str | None  # baseline: a path; config: a glob; both relative to `base`
    form: str | None
    code: str | None
    table_path: str | None
    cell: str | None
    base: Path
    origin: Origin
    reason: str | None = None
    count: int | None = None  # how many findings it accepts; None: any number
    used: int = 0
    glob: bool = False  # a config waiver: `file` is a glob, and a key left out matches anything

    def matches(self, diagnostic: Diagnostic) -> bool:
        if self.count is not None and self.used >= self.count:
            return False
        if self.code is not None and self.code != diagnostic.code:
            return False
        for mine, theirs in ((self.form, diagnostic.project), (self.table_path, diagnostic.table_path), (self.cell, diagnostic.cell)):
            if (mine is not None or not self.glob) and _fold(mine) != _fold(theirs):
                return False
        if self.file is not None:
            relative = _relative(diagnostic.path, self.base)
            if self.glob:
                return fnmatch.fnmatch(relative, self.file) or fnmatch.fnmatch(Path(diagnostic.path).name, self.file)
            return relative == self.file
        return True

    def describe(self) -> str:
        return " · ".join(str(v) for v in (self.file, self.form, self.code, self.table_path, self.cell) if v is not None)


def baseline_entries(diagnostics: list[Diagnostic], base: Path) -> list[dict[str, object]]:
    keyed: Counter = Counter()
    messages: dict[tuple, str] = {}
    for d in diagnostics:
        if d.name == INTERNAL_ERROR:
            continue  # a crashed rule is never accepted
        key = (_relative(d.path, base), d.project, d.code, d.table_path, d.cell)
        keyed[key] += 1
        messages.setdefault(key, d.message)
    entries = []
    for key in sorted(keyed, key=lambda k: tuple("" if v is None else str(v) for v in k)):
        entry: dict[str, object] = {name: value for name, value in zip(KEYS, key) if value is not None}
        if keyed[key] > 1:
            entry["count"] = keyed[key]
        entry["message"] = messages[key]
        entries.append(entry)
    return entries


def write_baseline(path: Path, diagnostics: list[Diagnostic]) -> int:
    """Write every finding as a baseline entry, atomically; returns the number of findings written."""
    import yaml

    entries = baseline_entries(diagnostics, path.parent)
    text = (
        "# jxlint baseline: accepted findings, matched by file, form, rule code, table path and cell text.\n"
        "# `message` is for the reader only. Format: docs/report.md\n"
        + yaml.safe_dump({"version": BASELINE_VERSION, "waivers": entries}, allow_unicode=True, sort_keys=False, width=200)
    )
    write_atomically(path, text)
    return sum(int(entry.get("count", 1)) for entry in entries)  # type: ignore[call-overload]


def write_atomically(path: Path, text: str) -> None:
    from linter.report.output import report_stream

    with report_stream(str(path)) as stream:
        stream.write(text)


def _read(path: Path) -> tuple[object, dict[tuple, int], str]:
    shown = os.path.relpath(path) if path.is_absolute() else str(path)
    # Read as a configuration is: bounded in size, depth and aliases, never a FIFO or device.
    try:
        data, lines = read_yaml(read_text(path))
    except BadConfigFile as error:
        raise ConfigError(error.message_id, error.args_, Origin(shown, error.line)) from None
    return data, lines, shown


def _entries(data: object, lines: dict, shown: str, key: str, allowed: tuple[str, ...]):
    if not isinstance(data, dict):
        raise ConfigError("config.not_mapping", {}, Origin(shown, 1))
    entries = data.get(key) or []
    if not isinstance(entries, list):
        raise ConfigError("config.type", {"key": key, "expected": "list"}, Origin(shown, lines.get((key,), 1)))
    for index, entry in enumerate(entries):
        origin = Origin(shown, lines.get((key, index), 1))
        if not isinstance(entry, dict):
            raise ConfigError("config.type", {"key": key, "expected": "mapping"}, origin)
        for name in entry:
            if name not in allowed:
                raise ConfigError("config.unknown_key", {"key": name, "known": ", ".join(allowed)}, Origin(shown, lines.get((key, index, name), origin.line)))
        for name in KEYS:
            if name in entry and not isinstance(entry[name], (str, int, float)):
                raise ConfigError("config.type", {"key": name, "expected": "text"}, Origin(shown, lines.get((key, index, name), origin.line)))
        yield entry, origin


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def load_baseline(path: Path) -> list[Waiver]:
    data, lines, shown = _read(path)
    waivers = []
    for entry, origin in _entries(data, lines, shown, "waivers", _BASELINE_KEYS):
        if "code" not in entry:
            raise ConfigError("waiver.missing_key", {"key": "code"}, origin)
        count = entry.get("count", 1)
        if not isinstance(count, int) or count < 1:
            raise ConfigError("config.type", {"key": "count", "expected": "a whole number ≥ 1"}, origin)
        waivers.append(Waiver(*(_text(entry.get(k)) for k in KEYS), base=path.parent, origin=origin, count=count))
    return waivers


def load_config_waivers(path: Path) -> list[Waiver]:
    data, lines, shown = _read(path)
    waivers = []
    for entry, origin in _entries(data, lines, shown, "waivers", _CONFIG_KEYS):
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError("waiver.missing_reason", {}, origin)
        if "code" not in entry:
            raise ConfigError("waiver.missing_key", {"key": "code"}, origin)
        waivers.append(Waiver(*(_text(entry.get(k)) for k in KEYS), base=path.parent, origin=origin, reason=reason, glob=True))
    return waivers


class WaiverSet:
    """Waivers applied one file at a time, in the order of the run (a baseline entry's
    `count` is used up by the first findings it matches): a streamed run waives exactly
    what a whole run does. Config waivers (unless `config` is false) apply to the files
    that configuration governs; baseline entries to every file."""

    def __init__(self, baseline: list[Waiver], config: bool = True) -> None:
        self.baseline = baseline
        self.config = config
        self.by_config: dict[str, list[Waiver]] = {}

    def load(self, file: FileResult) -> None:
        """Read the config waivers governing FILE (a bad one raises ConfigError)."""
        if self.config and file.config and file.config not in self.by_config:
            self.by_config[file.config] = load_config_waivers(Path(file.config))

    def apply(self, file: FileResult) -> list[Diagnostic]:
        """Remove FILE's waived findings from it; return them."""
        self.load(file)
        waivers = self.by_config.get(file.config or "", []) + self.baseline
        if not waivers:
            return []
        kept, waived = [], []
        for diagnostic in file.diagnostics:
            waiver = None
            if diagnostic.name != INTERNAL_ERROR:
                waiver = next((w for w in waivers if w.matches(diagnostic)), None)
            if waiver is None:
                kept.append(diagnostic)
            else:
                waiver.used += 1
                waived.append(diagnostic)
        file.diagnostics = kept
        return waived

    def unused(self) -> list[Waiver]:
        return [w for w in [*(w for ws in self.by_config.values() for w in ws), *self.baseline] if w.used == 0]


def apply_waivers(result: LintResult, baseline: list[Waiver], config: bool = True) -> list[Waiver]:
    """Move waived findings to `result.waived`; return the waivers that matched nothing.

    Config waivers (unless `config` is false) apply to the files that configuration
    governs; baseline entries to every file.
    """
    waivers = WaiverSet(baseline, config)
    for file in result.files:
        waivers.load(file)
    for file in result.files:
        result.waived.extend(waivers.apply(file))
    return waivers.unused()
