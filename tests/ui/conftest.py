"""Fixtures for the Qt views: the bundled report and a wired window of a given size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtWidgets import QApplication

from fulian_viewer.app import build_window, create_application
from fulian_viewer.model.loading import LoadResult, load_report
from fulian_viewer.model.report import Report
from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.main_window import MainWindow
from fulian_viewer.ui.pane import Pane
from tests.fixtures.qt_cleanup import delete_deferred

STILL = Settings(counter_ms=0, chart_ms=0, transition_ms=0, counter_stagger_ms=0)


@pytest.fixture(scope="session")
def bundled() -> LoadResult:
    return load_report()


@pytest.fixture(scope="session")
def report(bundled: LoadResult) -> Report:
    assert bundled.report is not None
    return bundled.report


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    """pytest-qt's QApplication made the viewer's: its name and fonts, Qt's types all created."""
    create_application()  # before any test installs a filter (fulian_viewer.system.qt_types)
    return qapp


@pytest.fixture
def make_window(
    app: QApplication, qtbot, bundled: LoadResult
) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(
        width: int = 1920, height: int = 1080, settings: Settings = STILL, show: bool = True
    ) -> MainWindow:
        window = build_window(bundled, settings)
        qtbot.addWidget(window)
        window.resize(width, height)
        if show:
            window.show()
            qtbot.waitExposed(window)
        QApplication.processEvents()
        windows.append(window)
        return window

    yield make
    for window in windows:
        _close(window)


def _close(window: MainWindow) -> None:
    """Stop the count-ups of the panes built (the others never started one) and close."""
    for pane in window.deck.built_panes:
        pane.finish()
    window.close()


@contextmanager
def shared_window(bundled: LoadResult, width: int, height: int) -> Iterator[MainWindow]:
    """A wired window shown at ``width`` x ``height`` for the tests of a module-scoped
    fixture, which only read it; closed and deleted when they are done.

    The fixture drops what it holds of the window (its panes, their charts) before
    leaving the ``with`` block: the window is deleted there (tests/fixtures/qt_cleanup.py).
    """
    create_application()
    window = build_window(bundled, STILL)
    window.resize(width, height)
    window.show()
    QApplication.processEvents()
    try:
        yield window
    finally:
        _close(window)
        window.deleteLater()
        delete_deferred()


def each_pane(window: MainWindow, langs: tuple[str, ...] = ("zh", "en")) -> Iterator[Pane]:
    """Every pane of ``window``'s deck in each of ``langs``, gone to, final and laid out."""
    controller = window.controller
    for lang in langs:
        if controller.state.lang != lang:
            controller.toggle_language()
        for index, pane in enumerate(window.deck.panes):
            controller.go(index)
            pane.finish()
            for _ in range(3):  # pyqtgraph lays out axis labels on later passes
                QApplication.processEvents()
            yield pane
