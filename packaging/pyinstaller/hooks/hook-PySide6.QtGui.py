"""PyInstaller hook for PySide6.QtGui that collects only the Qt plugins the viewer uses.

It replaces PyInstaller's own hook of the same name (hooks given by the spec's
``hookspath`` take precedence) and does the same work, then drops the plugins
the viewer never loads. Dropping them here, before PyInstaller scans the
collected binaries for their dependencies, also keeps out the libraries only
they need (GTK and cairo for the GTK theme, Wayland, EGL device integrations,
image codecs).

Kept: the platform plugins ``xcb`` (X11 and XWayland), ``wayland`` (Wayland
compositors without XWayland: Ubuntu Frame, cage, a GNOME session without
XWayland) and ``offscreen`` (export and tests) on Linux, ``windows`` and
``offscreen`` on Windows, ``cocoa`` on macOS; the xcb OpenGL integrations; for
Wayland the xdg-shell and fullscreen-shell integrations and the simple window
decorations; the compose and IBus input contexts.
Image-format plugins are not needed: PNG, the only format the viewer reads or
writes, is built into QtGui, and the icon is loaded from PNG files.
"""

import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

KEPT_PLUGINS = {
    "platforms": {"xcb", "wayland", "offscreen", "windows", "cocoa"},
    "xcbglintegrations": {"xcb-glx-integration", "xcb-egl-integration"},
    "wayland-shell-integration": {"xdg-shell", "fullscreen-shell-v1"},
    # The simple decorations (bradient); adwaita's would pull in QtSvg. No EGL client
    # integration: the viewer's windows are raster windows, drawn into shared memory.
    "wayland-decoration-client": {"bradient"},
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
}
"""Plugin folder -> plugin names (without ``lib``/``q`` prefix or suffix) to collect."""

KEPT_WHOLE = {"platforms/darwin"}
"""Plugin folders collected as PyInstaller would (macOS's, not tried here)."""


def _plugin_name(filename):
    """The plugin's name: ``libqxcb.so``, ``qwindows.dll`` -> ``xcb``, ``windows``.

    Names that start with ``qt-`` keep it: ``libqt-plugin-wayland-egl.so`` ->
    ``qt-plugin-wayland-egl``.
    """
    stem = os.path.basename(filename).split(".")[0]
    if stem.startswith("lib"):
        stem = stem[3:]
    return stem[1:] if stem.startswith("q") and not stem.startswith("qt-") else stem


def _wanted(source, dest_dir):
    parts = dest_dir.replace("\\", "/").split("/")
    if "plugins" not in parts:
        return True  # not a plugin: a Qt library, keep it
    plugin_type = "/".join(parts[parts.index("plugins") + 1 :])
    if plugin_type in KEPT_WHOLE:
        return True
    return _plugin_name(source) in KEPT_PLUGINS.get(plugin_type, ())


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest_dir) for source, dest_dir in binaries if _wanted(source, dest_dir)]
