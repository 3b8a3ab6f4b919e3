"""Overlays only staff open, with their key chords: the exit PIN pad and the problem list.

Both show plain text only and open no dialog, file chooser or link, so nothing in
them leads a visitor out of the kiosk.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.pin import PIN_MAX_DIGITS
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui import theme
from fulian_viewer.ui.fonts import display_font
from fulian_viewer.ui.layout import place
from fulian_viewer.ui.overlays import DimmedOverlay
from fulian_viewer.ui.text import TextBlock

PIN_IDLE_MS = 30_000
"""The PIN pad closes by itself after this long without typing."""


def _field_style(frame: theme.Frame) -> str:
    border = theme.GOLD_DEEP.name()
    return (
        f"color: {theme.IVORY.name()}; background: {theme.BACKGROUND_TOP.name()};"
        f"border: {max(1, frame.px(2))}px solid {border}; border-radius: {frame.px(10)}px;"
        f"padding: {frame.px(8)}px {frame.px(16)}px;"
    )


def _centred_card(widget: QWidget, width: float, height: float) -> QRectF:
    """A card of logical ``width x height`` in the middle, never wider than the widget."""
    frame = theme.Frame.of(widget.width(), widget.height())
    w = min(frame.px(width), widget.width() - frame.px(40))
    h = min(frame.px(height), widget.height() - frame.px(40))
    return QRectF((widget.width() - w) / 2, (widget.height() - h) / 2, w, h)


class PinOverlay(DimmedOverlay):
    """The staff PIN pad: a masked digit field, a prompt and a message line.

    Signals:
        submitted: the PIN typed, when Enter is pressed.

    Args:
        idle_ms: the pad closes after this long without typing.
        parent: the deck view it covers.
    """

    submitted = Signal(str)

    def __init__(self, idle_ms: int = PIN_IDLE_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = TextBlock(self, color=theme.GOLD, bold=True, wrap=False)
        self.prompt = TextBlock(self, color=theme.IVORY, wrap=True)
        self.message = TextBlock(self, color=theme.GOLD, wrap=True)
        self.entry = QLineEdit(self)
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setMaxLength(PIN_MAX_DIGITS)
        pattern = QRegularExpression(f"[0-9]{{0,{PIN_MAX_DIGITS}}}")
        self.entry.setValidator(QRegularExpressionValidator(pattern, self.entry))
        self.entry.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.returnPressed.connect(self._submit)
        self.entry.textEdited.connect(self._restart_idle)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms)
        self.idle.timeout.connect(self.hide)

    def open(self, lang: Lang) -> None:
        """Show the pad, empty, with the typing focus in the field."""
        self.title.set_text(ui_text("pin_title", lang))
        self.prompt.set_text(ui_text("pin_prompt", lang))
        self.message.set_text("")
        self.entry.clear()
        self.show_over_parent()
        self.entry.setFocus()
        self.idle.start()

    def show_message(self, text: str) -> None:
        """Say why the PIN was refused."""
        self.message.set_text(text)

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Forget what was typed and stop the idle timer."""
        self.entry.clear()
        self.idle.stop()

    def card_rect(self) -> QRectF:
        """A small card in the middle."""
        return _centred_card(self, 820, 440)

    def _arrange(self) -> None:
        frame = theme.Frame.of(self.width(), self.height())
        box = self.card_box(frame).inset(40, 30)
        head, rest = box.take_top(64, 12)
        prompt, rest = rest.take_top(84, 12)
        field, rest = rest.take_top(84, 16)
        self.title.set_font_size(frame.px(40), frame.px(22))
        self.prompt.set_font_size(frame.px(26), frame.px(14))
        self.message.set_font_size(frame.px(26), frame.px(14))
        place(self.title, head, frame)
        place(self.prompt, prompt, frame)
        place(self.entry, field, frame)
        place(self.message, rest, frame)
        self.entry.setFont(display_font(frame.px(40)))
        self.entry.setStyleSheet(_field_style(frame))

    def _submit(self) -> None:
        pin = self.entry.text()
        self.entry.clear()
        self._restart_idle()
        self.submitted.emit(pin)

    def _restart_idle(self) -> None:
        self.idle.start()


class ProblemsOverlay(DimmedOverlay):
    """Every problem with the data and the configuration, for staff, as plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = TextBlock(self, color=theme.GOLD, bold=True, wrap=False)
        self.shown = TextBlock(self, color=theme.GOLD, wrap=True)
        self.hint = TextBlock(self, color=theme.MUTED, wrap=False)
        self.body = QPlainTextEdit(self)
        self.body.setReadOnly(True)
        self.body.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def open(self, lang: Lang, showing: str, problems: list[str]) -> None:
        """Show ``problems`` (one per item) and what is on screen instead.

        Args:
            lang: the language of the fixed texts.
            showing: which data is on screen, in words.
            problems: the problem messages, already in ``lang``.
        """
        self.title.set_text(ui_text("problems_title", lang))
        self.shown.set_text(showing)
        self.hint.set_text(ui_text("problems_hint", lang))
        text = "\n\n".join(problems) if problems else ui_text("problems_none", lang)
        self.body.setPlainText(text)
        self.show_over_parent()

    def scroll_pages(self, pages: int) -> None:
        """Scroll the list by ``pages`` screens (negative: up)."""
        bar = self.body.verticalScrollBar()
        bar.setValue(bar.value() + pages * bar.pageStep())

    def card_rect(self) -> QRectF:
        """A large card: the list may be long."""
        frame = theme.Frame.of(self.width(), self.height())
        margin = frame.px(50)
        return QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)

    def _arrange(self) -> None:
        frame = theme.Frame.of(self.width(), self.height())
        box = self.card_box(frame).inset(40, 30)
        head, rest = box.take_top(60, 10)
        shown, rest = rest.take_top(44, 12)
        body, hint = rest.take_bottom(36, 10)
        self.title.set_font_size(frame.px(40), frame.px(22))
        self.shown.set_font_size(frame.px(26), frame.px(14))
        self.hint.set_font_size(frame.px(22), frame.px(12))
        place(self.title, head, frame)
        place(self.shown, shown, frame)
        place(self.body, body, frame)
        place(self.hint, hint, frame)
        self.body.setFont(display_font(frame.px(24)))
        self.body.setStyleSheet(
            f"color: {theme.IVORY.name()}; background: transparent; border: none;"
        )
