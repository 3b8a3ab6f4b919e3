"""The deck: the ordered panes a report becomes, and the state of showing them.

Qt-free. :func:`build_panes` turns a report into the deck's pane specs once; a
:class:`DeckState` holds them with the current pane, the language, whether the
screen is blanked and which overlay (help, overview, a figure's source) is open.
Views subscribe to the state and render it; only the deck controller
(:class:`fulian_viewer.controllers.deck.DeckController`) changes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.report import Metric, Report, Section
from fulian_viewer.model.settings import Settings
from fulian_viewer.model.ui_strings import ui_text

PaneKind = Literal["cover", "section", "scorecard", "closing"]
Overlay = Literal["help", "overview", "source", "problems"]
Event = Literal["index", "lang", "blanked", "overlay", "panes", "laser"]
EVENTS: tuple[Event, ...] = ("index", "lang", "blanked", "overlay", "panes", "laser")


@dataclass(frozen=True)
class PaneSpec:
    """One pane of the deck, as the model knows it.

    Attributes:
        kind: which kind of pane shows it.
        section: the section, for a section pane.
        number: a section pane's place among the section panes, from 1 (0 otherwise).
        metrics: the figures that count up on the pane, in their order on it.
        charts: how many charts grow on the pane.
    """

    kind: PaneKind
    section: Section | None = None
    number: int = 0
    metrics: tuple[Metric, ...] = ()
    charts: int = 0

    def part(self, lang: Lang) -> str:
        """The part label of a section pane (``第一部分``); empty for other panes."""
        return part_label(self.number, lang) if self.number else ""

    @property
    def key(self) -> str:
        """A stable name for the pane (``cover``, ``section-guidance``…)."""
        return f"section-{self.section.id}" if self.section else self.kind

    def animation_ms(self, settings: Settings) -> int:
        """How long the pane's count-up takes in all, with ``settings``' durations."""
        stagger = settings.counter_stagger_ms * max(0, len(self.metrics) - 1)
        counting = settings.counter_ms + stagger if self.metrics else 0
        return max(counting, settings.chart_ms if self.charts else 0)


CHINESE_NUMERALS = "一二三四五六七八九十"


def part_label(number: int, lang: Lang) -> str:
    """A section pane's part label: ``第一部分``, ``Part 1``."""
    if lang == "en" or not 1 <= number <= len(CHINESE_NUMERALS):
        return ui_text("part", lang, number=number)
    return ui_text("part", lang, number=CHINESE_NUMERALS[number - 1])


def cover_figure(section: Section) -> Metric | None:
    """The figure the cover shows for ``section``: its first headline one (else its first)."""
    return next(iter(section.headline_metrics or section.metrics), None)


def closing_figure(section: Section) -> Metric | None:
    """The figure the closing shows for ``section``: its last scorecard one (else its last)."""
    on_scorecard = [metric for metric in section.metrics if metric.scorecard]
    chosen = on_scorecard or list(section.metrics)
    return chosen[-1] if chosen else None


def build_panes(report: Report) -> tuple[PaneSpec, ...]:
    """Cover, one pane per section, the scorecard (when any metric is on it), closing.

    The only place where section panes are numbered, and where the cover's and the
    closing's figures (one per section) are chosen.
    """
    panes = [PaneSpec("cover", metrics=_each(report.sections, cover_figure))]
    for number, section in enumerate(report.sections, start=1):
        metrics = section.headline_metrics + section.detail_metrics
        panes.append(PaneSpec("section", section, number, metrics, len(section.charts)))
    if report.scorecard_metrics:
        panes.append(PaneSpec("scorecard", metrics=report.scorecard_metrics))
    panes.append(PaneSpec("closing", metrics=_each(report.sections, closing_figure)))
    return tuple(panes)


def _each(
    sections: tuple[Section, ...], choose: Callable[[Section], Metric | None]
) -> tuple[Metric, ...]:
    return tuple(metric for metric in map(choose, sections) if metric is not None)


class DeckState:
    """The deck's panes and what is shown of them.

    Views subscribe to an event with :meth:`subscribe` (which returns the function
    that unsubscribes) and read the properties; the deck controller changes them.
    """

    def __init__(self, panes: int | tuple[PaneSpec, ...], lang: Lang = "zh") -> None:
        specs = tuple(PaneSpec("cover") for _ in range(panes)) if isinstance(panes, int) else panes
        if len(specs) < 1:
            raise ValueError("a deck needs at least one pane")
        self._specs = specs
        self._index = 0
        self._lang: Lang = lang
        self._blanked = False
        self._overlay: Overlay | None = None
        self._selected = 0
        self._source: Metric | None = None
        self._laser: tuple[float, float] | None = None
        self._listeners: dict[Event, list[Callable[[], None]]] = {event: [] for event in EVENTS}

    @classmethod
    def of_report(cls, report: Report, lang: Lang = "zh") -> DeckState:
        """The state of a deck showing ``report``, on its cover."""
        return cls(build_panes(report), lang)

    @property
    def specs(self) -> tuple[PaneSpec, ...]:
        """Every pane of the deck, in order."""
        return self._specs

    @property
    def count(self) -> int:
        """How many panes the deck has."""
        return len(self._specs)

    @property
    def index(self) -> int:
        """The current pane, from 0."""
        return self._index

    @property
    def spec(self) -> PaneSpec:
        """The current pane's spec."""
        return self._specs[self._index]

    @property
    def lang(self) -> Lang:
        """The language shown."""
        return self._lang

    @property
    def blanked(self) -> bool:
        """Whether the screen is blanked (``B`` or ``.``)."""
        return self._blanked

    @property
    def overlay(self) -> Overlay | None:
        """Which overlay covers the deck, if any."""
        return self._overlay

    @property
    def overview_selection(self) -> int:
        """The pane selected in the overview."""
        return self._selected

    @property
    def source_metric(self) -> Metric | None:
        """The figure whose source the source overlay shows."""
        return self._source

    @property
    def laser(self) -> tuple[float, float] | None:
        """Where the presenter's laser dot is, as fractions of the pane's width and height."""
        return self._laser

    def set_laser(self, where: tuple[float, float] | None) -> None:
        """Show the laser dot at ``where`` (fractions, clamped to the pane), or hide it."""
        if where is not None:
            where = (min(1.0, max(0.0, where[0])), min(1.0, max(0.0, where[1])))
        if where != self._laser:
            self._laser = where
            self._emit("laser")

    def subscribe(self, event: Event, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` whenever ``event`` changes; returns the unsubscriber."""
        self._listeners[event].append(callback)

        def unsubscribe() -> None:
            if callback in self._listeners[event]:
                self._listeners[event].remove(callback)

        return unsubscribe

    def go(self, index: int) -> None:
        """Show pane ``index`` (clamped to the deck); un-blanks and closes overlays."""
        self.set_blanked(False)
        index = max(0, min(self.count - 1, index))
        if index != self._index:
            self._index = index
            self.set_overlay(None)
            self._emit("index")

    def set_specs(self, specs: tuple[PaneSpec, ...], index: int) -> None:
        """Show other panes (the data was reloaded), pane ``index`` of them.

        Closes any overlay (a figure's source may be gone) and emits ``panes``,
        not ``index``: the panes are new, so there is nothing to slide from.
        """
        if not specs:
            raise ValueError("a deck needs at least one pane")
        self._specs = specs
        self._index = max(0, min(len(specs) - 1, index))
        self._selected = min(self._selected, len(specs) - 1)
        self._source = None
        self._overlay = None
        self._emit("overlay")
        self._emit("panes")

    def set_lang(self, lang: Lang) -> None:
        """Show the deck in ``lang``."""
        if lang != self._lang:
            self._lang = lang
            self._emit("lang")

    def set_blanked(self, blanked: bool) -> None:
        """Blank the screen or bring it back."""
        if blanked != self._blanked:
            self._blanked = blanked
            self._emit("blanked")

    def set_overlay(
        self, overlay: Overlay | None, *, selection: int | None = None, metric: Metric | None = None
    ) -> None:
        """Open ``overlay`` (None closes any); the overview's selection, the source's figure."""
        changed = overlay != self._overlay
        if selection is not None:
            selection = max(0, min(self.count - 1, selection))
            changed |= selection != self._selected
            self._selected = selection
        if metric is not None:
            changed |= metric is not self._source
            self._source = metric
        self._overlay = overlay
        if changed or overlay == "source":  # the same figure again restarts its timer
            self._emit("overlay")

    def _emit(self, event: Event) -> None:
        for callback in list(self._listeners[event]):
            callback()
