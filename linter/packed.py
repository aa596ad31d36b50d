"""A `FileResult` packed into bytes: what a cache entry holds and what a worker process
sends back, made to be cheap where a run spends its time on many files.

    header (one line of JSON) \\n body

The header holds what every report needs of a file at once: its path, encoding,
configuration, forms, and the tally of its findings (counts by severity, internal
errors). The body holds the findings themselves (the plain JSON of
`linter.results_codec`), decoded only when something asks for them, and the
*fragments*: the text a streamed report writes for the file in a given format
(`linter.report.stream`), rendered where the file was linted. A run writing that
format over cached or parallel results copies the text instead of decoding,
re-building and re-encoding every finding.

The header carries a digest of the body: a damaged or truncated entry is refused
whole (`ValueError`), never half-read. Nothing here is pickle: reading bytes from a
shared cache folder runs no code.
"""

from __future__ import annotations

import json
import zlib

from linter.engine import INTERNAL_ERROR, FileResult
from linter.results_codec import decode_findings, decode_forms, encode_findings, encode_forms
from linter.rule import SEVERITIES

PACK_VERSION = 2


def _digest(body: bytes) -> int:
    """A check against damage (a truncated or altered file), not against forgery: the
    cache folder is the user's own."""
    return zlib.crc32(body)


def tally(file: FileResult) -> tuple[dict[str, int], int]:
    """Findings by severity, and the internal errors among them."""
    counts: dict[str, int] = {}
    internal = 0
    for diagnostic in file.diagnostics:
        counts[diagnostic.severity] = counts.get(diagnostic.severity, 0) + 1
        if diagnostic.name == INTERNAL_ERROR:
            internal += 1
    return counts, internal


class PackedResult(FileResult):
    """A `FileResult` whose findings and source lines are decoded when first used.

    `tally` and `fragments` describe the findings as packed; assigning `diagnostics`
    or `source_lines` (waivers do) drops both, so nothing stale is ever written."""

    def __init__(self, path: str, encoding: str | None, forms: list, config: str | None,
                 counts: tuple[dict[str, int], int] | None, findings: int, body: bytes | None,
                 fragments: dict[str, tuple[str, ...]], diagnostics: list | None = None, lines: dict | None = None) -> None:
        self.path, self.encoding, self.config = path, encoding, config
        self._forms = forms  # a list of FormSummary, or still the encoded rows
        self.form_count = len(forms)
        self.tally = counts
        self.findings = findings
        self.fragments = fragments
        self._body = body
        self._diagnostics = diagnostics
        self._lines = lines

    @classmethod
    def of(cls, file: FileResult, fragments: dict[str, tuple[str, ...]]) -> PackedResult:
        """FILE with fragments already rendered for it (nothing to decode)."""
        return cls(file.path, file.encoding, file.forms, file.config, tally(file), len(file.diagnostics), None,
                   fragments, file.diagnostics, file.source_lines)

    @property  # type: ignore[override]
    def forms(self) -> list:
        if self._forms and type(self._forms[0]) is list:
            self._forms = decode_forms(self._forms)
        return self._forms

    @forms.setter
    def forms(self, value: list) -> None:
        self._forms = value
        self.form_count = len(value)
        self.fragments = {}

    def _load(self) -> None:
        if self._body is not None:
            self._diagnostics, self._lines = decode_findings(json.loads(self._body))
            self._body = None

    @property  # type: ignore[override]
    def diagnostics(self) -> list:
        self._load()
        return self._diagnostics

    @diagnostics.setter
    def diagnostics(self, value: list) -> None:
        self._load()
        self._diagnostics = value
        self.tally, self.findings, self.fragments = None, len(value), {}

    @property  # type: ignore[override]
    def source_lines(self) -> dict:
        self._load()
        return self._lines

    @source_lines.setter
    def source_lines(self, value: dict) -> None:
        self._load()
        self._lines = value
        self.fragments = {}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileResult):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name)
                   for name in ("path", "encoding", "forms", "diagnostics", "source_lines", "config"))

    __hash__ = None  # type: ignore[assignment]


def forms_of(file: FileResult) -> int:
    """How many forms FILE has, without decoding a packed one."""
    return file.form_count if isinstance(file, PackedResult) else len(file.forms)


def findings_of(file: FileResult) -> int:
    """How many findings FILE has, without decoding a packed one."""
    return file.findings if isinstance(file, PackedResult) else len(file.diagnostics)


def fragment(file: FileResult, name: str) -> tuple[str, ...] | None:
    """The text rendered for FILE in format NAME, if it came with it."""
    return file.fragments.get(name) if isinstance(file, PackedResult) else None


def pack(file: FileResult, fragments: dict[str, tuple[str, ...]] | None = None) -> bytes:
    fragments = fragments or {}
    findings = json.dumps(encode_findings(file), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    parts = [text.encode("utf-8") for name in sorted(fragments) for text in fragments[name]]
    body = b"".join([findings, *parts])
    counts, internal = tally(file)
    header = {
        "v": PACK_VERSION, "path": file.path, "encoding": file.encoding, "config": file.config,
        "forms": encode_forms(file), "counts": counts, "internal": internal, "findings": len(file.diagnostics),
        "sizes": [len(findings), [[name, [len(part.encode("utf-8")) for part in fragments[name]]] for name in sorted(fragments)]],
        "digest": _digest(body),
    }
    return json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n" + body


def unpack(data: bytes) -> PackedResult:
    """The result `pack` was given (findings decoded later); ValueError for anything else."""
    end = data.find(b"\n")
    if end < 0:
        raise ValueError("not a packed result")
    header = json.loads(data[:end])
    if type(header) is not dict or header.get("v") != PACK_VERSION:
        raise ValueError("not a packed result")
    body = data[end + 1:]
    if header.get("digest") != _digest(body):
        raise ValueError("a damaged packed result")
    path, encoding, config = header["path"], header["encoding"], header["config"]
    if type(path) is not str or not isinstance(encoding, (str, type(None))) or not isinstance(config, (str, type(None))):
        raise ValueError("bad packed result")
    counts, internal, findings = header["counts"], header["internal"], header["findings"]
    if (type(counts) is not dict or not all(key in SEVERITIES and type(value) is int for key, value in counts.items())
            or type(internal) is not int or type(findings) is not int):
        raise ValueError("bad tally")
    size, named = header["sizes"]
    position = size
    fragments: dict[str, tuple[str, ...]] = {}
    for name, lengths in named:
        texts = []
        for length in lengths:
            texts.append(body[position:position + length].decode("utf-8"))
            position += length
        fragments[str(name)] = tuple(texts)
    if position != len(body):
        raise ValueError("bad packed sizes")
    forms = header["forms"]
    if type(forms) is not list or not all(type(row) is list for row in forms):
        raise ValueError("bad forms")  # the rows themselves are checked when first read
    return PackedResult(path, encoding, forms, config, (counts, internal), findings,
                        body[:size], fragments)
