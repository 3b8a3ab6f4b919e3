"""The presenter's own keys, in the audience's window and in the console alike.

``C`` opens or closes the presenter console, ``X`` swaps the audience's and the
console's screens, ``T`` pauses or resumes the talk's timer and ``Shift+T``
resets it. None of them clashes with the deck's keys (see the help overlay).
Everything else goes on to the keyboard controller.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

Key = Qt.Key
CONSOLE_KEY = Key.Key_C
SWAP_KEY = Key.Key_X
TIMER_KEY = Key.Key_T


class Presenter(Protocol):
    """What the presenter's keys act on."""

    def toggle_console(self) -> None: ...  # noqa: D102 (protocol)

    def swap(self) -> None: ...  # noqa: D102 (protocol)

    def toggle_timer(self) -> None: ...  # noqa: D102 (protocol)

    def reset_timer(self) -> None: ...  # noqa: D102 (protocol)


class PresenterKeys(QObject):
    """Filters key presses on a window and calls the presenter's actions."""

    def __init__(self, presenter: Presenter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Handle the presenter's keys; let everything else through."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        held = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if held:
            return False
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == CONSOLE_KEY:
            self.presenter.toggle_console()
        elif key == SWAP_KEY:
            self.presenter.swap()
        elif key == TIMER_KEY:
            (self.presenter.reset_timer if shift else self.presenter.toggle_timer)()
        else:
            return False
        return True
