"""The log file, its rotation, the fault file and the exception hooks."""

from __future__ import annotations

import faulthandler
import io
import logging
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs
import pytest

from fulian_viewer import APP_NAME, ORGANISATION
from fulian_viewer.system import logs
from fulian_viewer.system.logs import (
    FAULT_FILE_NAME,
    LOG_FILE_NAME,
    LOGGER_NAME,
    default_log_folder,
    install_exception_logging,
    log_file,
    setup_logging,
    shutdown_logging,
)

pytestmark = pytest.mark.usefixtures("clean_logging")

ISO_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d INFO fulian_viewer\.")


def file_handlers() -> list[RotatingFileHandler]:
    logger = logging.getLogger(LOGGER_NAME)
    return [h for h in logger.handlers if isinstance(h, RotatingFileHandler)]


def test_log_file_is_created_with_iso_times(tmp_path: Path) -> None:
    folder = tmp_path / "state" / "log"
    path = setup_logging(folder)
    assert path == folder / LOG_FILE_NAME
    assert log_file() == path
    logging.getLogger("fulian_viewer.test").info("展台 kiosk started")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert ISO_LINE.match(lines[-1])
    assert lines[-1].endswith("INFO fulian_viewer.test: 展台 kiosk started")
    assert (folder / FAULT_FILE_NAME).read_text(encoding="utf-8").startswith("--- ")
    assert faulthandler.is_enabled()


def test_debug_lines_follow_the_level(tmp_path: Path) -> None:
    path = setup_logging(tmp_path, level=logging.WARNING)
    logging.getLogger("fulian_viewer.test").info("hidden")
    logging.getLogger("fulian_viewer.test").warning("shown")
    text = path.read_text(encoding="utf-8")
    assert "shown" in text
    assert "hidden" not in text


def test_log_file_rotates(tmp_path: Path) -> None:
    path = setup_logging(tmp_path, max_bytes=2_000, backup_count=2)
    for number in range(200):
        logging.getLogger("fulian_viewer.test").info("line %03d %s", number, "x" * 60)
    assert path.stat().st_size <= 2_000
    assert (tmp_path / f"{LOG_FILE_NAME}.1").is_file()
    assert (tmp_path / f"{LOG_FILE_NAME}.2").is_file()
    assert not (tmp_path / f"{LOG_FILE_NAME}.3").exists()
    assert "line 199" in path.read_text(encoding="utf-8")


def test_setup_twice_keeps_one_handler(tmp_path: Path) -> None:
    first = setup_logging(tmp_path)
    assert setup_logging(tmp_path) == first
    assert len(file_handlers()) == 1
    logging.getLogger("fulian_viewer.test").info("once")
    assert first.read_text(encoding="utf-8").count("once") == 1


def test_setup_in_another_folder_moves_the_handler(tmp_path: Path) -> None:
    old = setup_logging(tmp_path / "a")
    new = setup_logging(tmp_path / "b")
    assert len(file_handlers()) == 1
    assert file_handlers()[0].baseFilename == str(new)
    logging.getLogger("fulian_viewer.test").info("moved")
    assert "moved" in new.read_text(encoding="utf-8")
    assert "moved" not in old.read_text(encoding="utf-8")


def test_shutdown_detaches_and_closes(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    handler = file_handlers()[0]
    shutdown_logging()
    assert file_handlers() == []
    assert handler.stream is None
    assert not faulthandler.is_enabled()
    assert log_file() is None
    shutdown_logging()


def test_default_folder_is_platformdirs_log_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    assert default_log_folder() == Path(platformdirs.user_log_dir(APP_NAME, ORGANISATION))
    if sys.platform.startswith("linux"):
        assert default_log_folder() == tmp_path / ".local" / "state" / "fulian-viewer" / "log"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_hard_crash_is_dumped_to_the_fault_file(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import os, signal, sys
        from pathlib import Path
        from fulian_viewer.system.logs import setup_logging

        def crash_here():
            os.kill(os.getpid(), signal.SIGSEGV)

        setup_logging(Path(sys.argv[1]))
        crash_here()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == -signal.SIGSEGV
    dump = (tmp_path / FAULT_FILE_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in dump
    assert "crash_here" in dump


def failing_slot() -> None:
    raise ValueError("bad figure\nsecond line")


def test_excepthook_logs_the_traceback_and_prints_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = setup_logging(tmp_path)
    install_exception_logging()
    try:
        failing_slot()
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err == f"fulian-viewer: internal error: ValueError: bad figure (details in {path})\n"
    text = path.read_text(encoding="utf-8")
    assert "ERROR fulian_viewer: unhandled exception" in text
    assert "Traceback (most recent call last)" in text
    assert "in failing_slot" in text
    assert "ValueError: bad figure\nsecond line" in text


def test_thread_exceptions_are_logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = setup_logging(tmp_path)
    stream = io.StringIO()
    install_exception_logging(stream)
    worker = threading.Thread(target=failing_slot, name="loader")
    worker.start()
    worker.join()
    assert stream.getvalue().startswith("fulian-viewer: internal error: ValueError: bad figure")
    text = path.read_text(encoding="utf-8")
    assert "unhandled exception in thread loader" in text
    assert "in failing_slot" in text


def test_keyboard_interrupt_goes_to_the_default_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[type[BaseException]] = []

    def default_hook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        seen.append(kind)

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(sys, "__excepthook__", default_hook)
    path = setup_logging(tmp_path)
    install_exception_logging(io.StringIO())
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt]
    assert "unhandled exception" not in path.read_text(encoding="utf-8")


def test_one_line_without_a_log_file() -> None:
    shutdown_logging()
    line = logs.short_error_line(RuntimeError(""))
    assert line == "fulian-viewer: internal error: RuntimeError"
    assert os.linesep not in line
