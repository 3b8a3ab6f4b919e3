"""The console's parts: the speaker's notes never break a figure across two lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFontMetricsF, QTextDocument

from fulian_viewer.model.deck import build_panes
from fulian_viewer.model.report import Report
from fulian_viewer.model.talking_points import speaker_notes
from fulian_viewer.ui.presenter.panels import NotesView
from tests.fakes import no_system_fonts

JOINER = "\u2060"


def plain(line: str) -> str:
    """A line as the reader reads it: no word joiners, plain spaces and hyphens."""
    return line.replace(JOINER, "").replace("\u00a0", " ").replace("\u2011", "-")


def laid_out(view: NotesView, width: int) -> QTextDocument:
    """The label's text as Qt lays it out ``width`` pixels wide."""
    document = QTextDocument()
    document.setDefaultFont(view.label.font())
    document.setHtml(view.label.text())
    document.setTextWidth(width)
    document.size()  # lays it out
    return document


def lines_of(view: NotesView, width: int) -> list[list[str]]:
    """The lines of each paragraph as Qt lays the label's text out ``width`` pixels wide."""
    document = laid_out(view, width)
    paragraphs = []
    block = document.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        lines = []
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            lines.append(text[line.textStart() : line.textStart() + line.textLength()])
        paragraphs.append(lines)
        block = block.next()
    return paragraphs


def test_a_figure_never_breaks_across_lines(app, qtbot, report: Report) -> None:
    view = NotesView()
    qtbot.addWidget(view)
    view.set_font_px(19)
    bold = view.label.font()
    bold.setBold(True)
    advance = QFontMetricsF(bold).horizontalAdvance
    checked = 0
    for lang in ("zh", "en"):
        for spec in build_panes(report):
            notes = speaker_notes(report, spec, lang)
            view.show_notes(notes, "")
            for width in range(160, 640, 7):
                for point, lines in zip(notes.points, lines_of(view, width), strict=True):
                    text = plain("".join(lines))
                    assert text == point.text, "the paragraph reads as the report"
                    ends, end = set(), 0
                    for line in lines[:-1]:
                        end += len(plain(line))
                        ends.add(end)
                    start = 0
                    for figure in point.figures:
                        start = text.index(figure, start)
                        inside = range(start + 1, start + len(figure))
                        if advance(figure) + 12 < width:  # a line (less its margins) holds it
                            assert not ends.intersection(inside), (figure, width, lines)
                            checked += 1
                        start += len(figure)
    assert checked > 1000, "figures in Chinese and English, at many widths"


def test_notes_lines_keep_a_fixed_pitch(app, qtbot, report: Report) -> None:
    view = NotesView()
    qtbot.addWidget(view)
    view.set_font_px(20)
    view.show_notes(speaker_notes(report, build_panes(report)[1], "zh"), "")
    pitch = round(view.label.fontMetrics().height() * 1.35)
    assert f"line-height: {pitch}px" in view.label.text()
    view.set_font_px(30)  # the console grew: the pitch follows the font
    assert f"line-height: {round(view.label.fontMetrics().height() * 1.35)}px" in view.label.text()


def line_placements(report: Report, px: int) -> tuple[set[tuple[float, ...]], int]:
    """Where each notes line of every pane stands within its slot of the line pitch.

    Returns the set of (top less the lines above it, ascent, descent) over the
    lines of all the panes' notes, in Chinese and English, and how many of those
    lines hold a word joiner (a Chinese figure). Lines at a fixed pitch all stand
    alike: the set has one member.
    """
    view = NotesView()
    view.set_font_px(px)
    placements, joined = set(), 0
    for lang in ("zh", "en"):
        for spec in build_panes(report):
            view.show_notes(speaker_notes(report, spec, lang), "")
            document = laid_out(view, 30 * px)  # kept: its blocks die with it
            block = document.begin()
            while block.isValid():
                layout, pitch = block.layout(), block.blockFormat().lineHeight()
                for number in range(layout.lineCount()):
                    line = layout.lineAt(number)
                    text = block.text()[line.textStart() : line.textStart() + line.textLength()]
                    joined += JOINER in text
                    top = line.y() - number * pitch
                    placements.add((top, line.ascent(), line.descent()))
                block = block.next()
    view.deleteLater()
    return placements, joined


PLACEMENTS_SCRIPT = """
import json
from PySide6.QtWidgets import QApplication
app = QApplication([])
from fulian_viewer.model.loading import load_report
from fulian_viewer.ui.fonts import register_bundled_fonts
from tests.ui.presenter.test_panels import line_placements
register_bundled_fonts()
placements, joined = line_placements(load_report().report, 20)
print(json.dumps([sorted(placements), joined]))
"""


def test_a_line_holding_a_chinese_figure_keeps_the_pitch(app, report: Report) -> None:
    """A word joiner neither lowers its line's baseline nor pushes the next line down."""
    placements, joined = line_placements(report, 20)
    assert joined > 5, "Chinese figures are held together by word joiners"
    assert len(placements) == 1, placements


def test_the_pitch_holds_without_system_fonts(tmp_path: Path) -> None:
    """As on a kiosk PC with no font but the bundled ones."""
    run = subprocess.run(
        [sys.executable, "-c", PLACEMENTS_SCRIPT],
        env=no_system_fonts(tmp_path),
        cwd=Path(__file__).parents[3],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    placements, joined = json.loads(run.stdout.strip().splitlines()[-1])
    assert joined > 5
    assert len(placements) == 1, placements
