"""What the views keep drawn between frames: text, figures, backdrops and chart axes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem, QWidget

from fulian_viewer.ui import theme
from fulian_viewer.ui.counter import CounterView
from fulian_viewer.ui.text import TextBlock


def _render(widget: QWidget, background: bool = True) -> QImage:
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    if background:
        widget.render(image)
    else:
        widget.render(image, renderFlags=QWidget.RenderFlag.DrawChildren)
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


def test_pane_backdrop_is_kept_until_the_layout_changes(make_window):
    deck = make_window(1280, 720).deck
    pane = deck.current_pane
    first = pane.grab().toImage()
    assert pane.backdrop is not None
    assert pane.grab().toImage() == first
    pane.set_lang("en")
    assert pane.backdrop is None or pane.backdrop.size() == QSize(1280, 720)
    deck.controller.next()
    assert pane.isHidden() and pane.backdrop is None, "hidden panes hold no backdrop"


def test_the_backdrop_holds_the_panels(make_window):
    deck = make_window(1920, 1080).deck
    deck.controller.go(1)
    pane = deck.current_pane
    panel = pane._panels[0]
    image = pane.grab().toImage()
    x, y = round(panel.x + 8), round(panel.y + panel.h - 4)  # inside a panel, below its text
    inside = image.pixelColor(x, y)
    outside = image.pixelColor(x, round(panel.y - 10))
    assert inside != outside


def test_chart_axes_are_drawn_on_the_backdrop_and_redrawn_when_they_change(make_window):
    deck = make_window(1920, 1080).deck
    index = next(
        i for i, p in enumerate(deck.panes) if any(hasattr(c, "value_axis") for c in p.charts)
    )
    deck.controller.go(index)
    pane = deck.current_pane
    pane.finish()
    pane.grab()  # pyqtgraph settles its views' transforms in their first paint
    QApplication.processEvents()
    chart = next(c for c in pane.charts if hasattr(c, "value_axis"))
    axis = chart.value_axis
    assert axis.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, "the view skips it"
    ticks = axis.parentItem().mapRectToScene(axis.geometry())  # the tick labels, not the grid
    origin = chart.plot.viewport().mapTo(pane, QPoint(0, 0))
    area = chart.plot.mapFromScene(ticks).boundingRect().translated(origin)
    area = area.intersected(pane.rect())
    before = pane.grab().toImage()
    assert pane.backdrop is not None
    rgb = QImage.Format.Format_RGB32
    assert pane.backdrop.copy(area).convertToFormat(rgb) == before.copy(area).convertToFormat(rgb)
    axis.lang = "en"
    axis.picture = None  # as pyqtgraph does when ticks change
    assert pane._check_charts, "checked at the next paint"
    assert pane.grab().toImage().copy(area) != before.copy(area), "the ticks read in English"


def test_a_slide_draws_the_incoming_pane_before_it_starts(make_window):
    from fulian_viewer.model.settings import Settings

    moving = Settings(counter_ms=2000, chart_ms=1400, transition_ms=500, counter_stagger_ms=180)
    deck = make_window(1280, 720, settings=moving).deck
    deck.pane(1)  # built, hidden: nothing drawn
    assert deck.pane(1).backdrop is None
    deck.controller.next()
    pane = deck.current_pane
    assert deck.transitioning
    assert pane.backdrop is not None, "the backdrop holds the texts"
    assert all(counter._drawer._glyphs for counter in pane.counters)


def test_ring_tracks_are_drawn_once_for_their_size(app, qtbot, report):
    from fulian_viewer.ui.charts import RingChartView

    definition = next(c for s in report.sections for c in s.charts if c.type == "ring")
    chart = RingChartView(definition)  # not on a pane: it draws its own tracks
    qtbot.addWidget(chart)
    chart.resize(900, 400)
    chart.set_lang("zh")
    chart.show()
    QApplication.processEvents()
    first = _render(chart)
    track = chart.rings._track
    assert track is not None
    assert _render(chart) == first
    assert chart.rings._track is track


def test_a_text_on_a_backdrop_lies_where_it_would_paint_itself(app, qtbot):
    from PySide6.QtGui import QPainter

    def block(on_backdrop: bool) -> TextBlock:
        text = TextBlock(
            color=theme.GOLD, align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        )
        qtbot.addWidget(text)
        text.resize(700, 120)
        text.set_font_size(40, 12)
        text.set_text("数她说 centred")
        if on_backdrop:
            text.draw_on_backdrop(lambda: None)
        return text

    itself = _render(block(on_backdrop=False), background=False)
    backdrop = QImage(QSize(700, 120), QImage.Format.Format_ARGB32_Premultiplied)
    backdrop.fill(Qt.GlobalColor.transparent)
    painter = QPainter(backdrop)
    block(on_backdrop=True).draw_onto(painter, QPoint(0, 0))  # drawn for the first time
    painter.end()
    assert _ink(itself) > 0
    assert backdrop == itself


def test_pane_texts_are_drawn_into_the_backdrop_not_each_frame(make_window):
    deck = make_window(1280, 720).deck
    deck.controller.go(1)
    pane = deck.current_pane
    pane.finish()
    pane.grab()  # pyqtgraph settles its views' transforms in their first paint
    QApplication.processEvents()
    whole = pane.grab().toImage()
    heading = next(block for block in pane.texts if block.text and block.isVisible())
    assert _ink(_render(heading, background=False)) == 0, "the block itself paints nothing"
    assert heading._image is None, "the backdrop holds the text, the block no image"
    backdrop = pane.backdrop
    assert backdrop is not None
    corner = heading.mapTo(pane, heading.rect().topLeft())
    area = heading.rect().translated(corner)
    rgb = QImage.Format.Format_RGB32
    text_pixels = whole.copy(area).convertToFormat(rgb)
    assert backdrop.copy(area).convertToFormat(rgb) == text_pixels, "drawn from the backdrop"
    assert len({text_pixels.pixel(x, area.height() // 2) for x in range(area.width())}) > 10


def test_a_changed_or_moved_text_redraws_the_backdrop(make_window):
    deck = make_window(1280, 720).deck
    deck.controller.go(1)
    pane = deck.current_pane
    pane.finish()
    before = pane.grab().toImage()
    pane.set_lang("en")
    english = pane.grab().toImage()
    assert english != before
    counter = pane.counters[0]
    label_area = counter.label.rect().translated(counter.label.mapTo(pane, QPoint(0, 0)))
    counter.move(counter.x() + 40, counter.y())
    assert pane.backdrop is None, "moving a counter moves its label on the backdrop"
    moved = pane.grab().toImage()
    assert moved.copy(label_area) != english.copy(label_area)
    counter.label.set_text("新的说明")
    assert pane.backdrop is None


def test_ring_tracks_and_names_are_drawn_on_the_backdrop(make_window):
    deck = make_window(1920, 1080).deck
    index = next(i for i, p in enumerate(deck.panes) if any(hasattr(c, "rings") for c in p.charts))
    deck.controller.go(index)
    pane = deck.current_pane
    pane.finish()
    QApplication.processEvents()
    chart = next(c for c in pane.charts if hasattr(c, "rings"))
    origin = chart.plot.viewport().mapTo(pane, QPoint(0, 0))
    name = chart.name_rects()[0].translated(origin.x(), origin.y()).toAlignedRect()
    before = pane.grab().toImage()
    backdrop = pane.backdrop
    assert backdrop is not None
    rgb = QImage.Format.Format_RGB32
    assert backdrop.copy(name).convertToFormat(rgb) == before.copy(name).convertToFormat(rgb)
    assert chart.rings._track is None, "the backdrop holds the tracks, the chart no image"
    pane.set_lang("en")
    QApplication.processEvents()
    after = pane.grab().toImage()
    assert after.copy(name) != before.copy(name), "the English names replaced the Chinese"


def test_a_slide_to_a_chart_pane_keeps_the_backdrop_drawn_before_it(make_window):
    from fulian_viewer.model.settings import Settings

    moving = Settings(counter_ms=2000, chart_ms=1400, transition_ms=500, counter_stagger_ms=180)
    deck = make_window(1920, 1080, settings=moving).deck
    for index in range(1, 5):  # the four section panes, each with charts
        deck.controller.go(index)
        pane = deck.current_pane
        assert deck.transitioning and pane.charts
        drawn = pane.backdrop
        assert drawn is not None
        for value in (0.1, 0.5, 0.9):
            deck.slide_to(value)
            deck.repaint()
            QApplication.processEvents()
        assert pane.backdrop is drawn, f"{pane.spec.key}: the backdrop was drawn again mid-slide"
        deck.end_slide()


def test_a_repeated_view_signal_does_not_draw_the_backdrop_again(make_window):
    deck = make_window(1920, 1080).deck
    deck.controller.go(3)
    pane = deck.current_pane
    pane.grab()
    drawn = pane.backdrop
    for chart in pane.charts:
        chart.view_box.sigTransformChanged.emit(chart.view_box)
    pane.grab()
    assert pane.backdrop is drawn


def test_after_a_resize_and_a_language_switch_the_pane_looks_as_if_built_that_way(make_window):
    def settled(window, index):
        deck = window.deck
        deck.controller.go(index)
        pane = deck.current_pane
        pane.finish()
        for _ in range(3):
            pane.grab()
            QApplication.processEvents()
        return pane.grab().toImage()

    for index in (1, 3):  # bar charts; rings and bars
        moved = make_window(1280, 720)
        settled(moved, index)
        moved.resize(1600, 900)
        moved.deck.state.set_lang("en")
        QApplication.processEvents()
        fresh = make_window(1600, 900)
        fresh.deck.state.set_lang("en")
        assert settled(moved, index) == settled(fresh, index), f"pane {index} kept stale drawing"


def test_a_covered_pane_paints_what_its_backdrop_holds_and_keeps_none(make_window):
    deck = make_window(1280, 720).deck
    for index in range(deck.state.count):
        deck.controller.go(index)
        pane = deck.current_pane
        pane.finish()
        with_backdrop = pane.grab().toImage()
        assert pane.backdrop is not None
        pane.cover()
        directly = pane.grab().toImage()
        assert pane.backdrop is None, f"{pane.spec.key}: a covered pane keeps no backdrop"
        assert directly == with_backdrop, f"{pane.spec.key}: painted directly, it looks the same"


def test_during_a_slide_the_old_pane_is_not_painted_and_keeps_no_backdrop(make_window):
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QRegion

    from fulian_viewer.model.settings import Settings

    class PaintLog(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted = QRegion()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.painted += event.region()
            return False

    moving = Settings(counter_ms=2000, chart_ms=1400, transition_ms=500, counter_stagger_ms=180)
    deck = make_window(1280, 720, settings=moving).deck
    deck.controller.go(2)
    deck.end_slide()
    old = deck.current_pane
    old.finish()
    for _ in range(3):  # the repaints that ending the first slide asked for
        QApplication.processEvents()
    assert old.backdrop is not None
    log = PaintLog()
    old.installEventFilter(log)
    deck.controller.next()
    QApplication.processEvents()
    for value in (0.1, 0.4, 0.7, 0.95):
        deck.slide_to(value)
        QApplication.processEvents()
        assert old.isVisible() and old.backdrop is None
    assert deck.current_pane.backdrop is not None
    # Only the strip under the chrome (its pane number changed) is painted again.
    assert log.painted.boundingRect().height() <= deck.chrome.height()
    assert deck.chrome.geometry().contains(log.painted.boundingRect())
    deck.end_slide()


def test_the_overview_keeps_no_backdrop_for_hidden_panes(make_window):
    deck = make_window(1280, 720).deck
    deck.controller.toggle_overview()
    QApplication.processEvents()
    assert deck.controller.overview_open
    kept = [pane.spec.key for pane in deck.panes if pane.backdrop is not None]
    assert kept == [deck.current_pane.spec.key]


def test_a_pane_paints_its_figures_itself_and_repaints_where_they_change(make_window):
    """Counters and chart views get no paint events: the pane draws their figures."""
    from PySide6.QtCore import QEvent, QObject, QRect
    from PySide6.QtGui import QRegion

    class PaintLog(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted: dict[QObject, QRegion] = {}

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.painted[watched] = self.painted.get(watched, QRegion()) + event.region()
            return False

    deck = make_window(1280, 720).deck
    index = next(i for i, p in enumerate(deck.panes) if p.counters and p.charts)
    deck.controller.go(index)
    deck.end_slide()
    pane = deck.current_pane
    pane.finish()
    for _ in range(3):
        QApplication.processEvents()
    log = PaintLog()
    app = QApplication.instance()
    app.installEventFilter(log)
    try:
        counter, chart = pane.counters[0], pane.charts[0]
        counter.set_progress(0.5)
        chart.set_progress(0.5)
        QApplication.processEvents()
    finally:
        app.removeEventFilter(log)
    assert counter not in log.painted and chart.plot.viewport() not in log.painted
    repainted = log.painted[pane]
    assert repainted.contains(QRect(counter.mapTo(pane, QPoint(0, 0)), counter.size()))
    viewport = chart.plot.viewport()
    assert repainted.contains(QRect(viewport.mapTo(pane, QPoint(0, 0)), viewport.size()))
    area = QRect(counter.mapTo(pane, QPoint(0, 0)), counter.size())
    half = pane.grab().toImage().copy(area)
    backdrop = pane.backdrop.copy(area).convertToFormat(half.format())
    assert half != backdrop, "the figure is drawn over the backdrop"
    pane.finish()
    assert pane.grab().toImage().copy(area) != half, "and drawn again as it counts"


def test_renamed_category_ticks_redraw_the_backdrop(make_window):
    """Tick names are part of what the backdrop was drawn from, not only the axes' sizes."""
    deck = make_window(1920, 1080).deck
    index = next(
        i
        for i, p in enumerate(deck.panes)
        if any(hasattr(c, "category_axis") and not c.horizontal for c in p.charts)
    )
    deck.controller.go(index)
    pane = deck.current_pane
    pane.finish()
    for _ in range(3):
        QApplication.processEvents()
    chart = next(c for c in pane.charts if hasattr(c, "category_axis") and not c.horizontal)
    before = pane.grab().toImage()
    drawn = pane.backdrop
    ticks = chart.category_axis.named_ticks
    assert ticks and ticks[0]
    chart.category_axis.setTicks([[(position, "X") for position, _ in ticks[0]], []])
    after = pane.grab().toImage()
    assert pane.backdrop is not drawn, "drawn again"
    assert after != before, "with the new names"
