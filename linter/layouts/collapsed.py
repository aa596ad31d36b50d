"""Text that lost its cell separators: document previews on sharing sites print a whole
form as one run of characters (`…自评表专项资金名称县级储备粮负责人及电话旷建成…`).

Cells are cut at the template's words (the longest word first): each keyword,
column header, row label and indicator label is a cell of its own, and the text
between two of them is one value. Numbers that ran together (`194.9194.9100%`)
cannot be told apart, so every value read this way is marked uncertain by the
parser: the form is found, named and its template told, and no rule reports on
a value whose column is a guess.
"""

from __future__ import annotations

from linter.layouts import RawCell, Segment
from linter.layouts.stream import Fragment, RowBuilder, make_fragment
from linter.text import folded_without_marks
from linter.vocabulary import Vocabulary

_MIN_LENGTH = 80


def looks_collapsed(content: list[str]) -> bool:
    """Most of the text (`content`: a form's lines with text) stands in long lines without
    tabs, pipes or runs of spaces."""
    long = [text for text in content if len(text) >= _MIN_LENGTH and "\t" not in text and text.count("|") < 2]
    if not long:
        return False
    chars = sum(len(text) for text in long)
    spaces = sum(text.count(" ") for text in long)
    return chars * 2 >= sum(len(text) for text in content) and spaces * 12 < chars


def collapsed_rows(segment: Segment, vocabulary: Vocabulary) -> list[list[RawCell]]:
    fragments: list[Fragment] = []
    for line_no, offset, text in segment.lines:
        if not text.strip():
            continue
        compact, origin = _compact(text)
        position = 0
        if not fragments:
            title = vocabulary.template.title_end(compact)
            if title:
                fragments.append(_fragment(text, origin, 0, title, line_no, offset, vocabulary))
                position = title
        for match in vocabulary.phrase_regex.finditer(compact, position):
            if match.start() > position:
                fragments.append(_fragment(text, origin, position, match.start(), line_no, offset, vocabulary))
            fragments.append(_fragment(text, origin, match.start(), match.end(), line_no, offset, vocabulary))
            position = match.end()
        if position < len(compact):
            fragments.append(_fragment(text, origin, position, len(compact), line_no, offset, vocabulary))
    return RowBuilder(fragments, False, vocabulary).build()


def _compact(text: str) -> tuple[str, list[int]]:
    """The folded text without white space or pinyin readings, and each character's index in `text`."""
    clean, origin = folded_without_marks(text)
    kept = [index for index, char in enumerate(clean) if not char.isspace()]
    return "".join(clean[index] for index in kept), [origin[index] if origin else index for index in kept]


def _fragment(text: str, origin: list[int], start: int, end: int, line_no: int, offset: int, vocabulary) -> Fragment:
    first, last = origin[start], origin[end - 1] + 1
    piece = text[first:last]
    column = offset + first + 1
    kind = vocabulary.classify(piece)[0]
    return make_fragment(piece, line_no, column, line_no, column + len(piece), "cell", False, kind)
