"""linter.json_text: orjson's text is the standard library's, for everything jxlint writes."""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from linter import json_text
from linter.messages import Catalog
from linter.parse import parse_bytes
from linter.report.ast_json import documents_json, format_ast_json
from tests.conftest import SEEDS

_STDLIB = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

# What the reports hold: text of any script (controls, quotes, backslashes, CJK), integers,
# booleans, None, nested in lists and string-keyed dicts.
_SCALARS = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text()
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4), max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_dumps_is_the_standard_librarys_compact_text(value):
    assert json_text.dumps(value) == _STDLIB(value)


def test_what_orjson_refuses_is_encoded_by_the_standard_library():
    assert json_text.orjson is not None, "orjson is a dependency: installed with jxlint"
    for value in ({1: "a"}, 2**70, ["\udcff"]):
        assert json_text.dumps(value) == _STDLIB(value)


def test_without_orjson_the_text_is_the_same(monkeypatch):
    value = {"raw": "≥90.00(%)", "span": [1, 2], "ok": True, "none": None, "quote": 'a"\\\n'}
    expected = json_text.dumps(value)
    monkeypatch.setattr(json_text, "orjson", None)
    assert json_text.dumps(value) == expected == _STDLIB(value)


def test_parse_json_of_the_seeds_is_byte_for_byte_the_standard_encoding():
    documents = [parse_bytes(path.read_bytes(), str(path)) for path in SEEDS.values()]
    out = io.StringIO()
    format_ast_json(documents, Catalog("zh"), out)
    assert out.getvalue() == _STDLIB(documents_json(documents, Catalog("zh"))) + "\n"
