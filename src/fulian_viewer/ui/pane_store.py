"""The deck's panes, built when first needed so that the cover shows at once.

A deck starts by building only the pane it shows. Once that pane's first frame
has been painted, :meth:`PaneStore.build_in_background` builds the others one per
event-loop turn, nearest first, pausing while a slide or a count-up runs so that
no frame is delayed. Any pane asked for before its turn (the user pressed a key,
the overview wants thumbnails) is built there and then, so navigation never
depends on how far the background building has got.

Section panes draw charts with pyqtgraph, which takes a while to import; it is
imported with the first section pane, after the cover has been painted.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.model.deck import PaneKind, PaneSpec
from fulian_viewer.model.settings import Settings
from fulian_viewer.system.memory import forget_imported_sources
from fulian_viewer.ui.pane import Pane

BUSY_RETRY_MS = 100
"""How long background building waits while an animation runs."""


def _story_panes() -> ModuleType:
    from fulian_viewer.ui import story_panes

    return story_panes


def _section_pane() -> ModuleType:
    from fulian_viewer.ui import section_pane  # imports pyqtgraph

    forget_imported_sources()  # numpy's and pyqtgraph's, read by PySide6 on import
    return section_pane


PANE_CLASSES: dict[PaneKind, tuple[Callable[[], ModuleType], str]] = {
    "cover": (_story_panes, "CoverPane"),
    "section": (_section_pane, "SectionPane"),
    "scorecard": (_story_panes, "ScorecardPane"),
    "closing": (_story_panes, "ClosingPane"),
}
"""The pane class showing each kind of pane, as (its module, imported on first use;
its name): pyqtgraph is imported with the first section pane, after the cover shows."""


def pane_class(kind: PaneKind) -> type[Pane]:
    """The class of pane that shows ``kind``."""
    module, name = PANE_CLASSES[kind]
    cls: type[Pane] = getattr(module(), name)
    return cls


def make_pane(
    dataset: CurrentDataset, spec: PaneSpec, settings: Settings, parent: QWidget | None = None
) -> Pane:
    """The widget for one pane of the deck."""
    return pane_class(spec.kind)(dataset, spec, settings, parent)


class PaneStore(QObject):
    """The panes of a deck, each built once, on demand or in the background.

    Args:
        dataset: the dataset the panes show.
        specs: the deck's panes in order.
        settings: passed to every pane.
        parent: the widget the panes are children of.
        adopt: called with each new pane (to connect, translate and hide it).

    Signals:
        ready: every pane has been built.
    """

    ready = Signal()

    def __init__(
        self,
        dataset: CurrentDataset,
        specs: tuple[PaneSpec, ...],
        settings: Settings,
        parent: QWidget,
        adopt: Callable[[Pane], None],
    ) -> None:
        super().__init__(parent)
        self._dataset = dataset
        self._specs = specs
        self._settings = settings
        self._parent = parent
        self._adopt = adopt
        self._panes: list[Pane | None] = [None] * len(specs)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.build_next)
        self._busy: Callable[[], bool] = lambda: False
        self._near: Callable[[], int] = lambda: 0

    def __len__(self) -> int:
        return len(self._specs)

    @property
    def specs(self) -> tuple[PaneSpec, ...]:
        """The panes to build, in deck order."""
        return self._specs

    @property
    def complete(self) -> bool:
        """Whether every pane has been built."""
        return all(pane is not None for pane in self._panes)

    def get(self, index: int) -> Pane:
        """Pane ``index``, built now if it has not been yet."""
        pane = self._panes[index]
        if pane is None:
            pane = make_pane(self._dataset, self._specs[index], self._settings, self._parent)
            self._panes[index] = pane
            self._adopt(pane)
            if self.complete:
                self._timer.stop()
                self.ready.emit()
        return pane

    def built(self) -> list[Pane]:
        """The panes built so far, in deck order."""
        return [pane for pane in self._panes if pane is not None]

    def all(self) -> list[Pane]:
        """Every pane, building those not built yet."""
        return [self.get(index) for index in range(len(self))]

    def build_in_background(self, near: Callable[[], int], busy: Callable[[], bool]) -> None:
        """Build the remaining panes one per event-loop turn, nearest to ``near()`` first.

        While ``busy()`` is true (an animation runs) building waits, so frames keep coming.
        """
        self._near, self._busy = near, busy
        if not self.complete:
            self._timer.start(0)

    def stop(self) -> None:
        """Build no more in the background (the store is being dropped)."""
        self._timer.stop()

    def build_next(self) -> None:
        """Build the pane nearest to ``near()`` now, unless busy (then it waits)."""
        missing = [index for index, pane in enumerate(self._panes) if pane is None]
        if not missing:
            return
        if self._busy():
            self._timer.start(BUSY_RETRY_MS)
            return
        here = self._near()
        # The next pane first, then the previous one, and so on outwards.
        self.get(min(missing, key=lambda index: (abs(index - here), index < here)))
        if not self.complete:
            self._timer.start(0)
