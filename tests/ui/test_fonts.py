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

from fulian_viewer.ui.fonts import FAMILY, display_font, register_bundled_fonts

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
from fulian_viewer.ui.fonts import FAMILY, display_font, register_bundled_fonts
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
print(sorted(families))
"""


def test_edited_labels_draw_with_every_system_font_hidden(tmp_path: Path) -> None:
    """鑫淼犇 (not in the report) draw from the bundled fonts alone, as on a bare kiosk PC."""
    import os
    import subprocess
    import sys

    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>'
    )
    (tmp_path / "empty").mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FONTCONFIG_FILE": str(config),
        "QT_QPA_FONTDIR": str(tmp_path / "empty"),
    }
    run = subprocess.run(
        [sys.executable, "-c", HIDDEN_FONTS_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str([FAMILY])  # no system font was there to help


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
