"""Charts: figures and names are drawn by one layer; no background pixmap."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication

from fulian_viewer.model.loading import LoadResult
from tests.ui.conftest import each_pane, shared_window

if TYPE_CHECKING:
    from fulian_viewer.ui.charts import ChartView


@pytest.fixture(scope="module")
def section_charts(qapp: QApplication, bundled: LoadResult) -> Iterator[list[ChartView]]:
    """Every section pane's charts at 1920x1080, final. Built once: the tests only read them."""
    with shared_window(bundled, 1920, 1080) as window:
        deck = window.deck
        charts = []
        for index, pane in enumerate(deck.panes):
            if pane.charts:
                deck.controller.go(index)
                QApplication.processEvents()
                pane.finish()
                QApplication.processEvents()
                charts += pane.charts
        yield charts
        charts.clear()  # nothing in Python holds a chart when the window is deleted


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

    window = make_window(1920, 1080)
    checked = []
    for pane in each_pane(window):
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
                    assert bottom <= clip.bottom(), (chart.chart.title(pane.lang), text)
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
            zero = chart.value_axis.label_sizes()[0].width()
            # Only room for half the 0 label, centred on the axis's start.
            assert view.left() <= zero / 2 + 3, "the hidden name axis takes no room"
        else:  # values up the left side, names below
            assert value.right() <= view.left() + 1
            assert chart.category_axis.geometry().top() >= view.bottom() - 1
        assert chart.value_axis.grid, "faint grid lines across the plot"


def _drawn_labels(axis) -> list[str]:
    """The tick labels pyqtgraph actually draws (it leaves out any that overflow)."""
    from PySide6.QtGui import QPainter, QPicture

    picture = QPicture()
    painter = QPainter(picture)
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    return [text for _, _, text in specs[2]] if specs else []


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (3840, 1080), (1280, 720)])
def test_value_axes_run_from_a_labelled_0_to_a_labelled_round_end(make_window, size) -> None:
    """Every bar chart's value axis shows 0 and a round end just above its largest bar."""
    from fulian_viewer.model.numbers import format_axis_tick, nice_axis
    from fulian_viewer.ui.charts.bars import BarChartView

    window = make_window(*size)
    checked = 0
    for pane in each_pane(window):
        for chart in pane.charts:
            if not isinstance(chart, BarChartView):
                continue
            axis = chart.value_axis
            largest = max(float(m.value) for m in chart.chart.metrics)
            end, step = nice_axis(largest)
            assert largest < end <= largest + step
            assert (axis.end, axis.step) == (end, step)
            low, high = chart.view.viewRange()[0 if chart.horizontal else 1]
            assert low == pytest.approx(0.0)
            # The view may leave room above the end for a figure too wide for its bar.
            assert end * (1 - 1e-9) <= high <= end * 2
            assert axis.style["stopAxisAtTick"] == (True, True), "the line ends at the end"
            labels = _drawn_labels(axis)
            assert labels[0] == "0", (chart.chart.title.en, labels)
            assert labels[-1] == format_axis_tick(end, step, pane.lang, axis.percent), labels
            assert " " not in "".join(labels), "1M, not 1 m"
            checked += 1
    assert checked >= 8


def test_figures_stay_inside_the_plot_and_off_their_neighbours(section_charts) -> None:
    """A figure stands above its bar or inside its top, never over the plot's top."""
    import itertools

    from PySide6.QtCore import QRectF

    for chart in section_charts:
        plot = QRectF(chart.plot.viewport().rect()).adjusted(-1, -1, 1, 1)
        rects = chart.layer.figure_rects()
        for rect in rects:
            assert plot.contains(rect), chart.chart.title.en
        for a, b in itertools.combinations(rects + chart.name_rects(), 2):
            assert not a.intersects(b), chart.chart.title.en


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_english_chart_names_and_bar_figures_take_the_latin_marks(make_window, size) -> None:
    """English names under rings, above bars and the bars' figures set ‘ ’ “ ” proportional;
    Chinese ones keep the Chinese face first, as the layout sized them."""
    from fulian_viewer.ui.charts import BarChartView, RingChartView
    from fulian_viewer.ui.fonts import LATIN_MARKS

    seen = {"zh": 0, "en": 0}
    for pane in each_pane(make_window(*size)):
        lang = pane.window().controller.state.lang
        for chart in pane.charts:
            if isinstance(chart, RingChartView):
                names = chart.rings.names
            else:
                assert isinstance(chart, BarChartView)
                names = chart.bars.names
                drawer = chart.bars.drawer
                assert drawer is not None
                assert (drawer.font.families()[0] == LATIN_MARKS) == (lang == "en")
            for name in names:
                assert (name.font.families()[0] == LATIN_MARKS) == (lang == "en"), name.text
                seen[lang] += 1
    assert seen["zh"] and seen["en"]


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1080, 1920)])
def test_a_charts_worked_out_plot_height_is_the_laid_out_one(make_window, width, height) -> None:
    """Panes share out height by ``view_height_at`` before laying charts out; it must hold."""
    from fulian_viewer.ui.section_pane import PLOT_SLACK

    window = make_window(width, height)
    checked = 0
    for pane in each_pane(window):
        for chart in pane.charts:
            worked_out = chart.view_height_at(chart.width(), chart.height())
            laid_out = chart.view_box.sceneBoundingRect().height()
            assert worked_out - PLOT_SLACK <= laid_out <= worked_out + 1, (
                f"{pane.spec.key} {chart.chart.title.en!r}: {worked_out} worked out, {laid_out}"
            )
            checked += 1
    assert checked == 14
