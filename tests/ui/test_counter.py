"""Counters' figures: characters drawn once and placed on whole pixels."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

from fulian_viewer.ui import theme
from fulian_viewer.ui.counter import DIGITS, TabularText
from fulian_viewer.ui.fonts import display_font


def test_characters_sit_on_whole_pixels_from_the_pen(app) -> None:
    """A glyph's image is placed a whole number of pixels from where its cell starts.

    The outline's bounds differ in their last decimals from one call to the next;
    placed by them, a figure drawn again after its pane was hidden moved by a pixel.
    """
    drawer = TabularText(display_font(193, bold=True))
    metrics = QFontMetricsF(drawer.font)
    for ch in "0179万余户%":
        _, dx, dy, advance = drawer._glyph(ch, theme.GOLD, 1.0)
        centring = (advance - metrics.horizontalAdvance(ch)) / 2 if ch in DIGITS else 0.0
        assert float(dx - centring).is_integer(), ch
        assert float(dy).is_integer(), ch
