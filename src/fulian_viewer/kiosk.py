"""Kiosk mode: turn a built viewer window into an unattended exhibition piece.

:func:`start_kiosk` wires, in this order:

1. Lock the window (no closing, no leaving full screen), frameless and on top,
   and open no links or files from anything shown.
2. Fit it to the chosen screen and keep it there through screen changes.
3. Autoplay: the tour loops by itself, pauses on input, resumes when left alone
   and returns to the cover after a long idle.
4. The kiosk's keys (locked exits, Esc/F5 restart, staff chords) and the
   pointer hiding, both filtering every event of the application.
5. Keep the display awake; log a heartbeat (and tell systemd we are ready and alive).

The window must already hold its deck (:func:`fulian_viewer.app.build_window`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from fulian_viewer.controllers.autoplay import AutoplayController
from fulian_viewer.controllers.cursor import CursorHider
from fulian_viewer.controllers.kiosk import KioskController
from fulian_viewer.model.config import ConfigProblem, KioskConfig
from fulian_viewer.model.last_good import KioskLoad
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.tour import TourDwell, dwell_seconds
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.system.heartbeat import Heartbeat, notify_ready
from fulian_viewer.system.screensaver import ScreenSaverInhibitor
from fulian_viewer.ui.main_window import MainWindow
from fulian_viewer.ui.screen_fit import ScreenKeeper

log = logging.getLogger(__name__)

__all__ = [
    "STAFF_EXIT_STATUS",
    "URL_SCHEMES",
    "KioskSession",
    "LinkBlocker",
    "dwell_seconds",
    "problems_source",
    "start_kiosk",
]

URL_SCHEMES = ("http", "https", "file", "mailto", "ftp")
STAFF_EXIT_STATUS = 4
"""The exit status after the staff's exit, so a supervisor does not restart the kiosk."""


class LinkBlocker(QObject):
    """Receives every link Qt would open in another program, and opens none."""

    @Slot(QUrl)
    def refuse(self, url: QUrl) -> None:
        """Log the link instead of opening it."""
        log.warning("kiosk: refused to open %s", url.toString())


@dataclass
class KioskSession:
    """Everything a running kiosk holds, so nothing is collected while it runs.

    Attributes:
        window: the locked window.
        autoplay: the tour's controller.
        keys: the kiosk's input controller.
        cursor: the pointer hider.
        screens: keeps the window on its screen.
        inhibitor: keeps the display awake.
        heartbeat: logs that the kiosk is alive.
    """

    window: MainWindow
    autoplay: AutoplayController
    keys: KioskController
    cursor: CursorHider
    screens: ScreenKeeper
    inhibitor: ScreenSaverInhibitor
    heartbeat: Heartbeat
    links: LinkBlocker = field(default_factory=LinkBlocker)
    staff_exited: bool = False

    def approve_exit(self) -> None:
        """The staff chord and PIN were right: stop, and remember it for the exit status."""
        self.staff_exited = True
        self.stop()

    def stop(self) -> None:
        """Stop the tour, give the pointer and the screen saver back, unlock the window."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.keys)
            app.removeEventFilter(self.cursor)
        self.autoplay.stop()
        self.heartbeat.stop()
        self.cursor.release()
        self.inhibitor.release()
        self.window.unlock()
        for scheme in URL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)


def problems_source(
    load: KioskLoad, config_problems: list[ConfigProblem]
) -> Callable[[Lang], tuple[str, list[str]]]:
    """What the staff problem list shows: which data is on screen, then every problem."""
    showing_key = {
        "data": "problems_shown_data",
        "last_good": "last_good_notice",
        "bundled": "fallback_notice" if load.problems else "problems_shown_bundled",
    }[load.origin]

    def source(lang: Lang) -> tuple[str, list[str]]:
        messages = [problem.message(lang) for problem in load.problems]
        messages += [problem.message(lang) for problem in config_problems]
        return ui_text(showing_key, lang), messages

    return source


def start_kiosk(
    app: QApplication,
    window: MainWindow,
    config: KioskConfig,
    load: KioskLoad,
    config_problems: list[ConfigProblem],
) -> KioskSession:
    """Run ``window`` as a kiosk; the returned session must be kept until the app quits."""
    deck = window.controller
    window.lock()
    window.setWindowFlags(
        window.windowFlags()
        | Qt.WindowType.FramelessWindowHint
        | Qt.WindowType.WindowStaysOnTopHint
    )
    links = LinkBlocker(window)
    for scheme in URL_SCHEMES:
        QDesktopServices.setUrlHandler(scheme, links, "refuse")  # type: ignore[arg-type]

    screens = ScreenKeeper(window, config.screen)
    if screens.fit() is None:
        window.showFullScreen()

    dwell = TourDwell.of(config, deck.dataset.report)
    autoplay = AutoplayController(
        deck,
        dwell_ms=dwell.dwell_ms,
        idle_resume_ms=round(config.idle_resume_seconds * 1000),
        idle_home_ms=round(config.idle_home_seconds * 1000),
        section_dwell_ms=dwell.section_dwell_ms,
    )
    keys = KioskController(
        deck,
        window.deck,
        autoplay,
        config.exit_chord,
        config.pin_hash,
        problems_source(load, config_problems),
    )
    cursor = CursorHider(round(config.cursor_hide_seconds * 1000), window)
    app.installEventFilter(keys)
    app.installEventFilter(cursor)

    inhibitor = ScreenSaverInhibitor()
    inhibitor.inhibit("exhibition kiosk")
    state = deck.state
    heartbeat = Heartbeat(
        status=lambda: f"pane={state.index + 1}/{state.count} tour={autoplay.machine.state}",
        parent=window,
    )
    session = KioskSession(window, autoplay, keys, cursor, screens, inhibitor, heartbeat, links)
    keys.exit_approved.connect(session.approve_exit)
    keys.exit_approved.connect(app.quit)
    window.deck.first_painted.connect(notify_ready)
    heartbeat.start()
    autoplay.start()
    log.info(
        "kiosk started: dwell %gs, resume after %gs, home after %gs, PIN %s",
        dwell.dwell_ms / 1000,
        config.idle_resume_seconds,
        config.idle_home_seconds,
        "set" if config.pin_hash else "not set",
    )
    return session
