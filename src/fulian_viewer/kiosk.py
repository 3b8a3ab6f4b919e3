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
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication

from fulian_viewer.controllers.autoplay import AutoplayController
from fulian_viewer.controllers.cursor import CursorHider
from fulian_viewer.controllers.kiosk import KioskController
from fulian_viewer.model.config import ConfigProblem, KioskConfig, pin_problems
from fulian_viewer.model.dataset import CurrentDataset, problem_list
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.pin import pin_hash_status
from fulian_viewer.model.tour import TourDwell, dwell_seconds
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
    dataset: CurrentDataset, config_problems: list[ConfigProblem]
) -> Callable[[Lang], tuple[str, list[str]]]:
    """What the staff problem list shows: the data on screen now, then every problem."""

    def source(lang: Lang) -> tuple[str, list[str]]:
        extra = tuple(problem.message(lang) for problem in config_problems)
        return problem_list(dataset, lang, extra)

    return source


def start_kiosk(
    app: QApplication,
    window: MainWindow,
    config: KioskConfig,
    config_problems: list[ConfigProblem],
    config_file: str = "--kiosk",
) -> KioskSession:
    """Run ``window`` as a kiosk; the returned session must be kept until the app quits.

    A staff PIN that is missing or published (see
    :func:`~fulian_viewer.model.config.pin_problems`) is logged as a warning at
    every start and listed with ``config_problems``, under ``config_file``'s name.
    """
    deck = window.controller
    unsafe_pin = pin_problems(config, config_file)
    for problem in unsafe_pin:
        log.warning("configuration: %s", problem.message("en"))
    config_problems = [*config_problems, *unsafe_pin]
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
        problems_source(deck.dataset, config_problems),
    )
    cursor = CursorHider(round(config.cursor_hide_seconds * 1000), window)
    app.installEventFilter(keys)
    app.installEventFilter(cursor)

    inhibitor = ScreenSaverInhibitor()
    if not inhibitor.inhibit("exhibition kiosk") and QGuiApplication.platformName() == "wayland":
        log.warning(
            "screen blanking is not held off on this Wayland compositor: turn off its idle "
            "blanking in its own settings (docs/packaging.md, Wayland)"
        )
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
        "kiosk started: dwell %gs, resume after %gs, home after %gs, staff PIN %s",
        dwell.dwell_ms / 1000,
        config.idle_resume_seconds,
        config.idle_home_seconds,
        {"none": "not set", "published": "published (exit disabled)", "set": "set"}[
            pin_hash_status(config.pin_hash)
        ],
    )
    return session
