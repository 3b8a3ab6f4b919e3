"""Progress rings, one per percentage, filling up with the figure inside and the name below."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import QWidget

from fulian_viewer.model.report import Chart
from fulian_viewer.ui import theme
from fulian_viewer.ui.charts.base import ChartView
from fulian_viewer.ui.charts.items import NameImage, PixelLayer, draw_figure
from fulian_viewer.ui.counter import TabularText, tabular_text
from fulian_viewer.ui.fonts import font_for
from fulian_viewer.ui.text import device_image
from fulian_viewer.ui.typeset import balanced_width, block_height, set_lines

SPACING = 2.6
"""Distance between ring centres, in ring radii (the least: a wide chart spreads them)."""
THICKNESS = 0.2
"""The ring's stroke, in radii."""
NAME_TOP = -1.3
"""Where names start below the centres, in radii (the view's y axis points up)."""
BOTTOM = -2.2
"""The view's lower edge, in radii: names end above it."""


def _side(spacing: float) -> float:
    """The view's room beside the outer rings' centres.

    A radius and a little, or half a pitch when the rings spread out, so that the
    outer names have their width.
    """
    return max(1.3, spacing / 2)


class RingsLayer(PixelLayer):
    """The rings: a faint track, the filled arc, the figure inside, the name below."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.fractions = [0.0] * count
        self.figures = [""] * count
        self.names = [NameImage(theme.IVORY) for _ in range(count)]
        self.spacing = SPACING  # between ring centres, in radii
        self.drawer: TabularText | None = None
        self._track: tuple[tuple[float, float, float], QImage] | None = None

    def set_figures(self, fractions: list[float], figures: list[str]) -> None:
        """How far each ring is filled (of a full turn) and the figures inside."""
        if fractions != self.fractions or figures != self.figures:
            self.fractions, self.figures = fractions, figures
            self.refresh()

    def centre(self, index: int) -> QPointF:
        """Ring ``index``'s centre in data coordinates (radius 1)."""
        return QPointF(index * self.spacing, 0)

    def _ring_rect(self, index: int, to_device: QTransform) -> QRectF:
        centre = self.centre(index)
        return to_device.mapRect(QRectF(centre.x() - 1, centre.y() - 1, 2, 2))

    def draw_static(self, painter: QPainter, to_device: QTransform) -> None:
        """The tracks, faint whole circles, and the names below the rings.

        The track costs six times as much to stroke as an arc, so it is drawn once
        into an image for its size (and usually once into the pane's backdrop).
        """
        ratio = painter.device().devicePixelRatioF()
        for index in range(len(self.fractions)):
            rect = self._ring_rect(index, to_device)
            track = self._track_image(rect.width(), THICKNESS * rect.width() / 2, ratio)
            half = QRectF(track.rect()).center() / track.devicePixelRatio()
            painter.drawImage(rect.center() - half, track)
        self.draw_names(painter, to_device)

    def draw(self, painter: QPainter, to_device: QTransform) -> None:
        """The filled arcs and the figures inside, in device pixels.

        Stroking in data coordinates (a ring of radius 1, scaled up by the view)
        costs three times as much.
        """
        for index, fraction in enumerate(self.fractions):
            rect = self._ring_rect(index, to_device)
            if fraction > 0:
                arc = QPen(theme.GOLD, THICKNESS * rect.width() / 2)
                arc.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(arc)
                # From the top of the ring, clockwise on screen (Qt's angles run
                # counter-clockwise from three o'clock).
                painter.drawArc(rect, 90 * 16, -round(fraction * 360 * 16))
            if self.drawer is not None:
                painter.setPen(theme.GOLD)
                draw_figure(painter, self.drawer, self.figures[index], rect.center(), (0.5, 0.5))

    def static_signature(self) -> tuple[object, ...]:
        """The names, their fonts and boxes."""
        return tuple((name.text, name.font.pixelSize(), name.size) for name in self.names)

    def name_point(self, index: int) -> QPointF:
        """Below ring ``index``, the name's top centre."""
        return QPointF(self.centre(index).x(), NAME_TOP)

    def _track_image(self, diameter: float, width: float, ratio: float) -> QImage:
        """The track, a faint whole circle, drawn on a transparent image of its size."""
        key = (round(diameter, 2), round(width, 2), ratio)
        if self._track is None or self._track[0] != key:
            side = diameter + width + 4
            image = device_image(side, side, ratio)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(theme.TRACK, width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            margin = (width + 4) / 2
            painter.drawEllipse(QRectF(margin, margin, diameter, diameter))
            painter.end()
            self._track = (key, image)
        return self._track[1]

    def prepare(self, characters: str, ratio: float) -> None:
        """Draw the percentages' characters."""
        if self.drawer is not None:
            self.drawer.prepare(characters, theme.GOLD, ratio)

    def clear(self) -> None:
        """Drop the drawn names and track."""
        super().clear()
        self._track = None


class RingChartView(ChartView):
    """One progress ring per percentage, filling up as it animates."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.view = self.plot.addViewBox(lockAspect=True, enableMouse=False, enableMenu=False)
        self.rings = RingsLayer(len(chart.metrics))
        self.view.addItem(self.rings, ignoreBounds=True)
        self.rings.spacing = 0.0  # until spread
        self._spread(SPACING)
        self.view.sigResized.connect(self._wrap_names)

    def _spread(self, spacing: float) -> None:
        """Set the rings ``spacing`` radii apart, and the view's range to hold them."""
        if spacing == self.rings.spacing:
            return
        self.rings.spacing = spacing
        width = (len(self.chart.metrics) - 1) * spacing
        side = _side(spacing)
        self.rings.set_bounds(QRectF(-side, BOTTOM, width + 2 * side, 1.3 - BOTTOM))
        self.view.setRange(xRange=(-side, width + side), yRange=(BOTTOM, 1.3), padding=0)

    @property
    def layer(self) -> PixelLayer:
        """The rings, figures and names."""
        return self.rings

    @property
    def view_box(self) -> pg.ViewBox:
        """The view the rings are drawn in."""
        return self.view

    def restyle(self) -> None:
        """Fonts for the frame."""
        self.rings.drawer = tabular_text(self.frame.px(40))
        self._wrap_names()

    def relabel(self) -> None:
        """Names under the rings."""
        self._wrap_names()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Re-wrap names for the new width."""
        super().resizeEvent(event)
        self._wrap_names()

    def _wrap_names(self) -> None:
        size, room, spacing = self._name_size(self.view.boundingRect().size())
        self._spread(spacing)
        for name, metric in zip(self.rings.names, self.chart.metrics, strict=True):
            text = metric.label(self.lang)
            font = font_for(text, size)  # the Latin marks face first for English names
            name.set(text, font, max(40.0, balanced_width(font, text, room)))
        self.rings.static_changed()
        self.rings.update()

    def _name_size(self, box: QSizeF) -> tuple[int, float, float]:
        """The names' pixel size on a ``box``-sized view, their width and the rings' spacing.

        The size is as large as fits under the rings. The view keeps its aspect, so
        the rings may sit closer than the widget's width allows: each name gets the
        pitch between two ring centres. Where names would shrink in a view wider
        than the rings need (a short, wide chart), the rings spread out across it,
        giving the names its width.
        """
        count = len(self.chart.metrics)
        spacings = [SPACING]
        if count > 1 and box.height() > 0:
            widest = box.width() / box.height() * (1.3 - BOTTOM) / count  # half a pitch a side
            if widest > SPACING * 1.05:
                spacings.append(widest)
        best: tuple[int, float, float] | None = None
        for spacing in spacings:
            size, room = self._names_fitted(box, spacing)
            if best is None or size > best[0]:
                best = (size, room, spacing)
            if size >= self.frame.px(21):
                break
        assert best is not None
        return best

    def _names_fitted(self, box: QSizeF, spacing: float) -> tuple[int, float]:
        """The largest names' size that fits under rings ``spacing`` apart, and the names' width."""
        count = len(self.chart.metrics)
        range_w, range_h = (count - 1) * spacing + 2 * _side(spacing), 1.3 - BOTTOM
        scale = min(box.width() / range_w, box.height() / range_h) if box.width() > 0 else 0.0
        room = spacing * scale * 0.95 if scale > 0 else self.width() / count
        below = (NAME_TOP - BOTTOM) * scale  # the height left for names under the rings
        size, smallest = self.frame.px(21), self.frame.px(15)
        while True:
            tallest = 0.0
            for metric in self.chart.metrics:
                text = metric.label(self.lang)  # balanced, as set, on as many lines
                font = font_for(text, size)
                lines = set_lines(font, text, max(40.0, room))
                tallest = max(tallest, block_height(font, text, len(lines), "body"))
            if size <= smallest or scale <= 0 or tallest <= below:
                return size, room
            size = max(smallest, int(size * 0.93))

    def text_sizes_in(self, view: QSizeF) -> list[int]:
        """The names' size on a ``view``-sized view (the figures keep theirs)."""
        return [self._name_size(view)[0]]

    def update_figures(self) -> None:
        """Ring fill and percentage at the current progress."""
        fractions = [float(m.value) / 100 * self.progress for m in self.chart.metrics]
        figures = [self.label_text(index) for index in range(len(fractions))]
        self.rings.set_figures(fractions, figures)
