"""The top-level window: the deck view filling it, and full screen on request."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui.deck_view import DeckView


class MainWindow(QWidget):
    """A window that shows one deck view, edge to edge.

    A *locked* window (a kiosk's) refuses to close and stays full screen: Esc,
    ``F``, Alt+F4 and the window manager's close button do nothing until
    :meth:`unlock` is called.
    """

    def __init__(self, deck: DeckView) -> None:
        super().__init__()
        self.deck = deck
        deck.setParent(self)
        self.controller = deck.controller
        self.controller.fullscreen_requested.connect(self.toggle_fullscreen)
        self.controller.escape_unhandled.connect(self.leave_fullscreen)
        self.controller.lang_changed.connect(self._retitle)
        self.setMinimumSize(320, 240)
        self.locked = False
        self._retitle()

    def lock(self) -> None:
        """Refuse to close or leave full screen (kiosk mode)."""
        self.locked = True

    def unlock(self) -> None:
        """Allow closing again (staff exit)."""
        self.locked = False

    def toggle_fullscreen(self) -> None:
        """Enter full screen, or leave it (never while locked)."""
        if self.locked:
            return
        if self.isFullScreen():
            self.showNormal()
        else:
            self.enter_fullscreen()

    def enter_fullscreen(self) -> None:
        """Fill the window's screen.

        The geometry is set first: without a window manager (a bare X server on
        a kiosk PC) ``showFullScreen`` alone keeps the window's old size.
        """
        screen = self.screen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def leave_fullscreen(self) -> None:
        """Leave full screen (Esc with nothing else to close), unless locked."""
        if self.isFullScreen() and not self.locked:
            self.showNormal()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Keep the deck filling the window."""
        self.deck.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Stop animations before the window goes; refuse while locked."""
        if self.locked:
            event.ignore()
            return
        for pane in self.deck.built_panes:
            pane.finish()
        event.accept()

    def _retitle(self) -> None:
        self.setWindowTitle(ui_text("app_title", self.deck.state.lang))
