"""The console's timer and pace, with a clock moved by hand."""

from __future__ import annotations

import pytest

from fulian_viewer.model.presenter import TalkTimer, clock_text, pace, plan_seconds
from tests.fakes import FakeClock


def test_the_timer_pauses_resumes_and_resets() -> None:
    clock = FakeClock(100.0)
    timer = TalkTimer(clock)
    clock.advance(30)
    assert timer.elapsed() == 30 and timer.running
    timer.pause()
    clock.advance(50)
    assert timer.elapsed() == 30 and not timer.running
    timer.toggle()
    clock.advance(5)
    assert timer.elapsed() == 35
    timer.reset()
    assert timer.elapsed() == 0 and timer.running
    clock.advance(2)
    timer.pause()
    timer.reset()
    clock.advance(9)
    assert timer.elapsed() == 0 and not timer.running


def test_a_plan_needs_targets_or_a_talk_length() -> None:
    assert plan_seconds([None, None]) is None
    assert plan_seconds([60, 30]) == (60, 30)
    assert plan_seconds([None, None, None, None], total=600) == (150, 150, 150, 150)
    assert plan_seconds([100, None, None], total=300) == (100, 100, 100)
    assert plan_seconds([400, None], total=300) == (400, 0)  # the targets use it all up
    assert plan_seconds([60, None, 120]) == (60, 90, 120)  # the others get the average


@pytest.mark.parametrize(
    ("index", "elapsed", "status", "off"),
    [
        (0, 0, "on_time", 0),
        (0, 61, "behind", 1),
        (1, 30, "ahead", 30),
        (1, 100, "on_time", 0),
        (2, 400, "behind", 220),
    ],
)
def test_pace_against_the_plan(index: int, elapsed: float, status: str, off: float) -> None:
    now = pace((60, 60, 60), index, elapsed)
    assert (now.status, now.seconds) == (status, off)
    assert now.pane_target == 60 and now.planned_total == 180


def test_no_plan_no_pace() -> None:
    assert pace(None, 0, 10).status == "none"


def test_clock_text() -> None:
    assert clock_text(0) == "00:00"
    assert clock_text(65.9) == "01:05"
    assert clock_text(3725) == "1:02:05"
    assert clock_text(-5) == "-00:05"
