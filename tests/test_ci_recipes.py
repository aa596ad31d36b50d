"""docs/ci.md, run: the documented .pre-commit-config.yaml with the real pre-commit client in a fresh
git repository, and the jxlint commands of the GitHub Actions and GitLab CI jobs in a report repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import junitparser
import pytest
import yaml

from tests.forms import BASE, form
from tests.test_report_formats import sarif_errors

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
DEFECTIVE = form(("\t100\t99.00", "\t100\t98.00"))  # JX202 on 17:13
ENV = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC, re.S)


def git(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=ENV, check=check)


def test_hook_definition_follows_pre_commit_conventions():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "jxlint" and hook["language"] == "python" and hook["entry"] == "jxlint lint"
    assert hook["types_or"] == ["text", "binary"] and re.search(hook["files"], "a/b.tsv") and re.search(hook["files"], "a.xlsx")
    assert all(re.search(hook["files"], name) for name in ("a/表.XLSX", "b.docx", "c.pdf", "d.xls"))
    assert not re.search(hook["files"], "a.png") and not re.search(hook["files"], "a.doc")
    assert hook["require_serial"] is False


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_documented_pre_commit_config_blocks_a_defective_form_and_passes_a_clean_one(tmp_path):
    head = git("rev-parse", "HEAD", cwd=ROOT, check=False)
    if head.returncode != 0:
        pytest.skip("jxlint is not a git checkout here")
    if git("status", "--porcelain", "--", ".pre-commit-hooks.yaml", "pyproject.toml", "linter", "rules", "grammar", cwd=ROOT).stdout:
        pytest.skip("pre-commit installs the committed jxlint; commit first")
    config = yaml_blocks()[0].replace("<jxlint repository URL>", str(ROOT)).replace("<tag or commit>", head.stdout.strip())
    reports = tmp_path / "reports"
    reports.mkdir()
    git("init", "-q", cwd=reports)
    (reports / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    env = dict(ENV, PRE_COMMIT_HOME=str(tmp_path / "cache"), PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    subprocess.run([str(BIN / "pre-commit"), "install"], cwd=reports, check=True, capture_output=True, env=env)
    git("add", ".pre-commit-config.yaml", cwd=reports)

    def commit(name: str, text: str) -> subprocess.CompletedProcess:
        (reports / name).write_text(text, encoding="utf-8")
        git("add", name, cwd=reports)
        return subprocess.run(["git", "commit", "-q", "-m", name], cwd=reports, capture_output=True, text=True, env=env, timeout=600)

    blocked = commit("bad.txt", DEFECTIVE)
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    assert "bad.txt:17:13: JX202 [score-total-mismatch]" in blocked.stdout + blocked.stderr
    assert git("rev-parse", "--verify", "HEAD", cwd=reports, check=False).returncode != 0  # nothing committed
    git("rm", "-q", "--cached", "bad.txt", cwd=reports)
    passed = commit("good.txt", BASE)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git("log", "--format=%s", cwd=reports).stdout.split() == ["good.txt"]


def report_repository(tmp_path: Path) -> Path:
    repo = tmp_path / "reports"
    (repo / "2023").mkdir(parents=True)
    (repo / "2023" / "good.txt").write_text(BASE, encoding="utf-8")
    (repo / "2023" / "bad.txt").write_text(DEFECTIVE, encoding="utf-8")
    return repo


def run_script(line: str, cwd: Path) -> subprocess.CompletedProcess:
    """One `run:` or `script:` line as the CI runner would: bash with -e, jxlint on PATH."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run(["bash", "-e", "-c", line], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def test_documented_github_workflow_steps(tmp_path):
    workflow = yaml.safe_load(yaml_blocks()[2])
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["jxlint"]["steps"]
    install, sarif, upload, annotate = steps[2:]
    assert install["run"].startswith("pip install \"jxlint @ git+")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@") and upload["with"]["sarif_file"] == "jxlint.sarif"
    assert upload["if"] == "always()"
    repo = report_repository(tmp_path)
    first = run_script(sarif["run"], repo)
    assert first.returncode == 0, first.stderr  # findings must not stop the upload
    log = json.loads((repo / "jxlint.sarif").read_text(encoding="utf-8"))
    assert sarif_errors(log) == []
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "2023/bad.txt"  # relative to the root
    annotations = run_script(annotate["run"], repo)
    assert annotations.returncode == 1  # the job fails on an error
    assert annotations.stdout.startswith("::error file=2023/bad.txt,line=17,col=13,endLine=17,endColumn=17,title=JX202 score-total-mismatch::")
    assert run_script(sarif["run"].replace(" . ", " missing/ "), repo).returncode != 0  # a usage error still fails the step


def test_documented_gitlab_job(tmp_path):
    job = yaml.safe_load(yaml_blocks()[3])["jxlint"]
    install, quality, junit = job["script"]
    assert install.startswith("pip install \"jxlint @ git+")
    assert job["artifacts"]["when"] == "always"
    reports = job["artifacts"]["reports"]
    repo = report_repository(tmp_path)
    assert run_script(quality, repo).returncode == 0
    assert run_script(junit, repo).returncode == 1
    [issue] = json.loads((repo / reports["codequality"]).read_text(encoding="utf-8"))
    assert issue["location"] == {"path": "2023/bad.txt", "lines": {"begin": 17, "end": 17}} and issue["severity"] == "major"
    suites = {suite.name: suite for suite in junitparser.JUnitXml.fromfile(str(repo / reports["junit"]))}
    assert suites["2023/bad.txt"].failures == 1 and suites["2023/good.txt"].failures == 0
