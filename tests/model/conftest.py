"""Fixtures for model tests: an editable copy of the bundled dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.datasets import Dataset, make_dataset


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    """A fresh copy of the bundled dataset that the test may edit."""
    return make_dataset(tmp_path)
