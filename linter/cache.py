"""The result cache: one file's findings, kept until the file, its configuration or
jxlint changes (like ruff's `.ruff_cache`).

An entry is keyed on a digest (linter/digest.py) of everything a file's result depends on: its bytes,
the name reports show for it, the encoding and size limit, the effective
configuration (rules, severities, options, template, config file), the language of
messages, jxlint's version and a stamp of its installed code, the plugins loaded
(name, object, distribution and version) and the templates they add. An entry is
plain JSON (`linter.results_codec`), written to a temporary file and renamed into
place, so a reader never sees half of one; an entry that cannot be read or decoded is
a miss and is written again. The folder is bounded (`JXLINT_CACHE_MAX_SIZE`, 256 MB by
default): after a run that wrote entries, the oldest are removed down to 80 %.

The folder is the only thing `jxlint lint` writes (and only when it has a result to
keep: standard input is never cached). A folder that cannot be written, or a disk that
is full, turns writing off for the run; linting goes on.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from linter import __version__
from linter.digest import hasher
from linter.engine import FileResult
from linter.packed import PackedResult, pack, unpack

CACHE_FOLDER = ".jxlint_cache"
DIR_VARIABLE = "JXLINT_RESULT_CACHE_DIR"
OFF_VARIABLE = "JXLINT_NO_CACHE"
SIZE_VARIABLE = "JXLINT_CACHE_MAX_SIZE"
DEFAULT_MAX_SIZE = 256 * 1024 * 1024
_LAYOUT = "v2"  # the layout of the folder; a change starts a new subfolder
_PROJECT_MARKERS = (".jxlint.yaml", "jxlint.yaml", ".git", "pyproject.toml")
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by jxlint.\n"


def cache_disabled() -> bool:
    return os.environ.get(OFF_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")


def default_cache_dir(config: Path | None = None) -> Path:
    """`JXLINT_CACHE_DIR`; else `.jxlint_cache` in the project root: the folder of
    `--config`, or the nearest folder at or above the current one holding a jxlint
    configuration, `.git` or `pyproject.toml`; else the current folder."""
    configured = os.environ.get(DIR_VARIABLE, "").strip()
    if configured:
        return Path(configured)
    if config is not None:
        return config.resolve().parent / CACHE_FOLDER
    here = Path.cwd()
    for folder in (here, *here.parents):
        if any(os.path.lexists(folder / marker) for marker in _PROJECT_MARKERS):
            return folder / CACHE_FOLDER
    return here / CACHE_FOLDER


def code_stamp() -> str:
    """A digest of jxlint's own installed files (name, size, modification time), so a
    checkout being edited never reads results of the code it had before."""
    import linter

    root = Path(linter.__file__).resolve().parent.parent
    digest = hasher(__version__.encode())
    for package in ("linter", "rules", "grammar"):
        for folder, dirs, files in os.walk(root / package):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".yaml", ".lark", ".json")):
                    path = f"{folder}/{name}"
                    try:  # not contextlib.suppress: this runs for each of some 200 files on every start
                        info = os.stat(path)
                    except OSError:
                        continue
                    digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def max_size() -> int:
    text = os.environ.get(SIZE_VARIABLE, "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else DEFAULT_MAX_SIZE


class ResultCache:
    """Entries under `folder/v2/`; `key` is a hex digest."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.entries = self.folder / _LAYOUT
        self.writable = True
        self.written = 0

    @staticmethod
    def key(*parts: str | bytes) -> str:
        digest = hasher()
        for part in parts:
            data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogateescape")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.entries / key[:2] / f"{key}.bin"

    def get(self, key: str) -> PackedResult | None:
        try:
            with open(self._path(key), "rb") as file:
                return unpack(file.read())
        except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
            return None  # absent, unreadable or corrupt: a miss, written again after the lint

    def put(self, key: str, result: FileResult | bytes) -> None:
        """Keep RESULT (or its `linter.packed` bytes) under KEY."""
        if not self.writable:
            return
        import tempfile

        target = self._path(key)
        try:
            self._prepare(target.parent)
            descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            try:
                with os.fdopen(descriptor, "wb") as file:
                    file.write(result if isinstance(result, bytes) else pack(result))
                os.replace(temporary, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            self.writable = False  # read-only, full, or not a folder: lint without keeping results
            return
        self.written += 1

    def _prepare(self, folder: Path) -> None:
        if folder.is_dir():
            return
        new_root = not self.folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        if new_root or not (self.folder / "CACHEDIR.TAG").exists():
            # Marks the folder for backup tools, and keeps it out of git like ruff's.
            (self.folder / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")
            (self.folder / ".gitignore").write_text("# Automatically created by jxlint.\n*\n", encoding="utf-8")

    def trim(self, limit: int | None = None) -> int:
        """Remove the oldest entries while the folder is over `limit` bytes, down to
        80 % of it; returns the number removed."""
        limit = max_size() if limit is None else limit
        entries = []
        total = 0
        for folder, _, files in os.walk(self.entries):
            for name in files:
                path = os.path.join(folder, name)
                with contextlib.suppress(OSError):
                    info = os.stat(path)
                    entries.append((info.st_mtime_ns, info.st_size, path))
                    total += info.st_size
        if total <= limit:
            return 0
        removed = 0
        for _, size, path in sorted(entries):
            if total <= limit * 0.8:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
                total -= size
                removed += 1
        return removed
