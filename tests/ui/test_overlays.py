"""The overlays over the deck: the help card sets every row legibly in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from fulian_viewer.model.numbers import Lang
from fulian_viewer.ui import theme
from fulian_viewer.ui.overlays import HelpOverlay


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
