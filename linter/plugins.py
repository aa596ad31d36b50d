"""Plugin hooks (pluggy) and the registry of everything plugins provide.

Built-in rules (`rules`) and formatters (`linter.report.builtin`) register
through exactly these hooks. Third-party plugins are installed packages that
declare an entry point in the `jxlint` group; by convention the entry point's
name is the code prefix the plugin owns (`XM` for XM001…). Each entry point is
loaded on its own: one that fails to import or declares an unknown hook is
reported by name and the others still load. Plugins never come from paths in a
configuration file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

import pluggy

from linter.rule import Rule

PROJECT = "jxlint"
ENTRY_POINT_GROUP = "jxlint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class Hooks:
    """The hooks a jxlint plugin may implement. All are optional."""

    @hookspec
    def jxlint_rules(self) -> list[ModuleType | Rule]:
        """Rules: rule modules (see `linter.rule`) or `Rule` objects."""

    @hookspec
    def jxlint_rule_sets(self) -> dict[str, Path]:
        """Named rule sets (presets) for `extends:`: name -> path of a YAML config."""

    @hookspec
    def jxlint_formatters(self) -> dict[str, Callable]:
        """Output formats for `--format`: name -> `format(result, catalog, stream)`."""

    @hookspec
    def jxlint_parse_formatters(self) -> dict[str, Callable]:
        """Output formats for `jxlint parse --format`: name -> `format(documents, catalog, stream)`."""

    @hookspec
    def jxlint_messages(self) -> dict[str, dict[str, str]]:
        """Message catalogs: language -> {message id -> template}."""


@dataclass
class PluginError:
    name: str
    error: str


@dataclass
class Registry:
    rules: dict[str, Rule] = field(default_factory=dict)  # by code
    rule_sets: dict[str, Path] = field(default_factory=dict)
    formatters: dict[str, Callable] = field(default_factory=dict)
    messages: dict[str, dict[str, str]] = field(default_factory=dict)
    parse_formatters: dict[str, Callable] = field(default_factory=dict)
    errors: list[PluginError] = field(default_factory=list)

    def rule(self, selector: str) -> Rule | None:
        """A rule by code or name."""
        if selector.upper() in self.rules:
            return self.rules[selector.upper()]
        return next((rule for rule in self.rules.values() if rule.name == selector), None)


def _manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(Hooks)
    return manager


def _register(manager: pluggy.PluginManager, plugin: object, name: str) -> str | None:
    """Register one plugin; the error text when it cannot be, and it is then left out."""
    try:
        manager.register(plugin, name=name)
        manager.check_pending()
    except Exception as error:  # a broken plugin must not stop the others
        if manager.is_registered(plugin):
            manager.unregister(plugin)
        return f"{type(error).__name__}: {error}"
    return None


BUILTINS = ("rules", "linter.report.builtin")


def load_registry() -> Registry:
    import importlib

    manager = _manager()
    registry = Registry()
    for module_name in BUILTINS:
        error = _register(manager, importlib.import_module(module_name), module_name)
        if error:
            raise RuntimeError(f"built-in plugin {module_name}: {error}")
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            plugin = entry_point.load()
        except Exception as error:
            registry.errors.append(PluginError(entry_point.name, f"{type(error).__name__}: {error}"))
            continue
        error = _register(manager, plugin, f"{entry_point.name} ({entry_point.value})")
        if error:
            registry.errors.append(PluginError(entry_point.name, error))
    _collect(manager, registry)
    return registry


def _collect(manager: pluggy.PluginManager, registry: Registry) -> None:
    """Call each hook implementation on its own, so results keep their plugin's name
    and one plugin's failure is reported without losing the others'."""
    for hook_name in ("jxlint_rules", "jxlint_rule_sets", "jxlint_formatters", "jxlint_parse_formatters", "jxlint_messages"):
        for implementation in getattr(manager.hook, hook_name).get_hookimpls():
            name = implementation.plugin_name
            builtin = name in BUILTINS
            try:
                _add(registry, hook_name, implementation.function(), "jxlint" if builtin else name)
            except Exception as error:
                if builtin:
                    raise
                registry.errors.append(PluginError(name, f"{hook_name}: {type(error).__name__}: {error}"))


def _add(registry: Registry, hook_name: str, result: object, origin: str) -> None:
    if hook_name == "jxlint_rules":
        rules = [item if isinstance(item, Rule) else Rule.from_module(item, origin) for item in result]  # type: ignore[union-attr]
        for rule in rules:
            if rule.code in registry.rules:
                raise ValueError(f"rule code {rule.code} is already taken by {registry.rules[rule.code].origin}")
        for rule in rules:
            registry.rules[rule.code] = rule
            for lang, table in rule.messages.items():
                # A rule's message ids are its own: JX201's `sum` is not JX202's.
                registry.messages.setdefault(lang, {}).update({f"{rule.code}.{key}": text for key, text in table.items()})
    elif hook_name == "jxlint_rule_sets":
        registry.rule_sets.update({name: Path(path) for name, path in result.items()})  # type: ignore[union-attr]
    elif hook_name == "jxlint_formatters":
        registry.formatters.update(result)  # type: ignore[arg-type]
    elif hook_name == "jxlint_parse_formatters":
        registry.parse_formatters.update(result)  # type: ignore[arg-type]
    else:
        for lang, table in result.items():  # type: ignore[union-attr]
            registry.messages.setdefault(lang, {}).update(table)
