"""The bundled font registers with Qt and really draws Chinese (not tofu)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QRawFont,
)
from PySide6.QtWidgets import QApplication

from fulian_viewer.ui.fonts import (
    FAMILY,
    LATIN_MARKS,
    display_font,
    font_for,
    register_bundled_fonts,
)

SAMPLE = "巴渝巾帼心向党97.49亿元"
UNASSIGNED = "\u0378" * 4  # an unassigned code point: drawn as the missing-glyph box


@pytest.fixture
def family(qapp: QApplication) -> str:
    return register_bundled_fonts()


def render(text: str, font: QFont) -> QImage:
    image = QImage(400, 120, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def ink(image: QImage) -> set[tuple[int, int]]:
    return {
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if QColor(image.pixel(x, y)).lightness() < 128
    }


def test_register_returns_the_family_and_qt_lists_it(family: str) -> None:
    assert family == FAMILY
    assert FAMILY in QFontDatabase.families()
    styles = QFontDatabase.styles(FAMILY)
    assert "Regular" in styles
    assert "Bold" in styles


def test_registering_twice_adds_nothing(family: str, monkeypatch: pytest.MonkeyPatch) -> None:
    added: list[object] = []

    def spy(*args: object) -> int:
        added.append(args)
        return -1

    monkeypatch.setattr(QFontDatabase, "addApplicationFont", spy)
    monkeypatch.setattr(QFontDatabase, "addApplicationFontFromData", spy)
    families = QFontDatabase.families()
    assert register_bundled_fonts() == FAMILY
    assert added == []
    assert QFontDatabase.families() == families


def test_display_font_resolves_to_the_bundled_family(family: str) -> None:
    for bold in (False, True):
        font = display_font(48, bold=bold)
        assert font.pixelSize() == 48
        assert font.bold() is bold
        raw = QRawFont.fromFont(font)
        assert raw.isValid()
        assert raw.familyName() == FAMILY
        unsupported = [c for c in SAMPLE if not raw.supportsCharacter(c)]
        assert not unsupported


def test_display_font_asks_for_tabular_figures_where_qt_can(family: str) -> None:
    font = display_font(32)
    if not (hasattr(QFont, "Tag") and hasattr(font, "setFeature")):
        pytest.skip("this Qt has no QFont.setFeature")
    assert font.featureValue(QFont.Tag("tnum")) == 1


def test_digits_are_tabular(family: str) -> None:
    metrics = QFontMetricsF(display_font(64, bold=True))
    advances = {round(metrics.horizontalAdvance(d), 3) for d in "0123456789"}
    assert len(advances) == 1


def test_chinese_renders_as_glyphs_not_tofu(family: str) -> None:
    font = display_font(64)
    drawn = ink(render("巴渝巾帼", font))
    assert len(drawn) > 500, "rendering is blank"
    tofu = ink(render(UNASSIGNED, font))
    assert tofu, "the missing-glyph box should draw something to compare with"
    assert drawn != tofu
    # Missing glyphs all draw the same box; real hanzi each look different.
    singles = [frozenset(ink(render(char, font))) for char in "巴渝巾帼"]
    assert all(singles)
    assert len(set(singles)) == 4
    assert frozenset(ink(render(UNASSIGNED[0], font))) not in singles


def test_a_broken_or_missing_font_only_logs(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "Broken.otf").write_bytes(b"not a font")
    with caplog.at_level(logging.WARNING, logger="fulian_viewer.ui.fonts"):
        assert register_bundled_fonts(tmp_path) == FAMILY
        assert register_bundled_fonts(tmp_path / "absent") == FAMILY
    assert "Broken.otf" in caplog.text
    assert "absent" in caplog.text


HIDDEN_FONTS_SCRIPT = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QImage, QPainter
app = QGuiApplication([])
from fulian_viewer.ui.fonts import FAMILY, display_font, font_for, register_bundled_fonts
from PySide6.QtGui import QFontMetricsF
register_bundled_fonts()
families = set(QFontDatabase.families()) - {"Monospace", "Sans Serif", "Serif"}  # Qt's aliases
def ink(text, bold):
    image = QImage(240, 120, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(display_font(64, bold=bold))
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    dark = lambda x, y: QColor(image.pixel(x, y)).lightness() < 128
    return frozenset((x, y) for y in range(120) for x in range(240) if dark(x, y))
for bold in (False, True):
    tofu = ink("\\u0378", bold)
    shapes = [ink(char, bold) for char in "鑫淼犇喆"]
    assert all(shapes) and tofu not in shapes and len(set(shapes)) == 4, bold
    # English takes the bundled Latin marks: the apostrophe is a fifth of an em wide.
    english = QFontMetricsF(font_for("Women\\u2019s", 100, bold))
    apostrophe = english.horizontalAdvance("\\u2019")
    assert apostrophe < 35 and english.horizontalAdvance("\\u00b7") < 35, (bold, apostrophe)
print(sorted(families))
"""


def test_edited_labels_draw_with_every_system_font_hidden(tmp_path: Path) -> None:
    """鑫淼犇 (not in the report) draw from the bundled fonts alone, as on a bare kiosk PC."""
    import subprocess
    import sys

    from tests.fakes import no_system_fonts

    run = subprocess.run(
        [sys.executable, "-c", HIDDEN_FONTS_SCRIPT],
        env=no_system_fonts(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(sorted([FAMILY, LATIN_MARKS]))  # no system font to help


def _alone(font: QFont) -> QFont:
    """``font`` without Qt's fallback to other families."""
    alone = QFont(font)
    alone.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    return alone


def test_a_character_only_a_system_font_has_still_draws(family: str) -> None:
    """Qt falls back to a system font for what the bundled fonts lack (here U+3400 㐀)."""
    from fulian_viewer.model.glyphs import bundled_coverage

    char = "\u3400"
    assert ord(char) not in bundled_coverage()
    helpers = [
        name
        for name in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        if name != FAMILY
        and ink(render(char, _alone(QFont(name, 40))))
        != ink(render(UNASSIGNED[0], _alone(QFont(name, 40))))
    ]
    if not helpers:
        pytest.skip("no system font here draws U+3400")
    font = display_font(64)
    box = ink(render(char, _alone(font)))  # the bundled font alone: its missing-glyph box
    drawn = ink(render(char, font))
    assert drawn
    assert drawn != box


ENGLISH = "Women\u2019s \u201cBayu Sisters\u201d \u00b7 \u2018Home\u2019"
CHINESE = "\u201c巾帼大宣讲\u201d \u00b7 妇女\u2018之家\u2019"


def test_english_takes_proportional_marks_and_chinese_keeps_full_width(family: str) -> None:
    """‘ ’ “ ” · are under half an em in English, an em wide in Chinese."""
    for bold in (False, True):
        english = QFontMetricsF(font_for(ENGLISH, 100, bold))
        chinese = QFontMetricsF(font_for(CHINESE, 100, bold))
        for mark in "\u2018\u2019\u201c\u201d\u00b7":
            assert english.horizontalAdvance(mark) < 60, (mark, bold)
            assert chinese.horizontalAdvance(mark) == pytest.approx(100, abs=0.5), (mark, bold)
        # Letters and figures still come from the Chinese face, at its advances.
        plain = QFontMetricsF(display_font(100, bold))
        for text in ("Women", "97.49", "Bayu Sisters"):
            assert english.horizontalAdvance(text) == plain.horizontalAdvance(text)


def test_the_latin_marks_keep_the_chinese_line(family: str) -> None:
    """A line with the marks face first stands exactly where it stood."""
    assert LATIN_MARKS in QFontDatabase.families()
    for bold in (False, True):
        latin, chinese = (
            QFontMetricsF(font_for("Women", 64, bold)),
            QFontMetricsF(display_font(64, bold)),
        )
        assert font_for("Women", 64, bold).families() == [LATIN_MARKS, FAMILY]
        assert font_for("妇女", 64, bold).families() == [FAMILY, LATIN_MARKS]
        for name in ("ascent", "descent", "height", "leading", "xHeight", "capHeight"):
            assert getattr(latin, name)() == getattr(chinese, name)(), (name, bold)


def test_the_latin_marks_draw_the_marks_proportional(family: str) -> None:
    """The apostrophe's ink sits against the s: no gap of half an em after it."""
    narrow = ink(render("n\u2019s", font_for("n\u2019s", 64)))
    wide = ink(render("n\u2019s", display_font(64)))
    assert narrow and wide
    span = lambda drawn: max(x for x, _ in drawn) - min(x for x, _ in drawn)  # noqa: E731
    assert span(narrow) < span(wide) - 20
