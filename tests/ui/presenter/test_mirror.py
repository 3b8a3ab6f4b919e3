"""The console's picture of the deck: it cuts once the audience's slide has ended, counts up
with the audience, and draws its next pane in advance while nothing moves.

The audience's slide is stepped by hand (its animation's clock set), and the picture's
timer for drawing in advance is fired by hand: nothing waits on real time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from fulian_viewer.model.presenter import TalkTimer
from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.main_window import MainWindow
from fulian_viewer.ui.presenter.console import ConsoleWindow
from fulian_viewer.ui.presenter.mirror import MirrorView
from tests.fakes import FakeClock

MOVING = Settings(counter_ms=2000, chart_ms=1400, transition_ms=500, counter_stagger_ms=180)


class Events:
    """The order in which the deck's signals arrived."""

    def __init__(self) -> None:
        self.heard: list[str] = []

    def index(self) -> None:
        self.heard.append("index")

    def settled(self) -> None:
        self.heard.append("settled")


@pytest.fixture
def moving(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window(960, 540, settings=MOVING)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def console(moving: MainWindow, clock: FakeClock, qtbot) -> Iterator[ConsoleWindow]:
    console = ConsoleWindow(moving.controller, TalkTimer(clock))
    qtbot.addWidget(console)
    console.resize(1366, 768)
    console.show()
    qtbot.waitUntil(lambda: console.mirror.has_painted)
    yield console
    for pane in console.mirror.built_panes:
        pane.finish()
    console.close()


@pytest.fixture
def mirror(console: ConsoleWindow) -> MirrorView:
    return console.mirror


def end_audience_slide(window: MainWindow) -> None:
    """Step the audience's slide to its end, as its clock would."""
    slide = window.deck.slide
    slide.setCurrentTime(slide.duration())


def test_the_picture_cuts_when_the_audience_slide_ends(moving: MainWindow, mirror) -> None:
    deck, controller = moving.deck, moving.controller
    controller.next()
    assert deck.transitioning and not controller.is_settled
    old, new = mirror.pane(0), mirror.pane(1)
    assert mirror.shown_pane is old and old.isVisible(), "no cut during the audience's slide"
    assert mirror.waiting_pane is new and not new.isVisible()
    assert new.animating, "it counts up with the audience's pane, hidden"
    assert not old.animating
    deck.slide.setCurrentTime(deck.slide.duration() // 2)
    assert mirror.shown_pane is old and not controller.is_settled
    end_audience_slide(moving)
    assert controller.is_settled and not deck.transitioning
    assert mirror.shown_pane is new and new.isVisible() and not old.isVisible()
    assert mirror.waiting_pane is None
    assert new.animating and deck.current_pane.animating, "live: both still counting up"


def test_a_slide_cut_short_settles_only_the_last_move(moving: MainWindow, mirror) -> None:
    controller = moving.controller
    heard = Events()
    controller.settled.connect(heard.settled)
    controller.next()
    controller.next()  # before the first slide has ended
    assert heard.heard == [] and mirror.shown_pane is mirror.pane(0)
    assert mirror.waiting_pane is mirror.pane(2)
    assert not mirror.pane(1).animating, "the pane passed over stops at its final figures"
    controller.settle(1)  # a late word about the pane passed over changes nothing
    assert heard.heard == [] and mirror.shown_pane is mirror.pane(0)
    end_audience_slide(moving)
    assert heard.heard == ["settled"]
    assert mirror.shown_pane is mirror.pane(2)
    controller.settle(2)
    assert heard.heard == ["settled"], "once per move"


def test_going_back_before_the_slide_ends_counts_the_shown_pane_up_again(
    moving: MainWindow, mirror
) -> None:
    controller = moving.controller
    controller.next()
    controller.previous()
    assert mirror.shown_pane is mirror.pane(0) and mirror.waiting_pane is None
    assert mirror.pane(0).animating and moving.deck.current_pane.animating
    end_audience_slide(moving)
    assert mirror.shown_pane is mirror.pane(0) and mirror.pane(0).isVisible()


def test_without_slides_the_deck_settles_at_once_after_the_move(
    make_window: Callable[..., MainWindow], qtbot
) -> None:
    window = make_window(960, 540)  # tests' settings: nothing moves
    console = ConsoleWindow(window.controller, TalkTimer(FakeClock()))
    qtbot.addWidget(console)
    console.resize(1366, 768)
    console.show()
    heard = Events()
    window.controller.index_changed.connect(heard.index)
    window.controller.settled.connect(heard.settled)
    window.controller.go(3)
    assert heard.heard == ["index", "settled"]
    assert console.mirror.shown_pane is console.mirror.pane(3)
    assert console.mirror.shown_pane.isVisible() and not console.mirror.pane(0).isVisible()
    console.close()


def test_a_hidden_audience_view_settles_at_once(moving: MainWindow, mirror) -> None:
    moving.hide()
    moving.controller.next()
    assert moving.controller.is_settled and mirror.shown_pane is mirror.pane(1)


def test_a_resize_during_the_slide_settles_the_deck(moving: MainWindow, mirror) -> None:
    moving.controller.next()
    moving.resize(900, 500)
    QApplication.processEvents()
    assert not moving.deck.transitioning
    assert moving.controller.is_settled and mirror.shown_pane is mirror.pane(1)


def test_the_next_pane_is_drawn_in_advance_only_while_nothing_moves(
    moving: MainWindow, mirror
) -> None:
    controller = moving.controller
    nxt = mirror.pane(1)
    assert nxt.backdrop is None and not nxt.isVisible()
    mirror.current_pane.play()
    mirror.predraw_timer.timeout.emit()
    assert nxt.backdrop is None, "not while the current pane counts up"
    assert mirror.predraw_timer.isActive(), "it tries again later"
    mirror.current_pane.finish()
    mirror.predraw_timer.timeout.emit()
    drawn = nxt.backdrop
    assert drawn is not None and not nxt.isVisible()
    assert drawn.size() == mirror.size() * mirror.devicePixelRatioF()
    controller.next()
    mirror.predraw_timer.timeout.emit()
    assert mirror.predrawn_pane is nxt, "not during the audience's slide"
    end_audience_slide(moving)
    nxt.grab()  # its first frame
    assert nxt.backdrop is drawn, "the cut copied what was drawn in advance"
    nxt.finish()
    controller.go(4)
    end_audience_slide(moving)
    mirror.current_pane.finish()
    moving.deck.current_pane.finish()
    mirror.predraw_timer.timeout.emit()
    assert mirror.predrawn_pane is mirror.pane(5) and mirror.pane(5).backdrop is not None
    assert mirror.pane(2).backdrop is None, "nothing drawn in advance but the next pane"


def test_the_last_pane_has_nothing_to_draw_in_advance(moving: MainWindow, mirror) -> None:
    moving.controller.last()
    end_audience_slide(moving)
    for pane in (mirror.current_pane, moving.deck.current_pane):
        pane.finish()
    mirror.predraw_timer.timeout.emit()
    assert mirror.predrawn_pane is None
    assert [p for p in mirror.built_panes if p.backdrop is not None and not p.isVisible()] == []


def test_the_console_turns_to_the_new_pane_when_the_slide_ends(
    moving: MainWindow, console: ConsoleWindow, clock: FakeClock
) -> None:
    clock.advance(40)
    console.tick()
    notes = console.notes.plain_text()
    moving.controller.next()
    assert console.timing.pane_time.text().endswith("00:00"), "the pane's time starts at once"
    assert console.pane_number.text() == "第 1 / 7 页" and console.strip.current == 0
    assert console.notes.plain_text() == notes, "nothing laid out during the slide"
    end_audience_slide(moving)
    assert console.pane_number.text() == "第 2 / 7 页" and console.strip.current == 1
    assert "6.6万场次" in console.notes.plain_text()


def test_the_picture_s_page_number_turns_with_the_picture(moving: MainWindow, mirror) -> None:
    """While the audience's slide runs, the picture keeps the old pane's number, dot and bar."""
    controller, chrome = moving.controller, mirror.chrome
    controller.next()
    assert moving.deck.chrome.number_text == "2 / 7", "the audience's number turns at once"
    assert mirror.shown_pane is mirror.pane(0)
    assert (chrome.index, chrome.number_text, chrome.accessibleName()) == (0, "1 / 7", "1 / 7")
    end_audience_slide(moving)
    assert mirror.shown_pane is mirror.pane(1)
    assert (chrome.index, chrome.number_text, chrome.accessibleName()) == (1, "2 / 7", "2 / 7")


def test_the_page_number_follows_a_slide_cut_short_or_turned_back(
    moving: MainWindow, mirror
) -> None:
    controller, chrome = moving.controller, mirror.chrome
    controller.next()
    controller.next()  # before the first slide has ended
    assert chrome.number_text == "1 / 7"
    end_audience_slide(moving)
    assert mirror.shown_pane is mirror.pane(2) and chrome.number_text == "3 / 7"
    controller.next()
    controller.previous()  # back to the pane the picture still shows
    assert mirror.shown_pane is mirror.pane(2) and chrome.number_text == "3 / 7"
    end_audience_slide(moving)
    assert chrome.number_text == "3 / 7"
    moving.hide()  # no slide: the picture and its number turn together at once
    controller.go(5)
    assert mirror.shown_pane is mirror.pane(5) and chrome.number_text == "6 / 7"
