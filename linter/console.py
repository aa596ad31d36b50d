"""Standard streams as the environment gives them: closed, a pipe closed early, a full
disk, a console that cannot show Chinese. None of these is a bug of jxlint: each ends
the run with a clear message on standard error and exit code 2, or quietly for a pipe
closed by its reader (`jxlint lint . | head -1`); Ctrl-C ends it with 130.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import IO

EXIT_ENVIRONMENT = 2
EXIT_INTERRUPTED = 130
MACHINE_FORMATS = ("json", "jsonl", "sarif", "gitlab", "junit", "github")


def report_stream(output_format: str) -> IO[str]:
    """Standard output for a report. A machine format is always UTF-8, whatever the
    console's encoding; text is written in the console's encoding, and a character it
    cannot show is written as `\\uXXXX` instead of losing the whole report."""
    stream = sys.stdout
    if stream is None:
        raise OSError(errno.EBADF, "standard output is closed")
    if hasattr(stream, "reconfigure"):
        if output_format in MACHINE_FORMATS:
            stream.flush()
            stream.reconfigure(encoding="utf-8", errors="strict")
    return stream


def tolerate_unshowable() -> None:
    """A console encoding that cannot show Chinese (cp1252) writes `\\uXXXX` for what it
    cannot show, rather than failing on the first character."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def stdin_available() -> bool:
    return sys.stdin is not None and not sys.stdin.closed


def flush() -> None:
    """Flush standard output now, so a failure to write is seen while it can be reported,
    not at interpreter exit."""
    if sys.stdout is not None:
        sys.stdout.flush()


def environment_error(error: OSError) -> int:
    """Say what failed (nothing for a pipe closed by its reader) and give the exit code."""
    _discard_stdout()
    if error.errno != errno.EPIPE:
        what = error.strerror or type(error).__name__
        where = f": {error.filename}" if error.filename else ""
        _to_stderr(f"jxlint: 系统环境错误 (environment error): {what}{where}")
    return EXIT_ENVIRONMENT


def interrupted() -> int:
    _discard_stdout()
    _to_stderr("jxlint: 已中断 (interrupted)")
    return EXIT_INTERRUPTED


def _discard_stdout() -> None:
    """Point standard output at /dev/null: what is still buffered for a closed pipe or a
    full disk would otherwise fail again, with a traceback, when Python exits."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # type: ignore[union-attr]
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        sys.stdout = None  # type: ignore[assignment]


def _to_stderr(message: str) -> None:
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # standard error is gone too: the exit code says it
        pass
