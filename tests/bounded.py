"""Running jxlint in a child process with a time and memory limit, as hostile input
would be run: a hang or a runaway allocation fails the test instead of the machine."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMORY_LIMIT = 1 << 30  # address space: the interpreter with every module loaded uses about a quarter
TIME_LIMIT = 20


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "linter.cli", *args]


def jxlint(
    *args: str, cwd: Path | None = None, input: bytes | None = None, env: dict[str, str] | None = None,
    stdout=subprocess.PIPE, stdin=None, timeout: float = TIME_LIMIT, shell_redirect: str = "",
) -> subprocess.CompletedProcess[bytes]:
    """`python -m linter.cli ARGS`, output as bytes; TimeoutExpired if it runs too long.
    `shell_redirect` (`>&-`, `<&-`): run through sh with it, to close a standard stream."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    argv = command(*args)
    if shell_redirect:
        argv = ["sh", "-c", 'exec "$@" ' + shell_redirect, "sh", *argv]
    return subprocess.run(
        argv, cwd=cwd or ROOT, input=input, stdin=stdin, stdout=stdout,
        stderr=subprocess.PIPE, env=environment, timeout=timeout, preexec_fn=_limit_memory,
    )
