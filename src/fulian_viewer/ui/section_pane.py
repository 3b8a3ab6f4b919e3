"""A report section: heading, summary, headline counters, charts and the other figures."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QWidget

from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.model.deck import PaneSpec
from fulian_viewer.model.report import Section
from fulian_viewer.model.settings import Settings
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui import theme
from fulian_viewer.ui.charts import chart_view
from fulian_viewer.ui.charts.axes import AXIS_PX
from fulian_viewer.ui.counter import CounterView
from fulian_viewer.ui.layout import Box, place
from fulian_viewer.ui.pane import Pane

DETAIL_GAP = (24, 16)
"""Between the other figures' cells, across and down (logical pixels)."""
STACKED_SHARE = 1.4
"""On a portrait screen, charts one above the other take this much height to the
headline counters' 1 (side by side, 1.15)."""
PORTRAIT_PLOT_SHARE = 1 / 12
"""On a portrait screen, the least height of every chart's plot (the view its bars or
rings are drawn in, inside the axes), as a share of the screen's height.

160 pixels on a 1080x1920 totem: on a 55-inch portrait screen (122 cm high) some
10 cm, nearly 2 degrees of arc from three metres, where a bar of a third of the
axis still stands more than twice as tall as its figure's line (the figures
are about 26 pixels), and an axis's ticks lie well over a label's height apart.
Room comes from the stacked charts' shares (:meth:`SectionPane._stacked`), then
PORTRAIT_STEPS.
"""
PLOT_SLACK = 3
"""Real pixels a chart's laid-out plot may fall short of its worked-out height
(``ChartView.view_height_at``: the axes' grid keeps a pixel each side, and rounds)."""
PORTRAIT_STEPS = ((28, 1.0), (20, 1.0), (20, 0.9), (20, 0.8))
"""How a portrait pane makes room for its plots, tried in turn until every plot has
its least height (else the step where they lack least): logical pixels between its
blocks, and the size of its heading (title, subtitle and summary) as a share of the
full size. At 0.8 the summary is 20 pixels on a 1080-pixel-wide screen, over the
least of 18."""


class SectionPane(Pane):
    """One ``###`` section of the report."""

    def __init__(
        self,
        dataset: CurrentDataset,
        spec: PaneSpec,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(dataset, spec, settings, parent)
        assert spec.section is not None
        self.section: Section = spec.section
        self.number = spec.number
        self.kicker = self.add_text(theme.GOLD, bold=True, wrap=False)
        self.title = self.add_text(theme.IVORY, bold=True, style="display")
        self.subtitle = self.add_text(theme.GOLD, style="heading")
        self.summary = self.add_text(theme.MUTED)
        self.headlines = [self.add_counter(m) for m in self.section.headline_metrics]
        self.details = [self.add_counter(m) for m in self.section.detail_metrics]
        for chart in self.section.charts:
            self.add_chart(chart_view(chart))
        self._panels: list[Box] = []
        self.set_lang(self.lang)

    def source_text(self) -> str:
        """Report and section."""
        report = self.report.deck.get("title", self.lang)
        return ui_text(
            "source_line", self.lang, report=report, section=self.section.title(self.lang)
        )

    def retranslate(self) -> None:
        """Heading and summary."""
        self.kicker.set_text(self.spec.part(self.lang))
        self.title.set_text(self.section.title(self.lang))
        self.subtitle.set_text(self.section.subtitle(self.lang))
        self.summary.set_text(self.section.summary(self.lang))

    def arrange(self, body: Box, frame: theme.Frame) -> None:
        """Header, counters, charts and details for the frame's shape."""
        arrangement = frame.arrangement
        self.kicker.set_font_size(frame.px(28), frame.px(18))
        self._size_heading(frame, 1.0)
        gap = 28
        if arrangement == "wide":
            # Three full-height columns: the heading with the section's other figures
            # under it, the headline counters, and the charts one above the other.
            column, counters, charts = body.columns([1.0, 1.0, 1.3], 64)
            header_h = min(column.h * 0.56, self._header_height(column.w))
            header, details = column.take_top(header_h, gap + 16)
            self._arrange_header(header, tall=True)
            self._arrange_headlines(counters, frame)
            self._arrange_charts(charts, frame, stacked=True)
            self._arrange_details(details, frame, rows=math.ceil(len(self.details) / 3), fill=True)
            self.update()
            return
        elif arrangement == "portrait":
            most = math.inf  # the counters keep no more than at first: the room is the charts'
            tried: list[tuple[float, int, float, tuple[Box, Box, Box, Box, float]]] = []
            for gap, heading in PORTRAIT_STEPS:
                self._size_heading(frame, heading)
                boxes = self._portrait_boxes(body, frame, gap, most)
                tried.append((boxes[-1], len(tried), heading, boxes))
                if not boxes[-1]:
                    break
                most = min(most, boxes[1].h)
            _, _, heading, (header, counters, charts, details, _) = min(tried)
            self._size_heading(frame, heading)
            self._arrange_header(header, tall=True)
        else:
            rest, details = body.take_bottom(self._details_height(body.w), gap)
            top, charts = rest.rows([1.3, 1.0], gap)
            header, counters = top.columns([0.92, 1.08], 56)
            self._arrange_header(header, tall=True)
        self._arrange_headlines(counters, frame)
        self._arrange_charts(charts, frame)
        self._arrange_details(details, frame, rows=2 if arrangement == "portrait" else 1)
        self.update()

    def _size_heading(self, frame: theme.Frame, share: float) -> None:
        """Title, subtitle and summary at ``share`` of their full size."""
        self.title.set_font_size(frame.px(64 * share), frame.px(36))
        self.subtitle.set_font_size(frame.px(34 * share), frame.px(22))
        self.summary.set_font_size(frame.px(25 * share), frame.px(18))

    def _portrait_boxes(
        self, body: Box, frame: theme.Frame, gap: float, most: float
    ) -> tuple[Box, Box, Box, Box, float]:
        """The portrait pane's blocks ``gap`` apart, and the height its plots lack.

        Heading, headline counters (``most`` high at most: what they give up goes to
        the charts), charts and details, one above the other; the plots' least height
        is PORTRAIT_PLOT_SHARE of the screen's.
        """
        header, rest = body.take_top(min(560, self._header_height(body.w)), gap)
        rest, details = rest.take_bottom(self._details_height(rest.w, rows=2), gap)
        counters, charts = rest.rows([1.0, 1.15], gap)
        taller = rest.rows([1.0, STACKED_SHARE], gap)
        if len(self.charts) > 1 and not self._beside(charts, frame, taller[1]):
            counters, charts = taller
        counters, charts = _raise(counters, charts, max(0.0, counters.h - most))
        least = self._least_plot_height(frame)
        short = self._plots_need(self._chart_cells(charts, frame), frame, least)
        return header, counters, charts, details, short

    def _arrange_header(self, box: Box, tall: bool) -> None:
        frame = self.frame
        kicker, rest = box.take_top(40, 8)
        title_h = self.title.needed_height(frame.px(rest.w), frame.px(160 if tall else 90))
        title, rest = rest.take_top(title_h / frame.scale, 6)
        sub_h = self.subtitle.needed_height(frame.px(rest.w), frame.px(130 if tall else 52))
        subtitle, rest = rest.take_top(sub_h / frame.scale, 16)
        for widget, part in (
            (self.kicker, kicker),
            (self.title, title),
            (self.subtitle, subtitle),
            (self.summary, rest),
        ):
            place(widget, part, frame)

    def _header_height(self, width: float) -> float:
        """Logical height the heading block needs at ``width``.

        The title and subtitle count as :meth:`_arrange_header` sets them: shrunk to
        their caps (a three-line English title set smaller on two lines).
        """
        frame = self.frame
        real = frame.px(width)
        needed = (
            self.title.needed_height(real, frame.px(160))
            + self.subtitle.needed_height(real, frame.px(130))
            + self.summary.needed_height(real)
        )
        return 40 + 8 + 6 + 16 + needed / frame.scale + 8

    def _arrange_headlines(self, box: Box, frame: theme.Frame) -> None:
        count = len(self.headlines)
        columns = 2 if count > 1 else 1
        cells = box.grid(count, columns, 40, 28)
        rows = math.ceil(count / columns) if count else 1
        number_px = min(104, (box.h / rows) * 0.46)
        self._panels = [cell for cell in cells]
        # Figures give way (down to 80 %, all alike) before labels shrink: a two-line
        # label such as 依托楼栋、网格、村（居）民小组建妇女小组 stays at its size.
        for _ in range(4):
            if all(
                self._label_fits(c, cell, frame, number_px)
                for c, cell in zip(self.headlines, cells, strict=True)
            ):
                break
            number_px *= 0.93
        for counter, cell in zip(self.headlines, cells, strict=True):
            counter.configure(frame.px(number_px), frame.px(27))
            inner = cell.inset(24, 18)
            needed = counter.preferred_height(frame.px(inner.w), frame.px(inner.h)) / frame.scale
            spare = max(0.0, inner.h - needed)
            place(counter, inner.inset(0, spare / 2, 0, spare / 2), frame)

    @staticmethod
    def _label_fits(counter: CounterView, cell: Box, frame: theme.Frame, number_px: float) -> bool:
        """Whether figure and label fit ``cell`` at full label size with ``number_px`` figures."""
        inner = cell.inset(24, 18)
        counter.configure(frame.px(number_px), frame.px(27))
        return counter.preferred_height(frame.px(inner.w), frame.px(inner.h)) <= frame.px(inner.h)

    def _arrange_charts(self, box: Box, frame: theme.Frame, stacked: bool = False) -> None:
        """The charts side by side (see :meth:`_beside`), or one above the other."""
        if not self.charts:
            return
        for chart, cell in zip(self.charts, self._chart_cells(box, frame, stacked), strict=True):
            place(chart, cell, frame)

    def _chart_cells(self, box: Box, frame: theme.Frame, stacked: bool = False) -> list[Box]:
        """Where the charts go in ``box``: side by side or one above the other."""
        if not stacked and self._beside(box, frame):
            return box.columns([1.0] * len(self.charts), 40)
        return self._stacked(box, frame)

    def _plots_need(self, cells: list[Box], frame: theme.Frame, height: float) -> float:
        """Logical height the charts' box lacks for each plot in ``cells`` to be ``height``."""
        short = self._plot_shortfalls(cells, frame, height)
        return max(short) if len({cell.y for cell in cells}) == 1 else sum(short)

    def _beside(self, box: Box, frame: theme.Frame, stacked: Box | None = None) -> bool:
        """Whether the charts go side by side in ``box``: a wide box, where they read well.

        Side by side only while no chart's figures or names shrink there below its
        axis labels (long names and figures in a half-width chart, as in English
        on a portrait screen), or while they would shrink no less stacked (in
        ``stacked``, where stacked charts would get another box).
        """
        count = len(self.charts)
        if count < 2 or box.w <= box.h * 1.6:
            return False
        beside = self._chart_text_sizes(box.columns([1.0] * count, 40), frame)
        if beside[0] >= frame.px(AXIS_PX):
            return True
        other = self._stacked(stacked or box, frame, mind_plots=False)
        return beside >= self._chart_text_sizes(other, frame)

    def _stacked(self, box: Box, frame: theme.Frame, mind_plots: bool = True) -> list[Box]:
        """The charts one above the other, the height shared as keeps their text largest.

        Equal shares unless a chart reads larger with more of the height (three
        horizontal bars with long names under a chart of two upright bars), or, on
        a portrait screen and ``mind_plots``, a plot is under its least height with
        them and less so with others (upright bars with three-line names under rings),
        so long as no chart's figures or names are then under its axis labels' size.
        """
        count = len(self.charts)
        best = box.rows([1.0] * count, 28)
        if count != 2:
            return best
        least = self._least_plot_height(frame) if mind_plots else 0.0
        floor = frame.px(AXIS_PX)
        score = self._stacked_score(best, frame, least, floor)
        for more in (1.15, 1.3, 1.45) + ((1.6, 1.8) if least else ()):
            for shares in ([1.0, more], [more, 1.0]):
                cells = box.rows(shares, 28)
                trial = self._stacked_score(cells, frame, least, floor)
                if trial > score:
                    best, score = cells, trial
        return best

    def _stacked_score(
        self, cells: list[Box], frame: theme.Frame, least: float, floor: int
    ) -> tuple[bool, float, list[int]]:
        """How well the charts read in ``cells``, best highest.

        First whether all their text is at least ``floor``, then, if so, the height
        their plots lack under ``least``, then their text's sizes.
        """
        sizes = self._chart_text_sizes(cells, frame)
        if sizes[0] < floor:
            return False, 0.0, sizes
        return True, -sum(self._plot_shortfalls(cells, frame, least)), sizes

    def _plot_shortfalls(self, cells: list[Box], frame: theme.Frame, height: float) -> list[float]:
        """Logical height each chart's plot lacks in ``cells`` to be ``height``."""
        heights = [
            chart.view_height_at(frame.px(cell.w), frame.px(cell.h)) / frame.scale
            for chart, cell in zip(self.charts, cells, strict=True)
        ]
        return [max(0.0, height - h) for h in heights]

    @staticmethod
    def _least_plot_height(frame: theme.Frame) -> float:
        """A plot's least logical height: PORTRAIT_PLOT_SHARE of a portrait screen, else 0.

        PLOT_SLACK more, so that the laid-out plot is sure to reach the share.
        """
        if frame.arrangement != "portrait":
            return 0.0
        return (frame.height * PORTRAIT_PLOT_SHARE + PLOT_SLACK) / frame.scale

    def _chart_text_sizes(self, cells: list[Box], frame: theme.Frame) -> list[int]:
        """The charts' figures' and names' sizes were they placed in ``cells``, smallest first."""
        sizes: list[int] = []
        for chart, cell in zip(self.charts, cells, strict=True):
            sizes += chart.text_sizes_at(frame.px(cell.w), frame.px(cell.h))
        return sorted(sizes)

    def _details_height(self, width: float, rows: int = 1) -> float:
        """Rows of the other figures across ``width``: 140 each, or what the longest label needs.

        A long label (``Honoured at city level as green families or for the finest
        balconies (courtyards)``) in a narrow cell would otherwise shrink past legibility.
        """
        if not self.details:
            return 0
        frame = self.frame
        columns = math.ceil(len(self.details) / rows)
        cell = frame.px((width - DETAIL_GAP[0] * (columns - 1)) / columns)
        need = 0.0
        for counter in self.details:
            counter.configure(frame.px(46), frame.px(20))
            need = max(need, counter.preferred_height(cell) / frame.scale)
        return max(140.0, need + DETAIL_GAP[1] / 2) * rows

    def _arrange_details(self, box: Box, frame: theme.Frame, rows: int, fill: bool = False) -> None:
        count = len(self.details)
        if not count:
            return
        columns = math.ceil(count / rows)
        cells = box.grid(count, columns, *DETAIL_GAP)
        # Taller cells (the LED wall's column) take larger figures, so they fill it;
        # rows made taller for a long label keep the figures' size.
        tall = cells[0].h if fill else min(cells[0].h, 140)
        number_px, label_px = min(64, max(46, tall * 0.3)), min(24, max(20, tall * 0.1))
        for counter, cell in zip(self.details, cells, strict=True):
            counter.configure(frame.px(number_px), frame.px(label_px), label_min=frame.px(18))
            place(counter, cell, frame)

    def paint_decoration(self, painter: QPainter) -> None:
        """Soft panels behind the headline counters."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(theme.PANEL_BORDER)
        painter.setBrush(theme.PANEL)
        s = self.frame.scale
        radius = 18 * s
        for cell in self._panels:
            rect = QRectF(cell.x * s, cell.y * s, cell.w * s, cell.h * s)
            path = QPainterPath()
            path.addRoundedRect(rect, radius, radius)
            painter.drawPath(path)
        self._paint_detail_rule(painter)

    def _paint_detail_rule(self, painter: QPainter) -> None:
        if not self.details:
            return
        top = min(c.geometry().top() for c in self.details) - self.frame.px(14)
        painter.setPen(theme.PANEL_BORDER)
        left = min(c.geometry().left() for c in self.details)
        right = max(c.geometry().right() for c in self.details)
        painter.drawLine(left, top, right, top)

    @property
    def all_counters(self) -> list[CounterView]:
        """Headline counters, then the others."""
        return self.headlines + self.details


def _raise(upper: Box, lower: Box, by: float) -> tuple[Box, Box]:
    """``upper`` and ``lower``, the line between them raised ``by`` logical pixels."""
    return Box(upper.x, upper.y, upper.w, upper.h - by), Box(
        lower.x, lower.y - by, lower.w, lower.h + by
    )
