"""Lines set in the bundled font: compressed punctuation measured in the real face."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from fulian_viewer.ui.fonts import display_font
from fulian_viewer.ui.typeset import set_lines

LABEL = "依托楼栋、网格、村（居）民小组"


def test_the_bundled_font_sets_the_label_without_a_gap(app: QApplication) -> None:
    """With the real font, the second line's bracket starts half an em left of the margin."""
    font = display_font(24)
    lines = set_lines(font, LABEL, 24 * 9.5)
    assert [line.text for line in lines] == ["依托楼栋、网格、村", "（居）民小组"]
    assert lines[1].pieces[0][0] == pytest.approx(-12)


def test_the_bundled_font_compresses_quotes_that_meet(app: QApplication) -> None:
    """”“ as the bar names set them (CategoryAxis): one and a half ems, not two."""
    font = display_font(24)
    text = "齐家”“书香"
    natural = QFontMetricsF(font).horizontalAdvance(text)
    (line,) = set_lines(font, text, None)
    assert line.width == pytest.approx(natural - 12, abs=0.5)
