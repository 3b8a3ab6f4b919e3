"""Animated pyqtgraph charts built from the dataset's chart definitions."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fulian_viewer.model.report import Chart
from fulian_viewer.ui.charts.bars import BarChartView
from fulian_viewer.ui.charts.base import ChartView
from fulian_viewer.ui.charts.rings import RingChartView

__all__ = ["BarChartView", "ChartView", "RingChartView", "chart_view"]


def chart_view(chart: Chart, parent: QWidget | None = None) -> ChartView:
    """The view for a chart definition."""
    if chart.type == "ring":
        return RingChartView(chart, parent)
    return BarChartView(chart, parent)
