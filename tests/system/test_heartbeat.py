"""The heartbeat: its log line, its watchdog ping and its interval; fired by hand."""

from __future__ import annotations

import logging
import os
import re
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from fulian_viewer.system import heartbeat
from fulian_viewer.system.heartbeat import (
    DEFAULT_HEARTBEAT_MS,
    Heartbeat,
    default_interval_ms,
    format_uptime,
    rss_mb,
)
from fulian_viewer.system.logs import setup_logging
from tests.fakes import FakeClock

LINE = re.compile(r"heartbeat uptime=1:02:03 rss=\d+\.\d MB pane=3/12$")


class Status:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return "pane=3/12"


@pytest.fixture
def notify_socket(monkeypatch: pytest.MonkeyPatch) -> Iterator[socket.socket]:
    if sys.platform == "win32":
        pytest.skip("unix datagram sockets")
    folder = Path(tempfile.mkdtemp(prefix="fv-hb-"))
    path = str(folder / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    monkeypatch.delenv("WATCHDOG_USEC", raising=False)
    yield sock
    sock.close()
    os.unlink(path)
    folder.rmdir()


@pytest.mark.usefixtures("clean_logging")
def test_a_beat_writes_a_line_and_pings_the_watchdog(
    qapp: object, tmp_path: Path, notify_socket: socket.socket
) -> None:
    path = setup_logging(tmp_path)
    clock = FakeClock(500.0)
    status = Status()
    beat = Heartbeat(status, clock=clock)
    clock.now += 3723.9
    beat.timer.timeout.emit()
    last = path.read_text(encoding="utf-8").splitlines()[-1]
    assert " INFO fulian_viewer.heartbeat: " in last
    assert LINE.search(last), last
    assert notify_socket.recv(64) == b"WATCHDOG=1"
    assert status.calls == 1
    assert beat.beats == 1


def test_no_ping_outside_systemd(
    qapp: object, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    caplog.set_level(logging.INFO, logger="fulian_viewer.heartbeat")
    beat = Heartbeat(clock=FakeClock(500.0))
    beat.beat()
    assert caplog.messages[-1].startswith("heartbeat uptime=0:00:00 rss=")
    assert beat.beats == 1


def test_a_failing_status_is_reported_in_the_line(
    qapp: object, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> str:
        raise KeyError("pane")

    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    caplog.set_level(logging.INFO, logger="fulian_viewer.heartbeat")
    Heartbeat(broken, clock=FakeClock(500.0)).beat()
    assert "status failed: KeyError('pane')" in caplog.messages[-1]


def test_start_and_stop_drive_the_timer(qapp: object) -> None:
    owner = QObject()
    beat = Heartbeat(interval_ms=1234, parent=owner)
    assert beat.parent() is owner
    assert beat.timer.interval() == 1234
    beat.start()
    assert beat.timer.isActive()
    beat.stop()
    assert not beat.timer.isActive()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, DEFAULT_HEARTBEAT_MS),
        ({"WATCHDOG_USEC": "120000000"}, 60_000),
        ({"WATCHDOG_USEC": "60000000"}, 30_000),
        ({"WATCHDOG_USEC": "600000000"}, DEFAULT_HEARTBEAT_MS),
        ({"WATCHDOG_USEC": "junk"}, DEFAULT_HEARTBEAT_MS),
    ],
)
def test_interval_honours_the_watchdog(environ: dict[str, str], expected: int) -> None:
    assert default_interval_ms(environ) == expected


def test_heartbeat_interval_from_the_environment(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WATCHDOG_USEC", "20000000")
    assert Heartbeat().timer.interval() == 10_000
    assert Heartbeat(environ={}).timer.interval() == DEFAULT_HEARTBEAT_MS


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00:00"), (59.9, "0:00:59"), (3723, "1:02:03"), (93784, "26:03:04")]
)
def test_format_uptime(seconds: float, text: str) -> None:
    assert format_uptime(seconds) == text


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_rss_matches_proc() -> None:
    status = Path("/proc/self/status").read_text(encoding="ascii")
    kib = int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert rss_mb() == pytest.approx(kib / 1024, rel=0.2)
    assert rss_mb() > 1.0


@pytest.mark.skipif(sys.platform == "win32", reason="getrusage is POSIX")
def test_rss_falls_back_to_getrusage(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_proc(*_: object, **__: object) -> None:
        raise OSError("no /proc")

    monkeypatch.setattr(heartbeat, "open", no_proc, raising=False)
    assert rss_mb() > 1.0
