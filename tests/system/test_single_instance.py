"""The single-instance lock: held, released, and not blocked by a killed holder."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import pytest

from fulian_viewer.system import single_instance
from fulian_viewer.system.single_instance import (
    LOCK_NAME,
    AlreadyRunningError,
    SingleInstance,
    runtime_folder,
)


def test_second_lock_fails_while_the_first_holds_it(tmp_path: Path) -> None:
    first = SingleInstance(tmp_path, timeout_ms=0)
    second = SingleInstance(tmp_path, timeout_ms=0)
    assert first.acquire()
    assert first.acquired
    assert (tmp_path / LOCK_NAME).is_file()
    assert not second.acquire()
    assert not second.acquired
    assert second.holder_pid() == os.getpid()
    first.release()
    assert not (tmp_path / LOCK_NAME).exists()
    assert second.acquire()
    assert not first.acquire()
    second.release()


def test_an_old_lock_of_a_live_process_is_not_taken_over(tmp_path: Path) -> None:
    first = SingleInstance(tmp_path, timeout_ms=0)
    assert first._lock.staleLockTime() == 0  # only a dead holder makes a lock stale
    assert first.acquire()
    a_day_ago = time.time() - 86_400  # the kiosk runs for weeks; age alone means nothing
    os.utime(first.path, (a_day_ago, a_day_ago))
    assert not SingleInstance(tmp_path, timeout_ms=0).acquire()
    first.release()


def test_acquire_twice_keeps_the_lock(tmp_path: Path) -> None:
    lock = SingleInstance(tmp_path, timeout_ms=0)
    assert lock.acquire()
    assert lock.acquire()
    lock.release()
    lock.release()
    assert not lock.acquired


def test_holder_pid_is_none_without_a_lock(tmp_path: Path) -> None:
    assert SingleInstance(tmp_path, timeout_ms=0).holder_pid() is None


def test_missing_folder_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "run" / "fulian-viewer"
    lock = SingleInstance(folder, timeout_ms=0)
    assert folder.is_dir()
    assert lock.path == folder / LOCK_NAME
    assert lock.acquire()
    lock.release()


def test_context_manager_holds_and_refuses_a_second(tmp_path: Path) -> None:
    with SingleInstance(tmp_path, timeout_ms=0) as held:
        assert held.acquired
        with (
            pytest.raises(AlreadyRunningError, match=rf"already running \(process {os.getpid()}\)"),
            SingleInstance(tmp_path, timeout_ms=0),
        ):
            pass
    assert not held.acquired
    assert not (tmp_path / LOCK_NAME).exists()


def test_already_running_message_without_a_pid() -> None:
    assert str(AlreadyRunningError(None)) == "fulian-viewer is already running (another process)"
    assert AlreadyRunningError(42).pid == 42


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_lock_of_a_killed_process_does_not_block(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import os, sys
        from pathlib import Path
        from fulian_viewer.system.single_instance import SingleInstance

        lock = SingleInstance(Path(sys.argv[1]), timeout_ms=0)
        assert lock.acquire()
        print(os.getpid(), flush=True)
        os.kill(os.getpid(), 9)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    dead = int(result.stdout)
    assert (tmp_path / LOCK_NAME).is_file()  # the crash left the lock file behind
    survivor = SingleInstance(tmp_path, timeout_ms=0)
    assert survivor.holder_pid() == dead
    assert survivor.acquire()
    assert survivor.holder_pid() == os.getpid()
    survivor.release()


def test_runtime_folder_falls_back_to_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(
        single_instance.platformdirs, "user_runtime_dir", lambda *_: str(blocker / "app")
    )
    monkeypatch.setattr(single_instance, "temp_fallback_folder", lambda: tmp_path / "fallback")
    assert runtime_folder() == tmp_path / "fallback"
    assert (tmp_path / "fallback").is_dir()


def test_runtime_folder_logs_platformdirs_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def warning_dir(*_: object) -> str:
        warnings.warn("XDG_RUNTIME_DIR is not set", UserWarning, stacklevel=2)
        return str(tmp_path / "runtime")

    monkeypatch.setattr(single_instance.platformdirs, "user_runtime_dir", warning_dir)
    caplog.set_level(logging.INFO, logger="fulian_viewer.system.single_instance")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert runtime_folder() == tmp_path / "runtime"
    assert "XDG_RUNTIME_DIR is not set" in caplog.text


def test_default_folder_falls_back_when_the_lock_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(single_instance, "runtime_folder", lambda: blocker)
    monkeypatch.setattr(single_instance, "temp_fallback_folder", lambda: tmp_path / "fallback")
    lock = SingleInstance(timeout_ms=0)
    assert lock.acquire()
    assert lock.path == tmp_path / "fallback" / LOCK_NAME
    assert lock.path.is_file()
    lock.release()
