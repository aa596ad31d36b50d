"""Instructions per form and per start, counted by valgrind's callgrind: a benchmark
figure that does not move with the machine's load, for comparing two versions of the
code on a shared or noisy machine (wall-clock figures: benchmarks/bench.py).

    python benchmarks/instructions.py               # 40 files of benchmarks/corpus
    python benchmarks/instructions.py --files 120

Each figure is the difference between two runs of the same process, one over N files
and one over none (imports, table loading and a warm-up on 3 files cancel out),
divided by the forms read, with the collector set as the `jxlint` command sets it
(`--collector default` keeps Python's default thresholds, as this script did up to
2026-11-30: about 0.1-0.25 M instructions a form more). Start-up figures count the
whole `jxlint` command.
Needs valgrind (Debian: `apt-get install valgrind`); callgrind runs Python about
50 times slower, so keep N small. The corpus is built by bench.py if missing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "corpus"
SEED = ROOT / "tests" / "fixtures" / "001_ce3da03141c568d9.txt"

# Run in the child: warm up on 3 files, then one pass of `stage` over files [3, 3 + N).
_CHILD = """
import io, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from linter.parse import parse_bytes
if {tuned}:
    from linter.entry import tune_gc
    tune_gc()
files = sorted(Path({corpus!r}).glob("*.txt"))
stage, count = sys.argv[1], int(sys.argv[2])

def parse(paths):
    return sum(len(parse_bytes(path.read_bytes(), str(path)).forms) for path in paths)

def parse_json(paths):
    from linter.messages import Catalog
    from linter.report.ast_json import format_ast_json
    documents = [parse_bytes(path.read_bytes(), str(path)) for path in paths]
    format_ast_json(documents, Catalog("zh"), io.StringIO())
    return sum(len(document.forms) for document in documents)

def lint(paths):
    from linter.engine import lint_files
    return lint_files([str(path) for path in paths], output_format="json", stream=io.StringIO()).forms

run = {{"parse": parse, "parse+json": parse_json, "lint": lint}}[stage]
run(files[:3])
print("forms", run(files[3:3 + count]))
"""

_COLLECTED = re.compile(r"Collected : (\d+)")


def counted(command: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Instructions of `command` and what it printed."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True, text=True, env=env, check=False,
    )
    match = _COLLECTED.search(result.stderr)
    if result.returncode != 0 or match is None:
        raise SystemExit(f"callgrind failed on {command}:\n{result.stderr[-2000:]}")
    return int(match.group(1)), result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=40, help="files of the corpus per pass (default 40)")
    parser.add_argument("--collector", choices=("command", "default"), default="command",
                        help="the collector's thresholds: as the jxlint command sets them (default), or Python's")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    if not CORPUS.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--runs", "1", "--skip-scale", "--skip-lint"], check=True)
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": ""}
    child = _CHILD.format(root=str(ROOT), corpus=str(CORPUS), tuned=args.collector == "command")
    print(f"python {sys.version.split()[0]}, {args.files} files of {CORPUS.relative_to(ROOT)}, instructions counted by callgrind"
          f" (collector: {args.collector})")
    for stage in ("parse", "parse+json", "lint"):
        # Once uncounted first: a run that builds the private caches (parser tables, indexes)
        # would count their building in the base and make the difference too small.
        subprocess.run([sys.executable, "-c", child, stage, "0"], env=env, capture_output=True, check=True)
        base, _ = counted([sys.executable, "-c", child, stage, "0"], env)
        total, out = counted([sys.executable, "-c", child, stage, str(args.files)], env)
        forms = int(out.split()[-1])
        print(f"{stage:11} {(total - base) / forms / 1e6:7.2f} M instructions a form ({forms} forms)")
    jxlint = Path(sys.executable).parent / "jxlint"
    if not jxlint.exists():
        print("start-up   (jxlint not installed in this environment)")
        return
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / SEED.name
        copy.write_bytes(SEED.read_bytes())
        local = {**env, "JXLINT_CACHE_DIR": str(Path(folder) / "private")}
        for label, command in (
            ("--version", [str(jxlint), "--version"]),
            ("lint, not cached", [str(jxlint), "lint", "--no-cache", copy.name]),
            ("lint, cached", [str(jxlint), "lint", copy.name]),
        ):
            subprocess.run(command, cwd=folder, env=local, capture_output=True, check=False)  # fill the caches
            old = os.getcwd()
            os.chdir(folder)
            try:
                total, _ = counted(command, local)
            finally:
                os.chdir(old)
            what = "" if label == "--version" else f" ({SEED.name}, 5 forms)"
            print(f"start-up   {label:17} {total / 1e6:7.1f} M instructions{what}")
        python, _ = counted([sys.executable, "-c", "pass"], env)
        print(f"start-up   python -c pass    {python / 1e6:7.1f} M instructions (the interpreter alone)")


if __name__ == "__main__":
    main()
