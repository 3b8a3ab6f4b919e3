"""The cover, the scorecard that gathers the headline figures, and the closing pane."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QWidget

from fulian_viewer.model.deck import PaneSpec
from fulian_viewer.model.report import Report
from fulian_viewer.model.settings import Settings
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui import theme
from fulian_viewer.ui.counter import CounterView
from fulian_viewer.ui.layout import Box, place
from fulian_viewer.ui.pane import Pane
from fulian_viewer.ui.text import TextBlock

CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop


def _stack(box: Box, blocks: list[tuple[TextBlock, float, float]], frame: theme.Frame) -> Box:
    """Place text blocks one under another, each as tall as it needs (up to a cap).

    ``blocks`` holds (block, maximum logical height, gap after). Returns what is left.
    """
    for block, cap, gap in blocks:
        needed = block.needed_height(frame.px(box.w), frame.px(cap)) / frame.scale
        part, box = box.take_top(min(needed, cap), gap)
        place(block, part, frame)
    return box


class CoverPane(Pane):
    """Title, subtitle and the five-year framing, with the parts to come."""

    def __init__(
        self, report: Report, spec: PaneSpec, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(report, spec, settings, parent)
        self.tagline = self.add_text(theme.GOLD, align=CENTER)
        self.title = self.add_text(theme.IVORY, bold=True, align=CENTER, style="display")
        self.subtitle = self.add_text(theme.GOLD, align=CENTER, style="heading")
        self.period = self.add_text(theme.MUTED, align=CENTER)
        self.parts = [self.add_text(theme.IVORY, align=CENTER) for _ in report.sections]
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
        for number, (block, section) in enumerate(
            zip(self.parts, self.report.sections, strict=True), start=1
        ):
            kicker = ui_text(
                "part",
                lang,
                number=number if lang == "en" else "一二三四五六七八九十"[min(number, 10) - 1],
            )
            block.set_text(f"{kicker}\n{section.title(lang)}")

    def arrange(self, body: Box, frame: theme.Frame) -> None:
        """Centred title block, parts along the bottom."""
        portrait = frame.arrangement == "portrait"
        self.tagline.set_font_size(frame.px(38), frame.px(24))
        self.title.set_font_size(frame.px(104 if not portrait else 92), frame.px(52))
        self.subtitle.set_font_size(frame.px(50), frame.px(30))
        self.period.set_font_size(frame.px(30), frame.px(20))
        for block in self.parts:
            block.set_font_size(frame.px(26), frame.px(16))
        columns = 2 if portrait else max(1, len(self.parts))
        rows = math.ceil(len(self.parts) / columns) if self.parts else 0
        top, parts = body.take_bottom(130 * rows, 40)
        inner = top.inset(40, top.h * (0.22 if portrait else 0.14), 40, 0)
        rest = _stack(inner, [(self.tagline, 110, 36), (self.title, 300, 20)], frame)
        self._rule_y = rest.y + 6
        _stack(rest.inset(0, 40, 0, 0), [(self.subtitle, 150, 28), (self.period, 90, 0)], frame)
        for block, cell in zip(
            self.parts, parts.grid(len(self.parts), columns, 32, 24), strict=True
        ):
            place(block, cell, frame)

    def paint_decoration(self, painter: QPainter) -> None:
        """A short gold rule under the title."""
        s = self.frame.scale
        y = self._rule_y * s
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.GOLD)
        painter.drawRect(QRectF(self.width() / 2 - 90 * s, y, 180 * s, 5 * s))
        painter.setBrush(theme.GOLD_DEEP)
        for block in self.parts:
            rect = QRectF(block.geometry())
            painter.drawRect(QRectF(rect.center().x() - 20 * s, rect.top() - 16 * s, 40 * s, 3 * s))


class ScorecardPane(Pane):
    """数她说: the headline figures of every section on one screen."""

    def __init__(
        self, report: Report, spec: PaneSpec, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(report, spec, settings, parent)
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
        self, report: Report, spec: PaneSpec, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(report, spec, settings, parent)
        self.thanks = self.add_text(theme.GOLD, bold=True, align=CENTER, style="display")
        self.closing = self.add_text(theme.IVORY, align=CENTER)
        self.title = self.add_text(theme.GOLD, align=CENTER)
        self.credits_label = self.add_text(theme.MUTED, align=CENTER)
        self.credits = self.add_text(theme.IVORY, align=CENTER)
        self.set_lang(self.lang)

    def source_text(self) -> str:
        """The report."""
        return ui_text("cover_source", self.lang, report=self.report.deck.get("title", self.lang))

    def retranslate(self) -> None:
        """Closing words and credits."""
        deck, lang = self.report.deck, self.lang
        self.thanks.set_text(ui_text("thanks", lang))
        self.closing.set_text(deck.get("closing", lang))
        self.title.set_text(
            f"《{deck.get('title', lang)}》" if lang == "zh" else deck.get("title", lang)
        )
        self.credits_label.set_text(ui_text("credits", lang) if deck.get("credits", lang) else "")
        self.credits.set_text(deck.get("credits", lang))

    def arrange(self, body: Box, frame: theme.Frame) -> None:
        """Everything centred in a column."""
        self.thanks.set_font_size(frame.px(84), frame.px(44))
        self.closing.set_font_size(frame.px(36), frame.px(22))
        self.title.set_font_size(frame.px(34), frame.px(22))
        self.credits_label.set_font_size(frame.px(24), frame.px(16))
        self.credits.set_font_size(frame.px(30), frame.px(20))
        width = min(body.w, 1500)
        column = Box(body.x + (body.w - width) / 2, body.y + body.h * 0.12, width, body.h * 0.88)
        _stack(
            column,
            [
                (self.thanks, 130, 48),
                (self.closing, 330, 56),
                (self.title, 110, 40),
                (self.credits_label, 50, 6),
                (self.credits, 100, 0),
            ],
            frame,
        )
