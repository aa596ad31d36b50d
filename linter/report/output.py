"""`--output FILE`: a report appears whole or not at all.

The report is written to a temporary file in the same folder and renamed over
FILE (`os.replace`, atomic on one file system), so a CI step that uploads the
file never reads half a report, and an interrupted run leaves the old one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def report_stream(output: str | None, output_format: str = "text") -> Iterator[IO[str]]:
    """Standard output (set up for the format, `linter.console.report_stream`), or a
    temporary file that becomes `output` when the block ends without error."""
    if output is None or output == "-":
        from linter.console import report_stream as console_stream

        yield console_stream(output_format)
        return
    target = Path(output)
    import tempfile  # only when writing a report file: not on every run

    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            yield stream
        # mkstemp creates the file 0600; a report is an ordinary file, readable as the umask allows.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
