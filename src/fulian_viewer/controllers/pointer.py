"""Mouse, wheel and touch: clicks on either half, wheel steps, swipes and taps."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QMouseEvent, QTouchEvent, QWheelEvent
from PySide6.QtWidgets import QWidget

from fulian_viewer.controllers.deck import DeckController

WHEEL_STEP = 120  # one notch of an ordinary mouse wheel


class PointerController(QObject):
    """Filters pointer input on the deck view and calls the deck's actions.

    A click or tap on the right half goes forward, on the left half back; a
    horizontal swipe longer than ``swipe_px`` goes forward (leftwards) or back;
    the wheel steps one pane per notch. Clicks on a counter open its source
    instead (the counter takes them before they reach the deck).

    Args:
        deck: the deck controller.
        view: the widget the pointer acts on (its halves, its coordinates).
        swipe_px: how far a touch must travel to be a swipe.
        parent: the owning object.
    """

    def __init__(
        self, deck: DeckController, view: QWidget, swipe_px: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.deck = deck
        self.view = view
        self.swipe_px = swipe_px
        self._press: QPointF | None = None
        self._wheel = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Handle pointer events that reach the deck view."""
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            return self._touch(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._press = event.position()
            return True
        if kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            start, self._press = self._press, None
            if start is not None:
                self._gesture(start, event.position())
            return True
        if kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            self._on_wheel(event)
            return True
        return False

    def _touch(self, event: QTouchEvent) -> bool:
        points = event.points()
        if not points:
            return True
        point = points[0]
        # The window-relative position, mapped to the deck: valid however the
        # event reached us (a touch on a child pane, or sent to the deck).
        window_pos = point.scenePosition().toPoint()
        position = QPointF(self.view.mapFrom(self.view.window(), window_pos))
        if event.type() == QEvent.Type.TouchBegin or self._press is None:
            self._press = position
        if event.type() == QEvent.Type.TouchEnd:
            start, self._press = self._press, None
            self._gesture(start, position)
        event.accept()
        return True

    def _gesture(self, start: QPointF, end: QPointF) -> None:
        if self.deck.overlay_open:
            self.deck.escape()
            return
        dx = end.x() - start.x()
        dy = end.y() - start.y()
        if abs(dx) >= self.swipe_px and abs(dx) > abs(dy):
            (self.deck.next if dx < 0 else self.deck.previous)()
        elif abs(dx) < self.swipe_px and abs(dy) < self.swipe_px:
            right_half = end.x() >= self.view.width() / 2
            (self.deck.next if right_half else self.deck.previous)()

    def _on_wheel(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        self._wheel += delta
        while abs(self._wheel) >= WHEEL_STEP:
            step = 1 if self._wheel > 0 else -1
            self._wheel -= step * WHEEL_STEP
            (self.deck.previous if step > 0 else self.deck.next)()
        event.accept()
