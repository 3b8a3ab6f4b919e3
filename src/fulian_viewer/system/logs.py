r"""Logs for an unattended kiosk: a rotating file, crash dumps and unhandled errors.

- :func:`setup_logging` attaches a rotating UTF-8 log file to the
  ``fulian_viewer`` logger, in ``platformdirs.user_log_dir``
  (``~/.local/state/fulian-viewer/log`` on Linux,
  ``%LOCALAPPDATA%\fulian-viewer\fulian-viewer\Logs`` on Windows), and points
  :mod:`faulthandler` at a second file beside it, so a hard crash in Qt's C++
  code still leaves the Python stacks behind.
- :func:`install_exception_logging` logs an unhandled exception's traceback to
  that file and prints one short line to stderr.

This module does not import Qt; the periodic heartbeat is in
:mod:`fulian_viewer.system.heartbeat`.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import threading
import warnings
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TextIO

import platformdirs

from fulian_viewer import APP_NAME, ORGANISATION, __version__

LOGGER_NAME = "fulian_viewer"
LOG_FILE_NAME = f"{APP_NAME}.log"
FAULT_FILE_NAME = f"{APP_NAME}-faults.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(LOGGER_NAME)


class IsoFormatter(logging.Formatter):
    """Times as ISO 8601 with milliseconds and the UTC offset."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        """The record's time, for example ``2026-05-01T09:30:00.123+08:00``."""
        moment = datetime.fromtimestamp(record.created).astimezone()
        return moment.isoformat(timespec="milliseconds")


class _State:
    handler: RotatingFileHandler | None = None
    log_path: Path | None = None
    fault_file: TextIO | None = None


_state = _State()


def default_log_folder() -> Path:
    """The user's log folder for the viewer (not created here).

    Returns:
        ``platformdirs.user_log_dir(APP_NAME, ORGANISATION)``.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Path(platformdirs.user_log_dir(APP_NAME, ORGANISATION))


def setup_logging(
    folder: Path | None = None,
    level: int = logging.INFO,
    *,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> Path:
    """Log to a rotating file and dump fatal errors to a second file beside it.

    Calling it again with the same folder only updates the level; with another
    folder the previous files are closed first. Either way the logger has one
    file handler.

    Args:
        folder: the log folder (created when missing);
            :func:`default_log_folder` when not given.
        level: the ``fulian_viewer`` logger's level.
        max_bytes: the size at which the log file rotates.
        backup_count: how many rotated files to keep (``.1`` … ``.N``).

    Returns:
        The log file's path.

    Raises:
        OSError: the folder cannot be created or the files cannot be opened.
    """
    folder = default_log_folder() if folder is None else folder
    path = folder / LOG_FILE_NAME
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(level)
    if _state.handler is not None and _state.log_path == path:
        return path
    shutdown_logging()
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
    )
    handler.setFormatter(IsoFormatter(LOG_FORMAT))
    logger.addHandler(handler)
    _state.handler, _state.log_path = handler, path
    fault_file = open(folder / FAULT_FILE_NAME, "a", encoding="utf-8")  # noqa: SIM115 (kept open)
    fault_file.write(f"--- {datetime.now().astimezone().isoformat()} pid {os.getpid()} ---\n")
    fault_file.flush()
    faulthandler.enable(file=fault_file, all_threads=True)
    _state.fault_file = fault_file
    log.info("%s %s (pid %d) logging to %s", APP_NAME, __version__, os.getpid(), path)
    return path


def shutdown_logging() -> None:
    """Detach and close the log file and the fault file; stop :mod:`faulthandler`.

    Safe to call more than once. Not needed at exit: :mod:`logging` flushes
    the log file itself, and leaving the fault file open until the process
    ends also records a crash while Qt tears down.
    """
    handler, _state.handler, _state.log_path = _state.handler, None, None
    if handler is not None:
        logging.getLogger(LOGGER_NAME).removeHandler(handler)
        handler.close()
    fault_file, _state.fault_file = _state.fault_file, None
    if fault_file is not None:
        faulthandler.disable()
        fault_file.close()


def log_file() -> Path | None:
    """The current log file, or None before :func:`setup_logging`."""
    return _state.log_path


def install_exception_logging(stream: TextIO | None = None) -> None:
    """Log unhandled exceptions with their traceback; print one line to stderr.

    Replaces :data:`sys.excepthook` (which PySide6 calls for an exception
    raised in a slot) and :data:`threading.excepthook`. ``KeyboardInterrupt``
    is passed on to Python's default hook.

    Args:
        stream: where the one line goes; ``sys.stderr`` at the time of the
            error when not given (nothing is printed when that is None, as in
            a windowed Windows build).
    """

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("unhandled exception", exc_info=(kind, error, tb))
        _print_line(short_error_line(error), stream)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        log.error(
            "unhandled exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        _print_line(short_error_line(args.exc_value), stream)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def short_error_line(error: BaseException) -> str:
    """One line for stderr: the error's type and first line, and where the details are.

    Args:
        error: the exception.

    Returns:
        For example ``fulian-viewer: internal error: ValueError: bad (details in
        /home/kiosk/.local/state/fulian-viewer/log/fulian-viewer.log)``.
    """
    lines = str(error).strip().splitlines()
    text = f"{type(error).__name__}: {lines[0][:200]}" if lines else type(error).__name__
    where = f" (details in {_state.log_path})" if _state.log_path is not None else ""
    return f"{APP_NAME}: internal error: {text}{where}"


def _print_line(line: str, stream: TextIO | None) -> None:
    out = stream if stream is not None else sys.stderr
    if out is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(line, file=out, flush=True)
