"""Every key path of the keyboard and clicker controller."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fulian_viewer.model.loading import LoadResult
from fulian_viewer.ui.main_window import MainWindow
from tests.ui.conftest import shared_window

Key = Qt.Key
NEXT = [
    Key.Key_Right,
    Key.Key_Down,
    Key.Key_PageDown,
    Key.Key_Space,
    Key.Key_Return,
    Key.Key_Enter,
    Key.Key_N,
]
PREVIOUS = [Key.Key_Left, Key.Key_Up, Key.Key_PageUp, Key.Key_Backspace, Key.Key_P]


@pytest.fixture(scope="module")
def shared(qapp: QApplication, bundled: LoadResult) -> Iterator[MainWindow]:
    with shared_window(bundled, 1920, 1080) as window:
        yield window


@pytest.fixture
def at_start(shared: MainWindow) -> MainWindow:
    """The module's window on its first pane, as built: nothing open, blanked or switched."""
    controller = shared.controller
    if controller.state.overlay is not None:
        controller.close_overlay()
    if controller.state.blanked:
        controller.toggle_blank()
    controller.go(0)
    QApplication.processEvents()
    state = shared.deck.state
    assert (state.index, state.lang, state.overlay, state.blanked) == (0, "zh", None, False)
    assert not shared.isFullScreen() and not shared.deck.transitioning
    return shared


@pytest.mark.parametrize("key", NEXT)
def test_next_keys(at_start, qtbot, key):
    window = at_start
    qtbot.keyClick(window, key)
    assert window.deck.state.index == 1


@pytest.mark.parametrize("key", PREVIOUS)
def test_previous_keys(at_start, qtbot, key):
    window = at_start
    window.deck.controller.go(3)
    qtbot.keyClick(window, key)
    assert window.deck.state.index == 2


def test_shift_space_goes_back(at_start, qtbot):
    window = at_start
    window.deck.controller.go(2)
    qtbot.keyClick(window, Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert window.deck.state.index == 1


def test_home_end_and_number_keys(at_start, qtbot):
    window = at_start
    state = window.deck.state
    qtbot.keyClick(window, Key.Key_End)
    assert state.index == state.count - 1
    qtbot.keyClick(window, Key.Key_Home)
    assert state.index == 0
    qtbot.keyClick(window, Key.Key_3)
    assert state.index == 2
    qtbot.keyClick(window, Key.Key_9)  # beyond the deck: clamped to the last pane
    assert state.index == state.count - 1


def test_page_keys_never_change_meaning(at_start, qtbot):
    window = at_start
    for _ in range(3):
        qtbot.keyClick(window, Key.Key_PageDown)
    assert window.deck.state.index == 3
    qtbot.keyClick(window, Key.Key_O)  # even with the overview open
    qtbot.keyClick(window, Key.Key_PageUp)
    assert window.deck.state.index == 2


def test_blank_with_b_and_period(at_start, qtbot):
    window = at_start
    deck = window.deck
    qtbot.keyClick(window, Key.Key_B)
    assert deck.state.blanked and deck.blank.isVisible()
    qtbot.keyClick(window, Key.Key_B)
    assert not deck.state.blanked and not deck.blank.isVisible()
    qtbot.keyClick(window, Key.Key_Period)
    assert deck.blank.isVisible()
    qtbot.keyClick(window, Key.Key_Escape)
    assert not deck.blank.isVisible()


def test_blank_is_lifted_by_navigation(at_start, qtbot):
    window = at_start
    qtbot.keyClick(window, Key.Key_Period)
    qtbot.keyClick(window, Key.Key_PageDown)
    assert not window.deck.state.blanked
    assert window.deck.state.index == 1


def test_help_overlay(at_start, qtbot):
    window = at_start
    deck = window.deck
    qtbot.keyClick(window, Key.Key_H)
    assert deck.help.isVisible()
    assert deck.help.title.text == "操作说明"
    qtbot.keyClick(window, Key.Key_Escape)
    assert not deck.help.isVisible()
    qtbot.keyClick(window, Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert deck.help.isVisible()
    qtbot.keyClick(window, Key.Key_H)
    assert not deck.help.isVisible()


def test_overview_arrows_and_enter(make_window, qtbot):
    window = make_window()
    deck = window.deck
    qtbot.keyClick(window, Key.Key_O)
    assert deck.controller.overview_open
    assert len(deck.overview.thumbnails) == deck.state.count
    qtbot.keyClick(window, Key.Key_Right)
    qtbot.keyClick(window, Key.Key_Right)
    assert deck.state.index == 0  # arrows move the selection, not the deck
    qtbot.keyClick(window, Key.Key_Return)
    assert not deck.controller.overview_open
    assert deck.state.index == 2


def test_overview_click_opens_pane(make_window, qtbot):
    window = make_window()
    deck = window.deck
    qtbot.keyClick(window, Key.Key_O)
    cell = deck.overview.cells()[4]
    qtbot.mouseClick(deck.overview, Qt.MouseButton.LeftButton, pos=cell.center().toPoint())
    assert deck.state.index == 4
    assert not deck.controller.overview_open


def test_escape_closes_overview(at_start, qtbot):
    window = at_start
    qtbot.keyClick(window, Key.Key_O)
    qtbot.keyClick(window, Key.Key_Escape)
    assert not window.deck.controller.overview_open


def test_language_toggle_is_live(make_window, qtbot):
    window = make_window()
    deck = window.deck
    deck.controller.go(1)
    pane = deck.current_pane
    assert pane.title.text == "强化思想政治引领"
    qtbot.keyClick(window, Key.Key_L)
    assert deck.state.lang == "en"
    assert pane.title.text == "Strengthening ideological and political guidance"
    assert pane.counters[0].shown_text == "66,000 sessions"
    assert window.windowTitle() == "Chongqing Women’s Federation in figures"
    qtbot.keyClick(window, Key.Key_L)
    assert pane.counters[0].shown_text == "6.6万场次"


def test_fullscreen_toggle_and_escape(make_window, qtbot):
    window = make_window()
    qtbot.keyClick(window, Key.Key_F)
    QApplication.processEvents()
    assert window.isFullScreen()
    qtbot.keyClick(window, Key.Key_Escape)
    QApplication.processEvents()
    assert not window.isFullScreen()


def test_f5_presents_from_the_start_and_shift_f5_from_here(make_window, qtbot):
    window = make_window()
    window.deck.controller.go(3)
    qtbot.keyClick(window, Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert window.isFullScreen() and window.deck.state.index == 3
    qtbot.keyClick(window, Key.Key_Escape)
    qtbot.keyClick(window, Key.Key_F5)
    assert window.isFullScreen() and window.deck.state.index == 0


def test_source_panel_from_key_cycles_and_closes_on_navigation(make_window, qtbot):
    window = make_window()
    deck = window.deck
    deck.controller.go(1)
    qtbot.keyClick(window, Key.Key_I)
    assert deck.provenance.isVisible()
    first = deck.provenance.current_metric
    assert first is deck.current_pane.counters[0].figure_metric
    qtbot.keyClick(window, Key.Key_I)
    assert deck.provenance.current_metric is deck.current_pane.counters[1].figure_metric
    qtbot.keyClick(window, Key.Key_PageDown)
    assert not deck.provenance.isVisible()


def test_every_action_reports_activity(make_window, qtbot):
    window = make_window()
    seen = []
    window.deck.controller.activity.connect(lambda: seen.append(1))
    for key in (
        Key.Key_Right,
        Key.Key_L,
        Key.Key_B,
        Key.Key_B,
        Key.Key_R,
        Key.Key_S,
        Key.Key_H,
        Key.Key_Escape,
    ):
        qtbot.keyClick(window, key)
    assert len(seen) == 8


def test_ctrl_r_asks_for_a_reload_and_r_alone_replays(make_window, qtbot):
    window = make_window(960, 540)
    deck = window.deck.controller
    asked: list[int] = []
    replays: list[int] = []
    deck.reload_requested.connect(lambda: asked.append(1))
    deck.replay_requested.connect(lambda: replays.append(1))
    qtbot.keyClick(window, Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert asked == [1] and replays == []
    qtbot.keyClick(window, Key.Key_R)
    assert asked == [1] and replays == [1]
    qtbot.keyClick(window, Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert deck.state.index == 0  # no other Ctrl key acts


def test_the_staff_chord_lists_the_problems_of_a_refused_edit(make_window, qtbot):
    from fulian_viewer.model.problems import problem

    window = make_window(960, 540)
    deck = window.deck.controller
    deck.dataset.refuse((problem("metrics.csv", "not_a_number", row=2, column="value", text="x"),))
    chord = (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.keyClick(window, Key.Key_D, chord)
    assert deck.state.overlay == "problems" and window.deck.problems.isVisible()
    text = window.deck.problems.body.toPlainText()
    assert "metrics.csv，第 2 行，列“value”" in text
    qtbot.keyClick(window, Key.Key_Escape)
    assert not window.deck.problems.isVisible()
