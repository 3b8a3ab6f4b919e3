"""The autoplay controller on a real window, with a fake clock and the timer fired by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer

from fulian_viewer.controllers.autoplay import READING_MS, AutoplayController
from fulian_viewer.ui.main_window import MainWindow
from tests.fakes import FakeMsClock as FakeClock

DWELL = 10_000
RESUME = 60_000
HOME = 300_000


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def hit(self) -> None:
        self.count += 1


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window(800, 450)


@pytest.fixture
def controller(window: MainWindow, clock: FakeClock) -> Iterator[AutoplayController]:
    controller = AutoplayController(window.controller, DWELL, RESUME, HOME, clock=clock)
    controller.start()
    yield controller
    controller.stop()


def fire_at(controller: AutoplayController, clock: FakeClock, when: int | None = None) -> None:
    """Advance the clock to ``when`` (the next deadline by default) and fire the timer."""
    deadline = controller.machine.next_deadline()
    assert deadline is not None
    clock.now = deadline if when is None else when
    controller.timer.timeout.emit()


def test_dwell_is_at_least_the_count_up_and_reading_time(window: MainWindow) -> None:
    controller = AutoplayController(window.controller, 1, clock=lambda: 0)
    for index, pane in enumerate(window.deck.panes):
        assert controller.pane_dwell(index) == max(1, pane.animation_ms + READING_MS)
    controller.stop()


def test_one_single_shot_timer_armed_for_the_dwell(
    controller: AutoplayController, clock: FakeClock
) -> None:
    timers = controller.findChildren(QTimer)
    assert timers == [controller.timer]
    assert controller.timer.isSingleShot()
    assert controller.timer.isActive()
    assert controller.timer.interval() == DWELL
    clock.now = 4000
    controller.timer.timeout.emit()  # early: nothing due, re-armed for the rest
    assert controller.timer.interval() == DWELL - 4000


def test_advances_and_loops(
    window: MainWindow, controller: AutoplayController, clock: FakeClock
) -> None:
    state = window.deck.state
    seen = [state.index]
    for _ in range(state.count + 1):
        fire_at(controller, clock)
        seen.append(state.index)
    assert seen == [*range(state.count), 0, 1]
    assert controller.playing
    assert controller.timer.isActive()


def test_key_press_pauses_and_idle_resumes(
    window: MainWindow, controller: AutoplayController, clock: FakeClock, qtbot
) -> None:
    state = window.deck.state
    clock.now = 2000
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert state.index == 1
    assert not controller.playing
    assert controller.machine.state == "paused"
    assert controller.machine.next_deadline() == 2000 + RESUME
    assert controller.timer.interval() == RESUME
    # Nothing advances while paused, even past the old dwell.
    clock.now = 2000 + DWELL
    controller.timer.timeout.emit()
    assert state.index == 1
    # A minute without input: playing again, with a full dwell on the pane.
    fire_at(controller, clock)
    assert controller.playing
    assert state.index == 1
    assert controller.machine.next_deadline() == 2000 + RESUME + DWELL
    fire_at(controller, clock)
    assert state.index == 2


def test_input_during_pause_extends_it(
    window: MainWindow, controller: AutoplayController, clock: FakeClock, qtbot
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Right)
    clock.now = 30_000
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert controller.machine.next_deadline() == 30_000 + RESUME
    fire_at(controller, clock, RESUME)
    assert controller.machine.state == "paused"


def test_long_idle_returns_to_the_cover(
    window: MainWindow, controller: AutoplayController, clock: FakeClock, qtbot
) -> None:
    state = window.deck.state
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert state.index == state.count - 1
    homes = 0
    while clock.now < HOME:
        fire_at(controller, clock)
        if clock.now == HOME:
            homes += 1
            assert state.index == 0
    assert homes == 1
    assert controller.playing
    # Played on from the cover; no second trip home.
    fire_at(controller, clock)
    assert state.index == 1
    assert controller.machine.next_deadline() == HOME + 2 * DWELL


def test_home_on_the_cover_replays_it(
    window: MainWindow, controller: AutoplayController, clock: FakeClock, qtbot, monkeypatch
) -> None:
    played: list[int] = []
    cover = window.deck.panes[0]
    monkeypatch.setattr(cover, "play", lambda: played.append(1))
    qtbot.keyClick(window, Qt.Key.Key_Home)  # input on the cover: nothing moves
    assert controller.machine.state == "paused"
    fire_at(controller, clock, HOME)
    assert window.deck.state.index == 0
    assert played == [1]


def test_autoplay_actions_do_not_count_as_input(
    window: MainWindow, controller: AutoplayController, clock: FakeClock
) -> None:
    heard = Counter()
    window.deck.controller.activity.connect(heard.hit)
    fire_at(controller, clock)
    fire_at(controller, clock)
    assert window.deck.state.index == 2
    assert controller.playing
    assert heard.count == 0
    window.deck.controller.activity.disconnect(heard.hit)


def test_restart_goes_home_and_plays(
    window: MainWindow, controller: AutoplayController, clock: FakeClock, qtbot
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    clock.now = 5000
    controller.restart()
    assert window.deck.state.index == 0
    assert controller.playing
    assert controller.machine.next_deadline() == 5000 + DWELL


def test_stop_leaves_the_timer_inactive(
    controller: AutoplayController, clock: FakeClock, window: MainWindow, qtbot
) -> None:
    controller.stop()
    assert not controller.timer.isActive()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert not controller.timer.isActive()
    clock.now = 10 * HOME
    controller.timer.timeout.emit()
    assert window.deck.state.index == 1
    assert not controller.timer.isActive()
    assert controller.findChildren(QTimer) == [controller.timer]


def test_default_clock_is_monotonic(window: MainWindow) -> None:
    controller = AutoplayController(window.controller, DWELL)
    controller.start()
    assert controller.timer.isActive()
    assert 0 < controller.timer.interval() <= DWELL
    controller.stop()
    assert not controller.timer.isActive()
