"""Text blocks: wrapped text leaves no character or two alone on its last line."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication

from fulian_viewer.ui import text as text_module
from fulian_viewer.ui import theme
from fulian_viewer.ui.fonts import display_font
from fulian_viewer.ui.text import TextBlock
from fulian_viewer.ui.typeset import balanced_width, line_lengths, set_lines

LABEL = "寻找出各级最美家庭等先进典型家庭"
SUMMARY = (
    "重庆市妇联充分发挥家庭家教家风建设在创建家庭文明、培育时代新人、树立社会新风中的"
    "重要作用，扎实开展“巾帼善治理”系列行动，推动形成家家幸福安康的生动局面。"
)


def _lines(text: str, width: float, size: int = 21) -> float:
    return len(line_lengths(display_font(size), text, width))


def test_a_name_slightly_too_wide_splits_in_half(app: QApplication) -> None:
    font = display_font(21)
    text = "城市社区建成家长学校"
    advance = QFontMetricsF(font).horizontalAdvance(text)
    room = advance * 0.95  # one character would be left alone on a second line
    assert line_lengths(font, text, room) == [9, 1]
    width = balanced_width(font, text, room)
    assert advance / 2 < width < room
    assert _lines(text, width) < 2.5  # still two lines, not three
    assert line_lengths(font, text, width) == [5, 5]


def test_names_that_fit_or_end_on_a_full_line_keep_the_room(app: QApplication) -> None:
    font = display_font(21)
    fits = "村建成家长学校"
    advance = QFontMetricsF(font).horizontalAdvance(fits)
    assert balanced_width(font, fits, advance + 20) == advance + 20
    english = "Households meeting the green-family goal"
    advance = QFontMetricsF(font).horizontalAdvance(english)
    assert line_lengths(font, english, advance * 0.6) == [22, 17]  # "Households meeting the"
    assert balanced_width(font, english, advance * 0.6) == advance * 0.6


def test_a_paragraph_ending_in_a_lone_character_or_two_is_evened_out(app: QApplication) -> None:
    font = display_font(30)
    summary = SUMMARY
    widths = [w for w in range(300, 1400, 3) if line_lengths(font, summary, w)[-1] <= 2]
    assert widths, "some widths leave 面。 alone"
    for width in widths:
        lines = len(line_lengths(font, summary, width))
        evened = line_lengths(font, summary, balanced_width(font, summary, width))
        assert len(evened) == lines and evened[-1] * 3 >= max(evened), (width, evened)


def test_evening_out_lines_does_not_split_a_quoted_name(app: QApplication) -> None:
    font = display_font(21)
    caption = "“百场讲座进万家”家教知识培训"
    name = "“百场讲座进万家”"
    advance = QFontMetricsF(font).horizontalAdvance(caption)
    evened = 0
    for width in range(int(advance * 0.6), int(advance), 2):
        lines = [line.text for line in set_lines(font, caption, width)]
        if len(lines) != 2 or not any(name in line for line in lines):
            continue
        balanced = balanced_width(font, caption, width)
        kept = [line.text for line in set_lines(font, caption, balanced)]
        assert len(kept) == 2 and any(name in line for line in kept), (width, kept)
        evened += balanced < width
    assert evened, "some widths are evened out"


def test_a_centred_label_block_draws_two_even_lines(app: QApplication, qtbot) -> None:
    block = TextBlock(
        color=theme.IVORY, align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    )
    qtbot.addWidget(block)
    font = display_font(24)
    advance = QFontMetricsF(font).horizontalAdvance(LABEL)
    block.resize(int(advance * 0.97), 200)
    block.set_font_size(24, 24)
    block.set_text(LABEL)
    assert line_lengths(font, LABEL, block.width()) == [15, 1]
    box = block._text_box()
    assert line_lengths(font, LABEL, box.width()) == [8, 8]
    assert abs(box.center().x() - block.rect().center().x()) <= 1, "still centred"


def test_latin_descenders_are_not_cut_off_by_a_box_one_line_high(app: QApplication, qtbot) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    block = TextBlock(color=theme.IVORY, wrap=False)
    qtbot.addWidget(block)
    height = math.ceil(QFontMetricsF(display_font(54)).height())
    block.resize(1000, height)  # exactly one line, as a counter's label may be
    block.set_font_size(54, 54)
    block.set_text("Rural women reached by training")
    block.draw_on_backdrop(lambda: None)
    assert block.fits and block.font_pixel_size == 54
    canvas = QImage(1000, height + 30, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    block.draw_onto(painter, QPoint(0, 0))
    painter.end()
    below = [
        x
        for y in range(height, height + 30)
        for x in range(0, 1000, 2)
        if canvas.pixelColor(x, y).alpha() > 0
    ]
    assert below, "the tails of g and y reach below the line and are drawn"


def _drawn_onto_backdrop(block: TextBlock) -> bytes:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    canvas = QImage(block.width(), block.height(), QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(QColor(140, 20, 24))
    painter = QPainter(canvas)
    block.draw_onto(painter, QPoint(0, 0))
    painter.end()
    return bytes(canvas.constBits())


@pytest.mark.parametrize(("size", "text"), [(168, "谢谢观看"), (68, SUMMARY)])
def test_a_large_text_is_drawn_onto_a_backdrop_in_bands_to_the_same_pixels(
    app: QApplication, qtbot, monkeypatch: pytest.MonkeyPatch, size: int, text: str
) -> None:
    block = TextBlock(color=QColor(250, 240, 220), align=Qt.AlignmentFlag.AlignHCenter)
    qtbot.addWidget(block)
    block.resize(3000, 4 * size)
    block.set_font_size(size, size)
    block.set_text(text)
    block.draw_on_backdrop(lambda: None)
    made: list[QImage] = []
    real = text_module.device_image

    def recording(width: float, height: float, ratio: float, transparent: bool = True) -> QImage:
        made.append(real(width, height, ratio, transparent))
        return made[-1]

    monkeypatch.setattr(text_module, "device_image", recording)
    monkeypatch.setattr(text_module, "BAND_BYTES", 1 << 40)
    whole = _drawn_onto_backdrop(block)
    assert len(made) == 1, "under BAND_BYTES: one image"
    largest = made[0].sizeInBytes()
    made.clear()
    monkeypatch.setattr(text_module, "BAND_BYTES", largest // 4)
    banded = _drawn_onto_backdrop(block)
    assert len(made) >= 3, "drawn in bands"
    assert max(image.sizeInBytes() for image in made) < largest
    assert banded == whole
