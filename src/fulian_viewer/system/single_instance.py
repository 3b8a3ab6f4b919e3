r"""One running viewer per user: a lock file that a crash does not leave behind.

The lock is a :class:`QLockFile` in the user's runtime folder
(``platformdirs.user_runtime_dir``: ``$XDG_RUNTIME_DIR/fulian-viewer`` on Linux,
``%LOCALAPPDATA%\Temp\fulian-viewer\fulian-viewer`` on Windows). Its stale
time is 0, so a lock is never taken over because it is old (the kiosk runs for
weeks), only because the process that wrote it is gone: after ``kill -9`` or a
power cut the next start succeeds.

Typical use at start-up::

    instance = SingleInstance()
    if not instance.acquire():
        pid = instance.holder_pid()
        print(f"fulian-viewer: already running (process {pid})", file=sys.stderr)
        return 1
    ...  # keep ``instance`` alive until the event loop ends
    instance.release()

or, as a context manager that raises :class:`AlreadyRunningError`::

    with SingleInstance():
        app.exec()
"""

from __future__ import annotations

import logging
import os
import tempfile
import warnings
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtCore import QLockFile

from fulian_viewer import APP_NAME, ORGANISATION

log = logging.getLogger(__name__)

LOCK_NAME = f"{APP_NAME}.lock"
"""The lock file's name inside the runtime folder."""

DEFAULT_TIMEOUT_MS = 200
"""How long :meth:`SingleInstance.acquire` waits for a live holder to let go."""


class AlreadyRunningError(RuntimeError):
    """Another process holds the single-instance lock.

    Args:
        pid: the process holding the lock, when it can be read.
    """

    def __init__(self, pid: int | None) -> None:
        self.pid = pid
        holder = f"process {pid}" if pid is not None else "another process"
        super().__init__(f"{APP_NAME} is already running ({holder})")


def runtime_folder() -> Path:
    """The user's runtime folder for the lock, created if missing (mode 0700).

    Falls back to a folder in the temporary directory when the runtime folder
    cannot be found or created (no ``XDG_RUNTIME_DIR``, a read-only home).

    Returns:
        An existing folder.

    Raises:
        OSError: neither folder can be created.
    """
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            folder = Path(platformdirs.user_runtime_dir(APP_NAME, ORGANISATION))
        for warning in caught:
            log.info("runtime folder: %s", warning.message)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder
    except OSError as error:
        fallback = temp_fallback_folder()
        log.info("runtime folder unavailable (%s); using %s", error, fallback)
        fallback.mkdir(mode=0o700, parents=True, exist_ok=True)
        return fallback


def temp_fallback_folder() -> Path:
    r"""A per-user folder in the temporary directory.

    Returns:
        ``<tmp>/fulian-viewer-<uid>`` on POSIX, ``<tmp>\fulian-viewer`` on Windows
        (where the temporary directory is already per user).
    """
    getuid = getattr(os, "getuid", None)
    suffix = f"-{getuid()}" if getuid is not None else ""
    return Path(tempfile.gettempdir()) / f"{APP_NAME}{suffix}"


class SingleInstance:
    """A single-instance lock that survives a crash of its holder.

    Args:
        folder: where the lock file goes; the user's runtime folder by default
            (see :func:`runtime_folder`). Created when missing.
        timeout_ms: how long :meth:`acquire` waits for the holder to let go
            (keep it short: a second start should answer at once).
        name: the lock file's name.

    The object must stay alive as long as the lock is to be held; dropping the
    last reference releases it.
    """

    def __init__(
        self,
        folder: Path | None = None,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        name: str = LOCK_NAME,
    ) -> None:
        self._default_folder = folder is None
        if folder is None:
            folder = runtime_folder()
        else:
            folder.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.timeout_ms = timeout_ms
        self.path = folder / name
        self._lock = self._make_lock()

    def _make_lock(self) -> QLockFile:
        lock = QLockFile(str(self.path))
        lock.setStaleLockTime(0)
        return lock

    @property
    def acquired(self) -> bool:
        """Whether this object holds the lock."""
        return bool(self._lock.isLocked())

    def acquire(self) -> bool:
        """Take the lock, removing a lock left by a process that no longer runs.

        Returns:
            True when this object now holds the lock (also when it held it
            already); False when another live process holds it (see
            :meth:`holder_pid`) or the lock file cannot be written (logged as a
            warning). With the default folder, a lock file that cannot be
            written there is tried once more in :func:`temp_fallback_folder`.
        """
        if self.acquired:
            return True
        if self._lock.tryLock(self.timeout_ms):
            log.info("single-instance lock taken: %s", self.path)
            return True
        error = self._lock.error()
        if error == QLockFile.LockError.LockFailedError:
            log.info("single-instance lock held by process %s: %s", self.holder_pid(), self.path)
            return False
        log.warning("cannot write the single-instance lock %s (%s)", self.path, error.name)
        fallback = temp_fallback_folder()
        if not self._default_folder or self.path.parent == fallback:
            return False
        try:
            fallback.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as mkdir_error:
            log.warning("cannot create %s either (%s)", fallback, mkdir_error)
            return False
        self.path = fallback / self.name
        self._lock = self._make_lock()
        return self.acquire()

    def release(self) -> None:
        """Release the lock if this object holds it (the lock file is removed)."""
        if self.acquired:
            self._lock.unlock()
            log.info("single-instance lock released: %s", self.path)

    def holder_pid(self) -> int | None:
        """The process that holds the lock, for "already running (process N)".

        Returns:
            The PID written in the lock file, or None when there is no lock
            file or it cannot be read.
        """
        pid, _hostname, _appname = self._lock.getLockInfo()
        return int(pid) if pid and pid > 0 else None

    def __enter__(self) -> SingleInstance:
        """Acquire the lock.

        Returns:
            This object, holding the lock.

        Raises:
            AlreadyRunningError: another process holds it.
        """
        if not self.acquire():
            raise AlreadyRunningError(self.holder_pid())
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Release the lock."""
        self.release()
