"""What every chart shares: its title, a pyqtgraph view, its axes and the figures' progress.

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

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from fulian_viewer.model.numbers import Lang, format_count
from fulian_viewer.model.report import Chart
from fulian_viewer.ui import theme
from fulian_viewer.ui.charts.axes import BackdropAxis
from fulian_viewer.ui.charts.items import PixelLayer
from fulian_viewer.ui.charts.pyqtgraph_shim import (
    axis_signature,
    draw_axis,
    measure_axis,
    prepare_for_paint,
    settle_scene,
)
from fulian_viewer.ui.counter import DIGITS
from fulian_viewer.ui.text import TextBlock

pg.setConfigOptions(antialias=True, foreground=theme.MUTED, background=None)


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

    def view_height_at(self, width: int, height: int) -> float:
        """The height of the view the figures are drawn in, in a ``width x height`` chart."""
        return self.view_size_in(self._plot_rect(width, height).size()).height()

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
