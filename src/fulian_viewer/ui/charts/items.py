"""What moves on a chart, and the names beside it, painted by one item in device pixels.

Every item in a pyqtgraph scene costs the view a share of each frame (finding,
sorting and bounding it, a Python call to paint it), whether or not it changed: a
chart of three rings with figures and names was nine items and cost more than the
rings' own drawing. So each chart has one :class:`PixelLayer` over the whole view
range: it maps the data points it needs to pixels and draws at the real pixel
size, from images drawn once:

- figures with the counters' character images (:class:`TabularText`), every digit
  in a cell of one width, so counting never jitters;
- names (:class:`NameImage`) wrapped to a width and drawn once per size and text.

The images are dropped by :meth:`PixelLayer.clear` when the chart is hidden.
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTransform

from fulian_viewer.ui.counter import TabularText
from fulian_viewer.ui.line_breaks import Line
from fulian_viewer.ui.text import device_image, ink_margin
from fulian_viewer.ui.typeset import draw_lines, lines_bounds, set_lines

Anchor = tuple[float, float]
"""Which point of a text sits on its position: (0, 0) top left, (1, 1) bottom right."""


def anchored(point: QPointF, width: float, height: float, anchor: Anchor) -> QPointF:
    """The top left corner of a ``width x height`` box whose ``anchor`` is at ``point``."""
    return QPointF(point.x() - anchor[0] * width, point.y() - anchor[1] * height)


def draw_figure(
    painter: QPainter, drawer: TabularText, text: str, point: QPointF, anchor: Anchor
) -> None:
    """Draw the figure ``text`` with its ``anchor`` at ``point`` (device pixels)."""
    corner = anchored(point, drawer.width(text), drawer.height, anchor)
    drawer.draw(painter, corner.x(), corner.y() + drawer.ascent, text)


class NameImage:
    """A name in one colour, wrapped to a width and centred or left-aligned, drawn once."""

    def __init__(self, color: QColor, centred: bool = True) -> None:
        self._color = color
        self._align = Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
        self.text = ""
        self.font = QFont()
        self._width: float | None = None
        self._size = (0.0, 0.0)
        self._lines: list[Line] = []
        self._image: QImage | None = None

    def set(self, text: str, font: QFont, width: float | None = None) -> None:
        """Show ``text`` in ``font``, wrapped at ``width`` pixels (``None``: one line)."""
        if (text, font, width) == (self.text, self.font, self._width):
            return
        self.text, self.font, self._width = text, font, width
        self._image = None
        self._lines = set_lines(font, text, width)
        room = QRectF(0, 0, width or 1_000_000.0, 1_000_000.0)
        bounds = lines_bounds(font, text, self._lines, "body", room, self._align)
        self._size = (bounds.width() if width is None else width, bounds.height())

    @property
    def color(self) -> QColor:
        """The name's colour."""
        return self._color

    @property
    def size(self) -> tuple[float, float]:
        """Width and height of the name's box in pixels."""
        return self._size

    def clear(self) -> None:
        """Forget the drawn name (it is drawn again when next needed)."""
        self._image = None

    def draw(self, painter: QPainter, point: QPointF, anchor: Anchor) -> None:
        """Copy the name with its box's ``anchor`` at ``point`` (device pixels)."""
        if not self.text:
            return
        margin = ink_margin(self.font)
        ratio = painter.device().devicePixelRatioF()
        if self._image is None or self._image.devicePixelRatio() != ratio:
            self._image = self._draw(ratio)
        corner = anchored(point, *self._size, anchor)
        painter.drawImage(corner - QPointF(margin, margin), self._image)

    def _draw(self, ratio: float) -> QImage:
        width, height = self._size
        margin = ink_margin(self.font)
        image = device_image(width + 2 * margin, height + 2 * margin, ratio)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font)
        painter.setPen(self._color)
        box = QRectF(margin, margin, width, height)
        draw_lines(painter, self.font, self.text, self._lines, "body", box, self._align)
        painter.end()
        return image


class PixelLayer(pg.GraphicsObject):  # type: ignore[misc]
    """One item over a chart's whole view range that draws in device pixels.

    Subclasses implement :meth:`draw` for what moves and :meth:`draw_static` for
    what does not, given the painter (reset to device pixels) and the transform
    from data coordinates to those pixels. The static part can be handed to a
    backdrop (:meth:`draw_static_on_backdrop`), which then draws it once.
    """

    NAME_ANCHOR: Anchor = (0.5, 0.0)
    """Which point of a name's box sits on its :meth:`name_point`."""

    def __init__(self) -> None:
        super().__init__()
        self._bounds = QRectF(0, 0, 1, 1)
        self._on_backdrop: Callable[[], None] | None = None
        self._on_moved: Callable[[], None] | None = None
        self.names: list[NameImage] = []

    def set_bounds(self, bounds: QRectF) -> None:
        """Cover ``bounds`` (data coordinates): the view's whole range."""
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(bounds)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        """The view range given to :meth:`set_bounds`."""
        return self._bounds

    def paint(self, painter: QPainter, *args: object) -> None:
        """Draw in device pixels (what does not move too, unless a backdrop holds it)."""
        self._draw_in_pixels(painter, painter.worldTransform(), self._on_backdrop is None)

    def _draw_in_pixels(self, painter: QPainter, to_device: QTransform, static: bool) -> None:
        """Draw with the painter reset to device pixels, ``to_device`` mapping data to them."""
        if not to_device.isInvertible():
            return
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if static:
            self.draw_static(painter, to_device)
        self.draw(painter, to_device)
        painter.restore()

    def refresh(self) -> None:
        """Repaint the layer in the same frame as the widgets around it.

        ``QGraphicsItem.update()`` marks the item dirty for the scene, which turns
        that into a repaint of the view one event-loop turn later: every animation
        tick then painted the window twice, 2-4 ms apart. The layer covers the
        whole view, so asking the view's viewport to repaint is the same repaint,
        made with the widgets' own. When an ancestor paints the layer
        (:meth:`paint_by`), it is told instead.
        """
        if self._on_moved is not None:
            self._on_moved()
            return
        scene = self.scene()
        if scene is None:
            return
        for view in scene.views():
            view.viewport().update()

    def paint_by(self, moved: Callable[[], None]) -> None:
        """Let an ancestor paint what moves (:meth:`draw_moving`), calling ``moved`` on changes."""
        self._on_moved = moved

    def draw_moving(self, painter: QPainter) -> None:
        """Draw what moves, the top left corner of the view showing the layer at the origin."""
        self._draw_in_pixels(painter, self.to_view() * painter.worldTransform(), static=False)

    def draw_static_on_backdrop(self, changed: Callable[[], None]) -> None:
        """Leave the static part to a backdrop; ``changed`` is called when it must be redrawn."""
        self._on_backdrop = changed
        self.update()

    def static_changed(self) -> None:
        """The static part may have changed or moved: the backdrop holding it checks."""
        if self._on_backdrop is not None:
            self._on_backdrop()

    def draw_static_onto(self, painter: QPainter, offset: QPointF) -> None:
        """Draw the static part onto a backdrop where the view's top left corner is ``offset``.

        The layer keeps no images afterwards: the backdrop holds them.
        """
        to_backdrop = self.to_view() * QTransform.fromTranslate(offset.x(), offset.y())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.draw_static(painter, to_backdrop)
        painter.restore()
        self.clear()

    def to_view(self) -> QTransform:
        """The transform from data coordinates to the coordinates of the view showing them."""
        views = self.scene().views() if self.scene() is not None else []
        if not views:
            return QTransform()
        transform: QTransform = self.deviceTransform(views[0].viewportTransform())
        return transform

    def draw(self, painter: QPainter, to_device: QTransform) -> None:
        """Draw what moves; ``to_device`` maps data coordinates to the painter's pixels."""

    def draw_static(self, painter: QPainter, to_device: QTransform) -> None:
        """Draw what does not move as the figures count (nothing, unless overridden)."""

    def static_signature(self) -> tuple[object, ...]:
        """What :meth:`draw_static` draws from, besides the view's transform."""
        return ()

    def name_point(self, index: int) -> QPointF:
        """Where name ``index``'s :attr:`NAME_ANCHOR` sits (data coordinates)."""
        raise NotImplementedError

    def draw_names(self, painter: QPainter, to_device: QTransform) -> None:
        """Copy every name to its place."""
        for index, name in enumerate(self.names):
            name.draw(painter, to_device.map(self.name_point(index)), self.NAME_ANCHOR)

    def figure_rects(self) -> list[QRectF]:
        """Each figure's box in the coordinates of the view showing it (none, unless overridden)."""
        return []

    def name_rects(self) -> list[QRectF]:
        """Each name's box in the coordinates of the view showing it."""
        to_view = self.to_view()
        return [
            QRectF(
                anchored(to_view.map(self.name_point(i)), *name.size, self.NAME_ANCHOR),
                QSizeF(*name.size),
            )
            for i, name in enumerate(self.names)
        ]

    def prepare(self, characters: str, ratio: float) -> None:
        """Draw the figures' ``characters`` now rather than when first shown."""

    def clear(self) -> None:
        """Drop the drawn names (and whatever else a subclass keeps) while hidden."""
        for name in self.names:
            name.clear()
