"""Bytes to text. Never raises on bad input: it returns a `DecodeFailure`.

Order: a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32 is not published); then
strict UTF-8; then strict GB18030 (a superset of GBK and GB2312, common in
government files). CRLF and lone CR become LF so every layout counts lines
the same way; no other character changes, so columns stay exact.
"""

from __future__ import annotations

import codecs

from linter.record import record

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@record(frozen=True, slots=True)
class Decoded:
    """A file's text and the encoding it was decoded from."""

    text: str
    encoding: str


@record(frozen=True, slots=True)
class DecodeFailure:
    """`reason`: "binary", "undecodable" or "unknown-encoding"; `offset`: first bad byte."""

    reason: str
    encoding: str | None
    offset: int


def decode(data: bytes, encoding: str | None = None) -> Decoded | DecodeFailure:
    if encoding is not None:
        return _decode_forced(data, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _as_text(data, name)
    if b"\x00" in data:
        return DecodeFailure("binary", None, data.index(b"\x00"))
    utf8 = _strict(data, "utf-8")
    if isinstance(utf8, Decoded):
        return utf8
    gb = _strict(data, "gb18030")
    if isinstance(gb, Decoded) and _looks_like_text(gb.text):
        return gb
    return utf8


def text_encoding(encoding: str) -> str | None:
    """The codec name of `encoding` when it decodes bytes to text; None for an unknown
    name or a bytes-to-bytes codec (base64, zlib, rot13…)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        return None
    # CPython marks bytes-to-bytes codecs so; bytes.decode refuses them the same way.
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _decode_forced(data: bytes, encoding: str) -> Decoded | DecodeFailure:
    name = text_encoding(encoding)
    if name is None:
        return DecodeFailure("unknown-encoding", encoding, 0)
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    return _as_text(data, name)


def _as_text(data: bytes, encoding: str) -> Decoded | DecodeFailure:
    """Decoded, and reading as text: an encoding that decodes anything (UTF-16 on a
    UTF-32 file, latin-1 on UTF-16) gives control characters, not a form; say so."""
    decoded = _strict(data, encoding)
    if isinstance(decoded, Decoded) and not _looks_like_text(decoded.text):
        return DecodeFailure("undecodable", encoding, _byte_offset(decoded.text, encoding))
    return decoded


def _strict(data: bytes, encoding: str) -> Decoded | DecodeFailure:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        return DecodeFailure("undecodable", encoding, error.start)
    except (UnicodeError, ValueError):  # codecs that fail otherwise (idna on a long label)
        return DecodeFailure("undecodable", encoding, 0)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding)


def _is_control(char: str) -> bool:
    return (char < " " and char not in "\t\n\r") or "\x7f" <= char <= "\x9f"


def _looks_like_text(text: str) -> bool:
    """GB18030 (or a forced single-byte encoding) decodes almost any byte soup; accept
    it only if it reads as text: C0 and C1 control characters are not in forms."""
    if not text:
        return True
    control = sum(1 for char in text if _is_control(char))
    return control * 100 < len(text)


def _byte_offset(text: str, encoding: str) -> int:
    """The byte offset of the first control character, for the message."""
    index = next((i for i, char in enumerate(text) if _is_control(char)), 0)
    try:
        return len(text[:index].encode(encoding))
    except (UnicodeError, LookupError):
        return index
