"""Hide the mouse pointer on a kiosk after a few still seconds; show it when it moves."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QInputDevice, QMouseEvent

MOVES = {QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress, QEvent.Type.TabletMove}


class CursorHider(QObject):
    """Hides the pointer after ``hide_ms`` without movement (0: always hidden).

    A pointer moved by a touch (Qt's synthesized mouse events) stays hidden: a
    visitor's finger needs no arrow. Install on the application with
    ``app.installEventFilter``; :meth:`release` gives the pointer back.

    Args:
        hide_ms: still time before the pointer hides.
        parent: the owner.
    """

    def __init__(self, hide_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hide_ms = hide_ms
        self.hidden = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(hide_ms)
        self.timer.timeout.connect(self.hide_cursor)
        if hide_ms <= 0:
            self.hide_cursor()
        else:
            self.timer.start()

    def hide_cursor(self) -> None:
        """Hide the pointer now."""
        if not self.hidden:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self.hidden = True

    def show_cursor(self) -> None:
        """Show the pointer again."""
        if self.hidden:
            QGuiApplication.restoreOverrideCursor()
            self.hidden = False

    def release(self) -> None:
        """Stop hiding the pointer and show it."""
        self.timer.stop()
        self.show_cursor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Show the pointer on a real move and hide it again later."""
        if event.type() in MOVES and self.hide_ms > 0 and not _from_touch(event):
            self.show_cursor()
            self.timer.start()
        return False


def _from_touch(event: QEvent) -> bool:
    return (
        isinstance(event, QMouseEvent) and event.deviceType() == QInputDevice.DeviceType.TouchScreen
    )
