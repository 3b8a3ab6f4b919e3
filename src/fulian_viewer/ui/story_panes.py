"""The cover, the scorecard that gathers the headline figures, and the closing pane."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QWidget

from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.model.deck import PaneSpec, closing_figure, cover_figure, part_label
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.report import Metric
from fulian_viewer.model.settings import Settings
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui import theme
from fulian_viewer.ui.counter import CounterView
from fulian_viewer.ui.layout import Box, place
from fulian_viewer.ui.pane import Pane
from fulian_viewer.ui.text import TextBlock

CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop


def _stack(box: Box, blocks: Sequence[tuple[TextBlock, float, float]], frame: theme.Frame) -> Box:
    """Place text blocks one under another, each as tall as it needs (up to a cap).

    ``blocks`` holds (block, maximum logical height, gap after). Returns what is left.
    """
    for block, cap, gap in blocks:
        needed = block.needed_height(frame.px(box.w), frame.px(cap)) / frame.scale
        part, box = box.take_top(min(needed, cap), gap)
        place(block, part, frame)
    return box


def _stacked_height(
    box: Box, blocks: Sequence[tuple[TextBlock, float, float]], frame: theme.Frame
) -> float:
    """The logical height :func:`_stack` takes for ``blocks`` in ``box``."""
    total = 0.0
    for block, cap, gap in blocks:
        total += min(block.needed_height(frame.px(box.w), frame.px(cap)) / frame.scale, cap) + gap
    return total


class SectionCard:
    """A panel for one section on the cover or the closing: a kicker, a heading, a figure."""

    def __init__(self, pane: Pane, metric: Metric | None) -> None:
        self.kicker = pane.add_text(theme.GOLD, bold=True, align=CENTER, style="heading")
        self.heading = pane.add_text(theme.IVORY, align=CENTER, style="heading")
        self.counter = pane.add_counter(metric) if metric is not None else None
        self.panel = Box(0, 0, 0, 0)

    def set_texts(self, kicker: str, heading: str) -> None:
        """The kicker over the heading."""
        self.kicker.set_text(kicker)
        self.heading.set_text(heading)

    def arrange(self, cell: Box, frame: theme.Frame, sizes: tuple[int, int, int]) -> None:
        """Kicker, heading and figure stacked in ``cell``, at most at ``sizes`` (pixels)."""
        kicker_px, heading_px, figure_px = sizes
        self.panel = cell
        inner = cell.inset(24, 22)
        self.kicker.set_font_size(kicker_px, min(kicker_px, frame.px(18)))
        self.heading.set_font_size(heading_px, min(heading_px, frame.px(18)))
        rest = _stack(inner, [(self.kicker, 66, 4), (self.heading, 86, 14)], frame)
        if self.counter is None:
            return
        self.counter.configure(figure_px, frame.px(22), centered=True)
        needed = self.counter.preferred_height(frame.px(rest.w), frame.px(rest.h)) / frame.scale
        spare = max(0.0, rest.h - needed)
        place(self.counter, rest.inset(0, spare / 2, 0, spare / 2), frame)

    def sizes(self) -> tuple[int, int, int]:
        """The pixel sizes kicker, heading and figure took after fitting."""
        figure = self.counter.figure_pixel_size if self.counter is not None else 1_000
        return self.kicker.font_pixel_size, self.heading.font_pixel_size, figure


def _arrange_cards(cards: list[SectionCard], box: Box, frame: theme.Frame) -> None:
    """The cards side by side (two by two on a portrait screen), alike in their type sizes.

    Each card is fitted first; then headings are all set at the smallest size any
    needed, so that the row reads as one, and no figure is more than a third larger
    than the smallest (a long English figure would otherwise shrink all the others).
    """
    if not cards:
        return
    columns = 2 if frame.arrangement == "portrait" else len(cards)
    cells = box.grid(len(cards), columns, 28, 28)
    figure = max(36.0, min(84.0, (cells[0].h - 22 * 2 - 40 - 4 - 86 - 14 - 40) * 0.62))
    sizes = (frame.px(24), frame.px(28), frame.px(figure))
    for card, cell in zip(cards, cells, strict=True):
        card.arrange(cell, frame, sizes)
    fitted = [card.sizes() for card in cards]
    alike = (
        min(s[0] for s in fitted),
        min(s[1] for s in fitted),
        min(sizes[2], round(min(s[2] for s in fitted) * 4 / 3)),
    )
    for card, cell in zip(cards, cells, strict=True):
        card.arrange(cell, frame, alike)


def _paint_cards(painter: QPainter, cards: list[SectionCard], scale: float) -> None:
    """A soft panel behind each card."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(theme.PANEL_BORDER)
    painter.setBrush(theme.PANEL)
    for card in cards:
        box = card.panel
        path = QPainterPath()
        rect = QRectF(box.x * scale, box.y * scale, box.w * scale, box.h * scale)
        path.addRoundedRect(rect, 18 * scale, 18 * scale)
        painter.drawPath(path)


def _part(number: int, lang: Lang) -> str:
    """第一部分 / Part 1."""
    return ui_text(
        "part", lang, number=number if lang == "en" else "一二三四五六七八九十"[min(number, 10) - 1]
    )


class CoverPane(Pane):
    """Title, subtitle and the five-year framing, with the parts to come."""

    def __init__(
        self,
        dataset: CurrentDataset,
        spec: PaneSpec,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(dataset, spec, settings, parent)
        self.tagline = self.add_text(theme.GOLD, align=CENTER)
        self.title = self.add_text(theme.IVORY, bold=True, align=CENTER, style="display")
        self.subtitle = self.add_text(theme.GOLD, align=CENTER, style="heading")
        self.period = self.add_text(theme.MUTED, align=CENTER)
        # Each part with its first headline figure, straight from the dataset.
        self.parts = [SectionCard(self, cover_figure(s)) for s in self.report.sections]
        self._rule_y = 0.0
        self.set_lang(self.lang)

    def source_text(self) -> str:
        """The report."""
        return ui_text("cover_source", self.lang, report=self.report.deck.get("title", self.lang))

    def retranslate(self) -> None:
        """Title block and the list of parts."""
        deck, lang = self.report.deck, self.lang
        self.tagline.set_text(deck.get("tagline", lang))
        self.title.set_text(deck.get("title", lang))
        self.subtitle.set_text(deck.get("subtitle", lang))
        organisation = deck.get("organisation", lang)
        period = deck.get("period", lang)
        self.period.set_text(
            ui_text("period_line", lang, organisation=organisation, period=period)
            if period
            else organisation
        )
        for number, (card, section) in enumerate(
            zip(self.parts, self.report.sections, strict=True), start=1
        ):
            card.set_texts(part_label(number, lang), section.title(lang))

    def arrange(self, body: Box, frame: theme.Frame) -> None:
        """Centred title block above, the parts with their headline figures below."""
        portrait = frame.arrangement == "portrait"
        columns = 2 if portrait else max(1, len(self.parts))
        rows = math.ceil(len(self.parts) / columns) if self.parts else 0
        card_h = min(body.h * 0.42, 400 if portrait else 340)
        top, parts = body.take_bottom(card_h * rows if rows else 0, 40)
        above = [(self.tagline, 110, 28), (self.title, 300, 16)]
        below = [(self.subtitle, 150, 20), (self.period, 90, 0)]
        inner = top.inset(40, 0)
        # A long title or subtitle (two lines each) is set smaller, all alike, until
        # the block fits above the cards.
        for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
            self.tagline.set_font_size(frame.px(38 * scale), frame.px(24 * scale))
            title_px = (104 if not portrait else 92) * scale
            self.title.set_font_size(frame.px(title_px), frame.px(52 * scale))
            self.subtitle.set_font_size(frame.px(50 * scale), frame.px(30 * scale))
            self.period.set_font_size(frame.px(30 * scale), frame.px(20 * scale))
            spare = inner.h - _stacked_height(inner, above, frame) - 44
            spare -= _stacked_height(inner, below, frame)
            if spare >= 0:
                break
        rest = _stack(inner.inset(0, max(0.0, spare) * 0.45, 0, 0), above, frame)
        self._rule_y = rest.y + 14  # clear of the descenders of a one-line title
        _stack(rest.inset(0, 44, 0, 0), below, frame)
        _arrange_cards(self.parts, parts.inset(0, 0, 0, 16), frame)  # clear of the source rule

    def paint_decoration(self, painter: QPainter) -> None:
        """A short gold rule under the title."""
        s = self.frame.scale
        y = self._rule_y * s
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.GOLD)
        painter.drawRect(QRectF(self.width() / 2 - 90 * s, y, 180 * s, 5 * s))
        _paint_cards(painter, self.parts, s)


class ScorecardPane(Pane):
    """数她说: the headline figures of every section on one screen."""

    def __init__(
        self,
        dataset: CurrentDataset,
        spec: PaneSpec,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(dataset, spec, settings, parent)
        report = self.report
        self.title = self.add_text(theme.GOLD, bold=True, align=CENTER, style="display")
        self.subtitle = self.add_text(theme.IVORY, align=CENTER, style="heading")
        self.groups: list[tuple[TextBlock, list[CounterView]]] = []
        for section in report.sections:
            metrics = [m for m in section.metrics if m.scorecard]
            if metrics:
                heading = self.add_text(
                    theme.GOLD, bold=True, wrap=True, align=CENTER, style="heading"
                )
                self.groups.append((heading, [self.add_counter(m) for m in metrics]))
        self.set_lang(self.lang)

    def source_text(self) -> str:
        """The report."""
        return ui_text("cover_source", self.lang, report=self.report.deck.get("title", self.lang))

    def retranslate(self) -> None:
        """Title and group headings."""
        deck, lang = self.report.deck, self.lang
        self.title.set_text(deck.get("scorecard_title", lang) or ui_text("scorecard", lang))
        self.subtitle.set_text(deck.get("scorecard_subtitle", lang))
        sections = [s for s in self.report.sections if any(m.scorecard for m in s.metrics)]
        for (heading, _), section in zip(self.groups, sections, strict=True):
            heading.set_text(section.title(lang))

    def arrange(self, body: Box, frame: theme.Frame) -> None:
        """Title on top, one column (or cell) of figures per section."""
        self.title.set_font_size(frame.px(72), frame.px(40))
        self.subtitle.set_font_size(frame.px(38), frame.px(24))
        rest = _stack(body, [(self.title, 110, 4), (self.subtitle, 70, 36)], frame)
        if not self.groups:
            return
        columns = 2 if frame.arrangement == "portrait" else len(self.groups)
        for (heading, counters), cell in zip(
            self.groups, rest.grid(len(self.groups), columns, 36, 36), strict=True
        ):
            heading.set_font_size(frame.px(28), frame.px(18))
            head, figures = cell.inset(20, 24).take_top(84, 16)
            place(heading, head, frame)
            rows = figures.rows([1.0] * len(counters), 18)
            number_px = min(80, figures.h / max(1, len(counters)) * 0.45)
            for counter, row in zip(counters, rows, strict=True):
                counter.configure(frame.px(number_px), frame.px(22), centered=True)
                place(counter, row, frame)
        self.update()

    def paint_decoration(self, painter: QPainter) -> None:
        """A panel behind each section's figures."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(theme.PANEL_BORDER)
        painter.setBrush(theme.PANEL)
        s = self.frame.scale
        for heading, counters in self.groups:
            rect = QRectF(heading.geometry()).united(QRectF(counters[-1].geometry()))
            path = QPainterPath()
            path.addRoundedRect(rect.adjusted(-20 * s, -24 * s, 20 * s, 24 * s), 18 * s, 18 * s)
            painter.drawPath(path)


class ClosingPane(Pane):
    """The report's closing words and its credits."""

    def __init__(
        self,
        dataset: CurrentDataset,
        spec: PaneSpec,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(dataset, spec, settings, parent)
        self.thanks = self.add_text(theme.GOLD, bold=True, align=CENTER, style="display")
        self.closing = self.add_text(theme.IVORY, align=CENTER)
        self.title = self.add_text(theme.GOLD, align=CENTER)
        self.credits_label = self.add_text(theme.MUTED, align=CENTER)
        self.credits = self.add_text(theme.IVORY, align=CENTER)
        # The scorecard's spirit: what each part achieved, in the report's words, with
        # the last of its scorecard figures (the cover shows the first headline one).
        self.scorecard_heading = self.add_text(theme.GOLD, bold=True, align=CENTER, style="heading")
        self.achievements = [SectionCard(self, closing_figure(s)) for s in self.report.sections]
        self.set_lang(self.lang)

    def source_text(self) -> str:
        """The report."""
        return ui_text("cover_source", self.lang, report=self.report.deck.get("title", self.lang))

    def retranslate(self) -> None:
        """Closing words and credits."""
        deck, lang = self.report.deck, self.lang
        self.thanks.set_text(ui_text("thanks", lang))
        self.closing.set_text(deck.get("closing", lang))
        self.title.set_text(ui_text("report_title", lang, report=deck.get("title", lang)))
        credits = deck.get("credits", lang)
        self.credits_label.set_text(ui_text("credits", lang) if credits else "")
        self.credits.set_text(credits)
        self.scorecard_heading.set_text(deck.get("scorecard_subtitle", lang))
        for card, section in zip(self.achievements, self.report.sections, strict=True):
            card.set_texts(section.title(lang), section.subtitle(lang))

    def arrange(self, body: Box, frame: theme.Frame) -> None:
        """Thanks and closing words above, what each part achieved below, credits last."""
        self.thanks.set_font_size(frame.px(84), frame.px(44))
        self.closing.set_font_size(frame.px(34), frame.px(22))
        self.title.set_font_size(frame.px(30), frame.px(20))
        self.credits_label.set_font_size(frame.px(22), frame.px(15))
        self.credits.set_font_size(frame.px(26), frame.px(17))
        self.scorecard_heading.set_font_size(frame.px(30), frame.px(20))
        portrait = frame.arrangement == "portrait"
        width = min(body.w, 1500)
        column = Box(body.x + (body.w - width) / 2, body.y, width, body.h)
        rest = _stack(
            column.inset(0, body.h * (0.08 if portrait else 0.02), 0, 0),
            [(self.thanks, 130, 24), (self.closing, 240, 32)],
            frame,
        )
        rest, credits = Box(body.x, rest.y, body.w, body.bottom - rest.y).take_bottom(144, 28)
        _stack(
            Box(column.x, credits.y, column.w, credits.h),
            [(self.title, 48, 12), (self.credits_label, 34, 2), (self.credits, 48, 0)],
            frame,
        )
        rest = _stack(rest, [(self.scorecard_heading, 50, 16)], frame)
        _arrange_cards(self.achievements, rest, frame)

    def paint_decoration(self, painter: QPainter) -> None:
        """A panel behind each part's achievement."""
        _paint_cards(painter, self.achievements, self.frame.scale)
