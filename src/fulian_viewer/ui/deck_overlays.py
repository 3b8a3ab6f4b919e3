"""What a deck view shows over its panes: blanking, help, overview, sources, pointer.

Which overlay is open is the deck's state (:class:`DeckState`); :class:`DeckOverlays`
builds the overlay widgets over a deck view and shows the one the state says,
following the deck controller's signals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from fulian_viewer.controllers.deck import DeckController
from fulian_viewer.model.dataset import problem_list
from fulian_viewer.ui.overlays import (
    BlankOverlay,
    HelpOverlay,
    LaserDot,
    NoticeBanner,
    ProvenancePanel,
)
from fulian_viewer.ui.overview import OverviewOverlay
from fulian_viewer.ui.staff_overlays import ProblemsOverlay

if TYPE_CHECKING:
    from fulian_viewer.ui.deck_view import DeckView

__all__ = ["DeckOverlays"]


class DeckOverlays(QObject):
    """The overlay widgets of one deck view, shown as the deck's state says.

    Args:
        view: the deck view they cover (their parent).
        controller: the deck's controller.
        screen_state: whether the screen's blanking is drawn (a presenter's copy of
            the audience's view says it in words instead).
    """

    def __init__(self, view: DeckView, controller: DeckController, screen_state: bool) -> None:
        super().__init__(view)
        self.view = view
        self.controller = controller
        self.screen_state = screen_state
        settings = controller.settings
        self.blank = BlankOverlay(view)
        self.help = HelpOverlay(view)
        self.overview = OverviewOverlay(view)
        self.overview.chosen.connect(controller.choose_overview)
        self.provenance = ProvenancePanel(controller.dataset, settings.provenance_ms, view)
        self.provenance.timed_out.connect(controller.close_overlay)
        self.notice = NoticeBanner(settings.provenance_ms * 2, view)
        self.problems = ProblemsOverlay(view)
        self.laser = LaserDot(view)
        for overlay in self.widgets():
            overlay.hide()
        controller.blanked_changed.connect(self._on_blanked)
        controller.overlay_changed.connect(self._on_overlay)
        controller.laser_changed.connect(self._on_laser)

    def widgets(self) -> tuple[QWidget, ...]:
        """Every overlay widget."""
        return (
            self.blank,
            self.help,
            self.overview,
            self.provenance,
            self.notice,
            self.problems,
            self.laser,
        )

    def show_notice(self, text: str) -> None:
        """Show a short notice along the top edge for a while."""
        self.notice.place_in(self.view.width(), self.view.height())
        self.notice.show_text(text)

    def place(self) -> None:
        """Fit the overlays to the view's size."""
        rect = self.view.rect()
        for overlay in (self.blank, self.help, self.overview, self.provenance, self.problems):
            overlay.setGeometry(rect)
        self.controller.overview_columns = self.overview.columns
        self._on_laser()
        self.notice.place_in(self.view.width(), self.view.height())

    def follow_lang(self) -> None:
        """Show the overlays in the deck's language (after its panes: the overview shows them).

        A hidden help card is set when it opens (:meth:`_on_overlay`): setting its
        rows at start-up cost the first frame about 40 ms.
        """
        state = self.controller.state
        if self.help.isVisible():
            self.help.set_lang(state.lang)
        self.provenance.set_lang(state.lang)
        if self.overview.isVisible():
            self.overview.open(self.view.thumbnails(), state.overview_selection, state.lang)

    def _on_overlay(self) -> None:
        """Show the overlay the state says is open, and only that one."""
        state = self.controller.state
        overlay = state.overlay
        for name, widget in (("help", self.help), ("overview", self.overview)):
            if overlay != name:
                widget.hide()
        if overlay != "source":
            self.provenance.hide()
        if overlay != "problems":
            self.problems.hide()
        elif not self.problems.isVisible():
            self.problems.open(state.lang, *problem_list(self.controller.dataset, state.lang))
        if overlay == "help" and not self.help.isVisible():
            self.help.set_lang(state.lang)
            self.help.show()
            self.help.raise_()
        elif overlay == "overview":
            if self.overview.isVisible():
                self.overview.select(state.overview_selection)
            else:
                self.overview.open(self.view.thumbnails(), state.overview_selection, state.lang)
            self.controller.overview_columns = self.overview.columns
        elif overlay == "source" and state.source_metric is not None:
            self.provenance.show_metric(state.source_metric, state.lang)
        if self.laser.isVisible():
            self.laser.raise_()  # the presenter points at the overlay too

    def _on_laser(self) -> None:
        where = self.controller.state.laser
        if where is None:
            self.laser.hide()
            return
        view = self.view
        self.laser.point_at(round(where[0] * view.width()), round(where[1] * view.height()))

    def _on_blanked(self) -> None:
        if self.controller.state.blanked and self.screen_state:
            self.blank.setGeometry(self.view.rect())
            self.blank.show()
            self.blank.raise_()
        else:
            self.blank.hide()
