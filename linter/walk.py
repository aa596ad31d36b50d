"""Which files a run lints: those named, and the regular files of folders that match
`include` (case-insensitive) and no `exclude`, in one sorted order.

Each folder is filtered by the configuration in force there, so a sub-folder's
`.jxlint.yaml` excludes its own files when its parent is linted. An `exclude` pattern
with a `/` matches the path relative to the folder of the configuration that set it;
one without matches a file or folder name. Symbolic links are not followed out of the
folder being walked unless asked: a link to `/etc/passwd` in a report repository must
not end up printed in a public CI log. FIFOs, devices and sockets are never read.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from linter.record import record


@record(frozen=True)
class Filter:
    """Which files a folder given on the command line yields: `include` globs of names, `exclude` globs of paths."""

    include: tuple[str, ...]
    exclude: tuple[str, ...]
    base: Path  # the folder `exclude` patterns with a `/` are relative to

    def includes(self, name: str) -> bool:
        lowered = name.lower()
        return any(fnmatch.fnmatchcase(lowered, pattern.lower()) for pattern in self.include)

    def excludes(self, path: Path) -> bool:
        for pattern in self.exclude:
            if "/" not in pattern.rstrip("/"):
                if fnmatch.fnmatchcase(path.name, pattern.rstrip("/")):
                    return True
                continue
            try:
                relative = Path(os.path.abspath(path)).relative_to(self.base).as_posix()
            except ValueError:
                continue
            pattern = pattern.strip("/")
            if fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(relative, pattern + "/*"):
                return True
        return False


def discover(names: list[str], filter_for: Callable[[Path], Filter], follow_symlinks: bool = False) -> list[Path]:
    """Files named directly (whatever they are: reading them says what is wrong), and
    the files found in folders; each once, sorted, whatever the order of `names`."""
    found: dict[str, Path] = {}
    for name in names:
        path = Path(name)
        files = _walk(path, filter_for, follow_symlinks) if path.is_dir() else iter([path])
        for file in files:
            found.setdefault(os.path.normpath(file), file)
    return [found[key] for key in sorted(found)]


def _walk(root: Path, filter_for: Callable[[Path], Filter], follow_symlinks: bool) -> Iterator[Path]:
    inside = root.resolve()
    visited: set[Path] = set()
    for directory, folders, files in os.walk(root, followlinks=True):
        here = Path(directory)
        real = here.resolve()
        if real in visited:  # a link to a folder already walked (or to a parent): once is enough
            folders[:] = []
            continue
        visited.add(real)
        rules = filter_for(here)
        folders[:] = sorted(
            folder for folder in folders
            if not rules.excludes(here / folder) and _followed(here / folder, inside, follow_symlinks)
        )
        for name in sorted(files):
            path = here / name
            if rules.includes(name) and not rules.excludes(path) and _regular(path, inside, follow_symlinks):
                yield path


def _followed(path: Path, inside: Path, follow_symlinks: bool) -> bool:
    """A real entry, or a link that stays inside the folder walked (any link if asked)."""
    try:
        return follow_symlinks or not path.is_symlink() or path.resolve().is_relative_to(inside)
    except (OSError, RuntimeError):  # a loop of links
        return False


def _regular(path: Path, inside: Path, follow_symlinks: bool) -> bool:
    try:
        return _followed(path, inside, follow_symlinks) and stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # a dangling link
        return False
