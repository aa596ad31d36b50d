"""Text from a form, a file name or a configuration, made fit to show: control and
format characters escaped, so nothing a form holds reaches a terminal raw (an ESC
sequence, a bidi override, a bell), and long text shortened, so a report stays
proportional to what it reports rather than to the size of a cell; and the display
width that places a caret under a cell.
"""

from __future__ import annotations

import unicodedata

MAX_QUOTED = 80  # characters of a cell quoted in a message, a project name, a table path
ELLIPSIS = "…"


def escaped(text: str, keep: str = "") -> str:
    """`text` with each control or format character (Unicode Cc, Cf; also unpaired
    surrogates from undecodable file names) written as `\\xNN` / `\\uNNNN`, except those
    in `keep`."""
    if text.isprintable() and "\u2028" not in text and "\u2029" not in text:
        return text
    return "".join(char if char in keep or _showable(char) else _escape(char) for char in text)


def shortened(text: str, limit: int = MAX_QUOTED) -> str:
    """At most `limit` characters: the start and the end of `text`, `…` between."""
    if len(text) <= limit:
        return text
    head = (limit - 1) * 2 // 3
    tail = limit - 1 - head
    return text[:head] + ELLIPSIS + (text[-tail:] if tail else "")


def quoted(value: object, limit: int = MAX_QUOTED) -> str:
    """A value for a message: shortened, then escaped."""
    return escaped(shortened(str(value), limit))


def display_width(text: str) -> int:
    """Terminal columns taken by `text`: East Asian wide and full-width count 2."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _showable(char: str) -> bool:
    return char == " " or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp")


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
