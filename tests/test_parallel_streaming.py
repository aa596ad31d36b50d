"""`--jobs N`, streamed reports and `--format jsonl`: the same bytes however computed.

The corpus is the real seeds and the other provinces' forms, and each seed again
under another name, so a run has enough files for several chunks per worker.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linter.engine import LintResult, Linter
from linter.report.formats import LINT_FORMATS
from linter.report.stream import WRITERS, write_all
from linter.waivers import apply_waivers
from tests.conftest import FIXTURES

OTHER = Path(__file__).parent / "other-provinces"
STREAMED = ("text", "json", "jsonl", "sarif", "github", "gitlab", "junit")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(FIXTURES, root / "seeds")
    shutil.copytree(OTHER, root / "other", ignore=shutil.ignore_patterns("*.md"))
    for copy in range(3):
        for seed in sorted(FIXTURES.glob("*.txt")):
            (root / "copies").mkdir(exist_ok=True)
            (root / "copies" / f"{copy}-{seed.name}").write_bytes(seed.read_bytes())
    return root


def _jxlint(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "linter.cli", *args], cwd=cwd, capture_output=True, timeout=600)


@pytest.mark.parametrize("output_format", STREAMED)
def test_jobs_4_gives_the_bytes_of_jobs_1(corpus, output_format):
    serial = _jxlint(corpus, "lint", "-q", "--jobs", "1", "--format", output_format, ".")
    parallel = _jxlint(corpus, "lint", "-q", "--jobs", "4", "--format", output_format, ".")
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout and serial.stdout == parallel.stdout
    assert parallel.stderr == b""


def test_jobs_with_standard_input_keeps_it_last(corpus):
    data = (FIXTURES / "001_ce3da03141c568d9.txt").read_bytes()
    args = ("lint", "-q", "--format", "jsonl", "seeds", "-", "--stdin-filename", "piped.txt")
    serial = subprocess.run([sys.executable, "-m", "linter.cli", *args, "--jobs", "1"], cwd=corpus, input=data, capture_output=True)
    parallel = subprocess.run([sys.executable, "-m", "linter.cli", *args, "--jobs", "2"], cwd=corpus, input=data, capture_output=True)
    assert serial.stdout == parallel.stdout
    paths = [json.loads(line)["path"] for line in parallel.stdout.decode().splitlines()]
    assert paths[-1] == "piped.txt" and paths[0].startswith("seeds/")


def _whole_and_streamed(paths: list[str], output_format: str, lang: str = "zh") -> tuple[str, str]:
    import io

    linter = Linter(lang)
    whole = LintResult(linter.lint_paths(paths), linter.registry.rules)
    apply_waivers(whole, [])
    out_whole = io.StringIO()
    LINT_FORMATS[output_format](whole, linter.catalog, out_whole)
    again = LintResult(linter.lint_paths(paths), linter.registry.rules)
    out_stream = io.StringIO()
    write_all(WRITERS[output_format], again, linter.catalog, out_stream)
    return out_whole.getvalue(), out_stream.getvalue()


@pytest.mark.parametrize("output_format", [name for name in STREAMED if name != "jsonl"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_streamed_writer_writes_the_whole_report_bytes(output_format, lang):
    whole, streamed = _whole_and_streamed([str(FIXTURES), str(OTHER)], output_format, lang)
    assert whole == streamed


@pytest.mark.parametrize("output_format", [name for name in STREAMED if name != "jsonl"])
def test_streamed_writer_of_no_file_is_the_empty_report(output_format, tmp_path):
    whole, streamed = _whole_and_streamed([str(tmp_path)], output_format)
    assert whole == streamed


def test_json_stream_is_one_document_with_the_schema(corpus):
    result = _jxlint(corpus, "lint", "-q", "--jobs", "2", "--format", "json", ".")
    report = json.loads(result.stdout)
    from linter.report.lint_json import REPORT_VERSION

    assert report["version"] == REPORT_VERSION and set(report) == {"version", "files", "diagnostics", "summary"}
    assert report["summary"]["files"] == len(report["files"]) == 3 + 15 + 9
    assert report["summary"]["forms"] == sum(len(file["forms"]) for file in report["files"])
    counts = report["summary"]
    assert counts["error"] + counts["warning"] + counts["info"] == len(report["diagnostics"])


def test_jsonl_is_one_finding_per_line_as_the_json_diagnostics(corpus):
    jsonl = _jxlint(corpus, "lint", "-q", "--format", "jsonl", "seeds")
    whole = json.loads(_jxlint(corpus, "lint", "-q", "--format", "json", "seeds").stdout)
    lines = [json.loads(line) for line in jsonl.stdout.decode("utf-8").splitlines()]
    assert lines == whole["diagnostics"] and len(lines) > 100
    assert jsonl.returncode == 1


def test_a_baseline_waives_the_same_findings_streamed_and_whole(corpus, tmp_path):
    baseline = tmp_path / "baseline.yaml"
    written = _jxlint(corpus, "lint", "-q", "--write-baseline", str(baseline), "--format", "json", "seeds")
    assert written.returncode == 0 and json.loads(written.stdout)["summary"]["waived"] > 100
    streamed = _jxlint(corpus, "lint", "-q", "--jobs", "2", "--baseline", str(baseline), "--format", "json", "seeds", "copies")
    report = json.loads(streamed.stdout)
    # The seeds' findings are waived; their copies (other file names) are not.
    assert {d["path"].split("/")[0] for d in report["diagnostics"]} == {"copies"}
    assert report["summary"]["waived"] == json.loads(written.stdout)["summary"]["waived"]


def test_parse_reads_one_document_at_a_time_for_the_built_in_formats(monkeypatch):
    """The AST of a file is gone before the next file is read (text outline)."""
    import gc

    from click.testing import CliRunner

    from linter import reading
    from linter.ast import Document
    from linter.cli import main

    read = 0
    most = 0
    original = reading.read_document

    def counting(*args, **kwargs):
        nonlocal most, read
        gc.collect()
        most = max(most, sum(1 for item in gc.get_objects() if type(item) is Document))
        read += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(reading, "read_document", counting)
    paths = [str(path) for path in sorted(FIXTURES.glob("*.txt"))] + [str(path) for path in sorted(OTHER.glob("*.txt"))]
    result = CliRunner().invoke(main, ["parse", "--format", "text", *paths])
    assert result.exit_code in (0, 1), result.output[-2000:]
    assert read == len(paths) == 18
    assert most <= 1


def test_ctrl_c_with_workers_exits_130_with_one_message(tmp_path):
    """Ctrl-C reaches the whole process group: the workers ignore it, the parent stops
    them and exits 130 with its one-line message, no traceback from any process."""
    import os
    import signal

    for copy in range(300):
        for seed in sorted(FIXTURES.glob("*.txt")):
            (tmp_path / f"{copy:03d}-{seed.name}").write_bytes(seed.read_bytes())
    process = subprocess.Popen(
        [sys.executable, "-m", "linter.cli", "lint", "--jobs", "2", "--format", "jsonl", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"}, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stdout.readline().startswith(b'{"path"')  # workers are up and results are being written
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 130, stderr.decode(errors="replace")[-3000:]
    assert b"Traceback" not in stderr and stderr.decode().count("interrupted") == 1


def test_jobs_4_gives_the_same_review_page_and_workbook(corpus, tmp_path, monkeypatch):
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764460800")  # the page's "generated at" minute, fixed
    for jobs in ("1", "4"):
        for suffix in ("html", "xlsx"):
            result = _jxlint(corpus, "lint", "-q", "--jobs", jobs, "--format", suffix, "-o", str(tmp_path / f"{jobs}.{suffix}"), ".")
            assert result.returncode == 1, result.stderr
    assert (tmp_path / "1.html").read_bytes() == (tmp_path / "4.html").read_bytes()
    serial, parallel = zipfile.ZipFile(tmp_path / "1.xlsx"), zipfile.ZipFile(tmp_path / "4.xlsx")
    assert serial.namelist() == parallel.namelist()
    # docProps/core.xml holds the time the workbook was written.
    assert [name for name in serial.namelist() if serial.read(name) != parallel.read(name)] in ([], ["docProps/core.xml"])


def test_spawned_workers_build_the_same_linter(monkeypatch):
    """Where `fork` is not used (macOS, Windows), each worker builds its linter from the
    LintSpec: the results are those of a serial run."""
    from linter import runner

    monkeypatch.setattr(runner, "_start_method", lambda: "spawn")
    local = runner.FileLinter(runner.LintSpec(lang="en"))
    paths = sorted(FIXTURES.glob("*.txt")) + sorted(OTHER.glob("*.txt"))
    assert list(runner.lint_many(local, paths, jobs=2)) == list(runner.lint_serially(local, paths))


@pytest.mark.parametrize("output_format", ["json", "sarif", "text"])
def test_documents_give_the_serial_report_with_workers_and_from_the_cache(tmp_path, output_format):
    """Workbooks, Word files and PDFs (findings located at their cells) through workers
    and through the result cache: the serial report, byte for byte."""
    import os

    documents = Path(__file__).parent / "documents"
    env = {**os.environ, "JXLINT_RESULT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("JXLINT_NO_CACHE")

    def run(*args: str) -> bytes:
        command = [sys.executable, "-m", "linter.cli", "lint", "-q", "--format", output_format, *args, str(documents)]
        return subprocess.run(command, capture_output=True, env=env, timeout=600).stdout

    serial = run("--jobs", "1", "--no-cache")
    assert serial and run("--jobs", "2", "--no-cache") == serial
    assert run("--jobs", "2") == serial  # written to the cache by workers
    assert run("--jobs", "1") == serial  # read from it
    assert len(list((tmp_path / "cache" / "v2").glob("*/*.bin"))) >= 10
