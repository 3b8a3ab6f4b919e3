"""A talk with a presenter console: where the two windows go, the console's keys, rehearsal.

With two or more screens the audience's window fills the projector (the screen
``--screen`` names, else one that is not the primary) and the console fills
another (the primary, the laptop's); ``X`` swaps them. With one screen the console
opens as a window and the audience's window stays where it is. When screens are
plugged in or out the windows are placed again once the screens settle: the
audience's window goes to the projector as soon as there is one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from fulian_viewer.controllers.keyboard import KeyboardController
from fulian_viewer.model.output_request import write_failure
from fulian_viewer.model.presenter import TalkTimer
from fulian_viewer.model.rehearsal import (
    Rehearsal,
    free_path,
    rehearsal_fallback,
    write_rehearsal,
)
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui.main_window import MainWindow
from fulian_viewer.ui.presenter.console import ConsoleWindow
from fulian_viewer.ui.screen_fit import SETTLE_MS, presenter_screens, settle_timer

log = logging.getLogger(__name__)

ONE_SCREEN_SIZE = (1280, 760)
"""The console window's size when it shares the only screen (less where that is smaller)."""


class PresenterSession(QObject):
    """The presenter console for an audience window, and the placing of both.

    Args:
        audience: the audience's window (holding the deck).
        wanted: the audience's screen, by index or name (``--screen``); None picks one.
        talk_seconds: the planned length of the whole talk, if given.
        rehearse: where to write a rehearsal's seconds at the end; None: no rehearsal.
        clock: monotonic seconds for the talk's timer.
        screens: lists the screens (Qt's by default; tests give their own).
        primary: the primary screen (Qt's by default).

    Signals:
        closed: the console was closed (the audience's window stays).
    """

    closed = Signal()

    def __init__(
        self,
        audience: MainWindow,
        wanted: str | int | None = None,
        talk_seconds: float | None = None,
        rehearse: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        screens: Callable[[], Sequence[QScreen]] = QGuiApplication.screens,
        primary: Callable[[], QScreen | None] = QGuiApplication.primaryScreen,
    ) -> None:
        super().__init__(audience)
        self.audience = audience
        self.deck = audience.controller
        self.wanted = wanted
        self.swapped = False
        self._screens = screens
        self._primary = primary
        self.timer = TalkTimer(clock)
        self.rehearse = rehearse
        self.rehearsal = Rehearsal(self.deck.state.count, self.timer.elapsed) if rehearse else None
        if self.rehearsal is not None:
            self.rehearsal.showing(self.deck.state.index)
        self.console = ConsoleWindow(self.deck, self.timer, talk_seconds)
        self.keyboard = KeyboardController(self.deck, audience, self.console)
        self.console.installEventFilter(self.keyboard)
        self.console.closed.connect(self._on_console_closed)
        audience.installEventFilter(self)  # its shape; closing it ends the talk
        self.deck.index_changed.connect(self._on_index)
        self.settle = settle_timer(self, SETTLE_MS, self.place, self.schedule)
        self._where: tuple[str, str] | None = None
        """The audience's and the console's screens by name (None: one screen)."""
        self.deck.lang_changed.connect(self._say_where)
        self.open = True
        self.place()

    # Placing the windows -----------------------------------------------------

    def schedule(self) -> None:
        """Place the windows again once the screens have settled."""
        self.settle.start()

    def _say_where(self) -> None:
        """Say, in the deck's language, where each window is (and where a rehearsal goes)."""
        lang = self.deck.state.lang
        if self._where is None:
            self.console.set_screens_text(ui_text("presenter_one_screen", lang))
        else:
            audience, console = self._where
            self.console.set_screens_text(
                ui_text("presenter_screens", lang, audience=audience, console=console)
            )
        if self.rehearsal is not None and self.rehearse is not None:
            self.console.set_rehearsal_text(
                ui_text("presenter_rehearsing", lang, file=free_path(self.rehearse))
            )

    def swap(self) -> None:
        """Exchange the audience's and the console's screens (with two or more)."""
        self.swapped = not self.swapped
        self.place()

    def place(self) -> tuple[QScreen | None, QScreen | None]:
        """Put the audience and the console on their screens; return (audience, console)."""
        if not self.open:
            return None, None
        self.deck.stop_pointing()  # the mouse is no longer where it was
        audience, console = presenter_screens(
            self._screens(), self.wanted, self._primary(), self.swapped
        )
        if audience is None:
            log.warning("presenter: no usable screen; waiting for one")
            return None, None
        if console is None:
            self._place_alone(audience)
            self._where = None
        else:
            fill(self.audience, audience)
            fill(self.console, console)
            self._where = (screen_name(audience), screen_name(console))
        self._say_where()
        shape = audience.geometry() if console is not None else self.audience.geometry()
        self.console.set_audience_aspect(shape.width() / max(1, shape.height()))
        log.info(
            "presenter: audience on %r, console on %r",
            audience.name(),
            console.name() if console is not None else "the same screen, in a window",
        )
        return audience, console

    def _place_alone(self, screen: QScreen) -> None:
        """One screen: the console as a window; the audience stays (shown if it was not)."""
        if self.audience.isFullScreen() and self.audience.screen() is not screen:
            fill(self.audience, screen)
        elif not self.audience.isVisible():
            self.audience.show()
        area = screen.availableGeometry()
        width = min(ONE_SCREEN_SIZE[0], area.width())
        height = min(ONE_SCREEN_SIZE[1], area.height())
        if self.console.isFullScreen():
            self.console.showNormal()
        if self.console.screen() is not screen:
            self.console.setScreen(screen)
        if not self.console.isVisible():
            self.console.setGeometry(
                QRect(
                    area.x() + (area.width() - width) // 2,
                    area.y() + (area.height() - height) // 2,
                    width,
                    height,
                )
            )
        self.console.show()
        self.console.raise_()
        self.console.activateWindow()

    # Timer and rehearsal -----------------------------------------------------

    def toggle_timer(self) -> None:
        """Pause the talk's timer, or resume it (a paused rehearsal counts no time)."""
        self.console.toggle_timer()

    def reset_timer(self) -> None:
        """The talk's timer back to zero (and a rehearsal's times with it)."""
        self.console.reset_timer()
        if self.rehearsal is not None:
            self.rehearsal.restart()

    def _on_index(self) -> None:
        if self.rehearsal is not None:
            self.rehearsal.showing(self.deck.state.index)

    def finish_rehearsal(self) -> Path | None:
        """Write the rehearsal's seconds (once); return where, or None when not rehearsing."""
        if self.rehearsal is None or self.rehearse is None:
            return None
        rehearsal, self.rehearsal = self.rehearsal, None
        lang = self.deck.state.lang
        seconds = rehearsal.seconds()
        report = self.deck.dataset.report
        try:
            path = write_rehearsal(self.rehearse, self.deck.state.specs, seconds, report)
        except OSError as error:
            # The seconds are the speaker's work: keep them where they can be written.
            reason = write_failure(error, lang)
            log.error("rehearsal: cannot write %s: %s", self.rehearse, error)
            try:
                fallback = rehearsal_fallback(self.rehearse)
                path = write_rehearsal(fallback, self.deck.state.specs, seconds, report)
            except OSError as second:
                print(ui_text("rehearsal_failed", lang, reason=reason), flush=True)
                log.error("rehearsal: cannot write %s either: %s", fallback, second)
                return None
            text = ui_text("rehearsal_moved", lang, file=self.rehearse, reason=reason, moved=path)
            print(text, flush=True)
            log.warning("rehearsal seconds written to %s instead", path)
            return path
        print(ui_text("rehearsal_written", lang, file=path), flush=True)
        log.info("rehearsal seconds written to %s", path)
        return path

    # Closing -----------------------------------------------------------------

    def close(self) -> None:
        """Close the console; the show goes on (a rehearsal too)."""
        self.console.close()

    def reopen(self) -> None:
        """Show the closed console again, its timer where it was."""
        if not self.open:
            self.open = True
            self.console.ticker.start()
            self.place()

    def toggle(self) -> None:
        """Close the console when open, open it when closed."""
        if self.open:
            self.close()
        else:
            self.reopen()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Follow the audience's window: its shape, and its closing (the console closes too).

        The audience's window is this session's parent, asked of Qt: while the window
        is being destroyed this object's Python attributes may already be gone.
        """
        if watched is not self.parent() or not self.__dict__.get("open"):
            return False
        if event.type() == QEvent.Type.Close and event.isAccepted():
            QTimer.singleShot(0, self._after_audience_closed)
        elif event.type() == QEvent.Type.Resize:
            size = self.audience.size()
            self.console.set_audience_aspect(size.width() / max(1, size.height()))
        return False

    def _after_audience_closed(self) -> None:
        if not self.audience.isVisible():
            self.close()

    def _on_console_closed(self) -> None:
        self.open = False
        self.settle.stop()
        self.closed.emit()


def fill(window: QWidget, screen: QScreen) -> None:
    """Show ``window`` full screen on ``screen`` (the geometry first, for a bare X server)."""
    if window.screen() is not screen:
        window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()


def screen_name(screen: QScreen) -> str:
    """A screen's name, with its size."""
    size = screen.geometry()
    return f"{screen.name() or '?'} ({size.width()}x{size.height()})"
