"""Layout normalisers: text of one form -> canonical rows of cells with positions.

A file is first cut into forms at each title (any template's: `财政项目支出绩效自评表`,
`部门整体支出绩效自评表`, `绩效目标自评表` …), or, with no title at all, where
indicator rows start (a tail of a form); each form's layout is then detected on its own, so one file can mix layouts:

- ``tsv`` / ``markdown``: one row per line, cells split by tabs or pipes, HTML
  fragments (`<p>`, `<td>`, `<br>`) split or stripped (`table.py`);
- ``pdf``: text extracted from PDF, cells split by single spaces and wrapped
  over lines, labels broken around other rows (`stream.py`);
- ``spaces``: cells separated by runs of spaces, a form on one or a few lines;
- ``lines``: one cell per line.

Every builder returns rows of `RawCell`; nothing after this stage sees layout.
"""

from __future__ import annotations

import re
from itertools import repeat
from operator import itemgetter
from typing import Iterator

from linter.ast import Span
from linter.record import record
from linter.text import folded_without_marks, matching_text

LAYOUTS = ("pdf", "tsv", "markdown", "spaces", "lines")  # and "collapsed", read but never written
# Layouts without table columns: rows are rebuilt from the words, after the national order.
STREAM_LAYOUTS = frozenset({"pdf", "spaces", "lines", "collapsed"})


class RawCell:
    """A cell in canonical form, and the token the grammar sees.

    `table_column` is the column index when the layout has table columns. The
    lexer sets `type` (the grammar terminal) and `detail` (a parsed number or
    label); Lark's parser reads only `type`, and `line`/`column` for errors.

    In the layouts without table columns (`stream.py`) each word is a RawCell from
    the start, a *fragment*, with `gap`, `own_line` and `kind` set there: a word that
    is a cell of its own goes into the rows as it is, not copied into a second object.
    """

    __slots__ = (
        "text", "line", "column", "end_line", "end_column", "table_column", "type", "detail",
        "gap", "own_line", "kind",
    )

    def __init__(
        self, text: str, line: int, column: int, end_line: int, end_column: int, table_column: int | None = None
    ) -> None:
        self.text = text
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.table_column = table_column
        self.type = ""
        self.detail: object = None

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.end_line, self.end_column)

    def __repr__(self) -> str:
        return f"RawCell({self.type or '?'} {self.text!r} @{self.line}:{self.column})"


_line_text = itemgetter(2)  # a segment line's text


@record(slots=True)
class Segment:
    """The source lines of one form: (line number, column offset, text) each."""

    lines: list[tuple[int, int, str]]
    headless: bool = False

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    def texts(self, limit: int | None = None) -> list[str]:
        """The text of each line with more than white space, among the first `limit` lines
        (all when None); listed in C, as every form asks for them."""
        return list(filter(str.strip, map(_line_text, self.lines[:limit])))


_TAG_RE = re.compile(r"<[^<>]{0,200}>")
_CELL_START = "\t|> \"'"
_CELL_END = "\t|< (\"'"
# Possessive runs: a long run of digits is scanned once, never backtracked into.
_TWO_NUMBERS_RE = re.compile(r"(?:^|\s)[-.,%()]{0,8}+\d[\d.,%()]*+ +(?:-|[.,%()]{0,8}+\d[\d.,%()]*+)(?:\s|$)")
# A line that ends in a document's file name is a page header, not a title.
_FILE_NAME_RE = re.compile(r"\.(?:docx?|xlsx?|pdf|wps|et)\s*$", re.I)
_CELL_SPLIT_RE = re.compile(r"[\t|]")
_YEAR_AFTER_RE = re.compile(r"\(?\d{4}年")
_PAGE_MARK_RE = re.compile(r"(?:^|\s)\d{1,3}、$")
_SPACE_RUN_RE = re.compile(r"\S(?: {2,}|\u3000+)\S")


def split_forms(text: str, templates) -> list[Segment]:
    """Cut the text at every form title. Text before the first title is dropped; a text
    with no title is one headless form from its first indicator label, when it has one."""
    lines = text.split("\n")
    cuts = _title_cuts(text, lines, templates)
    if not cuts:
        tail = _tail_start(lines, templates)
        if tail is None:
            return []
        return [Segment([(row + 1, 0, lines[row]) for row in range(tail, len(lines))], headless=True)]
    ends = [*cuts[1:], (len(lines), 0)]
    return [_segment(lines, start, end) for start, end in zip(cuts, ends)]


def _segment(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> Segment:
    """The lines from (line index, column) `start` up to `end`, each as (line number, column
    offset, text): the first line from its column, the last one up to its column."""
    (first, first_col), (last, last_col) = start, end
    if first == last:  # two titles on one line
        return Segment([(first + 1, first_col, lines[first][first_col:last_col])] if last_col else [])
    pieces = [(first + 1, first_col, lines[first][first_col:])]
    # The whole lines between, built in C: a form has dozens of them.
    pieces += zip(range(first + 2, last + 1), repeat(0), lines[first + 1 : last])
    if last_col:
        pieces.append((last + 1, 0, lines[last][:last_col]))
    return Segment(pieces)


def _title_cuts(text: str, lines: list[str], templates) -> list[tuple[int, int]]:
    """(line index, column) of each title that stands as a cell of its own (`lines`: `text`
    cut at line breaks).

    A title may also run straight into the next cell in text that lost its
    separators (`…自评表项目名称…`, `1、2020年度…自评表`): it is accepted when a
    keyword of some template follows it, or a page marker (`1、`) precedes it.
    """
    marks, title_regex, keywords = templates.title_marks, templates.title_regex, templates.keyword_keys
    cuts: list[tuple[int, int]] = []
    # Every title ends in one of a few characters (表, 告 …), the same in Traditional
    # script: lines without one are passed over before any folding.
    for index in _lines_with(text, _any_of(templates.title_last_chars)):
        line = lines[index]
        folded, origin = folded_without_marks(line)
        if not any(mark in folded for mark in marks) or _FILE_NAME_RE.search(line):
            continue
        for match in _title_matches(folded, title_regex, templates.bare_title_regex):
            start = match.start()
            before = folded[start - 1] if start else "\t"
            after = folded[match.end()] if match.end() < len(folded) else "\t"
            rest = "".join(folded[match.end() : match.end() + 40].split())
            starts_cell = before in _CELL_START or _PAGE_MARK_RE.search(folded[max(0, start - 5) : start]) is not None
            if starts_cell and before == " " and ("|" in folded or "\t" in folded):
                # In a table row a space separates words, not cells: a title after other words
                # of its cell (`F1b 部门整体支出绩效自评表`, prose in a table) is not a form's.
                cell_start = max(folded.rfind("|", 0, start), folded.rfind("\t", 0, start)) + 1
                starts_cell = not _TAG_RE.sub("", folded[cell_start:start]).strip()
            ends_cell = after in _CELL_END or rest.startswith(keywords)
            if ends_cell and before == after == " " and "|" not in folded and not rest.startswith(keywords):
                # Between spaces, a title in running text (`… is a 绩效目标申报表 (a goal …`) is
                # a mention; one in PDF text is followed by its year or a header word.
                ends_cell = _YEAR_AFTER_RE.match(rest) is not None
            if not (starts_cell and ends_cell):
                continue
            start = origin[start] if origin is not None else start
            if not _TAG_RE.sub("", line[:start]).strip():
                start = 0
            cuts.append((index, start))
    return cuts


def _title_matches(
    folded: str, title_regex: re.Pattern[str], bare_title_regex: re.Pattern[str] | None
) -> Iterator[re.Match[str]]:
    """The matches of `title_regex` in a line, as `finditer` finds them, but no search past the
    last title: trying its prefix (a place name, a year) at every position is the slow part."""
    if bare_title_regex is None:
        yield from title_regex.finditer(folded)
        return
    position = 0
    while bare_title_regex.search(folded, position) is not None:
        match = title_regex.search(folded, position)
        if match is None:
            return
        yield match
        position = match.end()


def _lines_with(text: str, search) -> Iterator[int]:
    """The index of each line of `text` in which `search` finds a match: one scan of the
    text, not a search a line (few lines hold a title's last character)."""
    index = position = 0
    while (match := search(text, position)) is not None:
        index += text.count("\n", position, match.start())
        yield index
        line_end = text.find("\n", match.end())
        if line_end < 0:
            return
        index += 1
        position = line_end + 1


_ANY_OF: dict[tuple[str, ...], object] = {}


def _any_of(chars: tuple[str, ...]):
    """A search for any of `chars` in a line: one scan, not one per character."""
    search = _ANY_OF.get(chars)
    if search is None:
        if len(_ANY_OF) >= 64:
            _ANY_OF.clear()
        pattern = "[" + "".join(re.escape(char) for char in chars) + "]" if chars else "(?!)"
        search = _ANY_OF[chars] = re.compile(pattern).search
    return search


def _tail_start(lines: list[str], templates) -> int | None:
    """The first line of a form's tail: an indicator label that starts a cell, with a
    total label starting a cell after it and at least three labels in all. Labels in
    running text (`… 产出指标 and 效益指标 …`) do not count."""
    labels, totals = templates.tail_words
    first = None
    found = 0
    for index, line in enumerate(lines):
        cells = _cell_starts(line)
        if not cells:
            continue
        if any(cell.startswith(label) for cell in cells for label in labels):
            found += 1
            first = index if first is None else first
        if first is not None and found >= 3 and any(cell.startswith(total) for cell in cells for total in totals):
            return first
    return None


def _cell_starts(line: str) -> list[str]:
    """The matching text of each cell of a line cut at tabs and pipes (a line of one cell
    is one), each cut to the length of the longest label."""
    return [matching_text(piece[:40]) for piece in _CELL_SPLIT_RE.split(line) if piece.strip()]


def detect_layout(segment: Segment) -> str:
    content = segment.texts()
    # Pipe rows, also those of a pipe table whose rows are broken over lines (`二级指标 | 三级指标 |`).
    # A line of one cell and a pipe after it (`总额 |`), or a pipe alone, is one cell a line.
    piped = tabs = 0
    for text in content:  # (one pass; most lines have neither a pipe nor a tab)
        if "|" in text and (text.count("|") >= 2 or (text.lstrip().startswith("|") and text.strip() != "|")):
            piped += 1
        if "\t" in text and not text.lstrip().startswith("|"):
            tabs += 1
    tabbed = piped + tabs
    if tabbed >= 3 or tabbed * 3 >= len(content) > 0:
        return "markdown" if piped * 2 > tabbed else "tsv"
    from linter.layouts.collapsed import looks_collapsed

    if looks_collapsed(content):
        return "collapsed"
    if len(content) <= 3:
        # A form on a few lines: cells apart by runs of spaces, or by single spaces (PDF).
        return "spaces" if any(_SPACE_RUN_RE.search(text.strip()) for text in content) else "pdf"
    runs = 0
    for text in content:
        # (a run needs two spaces or an ideographic one: most lines are passed over unsearched)
        if ("  " in text or "\u3000" in text) and _SPACE_RUN_RE.search(text.strip()):
            runs += 1
            if runs == 3:
                return "spaces"
    # Two numbers side by side on one line (`476.00 553.40`): the numbers are separated by
    # literal spaces, so one search over the joined lines never matches across a line break.
    return "pdf" if _TWO_NUMBERS_RE.search("\n".join(content)) else "lines"



def build_rows(segment: Segment, layout: str, vocabulary) -> list[list[RawCell]]:
    if layout in ("tsv", "markdown"):
        from linter.layouts.table import table_rows

        return table_rows(segment)
    if layout == "collapsed":
        from linter.layouts.collapsed import collapsed_rows

        return collapsed_rows(segment, vocabulary)
    from linter.layouts.stream import stream_rows

    return stream_rows(segment, layout, vocabulary)
