"""`--executor dask` on a real local Dask cluster (two worker processes): the report is
the serial run's, byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

distributed = pytest.importorskip("distributed")

OTHER = Path(__file__).parent / "other-provinces"


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("dask-corpus")
    shutil.copytree(FIXTURES, root / "seeds")
    shutil.copytree(OTHER, root / "other")
    return root


@pytest.mark.parametrize("output_format", ["json", "sarif", "text", "junit"])
def test_a_dask_cluster_gives_the_serial_report(cluster, corpus, output_format):
    args = [sys.executable, "-m", "linter.cli", "lint", "-q", "--format", output_format, "seeds", "other"]
    serial = subprocess.run([*args, "--jobs", "1"], cwd=corpus, capture_output=True, timeout=600)
    dask = subprocess.run([*args, "--executor", "dask", "--scheduler", cluster.scheduler_address], cwd=corpus,
                          capture_output=True, timeout=600)
    assert dask.returncode == serial.returncode == 1, dask.stderr.decode(errors="replace")[-2000:]
    assert dask.stdout == serial.stdout and len(serial.stdout) > 1000


def test_the_workers_did_the_work(cluster, corpus):
    from distributed import Client

    from linter.runner import LintSpec, lint_chunk_on_worker

    with Client(cluster) as client:
        future = client.submit(lint_chunk_on_worker, LintSpec(), str(corpus), ["seeds/001_ce3da03141c568d9.txt"], pure=False)
        [data] = future.result()
        assert data["path"] == "seeds/001_ce3da03141c568d9.txt" and len(data["forms"]) == 5
        assert client.who_has(future)  # held by a worker, not computed here


def test_scheduler_without_dask_executor_is_a_usage_error(corpus):
    result = subprocess.run([sys.executable, "-m", "linter.cli", "lint", "--scheduler", "tcp://127.0.0.1:1", "seeds"],
                            cwd=corpus, capture_output=True)
    assert result.returncode == 2 and b"--executor dask" in result.stderr
