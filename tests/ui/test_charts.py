"""Charts: figures and names are drawn by one layer; no background pixmap."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture
def section_charts(make_window):
    deck = make_window(1920, 1080).deck
    charts = []
    for index, pane in enumerate(deck.panes):
        if pane.charts:
            deck.controller.go(index)
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


def test_bottom_axis_labels_are_not_cut_off(make_window) -> None:
    """pyqtgraph clips labels to the axis: 万's hook and a comma's tail must fit."""
    from PySide6.QtGui import QFontMetricsF, QImage, QPainter

    deck = make_window(1920, 1080).deck
    checked = []
    for lang in ("zh", "en"):
        if deck.state.lang != lang:
            deck.controller.toggle_language()
        for index, pane in enumerate(deck.panes):
            deck.controller.go(index)
            pane.finish()
            for _ in range(3):
                QApplication.processEvents()
            for chart in pane.charts:
                for axis in chart.backdrop_axes():
                    if axis.orientation != "bottom" or not axis.isVisible():
                        continue
                    metrics = QFontMetricsF(axis.style["tickFont"])
                    scratch = QImage(8, 8, QImage.Format.Format_ARGB32_Premultiplied)
                    painter = QPainter(scratch)
                    painter.setFont(axis.style["tickFont"])
                    _, _, texts = axis.generateDrawSpecs(painter)
                    painter.end()
                    clip = axis.boundingRect()
                    for rect, _, text in texts:
                        ink = metrics.tightBoundingRect(text)
                        if "\n" in text:
                            continue  # category names: several lines, checked by layout tests
                        bottom = rect.top() + metrics.ascent() + ink.bottom()
                        assert bottom <= clip.bottom(), (chart.chart.title(lang), text)
                        checked.append(text)
    assert any("," in text for text in checked) and any("万" in text for text in checked)


def test_bar_charts_lay_out_axes_without_a_plot_item(section_charts) -> None:
    """pyqtgraph's PlotItem built a menu and a settings form per chart; none is built."""
    import pyqtgraph as pg

    bar_charts = [chart for chart in section_charts if hasattr(chart, "value_axis")]
    assert bar_charts
    for chart in bar_charts:
        items = chart.plot.scene().items()
        assert not any(isinstance(item, pg.PlotItem) for item in items)
        # Geometries in the layout holding them (the axes' bounds include the grid).
        view = chart.view_box.geometry()
        value = chart.value_axis.geometry()
        if chart.horizontal:  # values along the bottom; names on the bars, no left axis
            assert value.top() >= view.bottom() - 1
            assert not chart.category_axis.isVisible()
            assert view.left() <= 2, "the hidden name axis takes no room"
        else:  # values up the left side, names below
            assert value.right() <= view.left() + 1
            assert chart.category_axis.geometry().top() >= view.bottom() - 1
        assert chart.value_axis.grid, "faint grid lines across the plot"
