"""The plugin index (linter/plugin_index.py): plugins found from a cached index that a
changed environment invalidates."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from linter import plugin_index

ROOT = Path(__file__).resolve().parent.parent


def _plugin(site: Path, distribution: str, code: str) -> None:
    module = f"{distribution}_rules"
    (site / f"{module}.py").write_text(textwrap.dedent(f'''
        import pluggy
        hookimpl = pluggy.HookimplMarker("jxlint")

        @hookimpl
        def jxlint_messages():
            return {{"zh": {{"{code}.x": "x"}}, "en": {{"{code}.x": "x"}}}}
    '''))
    info = site / f"{distribution}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {distribution}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[jxlint]\n{code} = {module}\n")


def _plugins(site: Path, cache: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(site), "JXLINT_CACHE_DIR": str(cache)}
    env.pop("JXLINT_DISABLE_PLUGINS", None)
    result = subprocess.run([sys.executable, "-m", "linter.cli", "--version", "-v"], capture_output=True, text=True,
                            env=env, cwd=ROOT / "tests")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_an_installed_plugin_is_found_through_the_index_and_a_new_one_after_install(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    _plugin(site, "first_plugin", "FA")
    out = _plugins(site, cache)
    assert "FA = first_plugin_rules  (first_plugin 1.0)" in out
    assert len(list(cache.glob("plugins-*.json"))) == 1
    _plugin(site, "second_plugin", "SB")  # installing changes the environment's key
    out = _plugins(site, cache)
    assert "FA = first_plugin_rules" in out and "SB = second_plugin_rules  (second_plugin 1.0)" in out
    assert len(list(cache.glob("plugins-*.json"))) == 2


def test_a_damaged_index_is_scanned_again(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    _plugin(site, "third_plugin", "TC")
    _plugins(site, cache)
    [index] = cache.glob("plugins-*.json")
    index.write_bytes(index.read_bytes()[:-5] + b"junk!")  # the digest no longer matches
    assert "TC = third_plugin_rules" in _plugins(site, cache)


def test_entry_point_values_load_as_importlib_metadata_loads_them():
    assert plugin_index.load("os.path:join") is os.path.join
    assert plugin_index.load("os.path") is os.path
    assert plugin_index.load("os.path : join [extra]") is os.path.join
    for bad in ("", "os path", "os:", "a-b:c"):
        try:
            plugin_index.load(bad)
        except (ValueError, ImportError):
            continue
        raise AssertionError(bad)


def test_only_the_most_recent_indexes_are_kept(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    monkeypatch.setenv("JXLINT_CACHE_DIR", str(cache))
    for number in range(plugin_index.KEEP + 5):
        old = cache / f"plugins-{number:032d}.json"
        old.write_text("[]")
        os.utime(old, ns=(number * 10**9, number * 10**9))
    plugin_index.indexed()  # this environment's index is new: written, and the oldest forgotten
    left = sorted(cache.glob("plugins-*.json"))
    assert len(left) == plugin_index.KEEP
    assert cache / f"plugins-{0:032d}.json" not in left and cache / f"plugins-{plugin_index.KEEP + 4:032d}.json" in left
