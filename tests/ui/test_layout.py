"""At every target size, no text is clipped or elided and nothing overlaps."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import each_pane

SIZES = [(1920, 1080), (3840, 2160), (1280, 720), (3840, 1080), (1080, 1920)]


def _blocks(pane):
    blocks = [(t, t.geometry()) for t in pane.texts if t.isVisible() and t.text]
    blocks += [(c, c.geometry()) for c in pane.counters]
    blocks += [(c, c.geometry()) for c in pane.charts]
    return blocks


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_clipping_or_overlap(make_window, width, height, lang):
    window = make_window(width, height)
    deck = window.deck
    deck.state.set_lang(lang)
    for index, pane in enumerate(deck.panes):
        deck.controller.go(index)
        QApplication.processEvents()
        pane.finish()
        area = QRect(0, 0, pane.width(), pane.height())
        assert (pane.width(), pane.height()) == (width, height)
        for widget, rect in _blocks(pane):
            assert area.contains(rect), f"{pane.spec.key}: {widget} leaves the pane at {rect}"
        for text in pane.texts:
            if text.text:
                assert text.fits, f"{pane.spec.key}: clipped text {text.text!r} at {width}x{height}"
                assert text.font_pixel_size >= 12
        for counter in pane.counters:
            assert counter.fits, f"{pane.spec.key}: counter {counter.final_text!r} does not fit"
            assert counter.label.fits, f"{pane.spec.key}: label {counter.label.text!r} is clipped"
        for (a, ra), (b, rb) in itertools.combinations(_blocks(pane), 2):
            assert not ra.intersects(rb), f"{pane.spec.key}: {a} overlaps {b} at {width}x{height}"
        QApplication.processEvents()  # pyqtgraph places its labels one turn later
        for chart in pane.charts:
            for ra, rb in itertools.combinations(chart.name_rects(), 2):
                assert not ra.intersects(rb), (
                    f"{pane.spec.key}: chart names overlap at {width}x{height}"
                )
            plot = QRectF(chart.plot.viewport().rect()).adjusted(-1, -1, 1, 1)
            for rect in chart.name_rects() + chart.layer.figure_rects():
                assert plot.contains(rect), (
                    f"{pane.spec.key}: a chart's figure or name is cut off at {width}x{height}"
                )


def test_layout_follows_a_resized_window(make_window):
    window = make_window(1280, 720)
    window.resize(1600, 900)
    QApplication.processEvents()
    pane = window.deck.current_pane
    assert (pane.width(), pane.height()) == (1600, 900)
    small_title = window.deck.panes[0].title.font_pixel_size
    window.resize(3200, 1800)
    QApplication.processEvents()
    assert (
        window.deck.panes[0].title.font_pixel_size >= small_title * 1.9
    )  # real pixel size, not scaled bitmap


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cover_and_closing_carry_each_parts_figures_from_the_dataset(make_window, lang):
    """Cover cards: each part's first headline figure; closing cards: its last scorecard one."""
    window = make_window(1920, 1080)
    deck = window.deck
    deck.state.set_lang(lang)
    report = window.deck.panes[0].report
    cover, closing = deck.panes[0], deck.panes[-1]
    cover.finish()
    closing.finish()
    from fulian_viewer.model.numbers import format_count

    for card, section in zip(cover.parts, report.sections, strict=True):
        metric = section.headline_metrics[0]
        assert card.counter.figure_metric is metric
        assert card.counter.shown_text == format_count(metric.value, metric, lang)
        assert card.heading.text == section.title(lang)
    for card, section in zip(closing.achievements, report.sections, strict=True):
        metric = [m for m in section.metrics if m.scorecard][-1]
        assert card.counter.figure_metric is metric
        assert card.heading.text == section.subtitle(lang)
    if lang == "zh":
        assert [c.counter.shown_text for c in cover.parts] == [
            "6.6万场次",
            "84万人次",
            "10万余户",
            "5.27万场",
        ]
    # The lower half of a 16:9 cover is filled: the cards reach below its middle.
    assert min(c.counter.geometry().bottom() for c in cover.parts) > cover.height() / 2


def test_the_led_wall_fills_its_columns_and_draws_large_rings(make_window):
    """At 3840x1080 the other figures sit under the heading, and the rings are large."""
    from fulian_viewer.ui.charts.rings import RingChartView

    window = make_window(3840, 1080)
    deck = window.deck
    rings = 0
    for index, pane in enumerate(deck.panes):
        if pane.spec.kind != "section":
            continue
        window.controller.go(index)
        pane.finish()
        for _ in range(3):
            QApplication.processEvents()
        first_headline = min(c.geometry().left() for c in pane.headlines)
        for counter in pane.details:
            assert counter.geometry().right() < first_headline
            assert counter.geometry().top() > pane.summary.geometry().top()
        for chart in pane.charts:
            if isinstance(chart, RingChartView):
                diameter = chart.rings._ring_rect(0, chart.rings.to_view()).width()
                assert diameter >= pane.height() * 0.2, diameter
                rings += 1
    assert rings


SMALLEST_SHARE = 1 / 60
"""The least any text on a pane may be, as a share of the screen's short side.

18 pixels on a 1080-line screen: on a 55-inch screen (68 cm high) a letter's
x-height is then about 6 mm, some 7 minutes of arc from three metres, where 5 is
the limit of normal sight. Body text and figures are set well above it; this
floor is for the least of them (sources, axis ticks, names under rings).
"""


def _text_sizes(pane):
    """(what, pixel size) of every text shown on ``pane``."""
    for block in pane.texts:
        if block.isVisible() and block.text:
            yield f"text {block.text[:24]!r}", block.font_pixel_size
    for counter in pane.counters:
        if counter.isVisible():
            yield f"figure {counter.final_text!r}", counter.figure_pixel_size
            yield f"label {counter.label.text[:24]!r}", counter.label.font_pixel_size
    for chart in pane.charts:
        if not chart.isVisible():
            continue
        what = chart.chart.title.en[:24]
        yield f"chart title {what!r}", chart.title.font_pixel_size
        if chart.layer.drawer is not None:
            yield f"figures of {what!r}", chart.layer.drawer.font.pixelSize()
        for name in chart.layer.names:
            yield f"name {name.text[:24]!r}", name.font.pixelSize()
        for axis in chart.backdrop_axes():
            if axis.isVisible():
                yield f"axis of {what!r}", axis.style["tickFont"].pixelSize()


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_text_is_too_small_to_read_from_three_metres(make_window, width, height):
    window = make_window(width, height)
    floor = min(width, height) * SMALLEST_SHARE
    measured = 0
    for pane in each_pane(window):
        for what, size in _text_sizes(pane):
            assert size >= floor - 0.5, (
                f"{width}x{height} {window.controller.state.lang} {pane.spec.key}: "
                f"{what} at {size} px, under {floor:.1f} px"
            )
            measured += 1
    assert measured > 300


def test_on_a_portrait_screen_the_source_line_takes_the_whole_width(make_window):
    """Beside the progress dots it had half the width and wrapped inside 《…》."""
    from fulian_viewer.ui.chrome import STRIP_HEIGHT
    from fulian_viewer.ui.typeset import set_lines

    window = make_window(1080, 1920)
    checked = 0
    for pane in each_pane(window):
        line = pane.source_line
        if not line.text:
            continue
        frame = pane.frame
        assert line.width() >= pane.width() - frame.px(2 * 56) - 1, pane.spec.key
        assert line.fits
        lines = set_lines(line._font, line.text, line.width())
        if len(lines) > 1:
            # More than one line would reach the chrome's dots: the line sits above its strip.
            assert line.geometry().bottom() < pane.height() - frame.px(STRIP_HEIGHT)
        if window.controller.state.lang == "zh":
            assert len(lines) == 1, line.text
        checked += 1
    assert checked >= 8


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_portrait_screen_every_plot_is_tall_enough_to_read(make_window, lang):
    """At 1080x1920 each chart's plot (the view inside its axes) keeps its least height.

    English had a plot 75 pixels high under two upright bars: the figures filled
    the bars and the axis's three labels touched.
    """
    from fulian_viewer.ui.section_pane import PORTRAIT_PLOT_SHARE

    window = make_window(1080, 1920)
    least = 1920 * PORTRAIT_PLOT_SHARE
    assert least >= 1920 / 12  # what reads as bars from three metres (see the constant)
    checked = 0
    for pane in each_pane(window, langs=(lang,)):
        for chart in pane.charts:
            height = chart.view_box.sceneBoundingRect().height()  # the plot's own pixels
            assert height >= least, (
                f"{lang} {pane.spec.key}: the plot of {chart.chart.title.en!r} is "
                f"{height:.1f} px high, under {least:.0f}"
            )
            checked += 1
    assert checked == 7
