"""Shared helpers for the benchmarks: the environment they describe and simple statistics."""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


def machine() -> str:
    """One line naming the machine, Python and Qt, as docs/performance.md records them."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6

    return (
        f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}"
    )


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def summary(values: list[float]) -> str:
    """Mean, p99 and max of a list of milliseconds."""
    return (
        f"mean {statistics.fmean(values):6.2f}  p99 {percentile(values, 0.99):6.2f}  "
        f"max {max(values):6.2f} ms"
    )


def cpu_steal() -> Callable[[], float]:
    """Start measuring steal; the returned function gives the percentage of CPU time since.

    In a virtual machine, steal is time the host gave to other guests: frames timed
    meanwhile take longer for reasons outside this process (Linux; 0 elsewhere).
    """

    def sample() -> tuple[int, int]:
        try:
            fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        except (OSError, ValueError):
            return 0, 0
        return (fields[7] if len(fields) > 7 else 0), sum(fields[:8])

    steal_before, total_before = sample()

    def since() -> float:
        steal, total = sample()
        return 100 * (steal - steal_before) / max(1, total - total_before)

    return since


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MB (Linux; zeros elsewhere)."""
    current = peak = 0.0
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    except OSError:
        pass
    return current, peak


def python() -> str:
    """The interpreter running the benchmark (the project's environment)."""
    return sys.executable


def subprocess_env(bytecode: bool = True) -> dict[str, str]:
    """The environment for measured subprocesses: offscreen, and with cached bytecode.

    An installed app runs from compiled bytecode (pip compiles on install, PyInstaller
    bundles it), but this environment sets ``PYTHONDONTWRITEBYTECODE`` and uv does not
    compile on install, so every import would be compiled from source on every run.
    With ``bytecode`` the subprocesses cache it under the temporary folder instead.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "fulian-bench-pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def frame_log(window: Any, sliding: Callable[[], bool]) -> Any:
    """An event filter, installed on ``window``, whose ``frames`` lists each repaint.

    Each entry is (milliseconds, whether ``sliding()`` was true then): every
    ``UpdateRequest``, when Qt paints the dirty widgets and flushes them.
    """
    from PySide6.QtCore import QEvent, QObject

    class FrameLog(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.frames: list[tuple[float, bool]] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.UpdateRequest:
                self.frames.append((time.perf_counter() * 1000, sliding()))
            return False

    log = FrameLog()
    window.installEventFilter(log)
    return log
