"""Shared test setup: Qt runs offscreen, with no display, in every test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
