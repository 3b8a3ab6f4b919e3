"""Bars that grow from zero, vertical (``bar``) or horizontal (``hbar``), with their figures."""

from __future__ import annotations

from collections.abc import Iterator

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsGridLayout, QWidget

from fulian_viewer.model.numbers import format_count, nice_axis, number_over_unit
from fulian_viewer.model.report import Chart
from fulian_viewer.ui import theme
from fulian_viewer.ui.charts.base import (
    BackdropAxis,
    CategoryAxis,
    ChartView,
    ValueAxis,
    style_axis,
)
from fulian_viewer.ui.charts.items import Anchor, NameImage, PixelLayer, anchored, draw_figure
from fulian_viewer.ui.charts.pyqtgraph_shim import forget_drawing
from fulian_viewer.ui.counter import TabularText, tabular_text
from fulian_viewer.ui.line_breaks import has_chinese, leading, wrap_name
from fulian_viewer.ui.typeset import balanced_width, fitted_font

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


class AxesLayout(pg.GraphicsWidget):  # type: ignore[misc]
    """A view with an axis on its left and one below it, as pyqtgraph's ``PlotItem`` lays them out.

    ``PlotItem`` also builds a context menu and a settings form of some forty
    widgets for every plot, which a chart on a pane never shows: 12 ms and 0.6 MB
    a chart, against 2 ms and 0.1 MB for this.
    """

    def __init__(self, view: pg.ViewBox, left: pg.AxisItem, bottom: pg.AxisItem) -> None:
        super().__init__()
        grid = QGraphicsGridLayout()
        grid.setContentsMargins(1, 1, 1, 1)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(0)
        self.setLayout(grid)
        grid.addItem(view, 0, 1)
        for axis, row, column in ((left, 0, 0), (bottom, 1, 1)):
            axis.linkToView(view)
            grid.addItem(axis, row, column)
        for index in range(2):
            grid.setRowMinimumHeight(index, 0)
            grid.setRowPreferredHeight(index, 0)
            grid.setColumnMinimumWidth(index, 0)
            grid.setColumnPreferredWidth(index, 0)
        grid.setRowStretchFactor(0, 100)
        grid.setRowStretchFactor(1, 1)
        grid.setColumnStretchFactor(0, 1)
        grid.setColumnStretchFactor(1, 100)


class BarChartView(ChartView):
    """Bars that grow from zero, vertical (``bar``) or horizontal (``hbar``)."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.horizontal = chart.type == "hbar"
        percent = chart.unit == "%"
        value_side = "bottom" if self.horizontal else "left"
        category_side = "left" if self.horizontal else "bottom"
        self.value_axis = ValueAxis(value_side, percent)
        self.category_axis = CategoryAxis(category_side)
        self.view = pg.ViewBox(enableMouse=False, enableMenu=False, invertY=self.horizontal)
        axes = {value_side: self.value_axis, category_side: self.category_axis}
        self.axes_layout = AxesLayout(self.view, axes["left"], axes["bottom"])
        self.plot.ci.addItem(self.axes_layout)
        # The grid runs across the plot from the value axis's ticks, faintly.
        self.value_axis.setGrid(int(0.15 * 255))
        count = len(chart.metrics)
        self.positions = list(range(count))
        self.bars = BarsLayer(self.horizontal, [float(m.value) for m in chart.metrics])
        if self.horizontal:
            self.category_axis.hide()
        self.view.addItem(self.bars, ignoreBounds=True)
        self._set_ranges()
        self.view_box.sigResized.connect(self._fit_labels)

    @property
    def layer(self) -> PixelLayer:
        """The bars, figures and names."""
        return self.bars

    @property
    def view_box(self) -> pg.ViewBox:
        """The view the bars are drawn in."""
        return self.view

    def backdrop_axes(self) -> list[BackdropAxis]:
        """The value axis (with the grid) and the category axis."""
        return [self.value_axis, self.category_axis]

    @property
    def maximum(self) -> float:
        """The largest value on the chart."""
        return self.bars.maximum

    def _set_ranges(self) -> None:
        count = len(self.chart.metrics)
        end, step = nice_axis(self.maximum)
        self.value_axis.set_scale(end, step)
        self.bars.end = end
        if self.horizontal:
            x_range, y_range = (0.0, end), (-0.75, count - 0.55)
        else:
            x_range, y_range = (-0.6, count - 0.4), (0.0, end)
        self.view.setRange(xRange=x_range, yRange=y_range, padding=0)
        self.bars.set_bounds(
            QRectF(x_range[0], y_range[0], x_range[1] - x_range[0], y_range[1] - y_range[0])
        )

    def restyle(self) -> None:
        """Fonts for the frame."""
        style_axis(self.value_axis, self.frame.px(20), stop_at_ticks=True)
        style_axis(self.category_axis, self.frame.px(22))
        self.relabel()

    def relabel(self) -> None:
        """Category names and axis language."""
        self.value_axis.lang = self.lang
        forget_drawing(self.value_axis)
        self._leave_room_for_end_labels()
        if not self.horizontal:
            self._wrap_ticks()
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Size the figures, and horizontal bars' names, to the room the plot leaves them.

        Long English figures (``More than 30,000 bases and workshops``) and names
        would otherwise run off a narrow plot, as on a portrait screen.
        """
        plot = self.view_box.boundingRect().size()
        if plot.isEmpty():
            plot = QSizeF(self.width(), self.height())
        metrics = self.chart.metrics
        finals = [format_count(m.value, m, self.lang) for m in metrics]
        units = [m.unit_en if self.lang == "en" and m.unit_en != "%" else "" for m in metrics]
        self.bars.units = units
        smallest = self.frame.px(14)
        latin = not any(has_chinese(final) for final in finals)

        def largest(two_lines: bool) -> int:
            size = self.frame.px(26)
            while size > smallest and not self.bars.figures_fit(
                tabular_text(size, latin), finals, plot, two_lines
            ):
                size = max(smallest, int(size * 0.93))
            return size

        one = largest(False)
        two = largest(True) if not self.horizontal and any(units) else one
        self.bars.two_lines = two > one  # the number over its unit, when that reads larger
        self.bars.drawer = tabular_text(max(one, two), latin)
        if self.horizontal:
            for index, name in enumerate(self.bars.names):
                text = self.chart.metrics[index].label(self.lang)
                room = self.bars.name_room(index, plot)
                font, _ = fitted_font(
                    text, room.width(), room.height(), self.frame.px(22), smallest, False, True
                )
                wraps = QFontMetricsF(font).horizontalAdvance(text) > room.width()
                name.set(text, font, balanced_width(font, text, room.width()) if wraps else None)
        else:
            self._make_headroom(finals, plot)
        self.bars.update()

    def _make_headroom(self, finals: list[str], plot: QSizeF) -> None:
        """Room over the axis's end for figures too wide for their bars; the rest go inside.

        A figure rides above its bar, and inside the bar's top once the bar nears the
        view's top, if it fits there; one that does not fit inside gets room above
        its bar, the view reaching past the axis's end (which stays its last tick).
        """
        bars, drawer = self.bars, self.bars.drawer
        assert drawer is not None
        per_x = plot.width() / bars.boundingRect().width()
        top, talls, inside = bars.end, [], []
        for index, (value, text) in enumerate(zip(bars.values, finals, strict=True)):
            lines = bars.figure_lines(index, text)
            width = max(drawer.width(line) for line in lines)
            tall = drawer.height * (len(lines) + 0.1)
            talls.append(tall)
            inside.append(bars.fits_inside(width, tall, value * plot.height() / bars.end, per_x))
            if not inside[-1] and plot.height() > 0:
                top = max(top, value / max(0.5, 1 - tall / plot.height()))
        per_y = plot.height() / top
        bars.room_needed = [
            t / per_y if fits else 0.0 for t, fits in zip(talls, inside, strict=True)
        ]
        count = len(bars.values)
        if abs(bars.boundingRect().bottom() - top) > top * 1e-6:
            self.view.setRange(xRange=(-0.6, count - 0.4), yRange=(0.0, top), padding=0)
            bars.set_bounds(QRectF(-0.6, 0.0, count, top))

    def _leave_room_for_end_labels(self) -> None:
        """Margins so that the 0 and the end label, centred on the axis's ends, show whole."""
        sizes = self.value_axis.label_sizes()
        if not sizes:
            return
        grid = self.axes_layout.layout()
        if self.horizontal:
            first, last = sizes[0].width() / 2 + 2, sizes[-1].width() / 2 + 2
            self.value_axis.overflow = max(first, last)
            grid.setContentsMargins(first, 1, last, 1)
        else:
            half = sizes[-1].height() / 2 + 2
            self.value_axis.overflow = half
            grid.setContentsMargins(1, half, 1, 1)
        self.value_axis.prepareGeometryChange()

    def _wrap_ticks(self) -> None:
        """Category names under the bars, wrapped to their slot's width."""
        px = self.frame.px(22)
        slot = self.width() / max(1, len(self.chart.metrics)) * 0.85
        per_line = max(4, int(slot / px))  # in ems: a Chinese character, two Latin letters
        names = [m.label(self.lang) for m in self.chart.metrics]
        wrapped = [wrap_name(name, per_line) for name in names]
        self.category_axis.setTicks([list(zip(self.positions, wrapped, strict=True)), []])
        lines = max(text.count("\n") + 1 for text in wrapped)
        pitch = leading("".join(wrapped), "body")  # as CategoryAxis sets the names
        self.category_axis.setHeight(int(px * pitch * lines + px))

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Re-wrap category names for the new width."""
        super().resizeEvent(event)
        if not self.horizontal:
            self._wrap_ticks()

    def update_figures(self) -> None:
        """Bar lengths and figures at the current progress."""
        values = [float(m.value) * self.progress for m in self.chart.metrics]
        lengths = [max(v, self.maximum * 0.004) if v > 0 else 0.0 for v in values]
        figures = [self.label_text(index) for index in self.positions]
        self.bars.set_figures(lengths, figures)
