"""The result cache (.jxlint_cache): hits, misses on content and configuration, corrupt
entries, a folder that cannot be written, and nothing written but the cache."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linter.cache import ResultCache
from linter.engine import Linter
from linter.packed import pack, tally, unpack
from linter.results_codec import decode, encode
from tests.conftest import FIXTURES, SEEDS


def _jxlint(cwd: Path, *args: str, env: dict | None = None, input: bytes | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("JXLINT_NO_CACHE", "JXLINT_RESULT_CACHE_DIR")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "linter.cli", *args], cwd=cwd, capture_output=True, env=environment,
                          input=input, timeout=600)


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / "v2").glob("*/*.bin"))


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES, root / "forms")
    (root / ".jxlint.yaml").write_text("{}\n", encoding="utf-8")
    return root


def test_second_run_reads_every_result_from_the_cache(project):
    first = _jxlint(project, "lint", "-q", "--jobs", "1", "--format", "json", "forms")
    entries = _entries(project / ".jxlint_cache")
    assert len(entries) == 3
    assert (project / ".jxlint_cache" / "CACHEDIR.TAG").is_file()
    second = _jxlint(project, "lint", "-q", "--jobs", "2", "--format", "json", "forms")
    assert first.stdout == second.stdout and first.returncode == second.returncode == 1
    # The entry is what is read: a message changed in it shows in the next report.
    for entry in entries:
        packed = unpack(entry.read_bytes())
        assert set(packed.fragments) == {"json"}  # the report text of the format it was written under
        for diagnostic in packed.diagnostics:
            diagnostic.message = "FROM-CACHE"
        entry.write_bytes(pack(packed, {"text": ("FROM-FRAGMENT\n",)}))
    third = json.loads(_jxlint(project, "lint", "-q", "--format", "json", "forms").stdout)
    assert {d["message"] for d in third["diagnostics"]} == {"FROM-CACHE"}
    # A format's rendered text is written as it is, by that format only.
    text = _jxlint(project, "lint", "-q", "--format", "text", "forms").stdout.decode()
    assert text.startswith("FROM-FRAGMENT\nFROM-FRAGMENT\nFROM-FRAGMENT\n")
    sarif = _jxlint(project, "lint", "-q", "--format", "sarif", "forms").stdout.decode()
    assert "FROM-CACHE" in sarif and "FROM-FRAGMENT" not in sarif
    # --no-cache neither reads nor writes.
    fresh = _jxlint(project, "lint", "-q", "--no-cache", "--format", "json", "forms")
    assert fresh.stdout == first.stdout


def test_a_changed_file_or_configuration_is_linted_again(project):
    _jxlint(project, "lint", "-q", "forms")
    assert len(_entries(project / ".jxlint_cache")) == 3
    seed = project / "forms" / SEEDS["004"].name
    data = seed.read_bytes()
    assert "协管员".encode() in data
    seed.write_bytes(data.replace("协管员".encode(), "巡逻员".encode()))
    changed = _jxlint(project, "lint", "-q", "--format", "json", "forms")
    assert len(_entries(project / ".jxlint_cache")) == 4
    assert changed.stdout == _jxlint(project, "lint", "-q", "--no-cache", "--format", "json", "forms").stdout
    (project / ".jxlint.yaml").write_text("ignore: [JX105]\n", encoding="utf-8")
    ignored = json.loads(_jxlint(project, "lint", "-q", "--format", "json", "forms").stdout)
    assert len(_entries(project / ".jxlint_cache")) == 7
    assert "JX105" not in {d["code"] for d in ignored["diagnostics"]}
    english = json.loads(_jxlint(project, "lint", "-q", "--lang", "en", "--format", "json", "forms").stdout)
    assert len(_entries(project / ".jxlint_cache")) == 10
    assert all(not any("\u4e00" <= c <= "\u9fff" for c in d["message"][:3]) for d in english["diagnostics"] if d["code"] == "JX101")


@pytest.mark.parametrize("damage", [
    b"", b"{not json", b'{"v": 1}', b'{"v": 1, "path": 3, "encoding": null}', b"\xff\xfe", b"[]",
    b'{"v": 1, "path": "a", "encoding": null, "config": null, "forms": [], "lines": [],'
    b' "diagnostics": [["a", null, "JX1", "n", "fatal", "m", null, null, null, null, null, null, 1, 1, 1, 1, []]]}',
])
def test_a_corrupt_entry_is_ignored_and_written_again(project, damage):
    first = _jxlint(project, "lint", "-q", "--format", "sarif", "forms")
    for entry in _entries(project / ".jxlint_cache"):
        entry.write_bytes(damage)
    again = _jxlint(project, "lint", "-q", "--format", "sarif", "forms")
    assert again.stdout == first.stdout and again.stderr == b""
    for entry in _entries(project / ".jxlint_cache"):
        unpack(entry.read_bytes()).diagnostics  # rewritten whole


def test_an_entry_damaged_after_its_header_is_refused_whole(project):
    first = _jxlint(project, "lint", "-q", "--format", "json", "forms")
    for entry in _entries(project / ".jxlint_cache"):
        data = bytearray(entry.read_bytes())
        data[-2] ^= 0x01  # a byte of the rendered text: the header's digest no longer matches
        entry.write_bytes(bytes(data))
        with pytest.raises(ValueError):
            unpack(bytes(data))
    again = _jxlint(project, "lint", "-q", "--format", "json", "forms")
    assert again.stdout == first.stdout and again.stderr == b""
    for entry in _entries(project / ".jxlint_cache"):
        unpack(entry.read_bytes())  # rewritten whole


def test_a_cache_folder_that_cannot_be_written_still_lints(project):
    expected = _jxlint(project, "lint", "-q", "--no-cache", "--format", "json", "forms")
    blocker = project / "not-a-folder"
    blocker.write_text("a file where the cache folder would be\n", encoding="utf-8")
    result = _jxlint(project, "lint", "-q", "--cache-dir", str(blocker / "cache"), "--format", "json", "forms")
    assert result.stdout == expected.stdout and result.returncode == 1 and result.stderr == b""
    if os.geteuid() != 0:  # root writes through permissions
        locked = project / "locked"
        locked.mkdir(mode=0o500)
        result = _jxlint(project, "lint", "-q", "--cache-dir", str(locked), "--format", "json", "forms")
        assert result.stdout == expected.stdout


def test_lint_writes_nothing_but_the_cache_and_standard_input_not_even_that(project):
    before = {path for path in project.rglob("*")}
    data = SEEDS["003"].read_bytes()
    piped = _jxlint(project, "lint", "-q", "-", "--stdin-filename", "forms/piped.txt", input=data)
    assert piped.returncode == 1
    assert {path for path in project.rglob("*")} == before  # standard input: no cache folder at all
    _jxlint(project, "lint", "-q", "--format", "junit", "forms")
    added = {path for path in project.rglob("*")} - before
    assert added and all(project / ".jxlint_cache" in path.parents or path == project / ".jxlint_cache" for path in added)
    assert (project / ".jxlint_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_the_environment_names_the_folder_and_turns_it_off(project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    _jxlint(project, "lint", "-q", "forms", env={"JXLINT_RESULT_CACHE_DIR": str(elsewhere)})
    assert len(_entries(elsewhere)) == 3 and not (project / ".jxlint_cache").exists()
    _jxlint(project, "lint", "-q", "forms", env={"JXLINT_NO_CACHE": "1"})
    assert not (project / ".jxlint_cache").exists()


def test_the_folder_is_trimmed_to_its_size_bound(tmp_path):
    cache = ResultCache(tmp_path / "cache")
    linter = Linter()
    result = linter.lint_path(SEEDS["004"])
    for number in range(20):
        cache.put(ResultCache.key(str(number)), result)
    size = sum(path.stat().st_size for path in _entries(tmp_path / "cache"))
    removed = cache.trim(limit=size // 2)
    left = _entries(tmp_path / "cache")
    assert removed >= 10 and len(left) == 20 - removed
    assert sum(path.stat().st_size for path in left) <= size // 2 * 0.8
    assert cache.trim(limit=size) == 0


def test_a_result_survives_the_exchange_form_whole():
    linter = Linter()
    for path in [*SEEDS.values(), *sorted((Path(__file__).parent / "other-provinces").glob("*.txt"))]:
        result = linter.lint_path(path)
        assert decode(json.loads(json.dumps(encode(result), ensure_ascii=False))) == result
        packed = unpack(pack(result))
        assert packed.tally == tally(result) and packed.findings == len(result.diagnostics)
        assert packed == result and result == packed


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_a_baseline_waives_cached_findings_as_fresh_ones(project, tmp_path, output_format):
    """A cached result's rendered report text and tally are dropped when a waiver
    removes any of its findings: the report is the one an uncached run writes."""
    baseline = tmp_path / "baseline.yaml"
    _jxlint(project, "lint", "-q", "--no-cache", "--write-baseline", str(baseline), "forms/" + SEEDS["004"].name)
    args = ("lint", "-q", "--baseline", str(baseline), "--format", output_format, "forms")
    expected = _jxlint(project, *args, "--no-cache")
    assert b"waived" in expected.stdout or output_format == "text"
    for jobs in ("1", "2", "1"):  # written, then read (in this process and beside workers)
        again = _jxlint(project, *args, "--jobs", jobs)
        assert again.stdout == expected.stdout and again.returncode == expected.returncode
    assert len(_entries(project / ".jxlint_cache")) == 3


def test_a_packed_result_drops_its_rendered_text_and_tally_when_its_findings_change():
    from linter.report.stream import JsonWriter, TextWriter, Totals

    result = Linter().lint_path(SEEDS["004"])
    fragments = {"json": JsonWriter.render(result, "zh"), "text": TextWriter.render(result, "zh")}
    packed = unpack(pack(result, fragments))
    assert packed.fragments == fragments and packed.forms == result.forms and packed == result
    kept = packed.diagnostics[1:]
    packed.diagnostics = kept
    assert packed.fragments == {} and packed.tally is None and packed.findings == len(kept)
    totals = Totals()
    totals.add(packed)
    assert sum(totals.counts.values()) == len(kept)


def test_chunks_shrink_to_single_files_at_the_end_of_a_run():
    from linter.runner import chunk_size

    assert chunk_size(10_000, 2) == 32 and chunk_size(288, 2) == 18
    assert chunk_size(15, 2) == 1 and chunk_size(0, 2) == 1
