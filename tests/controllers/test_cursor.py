"""The pointer hides after still seconds and comes back when moved (timers fired by hand)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent, QPointingDevice
from PySide6.QtWidgets import QApplication

from fulian_viewer.controllers.cursor import CursorHider
from fulian_viewer.ui.main_window import MainWindow


@pytest.fixture
def hider(app: QApplication) -> Iterator[Callable[[int], CursorHider]]:
    made: list[CursorHider] = []

    def make(hide_ms: int) -> CursorHider:
        hider = CursorHider(hide_ms)
        app.installEventFilter(hider)
        made.append(hider)
        return hider

    yield make
    for hider in made:
        app.removeEventFilter(hider)
        hider.release()
    assert QGuiApplication.overrideCursor() is None


def move(widget: MainWindow, device: QPointingDevice | None = None) -> None:
    point = QPointF(20, 20)
    event = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        point,
        point,
        widget.mapToGlobal(QPoint(20, 20)).toPointF(),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        device or QPointingDevice.primaryPointingDevice(),
    )
    QApplication.sendEvent(widget.deck, event)


def blank() -> bool:
    cursor = QGuiApplication.overrideCursor()
    return cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor


def test_hides_after_still_time_and_shows_on_move(
    hider: Callable[[int], CursorHider], make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(640, 360)
    cursor = hider(3000)
    assert cursor.timer.isActive() and cursor.timer.interval() == 3000
    assert not blank()
    cursor.timer.timeout.emit()
    assert blank()
    move(window)
    assert not blank()
    assert cursor.timer.isActive()
    cursor.timer.timeout.emit()
    assert blank()


def test_zero_hides_always(
    hider: Callable[[int], CursorHider], make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(640, 360)
    hider(0)
    assert blank()
    move(window)
    assert blank()


def test_hiding_twice_needs_one_restore(hider: Callable[[int], CursorHider]) -> None:
    cursor = hider(1000)
    cursor.hide_cursor()
    cursor.hide_cursor()
    cursor.release()
    assert QGuiApplication.overrideCursor() is None
