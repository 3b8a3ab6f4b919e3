"""The presenter console on demand: ``--presenter``, ``--rehearse`` or ``C`` in a running viewer.

One :class:`PresenterLauncher` belongs to the audience's window. It creates the
:class:`PresenterSession` the first time the console is asked for and keeps it, so
closing and opening the console again keeps the talk's timer and a rehearsal.
When the application quits, a rehearsal's seconds are written.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from fulian_viewer.controllers.presenter import PresenterKeys
from fulian_viewer.ui.main_window import MainWindow

if TYPE_CHECKING:  # the console loads when it first opens, not before the first frame
    from fulian_viewer.ui.presenter.session import PresenterSession

WAKE_MS = 300
"""How often Python looks for a signal while rehearsing."""


def _quit_application(number: int, frame: object) -> None:
    QApplication.quit()


def _do_nothing() -> None:
    """A timer's slot: only lets Python run its signal handlers."""


class PresenterLauncher(QObject):
    """Opens the presenter console for ``audience`` and carries out the presenter's keys.

    Args:
        audience: the audience's window.
        wanted: the audience's screen (``--screen``), if given.
        talk_seconds: the planned length of the talk (``--talk-minutes``), if given.
        rehearse: where a rehearsal's seconds go (``--rehearse``); None: no rehearsal.
        clock: monotonic seconds for the talk's timer.
    """

    def __init__(
        self,
        audience: MainWindow,
        wanted: str | int | None = None,
        talk_seconds: float | None = None,
        rehearse: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(audience)
        self.clock = clock
        self.audience = audience
        self.wanted = wanted
        self.talk_seconds = talk_seconds
        self.rehearse = rehearse
        self.session: PresenterSession | None = None
        self.keys = PresenterKeys(self, self)
        audience.installEventFilter(self.keys)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.aboutToQuit.connect(self.finish)
        if rehearse is not None:
            self._quit_on_signals()

    def _quit_on_signals(self) -> None:
        """Ctrl+C in the terminal (or a polite kill) ends a rehearsal cleanly, so it is written.

        Python runs signal handlers only between bytecodes; a timer wakes it now and then.
        """
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, _quit_application)
        self._wake = QTimer(self)
        self._wake.timeout.connect(_do_nothing)
        self._wake.start(WAKE_MS)

    def open_console(self) -> PresenterSession:
        """Show the console (creating it the first time)."""
        if self.session is None:
            from fulian_viewer.ui.presenter.session import PresenterSession

            self.session = PresenterSession(
                self.audience, self.wanted, self.talk_seconds, self.rehearse, self.clock
            )
            self.session.console.installEventFilter(self.keys)
        else:
            self.session.reopen()
        return self.session

    def show_notice(self, text: str) -> bool:
        """Show ``text`` on the open console, for the speaker only; False when none is open."""
        if self.session is None or not self.session.open:
            return False
        self.session.console.show_notice(text)
        return True

    def toggle_console(self) -> None:
        """Open the console, or close it when it is open."""
        if self.session is not None and self.session.open:
            self.session.close()
        else:
            self.open_console()

    def swap(self) -> None:
        """Swap the audience's and the console's screens."""
        if self.session is not None and self.session.open:
            self.session.swap()

    def toggle_timer(self) -> None:
        """Pause or resume the talk's timer."""
        if self.session is not None:
            self.session.toggle_timer()

    def reset_timer(self) -> None:
        """Reset the talk's timer."""
        if self.session is not None:
            self.session.reset_timer()

    def finish(self) -> None:
        """The application quits: write a rehearsal's seconds."""
        if self.session is not None:
            self.session.finish_rehearsal()
