"""The presenter console: what the speaker sees on the laptop while the audience sees the deck.

It shows, all from the one deck controller: the current pane as the audience sees
it, live (a :class:`MirrorView` of the same deck, its count-ups included);
the next pane; the speaker's notes or the report's talking points; the wall clock;
the talk's elapsed time (pause and reset by key or click) and its pace; pane N of
M with a strip of thumbnails to jump; whether the audience screen is blacked out.
Moving the mouse over the current pane shows a laser dot on the audience screen;
clicking a figure there opens its source for the audience.

It acts only through the deck controller, and never shows on the audience screen
(see :mod:`fulian_viewer.ui.presenter.session`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from fulian_viewer.controllers.deck import DeckController
from fulian_viewer.model.presenter import TalkTimer
from fulian_viewer.model.talking_points import speaker_notes
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui import theme
from fulian_viewer.ui.fonts import display_font
from fulian_viewer.ui.overlays import NoticeBanner
from fulian_viewer.ui.presenter.mirror import MirrorView
from fulian_viewer.ui.presenter.panels import (
    AspectBox,
    NotesView,
    PanePicture,
    ThumbnailStrip,
    plain_label,
    set_colour,
)
from fulian_viewer.ui.presenter.timing import TimingPanel

TICK_MS = 250
"""How often the clock, the timer and the pace are read again."""
PICTURE_RETRY_MS = 150
"""How long taking pane pictures waits while something moves."""
NOTICE_MS = 15_000
"""How long a notice stays on the console (a click dismisses it)."""


class ConsoleWindow(QWidget):
    """The presenter's window.

    Args:
        deck: the deck controller (the audience's).
        timer: the talk's timer.
        talk_seconds: the planned length of the whole talk, if given.

    Signals:
        closed: the console was closed (the show goes on).
    """

    closed = Signal()

    def __init__(
        self, deck: DeckController, timer: TalkTimer, talk_seconds: float | None = None
    ) -> None:
        super().__init__()
        self.deck = deck
        self.setMinimumSize(640, 400)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = plain_label(self, theme.GOLD, bold=True)
        self.pane_number = plain_label(self, theme.IVORY, bold=True)
        self.clock = plain_label(self, theme.IVORY, bold=True)
        self.now_label = plain_label(self, theme.MUTED)
        self.mirror = MirrorView(deck)
        self.mirror.installEventFilter(self)
        self.mirror_box = AspectBox(self.mirror, 16 / 9, self)
        self.status = plain_label(self, theme.MUTED)
        self.status.setWordWrap(True)
        self.strip = ThumbnailStrip(deck.state.count, self)
        self.strip.chosen.connect(deck.go)
        self.timing = TimingPanel(deck, timer, talk_seconds, self)
        self.next_label = plain_label(self, theme.MUTED)
        self.next_picture = PanePicture()
        self.next_box = AspectBox(self.next_picture, 16 / 9, self)
        self.notes_label = plain_label(self, theme.GOLD, bold=True)
        self.notes = NotesView(self)
        self.footer = plain_label(self, theme.MUTED)
        self.footer.setWordWrap(True)
        self.notice = NoticeBanner(NOTICE_MS, self)  # a reload's notice, for the speaker
        self.notice.hide()
        self._layout()
        self.pictures: dict[int, QPixmap] = {}
        self._picture_timer = QTimer(self)
        self._picture_timer.setSingleShot(True)
        self._picture_timer.timeout.connect(self._take_picture)
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        deck.index_changed.connect(self.timing.pane_changed)
        deck.settled.connect(self._on_settled)
        deck.lang_changed.connect(self._on_lang)
        deck.blanked_changed.connect(self._refresh_status)
        deck.panes_changed.connect(self._on_panes)
        self.mirror.ready.connect(self._schedule_pictures)
        self.mirror.first_painted.connect(self._schedule_pictures)
        self.screens_text = ""
        self.rehearsal_text = ""
        self._on_lang()

    # Layout ------------------------------------------------------------------

    def _layout(self) -> None:
        root = self.root = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.pane_number)
        header.addStretch(1)
        header.addWidget(self.clock)
        root.addLayout(header)
        root.addWidget(self.notice)  # a row of its own: shown, it covers nothing
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.now_label)
        left.addWidget(self.mirror_box, 1)
        left.addWidget(self.status)
        left.addWidget(self.strip)
        right = QVBoxLayout()
        right.addWidget(self.timing)
        right.addWidget(self.next_label)
        right.addWidget(self.next_box, 2)
        right.addWidget(self.notes_label)
        right.addWidget(self.notes, 3)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        root.addLayout(body, 1)
        root.addWidget(self.footer)
        self.body = body

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Size fonts and gaps for the window: legible from a 1366x768 laptop up."""
        self._size_fonts()

    def _size_fonts(self) -> None:
        """Fonts and gaps for the window's size, and the Latin marks for English."""
        unit = max(0.75, min(self.width() / 1366, self.height() / 768))
        latin = self.deck.state.lang == "en"  # the labels are in the console's language

        def px(size: float) -> int:
            return max(11, round(size * unit))

        layout = self.root
        layout.setContentsMargins(px(16), px(10), px(16), px(10))
        layout.setSpacing(px(8))
        self.body.setSpacing(px(18))
        for label, size in (
            (self.title, 20),
            (self.pane_number, 20),
            (self.clock, 26),
            (self.now_label, 15),
            (self.status, 15),
            (self.next_label, 15),
            (self.notes_label, 16),
            (self.footer, 13),
        ):
            label.setFont(display_font(px(size), bool(label.property("bold")), latin))
        self.notice.set_type(px(17), px(12), px(12))
        self.notice.setFixedHeight(px(40))
        self.timing.set_scale(px, latin)
        self.notes.set_font_px(px(19))
        self.strip.setFixedHeight(px(70))
        for label in (self.status, self.footer):  # wrapped labels: room for two lines
            label.setMinimumHeight(round(label.fontMetrics().lineSpacing() * 2.2))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """A dark ground that keeps the panes' colours in front."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.CONSOLE_BACKGROUND)
        painter.end()

    def set_audience_aspect(self, aspect: float) -> None:
        """Show the panes in the audience's shape (pictures are taken again when it changes)."""
        if abs(aspect - self.mirror_box.aspect) < 0.01 * aspect:
            return
        for box in (self.mirror_box, self.next_box):
            box.set_aspect(aspect)
        self.strip.aspect = aspect
        self.pictures.clear()
        self._schedule_pictures()

    def set_screens_text(self, text: str) -> None:
        """Say where the audience and the console are (or that there is one screen)."""
        self.screens_text = text
        self._refresh_status()

    def set_rehearsal_text(self, text: str) -> None:
        """Say that a rehearsal is being timed, and where its seconds go."""
        self.rehearsal_text = text
        self._refresh_status()

    # Timer -------------------------------------------------------------------

    def toggle_timer(self) -> None:
        """Pause the talk's timer, or resume it."""
        self.timing.toggle()

    def reset_timer(self) -> None:
        """Start the talk's timer again from zero."""
        self.timing.reset()

    def tick(self) -> None:
        """Read the clock, the timer and the pace again."""
        self.clock.setText(QTime.currentTime().toString("HH:mm"))
        self.timing.tick()

    # Following the deck ------------------------------------------------------

    def show_notice(self, text: str) -> None:
        """Show a short notice under the console's header (a reload's, for instance).

        It takes a row of its own, between the header and the panes, which give it
        the room while it shows: it covers neither the clock nor the pane number.
        """
        self.notice.show_text(text)

    def _on_panes(self) -> None:
        """The data was reloaded: new notes, targets, pictures and figures."""
        self.timing.replan()
        self.pictures.clear()
        self.strip.reset(self.deck.state.count)
        self._schedule_pictures()
        self.tick()  # the deck settles next: the pane's notes and number follow then

    def _on_settled(self) -> None:
        """The audience's slide has ended: show the new pane's number, notes and next pane.

        Not at the move: laying the notes out and repainting the strip and the next
        pane's picture took the console 5-20 ms, which fell on the audience's slide.
        The pane's time starts at the move (:meth:`TimingPanel.pane_changed`).
        """
        self.strip.set_current(self.deck.state.index)
        self._refresh_pane()

    def _on_lang(self) -> None:
        lang = self.deck.state.lang
        self._size_fonts()
        self.setWindowTitle(ui_text("presenter_title", lang))
        self.title.setText(ui_text("presenter_title", lang))
        self.now_label.setText(ui_text("presenter_now", lang))
        self.next_label.setText(ui_text("presenter_next", lang))
        self.pictures.clear()
        self._schedule_pictures()
        self._refresh_pane()
        self._refresh_status()
        self.tick()

    def _refresh_pane(self) -> None:
        state = self.deck.state
        lang = state.lang
        self.pane_number.setText(
            ui_text("presenter_pane", lang, current=state.index + 1, total=state.count)
        )
        notes = speaker_notes(self.deck.dataset.report, state.spec, lang)
        self.notes_label.setText(
            ui_text("presenter_notes" if notes.written else "presenter_points", lang)
        )
        self.notes.show_notes(notes, ui_text("presenter_no_points", lang))
        self._show_next()

    def _show_next(self) -> None:
        following = self.deck.state.index + 1
        if following >= self.deck.state.count:
            self.next_picture.show_pixmap(None, ui_text("presenter_end", self.deck.state.lang))
        else:
            self.next_picture.show_pixmap(self.pictures.get(following), "…")

    def _refresh_status(self) -> None:
        lang = self.deck.state.lang
        self.status.setText(
            ui_text("presenter_blacked_out", lang)
            if self.deck.state.blanked
            else ui_text("presenter_pointer_hint", lang)
        )
        set_colour(self.status, theme.LASER if self.deck.state.blanked else theme.MUTED)
        self.footer.setText("   ".join(t for t in (self.screens_text, self.rehearsal_text) if t))

    # Pictures of the panes ---------------------------------------------------

    def _schedule_pictures(self) -> None:
        if self.mirror.has_painted and not self._picture_timer.isActive():
            self._picture_timer.start(0)

    def _take_picture(self) -> None:
        """Take one pane's picture (its final state) per turn, never while something moves."""
        missing = [i for i in range(self.deck.state.count) if i not in self.pictures]
        if not missing:
            return
        if self.mirror.transitioning or self.mirror.current_pane.animating:
            self._picture_timer.start(PICTURE_RETRY_MS)
            return
        index = min(missing, key=lambda i: (i != self.deck.state.index + 1, i))
        self.pictures[index] = self.mirror.pane_picture(index)
        self.strip.set_picture(index, self.pictures[index])
        if index == self.deck.state.index + 1:
            self._show_next()
        self._picture_timer.start(0)

    # Pointing ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """The mouse over the current pane points for the audience."""
        if watched is self.__dict__.get("mirror"):  # None while the console is torn down
            kind = event.type()
            if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
                where = self.mirror.mapFromGlobal(event.globalPosition())
                width, height = max(1, self.mirror.width()), max(1, self.mirror.height())
                self.deck.point_at(where.x() / width, where.y() / height)
            elif kind == QEvent.Type.Leave:
                self.deck.stop_pointing()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Close the console only: the show goes on."""
        self.deck.stop_pointing()
        self.ticker.stop()
        self._picture_timer.stop()
        for pane in self.mirror.built_panes:
            pane.finish()
        event.accept()
        self.closed.emit()
