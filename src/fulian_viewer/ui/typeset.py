"""Setting text in a Qt font: lines broken by :mod:`fulian_viewer.ui.line_breaks`.

Qt sets every line at the font's own height, so Chinese lines nearly touch. Here
lines are set at the leading :mod:`~fulian_viewer.ui.line_breaks` gives for the
text and its style, each line in the middle of its pitch; :func:`set_lines`
breaks a text in a Qt font, :func:`fitted_font` finds the largest size at which
it fits a box, and :func:`draw_lines` draws what was set.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from fulian_viewer.ui.fonts import font_for
from fulian_viewer.ui.line_breaks import Line, Style, break_lines, leading, units_split

_ADVANCES: dict[str, dict[str, float]] = {}
"""Advances of tokens already measured, by font (``QFont.key()``)."""

FITS_KEPT = 4096
"""How many fitted sizes and balanced widths are remembered (a deck laid out in both
languages at two sizes asks for about 2 000 of each; an entry is a number)."""
_BALANCED: OrderedDict[tuple[str, str, float], float] = OrderedDict()


def measurer(font: QFont) -> Callable[[str], float]:
    """A function giving a string's advance in ``font``, remembering what it measured.

    Breaking a paragraph measures its words again and again as fonts are fitted
    and widths balanced; each is measured once per font.
    """
    if len(_ADVANCES) > 256:
        _ADVANCES.clear()
    known = _ADVANCES.setdefault(font.key(), {})
    metrics = QFontMetricsF(font)

    def measure(text: str) -> float:
        advance = known.get(text)
        if advance is None:
            advance = known[text] = metrics.horizontalAdvance(text)
        return advance

    return measure


def set_lines(font: QFont, text: str, width: float | None) -> list[Line]:
    """``text`` in ``font`` broken into lines no wider than ``width`` (``None``: unwrapped)."""
    return break_lines(text, width, measurer(font), font.pixelSize())


def line_pitch(font: QFont, text: str, style: Style) -> float:
    """The distance between two lines' baselines for ``text`` in ``font``."""
    return font.pixelSize() * leading(text, style)


def line_lengths(font: QFont, text: str, width: float) -> list[int]:
    """How many characters each line holds when ``text`` in ``font`` wraps at ``width``."""
    return [len(line.text) for line in set_lines(font, text, width)]


def balanced_width(font: QFont, text: str, width: float) -> float:
    """A width no wider than ``width`` that leaves no short last line, on as many lines.

    Wrapped at ``width``, a text whose last line holds under a third of its longest
    leaves a character or two alone (寻找出各级最美家庭等先进典型家 / 庭). The
    narrowest width that keeps the same number of lines fills them evenly instead,
    unless it splits a short title or quoted name that ``width`` keeps whole.
    """
    key = (font.key(), text, width)
    found = _BALANCED.get(key)
    if found is None:
        found = _BALANCED[key] = _balanced_width(font, text, width)
        if len(_BALANCED) > FITS_KEPT:
            _BALANCED.popitem(last=False)
    else:
        _BALANCED.move_to_end(key)
    return found


def _balanced_width(font: QFont, text: str, width: float) -> float:
    full = set_lines(font, text, width)
    lengths = [len(line.text) for line in full]
    if len(lengths) < 2 or "\n" in text:
        return width
    if lengths[-1] * 3 >= max(lengths):
        return width
    split = units_split(text, full)
    low, high = width / 2, width
    while high - low > 1:
        middle = (low + high) / 2
        lines = set_lines(font, text, middle)
        if (
            len(lines) == len(lengths)
            and max(line.width for line in lines) <= middle + 0.5
            and units_split(text, lines) <= split
        ):
            high = middle
        else:
            low = middle
    return high


def fitted_font(
    text: str,
    width: float,
    height: float,
    size: int,
    minimum: int,
    bold: bool,
    wrap: bool,
    style: Style = "body",
) -> tuple[QFont, bool]:
    """The largest font from ``size`` down to ``minimum`` in which ``text`` fits the box.

    Returns the font and whether the text fits at that size.
    """
    size, fits = _fitted_size(text, width, height, size, minimum, bold, wrap, style)
    return font_for(text, size, bold), fits


@functools.lru_cache(maxsize=FITS_KEPT)
def _fitted_size(
    text: str,
    width: float,
    height: float,
    size: int,
    minimum: int,
    bold: bool,
    wrap: bool,
    style: Style,
) -> tuple[int, bool]:
    """:func:`fitted_font`'s pixel size and whether the text fits at it, remembered.

    Fitting breaks the text at size after size, and a pane laid out again (a
    language switch, a resize back, an overview's thumbnail) asks for the same
    boxes again.
    """
    size = max(size, 1)
    minimum = max(1, min(minimum, size))
    while True:
        fits = text_fits(font_for(text, size, bold), text, width, height, wrap, style)
        if fits or size <= minimum:
            return size, fits
        size = max(minimum, int(size * 0.92))


def text_fits(
    font: QFont, text: str, width: float, height: float, wrap: bool, style: Style = "body"
) -> bool:
    """Whether ``text`` in ``font`` fits a ``width x height`` box."""
    lines = set_lines(font, text, width if wrap else None)
    widest = max((line.width for line in lines), default=0.0)
    tall = block_height(font, text, len(lines), style)
    return widest <= width + 0.5 and tall <= height + 0.5


def block_height(font: QFont, text: str, count: int, style: Style) -> float:
    """Height of ``count`` lines: their pitches, and one line's own height at least."""
    if count <= 1:
        return min(QFontMetricsF(font).height(), line_pitch(font, text, style))
    return count * line_pitch(font, text, style)


def draw_lines(
    painter: QPainter,
    font: QFont,
    text: str,
    lines: list[Line],
    style: Style,
    box: QRectF,
    align: Qt.AlignmentFlag,
) -> None:
    """Draw ``lines`` of ``text`` (from :func:`set_lines`) in ``box``, at the style's leading.

    Each line sits in the middle of its pitch, as CSS sets half the leading above
    and half below.
    """
    metrics = QFontMetricsF(font)
    pitch = line_pitch(font, text, style)
    total = block_height(font, text, len(lines), style)
    top = box.top()
    if align & Qt.AlignmentFlag.AlignVCenter:
        top += (box.height() - total) / 2
    elif align & Qt.AlignmentFlag.AlignBottom:
        top += box.height() - total
    if len(lines) <= 1:
        pitch = total
    offset = (pitch - metrics.ascent() - metrics.descent()) / 2 + metrics.ascent()
    for index, line in enumerate(lines):
        x = box.left()
        if align & Qt.AlignmentFlag.AlignHCenter:
            x += (box.width() - line.width) / 2
        elif align & Qt.AlignmentFlag.AlignRight:
            x += box.width() - line.width
        baseline = top + index * pitch + offset
        for at, piece in line.pieces:
            painter.drawText(QPointF(x + at, baseline), piece)


def lines_bounds(
    font: QFont, text: str, lines: list[Line], style: Style, box: QRectF, align: Qt.AlignmentFlag
) -> QRectF:
    """The part of ``box`` that :func:`draw_lines` sets the lines in (ink may pass it)."""
    widest = max((line.width for line in lines), default=0.0)
    total = block_height(font, text, len(lines), style)
    x, y = box.left(), box.top()
    if align & Qt.AlignmentFlag.AlignHCenter:
        x += (box.width() - widest) / 2
    elif align & Qt.AlignmentFlag.AlignRight:
        x += box.width() - widest
    if align & Qt.AlignmentFlag.AlignVCenter:
        y += (box.height() - total) / 2
    elif align & Qt.AlignmentFlag.AlignBottom:
        y += box.height() - total
    return QRectF(x, y, widest, total)
