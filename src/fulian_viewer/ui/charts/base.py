"""What every chart shares: its title, a pyqtgraph view, axes in 万/亿 and the figures' progress.

Each chart is built once and updated in place as it animates: pyqtgraph leaks when
items are recreated or re-added. What moves (bars, rings, figures) and the names
beside it are painted by one :class:`~fulian_viewer.ui.charts.items.PixelLayer`
per chart.

Axes and their grid lines do not move while bars grow. On a pane they are drawn
into the pane's backdrop with the rest of what does not move (replaying an axis's
drawing took about a millisecond at 1920x1080; copying it as a pixmap still blended
the whole plot area each frame).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from fulian_viewer.model.numbers import Lang, format_axis_tick, format_count
from fulian_viewer.model.report import Chart
from fulian_viewer.ui import theme
from fulian_viewer.ui.charts.items import PixelLayer
from fulian_viewer.ui.charts.pyqtgraph_shim import (
    WatchedAxis,
    axis_signature,
    draw_axis,
    forget_drawing,
    measure_axis,
    prepare_for_paint,
    settle_scene,
)
from fulian_viewer.ui.counter import DIGITS
from fulian_viewer.ui.fonts import display_font, font_for
from fulian_viewer.ui.text import TextBlock
from fulian_viewer.ui.typeset import draw_lines, set_lines

pg.setConfigOptions(antialias=True, foreground=theme.MUTED, background=None)

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


class ChartView(QWidget):
    """A chart with its title; subclasses draw the figures and animate them."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.lang: Lang = "zh"
        self.progress = 1.0
        self.title = TextBlock(self, color=theme.GOLD, bold=True, wrap=True, style="heading")
        self.plot = pg.GraphicsLayoutWidget(self)
        self.plot.setBackground(None)
        # pyqtgraph caches the view's background in a pixmap the view's size (10 MB
        # a chart at 3840x2160), then blends it each frame: here it is transparent.
        self.plot.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.plot.setFrameStyle(0)
        self.plot.setStyleSheet("background: transparent; border: none;")
        self.plot.viewport().setAutoFillBackground(False)
        self.plot.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.plot.ci.setContentsMargins(0, 0, 0, 0)
        self.frame = theme.Frame.of(800, 450)
        self._text_sizes: dict[tuple[int, int, str, float], list[int]] = {}
        self.setAccessibleName(chart.title.zh)

    @property
    def layer(self) -> PixelLayer:
        """The item that paints what moves and the names."""
        raise NotImplementedError

    @property
    def view_box(self) -> pg.ViewBox:
        """The view the layer is drawn in."""
        raise NotImplementedError

    def name_rects(self) -> list[QRectF]:
        """The names' boxes in the plot's coordinates."""
        return self.layer.name_rects()

    def backdrop_axes(self) -> list[BackdropAxis]:
        """The chart's axes (none, unless overridden)."""
        return []

    def draw_static_on_backdrop(self, changed: Callable[[], None]) -> None:
        """Let an ancestor draw what does not move into its backdrop: axes, grid, tracks.

        ``changed`` is called when that part changes or moves within the chart.
        """
        self.layer.draw_static_on_backdrop(changed)
        self.view_box.sigResized.connect(self.layer.static_changed)
        self.view_box.sigTransformChanged.connect(self.layer.static_changed)
        for axis in self.backdrop_axes():
            axis.changed = self.layer.static_changed
            axis.geometryChanged.connect(self.layer.static_changed)
            axis.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    def paint_by(self, changed: Callable[[QWidget], None]) -> None:
        """Let an ancestor paint what moves (:meth:`paint_figures`); the view paints nothing.

        ``changed`` is called with the plot's viewport whenever what moves changes.
        Everything else in the view is on the ancestor's backdrop
        (:meth:`draw_static_on_backdrop`), so the view's scene is never painted:
        painting it cost pyqtgraph's and Qt's walk over every item, each frame.
        """
        viewport = self.plot.viewport()
        self.layer.paint_by(lambda: changed(viewport))
        self.plot.setUpdatesEnabled(False)

    def paint_figures(self, painter: QPainter) -> None:
        """Paint what moves, with the chart's top left corner at the painter's origin."""
        viewport = self.plot.viewport()
        offset = viewport.mapTo(self, QPoint(0, 0))
        prepare_for_paint(self.plot)  # pyqtgraph updates the view's transform here
        painter.save()
        painter.setClipRect(QRect(offset, viewport.size()), Qt.ClipOperation.IntersectClip)
        painter.translate(offset)
        self.layer.draw_moving(painter)
        painter.restore()

    def moveEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """The title and what the backdrop holds moved with the chart."""
        self.title.ancestor_moved()
        self.layer.static_changed()

    def draw_static_onto(self, painter: QPainter, origin: QPoint) -> None:
        """Draw what does not move onto a backdrop where the chart's top left is ``origin``."""
        offset = origin + self.plot.viewport().mapTo(self, QPoint(0, 0))
        to_offset = QTransform.fromTranslate(offset.x(), offset.y())
        for axis in self.backdrop_axes():
            if axis.isVisible():
                painter.save()
                painter.setTransform(
                    axis.deviceTransform(self.plot.viewportTransform()) * to_offset
                )
                draw_axis(axis, painter)
                painter.restore()
        self.layer.draw_static_onto(painter, QPointF(offset))

    def set_lang(self, lang: Lang) -> None:
        """Show titles and labels in ``lang``."""
        self.lang = lang
        self.title.set_text(self.chart.title(lang))
        self.setAccessibleName(self.chart.title(lang))
        self.relabel()
        self.set_progress(self.progress)

    def configure(self, frame: theme.Frame) -> None:
        """Size fonts for the pane's frame."""
        self.frame = frame
        self.title.set_font_size(frame.px(30), frame.px(20))
        self.restyle()
        self._place()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Lay out title and plot."""
        self._place()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Drop the drawn names and tracks while hidden."""
        self.layer.clear()

    def settle(self) -> None:
        """Let pyqtgraph finish laying out the plot now, so the backdrop is drawn once.

        pyqtgraph lays out in posted layout requests, fixes the view's transform in
        the first paint, and sizes an axis to its tick labels while drawing it, which
        lays out again. A backdrop drawn before all that settles is drawn again in
        the middle of a slide (50-75 ms at 3840x2160). This runs those steps until
        nothing the backdrop holds changes any more.
        """
        drawn = None
        for _ in range(4):
            settle_scene(self.plot)
            for axis in self.backdrop_axes():
                if axis.isVisible():
                    measure_axis(axis)
            signature = self.static_signature()
            if signature == drawn:
                return
            drawn = signature

    def static_signature(self) -> tuple[object, ...]:
        """What the backdrop's part of the chart is drawn from: equal means unchanged."""
        axes = tuple(
            (
                axis.isVisible(),
                axis.geometry().getRect(),
                axis_signature(axis),
                getattr(axis, "lang", None),
                repr(axis.named_ticks),
            )
            for axis in self.backdrop_axes()
        )
        t = self.layer.to_view()
        view = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy())
        where = (self.x(), self.y(), self.plot.geometry().getRect())
        return (where, view, axes, self.layer.static_signature())

    def prepare(self) -> None:
        """Draw the figures' characters and the title now rather than on the first frame."""
        ratio = self.devicePixelRatioF()
        finals = "".join(format_count(m.value, m, self.lang) for m in self.chart.metrics)
        self.layer.prepare(DIGITS + finals, ratio)
        self.title.prepare()

    def _plot_rect(self, width: int, height: int) -> QRect:
        """Where the plot goes in a ``width x height`` chart: under the title."""
        title_height = min(self.title.needed_height(width), height // 4)
        gap = self.frame.px(12)
        return QRect(0, title_height + gap, width, max(1, height - title_height - gap))

    def text_sizes_at(self, width: int, height: int) -> list[int]:
        """The pixel sizes the figures and names would take in a ``width x height`` chart.

        Worked out from the chart's fonts and data alone, without laying the chart
        out, so that a pane can compare places for it before it settles on one.
        """
        key = (width, height, self.lang, self.frame.scale)
        sizes = self._text_sizes.get(key)
        if sizes is None:
            if len(self._text_sizes) > 64:
                self._text_sizes.clear()
            plot = self._plot_rect(width, height).size()
            sizes = self._text_sizes[key] = self.text_sizes_in(self.view_size_in(plot))
        return sizes

    def view_size_in(self, plot: QSize) -> QSizeF:
        """The size of the view a plot of size ``plot`` leaves inside its axes."""
        return QSizeF(plot)

    def text_sizes_in(self, view: QSizeF) -> list[int]:
        """The pixel sizes of the figures and of each name on a ``view``-sized view."""
        raise NotImplementedError

    def _place(self) -> None:
        plot = self._plot_rect(self.width(), self.height())
        self.title.setGeometry(0, 0, self.width(), plot.top() - self.frame.px(12))
        if plot != self.plot.geometry():
            self.plot.setGeometry(plot)
            self.layer.static_changed()  # moved with the plot

    def set_progress(self, progress: float) -> None:
        """Grow the figures to ``progress`` (0 to 1, already eased)."""
        self.progress = min(max(progress, 0.0), 1.0)
        self.update_figures()

    def label_text(self, index: int) -> str:
        """A metric's value label at the current progress."""
        metric = self.chart.metrics[index]
        if self.progress >= 1.0:
            return format_count(metric.value, metric, self.lang)
        return format_count(float(metric.value) * self.progress, metric, self.lang)

    def restyle(self) -> None:
        """Apply fonts and pens for the current frame."""

    def relabel(self) -> None:
        """Apply texts for the current language."""

    def update_figures(self) -> None:
        """Apply the current progress to bars, rings and labels."""
