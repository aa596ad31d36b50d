"""One configuration file read as bounded data: a regular file of limited size, UTF-8,
YAML of limited nesting and size after alias expansion, with the line of every value.

A configuration may come from any parent folder or any `extends`, so it is read as a
hostile input would be: a device, a FIFO, an alias bomb or a 5,000-deep list gives a
`BadConfigFile` with a line, never a hang, an exhausted memory or a RecursionError.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a configuration is read: a run with none never loads YAML
    import yaml

MAX_BYTES = 1_000_000
MAX_DEPTH = 64
MAX_VALUES = 100_000  # values visited, each alias expanded counting again
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class BadConfigFile(Exception):
    """`message_id` and `args` for the catalog; `line` 0 when the whole file is at fault."""

    def __init__(self, message_id: str, args: dict[str, object] | None = None, line: int = 0) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args or {}
        self.line = line


def read_text(path: Path) -> str:
    """The text of a regular file of at most MAX_BYTES. Opened without blocking, so a FIFO
    cannot hang the run, and checked on the open descriptor, so it cannot be swapped."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise BadConfigFile("config.unreadable", {"error": error.strerror or type(error).__name__}) from None
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise BadConfigFile("config.not_regular")
        try:
            data = file.read(MAX_BYTES + 1)
        except OSError as error:
            raise BadConfigFile("config.unreadable", {"error": error.strerror or type(error).__name__}) from None
    if len(data) > MAX_BYTES:
        raise BadConfigFile("config.too_large", {"limit": MAX_BYTES})
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadConfigFile("config.not_utf8", {"offset": error.start}, data.count(b"\n", 0, error.start) + 1) from None


def read_yaml(text: str, marks: dict[tuple, tuple[int, int, str | None]] | None = None) -> tuple[object, dict[tuple, int]]:
    """Parse with yaml.SafeLoader, keeping the line of every key and list item, and in
    `marks` the line, column and style of every scalar value (for errors inside a value)."""
    import yaml

    try:
        _check_depth(text)
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as error:
        raise _reader_error(error, text) from None
    except yaml.YAMLError as error:
        raise _yaml_error(error) from None
    lines: dict[tuple, int] = {}
    visited = 0

    def read(node, path):
        nonlocal visited
        visited += 1
        line = node.start_mark.line + 1
        if visited > MAX_VALUES:
            raise BadConfigFile("config.too_many_values", {"limit": MAX_VALUES}, line)
        lines.setdefault(path, line)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            raise BadConfigFile("config.bad_yaml", {"error": f"tag {node.tag} is not allowed"}, line)
        if isinstance(node, yaml.MappingNode):
            out = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                key = _scalar(loader, key_node) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    raise BadConfigFile("config.bad_key", {"key": key if isinstance(key, (str, int, float)) else "…"}, key_line)
                if key in out:
                    raise BadConfigFile("config.duplicate_key", {"key": key}, key_line)
                lines[path + (key,)] = key_line
                out[key] = read(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [read(item, path + (index,)) for index, item in enumerate(node.value)]
        if marks is not None:
            marks[path] = (line, node.start_mark.column + 1, node.style)
        return _scalar(loader, node)

    try:
        node = loader.get_single_node()
        return ({}, lines) if node is None else (read(node, ()), lines)
    except yaml.YAMLError as error:
        raise _yaml_error(error) from None
    finally:
        loader.dispose()


def _scalar(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    import yaml
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as error:  # e.g. an integer of more than 4,300 digits
        raise BadConfigFile("config.bad_value", {"error": type(error).__name__}, node.start_mark.line + 1) from None


def _check_depth(text: str) -> None:
    """PyYAML composes nodes recursively; its event parser does not. Count nesting on
    the events first, so a deep document is refused before the composer sees it."""
    import yaml
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise BadConfigFile("config.too_deep", {"limit": MAX_DEPTH}, event.start_mark.line + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _reader_error(error: yaml.reader.ReaderError, text: str) -> BadConfigFile:
    import yaml
    line = text.count("\n", 0, max(error.position, 0)) + 1
    return BadConfigFile("config.control_char", {"character": f"U+{error.character:04X}"}, line)


def _yaml_error(error: yaml.YAMLError) -> BadConfigFile:
    import yaml
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    problem = getattr(error, "problem", None) or type(error).__name__
    return BadConfigFile("config.bad_yaml", {"error": problem}, line)
