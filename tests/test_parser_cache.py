"""The parser tables cache: private, checked, never in a shared temporary folder.

Each case runs `jxlint parse` in a fresh interpreter, so the parser is loaded
from (or saved to) the cache exactly as a user's run does it.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from linter.digest import hasher

FORM = Path(__file__).parent.parent / "examples" / "forms" / "mixed-layouts.txt"


def _run(env_extra: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JXLINT_")}
    env.update(TMPDIR=str(tmp_path / "tmp"), **env_extra)
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "linter.cli", "parse", str(FORM)],
        capture_output=True, text=True, env=env, timeout=60,
    )


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("parser-*.lark"))


def test_tables_are_saved_privately_and_nothing_goes_to_tmp(tmp_path):
    cache = tmp_path / "cache"
    result = _run({"JXLINT_CACHE_DIR": str(cache)}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert os.stat(cache).st_mode & 0o777 == 0o700
    [saved] = _cache_files(cache)
    assert saved.stat().st_mode & 0o077 == 0
    assert list((tmp_path / "tmp").iterdir()) == []
    again = _run({"JXLINT_CACHE_DIR": str(cache)}, tmp_path)
    assert again.stdout == result.stdout


def _planted_pickle(marker: Path) -> bytes:
    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    payload = pickle.dumps(Exploit())
    return hasher(payload).digest() + payload  # a valid digest: only ownership and mode can refuse it


def _cache_name(tmp_path: Path) -> str:
    cache = tmp_path / "probe"
    _run({"JXLINT_CACHE_DIR": str(cache)}, tmp_path)
    [saved] = _cache_files(cache)
    return saved.name


def test_a_planted_file_in_a_group_writable_place_is_never_loaded(tmp_path):
    name = _cache_name(tmp_path)
    marker = tmp_path / "ran"
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    (shared / name).write_bytes(_planted_pickle(marker))
    result = _run({"JXLINT_CACHE_DIR": str(shared)}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert (shared / name).read_bytes() == _planted_pickle(marker)  # untouched: folder not trusted


def test_a_planted_file_writable_by_others_is_never_loaded(tmp_path):
    name = _cache_name(tmp_path)
    marker = tmp_path / "ran"
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    planted = cache / name
    planted.write_bytes(_planted_pickle(marker))
    os.chmod(planted, 0o666)
    result = _run({"JXLINT_CACHE_DIR": str(cache)}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()


def test_a_symlink_in_the_cache_is_not_followed_and_its_target_not_overwritten(tmp_path):
    name = _cache_name(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (cache / name).symlink_to(victim)
    result = _run({"JXLINT_CACHE_DIR": str(cache)}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "precious"
    assert not (cache / name).is_symlink()  # replaced by a regular file, the link itself


def test_a_damaged_cache_file_is_rebuilt(tmp_path):
    name = _cache_name(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    (cache / name).write_bytes(b"\0" * 100)
    os.chmod(cache / name, 0o600)
    first = _run({"JXLINT_CACHE_DIR": str(cache)}, tmp_path)
    assert first.returncode == 0, first.stderr
    assert (cache / name).stat().st_size > 1000


def test_a_cache_folder_that_is_a_symlink_is_not_used(tmp_path):
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    result = _run({"JXLINT_CACHE_DIR": str(link)}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert _cache_files(real) == []


def test_no_parser_cache_writes_nothing(tmp_path):
    cache = tmp_path / "cache"
    result = _run({"JXLINT_CACHE_DIR": str(cache), "JXLINT_NO_PARSER_CACHE": "1"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert not cache.exists()
