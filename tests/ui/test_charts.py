"""Charts: ring names wrap into even lines; figures and names are drawn by one layer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from fulian_viewer.ui.charts.items import WRAP, balanced_width
from fulian_viewer.ui.fonts import display_font


def _lines(text: str, width: float) -> float:
    font = display_font(21)
    metrics = QFontMetricsF(font)
    height = metrics.boundingRect(QRectF(0, 0, width, 10_000), WRAP, text).height()
    return height / metrics.lineSpacing()


def test_a_name_slightly_too_wide_splits_in_half(app: QApplication) -> None:
    font = display_font(21)
    text = "城市社区建成家长学校"
    advance = QFontMetricsF(font).horizontalAdvance(text)
    room = advance * 0.95  # one character would be left alone on a second line
    width = balanced_width(font, text, room)
    assert advance / 2 < width < room
    assert _lines(text, width) < 2.5  # still two lines, not three


def test_names_that_fit_or_have_words_keep_the_room(app: QApplication) -> None:
    font = display_font(21)
    fits = "村建成家长学校"
    advance = QFontMetricsF(font).horizontalAdvance(fits)
    assert balanced_width(font, fits, advance + 20) == advance + 20
    english = "Households meeting the green-family goal"
    advance = QFontMetricsF(font).horizontalAdvance(english)
    assert balanced_width(font, english, advance / 2) == advance / 2


@pytest.fixture
def section_charts(make_window):
    deck = make_window(1920, 1080).deck
    charts = []
    for index, pane in enumerate(deck.panes):
        if pane.charts:
            deck.go(index)
            QApplication.processEvents()
            pane.finish()
            QApplication.processEvents()
            charts += pane.charts
    return charts


def test_each_chart_is_painted_by_one_layer_item(section_charts) -> None:
    from fulian_viewer.ui.charts.items import PixelLayer

    for chart in section_charts:
        layers = [i for i in chart.plot.scene().items() if isinstance(i, PixelLayer)]
        assert layers == [chart.layer]
        figures = chart.layer.figures
        assert figures == [chart.label_text(i) for i in range(len(chart.chart.metrics))]


def test_charts_end_on_the_reports_figures(section_charts) -> None:
    for chart in section_charts:
        assert chart.layer.figures == [m.display for m in chart.chart.metrics]


def test_charts_keep_no_background_pixmap(section_charts) -> None:
    """pyqtgraph caches a view-sized background pixmap (10 MB a chart at 4K); ours is clear."""
    from PySide6.QtWidgets import QGraphicsView

    for chart in section_charts:
        assert chart.plot.cacheMode() == QGraphicsView.CacheModeFlag.CacheNone
