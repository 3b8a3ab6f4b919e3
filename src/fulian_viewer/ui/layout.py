"""Rectangle arithmetic for laying panes out in logical pixels."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from fulian_viewer.ui.theme import Frame

PANE_TOP_MARGIN = 48
"""Logical pixels above every pane's body. A pane places nothing there (only its
background shows), so the deck's notices use this band and cover nothing."""

NOTICE_GAP = 6
"""Logical pixels between a notice's band and a pane's body below it."""


@dataclass(frozen=True)
class Box:
    """A rectangle in logical pixels."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        """The lower edge."""
        return self.y + self.h

    @property
    def right(self) -> float:
        """The right edge."""
        return self.x + self.w

    def inset(
        self,
        left: float,
        top: float | None = None,
        right: float | None = None,
        bottom: float | None = None,
    ) -> Box:
        """The box shrunk by margins (CSS order: one value for all sides)."""
        top = left if top is None else top
        right = left if right is None else right
        bottom = top if bottom is None else bottom
        return Box(
            self.x + left,
            self.y + top,
            max(0.0, self.w - left - right),
            max(0.0, self.h - top - bottom),
        )

    def take_top(self, height: float, gap: float = 0) -> tuple[Box, Box]:
        """Split into a top strip of ``height`` and the rest below a ``gap``."""
        height = min(height, self.h)
        rest = Box(self.x, self.y + height + gap, self.w, max(0.0, self.h - height - gap))
        return Box(self.x, self.y, self.w, height), rest

    def take_bottom(self, height: float, gap: float = 0) -> tuple[Box, Box]:
        """Split into the rest above a ``gap`` and a bottom strip of ``height``."""
        height = min(height, self.h)
        rest = Box(self.x, self.y, self.w, max(0.0, self.h - height - gap))
        return rest, Box(self.x, self.bottom - height, self.w, height)

    def columns(self, fractions: list[float], gap: float) -> list[Box]:
        """Split side by side into widths proportional to ``fractions``."""
        usable = self.w - gap * (len(fractions) - 1)
        total = sum(fractions)
        boxes, x = [], self.x
        for fraction in fractions:
            width = usable * fraction / total
            boxes.append(Box(x, self.y, width, self.h))
            x += width + gap
        return boxes

    def rows(self, fractions: list[float], gap: float) -> list[Box]:
        """Split one above another into heights proportional to ``fractions``."""
        usable = self.h - gap * (len(fractions) - 1)
        total = sum(fractions)
        boxes, y = [], self.y
        for fraction in fractions:
            height = usable * fraction / total
            boxes.append(Box(self.x, y, self.w, height))
            y += height + gap
        return boxes

    def grid(self, count: int, columns: int, gap_x: float, gap_y: float) -> list[Box]:
        """``count`` equal cells, ``columns`` to a row, filling rows top to bottom."""
        if count <= 0:
            return []
        columns = max(1, min(columns, count))
        rows = math.ceil(count / columns)
        cells = []
        for row_box in self.rows([1.0] * rows, gap_y):
            cells.extend(row_box.columns([1.0] * columns, gap_x))
        return cells[:count]


def place(widget: QWidget, box: Box, frame: Frame) -> None:
    """Give ``widget`` the real geometry of a logical ``box``."""
    s = frame.scale
    left, top = round(box.x * s), round(box.y * s)
    old_size = widget.size()
    widget.setGeometry(
        QRect(left, top, max(1, round(box.right * s) - left), max(1, round(box.bottom * s) - top))
    )
    widget.setVisible(box.w > 0 and box.h > 0)
    if widget.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent):
        # A widget of a hidden pane would be told its size only when the pane is
        # shown; what it fits to that size (a figure's or a text's type size) is
        # wanted now, by layouts that make a row of figures alike.
        widget.setAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent, False)
        QCoreApplication.sendEvent(widget, QResizeEvent(widget.size(), old_size))
