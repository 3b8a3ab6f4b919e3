"""Screen-saver inhibition: the inhibitor's logic with fake backends, the Windows
backend with a fake kernel32, and the D-Bus backend against a private bus."""

from __future__ import annotations

import logging
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fulian_viewer.system import screensaver
from fulian_viewer.system.screensaver import (
    ES_CONTINUOUS,
    ES_DISPLAY_REQUIRED,
    ES_SYSTEM_REQUIRED,
    DBusScreenSaverBackend,
    InhibitUnavailableError,
    ScreenSaverInhibitor,
    WindowsExecutionStateBackend,
)

LOGGER = "fulian_viewer.system.screensaver"


class FakeBackend:
    name = "fake"

    def __init__(
        self, fail: Exception | None = None, fail_release: Exception | None = None
    ) -> None:
        self.calls: list[tuple[object, ...]] = []
        self.fail = fail
        self.fail_release = fail_release

    def inhibit(self, app_name: str, reason: str) -> object:
        self.calls.append(("inhibit", app_name, reason))
        if self.fail is not None:
            raise self.fail
        return 7

    def release(self, token: object) -> None:
        self.calls.append(("release", token))
        if self.fail_release is not None:
            raise self.fail_release


class FakeKernel32:
    def __init__(self, result: int = 0x80000000) -> None:
        self.result = result
        self.calls: list[int] = []

    def SetThreadExecutionState(self, flags: int) -> int:  # noqa: N802 (Win32 name)
        self.calls.append(flags)
        return self.result


def test_inhibit_and_release_call_the_backend_once() -> None:
    backend = FakeBackend()
    inhibitor = ScreenSaverInhibitor(backend, app_name="fulian-viewer")
    assert inhibitor.inhibit("exhibition kiosk")
    assert inhibitor.active
    assert inhibitor.inhibit("again")
    inhibitor.release()
    assert not inhibitor.active
    inhibitor.release()
    assert backend.calls == [("inhibit", "fulian-viewer", "exhibition kiosk"), ("release", 7)]


def test_unavailable_backend_returns_false_and_says_why(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    backend = FakeBackend(fail=InhibitUnavailableError("no D-Bus session bus"))
    inhibitor = ScreenSaverInhibitor(backend)
    assert inhibitor.inhibit("kiosk") is False
    assert not inhibitor.active
    inhibitor.release()
    assert backend.calls == [("inhibit", "fulian-viewer", "kiosk")]
    record = next(r for r in caplog.records if "not inhibited" in r.getMessage())
    assert record.levelno == logging.INFO
    assert "no D-Bus session bus" in record.getMessage()


def test_unexpected_backend_errors_never_escape() -> None:
    inhibitor = ScreenSaverInhibitor(FakeBackend(fail=RuntimeError("boom")))
    assert inhibitor.inhibit("kiosk") is False
    releasing = ScreenSaverInhibitor(FakeBackend(fail_release=OSError("gone")))
    assert releasing.inhibit("kiosk")
    releasing.release()
    assert not releasing.active


def test_no_backend_returns_false(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    assert ScreenSaverInhibitor(backend=None).inhibit("kiosk") is False
    assert sys.platform in caplog.text


def test_windows_backend_sets_and_clears_the_execution_state() -> None:
    kernel32 = FakeKernel32()
    inhibitor = ScreenSaverInhibitor(WindowsExecutionStateBackend(kernel32))
    assert inhibitor.inhibit("kiosk")
    inhibitor.release()
    assert kernel32.calls == [ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED, 0x80000000]
    assert kernel32.calls[0] == 0x80000003


def test_windows_backend_failure_returns_false() -> None:
    kernel32 = FakeKernel32(result=0)
    inhibitor = ScreenSaverInhibitor(WindowsExecutionStateBackend(kernel32))
    assert inhibitor.inhibit("kiosk") is False
    inhibitor.release()
    assert kernel32.calls == [0x80000003]


@pytest.mark.skipif(sys.platform == "win32", reason="checks the non-Windows refusal")
def test_windows_backend_needs_windows() -> None:
    with pytest.raises(InhibitUnavailableError):
        WindowsExecutionStateBackend()


@pytest.mark.parametrize(
    ("platform", "expected"), [("linux", DBusScreenSaverBackend), ("darwin", type(None))]
)
def test_default_backend_follows_the_platform(
    monkeypatch: pytest.MonkeyPatch, platform: str, expected: type
) -> None:
    monkeypatch.setattr(screensaver.sys, "platform", platform)
    assert type(screensaver.default_backend()) is expected


def test_dbus_backend_without_a_bus_returns_false(
    qapp: object, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    backend = DBusScreenSaverBackend(
        address=f"unix:path={tmp_path / 'no-bus'}", connection_name="fulian-test-no-bus"
    )
    assert ScreenSaverInhibitor(backend).inhibit("kiosk") is False
    assert "no D-Bus session bus" in caplog.text


@pytest.mark.skipif(
    sys.platform in ("win32", "darwin")
    or bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))
    or bool(os.environ.get("DISPLAY")),
    reason="a desktop session may have a bus and a screen saver",
)
def test_default_inhibitor_without_a_session_bus_returns_false(qapp: object) -> None:
    inhibitor = ScreenSaverInhibitor()
    assert inhibitor.inhibit("kiosk") is False
    inhibitor.release()


# A private session bus with a fake service, when dbus-daemon is installed.


class LineReader:
    """Reads lines from a child's stdout with a deadline (no sleeping)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        self.fd = process.stdout.fileno()
        self.buffer = b""

    def line(self, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(0.0, remaining))
            if not ready:
                raise TimeoutError(f"no line within {timeout} s (have {self.buffer!r})")
            chunk = os.read(self.fd, 4096)
            if not chunk:
                raise EOFError(f"child closed its output (have {self.buffer!r})")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    if process.stdout is not None:
        process.stdout.close()


@pytest.fixture(scope="module")
def private_bus() -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None or sys.platform == "win32":
        pytest.skip("dbus-daemon is not installed")
    folder = Path(tempfile.mkdtemp(prefix="fv-dbus-"))  # short: socket paths are limited
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG.format(folder=folder), encoding="utf-8")
    process = subprocess.Popen(
        [daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        address = LineReader(process).line(timeout=30)
    except (TimeoutError, EOFError) as error:
        stop(process)
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"dbus-daemon did not start: {error}")
    yield address
    stop(process)
    shutil.rmtree(folder, ignore_errors=True)


def start_service(address: str, path: str) -> tuple[subprocess.Popen[bytes], LineReader]:
    script = Path(__file__).with_name("fake_screensaver_service.py")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, str(script), address, path], stdout=subprocess.PIPE, env=env
    )
    reader = LineReader(process)
    try:
        assert reader.line() == "ready"
    except BaseException:
        stop(process)
        raise
    return process, reader


@pytest.mark.parametrize("path", screensaver.PATHS)
def test_dbus_inhibition_holds_until_release(qapp: object, private_bus: str, path: str) -> None:
    process, service = start_service(private_bus, path)
    name = f"fulian-test-{path.count('/')}"
    backend = DBusScreenSaverBackend(address=private_bus, connection_name=name)
    inhibitor = ScreenSaverInhibitor(backend, app_name="fulian-viewer")
    try:
        assert inhibitor.inhibit("exhibition kiosk")
        sender = backend.unique_name
        assert sender is not None and sender.startswith(":")
        assert service.line() == f"Inhibit fulian-viewer|exhibition kiosk|{sender}"
        inhibitor.release()
        assert service.line() == "Released 7"
        assert backend.unique_name is None
        # A second inhibition after a release gets a new connection and cookie.
        assert inhibitor.inhibit("again")
        assert service.line().startswith("Inhibit fulian-viewer|again|:")
        inhibitor.release()
        assert service.line() == "Released 8"
    finally:
        inhibitor.release()
        stop(process)


def test_dbus_bus_without_the_service_returns_false(
    qapp: object, private_bus: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    backend = DBusScreenSaverBackend(address=private_bus, connection_name="fulian-test-empty")
    inhibitor = ScreenSaverInhibitor(backend)
    assert inhibitor.inhibit("kiosk") is False
    assert "org.freedesktop.ScreenSaver did not answer" in caplog.text
    assert not inhibitor.active
