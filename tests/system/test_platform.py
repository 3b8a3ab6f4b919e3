"""The Qt platform the viewer asks for on Linux: X11 first where XWayland runs."""

from __future__ import annotations

import pytest

from fulian_viewer.system.platform import PREFERRED, choose_platform


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, PREFERRED),  # GNOME, KDE
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, PREFERRED),
        ({"WAYLAND_DISPLAY": "wayland-0"}, None),  # Wayland only: Qt picks wayland
        ({"DISPLAY": ":0"}, None),  # X11: Qt picks xcb
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "QT_QPA_PLATFORM": "wayland"}, None),
        ({}, None),
    ],
)
def test_choose_platform(environ: dict[str, str], expected: str | None) -> None:
    before = dict(environ)
    assert choose_platform(environ, "linux") == expected
    if expected is None:
        assert environ == before
    else:
        assert environ["QT_QPA_PLATFORM"] == expected


def test_other_systems_are_left_alone() -> None:
    environ = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    assert choose_platform(environ, "win32") is None
    assert "QT_QPA_PLATFORM" not in environ
