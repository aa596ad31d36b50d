"""PDF text is cut into words with `str.split`: the words and their columns are the runs of
non-space characters (`\\S+`) a regular expression finds, whatever the white space."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.layouts import Segment
from linter.layouts.stream import _fragments

_WORD = re.compile(r"\S+")
_CHARS = st.sampled_from(["a", "指", "1", ".", "(", "|", " ", "\t", "\r", "\u3000", "\u00a0", "\x1c", "\u2028", "\u200b"])
_LINES = st.lists(st.tuples(st.integers(0, 3), st.lists(_CHARS, max_size=14).map("".join)), min_size=1, max_size=4)


def _expected(lines: list[tuple[int, int, str]]) -> list[tuple]:
    out = []
    previous = None
    for line_no, offset, text in lines:
        if not text or text.isspace():
            continue
        gap = "start" if previous is None else "nl" if line_no == previous + 1 else "blank"
        for match in _WORD.finditer(text):
            column = offset + match.start() + 1
            out.append((match.group(), line_no, column, column + len(match.group()), gap))
            gap = "sp"
        previous = line_no
    return out


@settings(max_examples=400)
@given(_LINES)
def test_pdf_words_are_the_runs_of_non_space(lines):
    numbered = [(number * 2 + 1 if skip == 3 else number + 1, skip, text) for number, (skip, text) in enumerate(lines)]
    found = [(f.text, f.line, f.column, f.end_column, f.gap) for f in _fragments(Segment(numbered), "pdf")]
    assert found == _expected(numbered)
