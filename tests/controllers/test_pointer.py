"""Mouse clicks on either half, the wheel, and touch swipes and taps."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QEventPoint, QTouchEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def test_click_right_half_goes_forward_left_half_back(make_window, qtbot):
    window = make_window()
    deck = window.deck
    qtbot.mouseClick(deck, Qt.MouseButton.LeftButton, pos=QPoint(deck.width() - 30, 40))
    assert deck.state.index == 1
    qtbot.mouseClick(deck, Qt.MouseButton.LeftButton, pos=QPoint(30, 40))
    assert deck.state.index == 0


def test_click_on_counter_opens_its_source(make_window, qtbot):
    window = make_window()
    deck = window.deck
    deck.controller.go(2)
    counter = deck.current_pane.counters[2]
    qtbot.mouseClick(counter, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert deck.state.index == 2
    assert deck.provenance.isVisible()
    assert deck.provenance.current_metric is counter.figure_metric
    # A click anywhere else closes the panel rather than navigating.
    qtbot.mouseClick(deck, Qt.MouseButton.LeftButton, pos=QPoint(deck.width() - 30, 40))
    assert not deck.provenance.isVisible()
    assert deck.state.index == 2


def _wheel(widget, dy: int) -> None:
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        pos,
        widget.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_wheel_steps_one_pane_per_notch(make_window):
    window = make_window()
    deck = window.deck
    _wheel(deck, -120)
    assert deck.state.index == 1
    _wheel(deck, -60)  # half a notch (a touchpad): nothing yet
    assert deck.state.index == 1
    _wheel(deck, -60)
    assert deck.state.index == 2
    _wheel(deck, 240)
    assert deck.state.index == 0


def _swipe(deck, start: QPoint, end: QPoint, device) -> None:
    """A one-finger touch from ``start`` to ``end``, as the platform delivers it to the deck."""
    window = deck.window()
    steps = (
        (QEvent.Type.TouchBegin, QEventPoint.State.Pressed, start),
        (QEvent.Type.TouchUpdate, QEventPoint.State.Updated, (start + end) / 2),
        (QEvent.Type.TouchEnd, QEventPoint.State.Released, end),
    )
    for kind, state, where in steps:
        scene = QPointF(deck.mapTo(window, where))
        point = QEventPoint(0, state, scene, QPointF(window.mapToGlobal(scene)))
        QApplication.sendEvent(
            deck, QTouchEvent(kind, device, Qt.KeyboardModifier.NoModifier, [point])
        )
    QApplication.processEvents()


def test_touch_swipes_and_taps(make_window):
    window = make_window()
    deck = window.deck
    device = QTest.createTouchDevice()
    middle = deck.height() // 2
    _swipe(deck, QPoint(900, middle), QPoint(700, middle), device)  # swipe left: forward
    assert deck.state.index == 1
    _swipe(deck, QPoint(700, middle), QPoint(900, middle), device)  # swipe right: back
    assert deck.state.index == 0
    _swipe(
        deck, QPoint(1400, middle), QPoint(1370, middle), device
    )  # 30 px: a tap on the right half
    assert deck.state.index == 1
    _swipe(deck, QPoint(300, middle), QPoint(300, middle), device)  # tap on the left half
    assert deck.state.index == 0


def test_swipe_threshold_is_about_forty_pixels(make_window):
    window = make_window()
    deck = window.deck
    device = QTest.createTouchDevice()
    y = deck.height() // 2
    _swipe(deck, QPoint(300, y), QPoint(259, y), device)  # 41 px leftwards on the left half
    assert deck.state.index == 1
