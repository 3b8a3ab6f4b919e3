"""Kiosk autoplay and idle handling: one state machine fed by every input path.

Qt-free and clock-free. The machine never reads a clock: every call carries a
monotonic time ``now`` in milliseconds, and :meth:`AutoplayMachine.tick`
returns the actions the caller must carry out. :meth:`next_deadline` tells a
Qt adapter exactly when the next tick is due, so one single-shot timer is
enough (no polling).

States:

``stopped``
    Before :meth:`~AutoplayMachine.start` and after
    :meth:`~AutoplayMachine.stop`. Nothing is due; ticks do nothing.
``playing``
    The deck advances by itself: once the current pane has shown for its
    dwell, the machine asks for ``"next"`` (or ``"first"`` on the last pane,
    so the loop runs forever).
``paused``
    A visitor gave input. Nothing advances. Every further input extends the
    pause. After ``idle_resume_ms`` without input the machine plays again,
    giving the pane it is on a full dwell.

Independently of the state, once ``idle_home_ms`` have passed since the last
input the machine asks, exactly once per input, for ``"home"``: back to the
cover, replay it, and play on from there. With the defaults (resume after one
minute, home after five) the deck resumes playing where the visitor left it
and, if nobody comes back, returns to the cover four minutes later.
:meth:`~AutoplayMachine.restart` (the clicker's Esc/F5 in a kiosk) starts the
loop over from the cover at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

Action = Literal["next", "first", "home"]
"""What the caller must do: advance one pane, wrap to the first, or go home and replay."""

State = Literal["stopped", "playing", "paused"]


class AutoplayMachine:
    """The autoplay/idle state machine (see the module docstring for its states).

    Args:
        dwell_ms: how long each pane shows before autoplay advances; an int for
            every pane, or a function of the pane index.
        idle_resume_ms: how long after the last input autoplay resumes.
        idle_home_ms: how long after the last input the deck returns home.
        pane_count: how many panes the deck has (to wrap from the last one).
    """

    def __init__(
        self,
        dwell_ms: Callable[[int], int] | int,
        idle_resume_ms: int = 60_000,
        idle_home_ms: int = 300_000,
        *,
        pane_count: int = 1,
    ) -> None:
        if pane_count < 1:
            raise ValueError("a deck needs at least one pane")
        if idle_resume_ms < 0 or idle_home_ms < 0:
            raise ValueError("idle durations cannot be negative")
        self._dwell = dwell_ms
        self.idle_resume_ms = idle_resume_ms
        self.idle_home_ms = idle_home_ms
        self._count = pane_count
        self._index = 0
        self._state: State = "stopped"
        self._pane_since = 0
        self._last_input: int | None = None
        self._home_due = False

    # Queries -----------------------------------------------------------------

    @property
    def state(self) -> State:
        """``"stopped"``, ``"playing"`` or ``"paused"``."""
        return self._state

    @property
    def index(self) -> int:
        """The pane the machine believes is showing."""
        return self._index

    @property
    def pane_count(self) -> int:
        """How many panes the deck has."""
        return self._count

    def dwell(self, index: int) -> int:
        """How long pane ``index`` shows before autoplay advances (never negative)."""
        value = self._dwell(index) if callable(self._dwell) else self._dwell
        return max(0, value)

    def next_deadline(self) -> int | None:
        """When the next :meth:`tick` is due (monotonic ms), or ``None`` if never."""
        if self._state == "stopped":
            return None
        deadlines: list[int] = []
        home = self._home_deadline()
        if home is not None:
            deadlines.append(home)
        if self._state == "paused":
            assert self._last_input is not None
            deadlines.append(self._last_input + self.idle_resume_ms)
        else:
            deadlines.append(self._pane_since + self.dwell(self._index))
        return min(deadlines)

    # Inputs ------------------------------------------------------------------

    def start(self, now: int) -> None:
        """Start playing the pane the machine is on, giving it a full dwell."""
        self._state = "playing"
        self._pane_since = now

    def stop(self) -> None:
        """Stop: nothing is due until :meth:`start` or :meth:`restart`."""
        self._state = "stopped"

    def restart(self, now: int) -> list[Action]:
        """Start the loop over from the cover; returns ``["home"]`` for the caller to do."""
        self._go_home(now)
        return ["home"]

    def input(self, now: int) -> None:
        """A visitor gave input: pause autoplay (or extend the pause)."""
        if self._state == "stopped":
            return
        self._state = "paused"
        self._last_input = now
        self._home_due = True

    def pane_changed(self, index: int, now: int, pane_count: int | None = None) -> None:
        """The deck now shows pane ``index`` (by autoplay or by a visitor)."""
        if pane_count is not None:
            if pane_count < 1:
                raise ValueError("a deck needs at least one pane")
            self._count = pane_count
        self._index = max(0, min(self._count - 1, index))
        self._pane_since = now

    def tick(self, now: int) -> list[Action]:
        """Whatever is due at ``now``; the caller carries the actions out in order."""
        if self._state == "stopped":
            return []
        home = self._home_deadline()
        if home is not None and now >= home:
            self._go_home(now)
            return ["home"]
        if self._state == "paused":
            assert self._last_input is not None
            if now >= self._last_input + self.idle_resume_ms:
                self._state = "playing"
                self._pane_since = now
            return []
        if now < self._pane_since + self.dwell(self._index):
            return []
        self._pane_since = now
        if self._index >= self._count - 1:
            self._index = 0
            return ["first"]
        self._index += 1
        return ["next"]

    # Internals ---------------------------------------------------------------

    def _home_deadline(self) -> int | None:
        if not self._home_due or self._last_input is None:
            return None
        return self._last_input + self.idle_home_ms

    def _go_home(self, now: int) -> None:
        self._state = "playing"
        self._index = 0
        self._pane_since = now
        self._home_due = False
