"""Immutable model of a report: deck metadata, sections, metrics and charts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from fulian_viewer.model.numbers import Figure, Lang

ChartType = Literal["bar", "hbar", "ring"]
CHART_TYPES: tuple[ChartType, ...] = ("bar", "hbar", "ring")


@dataclass(frozen=True)
class Text:
    """A string in Chinese and English."""

    zh: str
    en: str

    def __call__(self, lang: Lang) -> str:
        """The text in ``lang``, falling back to Chinese when no English is given."""
        return self.en if lang == "en" and self.en else self.zh


@dataclass(frozen=True)
class Metric:
    """One figure the report states.

    Attributes:
        id: stable identifier, unique in the report.
        section_id: the section the figure belongs to.
        label: what the figure counts.
        value: the figure in base units (6.6万 is 66000, 97.49亿 is 9749000000).
        unit: the unit of measure (场次, 人次, 元, %…); charts only put
            metrics of one unit on an axis.
        unit_en: the English unit word (``sessions``, ``yuan``, ``%``).
        figure: the display text as the report prints it, parsed.
        headline: shown large on its section's pane.
        scorecard: shown on the closing scorecard pane.
        source: the report's sentence the figure comes from, verbatim.
    """

    id: str
    section_id: str
    label: Text
    value: Decimal
    unit: str
    unit_en: str
    figure: Figure
    headline: bool
    scorecard: bool
    source: str

    @property
    def display(self) -> str:
        """The figure exactly as the report prints it (``97.49亿元``)."""
        return self.figure.text

    @property
    def qualifier(self) -> str:
        """``余``, ``多``, ``超``… when the report qualifies the figure, else ``""``."""
        return self.figure.any_qualifier


@dataclass(frozen=True)
class Chart:
    """A chart of metrics that share one unit."""

    id: str
    section_id: str
    order: int
    type: ChartType
    title: Text
    metrics: tuple[Metric, ...]

    @property
    def unit(self) -> str:
        """The unit all of the chart's metrics share."""
        return self.metrics[0].unit if self.metrics else ""


@dataclass(frozen=True)
class Section:
    """One ``###`` section of the report."""

    id: str
    order: int
    title: Text
    subtitle: Text
    summary: Text
    metrics: tuple[Metric, ...]
    charts: tuple[Chart, ...]

    @property
    def headline_metrics(self) -> tuple[Metric, ...]:
        """Metrics shown large on the section's pane."""
        return tuple(m for m in self.metrics if m.headline)

    @property
    def detail_metrics(self) -> tuple[Metric, ...]:
        """Metrics shown small on the section's pane."""
        return tuple(m for m in self.metrics if not m.headline)

    @property
    def heading(self) -> str:
        """The Chinese heading exactly as the report prints it."""
        return f"{self.title.zh} {self.subtitle.zh}".strip()


@dataclass(frozen=True)
class Deck:
    """Report-level metadata: title, subtitle, framing and credits."""

    entries: tuple[tuple[str, Text], ...] = ()

    def text(self, key: str) -> Text | None:
        """The entry ``key`` in both languages, or None when absent."""
        return next((text for name, text in self.entries if name == key), None)

    def get(self, key: str, lang: Lang, default: str = "") -> str:
        """The entry ``key`` in ``lang``, or ``default`` when absent."""
        entry = self.text(key)
        return entry(lang) if entry else default


@dataclass(frozen=True)
class PaneNotes:
    """A speaker's notes for one pane (the ``notes`` table's row).

    Attributes:
        pane: the pane's key (``cover``, ``section-guidance``, ``scorecard``, ``closing``).
        text: the notes in both languages (either may be empty).
        target_seconds: how long the speaker means to stay on the pane, if said.
    """

    pane: str
    text: Text
    target_seconds: float | None = None


@dataclass(frozen=True)
class Report:
    """A whole report ready to show."""

    deck: Deck
    sections: tuple[Section, ...]
    source_text: str
    notes: tuple[PaneNotes, ...] = ()

    def notes_for(self, pane: str) -> PaneNotes | None:
        """The speaker's notes for the pane keyed ``pane``, if any were written."""
        return next((n for n in self.notes if n.pane == pane), None)

    @property
    def metrics(self) -> tuple[Metric, ...]:
        """Every metric, in section order."""
        return tuple(m for s in self.sections for m in s.metrics)

    @property
    def charts(self) -> tuple[Chart, ...]:
        """Every chart, in section order."""
        return tuple(c for s in self.sections for c in s.charts)

    @property
    def scorecard_metrics(self) -> tuple[Metric, ...]:
        """Metrics gathered on the scorecard pane, in section order."""
        return tuple(m for m in self.metrics if m.scorecard)

    def section_of(self, metric: Metric) -> Section:
        """The section a metric belongs to."""
        return next(s for s in self.sections if s.id == metric.section_id)
