"""The scale figures of benchmarks/bench.py, each printed beside its target (issue 10):
`--jobs 2` speed-up, peak memory at two corpus sizes, start-up, cached re-run.

Every figure runs the installed `jxlint` command in a subprocess, as a user would;
memory is the child's peak resident set (`resource.getrusage(RUSAGE_CHILDREN)` read
in a fresh helper process per run, so one run's peak does not hide another's).
Nothing here is a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {
    "lint": 3000,  # forms/s, one core
    "parse_json": 2500,  # forms/s, one core
    "jobs2": 1.7,  # speed-up on two idle cores
    "rss": 1.5,  # peak RSS at 32x over 1x
    "version_ms": 40,
    "lint_one_ms": 90,
    "cached": 10.0,  # first run / second run, 1,000 files
}

_RSS_HELPER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _env(cache: Path | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("JXLINT_NO_CACHE", "JXLINT_RESULT_CACHE_DIR")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # start-up with compiled bytecode, as an installed jxlint has
    if cache is None:
        env["JXLINT_NO_CACHE"] = "1"
    else:
        env["JXLINT_RESULT_CACHE_DIR"] = str(cache)
    return env


def _wall(command: list[str], runs: int, env: dict[str, str], cwd: Path | None = None) -> tuple[float, bytes]:
    times, output = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        output = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=cwd).stdout
        times.append(time.perf_counter() - start)
    return statistics.median(times), output


def peak_rss_mb(command: list[str], env: dict[str, str]) -> float:
    out = subprocess.run([sys.executable, "-c", _RSS_HELPER, *command], capture_output=True, text=True, env=env).stdout
    return int(out.strip()) / 1024  # Linux: kilobytes


def copies(unit: list[Path], count: int, folder: Path) -> list[Path]:
    """`count` copies of the unit files in `folder` (made once)."""
    marker = folder / f".copies-{count}-{len(unit)}"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for number in range(count):
            for path in unit:
                shutil.copyfile(path, folder / f"{number:04d}-{path.name}")
        marker.touch()
    return sorted(folder.glob("*.txt"))


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def report(jxlint: str, unit: list[Path], corpus_root: Path, runs: int, seed: Path) -> None:
    """Print the scale figures. `unit`: the corpus's distinct files (seeds and their
    renderings); corpora of copies of it are made under `corpus_root`."""
    print("\nscale (issue 10): figure  |  target")
    env = _env()
    # --jobs 2 against --jobs 1, a few hundred files, same bytes required.
    files = copies(unit, max(1, 300 // len(unit)), corpus_root / "jobs")
    base = [jxlint, "lint", "-q", "--format", "json"]
    serial, one = _wall([*base, "--jobs", "1", str(files[0].parent)], max(1, runs // 2), env)
    parallel, two = _wall([*base, "--jobs", "2", str(files[0].parent)], max(1, runs // 2), env)
    forms = json.loads(one)["summary"]["forms"]
    print(f"--jobs 2   {serial / parallel:5.2f}x  ({len(files)} files, {forms} forms: {serial:.2f} s -> {parallel:.2f} s; "
          f"{len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()} usable cores; "
          f"output {'identical' if one == two else 'DIFFERENT'})  |  >= {TARGETS['jobs2']}x on two idle cores: "
          f"{_verdict(serial / parallel >= TARGETS['jobs2'] and one == two)}")
    # Peak memory: the unit once and 32 times, one process, JSON report.
    small = copies(unit, 1, corpus_root / "rss-1")
    large = copies(unit, 32, corpus_root / "rss-32")
    for output_format in ("json", "text"):
        command = [jxlint, "lint", "-q", "--jobs", "1", "--format", output_format]
        rss_small = peak_rss_mb([*command, str(small[0].parent)], env)
        rss_large = peak_rss_mb([*command, str(large[0].parent)], env)
        ratio = rss_large / rss_small
        print(f"peak RSS   {output_format:5s} {rss_small:6.1f} MB ({len(small)} files) -> {rss_large:6.1f} MB ({len(large)} files): "
              f"{ratio:.2f}x  |  <= {TARGETS['rss']}x: {_verdict(ratio <= TARGETS['rss'])}")
    # Start-up.
    start_runs = max(11, runs)
    python, _ = _wall([sys.executable, "-c", "pass"], start_runs, env)
    version, _ = _wall([jxlint, "--version"], start_runs, env)
    with tempfile.TemporaryDirectory() as scratch:
        one_file = Path(scratch) / seed.name
        shutil.copyfile(seed, one_file)
        lint_one, _ = _wall([jxlint, "lint", "--quiet", str(one_file)], start_runs, env)
        cached_env = _env(Path(scratch) / "cache")
        _wall([jxlint, "lint", "--quiet", str(one_file)], 1, cached_env)
        lint_one_cached, _ = _wall([jxlint, "lint", "--quiet", str(one_file)], start_runs, cached_env)
    print(f"start-up   python -c pass {python * 1000:.0f} ms (the interpreter alone)")
    print(f"           jxlint --version {version * 1000:.0f} ms  |  <= {TARGETS['version_ms']} ms: "
          f"{_verdict(version * 1000 <= TARGETS['version_ms'])}")
    print(f"           jxlint lint {seed.name} {lint_one * 1000:.0f} ms (no cache), {lint_one_cached * 1000:.0f} ms (cached)  |  "
          f"<= {TARGETS['lint_one_ms']} ms: {_verdict(lint_one * 1000 <= TARGETS['lint_one_ms'])} (no cache), "
          f"{_verdict(lint_one_cached * 1000 <= TARGETS['lint_one_ms'])} (cached)")
    # Cached re-run over 1,000 unchanged files.
    thousand = copies(unit, -(-1000 // len(unit)), corpus_root / "cache-1000")[:1000]
    folder = corpus_root / "cache-1000-only"
    if not folder.exists() or len(list(folder.glob("*.txt"))) != 1000:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        for path in thousand:
            os.link(path, folder / path.name) if hasattr(os, "link") else shutil.copyfile(path, folder / path.name)
    with tempfile.TemporaryDirectory() as scratch:
        cache_env = _env(Path(scratch) / "cache")
        command = [jxlint, "lint", "-q", "--format", "json", str(folder)]
        first, report_first = _wall(command, 1, cache_env)
        second, report_second = _wall(command, max(3, runs // 2), cache_env)
    print(f"cached     1,000 files: first run {first:.2f} s, second {second:.2f} s: {first / second:.1f}x "
          f"(reports {'identical' if report_first == report_second else 'DIFFERENT'})  |  >= {TARGETS['cached']:.0f}x: "
          f"{_verdict(first / second >= TARGETS['cached'])}")
