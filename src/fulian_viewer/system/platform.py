"""Which Qt platform plugin the viewer asks for on Linux: X11 first, Wayland when X is absent.

The folder and the wheel both carry Qt's ``xcb`` (X11) and ``wayland`` plugins.
On a Wayland desktop with XWayland (GNOME, KDE Plasma), Qt would pick Wayland;
the viewer asks for X11 through XWayland first, because there it can choose its
screen itself, hide the pointer on every compositor and keep server-side window
decorations (docs/packaging.md, "Wayland"). On a Wayland-only compositor (Ubuntu
Frame, cage, Weston without XWayland) there is no X display and Qt uses Wayland.
A platform chosen by the user (``QT_QPA_PLATFORM``) is never changed.
"""

from __future__ import annotations

import sys
from collections.abc import MutableMapping

PREFERRED = "xcb;wayland"
"""X11 first, Wayland when the X display cannot be opened."""


def choose_platform(environ: MutableMapping[str, str], platform: str = sys.platform) -> str | None:
    """Set ``QT_QPA_PLATFORM`` in ``environ`` when Qt should prefer X11; return what was set.

    Only on Linux, only when no platform is chosen yet and an X display is named.
    """
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if not environ.get("DISPLAY") or not (
        environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland"
    ):
        return None  # plain X11 picks xcb anyway; Wayland-only leaves Qt to pick wayland
    environ["QT_QPA_PLATFORM"] = PREFERRED
    return PREFERRED
