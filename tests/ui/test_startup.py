"""Start-up: the benchmark hooks that report the first painted frame and readiness."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

from fulian_viewer.timing import ms_since_start
from fulian_viewer.ui.startup_probe import StartupProbe
from tests.fixtures.processes import private_env


def test_process_clock_counts_from_the_process_start() -> None:
    elapsed = ms_since_start()
    assert 0 < elapsed < 24 * 3600 * 1000
    assert ms_since_start() >= elapsed


def test_probe_reports_the_first_painted_frame_then_quits(make_window, qtbot) -> None:
    window = make_window(show=False)
    stream, quits = io.StringIO(), []
    StartupProbe(window.deck, until_ready=False, stream=stream, quit=lambda: quits.append(1))
    assert not window.deck.has_painted
    window.show()
    qtbot.waitUntil(lambda: bool(quits))
    assert window.deck.has_painted
    assert re.fullmatch(r"first-paint-ms=[0-9.]+\n", stream.getvalue())


def test_probe_reports_readiness_after_the_first_frame(make_window, qtbot) -> None:
    window = make_window(show=False)
    stream, quits = io.StringIO(), []
    probe = StartupProbe(window.deck, until_ready=True, stream=stream, quit=lambda: quits.append(1))
    window.show()
    qtbot.waitUntil(lambda: bool(quits))
    assert window.deck.is_ready
    assert probe.first_paint_ms is not None and probe.ready_ms is not None
    assert probe.first_paint_ms <= probe.ready_ms
    assert quits == [1]
    assert re.fullmatch(r"first-paint-ms=[0-9.]+\nready-ms=[0-9.]+\n", stream.getvalue())


def test_viewer_quits_when_ready_and_says_when() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "fulian_viewer", "--quit-when-ready"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    first = float(re.search(r"first-paint-ms=([0-9.]+)", completed.stderr)[1])  # type: ignore[index]
    ready = float(re.search(r"ready-ms=([0-9.]+)", completed.stderr)[1])  # type: ignore[index]
    assert 0 < first <= ready


KEPT_OFF_THE_FIRST_FRAME = (
    "pyqtgraph",  # the charts: built after the cover has painted
    "numpy",
    "openpyxl",  # workbooks: only when the data is one
    "importlib.metadata",  # the licence folder of an installed copy: only for --licences
    "subprocess",  # ctypes.util.find_library would run ldconfig for glibc's mallopt
    "fulian_viewer.ui.presenter.session",  # the console: when it first opens
    "hashlib",
)


def test_the_first_frame_imports_only_what_it_needs(tmp_path) -> None:
    """What the command imports before it quits at its first painted frame (``-X importtime``)."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "fulian_viewer", "--quit-after-first-paint"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=private_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    imported = set(re.findall(r"^import time:\s*\d+ \|\s*\d+ \|\s*(\S+)", completed.stderr, re.M))
    assert "PySide6.QtWidgets" in imported and "fulian_viewer.app" in imported, "the log was read"
    assert not imported & set(KEPT_OFF_THE_FIRST_FRAME), sorted(
        imported & set(KEPT_OFF_THE_FIRST_FRAME)
    )
