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

from fulian_viewer.model.numbers import Lang, format_count, number_over_unit
from fulian_viewer.model.report import Metric
from fulian_viewer.ui import theme
from fulian_viewer.ui.fonts import display_font
from fulian_viewer.ui.line_breaks import has_chinese
from fulian_viewer.ui.text import TextBlock, device_image

DIGITS = "0123456789"
TWO_LINES_GAIN = 1.2
"""How much larger a figure must get on two lines for the counter to use them."""


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


# Room for every size a tour tries in both scripts at two window sizes (about 190):
# an evicted drawer draws its characters again during a count-up.
@functools.lru_cache(maxsize=512)
def tabular_text(pixel_size: int, latin: bool = False) -> TabularText:
    """The drawer for bold figures ``pixel_size`` pixels high, shared by every counter.

    Fitting a figure to its box tries size after size; sharing the drawers (and the
    characters they have drawn) makes that cheap. ``latin`` drawers are for figures
    without Chinese characters (``77,000 women’s groups``: see :func:`font_for`).
    """
    return TabularText(display_font(pixel_size, bold=True, latin=latin))


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
        self._unit = ""  # what may go on a line of its own below the number
        self._two_lines = False
        self.label = TextBlock(self, color=theme.IVORY, wrap=True)
        self._repaint_by: Callable[[QWidget], None] | None = None  # the ancestor painting it
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
        lines = self.figure_lines(self.final_text)
        return self._widest(self._drawer, lines) <= self.width() + 0.5 and self.label.fits

    @property
    def two_lines(self) -> bool:
        """Whether the number stands over its unit, on two lines."""
        return self._two_lines

    def figure_lines(self, text: str) -> list[str]:
        """``text`` as drawn: one line, or the number over its unit."""
        return number_over_unit(text, self._unit) if self._two_lines else [text]

    def set_lang(self, lang: Lang) -> None:
        """Show the figure and label in ``lang``."""
        self._lang = lang
        self._final = format_count(self.figure_metric.value, self.figure_metric, lang)
        # An English figure's unit can take a line of its own (``More than 100,000`` over
        # ``families``); Chinese units are part of the figure (``10万余户``).
        unit = self.figure_metric.unit_en if lang == "en" else ""
        self._unit = unit if unit and unit != "%" and self._final.endswith(" " + unit) else ""
        self.label.set_text(self.figure_metric.label(lang))
        self.setAccessibleName(f"{self.final_text} {self.figure_metric.label(lang)}")
        self._relayout()
        self.set_progress(self._progress)

    def configure(
        self, number_px: int, label_px: int, centered: bool = False, label_min: int | None = None
    ) -> None:
        """Set the figure's and label's pixel sizes and alignment.

        The label shrinks to fit down to ``label_min`` pixels (by default 0.6 of its size).
        """
        self._number_px = number_px
        self._centered = centered
        align = Qt.AlignmentFlag.AlignHCenter if centered else Qt.AlignmentFlag.AlignLeft
        self.label._align = align | Qt.AlignmentFlag.AlignTop
        least = max(10, int(label_px * 0.6)) if label_min is None else min(label_min, label_px)
        self.label.set_font_size(label_px, least)
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

    @property
    def figure_pixel_size(self) -> int:
        """The pixel size the figure is drawn at after fitting its box."""
        return self._drawer.font.pixelSize()

    def number_height(self) -> int:
        """Height of the figure's lines, with a little air before the label."""
        return _figure_height(self._drawer, 2 if self._two_lines else 1)

    def preferred_height(self, width: int, room: int | None = None) -> int:
        """Height needed for the figure and the label at ``width``, within ``room`` if given."""
        drawer, two_lines = self._fit(width, room)
        return _figure_height(drawer, 2 if two_lines else 1) + self.label.needed_height(width)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Fit the figure's font to the new width."""
        self._relayout()

    def _fit(self, width: int, room: int | None) -> tuple[TabularText, bool]:
        """The figure's drawer at the largest size (up to the configured one) that fits.

        On one line the figure has to fit ``width``. A figure with a unit may go on
        two lines, the number over the unit, when that lets it be drawn at least
        TWO_LINES_GAIN times larger and figure and label then fit ``room`` (the
        counter's height): ``More than 100,000 families`` had shrunk to a third of
        the size of ``70%`` beside it.
        """
        final = self.final_text
        latin = not has_chinese(final)
        size = self._number_px
        while size > 12 and tabular_text(size, latin).width(final) > width:
            size = int(size * 0.93)
        one = tabular_text(size, latin)
        if not self._unit or room is None:
            return one, False
        lines = number_over_unit(final, self._unit)
        label = self.label.needed_height(width)
        size = self._number_px
        while size >= one.font.pixelSize() * TWO_LINES_GAIN:
            two = tabular_text(size, latin)
            if self._widest(two, lines) <= width and _figure_height(two, 2) + label <= room:
                return two, True
            size = int(size * 0.93)
        return one, False

    @staticmethod
    def _widest(drawer: TabularText, lines: list[str]) -> float:
        return max(drawer.width(line) for line in lines)

    def _relayout(self) -> None:
        self._drawer, self._two_lines = self._fit(self.width(), self.height())
        top = self.number_height()
        self.label.setGeometry(0, top, self.width(), max(1, self.height() - top))
        self._changed()

    def paint_by(self, changed: Callable[[QWidget], None]) -> None:
        """Let an ancestor paint the figure (:meth:`paint_figures`); the counter paints nothing.

        ``changed`` is called with the counter whenever the figure changes.
        """
        self._repaint_by = changed
        self.setUpdatesEnabled(False)

    def _changed(self) -> None:
        if self._repaint_by is not None:
            self._repaint_by(self)
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
        drawer = self._drawer
        if not self._two_lines:
            # Right-align the moving text inside the final text's box, so the unit
            # holds still while digits are added on the left.
            final_width = drawer.width(self.final_text)
            left = (self.width() - final_width) / 2 if self._centered else 0.0
            x = left + final_width - drawer.width(self._text)
            drawer.draw(painter, x, drawer.ascent, self._text)
            return
        # The unit has a line of its own, so each line is aligned as the counter is.
        for index, line in enumerate(self.figure_lines(self._text)):
            x = (self.width() - drawer.width(line)) / 2 if self._centered else 0.0
            drawer.draw(painter, x, drawer.ascent + index * drawer.height, line)


def _figure_height(drawer: TabularText, lines: int) -> int:
    """Height of ``lines`` lines of figure, with a little air before the label."""
    return int(drawer.height * (lines + 0.08) + 1)
