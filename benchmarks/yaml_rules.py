"""What rules written in YAML cost. A benchmark, not a test: it prints figures.

    python benchmarks/yaml_rules.py [--runs 5]

- load: reading the worked example of docs/yaml-rules.md (4 rules: YAML, expression
  parse, RE2 compile), in a fresh registry each run;
- lint: the three seed files with the shanghai rule set, without and with those 4 rules;
- a catastrophic pattern, `(a+)+$`, on `a…ab`: Python's `re` (backtracking) on short
  texts against RE2 (what `pattern` rules use) on 100,000 characters.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.config import Loader  # noqa: E402
from linter.engine import Linter  # noqa: E402
from linter.plugins import load_registry  # noqa: E402
from linter.yaml_rules import compile_regex  # noqa: E402

SEEDS = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))


def example() -> str:
    text = (ROOT / "docs" / "yaml-rules.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- worked-example-config -->\n```yaml\n(.*?)```", text, re.S)
    return found.group(1).replace("shanghai-minhang-2022", "shanghai")


def median_time(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        plain, defined = Path(folder, "plain"), Path(folder, "defined")
        for target, config in ((plain, "extends: shanghai\n"), (defined, example())):
            target.mkdir()
            (target / ".jxlint.yaml").write_text(config, encoding="utf-8")
            for seed in SEEDS:
                shutil.copy(seed, target / seed.name)
        load = median_time(lambda: Loader(load_registry(plugins=False)).load(defined / ".jxlint.yaml"), runs)
        registry_only = median_time(lambda: load_registry(plugins=False), runs)
        print(f"load the worked example (4 rules), fresh registry: {load * 1000:.1f} ms "
              f"(of which the registry alone: {registry_only * 1000:.1f} ms)")
        registry = load_registry(plugins=False)
        forms = sum(len(file.forms) for file in Linter(registry=registry).lint_paths([str(plain)]))
        for name, target in (("without", plain), ("with", defined)):
            seconds = median_time(lambda: Linter(registry=load_registry(plugins=False)).lint_paths([str(target)]), runs)
            print(f"lint 3 seeds ({forms} forms) {name} the 4 YAML rules: {seconds * 1000:.0f} ms")
    regex = compile_regex("(a+)+$", "XX001", "matches")
    for length in (18, 20, 22):
        text = "a" * length + "b"
        seconds = median_time(lambda: re.search("(a+)+$", text), 1)
        print(f"re  (a+)+$ on {length + 1} characters: {seconds * 1000:.1f} ms")
    text = "a" * 100_000 + "b"
    seconds = median_time(lambda: regex.search(text), runs)
    print(f"RE2 (a+)+$ on {len(text)} characters: {seconds * 1e6:.0f} µs")
    unanchored = compile_regex("(a|aa)*c", "XX001", "matches")
    seconds = median_time(lambda: unanchored.search(text), runs)
    print(f"RE2 (a|aa)*c on {len(text)} characters: {seconds * 1000:.2f} ms")


if __name__ == "__main__":
    main()
