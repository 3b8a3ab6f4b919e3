"""A chart's axes: value axes in 万/亿, category axes, and how both are styled.

They do not move while bars grow: on a pane they are drawn into the pane's backdrop
(see :class:`~fulian_viewer.ui.charts.base.ChartView`).
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter

from fulian_viewer.model.numbers import Lang, format_axis_tick
from fulian_viewer.ui import theme
from fulian_viewer.ui.charts.pyqtgraph_shim import WatchedAxis, forget_drawing
from fulian_viewer.ui.fonts import display_font, font_for
from fulian_viewer.ui.typeset import draw_lines, set_lines

AXIS_PX = 20
"""Logical size of a chart's value-axis labels. Its figures and names, which shrink
to fit their room, read well down to this size; below it they are cramped."""


class BackdropAxis(WatchedAxis):
    """An axis that a pane can draw into its backdrop, drawing nothing in the view then.

    :attr:`changed` is called when the axis must be drawn again, so the backdrop is.
    """

    def __init__(self, orientation: str) -> None:
        self.named_ticks: list[list[tuple[float, str]]] | None = None
        super().__init__(orientation)

    def setTicks(self, ticks: list[list[tuple[float, str]]] | None) -> None:  # noqa: N802
        """Place ticks by name, keeping a copy (pyqtgraph keeps them privately)."""
        self.named_ticks = ticks
        super().setTicks(ticks)


class CategoryAxis(BackdropAxis):
    """Names under the bars, set as the rest of the text is (clreq, leading).

    Each name comes already broken into lines (``wrap_name``); pyqtgraph places it
    and this draws its lines, compressing full-width punctuation (``”“`` takes one
    and a half ems, not two) at the body text's leading.
    """

    def drawPicture(  # noqa: N802 (pyqtgraph override)
        self,
        p: QPainter,
        axis_spec: object,
        tick_specs: object,
        text_specs: list[tuple[QRectF, object, str]],
    ) -> None:
        """The line and ticks as pyqtgraph draws them; the names by our own setting."""
        super().drawPicture(p, axis_spec, tick_specs, [])
        tick_font = self.style["tickFont"] or display_font(12)
        p.setPen(self.textPen())
        top = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        for rect, _, text in text_specs:
            font = font_for(text, tick_font.pixelSize(), tick_font.bold())
            p.setFont(font)
            draw_lines(p, font, text, set_lines(font, text, None), "body", QRectF(rect), top)


class ValueAxis(BackdropAxis):
    """An axis from 0 to a round end, every tick labelled in 万/亿 (or ``M``/``B`` in English)."""

    def __init__(self, orientation: str, percent: bool) -> None:
        super().__init__(orientation)
        self.lang: Lang = "zh"
        self.percent = percent
        self.end, self.step = 1.0, 0.2
        self.overflow = 0.0  # how far a label may reach past the axis's ends, in pixels
        self.enableAutoSIPrefix(False)

    def set_scale(self, end: float, step: float) -> None:
        """Ticks every ``step`` from 0 to ``end`` (see ``nice_axis``), each labelled."""
        if (end, step) != (self.end, self.step):
            self.end, self.step = end, step
            forget_drawing(self)

    def tick_values(self) -> list[float]:
        """Every tick's value, 0 and the end included."""
        count = round(self.end / self.step)
        return [index * self.step for index in range(count + 1)]

    def tickValues(  # noqa: N802 (pyqtgraph override)
        self,
        minimum: float,
        maximum: float,
        size: float,
    ) -> list[tuple[float, list[float]]]:
        """Major ticks only, from 0 to the axis's round end, where the view shows them."""
        low, high = sorted((minimum, maximum))
        slack = self.step * 1e-6
        values = self.tick_values()
        every = self._thinning(values, size / max(high - low, 1e-12))
        shown = [v for v in values[::every] if low - slack <= v <= high + slack]
        return [(self.step * every, shown)]

    def _thinning(self, values: list[float], per_unit: float) -> int:
        """Label every tick, or every second (or more) where labels would crowd.

        Only a divisor of the number of intervals, so 0 and the end keep theirs.
        """
        sizes = self.label_sizes()
        if not sizes or per_unit <= 0:
            return 1
        vertical = self.orientation in ("left", "right")
        label = max(s.height() * 1.6 if vertical else s.width() + s.height() for s in sizes)
        intervals = len(values) - 1
        for every in range(1, intervals + 1):
            if intervals % every == 0 and self.step * every * per_unit >= label:
                return every
        return max(1, intervals)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        """Tick labels in the report's units."""
        return [
            format_axis_tick(v * scale, spacing * scale, self.lang, self.percent) for v in values
        ]

    def label_sizes(self) -> list[QSizeF]:
        """Each tick label's size in the axis's font."""
        metrics = QFontMetricsF(self.style["tickFont"] or display_font(12))
        labels = self.tickStrings(self.tick_values(), 1.0, self.step)
        return [QSizeF(metrics.horizontalAdvance(text), metrics.height()) for text in labels]

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        """The axis and its grid, and room for the end labels to reach past them.

        Pyqtgraph leaves out every label that reaches past this rectangle: the 0
        and the end label, centred on the axis's ends, would be left out.
        """
        rect: QRectF = super().boundingRect()
        m = self.overflow
        if self.orientation in ("left", "right"):
            return rect.adjusted(0, -m, 0, m)
        return rect.adjusted(-m, 0, m, 0)


TICK_CHARACTERS = "0123456789,.-% 万亿MB"
"""Every character a value axis's labels may hold (see ``format_axis_tick``)."""


def style_axis(axis: pg.AxisItem, px: int, stop_at_ticks: bool = False) -> None:
    """Pens and fonts of an axis whose tick labels are ``px`` pixels high.

    With ``stop_at_ticks``, the axis line runs from the first tick to the last (a
    value axis: 0 to its round end), not through room a view leaves above them.
    """
    axis.setPen(pg.mkPen(theme.PANEL_BORDER, width=max(1, px // 12)))
    axis.setTextPen(pg.mkPen(theme.MUTED))
    font = display_font(px)
    offset = max(4, px // 2)
    # Major and minor ticks only: the third level added up to 80 barely visible grid
    # lines, two thirds of a chart's painting time at 3840x2160.
    axis.setStyle(
        tickFont=font,
        tickLength=-offset,
        tickTextOffset=offset,
        maxTickLevel=1,
        stopAxisAtTick=(stop_at_ticks, stop_at_ticks),
    )
    if axis.orientation == "bottom":
        # pyqtgraph makes the axis 0.8 of a line high and clips its labels to it,
        # which cut off 万's hook and the tail of the comma in 20,000.
        metrics = QFontMetricsF(font)
        ink = metrics.tightBoundingRect(TICK_CHARACTERS).bottom()
        axis.setHeight(offset + math.ceil(metrics.ascent() + max(metrics.descent(), ink)) + 1)
