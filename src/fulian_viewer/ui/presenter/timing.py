"""The console's timing: the talk's elapsed time (pause and reset), its pace, this pane's time.

:class:`TimingPanel` reads the talk's :class:`TalkTimer` and the deck's state when
told to (:meth:`TimingPanel.tick`); it acts on nothing but the timer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fulian_viewer.controllers.deck import DeckController
from fulian_viewer.model.presenter import TalkTimer, clock_text, pace, plan_seconds
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui import theme
from fulian_viewer.ui.fonts import display_font
from fulian_viewer.ui.presenter.panels import PACE_COLOURS, plain_label, set_colour

__all__ = ["ClickableLabel", "TimingPanel"]


class TimingPanel(QWidget):
    """Elapsed time with pause and reset, the pace against the plan, and this pane's time.

    Args:
        deck: the deck controller (read only: the current pane, the language, the notes).
        timer: the talk's timer.
        talk_seconds: the planned length of the whole talk, if given.
        parent: the parent widget.
    """

    def __init__(
        self,
        deck: DeckController,
        timer: TalkTimer,
        talk_seconds: float | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.deck = deck
        self.timer = timer
        self.talk_seconds = talk_seconds
        self.pane_started = timer.elapsed()
        self.plan = self._plan()
        """Each pane's planned seconds (None: nothing says how long the talk is)."""
        self.caption = plain_label(self, theme.MUTED)
        self.elapsed = ClickableLabel(self)
        self.elapsed.clicked.connect(self.toggle)
        self.pause_button = self._button(self.toggle)
        self.reset_button = self._button(self.reset)
        self.pace = plain_label(self, theme.MUTED, bold=True)
        self.pane_time = plain_label(self, theme.MUTED)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.caption)
        row.addWidget(self.elapsed)
        row.addStretch(1)
        row.addWidget(self.pause_button)
        row.addWidget(self.reset_button)
        column.addLayout(row)
        column.addWidget(self.pace)
        column.addWidget(self.pane_time)
        self.column = column

    def _button(self, slot: object) -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def set_scale(self, px: Callable[[float], int], latin: bool) -> None:
        """Size the texts: ``px`` turns sizes for a 1366x768 window into this window's.

        With ``latin`` (the console is in English) the labels take the Latin marks.
        """
        for label, size in ((self.caption, 15), (self.pace, 22), (self.pane_time, 15)):
            label.setFont(display_font(px(size), bool(label.property("bold")), latin))
        self.elapsed.setFont(display_font(px(36), bold=True))
        for button in (self.pause_button, self.reset_button):
            button.setFont(display_font(px(14), latin=latin))
        self.column.setSpacing(px(8))

    def _plan(self) -> tuple[float, ...] | None:
        report = self.deck.dataset.report
        targets = [
            notes.target_seconds if (notes := report.notes_for(spec.key)) else None
            for spec in self.deck.state.specs
        ]
        return plan_seconds(targets, self.talk_seconds)

    def replan(self) -> None:
        """The notes were reloaded: plan the panes' seconds again."""
        self.plan = self._plan()
        self.tick()

    def pane_changed(self) -> None:
        """The deck moved: this pane's time starts now."""
        self.pane_started = self.timer.elapsed()
        self.tick()

    def toggle(self) -> None:
        """Pause the talk's timer, or resume it."""
        self.timer.toggle()
        self.tick()

    def reset(self) -> None:
        """Start the talk's timer again from zero."""
        self.timer.reset()
        self.pane_started = 0.0
        self.tick()

    def tick(self) -> None:
        """Read the timer and the pace again."""
        lang = self.deck.state.lang
        elapsed = self.timer.elapsed()
        self.elapsed.setText(clock_text(elapsed))
        paused = not self.timer.running
        set_colour(self.elapsed, theme.MUTED if paused else theme.IVORY)
        self.caption.setText(ui_text("presenter_paused" if paused else "presenter_elapsed", lang))
        self.pause_button.setText(
            ui_text("presenter_resume" if paused else "presenter_pause", lang)
        )
        self.reset_button.setText(ui_text("presenter_reset", lang))
        now = pace(self.plan, self.deck.state.index, elapsed)
        words = {
            "none": ui_text("pace_none", lang),
            "on_time": ui_text("pace_on_time", lang),
            "ahead": ui_text("pace_ahead", lang, time=clock_text(now.seconds)),
            "behind": ui_text("pace_behind", lang, time=clock_text(now.seconds)),
        }[now.status]
        if now.planned_total:
            words += "  ·  " + ui_text(
                "pace_total", lang, time=clock_text(round(now.planned_total))
            )
        self.pace.setText(words)
        set_colour(self.pace, PACE_COLOURS[now.status])
        spent = clock_text(max(0.0, elapsed - self.pane_started))
        self.pane_time.setText(
            ui_text("presenter_pane_time", lang, spent=spent, target=clock_text(now.pane_target))
            if now.pane_target
            else ui_text("presenter_pane_spent", lang, spent=spent)
        )


class ClickableLabel(QLabel):
    """A plain-text label that says when it is clicked.

    Signals:
        clicked: the label was clicked.
    """

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Say so."""
        self.clicked.emit()
