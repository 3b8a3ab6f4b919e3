"""The deck view: panes, the slide between them, chrome and overlays.

The view renders a deck's state (:class:`DeckState`) and acts only through its
:class:`DeckController`: input controllers call the controller, the controller
changes the state, and the view follows its signals. Which overlay is open is the
deck's state; the view shows that overlay.

Only the pane shown at start is built with the view; the others are built after
its first frame has been painted (see :mod:`fulian_viewer.ui.pane_store`).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QObject,
    QPoint,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget

from fulian_viewer.controllers.deck import DeckController
from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.model.deck import DeckState, PaneSpec
from fulian_viewer.model.report import Report
from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.chrome import ProgressChrome
from fulian_viewer.ui.deck_overlays import DeckOverlays
from fulian_viewer.ui.pane import Pane
from fulian_viewer.ui.pane_store import BUSY_RETRY_MS, PaneStore

__all__ = ["DeckView"]


class DeckView(QWidget):
    """Shows the current pane of a deck, as its controller's state says.

    The audience's view slides between panes and tells the controller when the
    current pane stands in place (:meth:`DeckController.settle`).

    Args:
        controller: the deck's controller.
        parent: the parent widget.

    Signals:
        first_painted: the first frame showing the current pane has been painted.
        ready: every pane has been built (see :attr:`is_ready`).
    """

    first_painted = Signal()
    ready = Signal()
    shows_screen_state = True
    """Whether the screen's blanking and notices are drawn (not on a presenter's copy)."""

    def __init__(self, controller: DeckController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        state, settings = controller.state, controller.settings
        self._store = PaneStore(controller.dataset, state.specs, settings, self, self._adopt)
        self._store.ready.connect(self.ready)
        self.chrome = ProgressChrome(controller, self)
        self.overlays = DeckOverlays(self, controller, self.shows_screen_state)
        overlays = self.overlays
        self.blank, self.help, self.overview = overlays.blank, overlays.help, overlays.overview
        self.provenance, self.notice = overlays.provenance, overlays.notice
        self.problems, self.laser = overlays.problems, overlays.laser
        self._shown = state.index
        self._leaving: Pane | None = None
        self._slide = QVariantAnimation(self)
        self._slide.setEasingCurve(QEasingCurve(QEasingCurve.Type.OutCubic))
        self._slide.setStartValue(0.0)
        self._slide.setEndValue(1.0)
        self._slide.valueChanged.connect(self.slide_to)
        self._slide.finished.connect(self.end_slide)
        self._direction = 1
        controller.index_changed.connect(self._on_index)
        controller.lang_changed.connect(self._on_lang)
        controller.panes_changed.connect(self._on_panes)
        controller.dataset_staged.connect(self._on_staged)
        self._staging: PaneStore | None = None
        self._dropped: list[Pane] = []
        self._drop_timer = QTimer(self)
        self._drop_timer.setSingleShot(True)
        self._drop_timer.timeout.connect(self._delete_dropped)
        controller.replay_requested.connect(self._replay)
        controller.finish_requested.connect(self._finish)
        self._painted = False
        self._on_lang()
        self.current_pane.stackUnder(self.chrome)
        self.current_pane.show()
        self.current_pane.play()
        self.current_pane.installEventFilter(self)

    # State -----------------------------------------------------------------

    @property
    def state(self) -> DeckState:
        """The deck's state (read it; act through :attr:`controller`)."""
        return self.controller.state

    @property
    def settings(self) -> Settings:
        """How the deck is shown."""
        return self.controller.settings

    @property
    def report(self) -> Report:
        """The report shown."""
        return self.controller.dataset.report

    @property
    def specs(self) -> tuple[PaneSpec, ...]:
        """The deck's panes, as the model knows them."""
        return self.state.specs

    @property
    def current_pane(self) -> Pane:
        """The pane the deck shows."""
        return self._store.get(self.state.index)

    @property
    def panes(self) -> list[Pane]:
        """Every pane of the deck, in order (building any not built yet)."""
        return self._store.all()

    def pane(self, index: int) -> Pane:
        """Pane ``index`` (from 0), built now if it has not been yet."""
        return self._store.get(index)

    @property
    def built_panes(self) -> list[Pane]:
        """The panes built so far, in deck order."""
        return self._store.built()

    @property
    def is_ready(self) -> bool:
        """Whether every pane has been built."""
        return self._store.complete

    @property
    def has_painted(self) -> bool:
        """Whether :attr:`first_painted` has been emitted."""
        return self._painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Notice the first paint of the pane shown at start."""
        if event.type() == QEvent.Type.Paint and not self._painted:
            watched.removeEventFilter(self)
            # The frame is complete once this paint and the flush after it are done.
            QTimer.singleShot(0, self._after_first_paint)
        return False

    def _after_first_paint(self) -> None:
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
            self._build_rest()

    def _adopt(self, pane: Pane) -> None:
        """Make a newly built pane part of the deck, hidden.

        It is stacked under the chrome when it is shown: restacking a hidden pane
        would still have Qt repaint what lies under it.
        """
        pane.source_requested.connect(self.controller.show_source)
        pane.hide()
        if pane.lang != self.state.lang:
            pane.set_lang(self.state.lang)

    @property
    def slide(self) -> QVariantAnimation:
        """The slide between panes (its clock, for tests and benchmarks to step)."""
        return self._slide

    @property
    def leaving_pane(self) -> Pane | None:
        """The pane the current one slides in over, while a slide runs."""
        return self._leaving

    @property
    def transitioning(self) -> bool:
        """Whether a slide between panes is running."""
        return self._slide.state() == QVariantAnimation.State.Running

    @property
    def shown_pane(self) -> Pane:
        """The pane on screen (the current one, unless a presenter's copy still waits to cut)."""
        return self.pane(self._shown)

    def show_notice(self, text: str) -> None:
        """Show a short notice along the top edge for a while."""
        if self.shows_screen_state:
            self.overlays.show_notice(text)

    # Overview --------------------------------------------------------------

    def pane_picture(self, index: int) -> QPixmap:
        """Pane ``index`` at the view's size, in its final state (the current one as it stands)."""
        pane = self.pane(index)
        pane.resize(self.size())
        if pane is not self.current_pane or not pane.animating:
            pane.finish()
        return pane.grab()

    def thumbnails(self) -> list[QPixmap]:
        """Every pane in its final state, scaled to a thumbnail."""
        width = self.settings.thumbnail_width
        size = QSize(width, max(1, round(width * self.height() / max(1, self.width()))))
        return [
            self.pane_picture(index).scaled(
                size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            for index in range(self.state.count)
        ]

    # Reactions to the state ------------------------------------------------

    def _replay(self) -> None:
        self.current_pane.play()

    def _finish(self) -> None:
        self.current_pane.finish()

    def _on_index(self) -> None:
        target = self.state.index
        if target == self._shown:
            return
        self.end_slide()
        old = self.pane(self._shown)
        new = self.pane(target)
        if not self._painted:  # wait for the first frame of whatever shows first
            old.removeEventFilter(self)
            new.installEventFilter(self)
        self._direction = 1 if target > self._shown else -1
        self._shown = target
        old.finish()
        new.setGeometry(self.rect())
        slides = self.settings.slides and self.isVisible()
        if slides:
            self._leaving = old
            old.cover()  # it stays still, so its backdrop can go before the new one is drawn
            # Off screen before it is restacked and shown: Qt repaints what lies
            # under where it is then, which would be all of the old pane.
            self.slide_to(0.0)
        new.stackUnder(self.chrome)  # over every other pane, under the chrome and overlays
        new.show()
        new.play()
        if slides:
            new.prepare()  # so that the slide's first frames only copy what is drawn
            self._slide.setDuration(self.settings.transition_ms)
            self._slide.start()
        else:
            old.hide()
            self._arrived()

    def _arrived(self) -> None:
        """The current pane stands in place: tell the deck (a presenter's copy cuts to it then)."""
        self.controller.settle(self._shown)

    def _on_staged(self) -> None:
        """Build the staged dataset's panes in the background, between animations."""
        self._drop(self._staging)
        staged = self.controller.staged
        if staged is None:
            self._staging = None
            return
        dataset = CurrentDataset(staged.result, staged.origin)
        self._staging = PaneStore(dataset, staged.specs, self.settings, self, self._adopt)
        self._staging.ready.connect(self.controller.staged_ready)
        self._staging.build_in_background(
            near=lambda: staged.index,
            busy=self._busy,
        )

    def _on_panes(self) -> None:
        """The data was reloaded: show its panes (built beforehand if staged), counting up."""
        self.end_slide()
        old, staging, self._staging = self._store, self._staging, None
        if staging is not None and staging.specs == self.state.specs:
            self._store = staging
        else:
            self._drop(staging)
            self._store = PaneStore(
                self.controller.dataset, self.state.specs, self.settings, self, self._adopt
            )
        self._store.ready.connect(self.ready)
        self._shown = self.state.index
        pane = self.current_pane
        pane.setGeometry(self.rect())
        pane.stackUnder(self.chrome)
        pane.show()
        pane.play()
        self._drop(old)
        if self._painted:
            self._build_rest()
        else:
            pane.installEventFilter(self)

    def _drop(self, store: PaneStore | None) -> None:
        """Hide a store's panes and delete them, one per event-loop turn."""
        if store is None:
            return
        store.stop()
        for pane in store.built():
            pane.hide()
        self._dropped.extend(store.built())
        store.deleteLater()
        if not self._drop_timer.isActive():
            self._drop_timer.start(0)

    def _delete_dropped(self) -> None:
        busy = self._busy()
        if self._dropped and not busy:
            self._dropped.pop().deleteLater()
        if self._dropped:
            self._drop_timer.start(BUSY_RETRY_MS if busy else 0)

    def _build_rest(self) -> None:
        """Build the panes not shown yet in the background, between animations."""
        self._store.build_in_background(near=lambda: self.state.index, busy=self._busy)

    def _busy(self) -> bool:
        """Whether something moves on screen (a slide, a count-up): building waits."""
        return self.transitioning or self.current_pane.animating

    def slide_to(self, value: object) -> None:
        """Place the new pane ``value`` (0 to 1) of the way in over the old one, which stays still.

        Qt then repaints only the new pane, and the old one keeps no backdrop.
        """
        if self._leaving is None:
            return
        offset = round(float(value) * self.width()) * self._direction  # type: ignore[arg-type]
        self.current_pane.move(QPoint(self.width() * self._direction - offset, 0))

    def end_slide(self) -> None:
        """Finish any slide at once: the current pane in place, the old one hidden.

        The deck is told that the pane stands in place (see :meth:`_arrived`).
        """
        sliding = self._leaving is not None
        self._slide.stop()
        if self._leaving is not None:
            self._leaving.hide()
            self._leaving = None
        self.shown_pane.move(0, 0)
        if sliding:
            self._arrived()

    def _on_lang(self) -> None:
        for pane in self.built_panes:  # the others take the language when built
            pane.set_lang(self.state.lang)
        self.overlays.follow_lang()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Fit panes, chrome and overlays to the new size."""
        self.end_slide()
        self.shown_pane.setGeometry(self.rect())
        self.chrome.place_in(self.width(), self.height())
        self.overlays.place()
