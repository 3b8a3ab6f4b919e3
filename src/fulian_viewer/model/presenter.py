"""What the presenter console knows, without Qt: the talk's timer, its pace, and rehearsal.

The timer takes its clock (seconds) as an argument, so tests move time by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

PaceStatus = Literal["none", "on_time", "ahead", "behind"]


class TalkTimer:
    """The talk's elapsed time: starts at once, pauses, resumes and resets.

    Args:
        clock: monotonic seconds.
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._banked = 0.0
        self._since: float | None = clock()

    @property
    def running(self) -> bool:
        """Whether time is counting."""
        return self._since is not None

    def elapsed(self) -> float:
        """Seconds counted so far."""
        if self._since is None:
            return self._banked
        return self._banked + max(0.0, self._clock() - self._since)

    def pause(self) -> None:
        """Stop counting (the time so far is kept)."""
        if self._since is not None:
            self._banked = self.elapsed()
            self._since = None

    def resume(self) -> None:
        """Count on from where it was paused."""
        if self._since is None:
            self._since = self._clock()

    def toggle(self) -> None:
        """Pause when counting, resume when paused."""
        if self.running:
            self.pause()
        else:
            self.resume()

    def reset(self) -> None:
        """Back to zero; a running timer keeps running."""
        self._banked = 0.0
        if self._since is not None:
            self._since = self._clock()


def plan_seconds(
    targets: Sequence[float | None], total: float | None = None
) -> tuple[float, ...] | None:
    """Each pane's planned seconds, or None when nothing says how long the talk is.

    Panes with a target keep it. The others share what the total talk length leaves
    (none when the targets already use it up); without a total they get the
    average of the targets given.
    """
    given = [t for t in targets if t is not None]
    missing = len(targets) - len(given)
    if not given and not total:
        return None
    if missing == 0:
        return tuple(float(t) for t in given)
    share = max(0.0, total - sum(given)) / missing if total else sum(given) / len(given)
    return tuple(float(t) if t is not None else share for t in targets)


@dataclass(frozen=True)
class Pace:
    """Whether the talk is on time at the current pane.

    Attributes:
        status: ``none`` (no plan), ``on_time``, ``ahead`` or ``behind``.
        seconds: how far ahead or behind (0 when on time).
        pane_target: the current pane's planned seconds (0 without a plan).
        planned_total: the whole talk's planned seconds (0 without a plan).
    """

    status: PaceStatus
    seconds: float = 0.0
    pane_target: float = 0.0
    planned_total: float = 0.0


def pace(plan: Sequence[float] | None, index: int, elapsed: float) -> Pace:
    """The pace on pane ``index`` after ``elapsed`` seconds of talk.

    As reveal.js's pacing timer: ahead when the pane was reached before the plan
    reaches it, behind when the plan has already left it, on time in between.
    """
    if not plan:
        return Pace("none")
    start = sum(plan[:index])
    end = start + plan[index]
    total = sum(plan)
    if elapsed < start:
        return Pace("ahead", start - elapsed, plan[index], total)
    if elapsed > end:
        return Pace("behind", elapsed - end, plan[index], total)
    return Pace("on_time", 0.0, plan[index], total)


def clock_text(seconds: float) -> str:
    """``12:05`` or ``1:02:05`` for a duration; a minus sign before negative ones."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"
