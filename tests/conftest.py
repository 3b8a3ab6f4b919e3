"""Shared test setup: Qt runs offscreen, with no display, in every test."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# As the command does, before PySide6 is first imported (pytest-qt imports it later):
# PySide creates its Qt types as modules load, never first inside an event filter.
from fulian_viewer.system.qt_types import ask_for_eager_types

ask_for_eager_types()

import pytest  # noqa: E402

from tests.fixtures.qt_cleanup import delete_deferred, open_windows  # noqa: E402

# The Qt fixtures (a wired window of any size, the bundled report) for every test folder.
from tests.ui.conftest import app, bundled, make_window, report  # noqa: E402, F401


@pytest.fixture(autouse=True)
def delete_closed_widgets():  # type: ignore[no-untyped-def]
    """Delete, after each test, the widgets pytest-qt closed with ``deleteLater``.

    Without it they all lived to the interpreter's exit (tests/fixtures/qt_cleanup.py).
    """
    yield
    delete_deferred()


EXIT_STATUS = pytest.StashKey[int]()


def pytest_sessionfinish(session, exitstatus) -> None:  # type: ignore[no-untyped-def]
    """Say how many windows tests left open (tests/fixtures/qt_cleanup.py); keep the status."""
    from tests.fixtures.summary import LINES

    left = open_windows()
    if left:
        LINES.append(f"top-level widgets left open by tests: {left}")
    session.config.stash[EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config) -> None:  # type: ignore[no-untyped-def]
    """End the test process once pytest is done, before Python and PySide tear down.

    The run ends with some 1500 tests' worth of Qt objects still wrapped, and
    PySide's clean-up at the interpreter's exit (``destroyQCoreApplication``)
    visits every one: on CI it once met a stale one and the process ended with
    a segmentation fault after every test had passed and the results were
    printed. Nothing of the viewer is checked there: its own exit is checked
    by running it (tests/test_app.py, tests/test_kiosk_pin.py,
    tests/ui/test_startup.py). So the process leaves here with pytest's status,
    its output flushed, as ``pyqtgraph.exit`` does for programs.
    """
    status = config.stash.get(EXIT_STATUS, None)
    if status is None:  # pytest stopped before running a session (--help, usage errors)
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Print what tests asked to report (the offline folder's size), after the results."""
    from tests.fixtures.summary import LINES

    for line in LINES:
        terminalreporter.write_line(line)
