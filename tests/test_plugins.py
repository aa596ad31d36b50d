"""Plugins: the worked example installs and runs; broken plugins are named and isolated."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "jxlint-example-plugin"
SEED_001 = ROOT / "tests" / "fixtures" / "001_ce3da03141c568d9.txt"


def jxlint(*args: str, site: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if site is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH", "")]))
    return subprocess.run([sys.executable, "-m", "linter.cli", *args], capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("example-site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--target", str(site), str(EXAMPLE)],
        check=True,
    )
    return site


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory) -> Path:
    """Three plugins in one throwaway distribution: one fails to import, one declares an
    unknown hook, one has a rule that crashes."""
    site = tmp_path_factory.mktemp("broken-site")
    (site / "broken_import_plugin.py").write_text("raise ImportError('needs a package that is not installed')\n")
    (site / "unknown_hook_plugin.py").write_text(textwrap.dedent("""
        import pluggy
        hookimpl = pluggy.HookimplMarker("jxlint")

        @hookimpl
        def jxlint_rulez():
            return []
    """))
    (site / "crash_plugin.py").write_text(textwrap.dedent('''
        """Crashes on purpose.

        ## What it checks
        Nothing. ## Why it matters
        ## Why it matters
        Tests. ## Failing example
        ## Failing example
        any ## Passing example
        ## Passing example
        none
        ## Source
        tests
        """
        import sys
        import pluggy
        hookimpl = pluggy.HookimplMarker("jxlint")
        CODE = "CR001"
        NAME = "always-crashes"
        SEVERITY = "warning"
        MESSAGES = {"zh": {"x": "x"}, "en": {"x": "x"}}

        def check(form, options):
            raise ZeroDivisionError("on purpose")
            yield

        @hookimpl
        def jxlint_rules():
            return [sys.modules[__name__]]
    '''))
    dist = site / "fake_plugins-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-plugins\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[jxlint]\nBR = broken_import_plugin\nUH = unknown_hook_plugin\nCR = crash_plugin\n")
    return site


def test_example_plugin_rule_runs_after_pip_install(example_site):
    rules = jxlint("rules", site=example_site)
    [line] = [line for line in rules.stdout.splitlines() if line.startswith("XM001")]
    assert line.split() == ["XM001", "target-cannot-fail", "warning", "targets", "warning"]
    result = jxlint("lint", str(SEED_001), "--select", "XM001", site=example_site)
    assert result.returncode == 0, result.stderr  # a warning does not fail the run
    assert "XM001 [target-cannot-fail] 年度指标值「≥0.00(个)」任何结果都能达到" in result.stdout
    assert ":286:10:" in result.stdout
    assert jxlint("lint", str(SEED_001), "--select", "XM001", "--strict", site=example_site).returncode == 1


def test_example_plugin_formatter(example_site):
    result = jxlint("lint", str(SEED_001), "--select", "XM", "--format", "csv", site=example_site)
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("path,line,column,form,project,code")
    assert "XM001" in lines[1] and "信息化项目建设" in lines[1]


def test_explain_works_for_plugin_rules(example_site):
    result = jxlint("explain", "XM001", site=example_site)
    assert "## What it checks" in result.stdout and "minimum" in result.stdout


def test_broken_plugins_are_named_and_the_others_still_run(broken_site, example_site):
    site = Path(os.pathsep.join([str(broken_site), str(example_site)]))
    result = jxlint("lint", str(SEED_001), "--select", "XM001,CR001", site=site)
    assert "BR" in result.stderr and "needs a package that is not installed" in result.stderr
    assert "UH" in result.stderr and "jxlint_rulez" in result.stderr
    assert "XM001" in result.stdout  # the good plugin still ran
    assert result.returncode == 3  # CR001 crashed: an internal error
    assert "规则 CR001 always-crashes 内部出错" in result.stdout and "ZeroDivisionError" in result.stdout


def test_no_plugin_can_be_named_in_a_config_file(tmp_path):
    (tmp_path / ".jxlint.yaml").write_text("plugins: [./evil.py]\n")
    result = jxlint("lint", str(SEED_001), "--config", str(tmp_path / ".jxlint.yaml"))
    assert result.returncode == 2 and "未知的配置项「plugins」" in result.stderr


# Plugins only from what the user installed (issue 12, item 8) ------------------------------


def plant_plugin(folder: Path, marker: Path) -> None:
    """A distribution whose entry point, if loaded, writes `marker`: proof that code ran."""
    (folder / "planted_plugin.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n")
    dist = folder / "planted-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: planted\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[jxlint]\nPL = planted_plugin\n")


def run_in(cwd: Path, *args: str, pythonpath: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [pythonpath, str(ROOT)])))
    return subprocess.run([sys.executable, "-m", "linter.cli", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=30)


@pytest.mark.parametrize("pythonpath", ["", "."])
def test_a_distribution_in_the_current_folder_is_not_loaded(tmp_path, pythonpath):
    marker = tmp_path / "ran"
    plant_plugin(tmp_path, marker)
    lint = run_in(tmp_path, "lint", str(SEED_001), pythonpath=pythonpath)
    assert lint.returncode == 0 and not marker.exists()
    version = run_in(tmp_path, "--version", "-v", pythonpath=pythonpath)
    assert "planted 1.0: ignored" in version.stdout and not marker.exists()


def test_a_distribution_in_a_configuration_folder_is_not_loaded(tmp_path):
    marker = tmp_path / "ran"
    plant_plugin(tmp_path, marker)
    (tmp_path / ".jxlint.yaml").write_text("rules: {}\n")
    (tmp_path / "sub").mkdir()
    result = run_in(tmp_path / "sub", "lint", str(SEED_001), pythonpath=str(tmp_path))
    assert result.returncode == 0 and not marker.exists()


def test_version_verbose_lists_the_plugins_loaded(example_site):
    result = jxlint("--version", "-v", site=example_site)
    assert result.stdout.splitlines()[0] == "jxlint, version 0.1.0"
    assert "plugins: 1 loaded:" in result.stdout and "XM = jxlint_example_plugin" in result.stdout


def test_plugins_can_be_disabled(example_site):
    for args, env in ((["--no-plugins"], {}), ([], {"JXLINT_DISABLE_PLUGINS": "1"})):
        site_env = dict(os.environ, PYTHONPATH=str(example_site), **env)
        result = subprocess.run([sys.executable, "-m", "linter.cli", "rules", *args], capture_output=True, text=True,
                                env=site_env, cwd=ROOT, timeout=30)
        assert result.returncode == 0 and "XM001" not in result.stdout and "JX105" in result.stdout
        lint = subprocess.run([sys.executable, "-m", "linter.cli", "lint", str(SEED_001), "--select", "XM001", *args],
                              capture_output=True, text=True, env=site_env, cwd=ROOT, timeout=30)
        assert lint.returncode == 2 and "XM001" in lint.stderr  # an unknown selector without the plugin
    disabled = subprocess.run([sys.executable, "-m", "linter.cli", "--version", "-v"], capture_output=True, text=True,
                              env=dict(os.environ, PYTHONPATH=str(example_site), JXLINT_DISABLE_PLUGINS="1"), cwd=ROOT, timeout=30)
    assert "plugins: disabled" in disabled.stdout
