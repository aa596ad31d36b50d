"""Reading one input, a file or standard input, into a `Document`, never more than a limit.

A path may name anything: a FIFO that never ends, a device that never stops giving bytes,
a 10 GB file. Only regular files are read, without blocking on open and checked again on
the open descriptor; a file or stream over the limit is a finding, not a read. Whatever
cannot be read becomes a document with one `unreadable-file` problem (JX000).
"""

from __future__ import annotations

import os
import stat
import sys
from typing import TYPE_CHECKING, BinaryIO

from linter.shown import escaped
from linter.span import Span

if TYPE_CHECKING:
    from linter.ast import Document

# The AST, parser, templates and decoder are imported when a document is made, not
# when this module is: a run answered from the result cache reads bytes and parses none.

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
STDIN = "-"
_START = Span(1, 1, 1, 1)


class Unreadable(Exception):
    def __init__(self, message_id: str, **args: object) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


def read_document(
    path: str, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, shown: str | None = None,
    templates=None, template: str | None = None, readers=None,
) -> Document:
    """The document of a file, or of standard input for `-` (named `shown` in messages),
    read with `templates` (the built-ins by default), `template` forced if given. A
    workbook, Word file or PDF is read by its reader (`readers`, the built-ins by
    default; linter.readers), anything else as text."""
    # The name reports show: a file name that is not UTF-8 keeps its bytes as \xNN, so
    # JSON and SARIF stay valid UTF-8.
    name = escaped(shown or ("<stdin>" if path == STDIN else path))
    try:
        data = read_stdin(max_bytes) if path == STDIN else read_file(path, max_bytes)
    except Unreadable as problem:
        from linter.ast import Document, Problem

        document = Document(name, None)
        document.problems.append(Problem("unreadable-file", problem.message_id, _START, problem.args_))
        return document
    return document_from_bytes(data, name, encoding, templates, template, readers)


def document_from_bytes(
    data: bytes, name: str, encoding: str | None = None, templates=None, template: str | None = None, readers=None,
) -> Document:
    """The document of bytes already read, named `name` (shown as given)."""
    from linter.parse import parse_bytes
    from linter.readers.document import read_document_file

    if not templates:
        from linter.templates import builtin_templates

        templates = builtin_templates()

    document = read_document_file(data, name, _readers(readers), templates, template, parse_bytes=parse_bytes)
    if document is not None:
        return document
    document = parse_bytes(data, name, encoding, templates, template)
    if encoding is not None and not document.forms and not document.problems:
        _check_forced_encoding(document, data, encoding, templates)
    return document


def _readers(readers):
    if readers is not None:
        return readers
    from linter.readers import builtin_readers

    return builtin_readers()


def _check_forced_encoding(document: Document, data: bytes, encoding: str, templates) -> None:
    """A forced encoding that decodes but gives no form, where the detected one shows a
    title (latin-1 on a GBK file): a finding naming both, not a quiet "no form"."""
    from linter.ast import Problem
    from linter.decode import Decoded, decode
    from linter.text import fold

    detected = decode(data)
    if isinstance(detected, Decoded) and templates.title_regex.search(fold(detected.text)):
        args = {"encoding": encoding, "detected": detected.encoding}
        document.problems.append(Problem("unreadable-file", "decode.no_form_in_encoding", _START, args))


def read_file(path: str, max_bytes: int) -> bytes:
    try:
        kind = _kind(os.stat(path).st_mode)  # before opening: opening a device can act on it
        if kind != "regular":
            raise Unreadable("file.not_regular", file_kind=kind)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise Unreadable("file.unreadable", error=error.strerror or type(error).__name__) from None
    with os.fdopen(descriptor, "rb") as file:
        # Checked again on what was opened: the path may have been swapped for a FIFO since.
        kind = _kind(os.fstat(descriptor).st_mode)
        if kind != "regular":
            raise Unreadable("file.not_regular", file_kind=kind)
        return _read_at_most(file, max_bytes)


def read_stdin(max_bytes: int) -> bytes:
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None or stream.closed:
        raise Unreadable("file.no_stdin")
    return _read_at_most(stream, max_bytes)


def _read_at_most(stream: BinaryIO, max_bytes: int) -> bytes:
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        raise Unreadable("file.unreadable", error=error.strerror or type(error).__name__) from None
    if data is None:  # a non-blocking stream with nothing in it
        return b""
    if len(data) > max_bytes:
        raise Unreadable("file.too_large", limit=_size(max_bytes))
    return data


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "regular"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "other"


def _size(size: int) -> str:
    """1024 B, 64 KB, 64 MB, 1.5 GB: as --max-file-size takes it."""
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.4g} {unit}"
    return f"{size} B"
