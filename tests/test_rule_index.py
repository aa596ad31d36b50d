"""The index of the built-in rules' metadata (linter/rule_index.py): the same rules as
importing their modules, a module imported only when its rule runs, and a new index
when a rule's file changes."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

import rules
from linter.rule import Rule
from linter.rule_index import LazyCheck, builtin_rules

FIELDS = ("code", "name", "severity", "groups", "options", "messages", "docs", "origin", "scope", "docs_zh")


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("JXLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("JXLINT_NO_PARSER_CACHE", raising=False)
    return folder


def test_index_gives_the_rules_of_the_modules(private_cache):
    from importlib import import_module

    folder = Path(rules.__file__).parent
    first = builtin_rules("rules", folder, rules.RULE_MODULES)
    assert list(private_cache.glob("rules-*.marshal"))
    again = builtin_rules("rules", folder, rules.RULE_MODULES)
    assert all(isinstance(rule.check, LazyCheck) for rule in again)
    for name, one, other in zip(rules.RULE_MODULES, first, again):
        imported = Rule.from_module(import_module(f"rules.{name}"))
        for field in FIELDS:
            assert getattr(other, field) == getattr(imported, field) == getattr(one, field), (name, field)
            assert type(getattr(other, field)) is type(getattr(imported, field)), (name, field)
        for key, option in imported.options.items():
            assert type(other.options[key].default) is type(option.default)


def test_check_imports_its_module_when_called(tmp_path, monkeypatch):
    (tmp_path / "lazy_rule_probe.py").write_text("def check(form, options):\n    return [form, options]\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    check = LazyCheck("lazy_rule_probe")
    assert "lazy_rule_probe" not in sys.modules
    assert check("form", {"a": 1}) == ["form", {"a": 1}]
    assert "lazy_rule_probe" in sys.modules
    sys.modules.pop("lazy_rule_probe", None)


def test_a_changed_rule_file_rebuilds_the_index(private_cache, tmp_path, monkeypatch):
    package = tmp_path / "probe_rules"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    source = Path(rules.__file__).parent / "jx000_unreadable_file.py"
    module = package / "jx000_unreadable_file.py"
    shutil.copy(source, module)
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        first = builtin_rules("probe_rules", package, ("jx000_unreadable_file",))
        assert builtin_rules("probe_rules", package, ("jx000_unreadable_file",))[0].name == first[0].name
        text = module.read_text(encoding="utf-8").replace(f'NAME = "{first[0].name}"', 'NAME = "renamed-rule"')
        assert "renamed-rule" in text
        module.write_text(text, encoding="utf-8")
        os.utime(module, ns=(1, 1))
        for name in list(sys.modules):
            if name.startswith("probe_rules"):
                del sys.modules[name]
        assert builtin_rules("probe_rules", package, ("jx000_unreadable_file",))[0].name == "renamed-rule"
    finally:
        for name in list(sys.modules):
            if name.startswith("probe_rules"):
                del sys.modules[name]


def test_a_damaged_index_is_rebuilt(private_cache):
    folder = Path(rules.__file__).parent
    builtin_rules("rules", folder, rules.RULE_MODULES)
    for path in private_cache.glob("rules-*.marshal"):
        path.write_bytes(path.read_bytes()[:40])
    again = builtin_rules("rules", folder, rules.RULE_MODULES)
    assert [rule.code for rule in again] == [rule.code for rule in builtin_rules("rules", folder, rules.RULE_MODULES)]


def test_without_the_private_cache_the_modules_are_imported(monkeypatch):
    monkeypatch.setenv("JXLINT_NO_PARSER_CACHE", "1")
    found = builtin_rules("rules", Path(rules.__file__).parent, rules.RULE_MODULES)
    assert [rule.code for rule in found] == [sys.modules[f"rules.{name}"].CODE for name in rules.RULE_MODULES]
    assert not any(isinstance(rule.check, LazyCheck) for rule in found)


def test_a_rule_module_that_fails_to_import_is_an_internal_error_on_each_form():
    """The engine calls a built-in rule's function directly once imported; a module that
    cannot be imported still ends as that rule's internal error, form by form, and the
    other rules still run."""
    from dataclasses import replace

    from linter.engine import INTERNAL_ERROR, Linter
    from linter.plugins import load_registry

    registry = load_registry(plugins=False)
    broken = replace(registry.rules["JX101"], check=LazyCheck("no_such_rule_module_probe"))
    registry.rules["JX101"] = broken
    seed = Path(__file__).parent / "fixtures" / "001_ce3da03141c568d9.txt"
    result = Linter(registry=registry).lint_path(seed)
    crashes = [d for d in result.diagnostics if d.name == INTERNAL_ERROR]
    parsed = [form for form in result.forms if form.parsed]
    assert parsed and len(crashes) == len(parsed)
    assert all(d.code == "JX101" and "ModuleNotFoundError" in d.message for d in crashes)
    assert any(d.code != "JX101" for d in result.diagnostics)
