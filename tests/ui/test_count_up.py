"""A pane's count-up: counters one after another, charts together, eased, from the settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.count_up import CountUp, eased


class Moving:
    """A counter or chart as the count-up sees it: it is told how far along it is."""

    def __init__(self) -> None:
        self.progress: list[float] = []

    def set_progress(self, progress: float) -> None:
        self.progress.append(progress)


def test_eased_runs_from_zero_to_one_and_slows_down() -> None:
    assert eased(-5, 1000) == 0.0 and eased(0, 1000) == 0.0
    assert eased(1000, 1000) == 1.0 and eased(float("inf"), 1000) == 1.0
    assert eased(10, 0) == 1.0, "no length: already there"
    first, last = eased(100, 1000) - eased(0, 1000), eased(1000, 1000) - eased(900, 1000)
    assert first > 5 * last, "eased out: quick at first, slow at the end"


def test_counters_start_one_after_another_and_charts_together(app) -> None:
    settings = Settings(counter_ms=1000, chart_ms=500, counter_stagger_ms=200)
    counters, charts = [Moving(), Moving()], [Moving(), Moving()]
    owner = QObject()
    count_up = CountUp(owner, settings, counters, charts)  # type: ignore[arg-type]
    count_up.show_at(200.0)
    assert counters[0].progress[-1] == pytest.approx(eased(200, 1000))
    assert counters[1].progress[-1] == 0.0, "the second starts 200 ms later"
    assert charts[0].progress[-1] == charts[1].progress[-1] == pytest.approx(eased(200, 500))
    count_up.finish()
    assert [m.progress[-1] for m in (*counters, *charts)] == [1.0] * 4
    assert not count_up.running


def test_without_motion_play_shows_the_final_values_at_once(app) -> None:
    counters, owner = [Moving()], QObject()  # the owner keeps the animation
    count_up = CountUp(owner, Settings(reduce_motion=True), counters, [])  # type: ignore[arg-type]
    count_up.play(3000)
    assert counters[0].progress == [1.0] and not count_up.running
    moving = CountUp(owner, Settings(), counters, [])  # type: ignore[arg-type]
    moving.play(3000)
    assert moving.running and counters[0].progress[-1] == 0.0, "starts from zero"
    moving.finish()
