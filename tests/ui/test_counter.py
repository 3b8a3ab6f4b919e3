"""Counters' figures: characters drawn once and placed on whole pixels."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

from fulian_viewer.ui import theme
from fulian_viewer.ui.counter import DIGITS, TabularText
from fulian_viewer.ui.fonts import display_font


def test_characters_sit_on_whole_pixels_from_the_pen(app) -> None:
    """A glyph's image is placed a whole number of pixels from where its cell starts.

    The outline's bounds differ in their last decimals from one call to the next;
    placed by them, a figure drawn again after its pane was hidden moved by a pixel.
    """
    drawer = TabularText(display_font(193, bold=True))
    metrics = QFontMetricsF(drawer.font)
    for ch in "0179万余户%":
        _, dx, dy, advance = drawer._glyph(ch, theme.GOLD, 1.0)
        centring = (advance - metrics.horizontalAdvance(ch)) / 2 if ch in DIGITS else 0.0
        assert float(dx - centring).is_integer(), ch
        assert float(dy).is_integer(), ch


def _metric(report, key: str):
    return next(m for s in report.sections for m in s.metrics if m.id == key)


def _counter(qtbot, report, key: str, lang: str, width: int, height: int):
    from fulian_viewer.ui.counter import CounterView

    counter = CounterView(_metric(report, key))
    qtbot.addWidget(counter)
    counter.set_lang(lang)
    counter.configure(104, 27)
    counter.resize(width, height)
    counter.show()  # a hidden widget gets its resize event only when shown
    return counter


def test_a_long_english_figure_stands_over_its_unit_when_that_reads_larger(app, qtbot, report):
    """``More than 100,000 families`` had shrunk to a third of ``70%`` beside it."""
    from fulian_viewer.ui.counter import TWO_LINES_GAIN, tabular_text

    counter = _counter(qtbot, report, "model_families", "en", 420, 400)
    assert counter.final_text == "More than 100,000 families"
    assert counter.two_lines and counter.fits
    assert counter.figure_lines(counter.final_text) == ["More than 100,000", "families"]
    one_line = 104
    while tabular_text(one_line).width(counter.final_text) > 420:
        one_line = int(one_line * 0.93)
    assert counter._drawer.font.pixelSize() >= one_line * TWO_LINES_GAIN
    # Counting up, the unit keeps its own line and the number moves above it.
    counter.set_progress(0.37)
    assert counter.figure_lines(counter.shown_text) == ["37,000", "families"]
    assert counter.preferred_height(420, 400) <= 400


def test_two_lines_only_where_they_fit_and_help(app, qtbot, report):
    short = _counter(qtbot, report, "model_families", "en", 420, 100)
    assert not short.two_lines, "no room below for a second line"
    wide = _counter(qtbot, report, "model_families", "en", 2000, 400)
    assert not wide.two_lines, "one line already fits at full size"
    chinese = _counter(qtbot, report, "model_families", "zh", 150, 400)
    assert chinese.final_text == "10万余户" and not chinese.two_lines
    percent = _counter(qtbot, report, "green_share", "en", 60, 400)
    assert not percent.two_lines, "70% has no unit to put on a line of its own"


def test_two_line_figures_are_drawn_on_two_lines(app, qtbot, report):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    counter = _counter(qtbot, report, "model_families", "en", 420, 400)
    image = QImage(420, 400, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    counter.paint_figures(painter)
    painter.end()
    rows = [y for y in range(400) if any(image.pixelColor(x, y).alpha() for x in range(0, 420, 2))]
    assert rows[-1] - rows[0] > 1.5 * counter._drawer.height, "ink two lines high"
    assert rows[-1] < counter.number_height(), "and above the label"


def test_a_counting_number_over_its_unit_starts_where_the_unit_does(app, qtbot, report):
    """On two lines the unit does not move, so the number is aligned like it, not right."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    counter = _counter(qtbot, report, "model_families", "en", 420, 400)
    counter.set_progress(0.37)
    image = QImage(420, 400, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    counter.paint_figures(painter)
    painter.end()
    top_line = range(int(counter._drawer.height))
    columns = [x for x in range(420) if any(image.pixelColor(x, y).alpha() for y in top_line)]
    assert columns[0] < counter._drawer.width("0"), "37,000 starts at the left edge"


def test_a_tour_in_both_languages_at_two_sizes_keeps_every_drawer_and_font(make_window) -> None:
    """The shared drawers and fonts are never evicted by a tour: an evicted drawer is
    made again and draws its characters again during the count-ups (at 3840x2160
    that once put the audience's p99 frame over its budget)."""
    from fulian_viewer.ui import counter, fonts
    from tests.ui.conftest import each_pane

    counter.tabular_text.cache_clear()
    fonts._display_font.cache_clear()
    for width, height in ((1920, 1080), (3840, 2160)):
        for _ in each_pane(make_window(width, height)):
            pass
    for cached in (counter.tabular_text, fonts._display_font):
        info = cached.cache_info()
        assert info.maxsize is not None and info.currsize < info.maxsize, info
