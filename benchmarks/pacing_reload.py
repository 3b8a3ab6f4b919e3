"""Frame pacing while live reload runs: ``benchmarks/pacing.py --reload`` (see its docstring)."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import frame_log, machine
from pacing import ChangeLog, print_intervals

from fulian_viewer.app import build_window, create_application
from fulian_viewer.controllers.live_reload import FileWatcher, LiveReload, ProcessRunner
from fulian_viewer.model.loading import bundled_data_path, load_report
from fulian_viewer.model.settings import Settings

BIG_BYTES = 50 * 1024 * 1024
LIMIT_MS = 120_000.0
BASELINE_MS = 5_000.0


def now() -> float:
    """Milliseconds, for frame times."""
    return time.perf_counter() * 1000


EDIT_SCRIPT = """
import sys, pathlib
folder = pathlib.Path(sys.argv[1])
for name in ("metrics.csv", "report.txt"):
    path = folder / name
    path.write_bytes(path.read_bytes().replace("6.6万场次".encode(), "6.7万场次".encode()))
metrics = folder / "metrics.csv"
metrics.write_bytes(metrics.read_bytes().replace(b",66000,", b",67000,", 1))
"""

BIG_SCRIPT = """
import sys, pathlib
path = pathlib.Path(sys.argv[1]) / "metrics.csv"
size = path.stat().st_size
filler = b"guidance,filler,x,x,1,x,x,1x,\\xe5\\x90\\xa6,\\xe5\\x90\\xa6,x\\r\\n"
with path.open("ab") as file:
    while size < int(sys.argv[2]):
        file.write(filler * 4096)
        size += len(filler) * 4096
"""


GUI_WORK: dict[str, list[float]] = {}


def timed(owner: type, name: str) -> None:
    """Record how long each call of ``owner.name`` (reload's work on the GUI thread) takes."""
    method = getattr(owner, name)

    def wrapper(self: object, *args: object) -> object:
        begun = now()
        try:
            return method(self, *args)
        finally:
            GUI_WORK.setdefault(f"{owner.__name__}.{name}", []).append(now() - begun)

    setattr(owner, name, wrapper)


def measure_reload(width: int, height: int) -> None:
    """Run both reloads in one window and print their frame intervals."""
    for owner, name in (
        (FileWatcher, "look"),
        (FileWatcher, "_on_settle"),
        (FileWatcher, "_on_notified"),
        (ProcessRunner, "start"),
        (ProcessRunner, "_on_finished"),
    ):
        timed(owner, name)
    app = create_application()
    from PySide6.QtCore import QEventLoop
    from PySide6.QtTest import QTest

    folder = Path(tempfile.mkdtemp(prefix="fulian-pacing-")) / "data"
    shutil.copytree(bundled_data_path(), folder)
    window = build_window(load_report(folder), Settings())
    window.resize(width, height)
    window.show()
    deck = window.deck
    QTest.qWaitForWindowExposed(window)
    while not (deck.is_ready and deck.has_painted):
        app.processEvents()

    log = frame_log(window, lambda: deck.transitioning)
    live = LiveReload(deck.controller, folder, ProcessRunner(window), parent=window)
    watcher = FileWatcher(live.watched_files, poll_ms=500, settle_ms=300, parent=window)
    watcher.settled.connect(live.reload)
    watcher.start()
    read: list[float] = []
    shown: list[float] = []
    deck.controller.dataset_staged.connect(lambda: read.append(time.perf_counter() * 1000))
    live.refused.connect(lambda _: read.append(time.perf_counter() * 1000))
    deck.controller.panes_changed.connect(lambda: shown.append(time.perf_counter() * 1000))

    step = itertools.cycle((1, -1))

    def slide_until(stop: Callable[[], bool]) -> tuple[list[float], list[float]]:
        """Slide back and forth until ``stop()``; the intervals during slides, the waits."""
        log.frames.clear()
        logs: list[tuple[Any, ChangeLog]] = []
        while not stop():
            if not deck.transitioning:
                if logs:
                    deck.slide.valueChanged.disconnect(logs[-1][1].tick)
                deck.controller.go(deck.state.index + next(step) if deck.state.index else 1)
                changes = ChangeLog(deck.current_pane)
                deck.current_pane.count_up.animation.valueChanged.connect(changes.tick)
                deck.slide.valueChanged.connect(changes.tick)
                logs.append((deck.current_pane, changes))
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        deck.slide.valueChanged.disconnect(logs[-1][1].tick)
        for pane, changes in logs:
            pane.count_up.animation.valueChanged.disconnect(changes.tick)
        frames = log.frames
        times = [t for t, _ in frames]
        waits = [
            min(t for t in times if t >= c) - c
            for _, changes in logs
            for c in changes.times
            if times and c <= times[-1]
        ]
        return [b[0] - a[0] for a, b in itertools.pairwise(frames) if b[1]], waits

    def print_waits(waits: list[float]) -> None:
        late = sum(1 for w in waits if w > 33.4)
        print(f"  changes shown     {len(waits):4d} ticks   late (> 33 ms): {late}")

    print(machine())
    print(f"frame pacing during live reload at {width}x{height} (ms between frames)")
    started = now()
    slides, waits = slide_until(lambda: now() - started > BASELINE_MS)  # nothing reloaded
    print_intervals("slides, no reload", slides)
    print_waits(waits)
    for name, script, extra in (
        ("one figure edited", EDIT_SCRIPT, []),
        ("50 MB metrics.csv", BIG_SCRIPT, [str(BIG_BYTES)]),
    ):
        read.clear()
        shown.clear()
        started = now()
        writer = subprocess.Popen([sys.executable, "-c", script, str(folder), *extra])
        deadline = started + LIMIT_MS
        slides, waits = slide_until(lambda: bool(read) or now() > deadline)  # noqa: B023
        writer.wait()
        print(f"{name}: read in {(read[0] - started) / 1000 if read else float('nan'):.1f} s")
        print_intervals("slides meanwhile", slides)
        print_waits(waits)
        if live.pending is None:
            continue
        # The desktop shows the edit once its panes are built between animations.
        while deck.transitioning or deck.current_pane.animating:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        while not shown and now() - started < LIMIT_MS:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        log.frames.clear()
        pane = deck.current_pane
        changes = ChangeLog(pane)
        pane.count_up.animation.valueChanged.connect(changes.tick)
        while pane.animating:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        print(f"  shown {(shown[0] - read[0]) / 1000:.1f} s after it was read")
        print_intervals("its count-up", [b[0] - a[0] for a, b in itertools.pairwise(log.frames)])
        frame_times = [t for t, _ in log.frames]
        waits = [
            min(t for t in frame_times if t >= c) - c for c in changes.times if c <= frame_times[-1]
        ]
        print_waits(waits)
    print("reload's own work on the GUI thread (ms per call):")
    for name, values in sorted(GUI_WORK.items()):
        print(f"  {name:28s} {len(values):4d} calls  max {max(values):5.1f}")
    window.close()
    shutil.rmtree(folder.parent, ignore_errors=True)
