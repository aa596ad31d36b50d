"""Configuration: `.jxlint.yaml` files, rule sets, `extends`, overrides and locks.

Every value remembers the file and line that set it, so `jxlint config explain`
can answer "where did this come from?" and every error names file:line.

Merge rules (documented in docs/configuration.md):
- `extends`: rule sets (by name) or files (by path), applied in order; each
  later one over the earlier, the file's own keys over all of them.
- `rules`: per rule and per key (severity, each option, locked): later wins.
- `select` / `ignore`: replace what was inherited; `extend-select` /
  `extend-ignore`: add to it.
- `include` / `exclude`: replace. `overrides`: appended after the inherited ones.
- `locked: true`: no later layer (child file, override, command line) may turn
  the rule off, lower its severity, or unlock it; trying is a config error.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import field
from pathlib import Path

from linter.config_reader import BadConfigFile, read_text, read_yaml
from linter.plugins import Registry
from linter.record import record
from linter.rule import SEVERITIES, OutOfRange, Rule
from linter.walk import Filter

CONFIG_NAMES = (".jxlint.yaml", "jxlint.yaml")
TOP_KEYS = (
    "extends", "template", "rules", "select", "extend-select", "ignore", "extend-ignore", "overrides", "include", "exclude",
    "waivers", "define", "match",
)
OVERRIDE_KEYS = ("files", "template", "rules", "select", "extend-select", "ignore", "extend-ignore")
DEFAULT_INCLUDE = ("*.txt", "*.tsv", "*.md", "*.xlsx", "*.xlsm", "*.xls", "*.docx", "*.pdf")
DEFAULT_EXCLUDE = (".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".tox", "build", "dist")
SEVERITY_ORDER = {"off": 0, "info": 1, "warning": 2, "error": 3}
MAX_EXTENDS_DEPTH = 32
CONFIG_SUFFIXES = (".yaml", ".yml")
MAX_DEFINITIONS = 500  # rules written in YAML in one file (docs/yaml-rules.md)


@record(frozen=True)
class Origin:
    """Where a setting was written: a configuration file, line and column; `file` None for a default."""

    file: str | None
    line: int = 0
    column: int = 0  # inside a value: where a bad expression goes wrong

    def __str__(self) -> str:
        if self.file is None:
            return "默认值 (default)"
        if self.line and self.column:
            return f"{self.file}:{self.line}:{self.column}"
        return f"{self.file}:{self.line}" if self.line else self.file


DEFAULT = Origin(None)
COMMAND_LINE = Origin("命令行 (command line)")


class ConfigError(Exception):
    def __init__(self, message_id: str, args: dict[str, object], origin: Origin) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args
        self.origin = origin


@record
class Valued:
    """A setting's value and where it was written."""

    value: object
    origin: Origin


@record
class Settings:
    """One layer of configuration, or the merge of several."""

    rules: dict[str, dict[str, Valued]] = field(default_factory=dict)  # code -> key -> value
    select: Valued | None = None
    extend_select: list[Valued] = field(default_factory=list)
    ignore: Valued | None = None
    extend_ignore: list[Valued] = field(default_factory=list)
    include: Valued | None = None
    exclude: Valued | None = None
    overrides: list[Override] = field(default_factory=list)
    # The template every form is read with: a template id, or a template file (data only).
    template: Valued | None = None
    # Codes of the rules written in YAML (`define:`) in this file and those it extends:
    # only they run on the files this configuration governs.
    defined: frozenset[str] = frozenset()


@record
class Override:
    """An `overrides:` entry: settings for the files its globs match under `base`."""

    files: tuple[str, ...]
    base: Path
    settings: Settings
    origin: Origin

    def matches(self, path: Path) -> bool:
        try:
            relative = path.resolve().relative_to(self.base.resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        return any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.name, pattern) for pattern in self.files)


@record
class RuleInForce:
    """A rule as a file's configuration runs it: its severity and options resolved."""

    rule: Rule
    severity: str
    options: dict[str, object]


@record
class Effective:
    """The configuration in force for one file."""

    settings: Settings
    rules: list[RuleInForce]
    source: str | None

    @property
    def template(self) -> str | Path | None:
        return self.settings.template.value if self.settings.template is not None else None  # type: ignore[return-value]


# Loading ------------------------------------------------------------------------------------


class Loader:
    """Reads configuration files and rule sets for one registry of rules."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._files: dict[Path, Settings] = {}

    def load(self, path: Path, chain: tuple[Path, ...] = ()) -> Settings:
        path = path.resolve()
        if path in chain:
            cycle = " → ".join(p.name for p in (*chain, path))
            raise ConfigError("config.cycle", {"cycle": cycle}, Origin(str(chain[-1]), 1))
        if path in self._files:
            return self._files[path]
        if len(chain) >= MAX_EXTENDS_DEPTH:
            raise ConfigError("config.extends_too_deep", {"limit": MAX_EXTENDS_DEPTH}, Origin(_shown(chain[-1]), 1))
        shown = _shown(path)
        marks: dict[tuple, tuple[int, int, str | None]] = {}
        try:
            text = read_text(path)
            data, lines = read_yaml(text, marks)
        except BadConfigFile as error:
            raise ConfigError(error.message_id, error.args_, Origin(shown, error.line)) from None
        if not isinstance(data, dict):
            raise ConfigError("config.not_mapping", {}, Origin(shown, 1))
        if chain and data and not any(key in TOP_KEYS or _did_you_mean(str(key), TOP_KEYS) for key in data):
            # Named by an `extends` (which a repository's config controls) and no key is one
            # of ours or a typo of one: not a configuration, and its content is not shown.
            raise ConfigError("config.not_config", {}, Origin(shown))
        settings = self._layer(data, lines, shown, path.parent, (*chain, path), marks, text)
        self._files[path] = settings
        return settings

    def _layer(
        self, data: dict, lines: dict, file: str, base: Path, chain: tuple[Path, ...], marks: dict | None = None, text: str = "",
    ) -> Settings:
        def origin(*path: object) -> Origin:
            """The line of `path`, or of its nearest parent written in the file."""
            while path and path not in lines:
                path = path[:-1]
            return Origin(file, lines.get(path, 1))

        _check_keys(data, TOP_KEYS, origin, ())
        merged = Settings()
        extends = data.get("extends", [])
        if isinstance(extends, str):
            extends = [extends]
        if not isinstance(extends, list):
            raise ConfigError("config.type", {"key": "extends", "expected": "list"}, origin("extends"))
        for index, name in enumerate(extends):
            parent = self._resolve_extends(name, base, origin("extends", index))
            merged = merge(merged, self.load(parent, chain), self.registry)
        defined = define_rules(self.registry, data.get("define"), origin, marks or {}, text, str(chain[-1]))
        own = self._settings(data, origin, base, ())
        own.defined = defined
        return merge(merged, own, self.registry)

    def _resolve_extends(self, name: object, base: Path, origin: Origin) -> Path:
        if not isinstance(name, str):
            raise ConfigError("config.type", {"key": "extends", "expected": "text"}, origin)
        if name in self.registry.rule_sets:
            return self.registry.rule_sets[name]
        if name.lower().endswith(CONFIG_SUFFIXES):
            path = (base / name)
            if not path.exists():
                raise ConfigError("config.missing_file", {"path": name}, origin)
            return path
        if "/" in name or os.sep in name:
            raise ConfigError("config.extends_not_yaml", {"path": name}, origin)
        raise ConfigError(
            "config.unknown_rule_set",
            {"name": name, "hint": _did_you_mean(name, self.registry.rule_sets), "known": ", ".join(sorted(self.registry.rule_sets))},
            origin,
        )

    def _settings(self, data: dict, origin, base: Path, prefix: tuple) -> Settings:
        settings = Settings()
        rules = data.get("rules", {}) or {}
        if not isinstance(rules, dict):
            raise ConfigError("config.type", {"key": "rules", "expected": "mapping"}, origin(*prefix, "rules"))
        for selector, entry in rules.items():
            rule = self.registry.rule(str(selector))
            if rule is None:
                hint = _did_you_mean(str(selector), [*self.registry.rules, *(r.name for r in self.registry.rules.values())])
                raise ConfigError("config.unknown_rule", {"rule": selector, "hint": hint}, origin(*prefix, "rules", selector))
            settings.rules[rule.code] = self._rule_entry(rule, entry, origin, (*prefix, "rules", selector))
        for key, attribute in (("select", "select"), ("ignore", "ignore")):
            if key in data:
                setattr(settings, attribute, Valued(self._selectors(data[key], origin, (*prefix, key)), origin(*prefix, key)))
        for key, attribute in (("extend-select", "extend_select"), ("extend-ignore", "extend_ignore")):
            if key in data:
                getattr(settings, attribute).append(Valued(self._selectors(data[key], origin, (*prefix, key)), origin(*prefix, key)))
        for key in ("include", "exclude"):
            if key in data:
                setattr(settings, key, Valued(tuple(_texts(data[key], origin, (*prefix, key))), origin(*prefix, key)))
        if "template" in data:
            settings.template = Valued(self._template(data["template"], base, origin(*prefix, "template")), origin(*prefix, "template"))
        overrides = data.get("overrides", []) or []
        if not isinstance(overrides, list):
            raise ConfigError("config.type", {"key": "overrides", "expected": "list"}, origin(*prefix, "overrides"))
        for index, entry in enumerate(overrides):
            where = (*prefix, "overrides", index)
            if not isinstance(entry, dict):
                raise ConfigError("config.type", {"key": "overrides", "expected": "mapping"}, origin(*where))
            _check_keys(entry, OVERRIDE_KEYS, origin, where)
            if "files" not in entry:
                raise ConfigError("config.override_files", {}, origin(*where))
            files = tuple(_texts(entry["files"], origin, (*where, "files")))
            settings.overrides.append(Override(files, base, self._settings(entry, origin, base, where), origin(*where)))
        return settings

    def _template(self, value: object, base: Path, origin: Origin) -> str | Path:
        """A known template id, or the path of a template file (checked by loading it)."""
        from linter.templates import TemplateError, read_template_file, template_set

        if not isinstance(value, str) or not value:
            raise ConfigError("config.type", {"key": "template", "expected": "text"}, origin)
        if value.endswith((".yaml", ".yml")) or "/" in value:
            path = (base / value).resolve()
            try:
                items = read_template_file(path)
                template_set([*self.registry.template_data, *((item, str(path)) for item in items)])
            except TemplateError as error:
                raise ConfigError("config.bad_template", {"error": str(error)}, origin) from None
            return path
        known = [template.id for template in self.registry.templates]
        if value not in known:
            raise ConfigError(
                "config.unknown_template", {"name": value, "hint": _did_you_mean(value, known), "known": ", ".join(known)}, origin
            )
        return value

    def _rule_entry(self, rule: Rule, entry: object, origin, where: tuple) -> dict[str, Valued]:
        if isinstance(entry, str) or entry is False:
            entry = {"severity": "off" if entry is False else entry}
        if not isinstance(entry, dict):
            raise ConfigError("config.rule_entry", {"rule": rule.code}, origin(*where))
        out: dict[str, Valued] = {}
        for key, value in entry.items():
            at = origin(*where, key)
            if key == "severity":
                if value not in (*SEVERITIES, "off"):
                    raise ConfigError("config.severity", {"rule": rule.code, "value": value}, at)
                out["severity"] = Valued(value, at)
            elif key == "locked":
                if not isinstance(value, bool):
                    raise ConfigError("config.type", {"key": f"{rule.code}.locked", "expected": "true/false"}, at)
                out["locked"] = Valued(value, at)
            elif key in rule.options:
                option = rule.options[key]
                try:
                    out["option:" + key] = Valued(option.convert(value), at)
                except ValueError as error:
                    args = {"rule": rule.code, "option": key, "kind": option.kind, "choices": ", ".join(option.choices), "value": value}
                    message_id = "config.option_range" if isinstance(error, OutOfRange) else "config.option_type"
                    raise ConfigError(message_id, args, at) from None
            else:
                known = ["severity", "locked", *rule.options]
                raise ConfigError(
                    "config.unknown_option",
                    {"rule": f"{rule.code} {rule.name}", "option": key, "hint": _did_you_mean(str(key), known), "known": ", ".join(known)},
                    at,
                )
        return out

    def _selectors(self, value: object, origin, where: tuple) -> tuple[str, ...]:
        selectors = _texts(value, origin, where)
        for index, selector in enumerate(selectors):
            if not matching_rules(self.registry, selector):
                names = ["ALL", *self.registry.rules, *(r.name for r in self.registry.rules.values()), *groups(self.registry)]
                raise ConfigError(
                    "config.unknown_selector", {"selector": selector, "hint": _did_you_mean(selector, names)}, origin(*where, index)
                )
        return tuple(selectors)


def define_rules(registry: Registry, value: object, origin, marks: dict, text: str, config_file: str) -> frozenset[str]:
    """Build and register the rules of a `define:` mapping (linter.yaml_rules); their codes.
    The rules this file defined when last read are dropped first."""
    from linter.yaml_rules import DefinitionError, build_rule, forget, register

    forget(registry, config_file)
    if value is None:
        return frozenset()
    if not isinstance(value, dict):
        raise ConfigError("config.type", {"key": "define", "expected": "mapping"}, origin("define"))
    if len(value) > MAX_DEFINITIONS:
        raise ConfigError("define.too_many", {"limit": MAX_DEFINITIONS}, origin("define"))
    codes = []
    for code, definition in value.items():
        where = origin("define", code)
        try:
            rule = build_rule(code, definition, str(where), config_file)
            register(registry, rule)
        except DefinitionError as error:
            at = _value_origin(origin, marks, text, ("define", code, *error.where), error.position)
            raise ConfigError(error.message_id, error.args_, at) from None
        codes.append(rule.code)
    return frozenset(codes)


def _value_origin(origin, marks: dict, text: str, path: tuple, position: tuple[int, int] | None) -> Origin:
    """file:line of `path`, and with a position inside its text (line, column of an
    expression), the file's line and column of that position."""
    at = origin(*path)
    if position is None or path not in marks:
        return at
    line, column, style = marks[path]
    inner_line, inner_column = position
    if style in ("|", ">"):  # a block scalar: its text starts on the next line, indented
        lines = text.split("\n")
        first = next((text for text in lines[line:] if text.strip()), "")
        return Origin(at.file, line + inner_line, len(first) - len(first.lstrip(" ")) + inner_column)
    if inner_line > 1:
        return Origin(at.file, line + inner_line - 1, inner_column)
    return Origin(at.file, line, column + (1 if style in ("'", '"') else 0) + inner_column - 1)


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _texts(value: object, origin, where: tuple) -> list[str]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError("config.type", {"key": str(where[-1]), "expected": "list of texts"}, origin(*where))
    return value


def _check_keys(data: dict, allowed: tuple[str, ...], origin, where: tuple) -> None:
    for key in data:
        if key not in allowed:
            raise ConfigError(
                "config.unknown_key", {"key": key, "hint": _did_you_mean(str(key), allowed), "known": ", ".join(allowed)},
                origin(*where, key),
            )


def _did_you_mean(word: str, candidates) -> str:
    import difflib  # only for a mistake's suggestion

    close = difflib.get_close_matches(word, [str(c) for c in candidates], n=1, cutoff=0.6)
    return close[0] if close else ""


def groups(registry: Registry) -> set[str]:
    return {group for rule in registry.rules.values() for group in rule.groups}


def matching_rules(registry: Registry, selector: str) -> list[Rule]:
    """Rules a selector names: ALL, a code, a code prefix (JX1), a rule name, or a group."""
    if selector.upper() == "ALL":
        return list(registry.rules.values())
    upper = selector.upper()
    return [
        rule for rule in registry.rules.values()
        if rule.code.startswith(upper) or rule.name == selector or selector in rule.groups
    ]


# Merging ------------------------------------------------------------------------------------


def merge(base: Settings, child: Settings, registry: Registry) -> Settings:
    out = Settings(
        rules={code: dict(keys) for code, keys in base.rules.items()},
        select=base.select, extend_select=list(base.extend_select),
        ignore=base.ignore, extend_ignore=list(base.extend_ignore),
        include=base.include, exclude=base.exclude, overrides=list(base.overrides), template=base.template,
        defined=base.defined | child.defined,
    )
    out.template = child.template or out.template
    for code, keys in child.rules.items():
        current = out.rules.setdefault(code, {})
        _check_lock(registry.rules[code], current, keys)
        current.update(keys)
    if child.select is not None:
        out.select, out.extend_select = child.select, []
    out.extend_select += child.extend_select
    if child.ignore is not None:
        out.ignore, out.extend_ignore = child.ignore, []
    out.extend_ignore += child.extend_ignore
    out.include = child.include or out.include
    out.exclude = child.exclude or out.exclude
    out.overrides += child.overrides
    return out


def _check_lock(rule: Rule, current: dict[str, Valued], new: dict[str, Valued]) -> None:
    locked = current.get("locked")
    if locked is None or not locked.value:
        return
    floor = current.get("severity", Valued(rule.severity, DEFAULT)).value
    if "severity" in new and SEVERITY_ORDER[new["severity"].value] < SEVERITY_ORDER[floor]:
        raise ConfigError(
            "config.locked", {"rule": f"{rule.code} {rule.name}", "by": str(locked.origin), "severity": floor}, new["severity"].origin
        )
    if "locked" in new and not new["locked"].value:
        raise ConfigError("config.unlock", {"rule": f"{rule.code} {rule.name}", "by": str(locked.origin)}, new["locked"].origin)


def command_line(
    select: tuple[str, ...], ignore: tuple[str, ...], registry: Registry, template: str | None = None
) -> Settings:
    settings = Settings()
    if template:
        known = [item.id for item in registry.templates]
        if template not in known:
            raise ConfigError(
                "config.unknown_template",
                {"name": template, "hint": _did_you_mean(template, known), "known": ", ".join(known)}, COMMAND_LINE,
            )
        settings.template = Valued(template, COMMAND_LINE)
    for selector in (*select, *ignore):
        if not matching_rules(registry, selector):
            raise ConfigError("config.unknown_selector", {"selector": selector, "hint": ""}, COMMAND_LINE)
    if select:
        settings.select = Valued(select, COMMAND_LINE)
    if ignore:
        settings.extend_ignore.append(Valued(ignore, COMMAND_LINE))
    return settings


def rules_in_force(settings: Settings, registry: Registry) -> list[RuleInForce]:
    selected = _selected(settings.select, settings.extend_select, registry, default_all=True)
    ignored = _selected(settings.ignore, settings.extend_ignore, registry, default_all=False)
    out = []
    for code, rule in sorted(registry.rules.items()):
        if getattr(rule, "defined_in", None) and code not in settings.defined:
            continue  # a rule written in YAML in another configuration
        keys = settings.rules.get(code, {})
        severity = keys.get("severity", Valued(rule.severity, DEFAULT)).value
        locked = keys.get("locked")
        enabled = code in selected and code not in ignored and severity != "off"
        if locked is not None and locked.value and not enabled:
            culprit = _disabled_by(code, settings, registry)
            raise ConfigError("config.locked_disabled", {"rule": f"{rule.code} {rule.name}", "by": str(locked.origin)}, culprit)
        if enabled:
            options = rule.default_options()
            options.update({key[7:]: valued.value for key, valued in keys.items() if key.startswith("option:")})
            out.append(RuleInForce(rule, severity, options))  # type: ignore[arg-type]
    return out


def _selected(replace: Valued | None, extra: list[Valued], registry: Registry, default_all: bool) -> set[str]:
    selectors = list(replace.value) if replace is not None else (["ALL"] if default_all else [])  # type: ignore[arg-type]
    for valued in extra:
        selectors += list(valued.value)  # type: ignore[arg-type]
    return {rule.code for selector in selectors for rule in matching_rules(registry, selector)}


def _disabled_by(code: str, settings: Settings, registry: Registry) -> Origin:
    keys = settings.rules.get(code, {})
    if "severity" in keys and keys["severity"].value == "off":
        return keys["severity"].origin
    for valued in [settings.ignore, *settings.extend_ignore]:
        if valued is not None and any(code in {r.code for r in matching_rules(registry, s)} for s in valued.value):  # type: ignore[union-attr]
            return valued.origin
    return settings.select.origin if settings.select is not None else DEFAULT


# Finding the configuration of a file ---------------------------------------------------------


def find_config(start: Path) -> Path | None:
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def load_definitions(registry: Registry, explicit: Path | None, where: Path | None = None) -> None:
    """Register the rules written in YAML of the configuration in force in `where` (the
    current folder by default), or of `explicit`: for commands that name a rule before
    any file is linted (`--select MH001`, `jxlint explain MH001`)."""
    path = explicit if explicit is not None else find_config(where or Path.cwd())
    if path is not None:
        Loader(registry).load(path)


class Resolver:
    """The effective configuration of each linted file, with caching per config file."""

    def __init__(self, registry: Registry, explicit: Path | None, cli: Settings) -> None:
        self.registry = registry
        self.loader = Loader(registry)
        self.explicit = explicit
        self.cli = cli
        self._by_directory: dict[Path, Path | None] = {}
        self._by_given: dict[tuple[Path, str | None], Path | None] = {}
        self._effective: dict[tuple[Path | None, tuple[int, ...]], Effective] = {}
        self._filters: dict[Path | None, Filter] = {}

    def config_path(self, path: Path) -> Path | None:
        if self.explicit is not None:
            return self.explicit
        given = path if path.is_dir() else path.parent
        # The folder as named (with the current folder when relative): most files share a
        # few, and resolving one costs a system call per part of its path.
        named = (given, None) if given.is_absolute() else (given, os.getcwd())
        if named in self._by_given:
            return self._by_given[named]
        directory = given.resolve()
        if directory not in self._by_directory:
            self._by_directory[directory] = find_config(directory)
        self._by_given[named] = self._by_directory[directory]
        return self._by_directory[directory]

    def settings_for(self, path: Path) -> tuple[Settings, str | None]:
        return self._settings(*self._layers(path))

    def _layers(self, path: Path) -> tuple[Path | None, tuple[int, ...]]:
        """The config file of `path` and which of its overrides match: all that decides its settings."""
        config = self.config_path(path)
        if config is None:
            return None, ()
        overrides = self.loader.load(config).overrides
        return config, tuple(index for index, override in enumerate(overrides) if override.matches(path))

    def _settings(self, config: Path | None, matching: tuple[int, ...]) -> tuple[Settings, str | None]:
        if config is None:
            return merge(Settings(), self.cli, self.registry), None
        base = self.loader.load(config)
        settings = base
        for index in matching:
            settings = merge(settings, base.overrides[index].settings, self.registry)
        return merge(settings, self.cli, self.registry), _shown(config)

    def effective(self, path: Path) -> Effective:
        """Cached per config file and set of matching overrides: most files share one."""
        layers = self._layers(path)
        if layers not in self._effective:
            settings, source = self._settings(*layers)
            self._effective[layers] = Effective(settings, rules_in_force(settings, self.registry), source)
        return self._effective[layers]

    def walk_filter(self, directory: Path) -> Filter:
        """`include` and `exclude` in force in `directory`, cached per configuration file."""
        config = self.config_path(directory)
        if config not in self._filters:
            settings, _ = self.settings_for(directory / "_")
            include = settings.include.value if settings.include is not None else DEFAULT_INCLUDE
            exclude = settings.exclude.value if settings.exclude is not None else DEFAULT_EXCLUDE
            written_in = settings.exclude.origin.file if settings.exclude is not None else None
            base = Path(os.path.abspath(written_in)).parent if written_in else Path(os.path.abspath(directory))
            self._filters[config] = Filter(include, exclude, base)  # type: ignore[arg-type]
        return self._filters[config]
