"""Bars that grow from zero, vertical (``bar``) or horizontal (``hbar``), with their figures."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, QSizeF
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsGridLayout, QWidget

from fulian_viewer.model.numbers import format_count, nice_axis
from fulian_viewer.model.report import Chart
from fulian_viewer.ui.charts.axes import BackdropAxis, CategoryAxis, ValueAxis, style_axis
from fulian_viewer.ui.charts.bar_layer import BarsLayer
from fulian_viewer.ui.charts.base import ChartView
from fulian_viewer.ui.charts.items import PixelLayer
from fulian_viewer.ui.charts.pyqtgraph_shim import forget_drawing
from fulian_viewer.ui.counter import tabular_text
from fulian_viewer.ui.line_breaks import has_chinese, leading, wrap_name
from fulian_viewer.ui.typeset import balanced_width, fitted_font


def _latin(finals: list[str]) -> bool:
    """Whether figures are set with the Latin marks face first: none has a Chinese character."""
    return not any(has_chinese(final) for final in finals)


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
        finals = self._finals()
        one, two = self._figure_sizes(finals, plot)
        self.bars.two_lines = two > one  # the number over its unit, when that reads larger
        self.bars.drawer = tabular_text(max(one, two), _latin(finals))
        if self.horizontal:
            for index, name in enumerate(self.bars.names):
                text = self.chart.metrics[index].label(self.lang)
                font, room = self._name_font(index, plot)
                wraps = QFontMetricsF(font).horizontalAdvance(text) > room
                name.set(text, font, balanced_width(font, text, room) if wraps else None)
        else:
            self._make_headroom(finals, plot)
        self.bars.update()

    def _finals(self) -> list[str]:
        """The figures the bars end on; sets the units English figures may put below them."""
        metrics = self.chart.metrics
        self.bars.units = [
            m.unit_en if self.lang == "en" and m.unit_en != "%" else "" for m in metrics
        ]
        return [format_count(m.value, m, self.lang) for m in metrics]

    def _figure_sizes(self, finals: list[str], plot: QSizeF) -> tuple[int, int]:
        """The largest figure size on one line, and on two (number over unit), for ``plot``."""
        smallest = self.frame.px(14)
        latin = _latin(finals)

        def largest(two_lines: bool) -> int:
            size = self.frame.px(26)
            while size > smallest and not self.bars.figures_fit(
                tabular_text(size, latin), finals, plot, two_lines
            ):
                size = max(smallest, int(size * 0.93))
            return size

        one = largest(False)
        two = largest(True) if not self.horizontal and any(self.bars.units) else one
        return one, two

    def _name_font(self, index: int, plot: QSizeF) -> tuple[QFont, float]:
        """A horizontal bar's name's font, fitted to its room above the bar; the room's width."""
        text = self.chart.metrics[index].label(self.lang)
        room = self.bars.name_room(index, plot)
        font, _ = fitted_font(
            text, room.width(), room.height(), self.frame.px(22), self.frame.px(14), False, True
        )
        return font, room.width()

    def view_size_in(self, plot: QSize) -> QSizeF:
        """The plot less its axes: the value axis's labels and, under upright bars, the names."""
        sizes = self.value_axis.label_sizes()
        offset = max(4, self.frame.px(20) // 2)
        if not sizes:
            return QSizeF(plot)
        if self.horizontal:
            ends = (sizes[0].width() + sizes[-1].width()) / 2 + 4
            return QSizeF(plot.width() - ends, plot.height() - self.value_axis.height())
        left = max(s.width() for s in sizes) + offset
        below = self._category_height(plot.width())
        return QSizeF(plot.width() - left, plot.height() - sizes[-1].height() / 2 - below)

    def text_sizes_in(self, view: QSizeF) -> list[int]:
        """The figures' size and each horizontal bar's name's, on a ``view``-sized view."""
        if view.width() <= 0 or view.height() <= 0:
            return [0]
        sizes = [max(self._figure_sizes(self._finals(), view))]
        sizes += [self._name_font(i, view)[0].pixelSize() for i in range(len(self.bars.names))]
        return sizes

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
        wrapped = self._wrapped_names(self.width())
        self.category_axis.setTicks([list(zip(self.positions, wrapped, strict=True)), []])
        self.category_axis.setHeight(self._category_height(self.width()))

    def _wrapped_names(self, width: float) -> list[str]:
        """Category names wrapped to their slot's width in a chart ``width`` wide."""
        px = self.frame.px(22)
        slot = width / max(1, len(self.chart.metrics)) * 0.85
        per_line = max(4, int(slot / px))  # in ems: a Chinese character, two Latin letters
        return [wrap_name(m.label(self.lang), per_line) for m in self.chart.metrics]

    def _category_height(self, width: float) -> int:
        """The height of the names under upright bars in a chart ``width`` wide."""
        px = self.frame.px(22)
        wrapped = self._wrapped_names(width)
        lines = max(text.count("\n") + 1 for text in wrapped)
        pitch = leading("".join(wrapped), "body")  # as CategoryAxis sets the names
        return int(px * pitch * lines + px)

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
