"""A pane's count-up: every counter and chart of it, from zero to its final value, eased.

Counters start one after another (``counter_stagger_ms`` apart) and each takes
``counter_ms``; charts grow together over ``chart_ms``. The lengths come from
the settings, so tests set them to 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation

from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.counter import CounterView

if TYPE_CHECKING:
    from fulian_viewer.ui.charts import ChartView  # imports pyqtgraph: only section panes need it

_EASE = QEasingCurve(QEasingCurve.Type.OutCubic)


class CountUp:
    """The count-up of ``counters`` and ``charts`` (lists the pane goes on filling).

    Args:
        owner: the object the animation belongs to (the pane).
        settings: the lengths and stagger, and whether anything moves.
        counters: the pane's counters, in the order they start.
        charts: the pane's charts.

    Attributes:
        animation: the animation behind it; its ``valueChanged`` carries the
            milliseconds elapsed (the benchmarks follow the count-up by it).
    """

    def __init__(
        self,
        owner: QObject,
        settings: Settings,
        counters: Sequence[CounterView],
        charts: Sequence[ChartView],
    ) -> None:
        self.settings = settings
        self.counters = counters
        self.charts = charts
        self.elapsed = float("inf")
        self.animation = QVariantAnimation(owner)
        self.animation.setStartValue(0.0)
        self.animation.valueChanged.connect(self._on_tick)

    @property
    def running(self) -> bool:
        """Whether the count-up is running."""
        return self.animation.state() == QVariantAnimation.State.Running

    def play(self, duration: int) -> None:
        """Count every figure up from zero over ``duration`` ms (or show final values)."""
        self.animation.stop()
        if not self.settings.animates or duration <= 0:
            self.finish()
            return
        self.show_at(0.0)
        self.animation.setDuration(duration)
        self.animation.setEndValue(float(duration))
        self.animation.start()

    def finish(self) -> None:
        """Stop and show every final value."""
        self.animation.stop()
        self.show_at(float("inf"))

    def show_at(self, elapsed: float) -> None:
        """Show the count-up as it stands ``elapsed`` milliseconds in."""
        self.elapsed = elapsed
        settings = self.settings
        for index, counter in enumerate(self.counters):
            start = index * settings.counter_stagger_ms
            counter.set_progress(eased(elapsed - start, settings.counter_ms))
        for chart in self.charts:
            chart.set_progress(eased(elapsed, settings.chart_ms))

    def _on_tick(self, elapsed: object) -> None:
        self.show_at(float(elapsed))  # type: ignore[arg-type]


def eased(elapsed: float, duration: int) -> float:
    """How far (0 to 1, eased out) a motion of ``duration`` ms is ``elapsed`` ms in."""
    if duration <= 0 or elapsed >= duration:
        return 1.0
    if elapsed <= 0:
        return 0.0
    return _EASE.valueForProgress(elapsed / duration)
