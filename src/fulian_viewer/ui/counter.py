"""An animated counter: a figure that counts up to the report's exact text, with its label.

Figures are drawn a character at a time from images of each character, drawn once
per size and colour: Qt fills glyphs over 64 pixels as paths on every paint (about
0.2 ms a glyph), and a 4K headline figure is 190 pixels high. The images are
dropped when the counter is hidden.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
)
from PySide6.QtWidgets import QWidget

from fulian_viewer.model.numbers import Lang, format_count
from fulian_viewer.model.report import Metric
from fulian_viewer.ui import theme
from fulian_viewer.ui.fonts import display_font
from fulian_viewer.ui.text import TextBlock, device_image

DIGITS = "0123456789"


class TabularText:
    """Draws text with every digit in a cell of one width, so counting never jitters."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self._metrics = QFontMetricsF(font)
        self._advances: dict[str, float] = {}
        self._digit = max(self._metrics.horizontalAdvance(d) for d in DIGITS)
        # Per character, colour and ratio: the character's image, where to put it
        # relative to the pen position, and how far the pen then moves.
        self._glyphs: dict[tuple[str, int, float], tuple[QImage, float, float, float]] = {}

    def width(self, text: str) -> float:
        """The width ``text`` takes when drawn."""
        return sum(self._advance(ch) for ch in text)

    def draw(self, painter: QPainter, x: float, baseline: float, text: str) -> None:
        """Draw ``text`` from ``x`` on ``baseline``, in the painter's pen colour."""
        color = painter.pen().color()
        rgba = color.rgba()
        ratio = painter.device().devicePixelRatioF()
        glyphs = self._glyphs
        for ch in text:
            glyph = glyphs.get((ch, rgba, ratio)) or self._glyph(ch, color, ratio)
            image, dx, dy, advance = glyph
            painter.drawImage(QPointF(x + dx, baseline + dy), image)
            x += advance

    def clear(self) -> None:
        """Forget the drawn characters (they are drawn again when next needed)."""
        self._glyphs.clear()

    def prepare(self, characters: str, color: QColor, ratio: float) -> None:
        """Draw ``characters`` now rather than when they are first needed."""
        for ch in set(characters):
            if (ch, color.rgba(), ratio) not in self._glyphs:
                self._glyph(ch, color, ratio)

    def _glyph(self, ch: str, color: QColor, ratio: float) -> tuple[QImage, float, float, float]:
        """Draw ``ch`` on a transparent image and keep it with its placement.

        The image covers the glyph's ink and a margin for antialiasing, no more:
        every pixel of it is blended on every frame. Digits are centred in the
        widest digit's cell.
        """
        outline = QPainterPath()
        outline.addText(0, 0, self.font, ch)
        ink = outline.boundingRect().adjusted(-2, -2, 2, 2)
        if ink.isEmpty():
            ink = QRectF(0, 0, 1, 1)
        # Whole pixels: the outline's bounds differ in their last decimals from one
        # call to the next, which moved a figure drawn again after a pane was hidden
        # by a pixel at 3840x2160.
        left, top = math.floor(ink.left()), math.floor(ink.top())
        ink = QRectF(left, top, math.ceil(ink.right()) - left, math.ceil(ink.bottom()) - top)
        origin = -ink.topLeft()
        image = device_image(ink.width(), ink.height(), ratio)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font)
        painter.setPen(color)
        painter.drawText(origin, ch)
        painter.end()
        advance = self._advance(ch)
        centring = (advance - self._natural(ch)) / 2 if ch in DIGITS else 0.0
        glyph = (image, centring - origin.x(), -origin.y(), advance)
        self._glyphs[(ch, color.rgba(), ratio)] = glyph
        return glyph

    @property
    def ascent(self) -> float:
        """Height above the baseline."""
        return self._metrics.ascent()

    @property
    def height(self) -> float:
        """Line height."""
        return self._metrics.height()

    def _natural(self, ch: str) -> float:
        """The character's own advance."""
        if ch not in self._advances:
            self._advances[ch] = self._metrics.horizontalAdvance(ch)
        return self._advances[ch]

    def _advance(self, ch: str) -> float:
        """The advance it is drawn with: digits all take the widest digit's."""
        return self._digit if ch in DIGITS else self._natural(ch)


@functools.lru_cache(maxsize=128)
def tabular_text(pixel_size: int) -> TabularText:
    """The drawer for bold figures ``pixel_size`` pixels high, shared by every counter.

    Fitting a figure to its box tries size after size; sharing the drawers (and the
    characters they have drawn) makes that cheap.
    """
    return TabularText(display_font(pixel_size, bold=True))


class CounterView(QWidget):
    """One metric: its figure counting up (``0.00亿元`` … ``97.49亿元``) over its label.

    Signals:
        activated: the counter was clicked or tapped; carries the metric.
    """

    activated = Signal(object)

    def __init__(self, metric: Metric, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Not ``self.metric``: that would shadow QPaintDevice.metric() and crash Qt.
        self.figure_metric = metric
        self._lang: Lang = "zh"
        self._progress = 1.0
        self._text = metric.display
        self._final = metric.display
        self._centered = False
        self._number_px = 96
        self._drawer = tabular_text(self._number_px)
        self.label = TextBlock(self, color=theme.IVORY, wrap=True)
        self._painter: Callable[[QWidget], None] | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.set_lang("zh")

    @property
    def shown_text(self) -> str:
        """The figure's text as currently drawn."""
        return self._text

    @property
    def final_text(self) -> str:
        """The text the counter ends on."""
        return self._final

    @property
    def fits(self) -> bool:
        """Whether figure and label fit without clipping."""
        return self._drawer.width(self.final_text) <= self.width() + 0.5 and self.label.fits

    def set_lang(self, lang: Lang) -> None:
        """Show the figure and label in ``lang``."""
        self._lang = lang
        self._final = format_count(self.figure_metric.value, self.figure_metric, lang)
        self.label.set_text(self.figure_metric.label(lang))
        self.setAccessibleName(f"{self.final_text} {self.figure_metric.label(lang)}")
        self._relayout()
        self.set_progress(self._progress)

    def configure(self, number_px: int, label_px: int, centered: bool = False) -> None:
        """Set the figure's and label's pixel sizes and alignment."""
        self._number_px = number_px
        self._centered = centered
        align = Qt.AlignmentFlag.AlignHCenter if centered else Qt.AlignmentFlag.AlignLeft
        self.label._align = align | Qt.AlignmentFlag.AlignTop
        self.label.set_font_size(label_px, max(10, int(label_px * 0.6)))
        self._relayout()

    def set_progress(self, progress: float) -> None:
        """Show the count-up at ``progress`` (0 to 1, already eased); 1 is the exact final text."""
        self._progress = min(max(progress, 0.0), 1.0)
        value: Decimal | float = self.figure_metric.value
        if self._progress < 1.0:
            value = float(self.figure_metric.value) * self._progress
        text = format_count(value, self.figure_metric, self._lang)
        if text != self._text:
            self._text = text
            self._changed()

    def number_height(self) -> int:
        """Height of the figure's line, with a little air before the label."""
        return int(self._drawer.height * 1.08 + 1)

    def preferred_height(self, width: int) -> int:
        """Height needed for the figure and the label at ``width``."""
        return int(self._fitted_drawer(width).height * 1.08 + 1) + self.label.needed_height(width)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Fit the figure's font to the new width."""
        self._relayout()

    def _fitted_drawer(self, width: int) -> TabularText:
        """The figure's drawer at the largest size (up to the configured one) fitting ``width``."""
        size = self._number_px
        final = self.final_text
        while True:
            drawer = tabular_text(size)
            if drawer.width(final) <= width or size <= 12:
                return drawer
            size = int(size * 0.93)

    def _relayout(self) -> None:
        self._drawer = self._fitted_drawer(self.width())
        top = self.number_height()
        self.label.setGeometry(0, top, self.width(), max(1, self.height() - top))
        self._changed()

    def paint_by(self, changed: Callable[[QWidget], None]) -> None:
        """Let an ancestor paint the figure (:meth:`paint_figures`); the counter paints nothing.

        ``changed`` is called with the counter whenever the figure changes.
        """
        self._painter = changed
        self.setUpdatesEnabled(False)

    def _changed(self) -> None:
        if self._painter is not None:
            self._painter(self)
        else:
            self.update()

    def moveEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """The label moved with the counter."""
        self.label.ancestor_moved()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Drop the drawn characters while hidden."""
        self._drawer.clear()

    def prepare(self) -> None:
        """Draw the characters the count-up will show, and the label, now."""
        self._drawer.prepare(DIGITS + self.final_text, theme.GOLD, self.devicePixelRatioF())
        self.label.prepare()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Ask for this figure's source."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.figure_metric)
            event.accept()
        else:
            super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Draw the figure."""
        painter = QPainter(self)
        self.paint_figures(painter)
        painter.end()

    def paint_figures(self, painter: QPainter) -> None:
        """Draw the figure with the counter's top left corner at the painter's origin."""
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(theme.GOLD)
        # Right-align the moving text inside the final text's box, so the unit
        # holds still while digits are added on the left.
        final_width = self._drawer.width(self.final_text)
        left = (self.width() - final_width) / 2 if self._centered else 0.0
        x = left + final_width - self._drawer.width(self._text)
        self._drawer.draw(painter, x, self._drawer.ascent, self._text)
