"""The tour: how long each pane shows when the deck plays by itself, and its timeline.

Qt-free. The kiosk's autoplay and the video export both take each pane's dwell
from :class:`TourDwell` (the configuration's ``dwell_seconds`` and
``section_dwell_seconds``, else the dataset's ``dwell_seconds``, else the
default; never shorter than the pane's count-up plus :data:`READING_MS`).
:class:`TourTimeline` lays one pass of the tour out on a clock of milliseconds:
pane ``i`` comes in at :meth:`TourTimeline.arrival` ``(i)``, as autoplay moves on.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from fulian_viewer.model.config import DEFAULT_DWELL_SECONDS, KioskConfig
from fulian_viewer.model.deck import PaneSpec
from fulian_viewer.model.report import Report
from fulian_viewer.model.settings import Settings

READING_MS = 4000
"""Time to read a pane once its figures have counted up."""


def dwell_seconds(config: KioskConfig, dataset_dwell: str) -> float:
    """The tour's dwell: the configuration's, else the dataset's, else the default."""
    if config.dwell_seconds is not None:
        return config.dwell_seconds
    try:
        value = float(dataset_dwell)
    except ValueError:
        return DEFAULT_DWELL_SECONDS
    return value if 3 <= value <= 3600 else DEFAULT_DWELL_SECONDS


def pane_dwell_ms(
    spec: PaneSpec, settings: Settings, dwell_ms: int, section_dwell_ms: Mapping[str, int]
) -> int:
    """How long the pane ``spec`` shows: its configured dwell, or longer for a long count-up."""
    dwell = dwell_ms
    if spec.section is not None:
        dwell = section_dwell_ms.get(spec.section.id, dwell)
    return max(dwell, spec.animation_ms(settings) + READING_MS)


@dataclass(frozen=True)
class TourDwell:
    """The configured dwell of the tour's panes, in milliseconds.

    Attributes:
        dwell_ms: every pane's dwell, unless its section has its own.
        section_dwell_ms: the dwell of a section's pane, by section id.
    """

    dwell_ms: int
    section_dwell_ms: Mapping[str, int] = field(default_factory=dict, hash=False)

    @classmethod
    def of(cls, config: KioskConfig, report: Report) -> TourDwell:
        """The dwell a kiosk with ``config`` gives the panes of ``report``."""
        dwell = dwell_seconds(config, report.deck.get("dwell_seconds", "zh"))
        return cls(
            round(dwell * 1000),
            {
                section.id: round(config.dwell_for(section.id, dwell) * 1000)
                for section in report.sections
            },
        )

    def pane_ms(self, spec: PaneSpec, settings: Settings) -> int:
        """How long the pane ``spec`` shows."""
        return pane_dwell_ms(spec, settings, self.dwell_ms, self.section_dwell_ms)


@dataclass(frozen=True)
class TourTimeline:
    """One pass of the tour, cover to closing, on a clock of milliseconds from 0.

    Attributes:
        dwells_ms: each pane's dwell, in deck order (at least one pane).
        transition_ms: how long the slide into a pane takes (0 when panes cut).
        loop: the pass ends sliding back into the cover, for a player that loops:
            it starts once the cover has slid in (:attr:`start_ms`) and ends as the
            cover slides in again, so that its last frame leads into its first.
    """

    dwells_ms: Sequence[int]
    transition_ms: int = 0
    loop: bool = False

    def __post_init__(self) -> None:
        if not self.dwells_ms or min(self.dwells_ms) <= 0:
            raise ValueError("a tour needs at least one pane, each shown for some time")

    @property
    def start_ms(self) -> int:
        """When the recorded pass begins on the tour's clock."""
        return self.transition_ms if self.loop else 0

    @property
    def duration_ms(self) -> int:
        """How long one pass takes: every pane's dwell (a slide is part of its pane's)."""
        return sum(self.dwells_ms)

    def arrival(self, index: int) -> int:
        """When pane ``index`` comes in (its slide starts and its dwell begins)."""
        return sum(self.dwells_ms[:index])

    def frame_count(self, fps: int) -> int:
        """How many frames one pass takes at ``fps``."""
        return round(self.duration_ms * fps / 1000)

    def frame_time(self, frame: int, fps: int) -> float:
        """The tour's clock at ``frame`` (from 0): the frame shows the state at that moment."""
        return self.start_ms + frame * 1000 / fps

    def last_frame_of(self, index: int, fps: int) -> int:
        """The last frame before pane ``index``'s dwell ends (when the next pane comes in)."""
        end = self.arrival(index + 1) - self.start_ms
        return min(self.frame_count(fps), math.ceil(end * fps / 1000)) - 1
