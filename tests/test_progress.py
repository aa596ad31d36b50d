"""The progress bar: on standard error when it is a terminal (a real pseudo-terminal here),
never on standard output, and silent with --quiet or when standard error is a pipe."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linter.progress import MIN_FILES, Progress
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for number in range(MIN_FILES + 4):
        seed = sorted(SEEDS.values())[number % 3]
        shutil.copy(seed, folder / f"{number:03}.txt")
    return folder


def _run(arguments: list[str], stderr_terminal: bool) -> tuple[str, str, int]:
    """Run jxlint with standard output on a pipe and standard error on a pty (or a pipe)."""
    command = [sys.executable, "-m", "linter.cli", *arguments]
    environment = {**os.environ, "COLUMNS": "120"}
    if not stderr_terminal:
        done = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
        return done.stdout, done.stderr, done.returncode
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower, stdin=subprocess.DEVNULL, env=environment)
    os.close(follower)
    # Both are read as they come: a report larger than a pipe's buffer must not block the child.
    out = {leader: b"", process.stdout.fileno(): b""}
    open_fds = set(out)
    while open_fds:
        ready, _, _ = select.select(list(open_fds), [], [], 60)
        assert ready, "jxlint did not finish within a minute"
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                chunk = b""
            if chunk:
                out[fd] += chunk
            else:
                open_fds.discard(fd)
    process.wait(timeout=120)
    os.close(leader)
    return out[process.stdout.fileno()].decode(), out[leader].decode(), process.returncode


def test_progress_on_a_terminal_only_on_stderr(many):
    stdout, stderr, code = _run(["lint", str(many), "--format", "json"], stderr_terminal=True)
    assert code == 1
    report = json.loads(stdout)  # standard output is the report, and only it
    assert report["summary"]["files"] == MIN_FILES + 4
    assert f"{MIN_FILES + 4}/{MIN_FILES + 4} 个文件" in stderr
    assert f"{report['summary']['forms']} 张表" in stderr
    findings = sum(report["summary"][s] for s in ("error", "warning", "info"))
    assert f"{findings} 个问题" in stderr and "文件/秒" in stderr
    assert stderr.startswith("\r[") and stderr.endswith("\r\x1b[K")  # drawn over itself and erased


def test_english_progress(many):
    _, stderr, _ = _run(["lint", str(many), "--format", "json", "--lang", "en"], stderr_terminal=True)
    assert f"{MIN_FILES + 4}/{MIN_FILES + 4} files" in stderr and "files/s" in stderr


def test_quiet_on_a_terminal(many):
    stdout, stderr, _ = _run(["lint", str(many), "--format", "json", "--quiet"], stderr_terminal=True)
    assert stderr == "" and json.loads(stdout)["summary"]["files"] == MIN_FILES + 4


def test_silent_when_stderr_is_not_a_terminal(many):
    stdout, stderr, _ = _run(["lint", str(many), "--format", "json"], stderr_terminal=False)
    assert stderr == "" and json.loads(stdout)["summary"]["files"] == MIN_FILES + 4


class _Terminal:
    def __init__(self) -> None:
        self.written = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> None:
        self.written += text

    def flush(self) -> None:
        pass


def test_few_files_draw_nothing_and_redraws_are_throttled():
    terminal = _Terminal()
    progress = Progress(terminal, MIN_FILES - 1)
    for _ in range(MIN_FILES - 1):
        progress.advance(1, 1)
    progress.close()
    assert terminal.written == ""
    now = [0.0]
    terminal = _Terminal()
    progress = Progress(terminal, 100, clock=lambda: now[0])
    for _ in range(99):
        now[0] += 0.01  # 100 files a second: a redraw every ten files
        progress.advance(2, 3)
    assert terminal.written.count("\r[") == 10
    now[0] += 0.01
    progress.advance(2, 3)  # the last file is always drawn
    assert terminal.written.count("\r[") == 11
    assert "100/100 个文件 · 200 张表 · 300 个问题 · 100 文件/秒" in terminal.written
