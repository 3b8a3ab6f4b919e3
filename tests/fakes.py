"""The fakes every test folder shares: a clock set by hand, a timer fired by hand, screens.

Also a machine without fonts: :func:`no_system_fonts` (the environment of a subprocess
in which Qt sees only the bundled fonts, as on a bare kiosk PC).

Tests never sleep: they move a :class:`FakeClock` and fire a :class:`FakeTimer` (or a
real QTimer's ``timeout``) themselves.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect


class FakeClock:
    """A clock that stands still until moved: call it for the time (any unit)."""

    def __init__(self, now: float = 0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, amount: float) -> None:
        """Move the clock on by ``amount``."""
        self.now += amount


class FakeMsClock(FakeClock):
    """A :class:`FakeClock` counting whole milliseconds (a QElapsedTimer's stand-in)."""

    def __call__(self) -> int:  # type: ignore[override]
        return int(self.now)


class FakeTimer:
    """A single-shot timer that fires only when the test says so.

    It has the part of QTimer's interface our code uses: ``start``, ``stop``,
    ``isActive``, ``interval`` and a ``connect``-able ``timeout``.
    """

    def __init__(self) -> None:
        self._callbacks: list[Callable[[], None]] = []
        self.active = False
        self.interval_ms = 0
        self.timeout = self

    def connect(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)

    def start(self, interval_ms: int | None = None) -> None:
        if interval_ms is not None:
            self.interval_ms = interval_ms
        self.active = True

    def stop(self) -> None:
        self.active = False

    def isActive(self) -> bool:  # noqa: N802 (QTimer's name)
        return self.active

    def interval(self) -> int:
        return self.interval_ms

    def fire(self) -> None:
        """Time is up: call every connected callback."""
        self.active = False
        for callback in list(self._callbacks):
            callback()


@dataclass(eq=False)
class FakeScreen:
    """A screen with a name and a geometry, as :func:`choose_screen` reads one."""

    label: str
    rect: QRect

    def name(self) -> str:
        return self.label

    def geometry(self) -> QRect:
        return self.rect


def offscreen_screens(*screens: tuple[str, int, int, int, int, float]) -> str:
    """The JSON of a Qt offscreen platform configuration with ``screens`` side by side.

    Each screen is (name, x, y, width, height, device pixel ratio); set
    ``QT_QPA_PLATFORM=offscreen:configfile=<file>`` in a subprocess to use it.
    """
    import json

    return json.dumps(
        {
            "screens": [
                {"name": name, "x": x, "y": y, "width": w, "height": h, "dpr": dpr}
                for name, x, y, w, h, dpr in screens
            ]
        }
    )


def no_system_fonts(folder: Path) -> dict[str, str]:
    """The environment of an offscreen Qt subprocess that sees no system font.

    An empty fontconfig configuration and an empty Qt font folder (both made in
    ``folder``) hide every installed font: only the fonts the application adds
    itself are there, as on a kiosk PC without Chinese fonts.
    """
    config = folder / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?><fontconfig><cachedir>{folder}/cache</cachedir></fontconfig>'
    )
    (folder / "empty").mkdir(exist_ok=True)
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FONTCONFIG_FILE": str(config),
        "QT_QPA_FONTDIR": str(folder / "empty"),
    }
