"""The deck's chrome: a progress bar, one dot per pane and the current pane's number."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from fulian_viewer.controllers.deck import DeckController
from fulian_viewer.model.deck import DeckState
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui import theme
from fulian_viewer.ui.fonts import display_font


class ProgressChrome(QWidget):
    """A thin strip along the bottom edge: progress, dots and ``3 / 7``.

    It shows the deck's current pane, or the pane it is held at (:meth:`hold_at`):
    a presenter's copy of the deck, still showing the old pane while the
    audience's slide runs, holds its number there until it cuts.
    """

    def __init__(self, deck: DeckController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: DeckState = deck.state
        self._held: int | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        deck.index_changed.connect(self.refresh)
        deck.lang_changed.connect(self.refresh)
        deck.panes_changed.connect(self.refresh)
        self.refresh()

    @property
    def index(self) -> int:
        """The pane whose number and dot show: the one held at, else the deck's current one."""
        return self.state.index if self._held is None else self._held

    @property
    def number_text(self) -> str:
        """The shown pane's number, from 1."""
        return ui_text(
            "pane_number", self.state.lang, current=self.index + 1, total=self.state.count
        )

    def hold_at(self, index: int | None) -> None:
        """Show pane ``index`` whatever the deck's current pane; ``None`` follows the deck again."""
        self._held = index
        self.refresh()

    def place_in(self, width: int, height: int) -> None:
        """Lay out along the bottom of a ``width x height`` deck.

        Only that strip: a full-size transparent widget would have Qt repaint the
        whole deck beneath it whenever the number changes.
        """
        strip = theme.Frame.of(width, height).px(64)
        self.setGeometry(0, height - strip, width, strip)

    def refresh(self) -> None:
        """Redraw for the current pane."""
        self.setAccessibleName(self.number_text)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Draw the bar, the dots and the number."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        deck = self.parentWidget() or self.window()
        frame = theme.Frame.of(deck.width(), deck.height())
        bar = frame.px(6)
        fraction = (self.index + 1) / self.state.count
        painter.fillRect(QRectF(0, self.height() - bar, self.width(), bar), theme.TRACK)
        painter.fillRect(QRectF(0, self.height() - bar, self.width() * fraction, bar), theme.GOLD)
        radius = frame.px(6)
        step = frame.px(26)
        y = self.height() - bar - frame.px(22)
        x = self.width() - frame.px(80) - step * (self.state.count - 1)
        for index in range(self.state.count):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.GOLD if index == self.index else theme.TRACK)
            painter.drawEllipse(
                QRectF(x + index * step - radius, y - radius, 2 * radius, 2 * radius)
            )
        painter.setFont(display_font(frame.px(20), bold=True))
        painter.setPen(theme.MUTED)
        text_rect = QRectF(
            self.width() - frame.px(70), y - frame.px(16), frame.px(66), frame.px(32)
        )
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            self.number_text,
        )
        painter.end()
