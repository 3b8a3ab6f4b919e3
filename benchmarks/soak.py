"""Soak: thousands of kiosk pane transitions, animations running, memory and objects flat.

Runs the real kiosk (:func:`fulian_viewer.kiosk.start_kiosk`: locked window,
autoplay, kiosk keys, cursor hiding, heartbeat) offscreen at 1920x1080 with the
default animation durations, and drives it at full speed: the autoplay clock is
moved to each deadline and its timer fired by hand, and every running animation
(slide, count-ups, charts) is stepped through its frames with ``setCurrentTime``,
events processed (and so the window painted) after each step. Along the way a
visitor touches it now and then, the tour resumes after idle and returns home
after a long idle, the language flips, and the overview opens and closes.

Prints RSS and live Qt object counts (widgets, timers, animations, all QObjects)
after a warm-up and at the end, and the growth between them.

    uv run python benchmarks/soak.py [--transitions 10000] [--steps 4]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import tempfile
import time
from pathlib import Path

# A 1920x1080 offscreen screen, as the exhibition's (the offscreen default is 800x800).
_SCREENS = Path(tempfile.gettempdir()) / "fulian-viewer-soak-screens.json"
_SCREENS.write_text(
    json.dumps({"screens": [{"name": "SOAK", "x": 0, "y": 0, "width": 1920, "height": 1080}]})
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREENS}"

from _common import machine, rss_mb  # noqa: E402

from fulian_viewer.app import build_window, create_application  # noqa: E402
from fulian_viewer.model.config import KioskConfig  # noqa: E402
from fulian_viewer.model.loading import load_report  # noqa: E402
from fulian_viewer.model.settings import Settings  # noqa: E402

TARGET_GROWTH_MB = 5.0


class Clock:
    """Milliseconds that move only when the soak says so."""

    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> int:
        return self.now


def census(window: object) -> dict[str, int]:
    """Live objects under the window, and Python's own object count."""
    from PySide6.QtCore import QAbstractAnimation, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(window, QWidget)
    gc.collect()
    return {
        "widgets": len(QApplication.allWidgets()),
        "timers": len(window.findChildren(QTimer)),
        "animations": len(window.findChildren(QAbstractAnimation)),
        "qobjects": len(window.findChildren(QObject)),
        "python objects": len(gc.get_objects()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--transitions", type=int, default=10_000)
    parser.add_argument("--steps", type=int, default=4, help="frames stepped per animation")
    parser.add_argument("--warm-up", type=int, default=2000)
    parser.add_argument("--no-visitors", action="store_true", help="no taps, language or overview")
    args = parser.parse_args()

    from PySide6.QtCore import QAbstractAnimation
    from PySide6.QtWidgets import QApplication

    from fulian_viewer.controllers.autoplay import AutoplayController
    from fulian_viewer.kiosk import start_kiosk

    app = create_application()
    loaded = load_report()
    window = build_window(loaded, Settings())
    window.resize(1920, 1080)
    config = KioskConfig(kiosk=True, dwell_seconds=10, cursor_hide_seconds=3)
    session = start_kiosk(app, window, config, [])
    deck = window.deck
    clock = Clock()
    session.autoplay.stop()
    autoplay = AutoplayController(
        deck,
        dwell_ms=10_000,
        idle_resume_ms=60_000,
        idle_home_ms=300_000,
        clock=clock,
    )
    session.autoplay = autoplay
    autoplay.start()
    QApplication.processEvents()

    def step_animations() -> None:
        running = [
            a
            for a in window.findChildren(QAbstractAnimation)
            if a.state() == QAbstractAnimation.State.Running
        ]
        for step in range(1, args.steps + 1):
            for animation in running:
                total = animation.totalDuration()
                if total > 0 and animation.state() == QAbstractAnimation.State.Running:
                    animation.setCurrentTime(total * step // args.steps)
            QApplication.processEvents()

    def transition(number: int) -> None:
        if not args.no_visitors:
            visit(number)
        deadline = autoplay.machine.next_deadline()
        assert deadline is not None, "autoplay stopped"
        clock.now = max(clock.now, deadline)
        autoplay.timer.timeout.emit()
        step_animations()

    def visit(number: int) -> None:
        if number % 97 == 0:  # a visitor taps, then walks away
            deck.controller.user_input()
            clock.now += 60_000
        if number % 1009 == 0:  # nobody for five minutes: back to the cover
            deck.controller.user_input()
            clock.now += 300_000
            autoplay.timer.timeout.emit()
        if number % 499 == 0:
            deck.controller.toggle_language()
            clock.now += 60_000
        if number % 1999 == 0:
            deck.controller.toggle_overview()
            QApplication.processEvents()
            deck.controller.toggle_overview()
            clock.now += 60_000

    print(machine())
    for number in range(1, args.warm_up + 1):
        transition(number)
    if not args.no_visitors:
        for number in (97, 499, 1009, 1999):  # every visitor action once before measuring
            visit(number)
            transition(1)
    start_rss = rss_mb()[0]
    start = census(window)
    began = time.perf_counter()
    pane_visits = [0] * deck.state.count
    checkpoints: list[str] = []
    for number in range(1, args.transitions + 1):
        transition(number)
        pane_visits[deck.state.index] += 1
        if number % max(1, args.transitions // 10) == 0:
            checkpoints.append(f"{rss_mb()[0]:.0f}")
    seconds = time.perf_counter() - began
    end_rss = rss_mb()[0]
    end = census(window)

    print(f"window: {window.width()}x{window.height()}, visible {window.isVisible()}")
    print(f"transitions: {args.transitions} in {seconds:.0f} s (after {args.warm_up} warm-up)")
    print(f"visits per pane: {pane_visits}")
    print(f"RSS (MB) after each tenth of the run: {' '.join(checkpoints)}")
    print(
        f"RSS: start {start_rss:.1f} MB, end {end_rss:.1f} MB, growth {end_rss - start_rss:+.1f} MB"
    )
    for name in start:
        print(f"{name}: start {start[name]}, end {end[name]}, growth {end[name] - start[name]:+d}")
    flat = all(end[name] <= start[name] for name in ("widgets", "timers", "animations", "qobjects"))
    grew = end_rss - start_rss
    verdict = "PASS" if grew < TARGET_GROWTH_MB and flat else "FAIL"
    print(f"target: growth under {TARGET_GROWTH_MB} MB, no growth in live objects: {verdict}")
    session.stop()
    window.close()


if __name__ == "__main__":
    main()
