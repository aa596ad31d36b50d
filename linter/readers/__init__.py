"""Document readers: workbooks, Word files and PDFs read directly, as plugins.

A reader claims a file by its first bytes (and, for formats that share a container,
its extension) and turns it into canonical rows of cells, each cell with the
`Location` it came from (linter.location). The rows are written as tab-separated
text, one line a row and one field a cell, an empty line between tables and
sheets, and parsed by the one text parser; so a form gives the same findings in
a workbook as in its text, and each finding is translated back to its cell.

Built-in readers (linter.readers.builtin): `xlsx` (.xlsx/.xlsm, openpyxl), `xls`
(legacy .xls, xlrd), `docx` (python-docx), `pdf` (pdfplumber), and
`doc`, which only says that an old binary Word file must be converted. Plugins add
readers with the `jxlint_readers` hook. Their packages are imported only when a
file of theirs is read: linting text never imports them.

Nothing here trusts the file: a container is checked before it is opened (entries,
unpacked size, compression ratio, DTDs in its XML; linter.readers.safety), PDF pages
are read up to a limit, and any failure is a finding, never an exception.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import field, replace
from typing import TYPE_CHECKING

from linter.record import record

if TYPE_CHECKING:  # imported when a document is read: every run registers the readers, few use them
    from linter.location import Location, SourceMap


@record(frozen=True)
class Limits:
    """What one document may cost. Each can be set by an environment variable
    (docs/documents.md): JXLINT_MAX_UNPACKED (bytes unpacked from a .xlsx/.docx),
    JXLINT_MAX_XML (bytes of XML in it: what the XML parsers hold in memory),
    JXLINT_MAX_ENTRIES (entries in it), JXLINT_MAX_RATIO (compression ratio of an
    entry), JXLINT_MAX_PAGES (PDF pages read), JXLINT_MAX_CELLS (cells read)."""

    max_unpacked: int = 256 * 1024 * 1024
    max_xml: int = 64 * 1024 * 1024
    max_entries: int = 10_000
    max_ratio: int = 200
    max_pages: int = 200
    max_cells: int = 2_000_000

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> Limits:
        environ = os.environ if environ is None else environ
        limits = cls()
        names = {
            "JXLINT_MAX_UNPACKED": "max_unpacked", "JXLINT_MAX_XML": "max_xml", "JXLINT_MAX_ENTRIES": "max_entries",
            "JXLINT_MAX_RATIO": "max_ratio", "JXLINT_MAX_PAGES": "max_pages", "JXLINT_MAX_CELLS": "max_cells",
        }
        for variable, name in names.items():
            value = environ.get(variable, "").strip()
            if value.isdigit() and int(value) > 0:
                limits = replace(limits, **{name: int(value)})
        return limits


class ReaderError(Exception):
    """The file cannot be read as what it claims to be: one finding, `message_id` with `args`."""

    def __init__(self, message_id: str, **args: object) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


@record(slots=True)
class DocCell:
    """A cell's text as a reader extracted it, and where it is in the document."""

    text: str
    location: Location


@record
class Extracted:
    """What a reader read: blocks of rows (a sheet, a table, the paragraphs before it),
    written with an empty line between blocks; and notes, findings about the file
    that do not stop the reading (pages not read), as (message id, args)."""

    blocks: list[list[list[DocCell | None]]] = field(default_factory=list)
    notes: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    kind: str = ""


class Reader:
    """A document reader. `claims` sees the file name and its first 8 bytes; `read` gets
    the whole content and returns `Extracted`, or raises `ReaderError`."""

    name = ""
    extensions: tuple[str, ...] = ()

    def claims(self, name: str, head: bytes) -> bool:  # pragma: no cover - interface
        raise NotImplementedError

    def read(self, data: bytes, name: str, limits: Limits) -> Extracted:  # pragma: no cover - interface
        raise NotImplementedError


def builtin_readers() -> list[Reader]:
    from linter.readers.builtin import READERS

    return list(READERS)


def extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > name.rfind("/") else ""


def document_extensions(readers: Iterable[Reader]) -> frozenset[str]:
    return frozenset(ext for reader in readers for ext in reader.extensions)


def choose(readers: Iterable[Reader], name: str, data: bytes) -> Reader | None:
    head = data[:8]
    for reader in readers:
        if reader.claims(name, head):
            return reader
    return None


def _clean(text: str) -> str:
    """A cell's text on one line of its own field: line breaks and tabs inside a cell
    (a wrapped label, `年度\\n总体\\n目标`) become spaces."""
    if "\t" in text or "\n" in text or "\r" in text:
        text = " ".join(text.replace("\t", " ").replace("\r", "\n").split("\n"))
    return text.strip()


def render(blocks: Iterable[list[list[DocCell | None]]]) -> tuple[str, SourceMap]:
    """The rows as tab-separated text, and where each cell went."""
    from linter.location import SourceMap

    source_map = SourceMap()
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        for row in block:
            line_no = len(lines) + 1
            texts = [_clean(cell.text) if cell is not None else "" for cell in row]
            while texts and not texts[-1]:
                texts.pop()
            position = 1
            for cell, text in zip(row, texts):
                if cell is not None:
                    source_map.add(line_no, position, position + max(len(text), 1), cell.location)
                position += len(text) + 1
            lines.append("\t".join(texts))
    return "\n".join(lines) + "\n", source_map


def rows_of(blocks: list[list[list[DocCell | None]]]) -> Iterator[list[DocCell | None]]:
    for block in blocks:
        yield from block
