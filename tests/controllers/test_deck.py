"""The deck controller: every user action is activity, the tour's moves are not,
and the overlays are the deck's state, which the view renders."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fulian_viewer.controllers.deck import DeckController
from fulian_viewer.ui.main_window import MainWindow


class Heard:
    def __init__(self) -> None:
        self.count = 0

    def hit(self) -> None:
        self.count += 1


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window(960, 540)


@pytest.fixture
def deck(window: MainWindow) -> DeckController:
    return window.controller


def test_every_user_action_is_one_activity(deck: DeckController) -> None:
    heard = Heard()
    deck.activity.connect(heard.hit)
    actions = [
        deck.next,
        deck.previous,
        deck.last,
        deck.first,
        lambda: deck.go(2),
        deck.replay,
        deck.show_final,
        deck.show_source,
        deck.toggle_language,
        deck.toggle_blank,
        deck.toggle_help,
        deck.toggle_overview,
        lambda: deck.move_overview(1, 0),
        deck.escape,
        deck.user_input,
    ]
    for count, action in enumerate(actions, start=1):
        action()
        assert heard.count == count, action


def test_the_tour_moves_without_activity(deck: DeckController) -> None:
    heard = Heard()
    deck.activity.connect(heard.hit)
    deck.state.set_blanked(True)
    deck.tour_next()
    assert deck.state.index == 1 and not deck.state.blanked
    deck.toggle_help()
    heard.count = 0
    deck.tour_home()
    assert deck.state.index == 0 and deck.state.overlay is None
    deck.tour_home()  # on the cover already: counted up again, still no activity
    assert heard.count == 0


def test_overlays_are_state_the_view_renders(window: MainWindow, deck: DeckController) -> None:
    view = window.deck
    deck.toggle_help()
    assert deck.state.overlay == "help" and view.help.isVisible()
    deck.toggle_overview()
    assert deck.overview_open and view.overview.isVisible() and not view.help.isVisible()
    deck.move_overview(1, 0)
    assert view.overview.selected == deck.state.overview_selection == 1
    deck.choose_overview()
    assert deck.state.index == 1 and not view.overview.isVisible()
    deck.show_source()
    first = deck.state.source_metric
    assert first is deck.state.spec.metrics[0] and view.provenance.isVisible()
    deck.show_source()
    assert deck.state.source_metric is deck.state.spec.metrics[1]
    deck.escape()
    assert deck.state.overlay is None and not view.provenance.isVisible()


def test_a_source_panel_closes_itself_without_activity(
    window: MainWindow, deck: DeckController
) -> None:
    deck.go(1)
    deck.show_source()
    heard = Heard()
    deck.activity.connect(heard.hit)
    window.deck.provenance.timer.timeout.emit()
    assert deck.state.overlay is None and not window.deck.provenance.isVisible()
    assert heard.count == 0


def test_moving_on_starts_the_source_cycle_again(deck: DeckController) -> None:
    deck.go(1)
    deck.show_source()
    deck.show_source()
    deck.go(2)
    deck.show_source()
    assert deck.state.source_metric is deck.state.spec.metrics[0]


def test_escape_with_nothing_open_is_reported(deck: DeckController) -> None:
    heard = Heard()
    deck.escape_unhandled.connect(heard.hit)
    deck.escape()
    assert heard.count == 1
    deck.toggle_blank()
    deck.escape()
    assert heard.count == 1 and not deck.state.blanked


def test_a_destroyed_view_no_longer_listens(window: MainWindow, deck: DeckController) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    class Listener(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.heard = 0

        def hear(self) -> None:
            self.heard += 1

    listener = Listener()
    deck.index_changed.connect(listener.hear)
    deck.next()
    assert listener.heard == 1
    listener.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    deck.next()  # nothing calls into the deleted view
    assert deck.state.index == 2
