"""Kiosk autoplay: drives an :class:`AutoplayMachine` through the deck controller with one timer.

Every input path ends in :attr:`DeckController.activity`, so listening to that one
signal pauses autoplay whatever the visitor touched. The controller carries out the
machine's actions with the deck controller's tour actions, which emit no
``activity``, and arms one single-shot timer for the machine's next deadline: no
polling.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from fulian_viewer.controllers.deck import DeckController
from fulian_viewer.model.autoplay import Action, AutoplayMachine
from fulian_viewer.model.tour import READING_MS, pane_dwell_ms

__all__ = ["READING_MS", "AutoplayController"]


class AutoplayController(QObject):
    """Plays the deck by itself, pauses on input and returns home when left alone.

    Args:
        deck: the deck controller to drive.
        dwell_ms: the configured dwell per pane; each pane shows for at least
            its count-up plus :data:`READING_MS`.
        idle_resume_ms: how long after the last input autoplay resumes.
        idle_home_ms: how long after the last input the deck returns to the cover.
        section_dwell_ms: the dwell of a section's pane, by section id, instead of ``dwell_ms``.
        clock: monotonic milliseconds; a :class:`QElapsedTimer` by default.
        parent: the owning object (defaults to ``deck``).

    Call :meth:`start` to begin playing and :meth:`stop` to stop.
    """

    def __init__(
        self,
        deck: DeckController,
        dwell_ms: int,
        idle_resume_ms: int = 60_000,
        idle_home_ms: int = 300_000,
        section_dwell_ms: Mapping[str, int] | None = None,
        clock: Callable[[], int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else deck)
        self.deck = deck
        self.dwell_ms = dwell_ms
        self.section_dwell_ms = dict(section_dwell_ms or {})
        self._elapsed = QElapsedTimer()
        self._elapsed.start()
        self._clock: Callable[[], int] = clock if clock is not None else self._elapsed.elapsed
        self.machine = AutoplayMachine(
            self.pane_dwell, idle_resume_ms, idle_home_ms, pane_count=deck.state.count
        )
        self.machine.pane_changed(deck.state.index, self._clock())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timeout)
        deck.activity.connect(self._on_activity)
        deck.index_changed.connect(self._on_index)

    # Public ------------------------------------------------------------------

    def pane_dwell(self, index: int) -> int:
        """How long pane ``index`` shows: the configured dwell, or longer for a long count-up."""
        spec = self.deck.state.specs[index]
        return pane_dwell_ms(spec, self.deck.settings, self.dwell_ms, self.section_dwell_ms)

    @property
    def playing(self) -> bool:
        """Whether autoplay is advancing (not paused or stopped)."""
        return self.machine.state == "playing"

    def start(self) -> None:
        """Start playing from the current pane."""
        self.machine.pane_changed(self.deck.state.index, self._clock())
        self.machine.start(self._clock())
        self._arm()

    def stop(self) -> None:
        """Stop autoplay and its timer."""
        self.machine.stop()
        self.timer.stop()

    def restart(self) -> None:
        """Start the loop over from the cover (the clicker's Esc/F5 in a kiosk)."""
        self._perform(self.machine.restart(self._clock()))
        self._arm()

    # Slots -------------------------------------------------------------------

    def _on_activity(self) -> None:
        self.machine.input(self._clock())
        self._arm()

    def _on_index(self) -> None:
        self.machine.pane_changed(self.deck.state.index, self._clock())
        self._arm()

    def _on_timeout(self) -> None:
        self._perform(self.machine.tick(self._clock()))
        self._arm()

    # Internals ---------------------------------------------------------------

    def _perform(self, actions: list[Action]) -> None:
        for action in actions:
            if action == "next":
                self.deck.tour_next()
            else:
                self.deck.tour_home()

    def _arm(self) -> None:
        deadline = self.machine.next_deadline()
        if deadline is None:
            self.timer.stop()
            return
        self.timer.start(max(0, deadline - self._clock()))
