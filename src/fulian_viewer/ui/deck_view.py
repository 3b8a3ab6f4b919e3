"""The deck view: panes, the slide between them, chrome and overlays.

The view subscribes to a :class:`DeckState` and offers the deck's *actions*
(next, previous, overview, help, replay…); input controllers only call these
actions, and every action emits :attr:`DeckView.activity` so autoplay and idle
timers hear about all input, whatever its path.

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

from fulian_viewer.model.deck import DeckState, build_panes
from fulian_viewer.model.report import Metric, Report
from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.chrome import ProgressChrome
from fulian_viewer.ui.overlays import BlankOverlay, HelpOverlay, NoticeBanner, ProvenancePanel
from fulian_viewer.ui.overview import OverviewOverlay
from fulian_viewer.ui.pane import Pane
from fulian_viewer.ui.pane_store import PaneStore, make_pane

__all__ = ["DeckView", "make_pane"]


class DeckView(QWidget):
    """Shows the current pane of a deck and carries out the deck's actions.

    Signals:
        activity: any input reached the deck (for autoplay and idle timers).
        fullscreen_requested: the user asked to toggle full screen.
        escape_unhandled: Esc was pressed with nothing to close.
        first_painted: the first frame showing the current pane has been painted.
        ready: every pane has been built (see :attr:`is_ready`).
    """

    activity = Signal()
    fullscreen_requested = Signal()
    escape_unhandled = Signal()
    first_painted = Signal()
    ready = Signal()

    def __init__(
        self, report: Report, state: DeckState, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.state = state
        self.settings = settings
        self.specs = build_panes(report)
        if len(self.specs) != state.count:
            raise ValueError("the deck state does not match the report's panes")
        self._store = PaneStore(report, self.specs, settings, self, self._adopt)
        self._store.ready.connect(self.ready)
        self.chrome = ProgressChrome(state, self)
        self.blank = BlankOverlay(self)
        self.help = HelpOverlay(self)
        self.overview = OverviewOverlay(self)
        self.overview.chosen.connect(self._open_from_overview)
        self.provenance = ProvenancePanel(report, settings.provenance_ms, self)
        self.notice = NoticeBanner(settings.provenance_ms, self)
        for overlay in (self.blank, self.help, self.overview, self.provenance, self.notice):
            overlay.hide()
        self._shown = state.index
        self._leaving: Pane | None = None
        self._slide = QVariantAnimation(self)
        self._slide.setEasingCurve(QEasingCurve(QEasingCurve.Type.OutCubic))
        self._slide.setStartValue(0.0)
        self._slide.setEndValue(1.0)
        self._slide.valueChanged.connect(self._on_slide)
        self._slide.finished.connect(self._end_slide)
        self._direction = 1
        self._source_cursor = -1
        state.subscribe("index", self._on_index)
        state.subscribe("lang", self._on_lang)
        state.subscribe("blanked", self._on_blanked)
        self._painted = False
        self._on_lang()
        self.current_pane.stackUnder(self.chrome)
        self.current_pane.show()
        self.current_pane.play()
        self.current_pane.installEventFilter(self)

    # State -----------------------------------------------------------------

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
            self._store.build_in_background(
                near=lambda: self.state.index,
                busy=lambda: self.transitioning or self.current_pane.animating,
            )

    def _adopt(self, pane: Pane) -> None:
        """Make a newly built pane part of the deck, hidden.

        It is stacked under the chrome when it is shown: restacking a hidden pane
        would still have Qt repaint what lies under it.
        """
        pane.source_requested.connect(self.show_source)
        pane.hide()
        if pane.lang != self.state.lang:
            pane.set_lang(self.state.lang)

    @property
    def transitioning(self) -> bool:
        """Whether a slide between panes is running."""
        return self._slide.state() == QVariantAnimation.State.Running

    # Actions (called by controllers) ---------------------------------------

    def next(self) -> None:
        """Next pane."""
        self._input()
        self.state.next()

    def previous(self) -> None:
        """Previous pane."""
        self._input()
        self.state.previous()

    def first(self) -> None:
        """First pane."""
        self._input()
        self.state.first()

    def last(self) -> None:
        """Last pane."""
        self._input()
        self.state.last()

    def go(self, index: int) -> None:
        """Pane ``index`` (from 0)."""
        self._input()
        self.state.go(index)

    def replay(self) -> None:
        """Count the current pane up again."""
        self._input()
        self.current_pane.play()

    def show_final(self) -> None:
        """Show the current pane's final figures at once."""
        self._input()
        self.current_pane.finish()

    def toggle_language(self) -> None:
        """Switch between Chinese and English."""
        self._input()
        self.state.toggle_lang()

    def toggle_blank(self) -> None:
        """Blank the screen, or bring it back."""
        self._input()
        self.state.toggle_blanked()

    def toggle_fullscreen(self) -> None:
        """Ask the window to toggle full screen."""
        self._input()
        self.fullscreen_requested.emit()

    def toggle_help(self) -> None:
        """Show or hide the key help."""
        self._input()
        if self.help.isVisible():
            self.help.hide()
        else:
            self._close_overlays()
            self.help.set_lang(self.state.lang)
            self.help.show()
            self.help.raise_()

    def toggle_overview(self) -> None:
        """Show or hide the overview of all panes."""
        self._input()
        if self.overview.isVisible():
            self.overview.hide()
            return
        self._close_overlays()
        self.overview.open(self.thumbnails(), self.state.index, self.state.lang)

    def show_source(self, metric: object = None) -> None:
        """Open the source panel for ``metric``, or cycle through the current pane's figures."""
        self._input()
        if not isinstance(metric, Metric):
            counters = self.current_pane.counters
            if not counters:
                return
            self._source_cursor = (self._source_cursor + 1) % len(counters)
            metric = counters[self._source_cursor].figure_metric
        self.provenance.show_metric(metric, self.state.lang)

    def show_notice(self, text: str) -> None:
        """Show a short notice along the top edge for a while."""
        self.notice.place_in(self.width(), self.height())
        self.notice.show_text(text)

    @property
    def overlay_open(self) -> bool:
        """Whether the screen is blanked or help or a source panel covers the deck."""
        return self.state.blanked or self.help.isVisible() or self.provenance.isVisible()

    def escape(self) -> None:
        """Close what is open: overview, help, source, blank; otherwise report it."""
        self._input()
        if self.state.blanked or any(
            o.isVisible() for o in (self.help, self.overview, self.provenance)
        ):
            self._close_overlays()
            self.state.set_blanked(False)
        else:
            self.escape_unhandled.emit()

    # Overview --------------------------------------------------------------

    @property
    def overview_open(self) -> bool:
        """Whether the overview grid is showing."""
        return self.overview.isVisible()

    def thumbnails(self) -> list[QPixmap]:
        """Every pane in its final state, scaled to a thumbnail."""
        width = self.settings.thumbnail_width
        size = QSize(width, max(1, round(width * self.height() / max(1, self.width()))))
        images = []
        for pane in self.panes:
            pane.resize(self.size())
            if pane is not self.current_pane or not pane.animating:
                pane.finish()
            images.append(
                pane.grab().scaled(
                    size,
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        return images

    def _open_from_overview(self, index: int) -> None:
        self.overview.hide()
        self.go(index)

    # Reactions to the state ------------------------------------------------

    def _input(self) -> None:
        self.activity.emit()

    def _close_overlays(self) -> None:
        for overlay in (self.help, self.overview, self.provenance):
            overlay.hide()

    def _on_index(self) -> None:
        self._close_overlays()
        self._source_cursor = -1
        target = self.state.index
        if target == self._shown:
            return
        self._end_slide()
        old = self.pane(self._shown)
        new = self.pane(target)
        if not self._painted:  # wait for the first frame of whatever shows first
            old.removeEventFilter(self)
            new.installEventFilter(self)
        self._direction = 1 if target > self._shown else -1
        self._shown = target
        old.finish()
        new.setGeometry(self.rect())
        slides = self.settings.animates and self.settings.transition_ms > 0 and self.isVisible()
        if slides:
            self._leaving = old
            old.cover()  # it stays still, so its backdrop can go before the new one is drawn
            # Off screen before it is restacked and shown: Qt repaints what lies
            # under where it is then, which would be all of the old pane.
            self._on_slide(0.0)
        new.stackUnder(self.chrome)  # over every other pane, under the chrome and overlays
        new.show()
        new.play()
        if slides:
            new.prepare()  # so that the slide's first frames only copy what is drawn
            self._slide.setDuration(self.settings.transition_ms)
            self._slide.start()
        else:
            old.hide()

    def _on_slide(self, value: object) -> None:
        """Slide the new pane in over the old one, which stays still.

        Qt then repaints only the new pane, and the old one keeps no backdrop.
        """
        if self._leaving is None:
            return
        offset = round(float(value) * self.width()) * self._direction  # type: ignore[arg-type]
        self.current_pane.move(QPoint(self.width() * self._direction - offset, 0))

    def _end_slide(self) -> None:
        """Finish any slide at once: the current pane in place, the old one hidden."""
        self._slide.stop()
        if self._leaving is not None:
            self._leaving.hide()
            self._leaving = None
        self.current_pane.move(0, 0)

    def _on_lang(self) -> None:
        for pane in self.built_panes:  # the others take the language when built
            pane.set_lang(self.state.lang)
        self.help.set_lang(self.state.lang)
        self.provenance.set_lang(self.state.lang)
        if self.overview.isVisible():
            self.overview.open(self.thumbnails(), self.overview.selected, self.state.lang)

    def _on_blanked(self) -> None:
        if self.state.blanked:
            self.blank.setGeometry(self.rect())
            self.blank.show()
            self.blank.raise_()
        else:
            self.blank.hide()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Fit panes, chrome and overlays to the new size."""
        self._end_slide()
        self.current_pane.setGeometry(self.rect())
        self.chrome.place_in(self.width(), self.height())
        for overlay in (self.blank, self.help, self.overview, self.provenance):
            overlay.setGeometry(self.rect())
        self.notice.place_in(self.width(), self.height())
