"""The pyqtgraph internals our charts lean on for speed, in one place.

pyqtgraph has no public way to draw an axis into another painter, to hear that
an axis must be drawn again, to read its range and tick font, or to settle a
scene's layout before the first paint. Each of those is done here and nowhere
else, so that a pyqtgraph upgrade is checked against this one module (and its
tests in ``tests/ui/test_charts.py`` and ``tests/ui/test_paint_caches.py``).
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QPainter, QPicture


class WatchedAxis(pg.AxisItem):  # type: ignore[misc]
    """An axis that says when pyqtgraph forgets its drawing.

    pyqtgraph drops an axis's recorded drawing (its private ``picture``) whenever
    its ticks, range, size or style change; :attr:`changed` is called then.
    """

    def __init__(self, orientation: str) -> None:
        self.changed: Callable[[], None] | None = None
        super().__init__(orientation)

    @property
    def picture(self) -> QPicture | None:
        """Pyqtgraph's recorded drawing of the axis, or ``None`` when it must be redone."""
        return self.__dict__.get("_picture")

    @picture.setter
    def picture(self, value: QPicture | None) -> None:
        self.__dict__["_picture"] = value
        if value is None and self.__dict__.get("changed") is not None:
            self.changed()  # type: ignore[misc]


def forget_drawing(axis: WatchedAxis) -> None:
    """Make pyqtgraph draw ``axis`` anew (its labels' language changed)."""
    axis.picture = None
    axis.update()


def draw_axis(axis: pg.AxisItem, painter: QPainter) -> None:
    """Draw ``axis`` with ``painter`` as pyqtgraph paints it in its scene."""
    axis.paint(painter, None, None)


def measure_axis(axis: pg.AxisItem) -> None:
    """Let ``axis`` size itself to its tick labels (pyqtgraph does it while drawing)."""
    scratch = QPicture()
    painter = QPainter(scratch)
    draw_axis(axis, painter)
    painter.end()


def axis_signature(axis: pg.AxisItem) -> tuple[object, ...]:
    """What an axis's drawing depends on besides its ticks: range and tick font size."""
    font = axis.style["tickFont"]
    return (tuple(axis.range), font.pixelSize() if font else None)


def settle_scene(plot: pg.GraphicsLayoutWidget) -> None:
    """Run pyqtgraph's posted layout and the view transform it fixes on the first paint."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    prepare_for_paint(plot)


def prepare_for_paint(plot: pg.GraphicsLayoutWidget) -> None:
    """Let pyqtgraph update its views' transforms, as it does before painting."""
    plot.scene().prepareForPaint()
