"""The visual themes, red and light, sized on a logical 1080-pixel short side.

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


@dataclass(frozen=True)
class Palette:
    """The colours of one theme, each named for its role.

    Text roles and what lies under them (``tests/ui/test_theme.py`` measures each):
    ``ivory`` (body text, counters' labels) and ``muted`` (summaries, sources, chart
    names and axes) on the background or a panel, at least 7:1; ``gold`` (titles,
    figures) at least 4.5:1; ``on_bar`` (a figure inside a bar) on ``bar``, 4.5:1.
    """

    background_top: str
    background_bottom: str
    panel: tuple[int, int, int, int]
    panel_border: tuple[int, int, int, int]
    gold: str
    gold_deep: str
    ivory: str
    muted: str
    track: tuple[int, int, int, int]
    bar: str
    on_bar: str
    banner: tuple[int, int, int, int]


PALETTES: dict[str, Palette] = {
    # Deep red and gold, for screens and LED walls.
    "red": Palette(
        background_top="#7a0d16",
        background_bottom="#3d0509",
        panel=(255, 240, 214, 20),
        panel_border=(232, 194, 122, 90),
        gold="#f2cf7e",
        gold_deep="#c9973d",
        ivory="#fff6e6",
        muted="#f6e4d2",
        track=(255, 240, 214, 40),
        bar="#f2cf7e",
        on_bar="#3d0509",
        banner=(20, 0, 2, 220),
    ),
    # Dark red on warm paper, for washed-out projectors and daylight.
    "light": Palette(
        background_top="#fdf8ef",
        background_bottom="#f3e6d1",
        panel=(255, 255, 255, 120),
        panel_border=(143, 16, 32, 70),
        gold="#8c1222",
        gold_deep="#b07a2a",
        ivory="#24090c",
        muted="#3f1e17",
        track=(143, 16, 32, 36),
        bar="#a3192b",
        on_bar="#fff6e6",
        banner=(253, 248, 239, 235),
    ),
}
THEMES = tuple(PALETTES)

# The colours in use. Set once at start by :func:`use_theme`, before any pane is
# built; each is a shared QColor that widgets keep and draw with.
BACKGROUND_TOP = QColor()
BACKGROUND_BOTTOM = QColor()
PANEL = QColor()
PANEL_BORDER = QColor()
GOLD = QColor()
GOLD_DEEP = QColor()
IVORY = QColor()
MUTED = QColor()
TRACK = QColor()
BAR = QColor()
ON_BAR = QColor()
BANNER = QColor()
BLACK = QColor("#000000")
DIM = QColor(20, 0, 2, 200)


def _rgba(value: str | tuple[int, int, int, int]) -> QColor:
    return QColor(value) if isinstance(value, str) else QColor(*value)


def use_theme(name: str) -> None:
    """Draw with the colours of theme ``name`` (``red`` or ``light``) from now on.

    Call it before building panes: drawn texts and backdrops keep the colours they
    were drawn in.

    Raises:
        KeyError: there is no such theme.
    """
    palette = PALETTES[name]
    for color, value in (
        (BACKGROUND_TOP, palette.background_top),
        (BACKGROUND_BOTTOM, palette.background_bottom),
        (PANEL, palette.panel),
        (PANEL_BORDER, palette.panel_border),
        (GOLD, palette.gold),
        (GOLD_DEEP, palette.gold_deep),
        (IVORY, palette.ivory),
        (MUTED, palette.muted),
        (TRACK, palette.track),
        (BAR, palette.bar),
        (ON_BAR, palette.on_bar),
        (BANNER, palette.banner),
    ):
        color.setRgba(_rgba(value).rgba())


use_theme("red")

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
    """Fill a pane with the theme's gradient."""
    gradient = QLinearGradient(0, 0, width * 0.3, height)
    gradient.setColorAt(0.0, BACKGROUND_TOP)
    gradient.setColorAt(1.0, BACKGROUND_BOTTOM)
    painter.fillRect(0, 0, width, height, gradient)


def over(top: QColor, under: QColor) -> QColor:
    """The opaque colour of ``top`` (perhaps translucent) laid over opaque ``under``."""
    alpha = top.alphaF()
    return QColor.fromRgbF(
        top.redF() * alpha + under.redF() * (1 - alpha),
        top.greenF() * alpha + under.greenF() * (1 - alpha),
        top.blueF() * alpha + under.blueF() * (1 - alpha),
    )


def backdrops() -> list[QColor]:
    """What text on a pane may lie on: the gradient's two ends, bare or under a panel."""
    return [
        BACKGROUND_TOP,
        BACKGROUND_BOTTOM,
        over(PANEL, BACKGROUND_TOP),
        over(PANEL, BACKGROUND_BOTTOM),
    ]


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
