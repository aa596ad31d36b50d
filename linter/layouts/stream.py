"""Layouts without table structure: PDF text, space-separated rows, one cell per line.

The text is read as a stream of fragments, each with the gap before it:
``sp`` (one space, PDF only), ``cell`` (a run of spaces), ``nl`` (next line)
or ``blank`` (after an empty line). Rows are rebuilt from the vocabulary:

1. Label fragments on lines of their own are joined into labels, hopping
   over up to 12 fragments of an interleaved row (PDF: `可持`/`续影`/row/`响指`/`标`).
2. Fragments are joined into cells: a unit suffix joins its number
   (`=17500.00` + `(元/人)`); in PDF text a blank line continues a cell,
   unless the next fragment is a value, starts a completion level
   (`未达成指标`), or the previous one ends a sentence.
3. Each indicator record ends at the last two of a run of plain numbers
   (分值, 得分); of the cells before it, the last three are 三级指标,
   年度指标值 and 实际完成值, and any earlier ones are the previous record's
   偏差原因分析.
"""

from __future__ import annotations

import re

from linter.layouts import RawCell, Segment
from linter.shown import display_width
from linter.text import key
from linter.vocabulary import LABELS, SECTION_STARTS, Vocabulary

_FRAGMENT_RE = {"pdf": re.compile(r"\S+"), "spaces": re.compile(r"\S+(?: \S+)*")}
_UNIT_SUFFIX_RE = re.compile(r"^\([^()\d]{1,8}\)$")
_UNIT_WORDS = frozenset("个 人 套 次 天 台 名 万 万元 元 件 份 项 户 辆 家 场 期 篇 批 处 座 条 张 所".split())
_SENTENCE_END = ("。", ";", "；", "!", "！", "?", "？")
_MAX_HOPS = 12
# Longer than any template word or number: such a cell is text whatever follows.
_LONG_CELL = 200
# `指标 2：` and its kin: longer cells are never a placeholder to join.
_SHORT_CELL = 16
_NUMBERED_NAME_RE = re.compile(r"^指标\d")
_INDICATOR_END = frozenset({"K_TOTAL", "K_GRADE", "TITLE", "K_CLOSE"})
_FIELD_KINDS = frozenset({"K_NAME", "K_DEPT", "K_IMPL", "K_FIELD"})
# Where a run of fragments stops: a free row, a funds row's values, a goal's text.
_ROW_STOPS = SECTION_STARTS | LABELS
_FUND_ROW_STOPS = SECTION_STARTS | {"FLABEL"}
_GOAL_STOPS = SECTION_STARTS | LABELS | {"PLACEHOLDER"}


# A word, or words joined into one cell: a RawCell with `gap` (what separates it from the
# fragment before: `start`, `sp`, `cell`, `nl` or `blank`), `own_line` (alone on its line)
# and `kind` (its class in the template's vocabulary).
Fragment = RawCell


def make_fragment(
    text: str, line: int, column: int, end_line: int, end_column: int, gap: str, own_line: bool = False,
    kind: str = "TEXT",
) -> Fragment:
    cell = RawCell(text, line, column, end_line, end_column)
    cell.gap = gap
    cell.own_line = own_line
    cell.kind = kind
    return cell


def stream_rows(segment: Segment, layout: str, vocabulary: Vocabulary) -> list[list[RawCell]]:
    fragments = _join_labels(_fragments(segment, layout), vocabulary)
    classify, known = vocabulary.classify, vocabulary.known
    for fragment in fragments:
        text = fragment.text
        fragment.kind = (known(text) or classify(text))[0]
    return RowBuilder(fragments, layout in ("pdf", "lines"), vocabulary).build()


def _fragments(segment: Segment, layout: str) -> list[Fragment]:
    if layout == "pdf":
        return _pdf_words(segment)
    pattern = _FRAGMENT_RE.get(layout)
    out: list[Fragment] = []
    previous_line = None
    for line_no, offset, text in segment.lines:
        if pattern is None:
            # One cell a line; a page that flattened a table leaves a pipe after each (`总额 |`).
            text = text.rstrip().rstrip("|")
        if not text or text.isspace():
            continue
        first = len(out)
        gap = "start" if previous_line is None else "nl" if line_no == previous_line + 1 else "blank"
        if pattern is None:
            stripped = text.strip()
            col = offset + text.index(stripped) + 1
            out.append(make_fragment(stripped, line_no, col, line_no, col + len(stripped), gap))
        else:
            for match in pattern.finditer(text):
                col = offset + match.start() + 1
                piece = match.group()
                # (made here, not by `make_fragment`: a call a word is a tenth of the stage)
                cell = RawCell(piece, line_no, col, line_no, col + len(piece))
                cell.gap, cell.own_line, cell.kind = gap, False, "TEXT"
                out.append(cell)
                gap = "cell"
        if len(out) - first == 1:
            out[first].own_line = True
        previous_line = line_no
    return out


def _pdf_words(segment: Segment) -> list[Fragment]:
    """PDF words are the runs of non-space (`\\S+`), as `str.split` cuts them: each found after
    the previous one, past the white space between them."""
    out: list[Fragment] = []
    previous_line = None
    for line_no, offset, text in segment.lines:
        words = text.split()
        if not words:
            continue
        gap = "start" if previous_line is None else "nl" if line_no == previous_line + 1 else "blank"
        previous_line = line_no
        own_line = len(words) == 1
        position = 0
        for piece in words:
            position = text.index(piece, position)
            col = offset + position + 1
            position += len(piece)
            # (made here, not by `make_fragment`: a call a word is a tenth of the stage)
            cell = RawCell(piece, line_no, col, line_no, col + len(piece))
            cell.gap, cell.own_line, cell.kind = gap, own_line, "TEXT"
            out.append(cell)
            gap = "sp"
    return out


def _join_labels(fragments: list[Fragment], vocabulary: Vocabulary) -> list[Fragment]:
    """Join label fragments that stand on lines of their own into whole labels."""
    out: list[Fragment] = []
    consumed: set[int] = set()
    prefixes = vocabulary.phrase_prefixes
    for index, fragment in enumerate(fragments):
        if index in consumed:
            continue
        if not fragment.own_line or key(fragment.text) not in prefixes:
            out.append(fragment)
            continue
        parts = _label_parts(fragments, index, vocabulary.phrases, prefixes)
        if parts is None:
            out.append(fragment)
            continue
        last = fragments[parts[-1]]
        text = "".join(fragments[part].text for part in parts)
        out.append(
            make_fragment(text, fragment.line, fragment.column, last.end_line, last.end_column, fragment.gap, True)
        )
        consumed.update(parts[1:])
    return out


def _label_parts(
    fragments: list[Fragment], first: int, phrases: frozenset[str], prefixes: frozenset[str]
) -> list[int] | None:
    joined = key(fragments[first].text)
    parts = [first]
    best = None
    hops = 0
    position = first + 1
    while position < len(fragments) and hops <= _MAX_HOPS:
        candidate = fragments[position]
        if candidate.own_line:
            extended = joined + key(candidate.text)
            if extended in phrases or extended in prefixes:
                joined = extended
                parts.append(position)
                if joined in phrases:
                    best = list(parts)
                position += 1
                continue
        if joined in phrases:
            break
        hops += 1
        position += 1
    return best if best is not None and len(best) > 1 else None


class RowBuilder:
    def __init__(self, fragments: list[Fragment], wraps: bool, vocabulary: Vocabulary) -> None:
        self.fragments = fragments
        self.wraps = wraps
        self.vocabulary = vocabulary
        self.position = 0
        self.rows: list[list[RawCell]] = []

    def build(self) -> list[list[RawCell]]:
        fragments = self.fragments
        while self.position < len(fragments):
            kind = fragments[self.position].kind
            if kind == "K_FUNDS":
                self._funds()
            elif kind == "K_GOAL":
                self._goal()
            elif kind in ("K_IND", "IHDR") or kind in LABELS or kind == "PLACEHOLDER":
                self._indicators()
            elif kind in ("K_NAME", "K_DEPT", "K_IMPL", "K_FIELD"):
                self._fields()
            elif kind in SECTION_STARTS:
                self._keyword_row(kind)
            else:
                self.rows.append(self._until(_ROW_STOPS))
        return self.rows

    def _until(self, stops: frozenset[str]) -> list[Fragment]:
        fragments = self.fragments
        start = position = self.position
        end = len(fragments)
        while position < end and fragments[position].kind not in stops:
            position += 1
        self.position = position
        return fragments[start:position]

    def _keyword_row(self, kind: str) -> None:
        """TITLE (year on a row of its own), 项目名称, 实施单位, 总分 (one cell a value), 评分等级."""
        keyword = self.fragments[self.position]
        self.position += 1
        rest = self._until(SECTION_STARTS)
        if kind == "TITLE":
            self.rows.append([keyword])
            if rest:
                self.rows.append([_merge(rest)])
        elif kind in ("K_TOTAL", "K_CLOSE"):
            self.rows.append([keyword, *rest])
        else:
            self.rows.append([keyword, _merge(rest)] if rest else [keyword])

    def _fields(self) -> None:
        """Header fields: 项目名称 on a row of its own; 主管部门 and 实施单位 (and the
        other fields after them) on one row, each keyword followed by its value."""
        row: list[RawCell] = []
        fragments = self.fragments
        while self.position < len(fragments) and fragments[self.position].kind in _FIELD_KINDS:
            kind = fragments[self.position].kind
            if row and kind == "K_NAME":
                break
            row.append(fragments[self.position])
            self.position += 1
            value = self._until(SECTION_STARTS)
            if value:
                row.append(_merge(value))
            if kind == "K_NAME":
                break
        self.rows.append(row)

    def _funds(self) -> None:
        fragments = self.fragments
        row = [fragments[self.position]]
        self.position += 1
        while self.position < len(fragments) and fragments[self.position].kind in ("UNIT", "FHDR", "SHDR"):
            row.append(fragments[self.position])
            self.position += 1
        self.rows.append(row)
        while self.position < len(fragments) and fragments[self.position].kind == "FLABEL":
            label = fragments[self.position]
            self.position += 1
            values = self._until(_FUND_ROW_STOPS)
            self.rows.append([label, *self._cells(values)])

    def _goal(self) -> None:
        fragments = self.fragments
        row = [fragments[self.position]]
        self.position += 1
        while self.position < len(fragments) and fragments[self.position].kind == "GHDR":
            row.append(fragments[self.position])
            self.position += 1
        self.rows.append(row)
        text = self._until(_GOAL_STOPS)
        if text:
            self.rows.append(_goal_cells(text, self.wraps))

    def _indicators(self) -> None:
        fragments = self.fragments
        if fragments[self.position].kind in ("K_IND", "IHDR"):
            header = []
            while self.position < len(fragments) and fragments[self.position].kind in ("K_IND", "IHDR", "SHDR"):
                header.append(fragments[self.position])
                self.position += 1
            self.rows.append(header)
        self.rows.extend(_indicator_rows(self._cells(self._until(_INDICATOR_END)), self.vocabulary))

    def _cells(self, fragments: list[Fragment]) -> list[Fragment]:
        """Fragments joined into cells (new fragments; the originals are not changed).

        A cell longer than any word of the template is text: its further pieces are
        kept and joined once at the end, so a paragraph of thousands of lines is read in
        linear time and no long text goes through the classifier's cache."""
        cells: list[Fragment] = []
        long_pieces: dict[int, list[str]] = {}  # by index of a long cell, the pieces after its text
        last_is_new = False  # whether the last cell was made here (and may be changed), not given
        ending = ""  # the text the last cell ends in
        for fragment in fragments:
            if cells and self._joins(cells[-1], fragment, ending):
                cell = cells[-1]
                if not last_is_new:
                    cell = cells[-1] = make_fragment(
                        cell.text, cell.line, cell.column, cell.end_line, cell.end_column, cell.gap, False, cell.kind
                    )
                    last_is_new = True
                separator = " " if fragment.gap == "sp" else ""
                pieces = long_pieces.get(len(cells) - 1)
                if pieces is not None or len(cell.text) + len(fragment.text) > _LONG_CELL:
                    if pieces is None:
                        pieces = long_pieces[len(cells) - 1] = []
                    pieces.append(separator + fragment.text)
                    cell.kind = "TEXT"
                else:
                    cell.text += separator + fragment.text
                    cell.kind = self.vocabulary.classify(cell.text)[0]
                cell.end_line, cell.end_column = fragment.end_line, fragment.end_column
            else:
                cells.append(fragment)
                last_is_new = False
            ending = fragment.text
        for index, pieces in long_pieces.items():
            cells[index].text += "".join(pieces)
        return cells

    def _joins(self, previous: Fragment, fragment: Fragment, ending: str) -> bool:
        """Whether `fragment` continues the cell `previous`, which ends in `ending`."""
        if previous.kind in LABELS or fragment.kind in LABELS or fragment.gap == "cell":
            return False
        text = fragment.text
        if previous.kind == "NUM" and _is_unit_suffix(text) and self.vocabulary.classify(previous.text)[1].unit is None:
            return True
        if fragment.gap == "sp":
            # `指标 1：根据…` and `指标 1： 指标 2：` are one cell; an unused `指标 2：` ends its line.
            if len(previous.text) > _SHORT_CELL:
                return False
            previous_key = key(previous.text)
            if previous_key == "指标":
                return text[:1].isdigit()
            return previous.kind == "PLACEHOLDER" and previous_key.startswith("指标")
        if not self.wraps or fragment.gap != "blank":
            return False
        if previous.kind != "TEXT" or fragment.kind != "TEXT":
            return False
        if ending.endswith(_SENTENCE_END):
            return False
        return not key(text).startswith(self.vocabulary.completion_prefixes)


def _is_unit_suffix(text: str) -> bool:
    return bool(_UNIT_SUFFIX_RE.match(key(text))) or text in _UNIT_WORDS


def _merge(fragments: list[Fragment]) -> RawCell:
    """One cell from several fragments; line breaks inside the cell are dropped."""
    text = fragments[0].text
    for previous, fragment in zip(fragments, fragments[1:]):
        ascii_pair = previous.text[-1:].isascii() and fragment.text[:1].isascii()
        text += (" " if fragment.gap in ("sp", "cell") or ascii_pair else "") + fragment.text
    first, last = fragments[0], fragments[-1]
    return RawCell(text, first.line, first.column, last.end_line, last.end_column)


def _goal_cells(fragments: list[Fragment], wraps: bool) -> list[RawCell]:
    """预期目标 and 实际完成情况: whole cells, or two paragraphs of wrapped lines.

    PDF text prints the 预期目标 paragraph, then the 实际完成情况 one; the first
    paragraph ends at the first line clearly shorter than the text's width.
    """
    if not wraps or len(fragments) <= 2:
        return fragments
    lines: list[list[Fragment]] = []
    for fragment in fragments:
        if lines and fragment.gap == "sp":
            lines[-1].append(fragment)
        else:
            lines.append([fragment])
    if len(lines) <= 2:
        return [_merge(line) for line in lines]
    widths = [display_width(" ".join(fragment.text for fragment in line)) for line in lines]
    full = max(widths)
    split = next((number for number, width in enumerate(widths[:-1]) if width < 0.8 * full), None)
    if split is None:
        return [_merge(fragments)]
    first = [fragment for line in lines[: split + 1] for fragment in line]
    second = [fragment for line in lines[split + 1 :] for fragment in line]
    return [_merge(first), _merge(second)]


def _indicator_rows(items: list[Fragment], vocabulary: Vocabulary) -> list[list[RawCell]]:
    rows: list[list[RawCell]] = []
    labels: list[RawCell] = []
    chunk: list[Fragment] = []
    for item in items:
        if item.kind in LABELS or item.kind == "PLACEHOLDER":
            if chunk:
                rows.extend(_records(chunk, labels, vocabulary))
                labels, chunk = [], []
            if item.kind == "PLACEHOLDER":
                rows.append([*labels, item])
                labels = []
            else:
                labels.append(item)
        else:
            chunk.append(item)
    if chunk:
        rows.extend(_records(chunk, labels, vocabulary))
    elif labels:
        rows.append(labels)
    return rows


def _records(chunk: list[Fragment], labels: list[RawCell], vocabulary: Vocabulary) -> list[list[RawCell]]:
    """Rows of one run of cells between labels, anchored on their 分值/得分 pairs.

    More than three cells before a pair are split by `_split_cells`.
    """
    plain = [item.kind == "NUM" and vocabulary.is_plain_number(item.text) for item in chunk]
    pairs = []
    index = 0
    while index < len(chunk):
        if not plain[index]:
            index += 1
            continue
        run_start = index
        while index < len(chunk) and plain[index]:
            index += 1
        if index - run_start >= 2:
            pairs.append(index - 2)
    if not pairs:
        return [[*labels, *chunk]]
    records: list[list[RawCell]] = []
    reasons: list[list[RawCell]] = []
    start = 0
    for pair in pairs:
        before = chunk[start:pair]
        if len(before) > 3:
            reason, before = _split_cells(before, has_previous=bool(records))
            if reason:
                reasons[-1].extend(reason)
        records.append([*before, chunk[pair], chunk[pair + 1]])
        reasons.append([])
        start = pair + 2
    trailing = chunk[start:]
    # `指标 N：无` after the last score starts an unscored row, not a 偏差原因.
    cut = next((n for n, item in enumerate(trailing) if _NUMBERED_NAME_RE.match(key(item.text))), len(trailing))
    reasons[-1] = trailing[:cut]
    rows = []
    for number, (record, reason) in enumerate(zip(records, reasons)):
        row = ([*labels] if number == 0 else []) + record
        if reason:
            row.append(_merge_cells(reason))
        rows.append(row)
    if trailing[cut:]:
        rows.append(trailing[cut:])
    return rows


# Cost of treating a gap as inside one cell: a single space often is (`提升 20%`),
# a line break sometimes, a run of spaces almost never.
_GAP_COST = {"blank": 0.5, "sp": 1.0, "nl": 2.0, "cell": 10.0, "start": 10.0}


def _split_cells(cells: list[Fragment], has_previous: bool) -> tuple[list[Fragment], list[Fragment]]:
    """Split more than three cells into (previous row's reason, [三级, 年度, 实际]).

    Every split into consecutive groups is scored by the gaps it joins; ties go
    to the longest 三级指标 name, the cell most likely to hold spaces.

    The cost of a split is the cost of every gap but those that start a group, plus
    the reason's and the 实际's penalties, so for each start of the name the best
    start of the 实际 is known from one pass from the right: O(n²) in the cells of
    the run, not O(n⁴) (a page of words before a score pair stays fast).
    """
    count = len(cells)
    weights = [_GAP_COST[item.gap] + 3.0 * bool(_NUMBERED_NAME_RE.match(key(item.text))) for item in cells]
    gaps = sum(weights[1:])
    # For each b, the best start c ≥ b of the 实际 group: the largest w_c - 2·(several cells),
    # the rightmost on a tie (the order the splits were always tried in).
    best_from: list[tuple[float, int]] = [(0.0, 0)] * (count + 1)
    best: tuple[float, int] | None = None
    for start in range(count - 1, 0, -1):
        value = weights[start] - 2.0 * (count - start > 1)
        if best is None or value > best[0]:
            best = (value, start)
        best_from[start] = best
    chosen: tuple[float, int, int, int] | None = None
    for reason_end in range(count - 2 if has_previous else 1):
        fixed = gaps
        if reason_end:
            # A 偏差原因 stands on lines of its own and ends a sentence.
            fixed -= weights[reason_end]
            fixed += 3.0 if cells[reason_end].gap == "sp" else 0.0
            fixed += 0.0 if cells[reason_end - 1].text.endswith(_SENTENCE_END) else 1.0
        for name_end in range(count - 2, reason_end, -1):
            value, target_end = best_from[name_end + 1]
            total = fixed - weights[name_end] - value
            if chosen is None or total < chosen[0]:
                chosen = (total, reason_end, name_end, target_end)
    assert chosen is not None
    _, reason_end, name_end, target_end = chosen
    groups = (cells[reason_end:name_end], cells[name_end:target_end], cells[target_end:])
    return cells[:reason_end], [_joined(group) for group in groups]


def _joined(group: list[Fragment]) -> Fragment:
    """The fragments of a group as one TEXT cell (joined once: linear in its length)."""
    first, last = group[0], group[-1]
    text = first.text + "".join((" " if item.gap in ("sp", "cell") else "") + item.text for item in group[1:])
    return make_fragment(text, first.line, first.column, last.end_line, last.end_column, first.gap, False, "TEXT")


def _merge_cells(cells: list[RawCell]) -> RawCell:
    first, last = cells[0], cells[-1]
    return RawCell("".join(cell.text for cell in cells), first.line, first.column, last.end_line, last.end_column)
