"""linter.json_text: orjson's text is the standard library's compact text, for
everything jxlint writes."""

from __future__ import annotations

import io
import json

from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import json_text
from linter.ast import Cell, Document, Label, Span
from linter.messages import Catalog
from linter.parse import parse_bytes
from linter.report.ast_json import documents_json, format_ast_json
from linter.values import Target
from tests.conftest import SEEDS
from tests.strategies import forms

OTHER_PROVINCES = Path(__file__).resolve().parents[2] / "shared" / "forms" / "other-provinces"

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


def _compact_output(documents: list[Document]) -> str:
    out = io.StringIO()
    format_ast_json(documents, Catalog("zh"), out)
    return out.getvalue()


def _real_documents() -> list[Document]:
    paths = [*SEEDS.values(), *sorted(OTHER_PROVINCES.glob("*.txt"))]
    assert len(paths) > 3, "the other provinces' forms are read too"
    return [parse_bytes(path.read_bytes(), str(path)) for path in paths]


def test_parse_json_of_real_forms_is_byte_for_byte_the_standard_encoding(monkeypatch):
    documents = _real_documents()
    expected = _STDLIB(documents_json(documents, Catalog("zh"))) + "\n"
    assert _compact_output(documents) == expected  # through orjson
    monkeypatch.setattr(json_text, "orjson", None)
    assert _compact_output(documents) == expected  # through json


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms(), st.text(max_size=8))
def test_parse_json_of_generated_forms_is_the_standard_encoding(form, odd):
    # Text of any script in the cells, lone surrogates included (undecodable bytes).
    form.project = Cell(odd, Span(2, 1, 2, 1 + len(odd)), odd)
    if form.indicators:
        cell = form.indicators[0].name or Cell("名", Span(3, 1, 3, 2), "名")
        form.indicators[0].level1 = Label(cell, odd or "产出指标", truncated=bool(odd), weight=Decimal("12.50"))
        form.indicators[0].target = Cell(odd, Span(3, 3, 3, 4), Target(">", None, odd or None, odd), malformed=True, uncertain=True)
    document = Document("generated.txt", "utf-8", [form])
    assert _compact_output([document]) == _STDLIB(documents_json([document], Catalog("zh"))) + "\n"


def _output_through(stream: io.TextIOWrapper, documents: list[Document]) -> bytes:
    format_ast_json(documents, Catalog("zh"), stream)
    stream.flush()
    return stream.buffer.getvalue()  # type: ignore[attr-defined]


def test_a_utf8_stream_gets_the_same_bytes_as_the_text_encoded():
    # Standard output and report files encode UTF-8: orjson's bytes go to their buffer as
    # they are, between text written before and after them.
    documents = _real_documents()
    text = _compact_output(documents)
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    stream.write("before ")
    assert _output_through(stream, documents) == ("before " + text).encode("utf-8")


def test_other_streams_get_the_text_in_their_own_encoding():
    documents = _real_documents()[:2]
    text = _compact_output(documents)
    stream = io.TextIOWrapper(io.BytesIO(), encoding="gb18030", newline="")
    assert _output_through(stream, documents) == text.encode("gb18030")
    # What orjson refuses (a lone surrogate from undecodable bytes) goes through the text
    # stream, which encodes it as it is set up to.
    document = documents[0]
    document.forms[0].project = Cell("\udcff", Span(2, 1, 2, 2), "\udcff")
    text = _compact_output([document])
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="surrogateescape", newline="")
    assert _output_through(stream, [document]) == text.encode("utf-8", "surrogateescape")
