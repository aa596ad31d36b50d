"""Checks on a zip container (.xlsx, .docx) before any library opens it.

A zip bomb is refused by what the zip's own directory declares: the number of
entries, the unpacked size of all of them, and each entry's compression ratio;
Python's zipfile never unpacks more than an entry declares, so what is read later
stays within these bounds. An XML part with a document type declaration (the way
to define entities, and so an entity bomb) is refused: Office files never have one.
"""

from __future__ import annotations

import io
import zipfile

from linter.readers import Limits, ReaderError

# A declaration stands in the prolog, before the root element: the first bytes say.
_PROLOG = 4096
_SMALL = 1024 * 1024  # entries smaller than this may have any ratio (an empty sheet compresses well)


def open_zip(data: bytes, kind: str, limits: Limits, required: tuple[str, ...]) -> zipfile.ZipFile:
    """The checked container; `required` names entries it must have (`xl/workbook.xml`)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise ReaderError("document.damaged", format=kind, error=_reason(error)) from None
    if len(entries) > limits.max_entries:
        raise ReaderError("document.too_many_entries", format=kind, count=len(entries), limit=limits.max_entries)
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > limits.max_unpacked:
        raise ReaderError("document.too_large_unpacked", format=kind, size=_mb(unpacked), limit=_mb(limits.max_unpacked))
    xml = sum(entry.file_size for entry in entries if entry.filename.endswith((".xml", ".rels")))
    if xml > limits.max_xml:
        raise ReaderError("document.too_much_xml", format=kind, size=_mb(xml), limit=_mb(limits.max_xml))
    for entry in entries:
        if entry.file_size > _SMALL and entry.file_size > limits.max_ratio * max(entry.compress_size, 1):
            raise ReaderError(
                "document.zip_bomb", format=kind, entry=entry.filename[:80],
                ratio=entry.file_size // max(entry.compress_size, 1), limit=limits.max_ratio,
            )
    names = {entry.filename for entry in entries}
    missing = [name for name in required if name not in names]
    if missing:
        raise ReaderError("document.not_office", format=kind, entry=missing[0])
    for entry in entries:
        if entry.filename.endswith((".xml", ".rels")):
            try:
                with archive.open(entry) as part:
                    prolog = part.read(_PROLOG)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as error:
                raise ReaderError("document.damaged", format=kind, error=_reason(error)) from None
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                raise ReaderError("document.xml_dtd", format=kind, entry=entry.filename[:80])
    return archive


def _reason(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text[:120]


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
