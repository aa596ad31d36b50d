from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter.ast import Document
from linter.parse import parse_bytes

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = {
    "001": FIXTURES / "001_ce3da03141c568d9.txt",  # 嘉定 2024, PDF text, 5 forms
    "003": FIXTURES / "003_01ee96ef31214bdb.txt",  # 宝山 2023, TSV + markdown + HTML, 10 forms
    "004": FIXTURES / "004_c0b3f901b49db276.txt",  # 闵行 2022, TSV with misaligned columns, 23 forms
}
_cache: dict[str, Document] = {}


def seed(name: str) -> Document:
    if name not in _cache:
        _cache[name] = parse_bytes(SEEDS[name].read_bytes(), str(SEEDS[name]))
    return _cache[name]


@pytest.fixture(params=sorted(SEEDS))
def seed_document(request) -> Document:
    return seed(request.param)


# Set on import, before any test module copies os.environ at its own import (the CI
# recipe and pre-commit tests do): no subprocess of a test writes a result cache.
os.environ["JXLINT_NO_CACHE"] = "1"


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch, tmp_path_factory):
    """No test reads results another test left, nor litters the checkout: the result
    cache is off (JXLINT_NO_CACHE), and any cache a test turns on goes to a temporary
    folder. tests/test_cache.py turns it on with its own folders."""
    monkeypatch.setenv("JXLINT_NO_CACHE", "1")
    monkeypatch.setenv("JXLINT_RESULT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "result-cache"))
