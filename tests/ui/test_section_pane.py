"""Section panes: where the charts go, so that their figures and names stay legible."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from fulian_viewer.app import build_window
from fulian_viewer.ui.charts import BarChartView, RingChartView
from fulian_viewer.ui.charts.rings import SPACING
from tests.fixtures.datasets import make_dataset
from tests.ui.conftest import STILL, each_pane


def _sections(window, lang):
    return {p.spec.key: p for p in each_pane(window, (lang,)) if p.spec.kind == "section"}


def _stacked(pane) -> bool:
    first, second = (chart.geometry() for chart in pane.charts)
    return second.top() >= first.bottom()


def _texts_at_least_axis_size(chart: BarChartView) -> None:
    axis = chart.value_axis.style["tickFont"].pixelSize()
    assert chart.bars.drawer is not None
    assert chart.bars.drawer.font.pixelSize() >= axis, chart.chart.title.en
    for name in chart.bars.names:
        assert name.font.pixelSize() >= axis, name.text


def test_on_a_portrait_screen_english_charts_stack_with_figures_as_large_as_their_axes(
    make_window,
) -> None:
    """Side by side at half width, 77,000 women's groups shrank to 14 pixels."""
    window = make_window(1080, 1920)
    for key, pane in _sections(window, "en").items():
        if len(pane.charts) < 2:
            continue
        for chart in pane.charts:
            if isinstance(chart, BarChartView):
                _texts_at_least_axis_size(chart)
        if key in ("section-guidance", "section-development"):
            assert _stacked(pane), key
            assert all(chart.width() > pane.width() * 0.8 for chart in pane.charts)


def test_on_a_landscape_screen_charts_that_read_well_side_by_side_stay_so(make_window) -> None:
    window = make_window(1920, 1080)
    for lang in ("zh", "en"):
        for key, pane in _sections(window, lang).items():
            if len(pane.charts) == 2:
                assert not _stacked(pane), (lang, key)


def test_rings_spread_across_a_short_wide_chart_to_keep_their_names_large(make_window) -> None:
    window = make_window(1080, 1920)
    pane = _sections(window, "en")["section-family"]
    rings = next(c for c in pane.charts if isinstance(c, RingChartView))
    assert _stacked(pane)
    assert rings.rings.spacing > SPACING
    assert min(name.font.pixelSize() for name in rings.rings.names) >= 19
    plot = rings.plot.viewport().rect()
    for rect in rings.name_rects():
        assert plot.contains(rect.toAlignedRect())


def test_another_dataset_with_long_figures_keeps_them_legible_in_portrait(
    app, qtbot, tmp_path: Path
) -> None:
    """A long English unit (840,000 rural women reached and trained): the charts stack."""
    dataset = make_dataset(tmp_path)
    for key in ("rural_training", "skills_contests"):
        dataset.set_cell("metrics", key, "unit_en", "rural women reached and trained")
    window = build_window(dataset.load(), STILL)
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    window.show()
    QApplication.processEvents()
    pane = _sections(window, "en")["section-development"]
    assert pane.charts[0].label_text(0) == "840,000 rural women reached and trained"
    assert _stacked(pane)
    for chart in pane.charts:
        assert isinstance(chart, BarChartView)
        _texts_at_least_axis_size(chart)


def test_a_figure_inside_a_horizontal_bar_keeps_its_ink_within_the_bar(make_window) -> None:
    """``77,000 women's groups`` at 26 pixels hung its descenders below a 1920x1080 bar."""
    from PySide6.QtGui import QFontMetricsF

    from fulian_viewer.ui import theme

    checked = 0
    for width, height in ((1920, 1080), (1080, 1920), (1280, 720)):
        window = make_window(width, height)
        for pane in each_pane(window):
            for chart in pane.charts:
                if not isinstance(chart, BarChartView) or not chart.horizontal:
                    continue
                bars, drawer = chart.bars, chart.bars.drawer
                assert drawer is not None
                metrics = QFontMetricsF(drawer.font)
                for index, line in enumerate(chart.bars.figure_rects()):
                    if bars.figure_place(index)[2] != theme.ON_BAR:
                        continue  # beside its bar, on the background
                    bar = bars.to_view().mapRect(bars.bar_rect(index))
                    ink = metrics.tightBoundingRect(bars.figures[index])
                    baseline = line.top() + drawer.ascent
                    assert baseline + ink.top() >= bar.top() - 0.5, bars.figures[index]
                    assert baseline + ink.bottom() <= bar.bottom() + 0.5, (
                        f"{width}x{height}: {bars.figures[index]!r} spills out of its bar"
                    )
                    checked += 1
    assert checked >= 18
