"""The built-in document readers, registered through the `jxlint_readers` hook like a
plugin's. Importing this module imports none of the readers' packages."""

from __future__ import annotations

from linter.plugins import hookimpl
from linter.readers.pdf import PdfReader
from linter.readers.spreadsheet import XlsReader, XlsxReader
from linter.readers.word import DocReader, DocxReader

READERS = (XlsxReader(), XlsReader(), DocxReader(), PdfReader(), DocReader())


@hookimpl
def jxlint_readers():
    return list(READERS)
