"""The visual theme: deep red and gold, sized on a logical 1080-pixel short side.

Every size here is in *logical* pixels. A pane's real size ``w x h`` maps to a
logical size whose short side is 1080 (``scale = min(w, h) / 1080``), so the
design holds from 1280x720 to 3840x2160, on an LED wall and on a portrait totem,
and text is always laid out at its real pixel size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtGui import QColor, QLinearGradient, QPainter

DESIGN_SHORT_SIDE = 1080

BACKGROUND_TOP = QColor("#7a0d16")
BACKGROUND_BOTTOM = QColor("#3d0509")
PANEL = QColor(255, 240, 214, 20)
PANEL_BORDER = QColor(232, 194, 122, 90)
GOLD = QColor("#f2cf7e")
GOLD_DEEP = QColor("#c9973d")
IVORY = QColor("#fff6e6")
MUTED = QColor("#f0d9c4")
TRACK = QColor(255, 240, 214, 40)
BLACK = QColor("#000000")
DIM = QColor(20, 0, 2, 200)
BANNER = QColor(20, 0, 2, 220)
LASER = QColor(255, 40, 40)
CONSOLE_BACKGROUND = QColor("#1c0406")
LASER_HALO = QColor(255, 60, 60, 90)

FAMILY_FALLBACK = "Noto Sans CJK SC"

Arrangement = Literal["landscape", "wide", "portrait"]


@dataclass(frozen=True)
class Frame:
    """A pane's real size and its logical equivalent.

    Attributes:
        width: real width in pixels.
        height: real height in pixels.
        scale: real pixels per logical pixel.
    """

    width: int
    height: int
    scale: float

    @classmethod
    def of(cls, width: int, height: int) -> Frame:
        """The frame of a ``width x height`` pane."""
        short = max(1, min(width, height))
        return cls(max(1, width), max(1, height), short / DESIGN_SHORT_SIDE)

    @property
    def logical_width(self) -> float:
        """Width in logical pixels."""
        return self.width / self.scale

    @property
    def logical_height(self) -> float:
        """Height in logical pixels."""
        return self.height / self.scale

    @property
    def arrangement(self) -> Arrangement:
        """``portrait`` (taller than wide), ``wide`` (LED walls) or ``landscape``."""
        aspect = self.width / self.height
        if aspect < 1.15:
            return "portrait"
        return "wide" if aspect > 2.4 else "landscape"

    def px(self, logical: float) -> int:
        """Real pixels for a logical length (at least 1)."""
        return max(1, round(logical * self.scale))


def paint_background(painter: QPainter, width: int, height: int) -> None:
    """Fill a pane with the theme's red gradient."""
    gradient = QLinearGradient(0, 0, width * 0.3, height)
    gradient.setColorAt(0.0, BACKGROUND_TOP)
    gradient.setColorAt(1.0, BACKGROUND_BOTTOM)
    painter.fillRect(0, 0, width, height, gradient)


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio of two opaque colours."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
