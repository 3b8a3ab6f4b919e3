"""The systemd notification protocol against sockets bound here."""

from __future__ import annotations

import logging
import os
import socket
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from fulian_viewer.system.sd_notify import (
    notify_address,
    notify_ready,
    notify_watchdog,
    sd_notify,
    watchdog_usec,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="unix datagram sockets")


@pytest.fixture
def receiver() -> Iterator[tuple[socket.socket, str]]:
    """A datagram socket at a short path (unix socket paths are limited to ~100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="fv-notify-"))
    path = str(folder / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.setblocking(False)
    yield sock, path
    sock.close()
    os.unlink(path)
    folder.rmdir()


def test_ready_and_watchdog_reach_the_socket(
    receiver: tuple[socket.socket, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sock, path = receiver
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    assert notify_ready()
    assert notify_watchdog()
    assert sock.recv(64) == b"READY=1"
    assert sock.recv(64) == b"WATCHDOG=1"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract sockets are Linux")
def test_abstract_socket_names_start_with_at() -> None:
    name = f"fulian-viewer-test-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.setblocking(False)
        assert sd_notify("STATUS=showing pane 3", {"NOTIFY_SOCKET": "@" + name})
        assert sock.recv(64) == b"STATUS=showing pane 3"


def test_nothing_is_sent_outside_systemd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert notify_ready() is False
    assert notify_watchdog() is False


def test_a_missing_listener_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="fulian_viewer.system.sd_notify")
    assert sd_notify("WATCHDOG=1", {"NOTIFY_SOCKET": str(tmp_path / "gone")}) is False
    assert "WATCHDOG=1" in caplog.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/run/user/1000/systemd/notify", "/run/user/1000/systemd/notify"),
        ("@abstract", "\0abstract"),
        ("vsock:2:1234", None),
        ("", None),
    ],
)
def test_notify_address(value: str, expected: str | None) -> None:
    assert notify_address({"NOTIFY_SOCKET": value}) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("120000000", 120_000_000), ("0", None), ("soon", None), ("", None)]
)
def test_watchdog_usec(value: str, expected: int | None) -> None:
    assert watchdog_usec({"WATCHDOG_USEC": value}) == expected
