"""The systemd notification protocol, without libsystemd and without Qt.

systemd passes a service of ``Type=notify`` the address of a unix datagram
socket in ``NOTIFY_SOCKET`` (a path, or an abstract name written with a leading
``@``). The service sends ``READY=1`` once it is up and, when the unit sets
``WatchdogSec=``, ``WATCHDOG=1`` more often than every ``WATCHDOG_USEC``
microseconds; systemd restarts a service whose pings stop. Outside systemd the
variable is unset and every function here does nothing and returns False.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


def notify_address(environ: Mapping[str, str] | None = None) -> str | None:
    """The notification socket's address, as :func:`socket.socket.connect` takes it.

    Args:
        environ: the environment (``os.environ`` by default).

    Returns:
        The socket's path, or its abstract name starting with a NUL byte
        (``@name`` in the variable), or None when ``NOTIFY_SOCKET`` is unset or
        is not a unix socket address (``vsock:`` addresses are not supported).
    """
    env = os.environ if environ is None else environ
    address = env.get("NOTIFY_SOCKET", "")
    if address.startswith("@"):
        return "\0" + address[1:]
    if address.startswith("/"):
        return address
    return None


def sd_notify(state: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send ``state`` (for example ``"READY=1"``) to systemd.

    Args:
        state: newline-separated ``KEY=value`` assignments.
        environ: the environment (``os.environ`` by default).

    Returns:
        True when the message was sent; False outside systemd or when sending
        failed (logged as a warning). Never raises.
    """
    address = notify_address(environ)
    family = getattr(socket, "AF_UNIX", None)
    if address is None or family is None:
        return False
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(state.encode("utf-8"))
    except OSError as error:
        log.warning("sd_notify %r failed: %s", state, error)
        return False
    return True


def notify_ready(environ: Mapping[str, str] | None = None) -> bool:
    """Tell systemd the service is up (``READY=1``); call it after the first paint.

    Args:
        environ: the environment (``os.environ`` by default).

    Returns:
        Whether the message was sent.
    """
    return sd_notify("READY=1", environ)


def notify_watchdog(environ: Mapping[str, str] | None = None) -> bool:
    """Tell systemd the service is alive (``WATCHDOG=1``).

    Args:
        environ: the environment (``os.environ`` by default).

    Returns:
        Whether the message was sent.
    """
    return sd_notify("WATCHDOG=1", environ)


def watchdog_usec(environ: Mapping[str, str] | None = None) -> int | None:
    """The watchdog timeout systemd set in ``WATCHDOG_USEC``, in microseconds.

    Args:
        environ: the environment (``os.environ`` by default).

    Returns:
        The timeout, or None when the variable is unset or not a positive
        integer.
    """
    env = os.environ if environ is None else environ
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    return usec if usec > 0 else None
