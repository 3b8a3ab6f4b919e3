"""Frame pacing while live reload runs: ``benchmarks/pacing.py --reload`` (see its docstring)."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import machine
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
    from PySide6.QtCore import QEvent, QEventLoop, QObject
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

    class FrameLog(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.frames: list[tuple[float, bool]] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.UpdateRequest:
                self.frames.append((time.perf_counter() * 1000, deck.transitioning))
            return False

    log = FrameLog()
    window.installEventFilter(log)
    live = LiveReload(deck.controller, folder, ProcessRunner(window), parent=window)
    watcher = FileWatcher(live.watched_files, poll_ms=500, settle_ms=300, parent=window)
    watcher.settled.connect(live.reload)
    watcher.start()
    read: list[float] = []
    shown: list[float] = []
    deck.controller.dataset_staged.connect(lambda: read.append(time.perf_counter() * 1000))
    live.refused.connect(lambda _: read.append(time.perf_counter() * 1000))
    deck.controller.panes_changed.connect(lambda: shown.append(time.perf_counter() * 1000))

    print(machine())
    print(f"frame pacing during live reload at {width}x{height} (ms between frames)")
    step = itertools.cycle((1, -1))
    started = now()
    while now() - started < BASELINE_MS:  # the same slides with nothing being reloaded
        if not deck.transitioning:
            deck.controller.go(deck.state.index + next(step) if deck.state.index else 1)
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    print_intervals(
        "slides, no reload", [b[0] - a[0] for a, b in itertools.pairwise(log.frames) if b[1]]
    )
    for name, script, extra in (
        ("one figure edited", EDIT_SCRIPT, []),
        ("50 MB metrics.csv", BIG_SCRIPT, [str(BIG_BYTES)]),
    ):
        read.clear()
        shown.clear()
        log.frames.clear()
        started = now()
        writer = subprocess.Popen([sys.executable, "-c", script, str(folder), *extra])
        while not read and now() - started < LIMIT_MS:  # slide on while the worker reads
            if not deck.transitioning:
                deck.controller.go(deck.state.index + next(step) if deck.state.index else 1)
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        writer.wait()
        loading = [b[0] - a[0] for a, b in itertools.pairwise(log.frames) if b[1]]
        print(f"{name}: read in {(read[0] - started) / 1000 if read else float('nan'):.1f} s")
        print_intervals("slides meanwhile", loading)
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
        pane._animation.valueChanged.connect(changes.tick)
        while pane.animating:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        print(f"  shown {(shown[0] - read[0]) / 1000:.1f} s after it was read")
        print_intervals("its count-up", [b[0] - a[0] for a, b in itertools.pairwise(log.frames)])
        frame_times = [t for t, _ in log.frames]
        waits = [
            min(t for t in frame_times if t >= c) - c for c in changes.times if c <= frame_times[-1]
        ]
        late = sum(1 for w in waits if w > 33.4)
        print(f"  changes shown     {len(waits):4d} ticks   late (> 33 ms): {late}")
    print("reload's own work on the GUI thread (ms per call):")
    for name, values in sorted(GUI_WORK.items()):
        print(f"  {name:28s} {len(values):4d} calls  max {max(values):5.1f}")
    window.close()
    shutil.rmtree(folder.parent, ignore_errors=True)
