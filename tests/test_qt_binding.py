"""Guards against known-bad Qt bindings (PySide6 6.12.0 leaks None's refcount)."""

from __future__ import annotations

import sys
from importlib.metadata import version

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter


def test_pyside6_is_below_6_12():
    major, minor = (int(part) for part in version("pyside6-essentials").split(".")[:2])
    assert (major, minor) < (6, 12)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_painter_calls_keep_nones_refcount(qapp):
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        for _ in range(50):  # warm caches first
            painter.setPen(QColor("gold"))
        before = sys.getrefcount(None)
        for index in range(5000):
            painter.setPen(QColor("gold"))  # void calls: each returns None
            painter.drawLine(QPointF(0, 0), QPointF(index % 64, 63))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, bool(index % 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        after = sys.getrefcount(None)
    finally:
        painter.end()
    # A binding that drops one reference per void call loses 20,000 here.
    assert abs(after - before) < 100
