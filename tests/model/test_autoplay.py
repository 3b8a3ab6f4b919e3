"""The kiosk autoplay state machine, driven by hand with explicit times."""

from __future__ import annotations

import pytest

from fulian_viewer.model.autoplay import AutoplayMachine

DWELL = 10_000
RESUME = 60_000
HOME = 300_000


def machine(count: int = 4, dwell: int = DWELL) -> AutoplayMachine:
    m = AutoplayMachine(dwell, RESUME, HOME, pane_count=count)
    m.start(0)
    return m


def follow(m: AutoplayMachine, now: int) -> list[str]:
    """Tick at ``now`` and report the pane change back, as the deck would."""
    actions = m.tick(now)
    for action in actions:
        if action == "next":
            m.pane_changed(m.index, now)
        else:
            m.pane_changed(0, now)
    return list(actions)


def test_stopped_machine_has_no_deadline_and_does_nothing() -> None:
    m = AutoplayMachine(DWELL, pane_count=3)
    assert m.state == "stopped"
    assert m.next_deadline() is None
    assert m.tick(10**9) == []
    m.input(5)
    assert m.state == "stopped"


def test_advances_after_the_dwell() -> None:
    m = machine()
    assert m.state == "playing"
    assert m.next_deadline() == DWELL
    assert m.tick(DWELL - 1) == []
    assert follow(m, DWELL) == ["next"]
    assert m.index == 1
    assert m.next_deadline() == 2 * DWELL


def test_dwell_per_pane() -> None:
    m = AutoplayMachine(lambda index: 1000 * (index + 1), pane_count=3)
    m.start(0)
    assert m.next_deadline() == 1000
    follow(m, 1000)
    assert m.next_deadline() == 1000 + 2000
    follow(m, 3000)
    assert m.next_deadline() == 3000 + 3000


def test_loops_from_last_to_first_forever() -> None:
    m = machine(count=3)
    seen = [follow(m, DWELL * k) for k in range(1, 8)]
    assert seen == [["next"], ["next"], ["first"], ["next"], ["next"], ["first"], ["next"]]
    assert m.index == 1


def test_single_pane_deck_wraps_to_itself() -> None:
    m = machine(count=1)
    assert follow(m, DWELL) == ["first"]
    assert m.next_deadline() == 2 * DWELL


def test_pane_change_by_visitor_restarts_the_dwell() -> None:
    m = machine()
    m.pane_changed(2, 7000)
    assert m.index == 2
    assert m.next_deadline() == 7000 + DWELL


def test_input_pauses() -> None:
    m = machine()
    m.input(3000)
    assert m.state == "paused"
    assert m.next_deadline() == 3000 + RESUME
    assert m.tick(DWELL) == []
    assert m.tick(3000 + RESUME - 1) == []
    assert m.state == "paused"
    assert m.index == 0


def test_resumes_after_idle_with_a_full_dwell() -> None:
    m = machine()
    m.input(3000)
    resume = 3000 + RESUME
    assert m.tick(resume) == []
    assert m.state == "playing"
    assert m.next_deadline() == resume + DWELL
    assert follow(m, resume + DWELL) == ["next"]


def test_input_during_pause_extends_it() -> None:
    m = machine()
    m.input(3000)
    m.input(40_000)
    assert m.next_deadline() == 40_000 + RESUME
    assert m.tick(3000 + RESUME) == []
    assert m.state == "paused"
    assert m.tick(40_000 + RESUME) == []
    assert m.state == "playing"


def test_long_idle_goes_home_exactly_once_then_plays() -> None:
    m = machine(count=3)
    m.input(0)
    m.pane_changed(2, 0)  # the visitor went to the last pane
    now = 0
    actions: list[str] = []
    while now < HOME + 10 * DWELL:
        deadline = m.next_deadline()
        assert deadline is not None
        now = deadline
        actions += [f"{a}@{now}" for a in follow(m, now)]
    homes = [a for a in actions if a.startswith("home")]
    assert homes == [f"home@{HOME}"]
    # Resumed after a minute, looped, then went home at five minutes and played on.
    assert actions[0] == f"first@{RESUME + DWELL}"
    after = actions[actions.index(f"home@{HOME}") + 1 :]
    assert after[:3] == [
        f"next@{HOME + DWELL}",
        f"next@{HOME + 2 * DWELL}",
        f"first@{HOME + 3 * DWELL}",
    ]
    assert m.state == "playing"


def test_home_while_still_paused_when_home_comes_first() -> None:
    m = AutoplayMachine(DWELL, idle_resume_ms=HOME, idle_home_ms=RESUME, pane_count=4)
    m.start(0)
    m.input(0)
    m.pane_changed(3, 0)
    assert m.next_deadline() == RESUME
    assert m.tick(RESUME) == ["home"]
    assert m.state == "playing"
    assert m.index == 0
    assert m.next_deadline() == RESUME + DWELL


def test_home_is_due_again_after_new_input() -> None:
    m = machine()
    m.input(0)
    assert m.tick(HOME) == ["home"]
    assert m.next_deadline() == HOME + DWELL
    m.input(HOME + 1)
    assert m.next_deadline() == HOME + 1 + RESUME
    m.tick(HOME + 1 + RESUME)
    m.pane_changed(0, HOME + 1 + RESUME)
    # While playing, the next home is the earliest of the two deadlines only once due.
    while (deadline := m.next_deadline()) is not None and deadline < 2 * HOME + 1:
        follow(m, deadline)
    assert m.next_deadline() == 2 * HOME + 1
    assert m.tick(2 * HOME + 1) == ["home"]


def test_late_tick_does_not_catch_up() -> None:
    m = machine()
    assert follow(m, 5 * DWELL) == ["next"]
    assert m.next_deadline() == 6 * DWELL


def test_restart_goes_home_and_plays_from_the_cover() -> None:
    m = machine()
    follow(m, DWELL)
    m.input(DWELL + 1)
    assert m.restart(DWELL + 2) == ["home"]
    assert m.state == "playing"
    assert m.index == 0
    assert m.next_deadline() == DWELL + 2 + DWELL


def test_restart_starts_a_stopped_machine() -> None:
    m = AutoplayMachine(DWELL, pane_count=2)
    assert m.restart(100) == ["home"]
    assert m.next_deadline() == 100 + DWELL


def test_stop() -> None:
    m = machine()
    m.stop()
    assert m.state == "stopped"
    assert m.next_deadline() is None
    assert m.tick(10 * DWELL) == []


def test_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        AutoplayMachine(DWELL, pane_count=0)
    with pytest.raises(ValueError):
        AutoplayMachine(DWELL, idle_resume_ms=-1)
    m = machine()
    with pytest.raises(ValueError):
        m.pane_changed(0, 0, pane_count=0)


def test_pane_changed_clamps_and_updates_count() -> None:
    m = machine(count=4)
    m.pane_changed(9, 0)
    assert m.index == 3
    m.pane_changed(5, 0, pane_count=6)
    assert m.pane_count == 6
    assert m.index == 5
