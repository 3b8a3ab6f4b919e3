"""The deck: panes from the data, counting up, replay, motion, transitions and timers."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fulian_viewer.model.numbers import format_count
from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.overlays import highlighted_sentence

MOVING = Settings(counter_ms=2000, chart_ms=1400, transition_ms=500, counter_stagger_ms=180)


def _all_counters(deck):
    return [c for pane in deck.panes for c in pane.counters]


def test_panes_come_from_the_data(make_window, report):
    deck = make_window().deck
    kinds = [pane.spec.kind for pane in deck.panes]
    assert kinds == ["cover", "section", "section", "section", "section", "scorecard", "closing"]
    cover = deck.panes[0]
    assert cover.title.text == report.deck.get("title", "zh")
    assert cover.subtitle.text == "重庆妇女儿童事业再谱华章"
    for pane, section in zip(deck.panes[1:5], report.sections, strict=True):
        assert pane.title.text == section.title.zh
        assert pane.subtitle.text == section.subtitle.zh
        assert [c.figure_metric for c in pane.counters] == list(
            section.headline_metrics + section.detail_metrics
        )
        assert len(pane.charts) == len(section.charts) >= 1
        assert section.title.zh in pane.source_line.text
        assert "《巴渝巾帼心向党 砥砺奋进新征程》" in pane.source_line.text
    scorecard = deck.panes[5]
    assert [c.figure_metric for c in scorecard.counters] == list(report.scorecard_metrics)
    assert scorecard.title.text == "数她说"
    assert deck.panes[6].credits.text == "王彩艳 高绮 图片由市妇联提供"


def test_every_counter_ends_on_the_reports_exact_text(make_window, report):
    deck = make_window().deck
    counters = _all_counters(deck)
    shown = {c.figure_metric.id for c in counters}
    assert shown == {m.id for m in report.metrics}, "every figure appears on some pane"
    for pane in deck.panes:
        pane.play()
        pane.finish()
    for counter in counters:
        assert counter.shown_text == counter.figure_metric.display
    assert any(c.shown_text == "97.49亿元" for c in counters)
    assert any(c.shown_text == "3万余个" for c in counters)


def test_counters_count_up_with_unit_and_decimals_still(make_window):
    deck = make_window(settings=MOVING).deck
    pane = deck.panes[2]  # development: 97.49亿元 is a headline
    loans = next(c for c in pane.counters if c.figure_metric.id == "startup_loans")
    pane.play()
    assert pane.animating
    assert loans.shown_text == "0.00亿元"
    pane.show_at(600.0)
    middle = loans.shown_text
    assert middle.endswith("亿元") and len(middle) <= len("97.49亿元") and middle != "97.49亿元"
    bases = next(c for c in pane.counters if c.figure_metric.id == "demo_bases")
    assert "余" not in bases.shown_text  # the qualifier waits for the final frame
    pane.finish()
    assert not pane.animating
    assert loans.shown_text == "97.49亿元" and bases.shown_text == "3万余个"


def test_counters_are_staggered(make_window):
    deck = make_window(settings=MOVING).deck
    pane = deck.panes[1]
    pane.play()
    pane.show_at(300.0)
    first, last = pane.counters[0], pane.counters[-1]
    assert first.shown_text != format_count(0, first.figure_metric)
    assert last.shown_text == format_count(0, last.figure_metric)
    pane.finish()


def test_replay_and_show_final_keys(make_window, qtbot):
    window = make_window(settings=MOVING)
    deck = window.deck
    deck.controller.go(1)
    deck.current_pane.finish()
    qtbot.keyClick(window, Qt.Key.Key_R)
    pane = deck.current_pane
    assert pane.animating
    assert pane.counters[0].shown_text == "0.0万场次"
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert not pane.animating
    assert pane.counters[0].shown_text == "6.6万场次"


def test_leaving_and_reentering_replays(make_window):
    deck = make_window(settings=MOVING).deck
    deck.controller.go(1)
    pane = deck.panes[1]
    assert pane.animating
    deck.controller.go(2)
    assert not pane.animating  # left: stopped at its final values
    assert pane.counters[0].shown_text == "6.6万场次"
    deck.controller.go(1)
    assert pane.animating and pane.counters[0].shown_text == "0.0万场次"


def test_reduced_motion_shows_final_values_and_cuts(make_window):
    deck = make_window(settings=dataclasses.replace(MOVING, reduce_motion=True)).deck
    deck.controller.go(2)
    assert not deck.transitioning
    assert not deck.current_pane.animating
    assert all(c.shown_text == c.figure_metric.display for c in deck.current_pane.counters)
    assert all(chart.progress == 1.0 for chart in deck.current_pane.charts)
    deck.controller.replay()
    assert not deck.current_pane.animating


def test_burst_of_keys_lands_without_stacking(make_window, qtbot):
    window = make_window(settings=MOVING)
    deck = window.deck
    for _ in range(10):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert deck.state.index == deck.state.count - 1
    visible = [p for p in deck.panes if p.isVisible()]
    assert len(visible) <= 2 and deck.current_pane in visible
    assert sum(p.animating for p in deck.panes) <= 1
    for _ in range(4):
        qtbot.keyClick(window, Qt.Key.Key_Left)
    assert deck.state.index == deck.state.count - 5
    deck.resize(deck.size())  # a resize ends any slide at once
    deck.end_slide()
    deck.current_pane.finish()
    assert not deck.transitioning
    assert [p for p in deck.panes if p.isVisible()] == [deck.current_pane]
    assert deck.current_pane.pos().x() == 0


def test_no_timers_or_animations_left_running(make_window, qtbot):
    window = make_window(settings=MOVING)
    deck = window.deck
    for key in (Qt.Key.Key_Right, Qt.Key.Key_I, Qt.Key.Key_O, Qt.Key.Key_Escape, Qt.Key.Key_Right):
        qtbot.keyClick(window, key)
    window.close()
    QApplication.processEvents()
    assert not any(p.animating for p in deck.panes)
    assert not deck.provenance.timer.isActive()
    deck.end_slide()
    assert not deck.transitioning


def test_transition_slides_the_new_pane_in(make_window):
    deck = make_window(settings=MOVING).deck
    deck.controller.next()
    assert deck.transitioning
    deck.slide_to(0.5)
    assert 0 < deck.current_pane.x() < deck.width()
    old = deck.panes[0]
    assert old.pos().x() == 0 and old.isVisible(), "the new pane slides over the old one"
    stacking = deck.children()
    assert stacking.index(deck.current_pane) > stacking.index(old)
    assert stacking.index(deck.current_pane) < stacking.index(deck.chrome)
    deck.slide.setCurrentTime(deck.slide.duration())
    QApplication.processEvents()
    assert not deck.transitioning
    assert deck.current_pane.x() == 0 and not deck.panes[0].isVisible()


def test_going_back_slides_the_previous_pane_in_from_the_left(make_window):
    deck = make_window(settings=MOVING).deck
    deck.controller.go(2)
    deck.end_slide()
    deck.controller.previous()
    deck.slide_to(0.25)
    assert -deck.width() < deck.current_pane.x() < 0
    assert deck.pane(2).pos().x() == 0 and deck.pane(2).isVisible()
    stacking = deck.children()
    assert stacking.index(deck.current_pane) > stacking.index(deck.pane(2))
    deck.end_slide()


def test_accessible_names_are_final_value_and_label(make_window):
    deck = make_window(settings=MOVING).deck
    deck.controller.go(2)
    counter = next(c for c in deck.current_pane.counters if c.figure_metric.id == "startup_loans")
    assert counter.shown_text == "0.00亿元"
    assert counter.accessibleName() == "97.49亿元 妇女创业担保贷款"
    deck.current_pane.finish()


def test_text_from_the_data_is_plain(app, qtbot, report):
    from fulian_viewer.ui.counter import CounterView

    metric = dataclasses.replace(
        report.metrics[0],
        label=dataclasses.replace(report.metrics[0].label, zh="<img src=x><b>x</b>"),
    )
    counter = CounterView(metric)
    qtbot.addWidget(counter)
    assert counter.label.text == "<img src=x><b>x</b>"
    tricky = dataclasses.replace(metric, source="<b>开展</b>6.6万场次<img src=x>")
    html_text = highlighted_sentence(tricky)
    assert "<b>" not in html_text and "<img" not in html_text
    assert "&lt;img src=x&gt;" in html_text
    assert "6.6\u2060万\u2060场\u2060次" in html_text  # the figure never breaks across lines


def test_provenance_panel_quotes_the_source(make_window, report):
    deck = make_window().deck
    metric = next(m for m in report.metrics if m.id == "startup_loans")
    deck.controller.show_source(metric)
    panel = deck.provenance
    assert panel.isVisible() and panel.timer.isActive()
    assert metric.source in panel.sentence.accessibleName()
    assert "完整准确全面贯彻新发展理念" in panel.where.text
    panel.timer.timeout.emit()  # the panel closes by itself
    assert not panel.isVisible()


def test_any_input_mid_slide_leaves_one_pane_with_a_backdrop(make_window):
    """Keys, overview, blanking and resizes at any point of a slide: one backdrop at most."""
    import random

    window = make_window(1280, 720, settings=MOVING)
    deck = window.deck
    rng = random.Random(6)
    actions = [
        deck.controller.next,
        deck.controller.previous,
        deck.controller.last,
        lambda: deck.controller.go(rng.randrange(deck.state.count)),
        deck.controller.toggle_language,
        deck.controller.toggle_overview,
        deck.controller.toggle_blank,
        deck.controller.show_final,
        lambda: window.resize(*rng.choice([(1280, 720), (720, 1280)])),
    ]
    for step in range(120):
        rng.choice(actions)()
        if deck.transitioning:
            deck.slide.setCurrentTime(rng.randrange(deck.slide.duration()))
        QApplication.processEvents()
        visible = [pane for pane in deck.built_panes if pane.isVisible()]
        kept = [pane for pane in deck.built_panes if pane.backdrop is not None]
        if deck.transitioning:
            assert visible.count(deck.leaving_pane) == 1 and len(visible) == 2, step
            assert deck.leaving_pane.backdrop is None, step
        else:
            assert visible == [deck.current_pane], step
        assert len(kept) <= 1 and all(pane in visible for pane in kept), step


def test_each_pane_shows_what_its_spec_says(make_window):
    deck = make_window(800, 450).deck
    for pane, spec in zip(deck.panes, deck.state.specs, strict=True):
        assert pane.spec is spec
        assert [c.figure_metric for c in pane.counters] == list(spec.metrics), spec.key
        assert len(pane.charts) == spec.charts, spec.key


def test_the_english_provenance_panel_names_everything_in_english(make_window, report):
    """Only the quoted sentence is Chinese: it is the report's own, with its figure marked."""
    deck = make_window().deck
    deck.controller.toggle_language()
    metric = next(m for m in report.metrics if m.id == "startup_loans")
    deck.controller.show_source(metric)
    panel = deck.provenance
    assert panel.figure.text.startswith("9.749 billion yuan · ")
    assert metric.display in panel.sentence.text().replace("\u2060", "")
    assert "Fully and faithfully applying" in panel.where.text
    assert "Bayu women devoted to the Party" in panel.where.text
    assert not any("\u3400" <= ch <= "\u9fff" for ch in panel.figure.text + panel.where.text)
