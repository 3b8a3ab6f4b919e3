"""Chart helpers: ring names wrap into even lines."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from fulian_viewer.ui.charts import balanced_width
from fulian_viewer.ui.fonts import display_font


def _label(text: str) -> tuple[pg.TextItem, float]:
    label = pg.TextItem(text)
    label.setFont(display_font(21))
    advance = QFontMetricsF(label.textItem.document().defaultFont()).horizontalAdvance(text)
    return label, advance


def test_a_name_slightly_too_wide_splits_in_half(app: QApplication) -> None:
    label, advance = _label("城市社区建成家长学校")
    room = advance * 0.95  # one character would be left alone on a second line
    width = balanced_width(label, room)
    assert advance / 2 < width < room
    label.setTextWidth(width)
    lines = label.textItem.document().documentLayout().documentSize().height()
    one_line = QFontMetricsF(label.textItem.document().defaultFont()).lineSpacing()
    assert lines < 2.5 * one_line  # still two lines, not three


def test_names_that_fit_or_have_words_keep_the_room(app: QApplication) -> None:
    label, advance = _label("村建成家长学校")
    assert balanced_width(label, advance + 20) == advance + 20
    english, advance = _label("Households meeting the green-family goal")
    assert balanced_width(english, advance / 2) == advance / 2
