"""Keep the display awake while the kiosk runs.

:class:`ScreenSaverInhibitor` asks the operating system not to blank the screen
or start the screen saver, through a backend chosen for the platform:

- Linux: the freedesktop ``org.freedesktop.ScreenSaver`` service on the session
  D-Bus (GNOME, KDE, Xfce, Cinnamon, MATE, LXQt), ``Inhibit(app, reason)``.
- Windows: ``SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED |
  ES_SYSTEM_REQUIRED)``, which keeps the display and the machine on but does
  not stop a configured screen saver (turn that off in Windows' settings).
- Elsewhere, or with no session bus, :meth:`ScreenSaverInhibitor.inhibit`
  logs why at INFO and returns False. It never raises.

The D-Bus backend holds its inhibition on a private connection to the session
bus and releases it by leaving the bus: PySide6 sends a Python ``int`` as a
D-Bus ``int32`` and cannot send the ``uint32`` cookie that ``UnInhibit``
expects, while every implementation of the service drops the inhibitions of a
client that leaves the bus.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any, Protocol

from fulian_viewer import APP_NAME

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
"""Object paths to try: the specification's, then the one older KDE used."""

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002
KEEP_AWAKE = ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED


class InhibitUnavailableError(Exception):
    """A backend cannot inhibit here; the message says why, in plain words."""


class InhibitBackend(Protocol):
    """What :class:`ScreenSaverInhibitor` needs from a platform backend."""

    name: str

    def inhibit(self, app_name: str, reason: str) -> object:
        """Start inhibiting.

        Args:
            app_name: the application's name, shown by some desktops.
            reason: why, shown by some desktops.

        Returns:
            A token for :meth:`release`.

        Raises:
            InhibitUnavailableError: inhibition is not possible here.
        """
        ...

    def release(self, token: object) -> None:
        """Stop the inhibition that :meth:`inhibit` returned ``token`` for."""
        ...


class DBusScreenSaverBackend:
    """The freedesktop ScreenSaver service on the session bus (Linux, BSD).

    Args:
        address: a D-Bus address to connect to instead of the session bus
            (for tests with a private bus).
        connection_name: the name of the private connection that carries the
            inhibition.
        timeout_ms: how long to wait for the service's answer.
    """

    name = "D-Bus org.freedesktop.ScreenSaver"

    def __init__(
        self,
        address: str | None = None,
        connection_name: str = f"{APP_NAME}-screensaver",
        timeout_ms: int = 2000,
    ) -> None:
        self.address = address
        self.connection_name = connection_name
        self.timeout_ms = timeout_ms
        self.unique_name: str | None = None
        """The connection's unique bus name while inhibiting (for logs and tests)."""

    def inhibit(self, app_name: str, reason: str) -> object:
        """Call ``Inhibit(app_name, reason)`` on the first path that answers.

        Args:
            app_name: the application's name, shown by some desktops.
            reason: why, shown by some desktops.

        Returns:
            The service's cookie.

        Raises:
            InhibitUnavailableError: no session bus, or no service answers.
        """
        from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

        if self.address is None:
            bus = QDBusConnection.connectToBus(
                QDBusConnection.BusType.SessionBus, self.connection_name
            )
        else:
            bus = QDBusConnection.connectToBus(self.address, self.connection_name)
        if not bus.isConnected():
            message = bus.lastError().message() or "not connected"
            del bus
            QDBusConnection.disconnectFromBus(self.connection_name)
            raise InhibitUnavailableError(f"no D-Bus session bus ({message})")
        errors: list[str] = []
        for path in PATHS:
            interface = QDBusInterface(SERVICE, path, INTERFACE, bus)
            interface.setTimeout(self.timeout_ms)
            reply = interface.call("Inhibit", app_name, reason)
            arguments = reply.arguments()
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and arguments:
                self.unique_name = bus.baseService()
                return int(arguments[0])
            errors.append(f"{path}: {reply.errorMessage() or reply.errorName() or 'no answer'}")
        del bus, interface
        QDBusConnection.disconnectFromBus(self.connection_name)
        raise InhibitUnavailableError(f"{SERVICE} did not answer ({'; '.join(errors)})")

    def release(self, token: object) -> None:
        """Leave the bus, which ends the inhibition.

        Args:
            token: the cookie (unused: see the module's notes).
        """
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(self.connection_name)
        self.unique_name = None


class WindowsExecutionStateBackend:
    """``SetThreadExecutionState`` on Windows.

    The state belongs to the calling thread: inhibit and release from the GUI
    thread, which lives as long as the application.

    Args:
        kernel32: an object with ``SetThreadExecutionState`` (for tests);
            ``ctypes.windll.kernel32`` by default.
    """

    name = "SetThreadExecutionState"

    def __init__(self, kernel32: Any = None) -> None:
        if kernel32 is None:
            windll = getattr(ctypes, "windll", None)
            if windll is None:
                raise InhibitUnavailableError("SetThreadExecutionState needs Windows")
            kernel32 = windll.kernel32
            kernel32.SetThreadExecutionState.argtypes = [ctypes.c_uint32]
            kernel32.SetThreadExecutionState.restype = ctypes.c_uint32
        self.kernel32 = kernel32

    def inhibit(self, app_name: str, reason: str) -> object:
        """Keep the display and the system on until :meth:`release`.

        Args:
            app_name: unused.
            reason: unused.

        Returns:
            The flags set.

        Raises:
            InhibitUnavailableError: Windows refused (the call returned 0).
        """
        if not self.kernel32.SetThreadExecutionState(KEEP_AWAKE):
            raise InhibitUnavailableError("SetThreadExecutionState failed")
        return KEEP_AWAKE

    def release(self, token: object) -> None:
        """Let the display and the system sleep again.

        Args:
            token: unused.
        """
        self.kernel32.SetThreadExecutionState(ES_CONTINUOUS)


def default_backend() -> InhibitBackend | None:
    """The backend for this platform.

    Returns:
        The Windows backend on Windows, the D-Bus backend on other
        non-macOS platforms when QtDBus can be imported, else None.
    """
    if sys.platform == "win32":
        return WindowsExecutionStateBackend()
    if sys.platform == "darwin":
        return None
    try:
        import PySide6.QtDBus  # noqa: F401
    except ImportError:
        return None
    return DBusScreenSaverBackend()


class ScreenSaverInhibitor:
    """Keeps the display awake between :meth:`inhibit` and :meth:`release`.

    Args:
        backend: the platform backend; :func:`default_backend` when not given.
            Pass None explicitly to get the "unsupported platform" behaviour.
        app_name: the application name given to the service.

    Create it after the QApplication (the D-Bus backend needs Qt's event
    dispatcher) and call :meth:`release` before quitting.
    """

    _UNSET: Any = object()

    def __init__(self, backend: InhibitBackend | None = _UNSET, app_name: str = APP_NAME) -> None:
        if backend is ScreenSaverInhibitor._UNSET:
            try:
                backend = default_backend()
            except Exception as error:
                log.info("no screen-saver backend: %r", error)
                backend = None
        self.backend: InhibitBackend | None = backend
        self.app_name = app_name
        self._token: object | None = None

    @property
    def active(self) -> bool:
        """Whether an inhibition is held."""
        return self._token is not None

    def inhibit(self, reason: str) -> bool:
        """Ask the system not to blank the screen.

        Args:
            reason: why, shown by some desktops (for example "exhibition kiosk").

        Returns:
            True when the display is kept awake (also when it already was);
            False when that is not possible here (the reason is logged at INFO).
        """
        if self._token is not None:
            return True
        if self.backend is None:
            log.info("screen saver not inhibited: no backend for platform %s", sys.platform)
            return False
        try:
            self._token = self.backend.inhibit(self.app_name, reason)
        except InhibitUnavailableError as error:
            log.info("screen saver not inhibited (%s): %s", self.backend.name, error)
            return False
        except Exception as error:
            log.info("screen saver not inhibited (%s): %r", self.backend.name, error)
            return False
        log.info("screen saver inhibited (%s)", self.backend.name)
        return True

    def release(self) -> None:
        """End the inhibition, if any. Never raises."""
        token, self._token = self._token, None
        if token is None or self.backend is None:
            return
        try:
            self.backend.release(token)
        except Exception as error:
            log.info("screen saver release failed (%s): %r", self.backend.name, error)
        else:
            log.info("screen saver inhibition released (%s)", self.backend.name)
