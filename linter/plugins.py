"""Plugin hooks (pluggy) and the registry of everything plugins provide.

Built-in rules (`rules`) and formatters (`linter.report.builtin`) register
through exactly these hooks. Third-party plugins are installed packages that
declare an entry point in the `jxlint` group; by convention the entry point's
name is the code prefix the plugin owns (`XM` for XM001…). Each entry point is
loaded on its own: one that fails to import or declares an unknown hook is
reported by name and the others still load. Plugins never come from paths in a
configuration file, nor from a distribution found only in the current folder or a
folder holding a jxlint configuration: under `python -m linter.cli` or
`PYTHONPATH=.`, that folder is on `sys.path`, and a `*.dist-info` planted in a report
repository would otherwise run code. `JXLINT_DISABLE_PLUGINS=1` (or `--no-plugins`)
loads none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
import os
from pathlib import Path
from types import ModuleType

import pluggy

from linter.record import record
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

    @hookspec
    def jxlint_templates(self) -> list[Path | dict]:
        """Form templates: paths of template YAML files, or template mappings (see
        docs/templates.md); data only, derived from a built-in with `extends`."""

    @hookspec
    def jxlint_readers(self) -> list:
        """Document readers (`linter.readers.Reader`): files they claim are read as rows of
        located cells instead of text (docs/documents.md)."""


@record
class PluginError:
    """A plugin that failed to load, and why."""

    name: str
    error: str


@record
class LoadedPlugin:
    """A plugin's entry point that loaded."""

    name: str  # the entry point's name
    value: str  # module:object
    distribution: str  # name and version


@record
class Registry:
    """Everything the built-ins and the plugins provide: rules, rule sets, formats, messages, templates and
    readers."""

    rules: dict[str, Rule] = field(default_factory=dict)  # by code
    rule_sets: dict[str, Path] = field(default_factory=dict)
    formatters: dict[str, Callable] = field(default_factory=dict)
    messages: dict[str, dict[str, str]] = field(default_factory=dict)
    template_data: list[tuple[dict, str]] = field(default_factory=list)  # plugins' templates
    parse_formatters: dict[str, Callable] = field(default_factory=dict)
    readers: list = field(default_factory=list)  # document readers, the built-ins first
    errors: list[PluginError] = field(default_factory=list)
    plugins: list[LoadedPlugin] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # distributions found only in untrusted folders
    disabled: bool = False
    _templates: object = field(default=None, repr=False)

    @property
    def templates(self):
        """Every template of this run: the built-ins and the plugins'."""
        if self._templates is None:
            from linter.templates import template_set

            self._templates = template_set(self.template_data)
        return self._templates

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


BUILTINS = ("rules", "linter.report.builtin", "linter.readers.builtin")


DISABLE_VARIABLE = "JXLINT_DISABLE_PLUGINS"
CONFIG_NAMES = (".jxlint.yaml", "jxlint.yaml")


def plugins_disabled() -> bool:
    return os.environ.get(DISABLE_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")


def load_registry(plugins: bool | None = None, untrusted: tuple[Path, ...] = ()) -> Registry:
    """Built-in rules and formats, and those of installed plugins unless `plugins` is
    False (None: unless JXLINT_DISABLE_PLUGINS is set). Distributions in `untrusted`
    folders, the current folder, or a folder holding a jxlint configuration are ignored."""
    import importlib

    manager = _manager()
    registry = Registry(disabled=plugins_disabled() if plugins is None else not plugins)
    for module_name in BUILTINS:
        error = _register(manager, importlib.import_module(module_name), module_name)
        if error:
            raise RuntimeError(f"built-in plugin {module_name}: {error}")
    for name, value, label in ([] if registry.disabled else _entry_points(registry, untrusted)):
        from linter.plugin_index import load

        try:
            plugin = load(value)
        except Exception as error:
            registry.errors.append(PluginError(name, f"{type(error).__name__}: {error}"))
            continue
        error = _register(manager, plugin, f"{name} ({value})")
        if error:
            registry.errors.append(PluginError(name, error))
            continue
        registry.plugins.append(LoadedPlugin(name, value, label))
    _collect(manager, registry)
    return registry


def _entry_points(registry: Registry, untrusted: tuple[Path, ...]) -> list[tuple[str, str, str]]:
    """The `jxlint` entry points (name, value, distribution label) of installed
    distributions, the first of each name on `sys.path` that is not in an untrusted
    folder. The distributions come from an index kept per environment
    (linter/plugin_index.py), not from reading every installed distribution."""
    from linter.plugin_index import indexed

    folders = {*(_real(folder) for folder in untrusted), *_untrusted_folders()}
    seen: set[str] = set()
    out = []
    for distribution in indexed():
        name = distribution["name"].lower().replace("_", "-")
        if name in seen:
            continue
        label = f"{distribution['name']} {distribution['version']}"
        if _real(Path(distribution["location"])) in folders:
            registry.ignored.append(label)
            continue
        seen.add(name)
        out += [(point_name, value, label) for point_name, value in distribution["points"]]
    return out


def _untrusted_folders() -> set[Path]:
    """The current folder, and every folder above it holding a jxlint configuration."""
    here = _real(Path.cwd())
    return {here, *(folder for folder in here.parents if any((folder / name).is_file() for name in CONFIG_NAMES))}


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _collect(manager: pluggy.PluginManager, registry: Registry) -> None:
    """Call each hook implementation on its own, so results keep their plugin's name
    and one plugin's failure is reported without losing the others'."""
    hooks = ("jxlint_rules", "jxlint_rule_sets", "jxlint_formatters", "jxlint_parse_formatters", "jxlint_messages",
             "jxlint_templates", "jxlint_readers")
    for hook_name in hooks:
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
    elif hook_name == "jxlint_templates":
        from linter.templates import read_template_file, template_set

        added = []
        for item in result:  # type: ignore[union-attr]
            if isinstance(item, dict):
                added.append((item, origin))
            else:
                added.extend((data, f"{origin}: {item}") for data in read_template_file(item))
        template_set([*registry.template_data, *added])  # a broken template fails here, by plugin name
        registry.template_data.extend(added)
    elif hook_name == "jxlint_readers":
        readers = list(result)  # type: ignore[arg-type]
        for reader in readers:
            if not (callable(getattr(reader, "claims", None)) and callable(getattr(reader, "read", None))):
                raise TypeError(f"{reader!r} is not a reader (it needs claims() and read())")
        # A plugin's reader is asked before the built-ins, so it can take over a format.
        registry.readers[:0] = [] if origin == "jxlint" else readers
        if origin == "jxlint":
            registry.readers.extend(readers)
    elif hook_name == "jxlint_parse_formatters":
        registry.parse_formatters.update(result)  # type: ignore[arg-type]
    else:
        for lang, table in result.items():  # type: ignore[union-attr]
            registry.messages.setdefault(lang, {}).update(table)
