"""Overlays over the deck: blank screen, help, and a figure's source."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.model.key_map import KEY_ROWS, key_rows
from fulian_viewer.model.numbers import Lang, format_count
from fulian_viewer.model.report import Metric
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui import theme
from fulian_viewer.ui.fonts import display_font, font_for
from fulian_viewer.ui.layout import NOTICE_GAP, PANE_TOP_MARGIN, Box, place
from fulian_viewer.ui.line_breaks import INSEPARABLE, NO_START
from fulian_viewer.ui.text import TextBlock
from fulian_viewer.ui.typeset import line_pitch


class BlankOverlay(QWidget):
    """A black screen (``B`` or ``.``), as a presenter's clicker expects."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Paint black."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.BLACK)
        painter.end()


class DimmedOverlay(QWidget):
    """An overlay that dims the deck and draws a rounded card."""

    def card_rect(self) -> QRectF:
        """Where the card goes."""
        return QRectF(self.rect())

    def card_box(self, frame: theme.Frame) -> Box:
        """The card in logical pixels."""
        card, s = self.card_rect(), frame.scale
        return Box(card.x() / s, card.y() / s, card.width() / s, card.height() / s)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Re-lay out the card's contents."""
        self._arrange()

    def show_over_parent(self) -> None:
        """Cover the whole parent widget, on top of its other children, laid out anew."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self._arrange()

    def _arrange(self) -> None:
        """Place the card's contents; subclasses fill this in."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Dim the deck and draw the card."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), theme.DIM)
        frame = theme.Frame.of(self.width(), self.height())
        path = QPainterPath()
        path.addRoundedRect(self.card_rect(), frame.px(22), frame.px(22))
        painter.setPen(theme.GOLD_DEEP)
        painter.setBrush(theme.BACKGROUND_BOTTOM)
        painter.drawPath(path)
        painter.end()


HELP_COLUMNS = [0.8, 1.6]
"""The help's two columns, actions and keys, as fractions of the card's width."""


class HelpOverlay(DimmedOverlay):
    """Every key and gesture, in the current language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang: Lang = "zh"
        self.title = TextBlock(self, color=theme.GOLD, bold=True, wrap=False)
        self.rows = [
            (
                TextBlock(self, color=theme.IVORY, wrap=True),
                TextBlock(self, color=theme.GOLD, wrap=True),
            )
            for _ in KEY_ROWS
        ]

    def set_lang(self, lang: Lang) -> None:
        """Show the help in ``lang``."""
        self.lang = lang
        self.title.set_text(ui_text("help_title", lang))
        for (action, keys), (action_text, keys_text) in zip(self.rows, key_rows(lang), strict=True):
            action.set_text(action_text)
            keys.set_text(keys_text)
        self._arrange()

    def card_rect(self) -> QRectF:
        """A centred card."""
        frame = theme.Frame.of(self.width(), self.height())
        margin_x = frame.px(60) if frame.arrangement == "portrait" else self.width() * 0.16
        return QRectF(self.rect()).adjusted(margin_x, frame.px(50), -margin_x, -frame.px(50))

    def _arrange(self) -> None:
        frame = theme.Frame.of(self.width(), self.height())
        box = self.card_box(frame).inset(48, 36)
        head, rest = box.take_top(70, 16)
        self.title.set_font_size(frame.px(44), frame.px(28))
        place(self.title, head, frame)
        sizes = (frame.px(26), frame.px(24))  # action, keys
        widths = [column.w * frame.scale for column in rest.columns(HELP_COLUMNS, 24)]
        # A row whose text is longer than its column gets two lines' height, so that it
        # wraps at full size rather than shrinking (English "Present full screen: …").
        heights = [
            2.0
            if any(
                QFontMetricsF(font_for(block.text, size)).horizontalAdvance(block.text) > width
                for block, size, width in zip(pair, sizes, widths, strict=True)
            )
            else 1.0
            for pair in self.rows
        ]
        for (action, keys), row in zip(self.rows, rest.rows(heights, 6), strict=True):
            left, right = row.columns(HELP_COLUMNS, 24)
            action.set_font_size(sizes[0], frame.px(14))
            keys.set_font_size(sizes[1], frame.px(14))
            place(action, left, frame)
            place(keys, right, frame)


class ProvenancePanel(DimmedOverlay):
    """A figure's source sentence from the report, the figure highlighted.

    After ``timeout_ms`` it emits :attr:`timed_out` (the deck then closes it).

    Signals:
        timed_out: the panel has been open for its time.
    """

    timed_out = Signal()

    def __init__(
        self, dataset: CurrentDataset, timeout_ms: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.dataset = dataset
        self.current_metric: Metric | None = None
        self.lang: Lang = "zh"
        self.heading = TextBlock(self, color=theme.GOLD, bold=True, wrap=False)
        self.figure = TextBlock(self, color=theme.GOLD, bold=True, wrap=False)
        self.sentence = QLabel(self)
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        self.sentence.setWordWrap(True)
        self.sentence.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.sentence.setOpenExternalLinks(False)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.where = TextBlock(self, color=theme.MUTED, wrap=True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, timeout_ms))
        self.timer.timeout.connect(self.timed_out)

    def show_metric(self, metric: Metric, lang: Lang) -> None:
        """Open the panel on ``metric``'s source, restarting the close timer."""
        self.current_metric = metric
        self.set_lang(lang)
        self.show()
        self.raise_()
        self.timer.start()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Stop the close timer with the panel."""
        self.timer.stop()

    def set_lang(self, lang: Lang) -> None:
        """Show the panel in ``lang``."""
        self.lang = lang
        metric = self.current_metric
        if metric is None:
            return
        report = self.dataset.report
        section = report.section_of(metric)
        # In English the figure, section and report are named as the English panes name
        # them; the sentence stays the report's own, in Chinese, with its figure marked.
        english = lang == "en"
        figure = format_count(metric.value, metric, lang) if english else metric.display
        section_name = section.title(lang) if english else section.heading
        self.heading.set_text(ui_text("provenance_title", lang))
        gap = " · " if english else "  "  # the English source line's separator
        self.figure.set_text(f"{figure}{gap}{metric.label(lang)}")
        self.sentence.setAccessibleName(metric.source)
        self.where.set_text(
            ui_text("provenance_section", lang, section=section_name)
            + "\n"
            + ui_text("provenance_report", lang, report=report.deck.get("title", lang))
        )
        self._arrange()

    def card_rect(self) -> QRectF:
        """A wide card in the lower part of the screen."""
        frame = theme.Frame.of(self.width(), self.height())
        margin = frame.px(70)
        height = self.height() * (0.55 if frame.arrangement == "portrait" else 0.62)
        return QRectF(margin, self.height() - height - margin, self.width() - 2 * margin, height)

    def _arrange(self) -> None:
        frame = theme.Frame.of(self.width(), self.height())
        box = self.card_box(frame).inset(56, 40)
        head, rest = box.take_top(56, 10)
        figure, rest = rest.take_top(90, 18)
        rest, where = rest.take_bottom(86, 14)
        self.heading.set_font_size(frame.px(32), frame.px(20))
        self.figure.set_font_size(frame.px(64), frame.px(30))
        self.where.set_font_size(frame.px(24), frame.px(15))
        place(self.heading, head, frame)
        place(self.figure, figure, frame)
        place(self.where, where, frame)
        place(self.sentence, rest, frame)
        font = display_font(frame.px(34))
        self.sentence.setFont(font)
        self.sentence.setStyleSheet(f"color: {theme.IVORY.name()}; background: transparent;")
        if self.current_metric is not None:  # at the panes' leading: Qt's own nearly touches
            pitch = round(line_pitch(font, self.current_metric.source, "body"))
            style = f"-qt-line-height-type: fixed; line-height: {pitch}px;"
            body = highlighted_sentence(self.current_metric)
            self.sentence.setText(f'<p style="{style}">{body}</p>')


def highlighted_sentence(metric: Metric) -> str:
    """The source sentence as escaped rich text, its figure in gold and bold."""
    return highlighted(metric.source, (metric.display,))


def highlighted(text: str, figures: tuple[str, ...]) -> str:
    """``text`` as escaped rich text with each of ``figures`` (in order) in bold gold.

    A figure never breaks across lines: see :func:`unbreakable`. Nor do a Chinese
    text's last two characters: a line holding one character and its punctuation
    (``力；``) is what clreq tells a typesetter to avoid.
    """
    out: list[str] = []
    position = 0
    for figure in figures:
        start = text.find(figure, position) if figure else -1
        if start < 0:
            continue
        joined = html.escape(unbreakable(figure))
        out.append(html.escape(text[position:start]))
        out.append(f'<span style="color:{theme.GOLD.name()}; font-weight:700;">{joined}</span>')
        position = start + len(figure)
    out.append(html.escape(_last_two_joined(text[position:])))
    return "".join(out)


def _last_two_joined(text: str) -> str:
    """``text`` with a word joiner (U+2060) between its last two Chinese characters."""
    chinese = [i for i, ch in enumerate(text) if "\u3400" <= ch <= "\u9fff"]
    if len(chinese) < 2 or chinese[-1] != chinese[-2] + 1:
        return text
    after = text[chinese[-1] + 1 :]
    if any(ch not in NO_START and ch not in INSEPARABLE and not ch.isspace() for ch in after):
        return text  # more follows the last character than what no line may start with
    at = chinese[-1]
    return text[:at] + "\u2060" + text[at:]


NO_BREAK = {" ": "\u00a0", "-": "\u2011"}
"""Characters a line may break after, and their no-break forms (both in the bundled font)."""


def unbreakable(figure: str) -> str:
    """``figure`` (such as 97.49亿元 or 840,000 person-times) made so that no line breaks it.

    Spaces and hyphens become their no-break forms, and a word joiner goes where a
    Chinese character meets another character (Qt's line breaking honours all three;
    ``white-space: nowrap`` and ``<nobr>`` do not hold inside a line of Chinese).
    The bundled marks face draws the word joiner, empty and with the Chinese face's
    line metrics (see :func:`~fulian_viewer.ui.fonts.display_font`), so a line
    holding one stands where any other does; English figures need none.
    """
    out: list[str] = []
    for index, char in enumerate(figure):
        if index and (_breaks_around(figure[index - 1]) or _breaks_around(char)):
            out.append("\u2060")
        out.append(NO_BREAK.get(char, char))
    return "".join(out)


def _breaks_around(char: str) -> bool:
    """Whether a line may break before or after ``char`` (Chinese characters, full-width forms)."""
    return ord(char) >= 0x2E80


class NoticeBanner(QWidget):
    """A one-line notice along the top edge that goes away by itself or when clicked.

    It takes the band above a pane's body (:data:`~fulian_viewer.ui.layout.PANE_TOP_MARGIN`),
    so that a notice shown while the show runs (a reload taken or refused) covers
    nothing of the pane.
    """

    def __init__(self, timeout_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = TextBlock(
            self,
            color=theme.IVORY,
            wrap=False,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        )
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, timeout_ms))
        self.timer.timeout.connect(self.hide)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._inset = 0

    def show_text(self, text: str) -> None:
        """Show ``text`` (plain) until the timeout."""
        self.text.set_text(text)
        self.show()
        self.raise_()
        self.timer.start()

    def mousePressEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """A click or touch dismisses the notice."""
        self.hide()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Stop the timer with the banner."""
        self.timer.stop()

    def place_in(self, width: int, height: int) -> None:
        """Lay out in the band along the top of a ``width x height`` deck, above the panes' body."""
        frame = theme.Frame.of(width, height)
        self.set_type(frame.px(24), frame.px(14), frame.px(40))
        self.setGeometry(0, 0, width, frame.px(PANE_TOP_MARGIN - NOTICE_GAP))

    def set_type(self, size: int, minimum: int, inset: int) -> None:
        """Set the text at ``size`` pixels (down to ``minimum``), ``inset`` from either end."""
        self._inset = inset
        self.text.set_font_size(size, minimum)
        self._place_text()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Keep the text in the band, above the rule."""
        self._place_text()

    def _place_text(self) -> None:
        inset = self._inset
        self.text.setGeometry(inset, 0, self.width() - 2 * inset, self.height() - 2)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """A dark strip with a gold underline."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.BANNER)
        painter.fillRect(0, self.height() - 2, self.width(), 2, theme.GOLD_DEEP)
        painter.end()


class LaserDot(QWidget):
    """The presenter's laser pointer: a glowing red dot over the pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)

    def point_at(self, x: int, y: int) -> None:
        """Centre the dot on ``x``, ``y`` of the parent, sized for the parent's frame."""
        parent = self.parentWidget()
        if parent is None:
            return
        size = theme.Frame.of(parent.width(), parent.height()).px(36)
        self.setGeometry(x - size // 2, y - size // 2, size, size)
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """A red core in a soft halo."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = QRectF(self.rect())
        painter.setBrush(theme.LASER_HALO)
        painter.drawEllipse(rect)
        core = rect.width() * 0.22
        painter.setBrush(theme.LASER)
        painter.drawEllipse(rect.adjusted(core, core, -core, -core))
        painter.end()
