"""Keyboard and presentation clicker: keys to deck actions.

PgDn/PgUp always mean next/previous (remote clickers send them); F5 starts the
presentation full screen from the first pane, Shift+F5 from the current one;
``B`` and ``.`` blank the screen, as clickers' "black screen" button sends.
Ctrl+R reads the data again; Ctrl+Alt+Shift+D lists the data's problems.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from fulian_viewer.controllers.deck import DeckController

Key = Qt.Key
NEXT_KEYS = {
    Key.Key_Right,
    Key.Key_Down,
    Key.Key_PageDown,
    Key.Key_Space,
    Key.Key_Return,
    Key.Key_Enter,
    Key.Key_N,
}
PREVIOUS_KEYS = {Key.Key_Left, Key.Key_Up, Key.Key_PageUp, Key.Key_Backspace, Key.Key_P}
OVERVIEW_MOVES = {
    Key.Key_Left: (-1, 0),
    Key.Key_Right: (1, 0),
    Key.Key_Up: (0, -1),
    Key.Key_Down: (0, 1),
}


class KeyboardController(QObject):
    """Filters key presses on a window and calls the deck controller's actions.

    Args:
        deck: the deck controller.
        audience: the audience's window (F5 puts it full screen).
        parent: the owning object.
    """

    def __init__(
        self, deck: DeckController, audience: QWidget, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.deck = deck
        self.audience = audience
        self._simple: dict[Key, Callable[[], None]] = {
            Key.Key_Home: deck.first,
            Key.Key_End: deck.last,
            Key.Key_O: deck.toggle_overview,
            Key.Key_B: deck.toggle_blank,
            Key.Key_Period: deck.toggle_blank,
            Key.Key_F: deck.toggle_fullscreen,
            Key.Key_L: deck.toggle_language,
            Key.Key_Question: deck.toggle_help,
            Key.Key_H: deck.toggle_help,
            Key.Key_R: deck.replay,
            Key.Key_S: deck.show_final,
            Key.Key_I: deck.show_source,
            Key.Key_Escape: deck.escape,
        }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Handle key presses; let everything else through."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self.handle(event)
        return False

    def handle(self, event: QKeyEvent) -> bool:
        """Carry out the action bound to ``event``; return whether one was."""
        key = Key(event.key())
        modifiers = event.modifiers()
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        deck = self.deck
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            return self._handle_control(key, modifiers)
        if deck.overview_open and self._handle_overview(key):
            return True
        if key == Key.Key_F5:
            self._present(from_start=not shift)
        elif key == Key.Key_Space and shift:
            deck.previous()
        elif key in NEXT_KEYS:
            deck.next()
        elif key in PREVIOUS_KEYS:
            deck.previous()
        elif Key.Key_1 <= key <= Key.Key_9:
            deck.go(key - Key.Key_1)
        elif key in self._simple:
            self._simple[key]()
        else:
            return False
        return True

    def _handle_control(self, key: Key, modifiers: Qt.KeyboardModifier) -> bool:
        """Ctrl+R and Ctrl+Alt+Shift+D; no other Ctrl key does anything."""
        mod = Qt.KeyboardModifier
        staff = mod.ControlModifier | mod.AltModifier | mod.ShiftModifier
        if key == Key.Key_R and not modifiers & (mod.AltModifier | mod.ShiftModifier):
            self.deck.reload()
        elif key == Key.Key_D and modifiers & staff == staff:
            self.deck.toggle_problems()
        else:
            return False
        return True

    def _handle_overview(self, key: Key) -> bool:
        if key in OVERVIEW_MOVES:
            self.deck.move_overview(*OVERVIEW_MOVES[key])
            return True
        if key in (Key.Key_Return, Key.Key_Enter, Key.Key_Space):
            self.deck.choose_overview()
            return True
        return False

    def _present(self, from_start: bool) -> None:
        if from_start:
            self.deck.first()
        if not self.audience.isFullScreen():
            self.deck.toggle_fullscreen()
