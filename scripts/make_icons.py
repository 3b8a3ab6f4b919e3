"""Make the application icon's PNG and ICO files from its SVG.

Renders ``resources/icons/fulian-viewer.svg`` with Qt's
``QSvgRenderer`` (PySide6.QtSvg, part of pyside6-essentials) at each size and
writes, beside it:

* ``fulian-viewer-<N>.png`` for N in 16, 32, 48, 64, 128, 256 and 512, which
  the viewer loads as its window icon and Linux installs into the hicolor theme;
* ``fulian-viewer.ico``, one file holding 16 to 256 pixels for the Windows
  executables (PyInstaller's ``icon=``).

The ICO is written here rather than with Pillow: its entries are plain PNG
files behind a small directory (Windows Vista and later read them), so no
further dependency is needed. Run from the project root after editing the SVG::

    uv run python scripts/make_icons.py

and commit the SVG with every file it writes.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS_DIR = ROOT / "resources" / "icons"
SVG_NAME = "fulian-viewer.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_NAME = "fulian-viewer.ico"


def png_name(size: int) -> str:
    """The file name of the PNG of ``size`` pixels."""
    return f"fulian-viewer-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    """Render ``svg`` into a transparent ``size`` x ``size`` image; return it as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: Qt cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise SystemExit(f"make_icons: Qt could not encode the {size} px PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: Sequence[tuple[int, bytes]]) -> bytes:
    """An ICO file holding each ``(size, png_bytes)`` as a PNG-compressed entry.

    The file is a 6-byte header (reserved 0, type 1 for icons, entry count),
    then one 16-byte directory entry per image (width and height, where 0
    means 256; colour count 0; reserved 0; 1 plane; 32 bits per pixel; the
    data's length and offset), then the PNG files themselves.
    """
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, png in images:
        if not 1 <= size <= 256:
            raise ValueError(f"an ICO entry is 1 to 256 pixels, not {size}")
        side = 0 if size == 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(png for _, png in images)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ICONS_DIR, help="output folder (default: beside the SVG)"
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICONS_DIR / SVG_NAME
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    rendered = {size: render_png(svg, size) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    for size in PNG_SIZES:
        path = out / png_name(size)
        path.write_bytes(rendered[size])
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
            f"{len(rendered[size]):,} bytes"
        )
    ico = out / ICO_NAME
    ico.write_bytes(ico_bytes([(size, rendered[size]) for size in ICO_SIZES]))
    print(
        f"{ico.relative_to(ROOT) if ico.is_relative_to(ROOT) else ico}: "
        f"{ico.stat().st_size:,} bytes ({len(ICO_SIZES)} sizes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
