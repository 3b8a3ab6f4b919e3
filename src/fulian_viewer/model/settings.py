"""Settings that shape how the deck is shown: motion, timing and language."""

from __future__ import annotations

from dataclasses import dataclass, replace

from fulian_viewer.model.numbers import Lang


@dataclass(frozen=True)
class Settings:
    """How the viewer behaves; durations are in milliseconds, 0 means no motion.

    Attributes:
        lang: the language shown at start.
        reduce_motion: show final values at once and cut between panes.
        counter_ms: how long one counter counts up.
        counter_stagger_ms: delay between one counter's start and the next.
        chart_ms: how long bars and rings take to grow.
        transition_ms: how long a slide between panes takes.
        provenance_ms: how long a source panel stays open by itself.
        swipe_px: how far a touch must travel to count as a swipe.
        thumbnail_width: width of a pane thumbnail in the overview, in pixels.
    """

    lang: Lang = "zh"
    reduce_motion: bool = False
    counter_ms: int = 2000
    counter_stagger_ms: int = 180
    chart_ms: int = 1400
    transition_ms: int = 500
    provenance_ms: int = 15000
    swipe_px: int = 40
    thumbnail_width: int = 640

    def without_motion(self) -> Settings:
        """The same settings with every animation turned off."""
        return replace(self, reduce_motion=True)

    @property
    def animates(self) -> bool:
        """Whether counters, charts and transitions move."""
        return not self.reduce_motion

    @property
    def slides(self) -> bool:
        """Whether a move between panes slides (rather than cutting)."""
        return self.animates and self.transition_ms > 0
