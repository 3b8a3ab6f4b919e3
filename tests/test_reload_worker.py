"""The reload worker: loads a steady copy, keeps a last good copy, runs as its own process."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from fulian_viewer.model.last_good import snapshot_dataset
from fulian_viewer.model.loading import load_report
from fulian_viewer.reload_worker import ReloadOutcome, ReloadRequest, run_job, worker_command
from tests.fixtures.datasets import make_dataset


def test_a_job_loads_the_dataset_under_its_own_path(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path)
    outcome = run_job(ReloadRequest(dataset.folder, "report.txt"))
    assert outcome.result is not None and outcome.result.ok
    assert outcome.result.path == dataset.folder
    assert outcome.result.report == load_report(dataset.folder).report
    assert outcome.digest


def test_a_job_finds_the_report_text_it_was_not_told_of(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path)
    outcome = run_job(ReloadRequest(dataset.folder, None))
    assert outcome.result is not None and outcome.result.ok


def test_a_clean_job_keeps_a_last_good_copy_and_a_broken_one_does_not(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path)
    root = tmp_path / "last-good"
    dataset.set_cell("metrics", "lectures", "value", "abc")
    broken = run_job(ReloadRequest(dataset.folder, "report.txt", root))
    assert broken.result is not None and broken.result.problems
    assert snapshot_dataset(dataset.folder, root) is None
    assert broken.last_good is None
    dataset.set_cell("metrics", "lectures", "value", "66000")
    clean = run_job(ReloadRequest(dataset.folder, "report.txt", root))
    copy = snapshot_dataset(dataset.folder, root)
    assert clean.last_good == copy
    assert copy is not None and load_report(copy).ok


def test_the_request_survives_its_command_line(tmp_path: Path) -> None:
    request = ReloadRequest(tmp_path / "数据", "report.txt", tmp_path / "keep", 512, 4.5)
    assert ReloadRequest.from_json(request.to_json()) == request


def test_the_worker_process_writes_its_outcome(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path)
    response = tmp_path / "outcome.pickle"
    command = worker_command(ReloadRequest(dataset.folder, "report.txt"), response)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(command, capture_output=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr
    outcome = pickle.loads(response.read_bytes())
    assert isinstance(outcome, ReloadOutcome)
    assert outcome.result is not None and outcome.result.ok


def test_the_worker_is_refused_more_memory_than_its_cap(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        return
    script = (
        "from fulian_viewer.reload_worker import limit_resources\n"
        "limit_resources(256, 5)\n"
        "try:\n    b = bytearray(512 * 1024 * 1024)\nexcept MemoryError:\n    print('capped')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout.strip() == "capped"


def test_problems_name_the_datasets_own_files_not_the_copy(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path)
    dataset.path("charts").unlink()
    outcome = run_job(ReloadRequest(dataset.folder, "report.txt"))
    assert outcome.result is not None
    messages = [p.message("en") for p in outcome.result.problems]
    assert any(str(dataset.folder / "charts.csv") in m for m in messages), messages
    assert not any("fulian-reload-" in m for m in messages)
    gone = run_job(ReloadRequest(tmp_path / "gone.xlsx", "report.txt"))
    assert gone.result is not None
    assert gone.result.problems[0].file == str(tmp_path / "gone.xlsx")
