"""The base of every pane: background, source line, scaling and count-up animation.

A pane's own painting (the gradient, panels and rules behind its widgets) does not
change while it animates, so it is painted once into a *backdrop* image, which
every frame copies: the translucent rounded panels alone cost over a millisecond
each to paint. Nor do the pane's texts, its counters' labels, or its charts'
titles, axes, grid lines, ring tracks and ring names: they are drawn into the
backdrop too. The backdrop is painted again when any of them changes or moves.

What moves (the counters' figures, the charts' bars, rings and figures) the pane
paints over the backdrop itself, in the same paint event: the counters and chart
views are there for layout, clicks and accessibility, and say where to repaint.

Only a pane on screen keeps a backdrop. A hidden pane that is painted (a thumbnail
of the overview) and a pane that the next one slides over paint the same things
directly, where asked: at 3840x2160 each backdrop is 33 MB.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMoveEvent, QPainter, QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QApplication, QWidget

from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.model.deck import PaneSpec
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.report import Metric, Report
from fulian_viewer.model.settings import Settings
from fulian_viewer.ui import theme
from fulian_viewer.ui.chrome import DOTS_WIDTH, STRIP_HEIGHT
from fulian_viewer.ui.count_up import CountUp
from fulian_viewer.ui.counter import CounterView
from fulian_viewer.ui.layout import PANE_TOP_MARGIN, Box, place
from fulian_viewer.ui.line_breaks import Style
from fulian_viewer.ui.text import TextBlock, device_image, device_rect

if TYPE_CHECKING:
    from fulian_viewer.ui.charts import ChartView  # imports pyqtgraph: only section panes need it


class Pane(QWidget):
    """A full-screen pane of the deck.

    Subclasses create their widgets in ``__init__`` (registering counters and
    charts with :meth:`add_counter` and :meth:`add_chart`), fill in texts in
    :meth:`retranslate` and place widgets in :meth:`arrange`.

    Signals:
        source_requested: a counter was activated; carries its metric.
    """

    source_requested = Signal(object)

    def __init__(
        self,
        dataset: CurrentDataset,
        spec: PaneSpec,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.dataset = dataset
        self.spec = spec
        self.settings = settings
        self.lang: Lang = settings.lang
        self.frame = theme.Frame.of(1920, 1080)
        self.counters: list[CounterView] = []
        self.charts: list[ChartView] = []
        self.texts: list[TextBlock] = []
        # The pane paints every pixel: nothing behind it needs painting first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._backdrop: QImage | None = None
        self._backdrop_texts: list[TextBlock] = []
        self._charts_drawn: tuple[object, ...] = ()
        self._check_charts = False
        self._covered = False  # another pane is sliding over this one
        self.source_line = self.add_text(theme.MUTED)
        self.count_up = CountUp(self, settings, self.counters, self.charts)

    @property
    def report(self) -> Report:
        """The report shown (the dataset's)."""
        return self.dataset.report

    @property
    def backdrop(self) -> QImage | None:
        """The painted backdrop kept for the next frames, if any."""
        return self._backdrop

    # Building blocks -----------------------------------------------------

    def add_text(
        self,
        color: object,
        *,
        bold: bool = False,
        wrap: bool = True,
        align: object = None,
        style: Style = "body",
    ) -> TextBlock:
        """A text block owned by this pane, set at the leading of ``style``."""
        kwargs = {"align": align} if align is not None else {}
        block = TextBlock(self, color=color, bold=bold, wrap=wrap, style=style, **kwargs)  # type: ignore[arg-type]
        self.texts.append(block)
        self._keep_on_backdrop(block)
        return block

    def add_counter(self, metric: Metric) -> CounterView:
        """A counter owned by this pane; clicking it asks for its source."""
        counter = CounterView(metric, self)
        counter.paint_by(self._figures_changed)
        counter.activated.connect(self.source_requested)
        self.counters.append(counter)
        self._keep_on_backdrop(counter.label)
        return counter

    def add_chart(self, chart: ChartView) -> ChartView:
        """Adopt a chart view."""
        chart.setParent(self)
        self.charts.append(chart)
        self._keep_on_backdrop(chart.title)
        chart.draw_static_on_backdrop(self._charts_may_have_changed)
        chart.paint_by(self._figures_changed)
        return chart

    def _keep_on_backdrop(self, block: TextBlock) -> None:
        """Draw ``block`` into the backdrop, drawn again whenever the block changes."""
        block.draw_on_backdrop(self._drop_backdrop)
        self._backdrop_texts.append(block)

    def _figures_changed(self, widget: QWidget) -> None:
        """A counter's figure or a chart's bars, rings or figures changed inside ``widget``."""
        self.update(QRect(widget.mapTo(self, QPoint(0, 0)), widget.size()))

    def _drop_backdrop(self) -> None:
        self._backdrop = None
        self.update()

    def _charts_may_have_changed(self) -> None:
        """Pyqtgraph signalled a change to a chart's axes or view, often a repeat.

        Checked at the next paint against what the backdrop was drawn with, so a
        repeated signal does not draw the backdrop again (which took 50-75 ms at
        3840x2160, in the middle of a slide).
        """
        if self._backdrop is not None and not self._check_charts:
            self._check_charts = True
            self.update()

    def _charts_signature(self) -> tuple[object, ...]:
        return tuple(chart.static_signature() for chart in self.charts if chart.isVisibleTo(self))

    # Language and layout -------------------------------------------------

    def set_lang(self, lang: Lang) -> None:
        """Show the pane in ``lang``."""
        self.lang = lang
        for counter in self.counters:
            counter.set_lang(lang)
        for chart in self.charts:
            chart.set_lang(lang)
        self.source_line.set_text(self.source_text())
        self.retranslate()
        self.relayout()

    def source_text(self) -> str:
        """The small line naming where the pane's figures come from."""
        return ""

    def retranslate(self) -> None:
        """Fill in the pane's own texts for ``self.lang``."""

    def relayout(self) -> None:
        """Place every widget for the pane's current size."""
        self._backdrop = None
        self.frame = theme.Frame.of(self.width(), self.height())
        frame = self.frame
        full = Box(0, 0, frame.logical_width, frame.logical_height)
        self.source_line.set_font_size(frame.px(22), frame.px(14))
        margin, footer_height, bottom, corner = 80, 34, 28, DOTS_WIDTH
        if frame.arrangement == "portrait":
            # The source line takes the whole width: beside the progress chrome's dots
            # it had half a narrow screen, and wrapped inside titles. One line stays
            # above the dots; more lines go above the chrome's strip.
            margin, footer_height, corner = 56, 64, 0
            width = frame.px(frame.logical_width - 2 * margin)
            if self.source_line.needed_height(width) > self.source_line.needed_height(1 << 20):
                bottom = STRIP_HEIGHT + 4
        body, footer = full.inset(margin, PANE_TOP_MARGIN, margin, bottom).take_bottom(
            footer_height, 18
        )
        footer = footer.inset(0, 0, corner, 0)  # leave the corner to the progress chrome
        place(self.source_line, footer, frame)
        for chart in self.charts:
            chart.configure(frame)
        self.arrange(body, frame)

    def arrange(self, body: Box, frame: theme.Frame) -> None:
        """Place the pane's widgets inside ``body`` (logical pixels)."""

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Re-lay out for the new size."""
        self.relayout()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Drop the backdrop while hidden."""
        self._backdrop = None
        self._covered = False

    def cover(self) -> None:
        """Another pane slides over this one, which stays still and is then hidden.

        Qt repaints a covered pane only where something on it changes (a figure
        jumping to its final value), so it drops its backdrop and paints just
        that: a slide never holds two backdrops.
        """
        self._covered = True
        self._backdrop = None

    @property
    def keeps_backdrop(self) -> bool:
        """Whether painting keeps a backdrop: only while shown and not covered."""
        return self.isVisible() and not self._covered

    def prepare(self) -> None:
        """Draw now what the pane's first frame would: its backdrop (with the texts) and figures.

        A slide calls this before it starts; otherwise drawing them falls on the
        slide's first frame, which at 3840x2160 then takes 50-75 ms.
        """
        if self.keeps_backdrop:
            self._current_backdrop()
        self._prepare_figures()

    def predraw(self) -> None:
        """Draw the backdrop and figures now, though hidden: the first frame once shown copies it.

        For a pane about to be cut to (a presenter's copy of the deck draws its next
        pane while nothing moves); the backdrop is kept until the pane has been shown
        and hidden again, or :meth:`forget_backdrop`.
        """
        self._covered = False
        self._lay_out_hidden()
        self._current_backdrop()
        self._prepare_figures()

    def _lay_out_hidden(self) -> None:
        """Deliver the move and resize events Qt holds back for hidden widgets until shown.

        Without them the pane and its charts keep their old size until the first
        frame, which would then lay them out and draw everything again (a text
        block's move drops the backdrop too).
        """
        moved, resized = (
            Qt.WidgetAttribute.WA_PendingMoveEvent,
            Qt.WidgetAttribute.WA_PendingResizeEvent,
        )
        for widget in (self, *self.findChildren(QWidget)):  # parents before children
            if widget.testAttribute(moved):
                widget.setAttribute(moved, False)
                QApplication.sendEvent(widget, QMoveEvent(widget.pos(), QPoint()))
            if widget.testAttribute(resized):
                widget.setAttribute(resized, False)
                QApplication.sendEvent(widget, QResizeEvent(widget.size(), QSize()))

    def _prepare_figures(self) -> None:
        for counter in self.counters:
            counter.prepare()
        for chart in self.charts:
            chart.prepare()

    def forget_backdrop(self) -> None:
        """Let a backdrop drawn in advance go (the pane is not about to be shown after all)."""
        if not self.isVisible():
            self._backdrop = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Copy the part of the backdrop that needs painting (or paint it, keeping none)."""
        painter = QPainter(self)
        if self.keeps_backdrop:
            backdrop = self._current_backdrop()
            painter.drawImage(
                event.rect(), backdrop, device_rect(event.rect(), backdrop.devicePixelRatio())
            )
        else:
            painter.save()  # the figures are drawn with the painter as it came
            self._paint_still(painter, event.region())
            painter.restore()
        self._paint_figures(painter, event.region())
        painter.end()

    def _paint_figures(self, painter: QPainter, area: QRegion) -> None:
        """Counters' figures and charts' bars, rings and figures, where they meet ``area``.

        The pane paints them itself rather than each widget painting its own: a
        widget's paint event cost Qt and Python about 45 us a counter, each frame,
        and a chart's view walked every item of its scene.
        """
        widgets: list[CounterView | ChartView] = [*self.counters, *self.charts]
        for widget in widgets:
            if widget.isVisibleTo(self) and _meets(self, widget, area):
                origin = widget.mapTo(self, QPoint(0, 0))
                painter.translate(origin)
                widget.paint_figures(painter)
                painter.translate(-origin)

    def _current_backdrop(self) -> QImage:
        """The backdrop, drawn again if something on it changed since it was drawn."""
        if self._check_charts:
            self._check_charts = False
            if self._charts_signature() != self._charts_drawn:
                self._backdrop = None
        ratio = self.devicePixelRatioF()
        if self._backdrop is None or self._backdrop.devicePixelRatio() != ratio:
            self._backdrop = self._paint_backdrop(ratio)
        return self._backdrop

    def _paint_backdrop(self, ratio: float) -> QImage:
        """An image of everything on the pane that does not move."""
        image = device_image(self.width(), self.height(), ratio, transparent=False)
        painter = QPainter(image)
        self._paint_still(painter)
        self._charts_drawn = self._charts_signature()
        painter.end()
        return image

    def _paint_still(self, painter: QPainter, area: QRegion | None = None) -> None:
        """The background, rule and decoration, the texts and what does not move on charts.

        With ``area``, texts and charts outside it are skipped (Qt's clip keeps the
        rest to it).
        """
        theme.paint_background(painter, self.width(), self.height())
        line = self.source_line.geometry()
        painter.setPen(theme.PANEL_BORDER)
        y = line.top() - self.frame.px(10)
        painter.drawLine(line.left(), y, line.right(), y)
        self.paint_decoration(painter)
        for block in self._backdrop_texts:
            if not block.isVisibleTo(self):
                block.left_off_backdrop()
            elif _meets(self, block, area):
                block.draw_onto(painter, block.mapTo(self, QPoint(0, 0)))
        for chart in self.charts:
            if chart.isVisibleTo(self) and _meets(self, chart, area):
                chart.settle()  # or pyqtgraph moves the axes after they are drawn here
                chart.draw_static_onto(painter, chart.mapTo(self, QPoint(0, 0)))

    def paint_decoration(self, painter: QPainter) -> None:
        """Extra painting by subclasses, over the background."""

    # Animation -----------------------------------------------------------

    @property
    def animation_ms(self) -> int:
        """How long the pane's count-up takes in all (its spec says)."""
        return self.spec.animation_ms(self.settings)

    @property
    def animating(self) -> bool:
        """Whether the count-up is running."""
        return self.count_up.running

    def play(self) -> None:
        """Count every figure up from zero (or show final values without motion)."""
        self.count_up.play(self.animation_ms)

    def finish(self) -> None:
        """Stop the count-up and show every final value."""
        self.count_up.finish()

    def show_at(self, elapsed: float) -> None:
        """Show the count-up as it stands ``elapsed`` milliseconds in."""
        self.count_up.show_at(elapsed)


def _meets(pane: QWidget, widget: QWidget, area: QRegion | None) -> bool:
    """Whether ``widget`` (inside ``pane``) overlaps ``area`` of the pane (None: all of it)."""
    if area is None:
        return True
    return area.intersects(QRect(widget.mapTo(pane, QPoint(0, 0)), widget.size()))
