"""Panes built after the first frame: on demand, in the background, and never out of step."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.model.deck import build_panes
from fulian_viewer.ui.pane_store import PaneStore
from tests.ui.conftest import STILL


def test_only_the_first_pane_is_built_before_the_window_shows(make_window):
    deck = make_window(show=False).deck
    assert [pane.spec.kind for pane in deck.built_panes] == ["cover"]
    assert not deck.is_ready and not deck.has_painted


def test_the_rest_are_built_after_the_first_frame(make_window, qtbot):
    window = make_window(show=False)
    deck = window.deck
    with qtbot.waitSignal(deck.first_painted), qtbot.waitSignal(deck.ready, timeout=20000):
        window.show()
    assert deck.is_ready
    assert [pane.spec for pane in deck.built_panes] == list(build_panes(deck.report))
    assert deck.current_pane is deck.panes[0] and deck.current_pane.isVisible()
    assert not any(pane.isVisible() for pane in deck.panes[1:])


def _stacked_under(widget: QWidget, above: QWidget) -> bool:
    siblings = [child for child in widget.parent().children() if isinstance(child, QWidget)]
    return siblings.index(widget) < siblings.index(above)


def test_keys_pressed_before_the_panes_are_built_still_navigate(make_window, qtbot):
    window = make_window(show=False)
    deck = window.deck
    window.show()  # no event processed yet: nothing but the cover is built
    qtbot.keyClick(window, Qt.Key.Key_End)
    last = deck.state.count - 1
    assert deck.state.index == last
    pane = deck.current_pane
    assert pane.spec.kind == "closing"
    assert pane.isVisible() and pane.geometry() == deck.rect()
    for overlay in (deck.chrome, deck.help, deck.overview, deck.provenance, deck.blank):
        assert _stacked_under(pane, overlay)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert deck.state.index == last - 1
    assert deck.current_pane.spec.kind == "scorecard" and deck.current_pane.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_2)
    assert deck.current_pane.spec.kind == "section" and deck.current_pane.isVisible()
    assert [p for p in deck.built_panes if p.isVisible()] == [deck.current_pane]
    qtbot.waitUntil(lambda: deck.is_ready, timeout=20000)
    assert [p for p in deck.panes if p.isVisible()] == [deck.current_pane]


def test_panes_built_later_take_the_current_language(make_window):
    deck = make_window(show=False).deck
    deck.controller.toggle_language()
    pane = deck.pane(1)
    assert pane.lang == "en"
    assert pane.title.text == pane.section.title.en


def test_the_overview_builds_what_it_shows(make_window):
    deck = make_window().deck
    deck.controller.toggle_overview()
    assert deck.is_ready and deck.controller.overview_open


def test_background_building_waits_while_something_moves(app, report, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    adopted = []
    dataset = CurrentDataset.of_report(report)
    store = PaneStore(dataset, build_panes(report), STILL, parent, adopted.append)
    store.get(0)
    busy = True
    store.build_in_background(near=lambda: 0, busy=lambda: busy)
    store.build_next()
    assert len(store.built()) == 1
    busy = False
    store.build_next()
    assert [pane.spec.kind for pane in store.built()] == ["cover", "section"]
    store.build_in_background(near=lambda: 4, busy=lambda: False)
    store.build_next()
    store.build_next()
    # Nearest to pane 4 first, the next one before the previous one.
    assert [store.specs.index(pane.spec) for pane in store.built()] == [0, 1, 4, 5]
    assert adopted == store.built()


SCRIPT = """\
import sys
from fulian_viewer.app import build_window, create_application, load_with_fallback
from fulian_viewer.model.settings import Settings

app = create_application()
window = build_window(load_with_fallback(None, Settings()), Settings())
window.show()
seen = {}


def painted():
    seen.update({name: name in sys.modules for name in ("pyqtgraph", "numpy")})


window.deck.first_painted.connect(painted)
window.deck.ready.connect(app.quit)
app.exec()
assert seen == {"pyqtgraph": False, "numpy": False}, seen
assert window.deck.is_ready and "pyqtgraph" in sys.modules
# hashlib loads OpenSSL (3.3 MB resident): only a PIN or live reload needs it.
assert "hashlib" not in sys.modules, "hashlib imported though nothing was hashed"
"""


def test_the_cover_paints_before_pyqtgraph_is_imported_and_nothing_loads_hashlib():
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr


def test_building_a_section_pane_drops_the_sources_read_on_import(app, report):
    import linecache

    import pyqtgraph

    from fulian_viewer.model.settings import Settings
    from fulian_viewer.ui.pane_store import make_pane

    linecache.getlines(pyqtgraph.__file__)
    assert pyqtgraph.__file__ in linecache.cache
    spec = next(spec for spec in build_panes(report) if spec.kind == "section")
    pane = make_pane(CurrentDataset.of_report(report), spec, Settings())
    assert pyqtgraph.__file__ not in linecache.cache
    pane.deleteLater()
