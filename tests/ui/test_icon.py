"""The application icon: the bundled PNGs load into one QIcon, and the ICO is well formed."""

from __future__ import annotations

import logging
import struct
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from fulian_viewer.app import create_application
from fulian_viewer.assets import resource_path
from fulian_viewer.ui.icon import ICON_SIZES, app_icon

ICONS = resource_path("icons")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_is_square_at_its_size(size: int) -> None:
    assert _png_size((ICONS / f"fulian-viewer-{size}.png").read_bytes()) == (size, size)


def test_icon_has_every_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert {QSize(size, size) for size in ICON_SIZES} <= set(icon.availableSizes())


@pytest.mark.parametrize("size", [16, 32, 48, 128, 256])
def test_icon_draws_at_size(qapp: QApplication, size: int) -> None:
    image = app_icon().pixmap(QSize(size, size)).toImage()
    assert not image.isNull() and image.width() == size
    centre = image.pixelColor(size // 2, size // 2)
    corner = image.pixelColor(0, 0)
    assert centre.alpha() == 255 and corner.alpha() < 128  # a rounded square on transparency


def test_icon_from_a_zip_without_real_files(qapp: QApplication, tmp_path: Path) -> None:
    archive = tmp_path / "icons.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        for size in ICON_SIZES:
            name = f"fulian-viewer-{size}.png"
            packed.writestr(f"icons/{name}", (ICONS / name).read_bytes())
    icon = app_icon(zipfile.Path(archive) / "icons")
    assert not icon.isNull()
    assert QSize(64, 64) in icon.availableSizes()


def test_missing_icons_are_logged_not_raised(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="fulian_viewer.ui.icon"):
        icon = app_icon(tmp_path)
    assert icon.isNull()
    assert len(caplog.records) == len(ICON_SIZES)


def test_application_carries_the_icon_and_desktop_name(qapp: QApplication) -> None:
    app = create_application()
    assert not app.windowIcon().isNull()
    assert QGuiApplication.desktopFileName() == "fulian-viewer"


def test_ico_entries_are_pngs_of_the_stated_sizes() -> None:
    data = (ICONS / "fulian-viewer.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    assert count == 7
    sizes = []
    end = 6 + 16 * count
    for index in range(count):
        width, height, colours, zero, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert (colours, zero, planes, bits) == (0, 0, 1, 32)
        side = width or 256
        assert (height or 256) == side
        assert offset >= end and offset + length <= len(data)
        entry = data[offset : offset + length]
        assert entry.startswith(PNG_SIGNATURE)
        assert _png_size(entry) == (side, side)
        assert not QImage.fromData(entry, "PNG").isNull()
        sizes.append(side)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    assert offset + length == len(data)  # nothing after the last image


def test_svg_source_is_shipped() -> None:
    text = (ICONS / "fulian-viewer.svg").read_text(encoding="utf-8")
    assert "<svg" in text and "<text" not in text
