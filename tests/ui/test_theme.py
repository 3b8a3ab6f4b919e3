"""Both themes: every text style against what lies under it, at WCAG contrast.

GOLD_DEEP, TRACK and PANEL_BORDER are decoration only (rules, borders, ring tracks),
never text.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from fulian_viewer.ui import theme
from tests.ui.conftest import each_pane

BODY = 7.0
"""Body text (summaries, labels, names, sources): WCAG AAA."""
LARGE = 4.5
"""Titles, headings and figures, all large or bold."""


@pytest.fixture(params=theme.THEMES)
def themed(request) -> Iterator[str]:
    theme.use_theme(request.param)
    yield request.param
    theme.use_theme("red")


def _worst(color: QColor, under: list[QColor]) -> float:
    return min(theme.contrast_ratio(theme.over(color, u), u) for u in under)


def test_contrast_of_two_colours_follows_wcag() -> None:
    black, white = QColor("#000000"), QColor("#ffffff")
    assert theme.contrast_ratio(black, white) == pytest.approx(21.0)
    assert theme.contrast_ratio(white, white) == pytest.approx(1.0)
    assert theme.contrast_ratio(QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)


def test_each_text_role_meets_its_contrast_on_every_backdrop(themed: str) -> None:
    under = theme.backdrops()
    for name, color, needed in (
        ("ivory (body)", theme.IVORY, BODY),
        ("muted (body)", theme.MUTED, BODY),
        ("gold (body on the bare background)", theme.GOLD, BODY),
    ):
        bare = under[:2] if "bare" in name else under
        ratio = _worst(color, bare)
        assert ratio >= needed, f"{themed}: {name} {ratio:.2f}:1"
    assert _worst(theme.GOLD, under) >= LARGE, themed
    assert theme.contrast_ratio(theme.ON_BAR, theme.BAR) >= LARGE, themed
    # A figure beside a short bar and an axis label stand on the background.
    banner = [theme.over(theme.BANNER, u) for u in under[:2]]
    assert _worst(theme.IVORY, banner) >= BODY, f"{themed}: the banner's text"


def _text_styles(window) -> Iterator[tuple[str, QColor, str]]:
    """(where, colour, style) of every text block on every pane, in both languages."""
    for pane in each_pane(window):
        blocks = [*pane.texts, *(c.label for c in pane.counters)]
        blocks += [chart.title for chart in pane.charts]
        for block in blocks:
            if block.text:
                yield f"{pane.spec.key}: {block.text[:20]!r}", block.color, block.text_style
        for chart in pane.charts:
            for name in chart.layer.names:
                yield f"{pane.spec.key}: name {name.text[:20]!r}", name.color, "body"


def test_every_text_on_every_pane_is_legible_in_both_themes(make_window, themed: str) -> None:
    """Measured on the panes as built: body text 7:1, titles and headings 4.5:1, on any backdrop.

    The section kicker and cover tagline are gold body text on the bare background;
    everything else may sit on a panel.
    """
    window = make_window(1920, 1080)
    under = theme.backdrops()
    measured = 0
    for where, color, style in _text_styles(window):
        needed = BODY if style == "body" else LARGE
        ratio = _worst(color, under)
        if color == theme.GOLD and style == "body":
            ratio = _worst(color, under[:2])  # gold body text never lies on a panel
        assert ratio >= needed, f"{themed} {where}: {ratio:.2f}:1 < {needed}:1 ({style})"
        measured += 1
    assert measured > 100


def test_figures_on_and_beside_bars_and_axis_labels_are_legible(make_window, themed) -> None:
    from fulian_viewer.ui.charts.bars import BarChartView

    window = make_window(1920, 1080)
    deck = window.deck
    checked = 0
    for index, pane in enumerate(deck.panes):
        window.controller.go(index)
        pane.finish()
        QApplication.processEvents()
        for chart in pane.charts:
            if isinstance(chart, BarChartView):
                for i in range(len(chart.chart.metrics)):
                    _, _, color = chart.bars.figure_place(i)
                    under = [theme.BAR] if color == theme.ON_BAR else theme.backdrops()[:2]
                    assert _worst(color, under) >= LARGE
                    checked += 1
                axis_pen = chart.value_axis.textPen().color()
                assert _worst(axis_pen, theme.backdrops()[:2]) >= BODY
    assert checked


def test_the_light_theme_paints_a_light_pane(make_window) -> None:
    theme.use_theme("light")
    try:
        window = make_window(1280, 720)
        pane = window.deck.panes[0]
        image = pane.grab().toImage()
        corner = image.pixelColor(5, 5)
        assert corner.lightnessF() > 0.9, corner.name()
    finally:
        theme.use_theme("red")


def test_an_unknown_theme_is_refused() -> None:
    with pytest.raises(KeyError):
        theme.use_theme("neon")


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


def test_the_configuration_and_the_command_line_offer_every_theme() -> None:
    from fulian_viewer import cli
    from fulian_viewer.model import config

    assert config.THEMES == cli.THEMES == theme.THEMES
