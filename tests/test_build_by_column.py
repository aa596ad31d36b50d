"""An indicator row that lines up with its header is read by its columns alone: the
builder skips reading it by content first. The forms come out as they did when every
row was read by content and then replaced by its columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.build import FormBuilder
from linter.layouts import LAYOUTS
from linter.parse import parse_text
from linter.render import render
from tests.conftest import SEEDS

OTHER_PROVINCES = sorted((Path(__file__).parent / "other-provinces").glob("*.txt"))


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in (*SEEDS.values(), *OTHER_PROVINCES)]
    # (The seeds are parsed here, not through `tests.conftest.seed`, whose cache would keep
    # their documents alive for the rest of the session.)
    for path in SEEDS.values():
        forms = parse_text(path.read_text(encoding="utf-8"), str(path)).forms
        for layout in LAYOUTS:
            texts.append("".join(render(form, layout) + "\n" for form in forms))
    return texts


def test_rows_read_by_column_alone_are_read_as_by_content_then_by_column(monkeypatch: pytest.MonkeyPatch):
    shortcut = FormBuilder._read_by_column_alone
    taken = 0

    def counted(self, values, table):
        nonlocal taken
        answer = shortcut(self, values, table)
        taken += answer
        return answer

    texts = _texts()
    monkeypatch.setattr(FormBuilder, "_read_by_column_alone", counted)
    fast = [parse_text(text, "form.txt").forms for text in texts]
    monkeypatch.setattr(FormBuilder, "_read_by_column_alone", lambda self, values, table: False)
    slow = [parse_text(text, "form.txt").forms for text in texts]
    assert taken > 100
    for fast_forms, slow_forms in zip(fast, slow):
        assert fast_forms == slow_forms
