"""Frame pacing: when frames are painted while a slide to the next pane runs.

Shows the viewer's window (1920x1080 by default), waits until every pane is
built, then moves to each next pane in turn, so a slide runs while the new
pane's counters and charts count up. A frame log (an event filter on the window)
records the time of every repaint of the window (each ``UpdateRequest``: Qt
paints the dirty widgets and flushes them) until the count-up ends. Prints the
intervals between frames during the slides and during the count-ups: mean, p99,
max, the share of frames 16-17 ms apart and how many gaps exceed 33 ms.

Near the end of an eased count-up no figure may change for a while, so nothing is
repainted and the interval between frames grows without any frame being missed.
So the log also notes every animation tick after which something on screen
changed (a counter's text, a chart's bars, rings or figures, the slide's
position), and prints how long each such change waited for its frame: a change
shown more than 33 ms after its tick is a late frame.

What the figure means: offscreen (the default here) there is no display and no
vertical sync, so nothing waits for a screen refresh. Qt's animation timer asks
for a frame about every 16 ms, and a frame whose painting takes longer delays
the next one; gaps over 33 ms mean the viewer itself could not keep up (a
dropped frame on a 60 Hz screen). Intervals shorter than 16 ms are extra
repaints between animation ticks (for instance pyqtgraph's own queued updates),
not faster animation. On a real screen run it with QT_QPA_PLATFORM=xcb (or
wayland, windows) to see the pacing the display gives.

    uv run python benchmarks/pacing.py [--size 1920x1080] [--reload]

With ``--reload`` it measures live reload instead: the window shows a copy of
the bundled data and keeps sliding between panes while the copy is edited (one
figure changed, as staff would) and then while a 50 MB ``metrics.csv`` arrives
(written by another process, as a copy over the network would). The watcher,
the worker process and the swap run as in the viewer. For each it prints the
intervals between frames during slides from the edit until a second after the
reload ended, the late changes, how long the reload took, and the longest
interval around the swap itself (the new current pane is built then).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from typing import Any

from _common import frame_log, machine, percentile

from fulian_viewer.app import build_window, create_application
from fulian_viewer.model.loading import load_report
from fulian_viewer.model.settings import Settings


class ChangeLog:
    """The times of the animation ticks after which a pane showed something new."""

    def __init__(self, pane: Any) -> None:
        self.pane = pane
        self.times: list[float] = []
        self._shown: object = None

    def tick(self, _: object) -> None:
        """Note the time if the pane's figures or position changed at this tick."""
        state = on_screen(self.pane)
        if state != self._shown:
            self._shown = state
            self.times.append(time.perf_counter() * 1000)


def on_screen(pane: Any) -> tuple[object, ...]:
    """What a pane shows that its count-up changes, and where it is."""
    counters = tuple(counter.shown_text for counter in pane.counters)
    charts = tuple(
        (
            tuple(chart.layer.figures),
            repr(getattr(chart.layer, "lengths", None)),
            repr(getattr(chart.layer, "fractions", None)),
        )
        for chart in pane.charts
    )
    return (pane.pos().x(), counters, charts)


def print_intervals(name: str, values: list[float]) -> None:
    """One line: how many frames, mean, p99, max, the share 16-17 ms apart, gaps over 33 ms."""
    if not values:
        print(f"  {name:17s} no frames")
        return
    paced = sum(1 for v in values if 15.5 <= v <= 17.5) / len(values)
    gaps = sum(1 for v in values if v > 33.4)
    print(
        f"  {name:17s} {len(values):4d} frames  mean {statistics.fmean(values):5.1f}  "
        f"p99 {percentile(values, 0.99):5.1f}  max {max(values):5.1f}  "
        f"16-17 ms: {paced:4.0%}  gaps > 33 ms: {gaps}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--reload", action="store_true", help="measure live reload instead")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    if args.reload:
        from pacing_reload import measure_reload

        measure_reload(width, height)
        return
    app = create_application()
    from PySide6.QtCore import QEventLoop
    from PySide6.QtTest import QTest

    settings = Settings()
    window = build_window(load_report(), settings)
    window.resize(width, height)
    window.show()
    deck = window.deck
    QTest.qWaitForWindowExposed(window)
    while not (getattr(deck, "is_ready", True) and getattr(deck, "has_painted", True)):
        app.processEvents()
    log = frame_log(window, lambda: deck.transitioning)
    sliding: list[float] = []
    counting: list[float] = []
    waits: list[float] = []
    for _ in range(deck.state.count - 1):
        log.frames.clear()
        deck.controller.next()
        pane = deck.current_pane
        changes = ChangeLog(pane)
        pane.count_up.animation.valueChanged.connect(changes.tick)  # after the pane's own slot
        deck.slide.valueChanged.connect(changes.tick)
        while deck.transitioning or pane.animating:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        pane.count_up.animation.valueChanged.disconnect(changes.tick)
        deck.slide.valueChanged.disconnect(changes.tick)
        times = log.frames
        for (before, _), (after, slide) in itertools.pairwise(times):
            (sliding if slide else counting).append(after - before)
        frame_times = [t for t, _ in times]
        for changed in changes.times:
            later = [t for t in frame_times if t >= changed]
            if later:
                waits.append(later[0] - changed)
    print(machine())
    print(f"frame pacing at {width}x{height}, {deck.state.count - 1} slides (ms between frames)")
    for name, values in (("during slides", sliding), ("during count-ups", counting)):
        if values:
            print_intervals(name, values)
    if waits:
        late = sum(1 for w in waits if w > 33.4)
        print(
            f"  changes shown     {len(waits):4d} ticks   "
            f"wait mean {statistics.fmean(waits):5.1f}  p99 {percentile(waits, 0.99):5.1f}  "
            f"max {max(waits):5.1f}  late (> 33 ms): {late}"
        )
    window.close()


if __name__ == "__main__":
    main()
