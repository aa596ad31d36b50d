"""The environment is not a bug (issue 12, item 7): each situation ends with a clear
message, a documented exit code and no traceback; each run with a time and memory limit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pytest

from tests.bounded import ROOT, command, jxlint
from tests.conftest import FIXTURES
from tests.forms import BASE

SEEDS = str(FIXTURES)


def clean(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text and "内部错误" not in text and "Exception ignored" not in text, text
    return text


def test_a_pipe_closed_by_its_reader_ends_quietly():
    process = subprocess.Popen(command("lint", SEEDS), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=dict(os.environ, PYTHONPATH=str(ROOT)))
    first = process.stdout.readline()
    process.stdout.close()  # what `| head -1` does
    stderr = process.stderr.read()
    assert process.wait(timeout=20) == 2
    assert first and clean(stderr) == ""


@pytest.mark.parametrize("output_format", ["text", "json", "sarif"])
def test_a_full_disk_is_an_environment_error(output_format):
    with open("/dev/full", "w") as full:
        result = jxlint("lint", SEEDS, "--format", output_format, stdout=full)
    assert result.returncode == 2
    assert "系统环境错误 (environment error): No space left on device" in clean(result.stderr)


def test_a_closed_standard_output_is_an_environment_error():
    result = jxlint("lint", SEEDS, shell_redirect=">&-", stdout=None)
    assert result.returncode == 2 and "standard output is closed" in clean(result.stderr)


def test_a_closed_standard_input_is_an_environment_error():
    result = jxlint("lint", "-", shell_redirect="<&-")
    assert result.returncode == 2 and "standard input is closed" in clean(result.stderr)


def test_a_console_that_cannot_show_chinese_still_gets_the_whole_report():
    result = jxlint("lint", SEEDS, env={"PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 1
    clean(result.stderr)
    last = result.stdout.decode("cp1252").splitlines()[-1]
    assert last.encode().decode("unicode_escape").startswith("检查了 3 个文件、38 张表")


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_machine_formats_are_utf8_whatever_the_console(output_format):
    result = jxlint("lint", SEEDS, "--format", output_format, env={"PYTHONIOENCODING": "cp1252"})
    report = json.loads(result.stdout.decode("utf-8"))
    assert "反电信诈骗费用" in json.dumps(report, ensure_ascii=False)


def test_config_errors_reach_a_console_that_cannot_show_chinese(tmp_path):
    (tmp_path / "jxlint.yaml").write_text("rulez: {}\n")
    result = jxlint("lint", SEEDS, "--config", str(tmp_path / "jxlint.yaml"), env={"PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 2 and "jxlint.yaml:1: " in clean(result.stderr)


@pytest.mark.parametrize("encoding", ["base64", "zlib", "rot13", "no-such-encoding"])
def test_an_encoding_that_is_not_a_text_encoding_is_a_usage_error(encoding):
    result = jxlint("lint", SEEDS, "--encoding", encoding)
    assert result.returncode == 2 and "is not the name of a text encoding" in clean(result.stderr)


def test_an_encoding_that_decodes_but_yields_no_form_says_so(tmp_path):
    (tmp_path / "gbk.txt").write_bytes(BASE.encode("gbk"))
    result = jxlint("lint", "gbk.txt", "--encoding", "latin-1", cwd=tmp_path)
    assert result.returncode == 1
    assert "按 --encoding latin-1 解码后没有任何表，而按自动识别的 gb18030 解码有表" in result.stdout.decode()


@pytest.mark.parametrize("encoding", [None, "utf-16"])
def test_a_utf32_file_read_as_utf16_says_so(tmp_path, encoding):
    (tmp_path / "utf32.txt").write_bytes(BASE.encode("utf-32"))
    result = jxlint("lint", "utf32.txt", *(["--encoding", encoding] if encoding else []), cwd=tmp_path)
    assert result.returncode == 1 and "无法按 utf-16 解码" in result.stdout.decode()


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_file_names_that_are_not_utf8_are_escaped_in_machine_formats(tmp_path, output_format):
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(BASE.replace("\t100\t99.00", "\t100\t98.00"), encoding="utf-8")
    result = jxlint("lint", ".", "--format", output_format, cwd=tmp_path)
    report = json.loads(result.stdout.decode("utf-8"))  # strict: valid UTF-8
    paths = [file["path"] for file in report["files"]] if output_format == "json" else [
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in report["runs"][0]["results"]
    ]
    # SARIF's artifact location is a URI: the escaped name, percent-encoded.
    assert paths and set(paths) == ({"caf\\xe9.txt"} if output_format == "json" else {"caf%5Cxe9.txt"})


def test_ctrl_c_exits_130_without_a_traceback(tmp_path):
    big = tmp_path / "many.txt"
    big.write_bytes((FIXTURES / "004_c0b3f901b49db276.txt").read_bytes() * 300)
    process = subprocess.Popen(
        command("lint", str(big)), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=dict(os.environ, PYTHONPATH=str(ROOT)), preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(1.5)  # past the imports, into the lint
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 130 and "已中断 (interrupted)" in clean(stderr)


def test_a_zero_width_character_around_a_title_is_folded(tmp_path):
    from tests.forms import codes, lint

    for title in ("\u200b财政项目支出绩效自评表", "财政项目支出\u200b绩效自评表", "\ufeff财政\u200d项目支出绩效自评表\u2060",
                  "财政项目支出绩效\u200b自评表", "财\u200c政项目支出绩效自评\u200b表"):
        assert codes(lint(BASE.replace("财政项目支出绩效自评表", title, 1))) == []
