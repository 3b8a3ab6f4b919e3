"""Fixtures for the system services: a logging setup undone after each test."""

from __future__ import annotations

import faulthandler
import logging
import sys
from collections.abc import Iterator

import pytest

from fulian_viewer.system.logs import LOGGER_NAME, shutdown_logging


@pytest.fixture
def clean_logging() -> Iterator[None]:
    """Undo :func:`setup_logging`: handlers, level and pytest's own faulthandler."""
    logger = logging.getLogger(LOGGER_NAME)
    level = logger.level
    faulthandler_was_on = faulthandler.is_enabled()
    yield
    shutdown_logging()
    logger.setLevel(level)
    if faulthandler_was_on and sys.__stderr__ is not None:
        faulthandler.enable(file=sys.__stderr__)
