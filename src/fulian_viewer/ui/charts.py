"""Animated pyqtgraph charts built from the dataset's chart definitions.

Each chart is built once and updated in place (``setOpts``/``setData``/``setText``)
as it animates: pyqtgraph leaks when items are recreated or re-added.

Axes and their grid lines do not move while bars grow, so Qt keeps each axis as a
pixmap (``DeviceCoordinateCache``) instead of replaying its drawing every frame,
which took about a millisecond an axis at 1920x1080.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPen, QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QWidget

from fulian_viewer.model.numbers import Lang, format_axis_tick, format_count
from fulian_viewer.model.report import Chart
from fulian_viewer.ui import theme
from fulian_viewer.ui.fonts import display_font
from fulian_viewer.ui.text import TextBlock, device_image

pg.setConfigOptions(antialias=True, foreground=theme.MUTED, background=None)

AXIS_CACHE_KB = 32 * 1024
"""Room in Qt's pixmap cache for the axes of the panes shown (four 4K axes need 17 MB)."""


class ValueAxis(pg.AxisItem):  # type: ignore[misc]
    """An axis whose ticks read in 万/亿 (or ``m``/``bn`` in English)."""

    def __init__(self, orientation: str, percent: bool) -> None:
        super().__init__(orientation)
        self.lang: Lang = "zh"
        self.percent = percent
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        """Tick labels in the report's units."""
        return [
            format_axis_tick(v * scale, spacing * scale, self.lang, self.percent) for v in values
        ]


def _style_axis(axis: pg.AxisItem, px: int) -> None:
    axis.setPen(pg.mkPen(theme.PANEL_BORDER, width=max(1, px // 12)))
    axis.setTextPen(pg.mkPen(theme.MUTED))
    # Major and minor ticks only: the third level added up to 80 barely visible grid
    # lines, two thirds of a chart's painting time at 3840x2160.
    axis.setStyle(
        tickFont=display_font(px),
        tickLength=-max(4, px // 2),
        tickTextOffset=max(4, px // 2),
        maxTickLevel=1,
    )


class ChartView(QWidget):
    """A chart with its title; subclasses draw the figures and animate them."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.lang: Lang = "zh"
        self.progress = 1.0
        self.title = TextBlock(self, color=theme.GOLD, bold=True, wrap=True)
        self.plot = pg.GraphicsLayoutWidget(self)
        self.plot.setBackground(None)
        self.plot.setFrameStyle(0)
        self.plot.setStyleSheet("background: transparent; border: none;")
        self.plot.viewport().setAutoFillBackground(False)
        self.plot.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.plot.ci.setContentsMargins(0, 0, 0, 0)
        self.frame = theme.Frame.of(800, 450)
        self.setAccessibleName(chart.title.zh)

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

    def _place(self) -> None:
        title_height = min(self.title.needed_height(self.width()), self.height() // 4)
        self.title.setGeometry(0, 0, self.width(), title_height)
        gap = self.frame.px(12)
        self.plot.setGeometry(
            0, title_height + gap, self.width(), max(1, self.height() - title_height - gap)
        )

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


class BarChartView(ChartView):
    """Bars that grow from zero, vertical (``bar``) or horizontal (``hbar``)."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.horizontal = chart.type == "hbar"
        percent = chart.unit == "%"
        value_side = "bottom" if self.horizontal else "left"
        self.value_axis = ValueAxis(value_side, percent)
        self.item = self.plot.addPlot(axisItems={value_side: self.value_axis})
        self.item.setMenuEnabled(False)
        self.item.hideButtons()
        self.item.setMouseEnabled(False, False)
        self.item.showGrid(x=self.horizontal, y=not self.horizontal, alpha=0.15)
        self.category_axis = self.item.getAxis("left" if self.horizontal else "bottom")
        count = len(chart.metrics)
        self.positions = list(range(count))
        brush = pg.mkBrush(theme.GOLD)
        pen = pg.mkPen(None)
        if self.horizontal:
            self.bars = pg.BarGraphItem(
                x0=0, y=self.positions, width=[0] * count, height=0.42, brush=brush, pen=pen
            )
            self.category_axis.hide()
            self.item.invertY(True)
        else:
            self.bars = pg.BarGraphItem(
                x=self.positions, y0=0, height=[0] * count, width=0.5, brush=brush, pen=pen
            )
        self.item.addItem(self.bars)
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), AXIS_CACHE_KB))
        for axis in (self.value_axis, self.category_axis):
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.value_labels = [pg.TextItem(color=theme.IVORY) for _ in chart.metrics]
        self.name_labels = (
            [pg.TextItem(color=theme.MUTED) for _ in chart.metrics] if self.horizontal else []
        )
        for label in self.value_labels + self.name_labels:
            self.item.addItem(label)
        self._set_ranges()

    @property
    def maximum(self) -> float:
        """The largest value on the chart."""
        return max(float(m.value) for m in self.chart.metrics) or 1.0

    def _set_ranges(self) -> None:
        count = len(self.chart.metrics)
        if self.horizontal:
            self.item.setXRange(0, self.maximum * 1.32, padding=0)
            self.item.setYRange(-0.75, count - 0.55, padding=0)
        else:
            self.item.setXRange(-0.6, count - 0.4, padding=0)
            self.item.setYRange(0, self.maximum * 1.3, padding=0)

    def restyle(self) -> None:
        """Fonts for the frame."""
        px = self.frame.px(20)
        _style_axis(self.value_axis, px)
        _style_axis(self.category_axis, self.frame.px(22))
        for label in self.value_labels:
            label.setFont(display_font(self.frame.px(26), bold=True))
        for label in self.name_labels:
            label.setFont(display_font(self.frame.px(22)))

    def relabel(self) -> None:
        """Category names and axis language."""
        self.value_axis.lang = self.lang
        self.value_axis.picture = None
        self.value_axis.update()
        names = [m.label(self.lang) for m in self.chart.metrics]
        if self.horizontal:
            for label, name, position in zip(self.name_labels, names, self.positions, strict=True):
                label.setText(name)
                label.setAnchor((0, 1))
                label.setPos(0, position - 0.24)
        else:
            self._wrap_ticks()

    def _wrap_ticks(self) -> None:
        """Category names under the bars, wrapped to their slot's width."""
        px = self.frame.px(22)
        slot = self.width() / max(1, len(self.chart.metrics)) * 0.92
        per_line = max(4, int(slot / (px if self.lang == "zh" else px * 0.55)))
        names = [m.label(self.lang) for m in self.chart.metrics]
        wrapped = [_wrap(name, per_line, self.lang) for name in names]
        self.category_axis.setTicks([list(zip(self.positions, wrapped, strict=True)), []])
        lines = max(text.count("\n") + 1 for text in wrapped)
        self.category_axis.setHeight(int(px * 1.45 * lines + px))

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Re-wrap category names for the new width."""
        super().resizeEvent(event)
        if not self.horizontal:
            self._wrap_ticks()

    def update_figures(self) -> None:
        """Bar lengths and value labels at the current progress."""
        values = [float(m.value) * self.progress for m in self.chart.metrics]
        shown = [max(v, self.maximum * 0.004) if v > 0 else 0 for v in values]
        if self.horizontal:
            self.bars.setOpts(width=shown)
        else:
            self.bars.setOpts(height=shown)
        for index, (label, value) in enumerate(zip(self.value_labels, shown, strict=True)):
            label.setText(self.label_text(index))
            if self.horizontal:
                # Long bars carry their figure inside, so it never runs off the plot.
                inside = value > self.maximum * 0.62
                label.setColor(theme.BACKGROUND_BOTTOM if inside else theme.IVORY)
                label.setAnchor((1, 0.5) if inside else (0, 0.5))
                offset = -self.maximum * 0.015 if inside else self.maximum * 0.015
                label.setPos(value + offset, self.positions[index])
            else:
                label.setAnchor((0.5, 1))
                label.setPos(self.positions[index], value)


class RingItem(pg.GraphicsObject):  # type: ignore[misc]
    """A progress ring for one percentage, drawn in data coordinates."""

    def __init__(self, center: tuple[float, float], radius: float, thickness: float) -> None:
        super().__init__()
        self.center = center
        self.radius = radius
        self.thickness = thickness
        self.fraction = 0.0
        self._track: tuple[tuple[float, float, float], QImage] | None = None

    def set_fraction(self, fraction: float) -> None:
        """Fill the ring to ``fraction`` of a full turn."""
        if fraction != self.fraction:
            self.fraction = fraction
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        """The ring's square."""
        r = self.radius + self.thickness
        return QRectF(self.center[0] - r, self.center[1] - r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, *args: object) -> None:
        """Draw the track and the filled arc.

        Both are drawn in device pixels: stroking in data coordinates (a ring of
        radius 1, scaled up by the view) costs three times as much. The track, a
        whole circle that costs six times as much to stroke as the arc, is drawn
        once into an image for its size.
        """
        r = self.radius
        transform = painter.worldTransform()
        if not transform.isInvertible():
            return
        rect = transform.mapRect(QRectF(self.center[0] - r, self.center[1] - r, 2 * r, 2 * r))
        width = self.thickness * rect.width() / (2 * r)
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = self._track_image(rect.width(), width, painter.device().devicePixelRatioF())
        half = QRectF(track.rect()).center() / track.devicePixelRatio()
        painter.drawImage(rect.center() - half, track)
        if self.fraction > 0:
            arc = QPen(theme.GOLD, width)
            arc.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(arc)
            # From the top of the ring, clockwise on screen (Qt's angles run
            # counter-clockwise from three o'clock).
            painter.drawArc(rect, 90 * 16, -round(self.fraction * 360 * 16))
        painter.restore()

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


class RingChartView(ChartView):
    """One progress ring per percentage, filling up as it animates."""

    SPACING = 2.6

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.view = self.plot.addViewBox(lockAspect=True, enableMouse=False, enableMenu=False)
        self.rings: list[RingItem] = []
        self.value_labels: list[pg.TextItem] = []
        self.name_labels: list[pg.TextItem] = []
        for index, _ in enumerate(chart.metrics):
            x = index * self.SPACING
            ring = RingItem((x, 0), 1.0, 0.2)
            value = pg.TextItem(color=theme.GOLD, anchor=(0.5, 0.5))
            value.setPos(x, 0)
            name = pg.TextItem(color=theme.IVORY, anchor=(0.5, 0))
            name.setPos(x, -1.3)
            self.view.addItem(ring)
            self.view.addItem(value)
            self.view.addItem(name)
            self.rings.append(ring)
            self.value_labels.append(value)
            self.name_labels.append(name)
        width = (len(chart.metrics) - 1) * self.SPACING
        self._range = (width + 2.6, 3.5)
        self.view.setRange(xRange=(-1.3, width + 1.3), yRange=(-2.2, 1.3), padding=0)
        self.view.sigResized.connect(self._wrap_names)

    def restyle(self) -> None:
        """Fonts for the frame."""
        for label in self.value_labels:
            label.setFont(display_font(self.frame.px(40), bold=True))
        for label in self.name_labels:
            label.setFont(display_font(self.frame.px(21)))
        self._wrap_names()

    def relabel(self) -> None:
        """Names under the rings."""
        for label, metric in zip(self.name_labels, self.chart.metrics, strict=True):
            label.setText(metric.label(self.lang))
        self._wrap_names()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Re-wrap names for the new width."""
        super().resizeEvent(event)
        self._wrap_names()

    def _wrap_names(self) -> None:
        # The view keeps its aspect, so the rings may sit closer than the widget's
        # width allows: each name gets the pitch between two ring centres.
        box = self.view.boundingRect()
        range_w, range_h = self._range
        scale = min(box.width() / range_w, box.height() / range_h) if box.width() > 0 else 0.0
        width = self.SPACING * scale * 0.95 if scale > 0 else self.width() / len(self.rings)
        for label in self.name_labels:
            label.setTextWidth(max(40.0, balanced_width(label, width)))
            option = label.textItem.document().defaultTextOption()
            option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.textItem.document().setDefaultTextOption(option)

    def update_figures(self) -> None:
        """Ring fill and percentage at the current progress."""
        for index, (ring, metric) in enumerate(zip(self.rings, self.chart.metrics, strict=True)):
            ring.set_fraction(float(metric.value) / 100 * self.progress)
            self.value_labels[index].setText(self.label_text(index))


def balanced_width(label: pg.TextItem, width: float) -> float:
    """A width no wider than ``width`` that splits a Chinese label into even lines.

    Without it a name a little wider than its room leaves one character alone on
    its last line (城市社区建成家长学 / 校).
    """
    document = label.textItem.document()
    text = document.toPlainText()
    metrics = QFontMetricsF(document.defaultFont())
    margin = 2 * document.documentMargin()
    full = metrics.horizontalAdvance(text)
    if not text or " " in text or full + margin <= width:
        return width  # words wrap at spaces, where even lines cannot be promised
    lines = math.ceil(full / max(1.0, width - margin))
    widest_char = max(metrics.horizontalAdvance(char) for char in text)
    return min(width, float(full / lines + widest_char + margin))


def chart_view(chart: Chart, parent: QWidget | None = None) -> ChartView:
    """The view for a chart definition."""
    if chart.type == "ring":
        return RingChartView(chart, parent)
    return BarChartView(chart, parent)


def _wrap(text: str, width: int, lang: Lang) -> str:
    """Break a category name into lines of about ``width`` characters.

    English breaks between words; Chinese between characters, in even lines.
    """
    if len(text) <= width:
        return text
    if lang == "en":
        lines: list[str] = []
        for word in text.split():
            if lines and len(lines[-1]) + 1 + len(word) <= width:
                lines[-1] += " " + word
            else:
                lines.append(word)
        return "\n".join(lines)
    rows = math.ceil(len(text) / width)
    size = math.ceil(len(text) / rows)
    return "\n".join(text[i : i + size] for i in range(0, len(text), size))
