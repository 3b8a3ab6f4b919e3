"""A block of plain text that shrinks its font until it fits its box, never clipping.

Text from the data is drawn with ``QPainter.drawText``, which never interprets
markup, so a label such as ``<img src=…>`` shows literally.

A block draws its text once into an image and then only copies the image: laying
out and drawing Chinese text on every frame of an animation cost up to a
millisecond a block. The image is dropped when the text, its size or the box
changes, and when the block is hidden, so hidden panes hold no images.

A pane goes one step further with its blocks (:meth:`TextBlock.draw_on_backdrop`):
it draws them into the backdrop it copies on every frame anyway, so a frame no
longer blends each text over it. At 3840x2160 that blending cost about a
millisecond a frame, the destination having just been overwritten by the backdrop.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QWidget

from fulian_viewer.ui.fonts import display_font, font_for
from fulian_viewer.ui.line_breaks import Line, Style
from fulian_viewer.ui.typeset import (
    balanced_width,
    block_height,
    draw_lines,
    fitted_font,
    lines_bounds,
    set_lines,
)

BAND_BYTES = 1024 * 1024
"""The most a text drawn onto a backdrop is drawn in at a time (an image of whole rows).

A heading at 3840x2160 covers up to 3 MB of pixels; drawn in one image beside the
pane's backdrop, it raised the peak by that much. Drawn in bands of rows at whole
device pixels, the pixels come out the same.
"""
BAND_SPARE = 16
"""Rows drawn above and below each band and not copied (see :meth:`TextBlock.draw_onto`)."""


class _Layout(NamedTuple):
    """A block's text set in its box: the lines, the box, the area its ink covers."""

    lines: list[Line]
    box: QRectF
    area: QRect
    ratio: float


def device_image(width: float, height: float, ratio: float, transparent: bool = True) -> QImage:
    """An image of ``width x height`` logical pixels at device pixel ratio ``ratio``.

    Cached drawings are made on these and copied to the screen pixel for pixel.
    A ``transparent`` image starts clear; otherwise the caller paints every pixel.
    """
    image = QImage(
        max(1, round(width * ratio)),
        max(1, round(height * ratio)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(ratio)
    if transparent:
        image.fill(Qt.GlobalColor.transparent)
    return image


def device_rect(rect: QRect, ratio: float) -> QRect:
    """``rect`` (logical pixels) in the device pixels of an image at ``ratio``."""
    if ratio == 1.0:
        return rect
    x, y, width, height = rect.x(), rect.y(), rect.width(), rect.height()
    return QRectF(x * ratio, y * ratio, width * ratio, height * ratio).toAlignedRect()


def ink_margin(font: QFont) -> float:
    """Room to leave around a text's box when drawing it into an image.

    Glyphs may reach past their advance and their line: a stroke's antialiased edge,
    an italic overhang, a full-width quotation mark's tail.
    """
    return font.pixelSize() / 4 + 2


class TextBlock(QWidget):
    """Plain text in one colour, wrapped or on one line, fitted to the widget's box."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        color: QColor,
        bold: bool = False,
        wrap: bool = True,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        style: Style = "body",
    ) -> None:
        super().__init__(parent)
        self._text = ""
        self._style: Style = style
        self._color = color
        self._bold = bold
        self._wrap = wrap
        self._align = align
        self._size = 32
        self._minimum = 12
        self._font = display_font(self._size, bold)
        self._fits = True
        self._image: QImage | None = None
        self._image_at = QPoint()
        self._on_backdrop: Callable[[], None] | None = None
        self._on_backdrop_now = False  # whether the backdrop was last drawn with it
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    @property
    def text(self) -> str:
        """The text shown."""
        return self._text

    @property
    def color(self) -> QColor:
        """The text's colour."""
        return self._color

    @property
    def text_style(self) -> Style:
        """What the text is set as: display, heading or body (its leading and contrast)."""
        return self._style

    @property
    def fits(self) -> bool:
        """Whether the whole text fits the box (False means it would be clipped)."""
        return self._fits

    @property
    def font_pixel_size(self) -> int:
        """The pixel size the text is drawn at after fitting."""
        return self._font.pixelSize()

    def set_text(self, text: str) -> None:
        """Show ``text`` (plain text; markup shows literally)."""
        self._text = text
        self.setAccessibleName(text)
        self._refit()

    def set_font_size(self, size: int, minimum: int) -> None:
        """Draw at ``size`` pixels, shrinking no further than ``minimum`` to fit."""
        self._size, self._minimum = size, minimum
        self._refit()

    def needed_height(self, width: int, cap: float | None = None) -> int:
        """Height the text needs at its largest size for ``width``.

        With ``cap``, a text taller than that is shrunk to fit ``width x cap``, and
        the height it then takes is returned, which may be well under ``cap``.
        """
        font = font_for(self._text, self._size, self._bold)
        height = self._height_in(font, width)
        if cap is not None and height > cap:
            font, _ = fitted_font(
                self._text,
                width,
                cap,
                self._size,
                self._minimum,
                self._bold,
                self._wrap,
                self._style,
            )
            height = min(cap, self._height_in(font, width))
        return int(height + 1)

    def _height_in(self, font: QFont, width: int) -> float:
        lines = set_lines(font, self._text, max(width, 1) if self._wrap else None)
        return block_height(font, self._text, len(lines), self._style)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Refit the font to the new box."""
        self._refit()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Drop the drawn text while hidden."""
        self._image = None
        if self._on_backdrop_now:
            self._backdrop_changed()

    def moveEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Tell the backdrop holding the text that it moved."""
        self._backdrop_changed()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Tell the backdrop that the text reappeared, unless it already holds it."""
        if not self._on_backdrop_now:
            self._backdrop_changed()

    def ancestor_moved(self) -> None:
        """The widget holding this block moved, and the block with it."""
        self._backdrop_changed()

    def prepare(self) -> None:
        """Draw the text now rather than when it is first painted."""
        if self._image is None and self._text and self._on_backdrop is None:
            self._image = self._draw()

    def draw_on_backdrop(self, changed: Callable[[], None]) -> None:
        """Let an ancestor draw this text into its backdrop instead of painting it.

        ``changed`` is called whenever the text, its font, its box or its
        visibility changes, so the backdrop is drawn again. The block itself then
        gets no paint events.
        """
        self._on_backdrop = changed
        self.setUpdatesEnabled(False)
        self._image = None
        self.update()

    def draw_onto(self, painter: QPainter, origin: QPoint) -> None:
        """Draw the text onto a backdrop, the block's top left corner at ``origin``.

        The block keeps no image afterwards: the backdrop holds the text. A large
        text is drawn in bands of rows (:data:`BAND_BYTES`), at whole device pixels.
        """
        self._on_backdrop_now = True
        if not self._text:
            return
        layout = self._layout()
        area, ratio = layout.area, layout.ratio
        row_bytes = 4 * max(1.0, area.width() * ratio) * ratio
        rows = area.height()
        if ratio.is_integer() and rows * row_bytes > BAND_BYTES:  # whole device pixels only
            rows = max(2 * BAND_SPARE, int(BAND_BYTES / row_bytes) - 2 * BAND_SPARE)
        for top in range(area.top(), area.bottom() + 1, rows):
            band = QRect(area.left(), top, area.width(), min(rows, area.bottom() + 1 - top))
            # Drawn with rows to spare: glyphs cut by an image's edge come out a
            # level apart in the rows next to it.
            drawn = band.adjusted(0, -BAND_SPARE, 0, BAND_SPARE) & area
            image = self._draw_area(layout, drawn)
            part = band.translated(-drawn.topLeft())
            painter.drawImage(origin + band.topLeft(), image, device_rect(part, ratio))
            del image  # before the next band's image is made

    def left_off_backdrop(self) -> None:
        """The backdrop was drawn without this block (it was hidden)."""
        self._on_backdrop_now = False

    def _backdrop_changed(self) -> None:
        if self._on_backdrop is not None:
            self._on_backdrop()

    def _refit(self) -> None:
        self._image = None
        self._backdrop_changed()
        self._font, self._fits = fitted_font(
            self._text,
            self.width(),
            self.height(),
            self._size,
            self._minimum,
            self._bold,
            self._wrap,
            self._style,
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Copy the drawn text, drawing it first if needed."""
        if not self._text or self._on_backdrop is not None:
            return
        if self._image is None:
            self._image = self._draw()
        painter = QPainter(self)
        painter.drawImage(self._image_at, self._image)
        painter.end()

    def _text_box(self) -> QRect:
        """Where the text is laid out: the box, narrowed so that no last line is left short."""
        box = QRect(0, 0, self.width(), self.height())
        if not self._wrap or not self._text:
            return box
        width = math.ceil(balanced_width(self._font, self._text, box.width()))
        if width >= box.width():
            return box
        if self._align & Qt.AlignmentFlag.AlignHCenter:
            box.setLeft((box.width() - width) // 2)
        elif self._align & Qt.AlignmentFlag.AlignRight:
            box.setLeft(box.width() - width)
        box.setWidth(width)
        return box

    def _draw(self) -> QImage:
        """The text drawn on a transparent image of the part of the box it covers."""
        layout = self._layout()
        self._image_at = layout.area.topLeft()
        return self._draw_area(layout, layout.area)

    def _layout(self) -> _Layout:
        """The text set in its box, and the part of the box its ink covers."""
        box = self._text_box()
        lines = set_lines(self._font, self._text, box.width() if self._wrap else None)
        args = (self._font, self._text, lines, self._style, QRectF(box), self._align)
        bounds = lines_bounds(*args)
        margin = int(ink_margin(self._font))  # whole pixels: the image is copied unscaled
        # The ink may pass the box by the margin: Noto Sans CJK's line leaves Latin
        # descenders (g, y) a few pixels short, which a box one line high cut off.
        whole = QRect(0, 0, self.width(), self.height()).adjusted(-margin, -margin, margin, margin)
        area = bounds.toAlignedRect().adjusted(-margin, -margin, margin, margin) & whole
        return _Layout(lines, QRectF(box), area, self.devicePixelRatioF())

    def _draw_area(self, layout: _Layout, area: QRect) -> QImage:
        """The part ``area`` (the block's coordinates) of the text, on a transparent image."""
        image = device_image(area.width(), area.height(), layout.ratio)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._font)
        painter.setPen(self._color)
        painter.translate(-area.topLeft())
        draw_lines(
            painter, self._font, self._text, layout.lines, self._style, layout.box, self._align
        )
        painter.end()
        return image
