"""A minimal, fully consistent form, and a way to break it one cell at a time."""

from __future__ import annotations

from pathlib import Path

from linter.engine import Diagnostic, Linter
from linter.examples import minimal_form
from linter.plugins import load_registry

# The minimal form every rule example starts from (rules/examples/minimal.yaml).
BASE = minimal_form()
REGISTRY = load_registry()


def form(*replacements: tuple[str, str], append: str = "") -> str:
    """BASE with each (old, new) replaced exactly once."""
    text = BASE
    for old, new in replacements:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    return text + append


def lint(text: str, select: str | None = None, config: str | None = None, tmp: Path | None = None) -> list[Diagnostic]:
    config_path = None
    if config is not None:
        assert tmp is not None
        config_path = tmp / "jxlint.yaml"
        config_path.write_text(config, encoding="utf-8")
    linter = Linter(config=config_path, select=(select,) if select else (), registry=REGISTRY)
    base = tmp if tmp is not None else Path(__file__).parent
    return linter.lint_bytes(text.encode("utf-8"), "form.txt", base / "form.txt").diagnostics


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [diagnostic.code for diagnostic in diagnostics]


def where(diagnostics: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in diagnostics]
