"""Where a cell or finding is in the text: `Span`, re-exported by `linter.ast`.

On its own so that what only carries positions (a finding read back from the result
cache, a document's source map) does not import the whole AST.
"""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    line: int
    column: int
    end_line: int
    end_column: int

    def cover(self, other: Span) -> Span:
        start = min((self.line, self.column), (other.line, other.column))
        end = max((self.end_line, self.end_column), (other.end_line, other.end_column))
        return Span(start[0], start[1], end[0], end[1])
