"""The bars of a bar chart in device pixels: bars, their figures, horizontal bars' names.

One :class:`~fulian_viewer.ui.charts.items.PixelLayer` item draws them all; the
view (:mod:`fulian_viewer.ui.charts.bars`) sets their lengths and figures.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QColor, QPainter, QTransform

from fulian_viewer.model.numbers import number_over_unit
from fulian_viewer.ui import theme
from fulian_viewer.ui.charts.items import Anchor, NameImage, PixelLayer, anchored, draw_figure
from fulian_viewer.ui.counter import TabularText

BAR_THICKNESS = {True: 0.42, False: 0.5}
"""Bar thickness in category slots, horizontal and vertical."""
INSIDE = 0.62
"""Horizontal bars longer than this share of the longest carry their figure inside."""
GAP = 0.015
"""Between a horizontal bar's end and its figure, as a share of the longest bar."""
NAME_LIFT = 0.24
"""A horizontal bar's name sits this far above the bar's middle, in category slots."""


class BarsLayer(PixelLayer):
    """The bars, their figures and, for horizontal bars, the names above them."""

    NAME_ANCHOR = (0.0, 1.0)  # bottom left, just above the bar

    def __init__(self, horizontal: bool, values: list[float]) -> None:
        super().__init__()
        count = len(values)
        self.horizontal = horizontal
        self.values = values  # the lengths the bars end at
        self.maximum = max(values, default=0.0) or 1.0
        self.lengths = [0.0] * count
        self.figures = [""] * count
        self.units = [""] * count  # what follows the number in each figure, after a space
        self.two_lines = False  # vertical bars' figures: the number over its unit
        # Vertical bars: how far below the plot's top a bar must end for its figure
        # to stand above it (data units); a bar reaching higher carries it inside.
        self.room_needed = [0.0] * count
        self.end = self.maximum  # the value axis's round end (the view may reach higher)
        names = [NameImage(theme.MUTED, centred=False) for _ in range(count)]
        self.names = names if horizontal else []
        self.drawer: TabularText | None = None

    def set_figures(self, lengths: list[float], figures: list[str]) -> None:
        """Bar lengths (data units) and the figures shown with them."""
        if lengths != self.lengths or figures != self.figures:
            self.lengths, self.figures = lengths, figures
            self.refresh()

    def bar_rect(self, index: int) -> QRectF:
        """Bar ``index`` in data coordinates."""
        half = BAR_THICKNESS[self.horizontal] / 2
        if self.horizontal:
            return QRectF(0, index - half, self.lengths[index], 2 * half)
        return QRectF(index - half, 0, 2 * half, self.lengths[index])

    def figure_place(self, index: int) -> tuple[QPointF, tuple[float, float], QColor]:
        """Where figure ``index`` sits (data coordinates), its anchor and its colour.

        Long horizontal bars carry their figure inside, so it never runs off the plot.
        """
        length = self.lengths[index]
        if not self.horizontal:
            if self.boundingRect().bottom() - length < self.room_needed[index]:
                return QPointF(index, length), (0.5, -0.1), theme.ON_BAR
            return QPointF(index, length), (0.5, 1.1), theme.IVORY  # a little above the bar
        gap = self.maximum * GAP
        if length > self.maximum * INSIDE:
            return QPointF(length - gap, index), (1, 0.5), theme.ON_BAR
        return QPointF(length + gap, index), (0, 0.5), theme.IVORY

    def figure_lines(self, index: int, text: str, two_lines: bool | None = None) -> list[str]:
        """Figure ``index`` as drawn: one line, or its number over its unit."""
        split = self.two_lines if two_lines is None else two_lines
        return number_over_unit(text, self.units[index]) if split else [text]

    def figures_fit(
        self, drawer: TabularText, finals: list[str], plot: QSizeF, two_lines: bool = False
    ) -> bool:
        """Whether the final figures in ``drawer`` fit their room on a ``plot``-sized view.

        Vertical bars: a figure stays within its bar's slot, on ``two_lines`` if
        asked, and inside the bar's top or above the bar, where the view makes room
        over the axis's end for at most a quarter of its height
        (:meth:`BarChartView._make_headroom`). Horizontal bars: within the bar when it
        ends inside it, and beyond the bar's end while it is shorter.
        """
        bounds = self.boundingRect()
        per_x = plot.width() / bounds.width()
        per_y = plot.height() / self.end
        gap = self.maximum * GAP
        for index, (value, text) in enumerate(zip(self.values, finals, strict=True)):
            width = drawer.width(text)
            if not self.horizontal:
                lines = self.figure_lines(index, text, two_lines)
                width = max(drawer.width(line) for line in lines)
                tall = drawer.height * (len(lines) + 0.1)
                if width > per_x * 0.96:
                    return False
                if not self.fits_inside(width, tall, value * per_y, per_x) and (
                    tall > plot.height() / 4
                ):
                    return False  # neither inside the bar nor above it
                continue
            beyond = min(value, self.maximum * INSIDE)  # the longest it grows with the figure out
            if width > (bounds.right() - beyond - 2 * gap) * per_x:
                return False
            if value > self.maximum * INSIDE and width > (value - 2 * gap) * per_x:
                return False
        return True

    @staticmethod
    def fits_inside(width: float, tall: float, bar_height: float, per_x: float) -> bool:
        """Whether a ``width x tall`` figure fits inside the top of a vertical bar (pixels)."""
        return width <= per_x * BAR_THICKNESS[False] * 0.94 and tall <= bar_height

    def name_room(self, index: int, plot: QSizeF) -> QSizeF:
        """The box name ``index`` may take above its bar, on a ``plot``-sized view."""
        bounds = self.boundingRect()
        bottom = index - NAME_LIFT
        top = max(bounds.top(), index - 1 + BAR_THICKNESS[True] / 2)
        return QSizeF(plot.width() * 0.98, (bottom - top) * plot.height() / bounds.height())

    def name_point(self, index: int) -> QPointF:
        """Above the start of bar ``index``."""
        return QPointF(0, index - NAME_LIFT)

    def draw(self, painter: QPainter, to_device: QTransform) -> None:
        """Bars, then figures, then names.

        The names stay here rather than on the pane's backdrop, so they are drawn
        over the grid lines, not under them.
        """
        for index, length in enumerate(self.lengths):
            if length > 0:
                # Whole pixels: a solid fill of a pixel-aligned rectangle is a plain
                # memory fill; an antialiased edge at fractional pixels is not.
                painter.fillRect(to_device.mapRect(self.bar_rect(index)).toRect(), theme.BAR)
        if self.drawer is not None:
            for line, at, anchor, color in self._placed_figures(self.drawer, to_device):
                painter.setPen(color)
                draw_figure(painter, self.drawer, line, at, anchor)
        self.draw_names(painter, to_device)

    def _placed_figures(
        self, drawer: TabularText, to_device: QTransform
    ) -> Iterator[tuple[str, QPointF, Anchor, QColor]]:
        """Each line of each figure, with where its anchor sits (device pixels)."""
        for index, figure in enumerate(self.figures):
            point, anchor, color = self.figure_place(index)
            at = to_device.map(point)
            lines = self.figure_lines(index, figure)
            down = anchor[1] < 0  # inside a vertical bar's top: downwards from it
            for line in lines if down else reversed(lines):  # else upwards from the bar
                yield line, QPointF(at), anchor, color
                at.setY(at.y() + (drawer.height if down else -drawer.height))

    def figure_rects(self) -> list[QRectF]:
        """Each line of each figure, in the coordinates of the view showing it."""
        if self.drawer is None:
            return []
        drawer = self.drawer
        return [
            QRectF(
                anchored(at, drawer.width(line), drawer.height, anchor),
                QSizeF(drawer.width(line), drawer.height),
            )
            for line, at, anchor, _ in self._placed_figures(drawer, self.to_view())
        ]

    def prepare(self, characters: str, ratio: float) -> None:
        """Draw the figures' characters in both colours."""
        if self.drawer is not None:
            for color in (theme.IVORY, theme.ON_BAR):
                self.drawer.prepare(characters, color, ratio)
