"""The console's live picture of the audience's view: the same deck, drawn small.

A :class:`MirrorView` is a :class:`DeckView` of the audience's deck controller that
cuts between panes where the audience's view slides, and cuts only once the
audience's slide has ended (:attr:`DeckController.settled`): drawing a pane for the
first time takes tens of milliseconds, which would otherwise land on the
audience's slide and stall it. Meanwhile the new pane counts up hidden, in step
with the audience's, so that it shows live once cut to, and the chrome keeps the
number, dot and progress of the pane still shown: they turn with the picture.
While nothing moves, the pane after the current one is drawn in advance, so that
the usual cut (to the next pane) only copies what is drawn.

The screen's blanking and notices are not drawn (the console says so in words),
and the mouse over any part of it is followed, for the laser pointer.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from fulian_viewer.controllers.deck import DeckController
from fulian_viewer.ui.deck_view import DeckView
from fulian_viewer.ui.pane import Pane
from fulian_viewer.ui.pane_store import BUSY_RETRY_MS

__all__ = ["MirrorView"]


class MirrorView(DeckView):
    """A presenter's copy of the audience's deck view.

    Args:
        controller: the audience's deck controller.
        parent: the parent widget.
    """

    shows_screen_state = False

    def __init__(self, controller: DeckController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._waiting: Pane | None = None
        self._predrawn: Pane | None = None
        self.predraw_timer = QTimer(self)
        """Draws the next pane in advance once nothing moves (a test fires it by hand)."""
        self.predraw_timer.setSingleShot(True)
        self.predraw_timer.timeout.connect(self._predraw)
        controller.settled.connect(self._cut)
        for widget in (self, *self.findChildren(QWidget)):
            widget.setMouseTracking(True)
        self.first_painted.connect(self._schedule_predraw)

    @property
    def waiting_pane(self) -> Pane | None:
        """The current pane, counting up hidden until the audience's slide ends."""
        return self._waiting

    @property
    def predrawn_pane(self) -> Pane | None:
        """The pane drawn in advance (the one after the current pane), if any."""
        return self._predrawn

    def _adopt(self, pane: Pane) -> None:
        super()._adopt(pane)
        for widget in (pane, *pane.findChildren(QWidget)):  # the presenter points with it
            widget.setMouseTracking(True)

    def _arrived(self) -> None:
        """Only the audience's view says when a pane stands in place."""

    def _on_index(self) -> None:
        """The audience moves: its old pane shows its final figures, the new one counts up."""
        new = self.pane(self.state.index)
        if self._waiting is not None and self._waiting is not new:
            self._waiting.finish()
        self._waiting = None
        self.shown_pane.finish()
        new.setGeometry(self.rect())
        new.play()
        if new is not self.shown_pane:
            self._waiting = new
        self.chrome.hold_at(self._shown if self._waiting is not None else None)

    def _cut(self) -> None:
        """The audience's slide has ended: show its pane (counting up as the audience's does)."""
        new, self._waiting = self._waiting, None
        self.chrome.hold_at(None)  # the number turns with the picture
        if new is None:  # the audience came back to the pane shown here
            return
        old = self.shown_pane
        if not self.has_painted:  # wait for the first frame of whatever shows first
            old.removeEventFilter(self)
            new.installEventFilter(self)
        self._shown = self.state.index
        new.stackUnder(self.chrome)
        new.show()
        old.hide()
        self._schedule_predraw()

    def _on_panes(self) -> None:
        self._waiting = self._predrawn = None  # their store is dropped
        self.chrome.hold_at(None)
        super()._on_panes()
        self._schedule_predraw()

    def _on_lang(self) -> None:
        super()._on_lang()
        self._schedule_predraw()  # the panes were laid out again: their drawing went

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Fit the pane shown, and draw the next one again at the new size."""
        super().resizeEvent(event)
        self._schedule_predraw()

    def _schedule_predraw(self) -> None:
        if self.has_painted and not self.predraw_timer.isActive():
            self.predraw_timer.start(0)

    def _predraw(self) -> None:
        """Draw the pane after the one shown, in advance, once nothing moves."""
        if self._busy() or not self.controller.is_settled:
            self.predraw_timer.start(BUSY_RETRY_MS)
            return
        following = self._shown + 1
        pane = self.pane(following) if following < self.state.count else None
        if self._predrawn is not None and self._predrawn not in (pane, self.shown_pane):
            self._predrawn.forget_backdrop()
        self._predrawn = pane
        if pane is not None:
            pane.setGeometry(self.rect())
            pane.predraw()
