"""The overlays over the deck: the help card sets every row legibly in both languages, and a
figure is set so that no line breaks it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from fulian_viewer.model.numbers import Lang
from fulian_viewer.ui import theme
from fulian_viewer.ui.overlays import HelpOverlay, unbreakable


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 720)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_help_row_is_set_whole_and_near_its_size(
    app: QApplication, lang: Lang, size: tuple[int, int]
) -> None:
    """A long action (“Blank the screen / back (a clicker’s …)”) wraps; it is not shrunk away."""
    help_card = HelpOverlay()
    help_card.resize(*size)
    help_card.set_lang(lang)
    frame = theme.Frame.of(*size)
    for action, keys in help_card.rows:
        assert action.fits and keys.fits, (action.text, keys.text)
        assert action.font_pixel_size >= 0.75 * frame.px(26), (action.text, size)
        assert keys.font_pixel_size >= 0.75 * frame.px(24), (keys.text, size)
    help_card.deleteLater()


def test_a_figure_is_glued_only_where_a_line_could_break_it() -> None:
    assert unbreakable("97.49亿元") == "97.49\u2060亿\u2060元"
    assert unbreakable("3万余个") == "3\u2060万\u2060余\u2060个"
    assert unbreakable("840,000 person-times") == "840,000\u00a0person\u2011times"
    assert unbreakable("70%") == "70%", "no joiner where nothing can break"
