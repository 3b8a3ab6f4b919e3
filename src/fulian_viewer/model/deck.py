"""The deck: the ordered panes a report becomes, and the state of showing them.

Qt-free. A :class:`DeckState` holds the current pane, the language and whether
the screen is blanked; views subscribe to it and controllers call its actions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.report import Report, Section

PaneKind = Literal["cover", "section", "scorecard", "closing"]
Event = Literal["index", "lang", "blanked"]


@dataclass(frozen=True)
class PaneSpec:
    """One pane of the deck: its kind and, for a section pane, the section."""

    kind: PaneKind
    section: Section | None = None

    @property
    def key(self) -> str:
        """A stable name for the pane (``cover``, ``section-guidance``…)."""
        return f"section-{self.section.id}" if self.section else self.kind


def build_panes(report: Report) -> tuple[PaneSpec, ...]:
    """Cover, one pane per section, the scorecard (when any metric is on it), closing."""
    panes = [PaneSpec("cover")]
    panes += [PaneSpec("section", section) for section in report.sections]
    if report.scorecard_metrics:
        panes.append(PaneSpec("scorecard"))
    panes.append(PaneSpec("closing"))
    return tuple(panes)


class DeckState:
    """Which pane shows, in which language, and whether the screen is blanked."""

    def __init__(self, pane_count: int, lang: Lang = "zh") -> None:
        if pane_count < 1:
            raise ValueError("a deck needs at least one pane")
        self._count = pane_count
        self._index = 0
        self._lang: Lang = lang
        self._blanked = False
        self._listeners: dict[Event, list[Callable[[], None]]] = {
            "index": [],
            "lang": [],
            "blanked": [],
        }

    @property
    def count(self) -> int:
        """How many panes the deck has."""
        return self._count

    @property
    def index(self) -> int:
        """The current pane, from 0."""
        return self._index

    @property
    def lang(self) -> Lang:
        """The language shown."""
        return self._lang

    @property
    def blanked(self) -> bool:
        """Whether the screen is blanked (``B`` or ``.``)."""
        return self._blanked

    def subscribe(self, event: Event, callback: Callable[[], None]) -> None:
        """Call ``callback`` whenever ``event`` changes."""
        self._listeners[event].append(callback)

    def go(self, index: int) -> None:
        """Show pane ``index`` (clamped to the deck); un-blanks the screen."""
        self.set_blanked(False)
        index = max(0, min(self._count - 1, index))
        if index != self._index:
            self._index = index
            self._emit("index")

    def next(self) -> None:
        """Show the next pane; stays on the last."""
        self.go(self._index + 1)

    def previous(self) -> None:
        """Show the previous pane; stays on the first."""
        self.go(self._index - 1)

    def first(self) -> None:
        """Show the first pane."""
        self.go(0)

    def last(self) -> None:
        """Show the last pane."""
        self.go(self._count - 1)

    def set_lang(self, lang: Lang) -> None:
        """Show the deck in ``lang``."""
        if lang != self._lang:
            self._lang = lang
            self._emit("lang")

    def toggle_lang(self) -> None:
        """Switch between Chinese and English."""
        self.set_lang("en" if self._lang == "zh" else "zh")

    def set_blanked(self, blanked: bool) -> None:
        """Blank the screen or bring it back."""
        if blanked != self._blanked:
            self._blanked = blanked
            self._emit("blanked")

    def toggle_blanked(self) -> None:
        """Blank the screen, or bring it back when blanked."""
        self.set_blanked(not self._blanked)

    def _emit(self, event: Event) -> None:
        for callback in list(self._listeners[event]):
            callback()
