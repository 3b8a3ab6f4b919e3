"""Shared test setup: Qt runs offscreen, with no display, in every test."""

import os

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


def pytest_sessionfinish(session, exitstatus) -> None:  # type: ignore[no-untyped-def]
    """Say how many windows tests left open (tests/fixtures/qt_cleanup.py)."""
    from tests.fixtures.summary import LINES

    left = open_windows()
    if left:
        LINES.append(f"top-level widgets left open by tests: {left}")


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config) -> None:  # type: ignore[no-untyped-def]
    """Keep Python's fault handler on to the interpreter's exit.

    pytest turns it off as it ends, so a crash while Python and Qt tear down
    (after every result is printed) showed only an exit status, 139.
    """
    import faulthandler
    import sys

    faulthandler.enable(file=sys.__stderr__)


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Print what tests asked to report (the offline folder's size), after the results."""
    from tests.fixtures.summary import LINES

    for line in LINES:
        terminalreporter.write_line(line)
