"""The console's parts: the speaker's notes never break a figure across two lines."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF, QTextDocument

from fulian_viewer.model.deck import build_panes
from fulian_viewer.model.report import Report
from fulian_viewer.model.talking_points import speaker_notes
from fulian_viewer.ui.presenter.panels import NotesView

JOINER = "\u2060"


def plain(line: str) -> str:
    """A line as the reader reads it: no word joiners, plain spaces and hyphens."""
    return line.replace(JOINER, "").replace("\u00a0", " ").replace("\u2011", "-")


def lines_of(view: NotesView, width: int) -> list[list[str]]:
    """The lines of each paragraph as Qt lays the label's text out ``width`` pixels wide."""
    document = QTextDocument()
    document.setDefaultFont(view.label.font())
    document.setHtml(view.label.text())
    document.setTextWidth(width)
    document.size()  # lays it out
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
