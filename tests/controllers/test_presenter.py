"""The presenter's keys: C, X, T and Shift+T, and nothing else."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from fulian_viewer.controllers.presenter import PresenterKeys


class Presenter:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def toggle_console(self) -> None:
        self.calls.append("console")

    def swap(self) -> None:
        self.calls.append("swap")

    def toggle_timer(self) -> None:
        self.calls.append("timer")

    def reset_timer(self) -> None:
        self.calls.append("reset")


def press(keys: PresenterKeys, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> bool:
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers)
    return keys.eventFilter(keys, event)


def test_each_key_calls_its_action(app) -> None:
    presenter = Presenter()
    keys = PresenterKeys(presenter)
    shift = Qt.KeyboardModifier.ShiftModifier
    assert press(keys, Qt.Key.Key_C)
    assert press(keys, Qt.Key.Key_X)
    assert press(keys, Qt.Key.Key_T)
    assert press(keys, Qt.Key.Key_T, shift)
    assert presenter.calls == ["console", "swap", "timer", "reset"]


def test_other_keys_and_chords_pass_through(app) -> None:
    presenter = Presenter()
    keys = PresenterKeys(presenter)
    assert not press(keys, Qt.Key.Key_S)  # the deck's "show final figures"
    assert not press(keys, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # copy
    assert not press(keys, Qt.Key.Key_PageDown)
    assert presenter.calls == []
