"""The LALR tables of a grammar (Lark's saved parser, and the same tables as plain data:
linter/parse_tables.py), the merged built-in templates and other indexes, kept in a
private per-user cache.

Building the parser takes about 50 ms, loading saved tables about 2 ms, so the
tables are saved once. Lark's saved parser is a pickle, and unpickling runs code, so
the cache is trusted only as far as the user's own files are:

- it lives in ``$XDG_CACHE_HOME/jxlint`` (default ``~/.cache/jxlint``), never in
  a shared temporary folder; ``JXLINT_CACHE_DIR`` names another place;
- the folder is created 0700 and used only when it is a real folder (not a
  symbolic link) owned by the user and closed to group and others;
- a file is opened without following symbolic links and loaded only when it is
  a regular file owned by the user, not writable by others, and its BLAKE2b
  digest (linter/digest.py, stored in front of the pickle) matches; anything else is ignored and rebuilt;
- a file is written to a temporary name in the same folder and renamed, so a
  reader never sees half a file.

``JXLINT_NO_PARSER_CACHE=1`` builds the parser in memory and writes nothing.
Any failure of the cache falls back to building in memory.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from linter.digest import SIZE as _DIGEST_SIZE, hasher

if TYPE_CHECKING:  # the folder helpers serve other caches (linter/plugin_index.py) without Lark
    from lark import Lark


def cache_dir() -> Path | None:
    """The private cache folder, created if missing; None where it cannot be trusted."""
    if os.environ.get("JXLINT_NO_PARSER_CACHE"):
        return None
    configured = os.environ.get("JXLINT_CACHE_DIR")
    if configured:
        folder = Path(configured)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "jxlint"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None
    if not _private(info) or not stat.S_ISDIR(info.st_mode):
        return None
    return folder


def _private(info: os.stat_result) -> bool:
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid
    return info.st_uid == owner and not info.st_mode & 0o022


def load_or_build(key_text: str, build: Callable[[], Lark], **load_options: object) -> Lark:
    """The parser for `key_text` (grammar and versions), from the cache or built and saved;
    `load_options` are the options `Lark.load` takes again (a `tree_class`)."""
    from lark import Lark

    name = f"parser-{hasher(key_text.encode()).hexdigest()[:24]}.lark"
    payload = read_cached(name)
    if payload is not None:
        try:
            return Lark.load(io.BytesIO(payload), **load_options)
        except Exception:  # a file of an older Lark, or damaged in a way the digest missed
            pass
    parser = build()
    buffer = io.BytesIO()
    try:
        parser.save(buffer)
    except Exception:
        return parser
    write_cached(name, buffer.getvalue())
    return parser


def read_cached(name: str) -> bytes | None:
    """The payload saved under `name` in the private cache, if it passes every check."""
    folder = cache_dir()
    if folder is None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(folder / name, flags)
    except OSError:
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or not _private(info) or info.st_size > 16 * 1024 * 1024:
            return None
        with os.fdopen(descriptor, "rb") as handle:
            descriptor = -1
            data = handle.read()
    except OSError:
        return None
    finally:
        if descriptor >= 0:
            os.close(descriptor)
    digest, payload = data[:_DIGEST_SIZE], data[_DIGEST_SIZE:]
    return payload if hasher(payload).digest() == digest else None


def write_cached(name: str, payload: bytes) -> None:
    """Save `payload` under `name` in the private cache: a temporary file renamed into place."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        import tempfile  # only when something is written

        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".cache-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(hasher(payload).digest() + payload)
        os.replace(temporary, folder / name)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def forget_old(pattern: str, keep: int, current: str = "") -> None:
    """Keep the `keep` newest files matching `pattern` in the private cache (and `current`):
    a folder shared by many environments or test runs does not grow without end."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        found = sorted(folder.glob(pattern), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    except OSError:
        return
    for old in found[keep:]:
        if old.name != current:
            try:
                old.unlink()
            except OSError:
                pass
