"""What reports say about a rule: its description in the report's language and the address of its docs.

Rule modules document themselves in English (the docstring) and in Chinese
(`DOCS_ZH`); some Chinese one-line descriptions are also catalog messages
(`rule_summary.CODE`, linter/report/catalog.py), which take precedence. A rule
without Chinese docs (a plugin's) is described by its docstring.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from linter.messages import Catalog
from linter.rule import Rule

_DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def _translated(rule: Rule, catalog: Catalog) -> str | None:
    # Not Catalog.render: it falls back to Chinese, and English has the docstring.
    return catalog.templates.get(catalog.lang, {}).get(f"rule_summary.{rule.code}")


def summary(rule: Rule, catalog: Catalog) -> str:
    return _translated(rule, catalog) or rule.summary_in(catalog.lang)


def what_it_checks(rule: Rule, lang: str = "en") -> str:
    """The docs' "What it checks" (检查什么) section, as one paragraph."""
    chinese = lang == "zh" and bool(rule.docs_zh.strip())
    docs, heading = (rule.docs_zh, "## 检查什么") if chinese else (rule.docs, "## What it checks")
    text = docs.split(heading, 1)[-1].split("\n## ", 1)[0]
    return " ".join(text.split()) or rule.summary_in(lang)


def description(rule: Rule, catalog: Catalog) -> str:
    """The full description: translated, the one line and where the rest is; else the docs' section."""
    translated = _translated(rule, catalog)
    if translated:
        return catalog.render("rule_summary.more", {"summary": translated, "code": rule.code})
    return what_it_checks(rule, catalog.lang)


def docs_url(rule: Rule) -> str | None:
    """The address of a jxlint rule's docs: `JXLINT_DOCS_URL` (where a team publishes
    docs/rules.md), else docs/rules.md of this checkout or the copy installed with jxlint
    (`share/jxlint/`), else the package's page. None for
    a plugin's rule, whose docs jxlint does not know (`jxlint explain` shows them)."""
    if rule.origin != "jxlint":
        return None
    anchor = rule.code.lower()
    base = os.environ.get("JXLINT_DOCS_URL")
    if base:
        return f"{base}#{anchor}"
    for docs in (_DOCS, Path(sys.prefix) / "share" / "jxlint" / "rules.md"):
        if docs.exists():
            return f"{docs.as_uri()}#{anchor}"
    return "https://pypi.org/project/jxlint/"
