"""What the views keep drawn between frames: text, figures, gradient, panels and chart axes."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem, QWidget

from fulian_viewer.ui import theme
from fulian_viewer.ui.counter import CounterView
from fulian_viewer.ui.text import TextBlock


def _render(widget: QWidget) -> QImage:
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    widget.render(image)
    return image


def _ink(image: QImage) -> int:
    """How many pixels are not transparent (sampled every other pixel)."""
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).alpha() > 0
    )


def test_large_text_is_drawn_once_then_copied(app, qtbot):
    block = TextBlock(color=theme.GOLD, bold=True)
    qtbot.addWidget(block)
    block.resize(900, 260)
    block.set_font_size(200, 20)  # far above Qt's 64-pixel glyph cache
    block.set_text("数她说")
    block.show()
    first = _render(block)
    assert _ink(first) > 1000, "the text was drawn"
    assert block._image is not None
    assert _render(block) == first, "the copy shows the same"
    block.set_text("数据")
    assert block._image is None
    changed = _render(block)
    assert changed != first and _ink(changed) > 500
    block.hide()
    assert block._image is None, "a hidden block holds no image"


def test_counters_draw_large_figures_from_kept_characters(app, qtbot, report):
    metric = report.sections[1].headline_metrics[0]
    counter = CounterView(metric)
    qtbot.addWidget(counter)
    counter.resize(1400, 400)
    counter.configure(190, 50)
    counter.show()
    counter.set_progress(0.5)
    half = _render(counter)
    assert _ink(half) > 1000
    assert counter._drawer._glyphs, "characters are kept for the next frames"
    counter.set_progress(1.0)
    final = _render(counter)
    assert final != half and counter.shown_text == metric.display
    counter.hide()
    assert not counter._drawer._glyphs


def test_pane_panels_are_kept_until_the_layout_changes(make_window):
    deck = make_window(1280, 720).deck
    deck.go(1)
    deck._end_slide()
    pane = deck.current_pane
    first = pane.grab().toImage()
    drawn = pane._drawn_panels
    assert drawn, "a section pane keeps its panels drawn"
    assert pane.grab().toImage() == first
    assert pane._drawn_panels is drawn, "and copies them on the next paint"
    pane.set_lang("en")
    assert pane._drawn_panels is None or pane._drawn_panels is not drawn
    deck.next()
    deck._end_slide()
    assert pane.isHidden() and pane._drawn_panels is None, "hidden panes hold no panels"


def test_only_the_border_of_a_panel_is_kept(make_window):
    deck = make_window(1920, 1080).deck
    deck.go(deck.state.count - 2)  # the scorecard, with its tall panels
    deck._end_slide()
    pane = deck.current_pane
    pane.grab()
    panels = pane._drawn_panels
    assert panels
    for panel in panels:
        kept = sum(image.width() * image.height() for _, image in panel.pieces)
        whole = panel.inside.adjusted(-40, -40, 40, 40)
        assert kept < whole.width() * whole.height() / 2


def test_panels_look_as_if_painted_whole(app):
    from PySide6.QtCore import QRect, QRectF
    from PySide6.QtGui import QPainter, QPainterPath

    from fulian_viewer.ui import backdrop

    pane, rect = QRect(0, 0, 800, 600), QRectF(100.5, 80.5, 400, 300)
    whole = QImage(pane.size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(whole)
    backdrop.paint_gradient(painter, 800, 600)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(theme.PANEL_BORDER)
    painter.setBrush(theme.PANEL)
    path = QPainterPath()
    path.addRoundedRect(rect, 18, 18)
    painter.drawPath(path)
    painter.end()
    pieces = QImage(pane.size(), QImage.Format.Format_ARGB32_Premultiplied)
    pieces.fill(Qt.GlobalColor.black)
    painter = QPainter(pieces)
    backdrop.paint_gradient(painter, 800, 600)
    backdrop.paint_panel(painter, backdrop.draw_panel(rect, 18, pane, 1.0), pane, pane)
    painter.end()
    for x in range(0, 800, 7):
        for y in range(0, 600, 7):
            a, b = whole.pixelColor(x, y), pieces.pixelColor(x, y)
            channels = ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
            assert max(abs(one - other) for one, other in channels) <= 1, (x, y)


def test_panes_share_one_small_gradient(make_window):
    from fulian_viewer.ui import backdrop

    deck = make_window(1280, 720).deck
    first, second = deck.pane(0), deck.pane(1)
    second.resize(first.size())
    first.grab()
    second.grab()
    kept = backdrop.cached_gradients()
    assert 1 <= len(kept) <= backdrop.GRADIENTS_KEPT
    shared = backdrop.gradient(1280, 720)
    assert shared is backdrop.gradient(1280, 720), "one image per size, for every pane"
    assert shared.size() == QSize(320, 180), "a quarter of the pane's size each way"
    for width in (640, 800, 1024):
        backdrop.gradient(width, 480)
        backdrop.gradient(width, 480, panel=True)
    assert len(backdrop.cached_gradients()) == backdrop.GRADIENTS_KEPT


def test_the_stretched_gradient_matches_the_painted_one(app):
    from PySide6.QtGui import QPainter

    from fulian_viewer.ui import backdrop

    def painted(paint) -> QImage:  # type: ignore[no-untyped-def]
        image = QImage(960, 540, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        paint(painter)
        painter.end()
        return image

    full = painted(lambda p: theme.paint_background(p, 960, 540))
    stretched = painted(lambda p: backdrop.paint_gradient(p, 960, 540))
    for x, y in ((0, 0), (5, 533), (480, 270), (959, 539), (700, 100)):
        a, b = full.pixelColor(x, y), stretched.pixelColor(x, y)
        channels = ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
        assert max(abs(one - other) for one, other in channels) <= 2


def test_the_backdrop_holds_the_panels(make_window):
    deck = make_window(1920, 1080).deck
    deck.go(1)
    pane = deck.current_pane
    panel = pane._panels[0]
    image = pane.grab().toImage()
    x, y = round(panel.x + 8), round(panel.y + panel.h - 4)  # inside a panel, below its text
    inside = image.pixelColor(x, y)
    outside = image.pixelColor(x, round(panel.y - 10))
    assert inside != outside


def test_chart_axes_are_kept_as_pixmaps(make_window):
    deck = make_window().deck
    bars = [chart for pane in deck.panes for chart in pane.charts if hasattr(chart, "value_axis")]
    assert bars
    for chart in bars:
        for axis in (chart.value_axis, chart.category_axis):
            assert axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache


def test_a_slide_draws_the_incoming_pane_before_it_starts(make_window):
    from fulian_viewer.model.settings import Settings

    moving = Settings(counter_ms=2000, chart_ms=1400, transition_ms=500, counter_stagger_ms=180)
    deck = make_window(1280, 720, settings=moving).deck
    deck.pane(1)  # built, hidden: nothing drawn
    assert deck.pane(1)._drawn_panels is None
    deck.next()
    pane = deck.current_pane
    assert deck.transitioning
    assert pane._drawn_panels
    assert all(block._image is not None for block in pane.texts if block.text)
    assert all(counter.label._image is not None for counter in pane.counters)
    assert all(counter._drawer._glyphs for counter in pane.counters)


def test_ring_tracks_are_drawn_once_for_their_size(make_window):
    deck = make_window(1280, 720).deck
    rings = [c for pane in deck.panes for c in pane.charts if hasattr(c, "rings")]
    assert rings
    chart = rings[0]
    _render(chart)
    tracks = [ring._track for ring in chart.rings]
    assert all(track is not None for track in tracks)
    _render(chart)
    assert [ring._track for ring in chart.rings] == tracks
