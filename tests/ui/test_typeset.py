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


def test_a_fitted_size_and_a_balanced_width_are_worked_out_once(app: QApplication) -> None:
    from fulian_viewer.ui import typeset

    text = "寻找出各级最美家庭等先进典型家庭"
    font, fits = typeset.fitted_font(text, 301.5, 90, 40, 16, True, True)
    before = typeset._fitted_size.cache_info().hits
    again, fits_again = typeset.fitted_font(text, 301.5, 90, 40, 16, True, True)
    assert (again.key(), fits_again) == (font.key(), fits)
    assert typeset._fitted_size.cache_info().hits == before + 1
    worked_out = typeset._fitted_size.__wrapped__(text, 301.5, 90, 40, 16, True, True, "body")
    assert worked_out == (font.pixelSize(), fits), "remembered as it was worked out"
    width = typeset.balanced_width(font, text, 301.5)
    assert typeset.balanced_width(font, text, 301.5) == width
    assert typeset._balanced_width(font, text, 301.5) == width


def test_a_deck_laid_out_again_fits_nothing_anew(make_window) -> None:  # type: ignore[no-untyped-def]
    """Once every pane has been shown in both languages, and both ways round, walking the
    deck again (language switches and all) lays it out from what was worked out."""
    from fulian_viewer.ui import typeset
    from tests.ui.conftest import each_pane

    window = make_window(1366, 768)
    walks = []
    for _walk in range(3):
        for _pane in each_pane(window):
            pass
        walks.append(typeset._fitted_size.cache_info().misses)
    assert walks[2] == walks[1] > 0
