"""What every pane paints behind its widgets: the theme's gradient and soft panels.

The gradient is the same on every pane and changes by about one colour level
every fifty pixels, so it is kept as one small image, a quarter of the pane's
size each way, shared by every pane of that size and stretched when painted.
Stretching it costs about what copying a full-size image does and differs from
painting the gradient at full size by at most one colour level; a full-size image
would take 33 MB per pane at 3840x2160 (0.5 MB per pane at 1920x1080 now).

A soft panel is a translucent rounded rectangle over the gradient: its inside is
the same gradient in other colours, kept as a second small shared image and
stretched over the inside like the first. Only the band along its rounded
border (over a millisecond to paint) is drawn once, with the gradient under it,
into four small opaque images: a panel as large as a scorecard column at
3840x2160 would otherwise take 4 MB.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import NamedTuple

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath

from fulian_viewer.ui import theme

GRADIENT_SCALE = 4
"""How many times smaller than the pane the shared gradient images are, each way."""

GRADIENTS_KEPT = 4
"""Gradient images kept: the plain and the panel gradient for two pane sizes."""

_gradients: OrderedDict[tuple[bool, int, int], QImage] = OrderedDict()


class DrawnPanel(NamedTuple):
    """A soft panel ready to paint: its border band as images, and its plain inside."""

    pieces: list[tuple[QPoint, QImage]]
    inside: QRect


def gradient(width: int, height: int, panel: bool = False) -> QImage:
    """The theme's gradient for a ``width`` x ``height`` pane, as a small shared image.

    With ``panel``, as seen through a soft panel. Draw it stretched over the
    pane's whole rectangle.
    """
    key = (panel, max(1, width), max(1, height))
    image = _gradients.get(key)
    if image is None:
        image = QImage(
            -(-key[1] // GRADIENT_SCALE),
            -(-key[2] // GRADIENT_SCALE),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        painter = QPainter(image)
        theme.paint_background(painter, image.width(), image.height())
        if panel:
            painter.fillRect(image.rect(), theme.PANEL)
        painter.end()
        _gradients[key] = image
        while len(_gradients) > GRADIENTS_KEPT:
            _gradients.popitem(last=False)
    else:
        _gradients.move_to_end(key)
    return image


def cached_gradients() -> list[QImage]:
    """The gradient images kept now, least recently used first."""
    return list(_gradients.values())


def paint_gradient(painter: QPainter, width: int, height: int, panel: bool = False) -> None:
    """Fill the ``width`` x ``height`` pane painted on with the theme's gradient."""
    painter.drawImage(QRect(0, 0, width, height), gradient(width, height, panel))


def draw_panel(rect: QRectF, radius: float, pane: QRect, ratio: float) -> DrawnPanel:
    """Draw the border band of a soft panel over ``rect`` (pane coordinates)."""
    area = rect.adjusted(-1, -1, 1, 1).toAlignedRect() & pane
    band = math.ceil(radius) + 2
    inside = area.adjusted(band, band, -band, -band)
    if inside.isEmpty():
        return DrawnPanel([_piece(area, rect, radius, pane, ratio)], QRect())
    parts = (
        QRect(area.left(), area.top(), area.width(), band),
        QRect(area.left(), inside.bottom() + 1, area.width(), area.bottom() - inside.bottom()),
        QRect(area.left(), inside.top(), band, inside.height()),
        QRect(inside.right() + 1, inside.top(), area.right() - inside.right(), inside.height()),
    )
    return DrawnPanel([_piece(part, rect, radius, pane, ratio) for part in parts], inside)


def paint_panel(painter: QPainter, panel: DrawnPanel, pane: QRect, exposed: QRect) -> None:
    """Paint a drawn panel: copy its border band, stretch the panel gradient inside."""
    for at, image in panel.pieces:
        if exposed.intersects(QRect(at, image.deviceIndependentSize().toSize())):
            painter.drawImage(at, image)
    if panel.inside.intersects(exposed):
        painter.save()
        painter.setClipRect(panel.inside & exposed, Qt.ClipOperation.IntersectClip)
        paint_gradient(painter, pane.width(), pane.height(), panel=True)
        painter.restore()


def _piece(
    part: QRect, rect: QRectF, radius: float, pane: QRect, ratio: float
) -> tuple[QPoint, QImage]:
    """``part`` of the pane: the gradient with the panel over ``rect`` painted on it."""
    image = QImage(
        max(1, round(part.width() * ratio)),
        max(1, round(part.height() * ratio)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    painter.translate(-part.topLeft())
    paint_gradient(painter, pane.width(), pane.height())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(theme.PANEL_BORDER)
    painter.setBrush(theme.PANEL)
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    painter.drawPath(path)
    painter.end()
    return part.topLeft(), image
