"""The overview: a grid of every pane's thumbnail, opened with ``O``."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui import theme
from fulian_viewer.ui.fonts import display_font, font_for


class OverviewOverlay(QWidget):
    """Thumbnails of all panes, the deck's overview selection framed; click one to open it.

    Signals:
        chosen: a pane was opened; carries its index.
    """

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails: list[QPixmap] = []
        self.selected = 0
        self.lang: Lang = "zh"
        self.setAccessibleName(ui_text("overview_title", "zh"))

    def open(self, thumbnails: list[QPixmap], current: int, lang: Lang) -> None:
        """Show ``thumbnails`` with pane ``current`` selected."""
        self.thumbnails = thumbnails
        self.selected = current
        self.lang = lang
        self.setAccessibleName(ui_text("overview_title", lang))
        self.show()
        self.raise_()
        self.update()

    @property
    def columns(self) -> int:
        """How many thumbnails to a row."""
        count = max(1, len(self.thumbnails))
        aspect = self.width() / max(1, self.height())
        return max(1, min(count, round(math.sqrt(count * aspect * 9 / 16) + 0.49)))

    def select(self, index: int) -> None:
        """Frame pane ``index`` as the selected one."""
        self.selected = index
        self.update()

    def cells(self) -> list[QRectF]:
        """Where each thumbnail is drawn."""
        count = len(self.thumbnails)
        if not count:
            return []
        frame = theme.Frame.of(self.width(), self.height())
        top = frame.px(150)
        margin = frame.px(60)
        gap = frame.px(28)
        columns = self.columns
        rows = math.ceil(count / columns)
        cell_w = (self.width() - 2 * margin - gap * (columns - 1)) / columns
        cell_h = (self.height() - top - margin - gap * (rows - 1)) / rows
        aspect = self.thumbnails[0].width() / max(1, self.thumbnails[0].height())
        w = min(cell_w, cell_h * aspect)
        h = w / aspect
        used_w = columns * w + (columns - 1) * gap
        left = (self.width() - used_w) / 2
        return [
            QRectF(left + (i % columns) * (w + gap), top + (i // columns) * (h + gap), w, h)
            for i in range(count)
        ]

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Open the thumbnail clicked."""
        for index, rect in enumerate(self.cells()):
            if rect.contains(event.position()):
                self.chosen.emit(index)
                return
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Draw the title and thumbnails, the selected one framed in gold."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        theme.paint_background(painter, self.width(), self.height())
        frame = theme.Frame.of(self.width(), self.height())
        painter.setPen(theme.GOLD)
        title = ui_text("overview_title", self.lang)
        painter.setFont(font_for(title, frame.px(44), bold=True))
        title_rect = QRectF(0, frame.px(30), self.width(), frame.px(60))
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignCenter), title)
        painter.setPen(theme.MUTED)
        hint = ui_text("overview_hint", self.lang)
        painter.setFont(font_for(hint, frame.px(22)))
        hint_rect = QRectF(0, frame.px(92), self.width(), frame.px(36))
        painter.drawText(hint_rect, int(Qt.AlignmentFlag.AlignCenter), hint)
        for index, (rect, pixmap) in enumerate(zip(self.cells(), self.thumbnails, strict=True)):
            painter.drawPixmap(rect, pixmap, QRectF(pixmap.rect()))
            selected = index == self.selected
            width = frame.px(5) if selected else 1
            painter.setPen(QPen(theme.GOLD if selected else theme.PANEL_BORDER, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-width / 2, -width / 2, width / 2, width / 2))
            painter.setFont(display_font(frame.px(22), bold=True))
            painter.setPen(theme.IVORY)
            badge = QRectF(
                rect.left() + frame.px(8), rect.top() + frame.px(6), frame.px(60), frame.px(32)
            )
            painter.drawText(
                badge,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(index + 1),
            )
        painter.end()
