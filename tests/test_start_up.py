"""What a one-file `jxlint` run imports (issue 10: a one-file lint in 90 ms). Each case
runs the console script's `linter.entry.main` in a fresh interpreter, with a private
cache of its own, and reads the modules it ended with: a run answered from the result
cache needs no AST, parser, rule module, document location or OpenSSL; a text file
linted afresh needs no document locations; `--version` needs no command line library.
Figures are printed by benchmarks/bench.py, not asserted here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS

# Written by an exit handler, which runs before the interpreter tears its modules down.
PROBE = (
    "import atexit, json, sys\n"
    "modules = sys.argv[1]\n"
    "atexit.register(lambda: open(modules, 'w', encoding='utf-8').write(json.dumps(sorted(sys.modules))))\n"
    "sys.argv = ['jxlint', *sys.argv[2:]]\n"
    "from linter.entry import main\n"
    "main()\n"
)

# What a cached lint of a text file must not load: the parse (AST, cell values, folding,
# layouts, grammar, templates, Lark, YAML), the rule modules (their metadata comes from
# an index), document locations, OpenSSL (the caches hash with BLAKE2b) and the
# distribution scan (plugins come from an index).
NOT_WHEN_CACHED = (
    "linter.ast", "linter.values", "linter.text", "linter.parse", "linter.build", "linter.grammar", "linter.layouts",
    "linter.templates", "linter.location", "lark", "yaml", "_hashlib", "importlib.metadata",
)


@pytest.fixture
def folder(tmp_path) -> Path:
    shutil.copy(SEEDS["001"], tmp_path / "form.txt")
    return tmp_path


def _run(folder: Path, *args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    environment = {name: value for name, value in os.environ.items() if not name.startswith("JXLINT_")}
    environment["JXLINT_CACHE_DIR"] = str(folder / "private")
    environment["JXLINT_RESULT_CACHE_DIR"] = str(folder / "results")
    modules = folder / "modules.json"
    result = subprocess.run([sys.executable, "-c", PROBE, str(modules), *args], cwd=folder, capture_output=True,
                            env=environment, timeout=300)
    assert result.returncode in (0, 1), result.stderr.decode()
    return result, set(json.loads(modules.read_text(encoding="utf-8")))


def _rule_modules(modules: set[str]) -> list[str]:
    return sorted(name for name in modules if name.startswith("rules.jx"))


def test_a_cached_lint_loads_no_parser_rule_module_or_openssl(folder):
    first, loaded = _run(folder, "lint", "form.txt")
    assert {"linter.ast", "linter.parse", "linter.text"} <= loaded and _rule_modules(loaded)  # what the probe must see
    second, cached = _run(folder, "lint", "form.txt")
    assert second.stdout == first.stdout and second.returncode == first.returncode
    assert [name for name in NOT_WHEN_CACHED if name in cached] == []
    assert _rule_modules(cached) == []


def test_a_text_file_linted_afresh_loads_no_document_locations(folder):
    _, loaded = _run(folder, "lint", "--no-cache", "form.txt")
    assert "linter.ast" in loaded and "linter.readers" in loaded  # parsed, with the readers registered
    assert "linter.location" not in loaded


def test_version_loads_no_command_line_library(folder):
    result, loaded = _run(folder, "--version")
    assert result.stdout.startswith(b"jxlint, version ")
    assert "click" not in loaded and "linter.cli" not in loaded


def test_the_cache_digest_is_blake2b_with_or_without_cpythons_module(monkeypatch):
    import hashlib
    import importlib

    import linter.digest

    expected = hashlib.blake2b(b"form", digest_size=32).hexdigest()
    assert linter.digest.hasher(b"form").hexdigest() == expected
    monkeypatch.setitem(sys.modules, "_blake2", None)  # an interpreter built without it
    try:
        fallback = importlib.reload(linter.digest)
        assert fallback.hasher(b"form").hexdigest() == expected
    finally:
        monkeypatch.undo()
        importlib.reload(linter.digest)
