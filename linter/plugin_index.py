"""The `jxlint` entry points of the installed distributions, without scanning every
distribution on each start.

Reading every `*.dist-info` (what `importlib.metadata.distributions()` does) costs more
than the rest of a one-file lint's start, and importing `importlib.metadata` alone a
good part of that. The distributions that declare `jxlint` entry points are therefore
kept in an index in the private per-user cache (linter/parser_cache.py: a folder only
the user can write, each file checked by its digest), keyed on the environment: the
interpreter, every `sys.path` entry, and the name and modification time of each
`*.dist-info` / `*.egg-info` folder in it (not the folder's own time: the current
folder is often on `sys.path` and changes with every file written there). Installing,
upgrading or removing a package changes one of these, so the next start scans again.
`JXLINT_NO_PARSER_CACHE=1` (no private cache) scans every time.

The index holds names only; which distributions to trust (not those in the current
folder or a configuration's) is decided on each start by `linter.plugins`.
"""

from __future__ import annotations

import json
import os
import stat
import sys

from linter.digest import hasher

ENTRY_POINT_GROUP = "jxlint"
# Indexes kept, one per environment (interpreter and sys.path): about 100 bytes each, so
# many are kept: a machine with many virtual environments and test runs must not evict
# the index of the environment in use, which costs a scan of every distribution.
KEEP = 256
_FORMAT = 1


def environment_key() -> str:
    parts = [sys.version, sys.executable, str(_FORMAT)]
    for entry in sys.path:
        folder = entry or os.getcwd()
        try:
            info = os.stat(folder)
        except OSError:
            parts.append(f"{entry}\0-")
            continue
        if not stat.S_ISDIR(info.st_mode):  # a zip or egg file: its own time
            parts.append(f"{entry}\0{info.st_mtime_ns}")
            continue
        parts.append(entry)
        found = []
        try:
            with os.scandir(folder) as entries:
                for item in entries:
                    if item.name.endswith((".dist-info", ".egg-info")):
                        try:
                            found.append(f"{item.name}\0{item.stat().st_mtime_ns}")
                        except OSError:
                            found.append(f"{item.name}\0-")
        except OSError:
            continue
        parts.extend(sorted(found))
    return hasher("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def scan() -> list[dict]:
    """Every distribution on `sys.path` (in its order) that declares `jxlint` entry points."""
    from importlib.metadata import distributions

    out = []
    for distribution in distributions():
        points = [point for point in distribution.entry_points if point.group == ENTRY_POINT_GROUP]
        if not points:
            continue  # most distributions: their metadata is not read (it costs a parse each)
        out.append({
            "name": distribution.metadata["Name"] or "?",
            "version": distribution.version,
            "location": str(distribution.locate_file("")),
            "points": [[point.name, point.value] for point in points],
        })
    return out


def _valid(records: object) -> bool:
    if not isinstance(records, list):
        return False
    for record in records:
        if not isinstance(record, dict) or not all(isinstance(record.get(key), str) for key in ("name", "version", "location")):
            return False
        points = record.get("points")
        if not isinstance(points, list) or not all(
            isinstance(point, list) and len(point) == 2 and all(isinstance(part, str) for part in point) for point in points
        ):
            return False
    return True


def indexed() -> list[dict]:
    """The records of `scan`, from the index when the environment has not changed."""
    from linter.parser_cache import read_cached, write_cached

    name = f"plugins-{environment_key()[:32]}.json"
    payload = read_cached(name)
    if payload is not None:
        try:
            records = json.loads(payload)
        except ValueError:
            records = None
        if _valid(records):
            return records  # type: ignore[return-value]
    records = scan()
    write_cached(name, json.dumps(records, ensure_ascii=False).encode("utf-8"))
    _forget_old_indexes()
    return records


def _forget_old_indexes(keep: int = KEEP) -> None:
    """Each environment has its own index; keep the `keep` most recent."""
    from linter.parser_cache import forget_old

    forget_old("plugins-*.json", keep)


def load(value: str) -> object:
    """The object an entry point's value names: `module.sub:attr.attr [extras]`."""
    import importlib
    import re

    match = re.fullmatch(r"\s*(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?(\[.*\])?\s*", value)
    if match is None:
        raise ValueError(f"not an entry point value: {value!r}")
    target: object = importlib.import_module(match.group("module"))
    for attribute in filter(None, (match.group("attr") or "").split(".")):
        target = getattr(target, attribute)
    return target
