"""A document file -> `Document`, through its reader, the text parser and a source map.

`read_document_file` is the hook `linter.reading` calls for bytes a reader claims.
A file whose extension names a document format but whose content is none of them
(a truncated workbook, a text file named `.xlsx`, HTML saved as `.xls`) is said so:
read as text when it decodes as text, with a warning; otherwise one finding.
"""

from __future__ import annotations

from linter.ast import Document, Problem, Span
from linter.readers import Limits, Reader, ReaderError, choose, document_extensions, extension, render

_START = Span(1, 1, 1, 1)
_MAGIC_KINDS = ((b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"), (b"%PDF-", "pdf"))


def read_document_file(
    data: bytes, name: str, readers: list[Reader], templates, template: str | None, limits: Limits | None = None,
    parse_bytes=None,
) -> Document | None:
    """The document of `data` read by the reader that claims it; None when no reader does
    and the name is not a document's (the caller reads it as text)."""
    from linter.parse import parse_text

    ext = extension(name)
    reader = choose(readers, name, data)
    if data.startswith(b"PK\x03\x04"):
        # An Office zip is told by its parts, whatever it is named (a workbook saved as `.docx`).
        named = _office_name(data, name)
        if named != name:
            reader = choose(readers, named, data) or reader
    if reader is None:
        if ext not in document_extensions(readers) and not _looks_like_document(data):
            return None
        return _unclaimed(data, name, ext, templates, template, parse_bytes)
    limits = limits or Limits.from_environment()
    try:
        extracted = reader.read(data, name, limits)
    except ReaderError as error:
        document = Document(name, None)
        document.problems.append(Problem("unreadable-file", error.message_id, _START, error.args_))
        return document
    except Exception as error:  # a reader must never stop the run: a plugin's, or a library's surprise
        document = Document(name, None)
        args = {"format": reader.name, "error": f"{type(error).__name__}: {error}"[:120]}
        document.problems.append(Problem("unreadable-file", "document.damaged", _START, args))
        return document
    text, source_map = render(extracted.blocks)
    document = parse_text(text, name, None, templates, template)
    document.encoding = extracted.kind or reader.name
    document.locations = source_map
    for message_id, args in extracted.notes:
        document.problems.append(Problem("unreadable-file", message_id, _START, args, severity="warning"))
    if ext and ext not in reader.extensions:
        args = {"format": reader.name, "extension": ext}
        document.problems.append(Problem("unreadable-file", "document.wrong_extension", _START, args, severity="warning"))
    return document


def _office_name(data: bytes, name: str) -> str:
    """`name` with the extension its zip's parts say it is (`x.xlsx` for a workbook)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return name
    for part, ext in (("xl/workbook.xml", ".xlsx"), ("word/document.xml", ".docx")):
        if part in names:
            return name if extension(name) in ((".xlsx", ".xlsm") if ext == ".xlsx" else (".docx", ".docm")) else name + ext
    return name


def _looks_like_document(data: bytes) -> bool:
    return any(data.startswith(magic) for magic, _ in _MAGIC_KINDS)


def _unclaimed(data: bytes, name: str, ext: str, templates, template, parse_bytes) -> Document:
    kind = next((kind for magic, kind in _MAGIC_KINDS if data.startswith(magic)), None)
    if kind is None and parse_bytes is not None and ext:
        # A document's name on text (a web export `.xls` that is tab-separated text): read it, and say so.
        document = parse_bytes(data, name, None, templates, template)
        if not document.problems:
            args = {"extension": ext}
            document.problems.append(Problem("unreadable-file", "document.text_named_document", _START, args, severity="warning"))
            return document
    document = Document(name, None)
    args = {"extension": ext or "?", "content": kind or "?"}
    document.problems.append(Problem("unreadable-file", "document.unrecognised", _START, args))
    return document
