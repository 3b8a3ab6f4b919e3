"""The deck controller: the one way to act on the deck.

Keyboard, clicker, pointer, touch, wheel, the kiosk, autoplay and every window
(the audience's deck view, the presenter console) call its actions; nothing else
changes the :class:`DeckState`. Views connect to its signals and render the state
(bound methods of QObjects: Qt disconnects them when a view is destroyed).

The audience's view says when the current pane stands in place (:meth:`settle`:
its slide in has ended, or there was none); the controller passes that on as
:attr:`DeckController.settled`, and a presenter's copy of the view cuts to the pane
then, so that drawing it does not land on the audience's slide.

Every *user* action emits :attr:`DeckController.activity` once, so autoplay and
idle timers hear about all input whatever its path. The tour's own moves
(:meth:`tour_next`, :meth:`tour_home`) and closing an overlay by its own timer
(:meth:`close_overlay`) emit none.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, SignalInstance

from fulian_viewer.model.dataset import CurrentDataset, Origin
from fulian_viewer.model.deck import DeckState, PaneSpec, build_panes
from fulian_viewer.model.loading import LoadResult
from fulian_viewer.model.report import Metric
from fulian_viewer.model.settings import Settings


@dataclass(frozen=True)
class Staged:
    """A reloaded dataset waiting to be shown.

    Attributes:
        result: the load result.
        origin: where it came from.
        specs: its panes.
        index: the pane of them nearest to the one shown when it was staged.
        at_next_move: shown at the next move between panes rather than once built.
    """

    result: LoadResult
    origin: Origin
    specs: tuple[PaneSpec, ...]
    index: int
    at_next_move: bool


class DeckController(QObject):
    """Carries out the deck's actions on its state.

    Args:
        state: the deck's state (its panes, current pane, language, overlays).
        dataset: the dataset shown.
        settings: how the deck is shown (durations, motion).
        parent: the owning object.

    Signals:
        activity: a user acted on the deck (for autoplay and idle timers).
        index_changed, lang_changed, blanked_changed, overlay_changed, laser_changed:
            the state's events, for Qt views.
        dataset_staged: a reloaded dataset waits to be shown: build its panes.
        panes_changed: the data was reloaded: the deck has new panes.
        replay_requested: count the current pane up again.
        finish_requested: show the current pane's final figures at once.
        fullscreen_requested: the user asked to toggle full screen.
        escape_unhandled: Esc was pressed with nothing to close.
        reload_requested: the user asked to read the data again (Ctrl+R).
        settled: the audience's view shows the current pane in place (its slide in
            has ended); right after :attr:`index_changed` when it does not slide.
    """

    activity = Signal()
    index_changed = Signal()
    lang_changed = Signal()
    blanked_changed = Signal()
    overlay_changed = Signal()
    panes_changed = Signal()
    dataset_staged = Signal()
    laser_changed = Signal()
    replay_requested = Signal()
    finish_requested = Signal()
    fullscreen_requested = Signal()
    escape_unhandled = Signal()
    reload_requested = Signal()
    settled = Signal()

    def __init__(
        self,
        state: DeckState,
        dataset: CurrentDataset,
        settings: Settings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.dataset = dataset
        self.settings = settings
        self.overview_columns = 1
        """How many thumbnails a row of the overview holds (set by the view showing it)."""
        self._source_cursor = -1
        self._staged: Staged | None = None
        self._settled = True
        self._moving = False
        """Whether views are hearing of a move (``index_changed`` is being emitted)."""
        self._settle_after_move = False
        state.subscribe("index", self._on_index)
        state.subscribe("lang", self.lang_changed.emit)
        state.subscribe("blanked", self.blanked_changed.emit)
        state.subscribe("overlay", self.overlay_changed.emit)
        state.subscribe("panes", self._on_panes)
        state.subscribe("laser", self.laser_changed.emit)

    # Reading the state -------------------------------------------------------

    @property
    def overlay_open(self) -> bool:
        """Whether the screen is blanked or help or a source panel covers the deck."""
        return self.state.blanked or self.state.overlay in ("help", "source", "problems")

    @property
    def overview_open(self) -> bool:
        """Whether the overview grid is showing."""
        return self.state.overlay == "overview"

    @property
    def is_settled(self) -> bool:
        """Whether the audience's view shows the current pane in place (no slide into it runs)."""
        return self._settled

    def user_input(self) -> None:
        """Input that acts on nothing (a touch where nothing is bound) still counts as activity."""
        self.activity.emit()

    # Navigation --------------------------------------------------------------

    def next(self) -> None:
        """Next pane."""
        self.activity.emit()
        self._before_move()
        self.state.go(self.state.index + 1)

    def previous(self) -> None:
        """Previous pane."""
        self.activity.emit()
        self._before_move()
        self.state.go(self.state.index - 1)

    def first(self) -> None:
        """First pane."""
        self.activity.emit()
        self._before_move()
        self.state.go(0)

    def last(self) -> None:
        """Last pane."""
        self.activity.emit()
        self._before_move()
        self.state.go(self.state.count - 1)

    def go(self, index: int) -> None:
        """Pane ``index`` (from 0, clamped to the deck)."""
        self.activity.emit()
        self._before_move()
        self.state.go(index)

    # The current pane --------------------------------------------------------

    def replay(self) -> None:
        """Count the current pane up again."""
        self.activity.emit()
        self.replay_requested.emit()

    def show_final(self) -> None:
        """Show the current pane's final figures at once."""
        self.activity.emit()
        self.finish_requested.emit()

    def show_source(self, metric: object = None) -> None:
        """Open the source of ``metric``, or of the current pane's next figure in turn."""
        self.activity.emit()
        if not isinstance(metric, Metric):
            metrics = self.state.spec.metrics
            if not metrics:
                return
            self._source_cursor = (self._source_cursor + 1) % len(metrics)
            metric = metrics[self._source_cursor]
        self.state.set_overlay("source", metric=metric)

    # The screen --------------------------------------------------------------

    def toggle_language(self) -> None:
        """Switch between Chinese and English."""
        self.activity.emit()
        self.state.set_lang("en" if self.state.lang == "zh" else "zh")

    def toggle_blank(self) -> None:
        """Blank the screen, or bring it back."""
        self.activity.emit()
        self.state.set_blanked(not self.state.blanked)

    def toggle_fullscreen(self) -> None:
        """Ask the audience window to toggle full screen."""
        self.activity.emit()
        self.fullscreen_requested.emit()

    def toggle_help(self) -> None:
        """Show or hide the key help."""
        self.activity.emit()
        self.state.set_overlay(None if self.state.overlay == "help" else "help")

    def toggle_problems(self) -> None:
        """Show or hide the staff list of the data's problems (Ctrl+Alt+Shift+D)."""
        self.activity.emit()
        self.state.set_overlay(None if self.state.overlay == "problems" else "problems")

    def reload(self) -> None:
        """Ask for the data to be read again (Ctrl+R on the desktop)."""
        self.activity.emit()
        self.reload_requested.emit()

    def escape(self) -> None:
        """Close what is open (overview, help, source, blank); otherwise report it."""
        self.activity.emit()
        if self.state.blanked or self.state.overlay is not None:
            self.state.set_overlay(None)
            self.state.set_blanked(False)
        else:
            self.escape_unhandled.emit()

    def close_overlay(self) -> None:
        """Close the open overlay without it being input (a source panel's timeout)."""
        self.state.set_overlay(None)

    def point_at(self, x: float, y: float) -> None:
        """Show the laser dot at ``x``, ``y`` (fractions of the pane's width and height)."""
        self.activity.emit()
        self.state.set_laser((x, y))

    def stop_pointing(self) -> None:
        """Hide the laser dot."""
        self.state.set_laser(None)

    def settle(self, index: int) -> None:
        """The audience's view shows pane ``index`` in place: its slide in has ended.

        Emits :attr:`settled` once per move, only for the current pane (a slide cut
        short by another move settles nothing), and always after every view has
        heard of the move (a view that does not slide settles while it hears of it).
        """
        if index != self.state.index:
            return
        if self._moving:
            self._settle_after_move = True
        elif not self._settled:
            self._settled = True
            self.settled.emit()

    # The overview ------------------------------------------------------------

    def toggle_overview(self) -> None:
        """Show or hide the overview of all panes, the current pane selected."""
        self.activity.emit()
        if self.state.overlay == "overview":
            self.state.set_overlay(None)
        else:
            self.state.set_overlay("overview", selection=self.state.index)

    def move_overview(self, dx: int, dy: int) -> None:
        """Move the overview's selection by columns and rows, staying inside the grid."""
        self.activity.emit()
        selected = self.state.overview_selection + dx + dy * max(1, self.overview_columns)
        self.state.set_overlay("overview", selection=selected)

    def choose_overview(self, index: int | None = None) -> None:
        """Open pane ``index`` from the overview (the selected one by default)."""
        target = self.state.overview_selection if index is None else index
        self.state.set_overlay(None, selection=target)
        self.go(target)

    # The tour (autoplay): no activity ----------------------------------------

    def tour_next(self) -> None:
        """The tour moves on one pane (un-blanking the screen)."""
        self._before_move()
        self.state.go(self.state.index + 1)

    def tour_home(self) -> None:
        """The tour returns to the cover, closing overlays; on the cover it counts up again."""
        self.state.set_overlay(None)
        self._before_move()
        if self.state.index == 0:
            self.state.set_blanked(False)
            self.replay_requested.emit()  # no slide happens, so count it up here
        else:
            self.state.go(0)

    # The data: no activity -------------------------------------------------

    @property
    def staged(self) -> Staged | None:
        """A reloaded dataset waiting to be shown, with its panes and where the deck will be."""
        return self._staged

    def stage_dataset(
        self, result: LoadResult, origin: Origin = "data", *, at_next_move: bool = False
    ) -> None:
        """Get a reloaded dataset ready to show; views build its panes in the background.

        It is shown once the views report its panes built (:meth:`staged_ready`), or,
        with ``at_next_move`` (a kiosk), at the next move between panes.
        """
        if result.report is None:
            raise ValueError("a dataset without a report cannot be shown")
        specs = build_panes(result.report)
        self._staged = Staged(result, origin, specs, self._nearest(specs), at_next_move)
        self.dataset_staged.emit()

    def staged_ready(self) -> None:
        """The views have built the staged dataset's panes: show it, unless it waits for a move."""
        if self._staged is not None and not self._staged.at_next_move:
            self.show_staged()

    def show_staged(self) -> None:
        """Show the staged dataset now: the same pane if it is still there, else the nearest.

        The views show the panes built for it and the pane shown counts up again.
        """
        staged, self._staged = self._staged, None
        if staged is None:
            return
        self.dataset.replace(staged.result, staged.origin)
        self._source_cursor = -1
        self.state.set_specs(staged.specs, self._nearest(staged.specs))

    def show_dataset(self, result: LoadResult, origin: Origin = "data") -> None:
        """Show a reloaded dataset at once (its panes built now)."""
        self.stage_dataset(result, origin, at_next_move=True)
        self.show_staged()

    # Internals ---------------------------------------------------------------

    def _nearest(self, specs: tuple[PaneSpec, ...]) -> int:
        """Of ``specs``, the pane shown now if it is there, else the one at its place."""
        keys = [spec.key for spec in specs]
        shown = self.state.spec.key
        return keys.index(shown) if shown in keys else min(self.state.index, len(specs) - 1)

    def _before_move(self) -> None:
        """A dataset waiting for the next move is shown first, so the move slides in it."""
        if self._staged is not None and self._staged.at_next_move:
            self.show_staged()

    def _on_index(self) -> None:
        self._source_cursor = -1
        self._announce_move(self.index_changed, settle=not self.settings.slides)

    def _on_panes(self) -> None:
        self._announce_move(self.panes_changed, settle=True)  # the views show them at once

    def _announce_move(self, signal: SignalInstance, settle: bool) -> None:
        """Tell the views of a move; :attr:`settled` follows once they all have heard of it."""
        self._settled = False
        self._moving, self._settle_after_move = True, settle
        try:
            signal.emit()
        finally:
            self._moving = False
        if self._settle_after_move:
            self.settle(self.state.index)
