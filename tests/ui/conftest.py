"""Fixtures for the Qt views: the bundled report and a wired window of a given size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from fulian_viewer.app import build_window, create_application
from fulian_viewer.model.loading import LoadResult, load_report
from fulian_viewer.model.report import Report
from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.main_window import MainWindow
from fulian_viewer.ui.pane import Pane

STILL = Settings(counter_ms=0, chart_ms=0, transition_ms=0, counter_stagger_ms=0)


@pytest.fixture(scope="session")
def bundled() -> LoadResult:
    return load_report()


@pytest.fixture(scope="session")
def report(bundled: LoadResult) -> Report:
    assert bundled.report is not None
    return bundled.report


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """pytest-qt's QApplication made the viewer's: its name and fonts, Qt's types all created.

    After the test, what it left to ``deleteLater()`` (pytest-qt does so with every widget
    given to ``qtbot.addWidget``) is deleted, as a running event loop would: outside one,
    ``processEvents()`` never deletes, and each test's windows would stay alive to the end
    of the run, their timers still building panes during later tests.
    """
    create_application()  # before any test installs a filter (fulian_viewer.system.qt_types)
    yield qapp
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


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
        for pane in window.deck.built_panes:  # the others never started a count-up
            pane.finish()
        window.close()


@contextmanager
def shared_window(bundled: LoadResult, width: int, height: int) -> Iterator[MainWindow]:
    """A wired window shown at ``width`` x ``height`` for the tests of a module-scoped
    fixture, which only read it; closed and deleted when they are done."""
    create_application()
    window = build_window(bundled, STILL)
    window.resize(width, height)
    window.show()
    QApplication.processEvents()
    try:
        yield window
    finally:
        for pane in window.deck.built_panes:
            pane.finish()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(window, QEvent.Type.DeferredDelete)


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
