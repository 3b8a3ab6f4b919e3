"""Keep a kiosk window filling its chosen screen through unplugging and resolution changes.

While a display is plugged in or out, Qt can briefly report a 0x0 placeholder
screen; such screens are never chosen, and the fitting waits a moment for the
screens to settle before it moves the window. A window taken out of full screen
by something else (a window manager's key, another program resizing it, an X
session with no window manager at all) is fitted again too.
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import QEvent, QObject, QRect, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

SETTLE_MS = 300
"""Wait this long after a screen change before fitting (changes come in bursts)."""
DRIFT_GAP_S = 2.0
"""At most one fit this often for a window that something else moved or resized: a
window manager that will not let it be full screen is not fought on every event."""
_DRIFT_EVENTS = (QEvent.Type.WindowStateChange, QEvent.Type.Resize, QEvent.Type.Move)


class ScreenLike(Protocol):
    """What choosing a screen needs of a :class:`QScreen`."""

    def name(self) -> str: ...  # noqa: D102 (protocol)

    def geometry(self) -> QRect: ...  # noqa: D102 (protocol)


S = TypeVar("S", bound=ScreenLike)


def choose_screen(screens: Sequence[S], wanted: str | int | None, primary: S | None) -> S | None:
    """The screen to show on: by index or name when it exists, else the primary one.

    Screens with no area (a placeholder while displays change) are never chosen.
    """
    usable = usable_screens(screens)
    if not usable:
        return None
    found = find_screen(usable, wanted)
    if found is not None:
        return found
    if primary is not None and primary in usable:
        return primary
    return usable[0]


def usable_screens(screens: Sequence[S]) -> list[S]:
    """The screens with an area (not a placeholder while displays change)."""
    return [screen for screen in screens if not screen.geometry().isEmpty()]


def find_screen(usable: Sequence[S], wanted: str | int | None) -> S | None:
    """The screen ``wanted`` names (index or name, any case), if there is one."""
    if isinstance(wanted, int) and 0 <= wanted < len(usable):
        return usable[wanted]
    if isinstance(wanted, str):
        for screen in usable:
            if screen.name().casefold() == wanted.casefold():
                return screen
    return None


def presenter_screens(
    screens: Sequence[S], wanted: str | int | None, primary: S | None, swapped: bool = False
) -> tuple[S | None, S | None]:
    """(audience screen, console screen) for a talk; the console's is None with one screen.

    The audience gets the screen ``wanted`` names, else the first that is not the
    primary (the projector, not the laptop); the console gets the primary, else
    another screen. ``swapped`` exchanges the two. They are never the same screen.
    """
    usable = usable_screens(screens)
    if len(usable) < 2:
        return (usable[0] if usable else None), None
    others = [screen for screen in usable if screen is not primary]
    audience = find_screen(usable, wanted) or others[0]
    console = primary if primary in usable and primary is not audience else None
    if console is None:
        console = next(screen for screen in usable if screen is not audience)
    return (console, audience) if swapped else (audience, console)


def settle_timer(
    owner: QObject, settle_ms: int, settled: Callable[[], object], changed: Callable[[], None]
) -> QTimer:
    """A single-shot timer, owned by ``owner``, that calls ``settled`` once screens settle.

    ``changed`` (which should start the timer) is called whenever a screen is added
    or removed or the primary screen changes.
    """
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(settle_ms)
    timer.timeout.connect(settled)
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        app.screenAdded.connect(changed)
        app.screenRemoved.connect(changed)
        app.primaryScreenChanged.connect(changed)
    return timer


class ScreenKeeper(QObject):
    """Fits ``window`` full screen on its chosen screen, now and after every screen change.

    Args:
        window: the top-level window.
        wanted: screen index or name; None for the primary screen.
        screens: lists the screens (Qt's by default; tests give their own).
        primary: the primary screen (Qt's by default).
        settle_ms: wait after a change before fitting.
        clock: seconds, for spacing the fits of a window moved by something else.
    """

    def __init__(
        self,
        window: QWidget,
        wanted: str | int | None,
        screens: Callable[[], Sequence[QScreen]] = QGuiApplication.screens,
        primary: Callable[[], QScreen | None] = QGuiApplication.primaryScreen,
        settle_ms: int = SETTLE_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.wanted = wanted
        self._screens = screens
        self._primary = primary
        self._clock = clock
        self._watched: QScreen | None = None
        self._told: str | None = None  # the missing screen last logged, and the screens then
        self._shown: tuple[str, int, int] | None = None  # the screen and size last logged
        self._fitting = False
        self._last_drift = -math.inf
        self.settle = settle_timer(self, settle_ms, self.fit, self.schedule)
        window.installEventFilter(self)

    def schedule(self) -> None:
        """Fit again once the screens have settled."""
        self.settle.start()

    def fit(self) -> QScreen | None:
        """Move the window to its screen and fill it; return that screen (None: none usable)."""
        screen = choose_screen(self._screens(), self.wanted, self._primary())
        if screen is None:
            log.warning("no usable screen; waiting for one")
            return None
        self._tell_missing(screen)
        self._fitting = True
        try:
            if self.window.screen() is not screen:
                self.window.setScreen(screen)
            self.window.setGeometry(screen.geometry())
            self.window.showFullScreen()
        finally:
            self._fitting = False
        self._watch(screen)
        size = screen.geometry()
        shown = (screen.name(), size.width(), size.height())
        if shown != self._shown:
            log.info("showing on screen %r at %dx%d", *shown)
            self._shown = shown
        return screen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Fit again when something else takes the window out of full screen or off its size."""
        if watched is self.window and event.type() in _DRIFT_EVENTS and self.drifted():
            now = self._clock()
            if now - self._last_drift >= DRIFT_GAP_S:
                self._last_drift = now
                log.info("the window left full screen; filling the screen again")
                self.schedule()
        return False

    def drifted(self) -> bool:
        """Whether the window, once fitted, is no longer full screen on its screen's size."""
        screen = self._watched
        if self._fitting or screen is None or not self.window.isVisible():
            return False
        window = self.window
        return (
            window.isMinimized()
            or not window.isFullScreen()
            or window.geometry() != screen.geometry()
        )

    def _tell_missing(self, shown: QScreen) -> None:
        """Log once (until the screens change) when the wanted screen is not there."""
        usable = usable_screens(self._screens())
        missing = self.wanted is not None and find_screen(usable, self.wanted) is None
        names = ", ".join(f"{index}: {screen.name()}" for index, screen in enumerate(usable))
        situation = f"{self.wanted}|{names}" if missing else None
        if missing and situation != self._told:
            log.warning(
                "screen %r is not connected (screens: %s); showing on %r",
                self.wanted,
                names,
                shown.name(),
            )
        self._told = situation

    def _watch(self, screen: QScreen) -> None:
        if self._watched is screen:
            return
        if self._watched is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the screen is already gone
                self._watched.geometryChanged.disconnect(self.schedule)
        screen.geometryChanged.connect(self.schedule)
        self._watched = screen
