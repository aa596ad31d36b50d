"""Re-lint latency of `jxlint lsp` after an edit of a 40-form file. A benchmark, not a test.

    python benchmarks/lsp_latency.py [--edits 40]

Starts the server as an editor does (`jxlint lsp` on stdio), opens a file of 40
seed forms (闵行 2022, 宝山 2023 and 嘉定 2024, one after the other), then types
into the last form's 得分 cell one edit at a time, each time waiting for the
diagnostics of that version. Printed, in milliseconds:
- in the server: parse + every rule + conversion to LSP diagnostics of the
  whole file, timed in this process on the same text;
- edit -> diagnostics over stdio with `debounce_ms: 0` (the work after a pause
  in typing, transport included);
- the same with the default debounce (50 ms), what a user sees.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from linter.layouts import split_forms  # noqa: E402
from linter.templates import builtin_templates  # noqa: E402

SEEDS = [ROOT / "tests" / "fixtures" / name for name in ("004_c0b3f901b49db276.txt", "003_01ee96ef31214bdb.txt", "001_ce3da03141c568d9.txt")]
SERVER = [str(Path(sys.executable).parent / "jxlint"), "lsp"]


def forty_forms() -> str:
    text = "".join(seed.read_text(encoding="utf-8").rstrip("\n") + "\n" for seed in SEEDS)
    text += SEEDS[2].read_text(encoding="utf-8")  # 23 + 10 + 5 forms, and 2 more of 嘉定
    segments = split_forms(text, builtin_templates())
    assert len(segments) >= 40, len(segments)
    cut = segments[40].first_line - 1 if len(segments) > 40 else None
    lines = text.split("\n")
    return "\n".join(lines[:cut] if cut is not None else lines) + "\n"


def in_process(text: str, runs: int) -> list[float]:
    from linter.cli import tune_gc
    from linter.lsp.server import create_server

    tune_gc()  # as `jxlint lsp` does
    server = create_server()
    uri = (ROOT / "forty.txt").as_uri()
    server._lint(server.linter, uri, 1, text)  # warm: parser tables, config
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        server._lint(server.linter, uri, 1, text)
        times.append((time.perf_counter() - start) * 1000)
    return times


async def over_stdio(text: str, edits: int, debounce_ms: int | None) -> tuple[list[float], int]:
    client = LanguageClient("bench", "1")
    arrived: dict[int, float] = {}
    counts: dict[int, int] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            counts[params.version] = len(params.diagnostics)

    await client.start_io(*SERVER)
    options = {} if debounce_ms is None else {"debounce_ms": debounce_ms}
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(), initialization_options=options))
    client.initialized(types.InitializedParams())
    uri = (ROOT / "benchmarks" / "forty.txt").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text),
    ))
    while 1 not in arrived:
        await asyncio.sleep(0.001)
    lines = text.split("\n")
    line = max(i for i, value in enumerate(lines) if value.startswith("总分"))
    column = len(lines[line])
    latencies = []
    for version in range(2, edits + 2):
        digit = str(version % 10)
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=line, character=column), end=types.Position(line=line, character=column + (version > 2))),
                text=digit,
            )],
        ))
        while version not in arrived:
            await asyncio.sleep(0.0005)
        latencies.append((arrived[version] - sent) * 1000)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies, counts[edits + 1]


def summary(name: str, values: list[float]) -> str:
    values = sorted(values)
    p90 = values[int(len(values) * 0.9) - 1]
    return f"{name:<44} median {statistics.median(values):6.1f} ms   p90 {p90:6.1f} ms   max {values[-1]:6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args()
    text = forty_forms()
    print(f"file: {len(split_forms(text, builtin_templates()))} forms, {len(text.splitlines())} lines, {len(text.encode()):,} bytes")
    print(summary("in the server: parse + rules + conversion", in_process(text, args.edits)))
    latencies, findings = asyncio.run(over_stdio(text, args.edits, 0))
    print(summary("edit -> diagnostics, debounce 0", latencies) + f"   ({findings} findings)")
    latencies, _ = asyncio.run(over_stdio(text, args.edits, None))
    print(summary("edit -> diagnostics, default debounce 50 ms", latencies))


if __name__ == "__main__":
    main()
