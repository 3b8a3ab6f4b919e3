"""Speaker notes: those written, else talking points from the report with figures marked."""

from __future__ import annotations

from fulian_viewer.model.deck import build_panes
from fulian_viewer.model.report import PaneNotes, Report, Text
from fulian_viewer.model.talking_points import speaker_notes


def test_a_section_without_notes_gets_its_summary_and_source_sentences(report: Report) -> None:
    spec = build_panes(report)[2]
    notes = speaker_notes(report, spec, "zh")
    assert not notes.written
    assert spec.section is not None
    assert notes.points[0].text == spec.section.summary("zh")
    figures = [figure for point in notes.points for figure in point.figures]
    assert figures == [metric.display for metric in spec.metrics]
    assert "97.49亿元" in figures
    for point in notes.points[1:]:
        for figure in point.figures:
            assert figure in point.text


def test_two_figures_of_one_sentence_make_one_point(report: Report) -> None:
    notes = speaker_notes(report, build_panes(report)[1], "zh")
    both = [p for p in notes.points if p.figures == ("6.6万场次", "2320万人次")]
    assert len(both) == 1


def test_english_points_name_the_figure_in_english(report: Report) -> None:
    notes = speaker_notes(report, build_panes(report)[2], "en")
    assert any(point.figures == ("9.749 billion yuan",) for point in notes.points)


def test_cover_and_closing_have_points(report: Report) -> None:
    specs = build_panes(report)
    cover = speaker_notes(report, specs[0], "zh").points
    assert cover[0].text == report.deck.get("title", "zh")
    assert any(report.sections[0].title("zh") in p.text for p in cover)
    assert speaker_notes(report, specs[-1], "en").points


def test_written_notes_win_and_the_other_language_stands_in(report: Report) -> None:
    notes = (PaneNotes("cover", Text("先问候。\n再介绍。", ""), 45.0),)
    written = Report(report.deck, report.sections, report.source_text, notes)
    cover = build_panes(written)[0]
    zh = speaker_notes(written, cover, "zh")
    assert zh.written and [p.text for p in zh.points] == ["先问候。", "再介绍。"]
    assert zh.target_seconds == 45
    assert speaker_notes(written, cover, "en").points == zh.points
    closing = build_panes(written)[-1]
    assert not speaker_notes(written, closing, "zh").written


def test_endless_notes_are_cut(report: Report) -> None:
    notes = (PaneNotes("cover", Text("长" * 100_000, ""), None),)
    written = Report(report.deck, report.sections, report.source_text, notes)
    shown = speaker_notes(written, build_panes(written)[0], "zh")
    assert len(shown.points[0].text) == 6001 and shown.points[0].text.endswith("…")
