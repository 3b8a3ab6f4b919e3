"""The presenter console's parts: framed pane pictures, the thumbnail strip, notes, timer.

Each part is small and is given what it shows; the console window
(:mod:`fulian_viewer.ui.presenter.console`) lays them out and feeds them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QWidget

from fulian_viewer.model.talking_points import SpeakerNotes
from fulian_viewer.ui import theme
from fulian_viewer.ui.fonts import display_font, font_for
from fulian_viewer.ui.overlays import highlighted

PACE_COLOURS = {
    "on_time": QColor("#6fdc8c"),
    "ahead": QColor("#8cc8ff"),
    "behind": QColor("#ff8a75"),
    "none": theme.MUTED,
}
"""The pace indicator's colour for each status (it also says the status in words)."""
LINE_PITCH = 1.35
"""The notes' line pitch over the font's height."""


def plain_label(parent: QWidget, color: QColor, bold: bool = False) -> QLabel:
    """A label that shows its text as plain text, never as rich text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {color.name()}; background: transparent;")
    label.setProperty("bold", bold)
    return label


def set_colour(label: QLabel, colour: QColor) -> None:
    """Give ``label`` text in ``colour`` (restyled only when it changes)."""
    if label.property("colour") != colour.name():
        label.setProperty("colour", colour.name())
        label.setStyleSheet(f"color: {colour.name()}; background: transparent;")


def fit_aspect(outer: QRect, aspect: float) -> QRect:
    """The largest rectangle of ``aspect`` (width / height) centred in ``outer``."""
    width = min(outer.width(), round(outer.height() * aspect))
    height = min(outer.height(), round(width / aspect))
    width = round(height * aspect)
    return QRect(
        outer.x() + (outer.width() - width) // 2,
        outer.y() + (outer.height() - height) // 2,
        width,
        height,
    )


class AspectBox(QWidget):
    """Holds one child at a fixed aspect ratio, centred, with a thin gold frame."""

    def __init__(self, child: QWidget, aspect: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        self.aspect = aspect
        child.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_aspect(self, aspect: float) -> None:
        """Keep the child at ``aspect`` from now on."""
        self.aspect = max(0.2, aspect)
        self._place()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Fit the child."""
        self._place()

    def _place(self) -> None:
        inner = fit_aspect(self.rect().adjusted(2, 2, -2, -2), self.aspect)
        inner.moveTop(2)  # at the top of its room: the caption above stays close
        self.child.setGeometry(inner)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """A frame around the child."""
        painter = QPainter(self)
        painter.setPen(QPen(theme.GOLD_DEEP, 2))
        painter.drawRect(self.child.geometry().adjusted(-1, -1, 1, 1))
        painter.end()


class ScaledPictures:
    """Pictures scaled once to the size they are drawn at, kept until that changes.

    Scaling full-size pane pictures on every paint cost the console several
    milliseconds each time the deck moved, in the middle of the audience's slide.
    """

    def __init__(self) -> None:
        self._scaled: dict[int, tuple[int, QPixmap]] = {}

    def get(self, slot: int, picture: QPixmap, size: QSizeF, ratio: float) -> QPixmap:
        """``picture`` (shown in ``slot``) scaled to ``size`` at device pixel ``ratio``."""
        wanted = QSize(max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio)))
        kept = self._scaled.get(slot)
        if kept is None or kept[0] != picture.cacheKey() or kept[1].size() != wanted:
            scaled = picture.scaled(
                wanted,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(ratio)
            kept = (picture.cacheKey(), scaled)
            self._scaled[slot] = kept
        return kept[1]

    def clear(self) -> None:
        """Forget every scaled picture."""
        self._scaled.clear()


class PanePicture(QWidget):
    """A still picture of a pane (the next one), or a line of text where there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap: QPixmap | None = None
        self.text = ""
        self._scaled = ScaledPictures()

    def show_pixmap(self, pixmap: QPixmap | None, text: str = "") -> None:
        """Show ``pixmap``; without one, ``text`` on a dark ground."""
        self.pixmap, self.text = pixmap, text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """The picture scaled to fit, or the text."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self.pixmap is not None and not self.pixmap.isNull():
            size = QSizeF(self.size())
            ratio = self.devicePixelRatioF()
            painter.drawPixmap(0, 0, self._scaled.get(0, self.pixmap, size, ratio))
        else:
            painter.fillRect(self.rect(), theme.BLACK)
            painter.setPen(theme.MUTED)
            painter.setFont(display_font(max(12, self.height() // 10)))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.text)
        painter.end()


class ThumbnailStrip(QWidget):
    """Every pane as a small picture in a row; the current one framed; click to jump.

    Signals:
        chosen: a thumbnail was clicked; carries the pane's index.
    """

    chosen = Signal(int)

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pictures: list[QPixmap | None] = [None] * count
        self._scaled = ScaledPictures()
        self.current = 0
        self.aspect = 16 / 9
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def reset(self, count: int) -> None:
        """Forget every picture: the deck now has ``count`` panes (its data was reloaded)."""
        self.pictures = [None] * count
        self._scaled.clear()
        self.current = min(self.current, count - 1)
        self.update()

    def set_picture(self, index: int, pixmap: QPixmap | None) -> None:
        """The picture of pane ``index``."""
        self.pictures[index] = pixmap
        self.update()

    def set_current(self, index: int) -> None:
        """Frame pane ``index``."""
        self.current = index
        self.update()

    def cells(self) -> list[QRectF]:
        """Where each thumbnail is drawn."""
        count = len(self.pictures)
        gap = max(4.0, self.height() * 0.08)
        height = self.height() - 2 * gap
        width = min(height * self.aspect, (self.width() - gap * (count + 1)) / max(1, count))
        height = width / self.aspect
        top = (self.height() - height) / 2
        return [QRectF(gap + i * (width + gap), top, width, height) for i in range(count)]

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Jump to the pane clicked."""
        for index, cell in enumerate(self.cells()):
            if cell.contains(event.position()):
                self.chosen.emit(index)
                return

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """The thumbnails, numbered, the current one in gold."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for index, (cell, picture) in enumerate(zip(self.cells(), self.pictures, strict=True)):
            if picture is not None:
                ratio = self.devicePixelRatioF()
                painter.drawPixmap(
                    cell.topLeft(), self._scaled.get(index, picture, cell.size(), ratio)
                )
            else:
                painter.fillRect(cell, theme.BACKGROUND_TOP)
            current = index == self.current
            width = 3 if current else 1
            painter.setPen(QPen(theme.GOLD if current else theme.PANEL_BORDER, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell.adjusted(-width / 2, -width / 2, width / 2, width / 2))
            badge = QRectF(
                cell.left() + 2, cell.top() + 2, cell.height() * 0.5, cell.height() * 0.4
            )
            painter.fillRect(badge, theme.BANNER)
            painter.setPen(theme.IVORY)
            painter.setFont(display_font(max(10, round(cell.height() * 0.26)), bold=True))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), str(index + 1))
        painter.end()


class NotesView(QScrollArea):
    """The speaker's notes, scrolling; figures from the report highlighted in gold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setOpenExternalLinks(False)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setStyleSheet(f"color: {theme.IVORY.name()}; background: transparent;")
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            "QScrollArea, QWidget { background: transparent; }"
            f"QScrollBar:vertical {{ background: {theme.CONSOLE_BACKGROUND.name()}; width: 10px; }}"
            f"QScrollBar::handle:vertical {{ background: {theme.GOLD_DEEP.name()};"
            " border-radius: 4px; min-height: 24px; }"
            "QScrollBar::add-line, QScrollBar::sub-line { height: 0; }"
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes: SpeakerNotes | None = None
        self.empty_text = ""
        self._px = 16
        self._shown = ""  # the text shown, which decides its font (see font_for)

    def show_notes(self, notes: SpeakerNotes, empty_text: str) -> None:
        """Show ``notes`` (escaped), or ``empty_text`` when they say nothing."""
        self.notes, self.empty_text = notes, empty_text
        self.label.setAccessibleName("\n".join(point.text for point in notes.points))
        self._shown = self.plain_text() or empty_text
        self._fill()
        self.verticalScrollBar().setValue(0)

    def set_font_px(self, px: int) -> None:
        """Text ``px`` pixels high."""
        self._px = px
        self._fill()

    def _fill(self) -> None:
        """The notes as rich text, each figure unbroken (see :func:`unbreakable`).

        Lines are set at a fixed pitch. A word joiner in a Chinese figure comes
        from the bundled marks face (see :func:`~fulian_viewer.ui.fonts.font_for`),
        with the Chinese face's line metrics, so a line holding a figure stands
        in its pitch exactly as the others do.
        """
        self.label.setFont(font_for(self._shown, self._px))
        if self.notes is None:
            return
        pitch = round(self.label.fontMetrics().height() * LINE_PITCH)
        style = f"margin-bottom: 0.6em; -qt-line-height-type: fixed; line-height: {pitch}px;"
        paragraphs = [highlighted(p.text, p.figures) for p in self.notes.points]
        body = "".join(f'<p style="{style}">{p}</p>' for p in paragraphs)
        self.label.setText(body or f"<p>{html.escape(self.empty_text)}</p>")

    def plain_text(self) -> str:
        """The notes as plain text (what a screen reader is given)."""
        return self.label.accessibleName()
