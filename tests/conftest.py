"""Shared test setup: Qt runs offscreen, with no display, in every test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The Qt fixtures (a wired window of any size, the bundled report) for every test folder.
from tests.ui.conftest import app, bundled, make_window, report  # noqa: F401
