"""Shared test setup: Qt runs offscreen, with no display, in every test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The Qt fixtures (a wired window of any size, the bundled report) for every test folder.
from tests.ui.conftest import app, bundled, make_window, report  # noqa: F401


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Print what tests asked to report (the offline folder's size), after the results."""
    from tests.fixtures.summary import LINES

    for line in LINES:
        terminalreporter.write_line(line)
