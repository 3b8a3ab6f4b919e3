"""The application icon: a gold star over rising bars on deep red.

The package ships the icon as PNG files of several sizes beside its SVG source
(``resources/icons``, made by ``scripts/make_icons.py``). :func:`app_icon`
gathers the PNGs into one ``QIcon`` so that the window system picks the size it
needs (title bar, task bar, Alt+Tab) without scaling the SVG at run time.
"""

from __future__ import annotations

import logging
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from fulian_viewer.assets import resource_path

__all__ = ["ICON_SIZES", "app_icon"]

logger = logging.getLogger(__name__)

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
"""The pixel sizes of the bundled PNG files, ``fulian-viewer-<size>.png``."""


def _icons_dir() -> Traversable:
    """Return the bundled ``resources/icons`` folder (see :mod:`fulian_viewer.assets`)."""
    return resource_path("icons")


def app_icon(icons_dir: Traversable | None = None) -> QIcon:
    """Make the application's icon from the bundled PNG files.

    Real files are added by path, so Qt reads each size only when it is first
    drawn; inside a zip or a frozen bundle without real files, each PNG is read
    into a pixmap, which needs a ``QGuiApplication`` to exist. A missing or
    unreadable file is logged as a warning and skipped.

    Args:
        icons_dir: The folder to load from; the package's ``resources/icons``
            when ``None``.

    Returns:
        The icon, null only when no PNG could be read.

    """
    folder = _icons_dir() if icons_dir is None else icons_dir
    icon = QIcon()
    for size in ICON_SIZES:
        entry = folder / f"fulian-viewer-{size}.png"
        try:
            if isinstance(entry, Path):
                if not entry.is_file():
                    raise FileNotFoundError(f"no file {entry}")
                icon.addFile(str(entry), QSize(size, size))
                continue
            pixmap = QPixmap()
            if not pixmap.loadFromData(entry.read_bytes(), "PNG"):
                raise OSError(f"Qt cannot read {entry} as PNG")
            icon.addPixmap(pixmap)
        except OSError as error:
            logger.warning("Bundled icon %s is unusable: %s", entry, error)
    return icon
