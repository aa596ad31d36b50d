"""Throughput and latency of jxlint. A benchmark, not a test: it prints figures.

    python benchmarks/bench.py            # build the corpus if missing, run everything
    python benchmarks/bench.py --size 2   # a smaller corpus (MB)

Corpus (benchmarks/corpus/, about 10 MB, not committed): the seed files copied,
plus every seed form rendered in each of the five layouts (linter.render).

Figures, all on one core, medians of --runs runs, each run a fresh pass over
every file as the CLI does it (read, decode, parse, drop):
- floor: read the same files, decode, one regex pass over the text;
- parse: `linter.parse.parse_bytes` on every file;
- parse+json: the same, then the AST as JSON, as `jxlint parse --format json`;
- lint: parse + every rule + JSON report, as `jxlint lint --format json`;
- wall time of `jxlint --version` and of `jxlint parse` on one seed file;
- containers: the 38 seed forms linted as text and as the documents made of them
  (tests/documents: .xlsx one sheet a form, .xlsx all on one sheet, .docx, .pdf),
  forms/s of each, reading included (`--containers-only` runs just this).
- then (benchmarks/scale_bench.py) each issue-10 target beside its figure: `--jobs 2`
  speed-up, peak RSS at 1x and 32x, start-up, cached re-run over 1,000 files.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.cli import tune_gc  # noqa: E402
from linter.layouts import LAYOUTS  # noqa: E402
from linter.parse import parse_bytes  # noqa: E402
from linter.render import render  # noqa: E402

SEEDS = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
CORPUS = ROOT / "benchmarks" / "corpus"
_FLOOR_RE = re.compile(r"[^\t\n]+|\n")


def build_corpus(megabytes: float) -> list[Path]:
    marker = CORPUS / f".size-{megabytes}"
    if marker.exists():
        return sorted(CORPUS.glob("*.txt"))
    shutil.rmtree(CORPUS, ignore_errors=True)
    CORPUS.mkdir(parents=True)
    unit: dict[str, bytes] = {}
    for seed in SEEDS:
        data = seed.read_bytes()
        unit[seed.stem] = data
        document = parse_bytes(data, str(seed))
        for layout in LAYOUTS:
            unit[f"{seed.stem}.{layout}"] = "".join(render(form, layout) + "\n" for form in document.forms).encode()
    unit_size = sum(map(len, unit.values()))
    copies = max(1, round(megabytes * 1_000_000 / unit_size))
    for copy in range(copies):
        for name, data in unit.items():
            (CORPUS / f"{copy:03d}-{name}.txt").write_bytes(data)
    marker.touch()
    return sorted(CORPUS.glob("*.txt"))


def floor_pass(files: list[Path]) -> int:
    count = 0
    for path in files:
        text = path.read_bytes().decode("utf-8")
        count += sum(1 for _ in _FLOOR_RE.finditer(text))
    return count


def parse_pass(files: list[Path]) -> int:
    forms = 0
    for path in files:
        forms += len(parse_bytes(path.read_bytes(), str(path)).forms)
    return forms


def parse_json_pass(files: list[Path]) -> int:
    """`jxlint parse --format json`: parse every file, then the AST as JSON."""
    from linter.messages import Catalog
    from linter.report.ast_json import format_ast_json

    documents = [parse_bytes(path.read_bytes(), str(path)) for path in files]
    format_ast_json(documents, Catalog("zh"), io.StringIO())
    return sum(len(document.forms) for document in documents)


def lint_pass(files: list[Path]) -> int:
    from linter.engine import lint_files

    out = io.StringIO()
    result = lint_files([str(path) for path in files], output_format="json", stream=out)
    return result.forms


DOCUMENTS = ROOT / "tests" / "documents"
CONTAINERS = (("text", ".txt"), ("xlsx", ".xlsx"), ("xlsx, one sheet", "-one-sheet.xlsx"), ("docx", ".docx"), ("pdf", ".pdf"))


def container_files(suffix: str) -> list[Path]:
    if suffix == ".txt":
        return SEEDS
    return [DOCUMENTS / f"{seed.stem.split('_')[0]}{suffix}" for seed in SEEDS]


_LINTER = []


def lint_documents(files: list[Path]) -> int:
    from linter.engine import Linter

    if not _LINTER:
        _LINTER.append(Linter())  # made once: registry and rules are not what is measured
    return sum(len(_LINTER[0].lint_path(path).forms) for path in files)


def containers(runs: int) -> None:
    """forms/s of the same seed forms in each container, read + parse + every rule."""
    lint_documents(container_files(".xlsx")[:1])  # warm: imports of the readers
    baseline = None
    for name, suffix in CONTAINERS:
        files = container_files(suffix)
        seconds, forms = timed(lint_documents, files, runs)
        rate = forms / seconds
        baseline = baseline or rate
        print(f"lint {name:16} {seconds:7.3f} s  {forms:3d} forms  {rate:7.0f} forms/s  ({baseline / rate:.1f}x the time of text)")


def timed(function, files, runs: int) -> tuple[float, int]:
    times = []
    result = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = function(files)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def wall(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median; default 5)")
    parser.add_argument("--skip-lint", action="store_true")
    parser.add_argument("--containers-only", action="store_true", help="only forms/s per container (text, xlsx, docx, pdf)")
    parser.add_argument("--skip-scale", action="store_true", help="skip --jobs, memory, cached re-run (benchmarks/scale_bench.py)")
    args = parser.parse_args()
    tune_gc()
    if args.containers_only:
        print(f"machine: {machine()}")
        containers(args.runs)
        return
    files = build_corpus(args.size)
    megabytes = sum(path.stat().st_size for path in files) / 1_000_000
    print(f"machine: {machine()}")
    print(f"corpus:  {len(files)} files, {megabytes:.2f} MB ({CORPUS.relative_to(ROOT)})")
    parse_pass(files[:20])  # warm: grammar cache, imports
    floor_time, _ = timed(floor_pass, files, args.runs)
    parse_time, forms = timed(parse_pass, files, args.runs)
    print(f"forms:   {forms}")
    print(f"floor    {floor_time:7.3f} s  {megabytes / floor_time:8.1f} MB/s  {forms / floor_time:9.0f} forms/s")
    print(
        f"parse    {parse_time:7.3f} s  {megabytes / parse_time:8.1f} MB/s  {forms / parse_time:9.0f} forms/s"
        f"  ({parse_time / floor_time:.0f}x floor)"
    )
    json_time, _ = timed(parse_json_pass, files, args.runs)
    print(
        f"parse+json {json_time:5.3f} s  {megabytes / json_time:8.1f} MB/s  {forms / json_time:9.0f} forms/s"
        f"  ({json_time / floor_time:.0f}x floor; `parse --format json`)"
    )
    if not args.skip_lint:
        try:
            lint_time, _ = timed(lint_pass, files, args.runs)
        except ImportError:
            print("lint     (rule engine not installed)")
        else:
            print(
                f"lint     {lint_time:7.3f} s  {megabytes / lint_time:8.1f} MB/s  {forms / lint_time:9.0f} forms/s"
                f"  ({lint_time / floor_time:.0f}x floor; every rule, JSON output)  |  target >= 3,000 forms/s on one core"
            )
        containers(args.runs)
    # The console script of this environment, not whatever `jxlint` (or a pyenv shim) is first on PATH.
    local = Path(sys.executable).parent / "jxlint"
    jxlint = str(local) if local.exists() else shutil.which("jxlint")
    if jxlint is None:
        print("startup  (jxlint not installed in this environment: pip install . first)")
        return
    runs = max(9, args.runs)
    print(f"startup  {jxlint} --version: {wall([jxlint, '--version'], runs):.0f} ms (median of {runs})")
    print(f"         jxlint parse {SEEDS[0].name}: {wall([jxlint, 'parse', str(SEEDS[0])], runs):.0f} ms")
    print(f"         jxlint lint {SEEDS[0].name}: {wall([jxlint, 'lint', str(SEEDS[0])], runs):.0f} ms")
    python = wall([sys.executable, "-c", "pass"], runs)
    print(f"         python -c pass: {python:.0f} ms (the interpreter alone, for scale)")
    if not args.skip_scale:
        from scale_bench import report

        report(jxlint, [path for path in files if path.name.startswith("000-")], CORPUS.parent / "corpus-scale", args.runs, SEEDS[0])


if __name__ == "__main__":
    main()
