"""The pre-commit hook, run by the real pre-commit client on a report repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.forms import BASE, form

ROOT = Path(__file__).resolve().parent.parent


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_runs_the_hook_on_staged_forms(tmp_path):
    # The client installed beside the interpreter running the tests (the test extra's), before
    # whatever else PATH may hold.
    beside = Path(os.sys.executable).parent / "pre-commit"
    pre_commit = str(beside) if beside.exists() else shutil.which("pre-commit")
    reports = tmp_path / "reports"
    reports.mkdir()
    git("init", "-q", cwd=reports)
    (reports / "good.txt").write_text(BASE, encoding="utf-8")
    (reports / "bad.txt").write_text(form(("\t100\t99.00", "\t100\t98.00")), encoding="utf-8")
    (reports / "notes.py").write_text("x = 1\n", encoding="utf-8")
    shutil.copy(ROOT / "tests" / "documents" / "hand-built.xlsx", reports / "bad.xlsx")
    git("add", ".", cwd=reports)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    result = subprocess.run(
        [pre_commit, "try-repo", str(ROOT), "jxlint", "--files", "good.txt", "bad.txt", "bad.xlsx", "notes.py", "--verbose"],
        cwd=reports, capture_output=True, text=True, env=env, timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "bad.txt:17:13: JX202 [score-total-mismatch]" in output
    assert "good.txt:" not in output  # no finding in the clean form
    assert "bad.xlsx:自评表!H7: JX102 [execution-rate-mismatch]" in output  # a committed workbook is checked
    assert "检查了 3 个文件、3 张表：3 个错误" in output  # notes.py was not passed to the hook
