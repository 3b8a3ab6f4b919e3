"""The dataset on screen: swapped whole, its subscribers told."""

from __future__ import annotations

import pytest

from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.model.loading import LoadResult
from fulian_viewer.model.problems import problem


def test_replace_swaps_the_report_and_tells_subscribers(bundled: LoadResult) -> None:
    dataset = CurrentDataset(bundled, "bundled")
    assert dataset.report is bundled.report and dataset.origin == "bundled"
    assert dataset.problems == ()
    calls: list[str] = []
    unsubscribe = dataset.subscribe(lambda: calls.append(dataset.origin))
    trouble = (problem("metrics.csv", "unreadable", reason="locked"),)
    dataset.replace(bundled, "last_good", trouble)
    assert calls == ["last_good"] and dataset.problems == trouble
    unsubscribe()
    dataset.replace(bundled)
    assert calls == ["last_good"] and dataset.origin == "data"


def test_a_dataset_needs_a_report(bundled: LoadResult) -> None:
    with pytest.raises(ValueError):
        CurrentDataset(LoadResult(bundled.path, None))
