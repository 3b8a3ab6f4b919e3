"""The theme's text colours are legible: text at least 4.5:1, figures at least 7:1.

GOLD_DEEP and TRACK are decoration only (rules, borders, ring tracks), never text.
"""

import pytest

from fulian_viewer.ui import theme


@pytest.mark.parametrize("background", [theme.BACKGROUND_TOP, theme.BACKGROUND_BOTTOM])
def test_contrast(background):
    assert theme.contrast_ratio(theme.GOLD, background) >= 7.0  # figures
    for text in (theme.IVORY, theme.MUTED):
        assert theme.contrast_ratio(text, background) >= 7.0


def test_frame_maps_every_target_size_to_a_1080_short_side():
    for width, height, arrangement in [
        (1920, 1080, "landscape"),
        (3840, 2160, "landscape"),
        (1280, 720, "landscape"),
        (3840, 1080, "wide"),
        (1080, 1920, "portrait"),
    ]:
        frame = theme.Frame.of(width, height)
        assert round(min(frame.logical_width, frame.logical_height)) == 1080
        assert frame.arrangement == arrangement
