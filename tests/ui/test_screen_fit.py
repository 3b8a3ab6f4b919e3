"""Choosing and keeping the kiosk's screen, with fake screens and with two offscreen screens."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from fulian_viewer.ui.main_window import MainWindow
from fulian_viewer.ui.screen_fit import ScreenKeeper, choose_screen
from tests.fakes import FakeScreen

LEFT = FakeScreen("DP-1", QRect(0, 0, 1920, 1080))
RIGHT = FakeScreen("HDMI-1", QRect(1920, 0, 3840, 2160))
PLACEHOLDER = FakeScreen("", QRect(0, 0, 0, 0))


def test_by_index_and_by_name() -> None:
    assert choose_screen([LEFT, RIGHT], 1, LEFT) is RIGHT
    assert choose_screen([LEFT, RIGHT], "hdmi-1", LEFT) is RIGHT
    assert choose_screen([LEFT, RIGHT], None, RIGHT) is RIGHT


def test_missing_screen_falls_back_to_the_primary() -> None:
    assert choose_screen([LEFT], 1, LEFT) is LEFT  # HDMI unplugged
    assert choose_screen([LEFT, RIGHT], "VGA-9", RIGHT) is RIGHT


def test_placeholder_screens_are_never_chosen() -> None:
    assert choose_screen([PLACEHOLDER], None, PLACEHOLDER) is None
    assert choose_screen([PLACEHOLDER, RIGHT], 0, PLACEHOLDER) is RIGHT


def test_fit_fills_the_screen_and_refits_after_a_change(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(640, 360)
    screen = QGuiApplication.primaryScreen()
    keeper = ScreenKeeper(window, None, settle_ms=0)
    assert keeper.fit() is screen
    assert window.isFullScreen()
    assert window.geometry() == screen.geometry()
    window.showNormal()
    window.setGeometry(10, 10, 300, 200)
    keeper.schedule()  # as a resolution change or unplugging would
    assert keeper.settle.isActive()
    keeper.settle.timeout.emit()
    assert window.geometry() == screen.geometry()
    assert window.deck.geometry() == window.rect()


def test_no_usable_screen_leaves_the_window_alone(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(640, 360)
    before = window.geometry()
    keeper = ScreenKeeper(window, None, screens=lambda: [], primary=lambda: None)
    assert keeper.fit() is None
    assert window.geometry() == before


def test_a_missing_screen_is_logged_once_per_change(
    make_window: Callable[..., MainWindow], caplog: pytest.LogCaptureFixture
) -> None:
    window = make_window(640, 360)
    screen = QGuiApplication.primaryScreen()
    keeper = ScreenKeeper(window, 99, settle_ms=0)
    with caplog.at_level(logging.WARNING, logger="fulian_viewer.ui.screen_fit"):
        assert keeper.fit() is screen
        assert keeper.fit() is screen
    warned = [r.getMessage() for r in caplog.records if "not connected" in r.getMessage()]
    assert warned == [
        f"screen 99 is not connected (screens: 0: {screen.name()}); showing on {screen.name()!r}"
    ]


def test_a_found_screen_logs_no_warning(
    make_window: Callable[..., MainWindow], caplog: pytest.LogCaptureFixture
) -> None:
    keeper = ScreenKeeper(make_window(640, 360), 0, settle_ms=0)
    with caplog.at_level(logging.WARNING, logger="fulian_viewer.ui.screen_fit"):
        keeper.fit()
    assert not [r for r in caplog.records if "not connected" in r.getMessage()]


def test_second_offscreen_screen_is_used(tmp_path: Path) -> None:
    screens = {
        "screens": [
            {"name": "LEFT", "x": 0, "y": 0, "width": 1280, "height": 720, "dpr": 1},
            {"name": "RIGHT", "x": 1280, "y": 0, "width": 1080, "height": 1920, "dpr": 1},
        ]
    }
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens))
    script = textwrap.dedent(
        """
        from PySide6.QtWidgets import QApplication, QWidget
        from fulian_viewer.ui.screen_fit import ScreenKeeper
        app = QApplication([])
        for wanted in (1, "LEFT"):
            window = QWidget()
            screen = ScreenKeeper(window, wanted).fit()
            g = window.geometry()
            print(screen.name(), g.x(), g.y(), g.width(), g.height())
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["RIGHT 1280 0 1080 1920", "LEFT 0 0 1280 720"]


class Clock:
    """Seconds, moved by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_window_taken_out_of_full_screen_fills_its_screen_again(
    make_window: Callable[..., MainWindow], caplog: pytest.LogCaptureFixture
) -> None:
    window = make_window(640, 360)
    screen = QGuiApplication.primaryScreen()
    clock = Clock()
    keeper = ScreenKeeper(window, None, settle_ms=0, clock=clock)
    keeper.fit()
    assert not keeper.settle.isActive(), "fitting itself is no drift"
    with caplog.at_level(logging.INFO, logger="fulian_viewer.ui.screen_fit"):
        window.showNormal()  # a window manager's key, or another program
        window.setGeometry(10, 10, 300, 200)
        assert keeper.drifted() and keeper.settle.isActive()
        keeper.settle.timeout.emit()
    assert window.isFullScreen() and window.geometry() == screen.geometry()
    assert "left full screen" in caplog.text
    assert "showing on screen" not in caplog.text, "the same screen and size: logged once"

    window.showMinimized()
    assert keeper.drifted()
    clock.now += 0.5  # too soon after the last: not fought on every event
    keeper.settle.stop()
    window.setGeometry(20, 20, 300, 200)
    assert not keeper.settle.isActive()
    clock.now += 2.0
    window.setGeometry(30, 30, 300, 200)
    assert keeper.settle.isActive()
    keeper.settle.timeout.emit()
    assert not window.isMinimized() and window.isFullScreen()
    assert window.geometry() == screen.geometry()
