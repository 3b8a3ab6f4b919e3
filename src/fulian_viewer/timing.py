"""Time since the process started, for the start-up benchmark hooks (Qt-free, stdlib only).

On Linux the start is the kernel's record of when the process began
(``/proc/self/stat``, in clock ticks of usually 10 ms), so interpreter start-up
and imports are counted. Elsewhere it is the moment this module was imported,
which :mod:`fulian_viewer.cli` does first.
"""

from __future__ import annotations

import os
import sys
import time

__all__ = ["STARTED_AT", "ms_since_start"]


def _started_at() -> float:
    """The process's start on the :func:`time.perf_counter` scale."""
    now = time.perf_counter()
    if not sys.platform.startswith("linux"):
        return now
    try:
        with open("/proc/self/stat", "rb") as stat:
            text = stat.read()
        # The command name (field 2) may hold spaces and parentheses: count from its end.
        fields = text[text.rindex(b")") + 2 :].split()
        ticks = int(fields[19])  # field 22, starttime: clock ticks after boot
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return now
    return now - age if 0 <= age < 3600 else now


STARTED_AT = _started_at()
"""When the process started, on the :func:`time.perf_counter` scale."""


def ms_since_start() -> float:
    """Milliseconds since the process started."""
    return (time.perf_counter() - STARTED_AT) * 1000
