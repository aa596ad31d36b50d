"""Bytes to text. Never raises on bad input: it returns a `DecodeFailure`.

Order: a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32 is not published); then
strict UTF-8; then strict GB18030 (a superset of GBK and GB2312, common in
government files). CRLF and lone CR become LF so every layout counts lines
the same way; no other character changes, so columns stay exact.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


@dataclass(frozen=True, slots=True)
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
            return _strict(data, name)
    if b"\x00" in data:
        return DecodeFailure("binary", None, data.index(b"\x00"))
    utf8 = _strict(data, "utf-8")
    if isinstance(utf8, Decoded):
        return utf8
    gb = _strict(data, "gb18030")
    if isinstance(gb, Decoded) and _looks_like_text(gb.text):
        return gb
    return utf8


def _decode_forced(data: bytes, encoding: str) -> Decoded | DecodeFailure:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return DecodeFailure("unknown-encoding", encoding, 0)
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    return _strict(data, name)


def _strict(data: bytes, encoding: str) -> Decoded | DecodeFailure:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        return DecodeFailure("undecodable", encoding, error.start)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding)


def _looks_like_text(text: str) -> bool:
    """GB18030 decodes almost any byte soup; accept it only if it reads as text."""
    if not text:
        return True
    control = sum(1 for char in text if char < " " and char not in "\t\n\r")
    return control * 100 < len(text)
