"""The built-in rules' metadata without importing their modules.

A run needs every rule's code, name, severity, options and messages to resolve its
configuration and to render findings, but runs a rule's `check` only when a form is
linted; a run answered from the result cache runs none. Importing and validating the
45 rule modules is a good part of a one-file start, so their metadata is kept in the
private per-user cache (linter/parser_cache.py: a folder only the user can write, each
file checked by its digest), keyed on the name, size and modification time of every
file of the `rules` package and its examples, and of `linter/rule.py` (what a rule
is). A rule's `check` is then a `LazyCheck` that imports the module on first call.
Editing a rule, or installing another jxlint, changes the key and the next start
imports the modules and writes the index again. `JXLINT_NO_PARSER_CACHE=1` (no private
cache) imports every module each time.
"""

from __future__ import annotations

import os
import marshal
from decimal import Decimal
from importlib import import_module
from pathlib import Path

from linter.digest import hasher
from linter.rule import Option, Rule

_FORMAT = 1
_FIELDS = ("code", "name", "severity", "groups", "options", "messages", "docs", "origin", "scope", "docs_zh")


class LazyCheck:
    """A rule module's `check`, imported on first call."""

    __slots__ = ("module", "_function")

    def __init__(self, module: str) -> None:
        self.module = module
        self._function = None

    def __call__(self, *args, **kwargs):
        return self.function(*args, **kwargs)

    @property
    def function(self):
        """The module's `check` itself, imported now if not yet (the engine calls it directly)."""
        function = self._function
        if function is None:
            function = self._function = import_module(self.module).check
        return function

    def __repr__(self) -> str:
        return f"<check of {self.module}>"


def _stamp(package: Path, modules: tuple[str, ...]) -> str:
    """Name, size and modification time of every file the rules' metadata comes from."""
    import linter.rule

    digest = hasher(f"{_FORMAT}\0{package}\0{','.join(modules)}\0".encode("utf-8", "surrogateescape"))
    parts = []
    for path in [linter.rule.__file__]:
        try:
            info = os.stat(path)
            parts.append(f"{path}\0{info.st_size}\0{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}\0-")
    for folder in (str(package), os.path.join(package, "examples")):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_file():
                        info = entry.stat()
                        parts.append(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{folder}\0-")
    parts.sort()
    digest.update("\n".join(parts).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


# The index is `marshal` data (no code runs when it is read, and it loads faster than
# a pickle): plain values, with a Decimal as ("\0decimal", text) and options as tuples.
_DECIMAL = "\0decimal"


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return (_DECIMAL, str(value))
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise TypeError(f"{type(value).__name__} in a rule's metadata")


def _value(plain: object) -> object:
    if isinstance(plain, tuple):
        if len(plain) == 2 and plain[0] == _DECIMAL:
            return Decimal(plain[1])
        return tuple(_value(item) for item in plain)
    if isinstance(plain, list):
        return [_value(item) for item in plain]
    if isinstance(plain, dict):
        return {key: _value(item) for key, item in plain.items()}
    return plain


def _record(rule: Rule) -> dict:
    record = {field: _plain(getattr(rule, field)) for field in _FIELDS if field != "options"}
    record["options"] = {
        name: (option.kind, _plain(option.default), option.help, _plain(option.choices)) for name, option in rule.options.items()
    }
    return record


def _from_records(records: object, package: str, modules: tuple[str, ...]) -> list[Rule] | None:
    if not isinstance(records, list) or len(records) != len(modules):
        return None
    rules = []
    for name, record in zip(modules, records):
        if not isinstance(record, dict) or set(record) != set(_FIELDS):
            return None
        fields = {field: _value(record[field]) for field in _FIELDS if field != "options"}
        options = {key: Option(kind, _value(default), help, _value(choices)) for key, (kind, default, help, choices) in record["options"].items()}
        rules.append(Rule(**fields, options=options, check=LazyCheck(f"{package}.{name}")))
    return rules


def builtin_rules(package: str, folder: Path, modules: tuple[str, ...]) -> list[Rule]:
    """The rules of `package.<module>` for each of `modules`, in order: from the index
    when none of their files changed, else imported (and the index written)."""
    from linter.parser_cache import read_cached, write_cached

    name = f"rules-{_stamp(folder, modules)[:32]}.marshal"
    payload = read_cached(name)
    if payload is not None:
        try:
            rules = _from_records(marshal.loads(payload), package, modules)
        except Exception:  # damaged in a way the digest missed, or of another jxlint
            rules = None
        if rules is not None:
            return rules
    rules = [Rule.from_module(import_module(f"{package}.{module}")) for module in modules]
    try:
        data = marshal.dumps([_record(rule) for rule in rules])
    except Exception:
        return rules
    write_cached(name, data)
    _forget_old(name)
    return rules


def _forget_old(current: str, keep: int = 8) -> None:
    from linter.parser_cache import forget_old

    forget_old("rules-*.marshal", keep, current)
