"""Frame pacing: when frames are painted while a slide to the next pane runs.

Shows the viewer's window (1920x1080 by default), waits until every pane is
built, then moves to each next pane in turn, so a slide runs while the new
pane's counters and charts count up. A frame log (an event filter on the window)
records the time of every repaint of the window (each ``UpdateRequest``: Qt
paints the dirty widgets and flushes them) until the count-up ends. Prints the
intervals between frames during the slides and during the count-ups: mean, p99,
max, the share of frames 16-17 ms apart and how many gaps exceed 33 ms.

What the figure means: offscreen (the default here) there is no display and no
vertical sync, so nothing waits for a screen refresh. Qt's animation timer asks
for a frame about every 16 ms, and a frame whose painting takes longer delays
the next one; gaps over 33 ms mean the viewer itself could not keep up (a
dropped frame on a 60 Hz screen). Intervals shorter than 16 ms are extra
repaints between animation ticks (for instance pyqtgraph's own queued updates),
not faster animation. On a real screen run it with QT_QPA_PLATFORM=xcb (or
wayland, windows) to see the pacing the display gives.

    uv run python benchmarks/pacing.py [--size 1920x1080]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time

from _common import machine, percentile

from fulian_viewer.app import build_window, create_application
from fulian_viewer.model.loading import load_report
from fulian_viewer.model.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    app = create_application()
    from PySide6.QtCore import QEvent, QEventLoop, QObject
    from PySide6.QtTest import QTest

    class FrameLog(QObject):
        """Records the time of every repaint of a window, and whether a slide was running."""

        def __init__(self) -> None:
            super().__init__()
            self.frames: list[tuple[float, bool]] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.UpdateRequest:
                self.frames.append((time.perf_counter() * 1000, window.deck.transitioning))
            return False

    settings = Settings()
    window = build_window(load_report(), settings)
    window.resize(width, height)
    window.show()
    deck = window.deck
    QTest.qWaitForWindowExposed(window)
    while not (getattr(deck, "is_ready", True) and getattr(deck, "has_painted", True)):
        app.processEvents()
    log = FrameLog()
    window.installEventFilter(log)
    sliding: list[float] = []
    counting: list[float] = []
    for _ in range(deck.state.count - 1):
        log.frames.clear()
        deck.next()
        while deck.transitioning or deck.current_pane.animating:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        times = log.frames
        for (before, _), (after, slide) in itertools.pairwise(times):
            (sliding if slide else counting).append(after - before)
    print(machine())
    print(f"frame pacing at {width}x{height}, {deck.state.count - 1} slides (ms between frames)")
    for name, values in (("during slides", sliding), ("during count-ups", counting)):
        if not values:
            continue
        paced = sum(1 for v in values if 15.5 <= v <= 17.5) / len(values)
        gaps = sum(1 for v in values if v > 33.4)
        print(
            f"  {name:17s} {len(values):4d} frames  mean {statistics.fmean(values):5.1f}  "
            f"p99 {percentile(values, 0.99):5.1f}  max {max(values):5.1f}  "
            f"16-17 ms: {paced:4.0%}  gaps > 33 ms: {gaps}"
        )
    window.close()


if __name__ == "__main__":
    main()
