"""What a walk meets, and inputs of any size (issue 12, items 3 and 9): each reproduction
in a child process with a time and memory limit."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from tests.bounded import jxlint
from tests.forms import BASE


def linted(*args: str, cwd: Path | None = None, **kwargs) -> list[str]:
    result = jxlint("lint", *args, "--format", "json", cwd=cwd, **kwargs)
    assert result.returncode in (0, 1), result.stderr.decode(errors="replace")
    return [file["path"] for file in json.loads(result.stdout)["files"]]


def forms_folder(tmp_path: Path, *names: str) -> Path:
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BASE, encoding="utf-8")
    return tmp_path


def test_a_fifo_in_a_folder_is_skipped_not_waited_for(tmp_path):
    forms_folder(tmp_path, "b.txt")
    os.mkfifo(tmp_path / "a.txt")
    assert linted(".", cwd=tmp_path) == ["b.txt"]


def test_a_socket_in_a_folder_is_skipped(tmp_path):
    forms_folder(tmp_path, "b.txt")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.txt"))
        assert linted(".", cwd=tmp_path) == ["b.txt"]
    finally:
        server.close()


def test_a_link_out_of_the_folder_is_not_followed_unless_asked(tmp_path):
    forms_folder(tmp_path, "repo/b.txt", "outside/o.txt")
    (tmp_path / "repo" / "p.txt").symlink_to("/etc/passwd")
    (tmp_path / "repo" / "o.txt").symlink_to(tmp_path / "outside" / "o.txt")
    (tmp_path / "repo" / "inside.txt").symlink_to(tmp_path / "repo" / "b.txt")
    (tmp_path / "repo" / "linked").symlink_to(tmp_path / "outside")
    result = jxlint("lint", "repo", cwd=tmp_path)
    assert b"root:" not in result.stdout
    assert linted("repo", cwd=tmp_path) == ["repo/b.txt", "repo/inside.txt"]
    followed = linted("repo", "--follow-symlinks", cwd=tmp_path)
    assert followed == ["repo/b.txt", "repo/inside.txt", "repo/linked/o.txt", "repo/o.txt", "repo/p.txt"]


@pytest.mark.parametrize("follow", [[], ["--follow-symlinks"]])
def test_a_link_loop_ends(tmp_path, follow):
    forms_folder(tmp_path, "b.txt")
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "self").symlink_to("self")
    assert linted(".", *follow, cwd=tmp_path) == ["b.txt"]


def test_a_linked_folder_inside_the_folder_is_walked(tmp_path):
    forms_folder(tmp_path, "repo/2023/a.txt")
    (tmp_path / "repo" / "latest").symlink_to(tmp_path / "repo" / "2023")
    (tmp_path / "repo" / "zz").symlink_to(tmp_path / "repo" / "2023")
    assert linted("repo", cwd=tmp_path) == ["repo/2023/a.txt"]  # each real folder once
    assert linted("repo/latest", cwd=tmp_path) == ["repo/latest/a.txt"]


@pytest.mark.parametrize("make, words", [
    (lambda path: os.mkfifo(path), "命名管道 FIFO"),
    (lambda path: path.symlink_to("/dev/zero"), "设备"),
])
def test_a_path_named_that_is_not_a_regular_file_gets_a_finding(tmp_path, make, words):
    make(tmp_path / "x.txt")
    result = jxlint("lint", "x.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert f"x.txt:1:1: JX000 [unreadable-file] 不是普通文件（{words}），未读取" in result.stdout.decode()


def test_a_file_over_the_size_limit_gets_a_finding_instead_of_being_read(tmp_path):
    (tmp_path / "big.txt").write_bytes(BASE.encode() * 200)
    result = jxlint("lint", "big.txt", "--max-file-size", "64K", cwd=tmp_path)
    assert result.returncode == 1
    assert "big.txt:1:1: JX000 [unreadable-file] 文件超过 64 KB，未读取" in result.stdout.decode()


def test_the_default_limit_holds_a_100mb_file_within_the_memory_limit(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    result = jxlint("lint", "big.txt", cwd=tmp_path)
    assert result.returncode == 1 and "文件超过 64 MB" in result.stdout.decode()


def test_standard_input_is_capped(tmp_path):
    result = jxlint("lint", "-", "--max-file-size", "1K", input=BASE.encode() * 10, cwd=tmp_path)
    assert result.returncode == 1 and "<stdin>:1:1: JX000 [unreadable-file] 文件超过 1 KB" in result.stdout.decode()


def test_an_endless_standard_input_is_not_read_whole(tmp_path):
    with open("/dev/zero", "rb") as zeros:
        result = jxlint("lint", "-", "--max-file-size", "8M", stdin=zeros, cwd=tmp_path)
    assert result.returncode == 1 and "文件超过 8 MB" in result.stdout.decode()


def test_an_empty_path_is_a_usage_error(tmp_path):
    forms_folder(tmp_path, "b.txt")
    result = jxlint("lint", "", cwd=tmp_path)
    assert result.returncode == 2 and b"empty path" in result.stderr and not result.stdout


def test_extensions_match_whatever_their_case(tmp_path):
    forms_folder(tmp_path, "a.TXT", "b.Tsv", "c.md", "d.doc")
    assert linted(".", cwd=tmp_path) == ["a.TXT", "b.Tsv", "c.md"]


def test_exclude_with_a_slash_is_relative_to_the_config(tmp_path):
    forms_folder(tmp_path, "archive/old/x.txt", "archive/new/y.txt", "other/old/z.txt")
    (tmp_path / ".jxlint.yaml").write_text("exclude: [archive/old]\n")
    assert linted(".", cwd=tmp_path) == ["archive/new/y.txt", "other/old/z.txt"]
    assert linted(str(tmp_path), cwd="/") == [f"{tmp_path}/archive/new/y.txt", f"{tmp_path}/other/old/z.txt"]
    assert linted("archive", cwd=tmp_path) == ["archive/new/y.txt"]


def test_a_sub_folder_config_excludes_its_files_when_the_parent_is_linted(tmp_path):
    forms_folder(tmp_path, "a.txt", "sub/s.txt", "sub/drafts/d.txt", "drafts/top.txt")
    (tmp_path / "sub" / ".jxlint.yaml").write_text("exclude: [drafts]\n")
    assert linted(".", cwd=tmp_path) == ["a.txt", "drafts/top.txt", "sub/s.txt"]


def test_files_are_reported_in_one_order_whatever_the_argument_order(tmp_path):
    forms_folder(tmp_path, "b.txt", "a.txt", "sub/c.txt")
    expected = ["a.txt", "b.txt", "sub/c.txt"]
    assert linted("sub", "b.txt", "a.txt", cwd=tmp_path) == expected
    assert linted("a.txt", "sub", "b.txt", "./a.txt", cwd=tmp_path) == expected
