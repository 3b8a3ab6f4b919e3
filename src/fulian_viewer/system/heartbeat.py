"""A heartbeat for the kiosk: a periodic log line and the systemd watchdog ping.

:class:`Heartbeat` logs ``heartbeat uptime=… rss=… MB`` and the caller's status
on a :class:`QTimer` and, when the viewer runs as a systemd ``Type=notify``
service (``NOTIFY_SOCKET`` is set), sends ``WATCHDOG=1``. The timer runs on
the GUI thread, so a frozen event loop stops the pings and systemd restarts the
viewer after ``WatchdogSec``. :func:`notify_ready` (``READY=1``) is re-exported
from :mod:`fulian_viewer.system.sd_notify` for the call after the first paint.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer, Slot

from fulian_viewer.system.sd_notify import notify_ready, notify_watchdog, watchdog_usec

__all__ = ["Heartbeat", "default_interval_ms", "format_uptime", "notify_ready", "rss_mb"]

DEFAULT_HEARTBEAT_MS = 60_000
"""The interval outside systemd's watchdog, and its upper bound under it."""

heartbeat_log = logging.getLogger("fulian_viewer.heartbeat")


def rss_mb() -> float:
    """The process's resident memory in MB (MiB).

    Returns:
        ``VmRSS`` from ``/proc/self/status`` on Linux; the working set on
        Windows; elsewhere the peak resident size from ``getrusage``; 0.0 when
        none of these can be read.
    """
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    if sys.platform == "win32":
        return _windows_working_set_mb()
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _windows_working_set_mb() -> float:
    import ctypes

    size_t = ctypes.c_size_t

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", ctypes.c_uint32),
            ("PageFaultCount", ctypes.c_uint32),
            ("PeakWorkingSetSize", size_t),
            ("WorkingSetSize", size_t),
            ("QuotaPeakPagedPoolUsage", size_t),
            ("QuotaPagedPoolUsage", size_t),
            ("QuotaPeakNonPagedPoolUsage", size_t),
            ("QuotaNonPagedPoolUsage", size_t),
            ("PagefileUsage", size_t),
            ("PeakPagefileUsage", size_t),
        ]

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return 0.0
    try:
        kernel32 = windll.kernel32
        kernel32.GetCurrentProcess.restype = ctypes.c_void_p
        query = kernel32.K32GetProcessMemoryInfo
        query.argtypes = [ctypes.c_void_p, ctypes.POINTER(Counters), ctypes.c_uint32]
        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        if query(kernel32.GetCurrentProcess(), ctypes.byref(counters), counters.cb):
            return float(counters.WorkingSetSize) / (1024 * 1024)
    except Exception:
        heartbeat_log.debug("GetProcessMemoryInfo failed", exc_info=True)
    return 0.0


def default_interval_ms(environ: Mapping[str, str] | None = None) -> int:
    """The heartbeat interval: 60 s, or half the systemd watchdog timeout if shorter.

    Args:
        environ: the environment (``os.environ`` by default).

    Returns:
        Milliseconds between beats.
    """
    usec = watchdog_usec(environ)
    if usec is None:
        return DEFAULT_HEARTBEAT_MS
    return max(1, min(DEFAULT_HEARTBEAT_MS, usec // 2000))


def format_uptime(seconds: float) -> str:
    """Hours, minutes and seconds, for example ``26:03:04``."""
    whole = max(0, int(seconds))
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


class Heartbeat(QObject):
    """Logs a line and pings the systemd watchdog on a timer.

    Each beat logs ``heartbeat uptime=H:MM:SS rss=N.N MB`` followed by what
    ``status`` returns (for example ``pane=3/12``) and, when ``NOTIFY_SOCKET``
    is set, sends ``WATCHDOG=1``.

    Args:
        status: called at each beat for the caller's state; its exceptions
            are logged in the line, not raised.
        interval_ms: time between beats; :func:`default_interval_ms` when not
            given.
        parent: the owning QObject.
        clock: monotonic seconds, for the uptime (``time.monotonic`` by default).
        environ: the environment for ``NOTIFY_SOCKET`` and ``WATCHDOG_USEC``
            (``os.environ``, read at each beat, by default).

    Call :meth:`start` on the GUI thread once the window is up (after
    :func:`notify_ready`) and :meth:`stop` before quitting.
    """

    def __init__(
        self,
        status: Callable[[], str] | None = None,
        interval_ms: int | None = None,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.status = status
        self.environ = environ
        self.clock = clock
        self.started_at = clock()
        self.beats = 0
        self.timer = QTimer(self)
        self.timer.setInterval(
            interval_ms if interval_ms is not None else default_interval_ms(environ)
        )
        self.timer.timeout.connect(self.beat)

    def start(self) -> None:
        """Start beating (the first beat comes after one interval)."""
        self.timer.start()

    def stop(self) -> None:
        """Stop beating."""
        self.timer.stop()

    @Slot()
    def beat(self) -> None:
        """Log one heartbeat line and ping the watchdog."""
        line = (
            f"heartbeat uptime={format_uptime(self.clock() - self.started_at)} "
            f"rss={rss_mb():.1f} MB"
        )
        if self.status is not None:
            try:
                line = f"{line} {self.status()}"
            except Exception as error:
                line = f"{line} status failed: {error!r}"
        heartbeat_log.info(line)
        notify_watchdog(self.environ)
        self.beats += 1
