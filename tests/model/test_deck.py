"""The deck's model: pane specs built once from a report, and the deck's state."""

from __future__ import annotations

from fulian_viewer.model.deck import DeckState, build_panes, part_label
from fulian_viewer.model.report import Report
from fulian_viewer.model.settings import Settings


def test_the_panes_are_cover_sections_scorecard_closing(report: Report) -> None:
    specs = build_panes(report)
    assert [s.kind for s in specs] == ["cover"] + ["section"] * len(report.sections) + [
        "scorecard",
        "closing",
    ]
    assert [s.number for s in specs if s.kind == "section"] == [1, 2, 3, 4]
    assert specs[1].part("zh") == "第一部分" and specs[4].part("en") == "Part 4"
    assert specs[0].part("zh") == "" and specs[-1].key == "closing"
    assert specs[-2].metrics == report.scorecard_metrics


def test_part_labels_beyond_ten_stay_readable() -> None:
    assert part_label(10, "zh") == "第十部分"
    assert part_label(12, "zh") == "第12部分"
    assert part_label(12, "en") == "Part 12"


def test_animation_length_follows_the_figures_and_charts(report: Report) -> None:
    settings = Settings(counter_ms=1000, counter_stagger_ms=100, chart_ms=3000)
    cover, first = build_panes(report)[:2]
    # The cover counts up one figure for each section.
    assert len(cover.metrics) == len(report.sections) and not cover.charts
    assert cover.animation_ms(settings) == 1000 + 100 * (len(report.sections) - 1)
    assert len(first.metrics) > 1 and first.charts
    assert first.animation_ms(settings) == max(1000 + 100 * (len(first.metrics) - 1), 3000)


def test_going_closes_overlays_and_unblanks(report: Report) -> None:
    state = DeckState.of_report(report)
    heard: list[str] = []
    for event in ("index", "blanked", "overlay"):
        state.subscribe(event, lambda event=event: heard.append(event))  # type: ignore[misc]
    state.set_blanked(True)
    state.set_overlay("help")
    state.go(99)
    assert state.index == state.count - 1 and not state.blanked and state.overlay is None
    assert heard == ["blanked", "overlay", "blanked", "overlay", "index"]


def test_unsubscribed_listeners_hear_nothing(report: Report) -> None:
    state = DeckState.of_report(report)
    heard: list[int] = []
    unsubscribe = state.subscribe("index", lambda: heard.append(state.index))
    state.go(1)
    unsubscribe()
    unsubscribe()  # twice is harmless
    state.go(2)
    assert heard == [1]


def test_overview_selection_stays_inside_the_deck(report: Report) -> None:
    state = DeckState.of_report(report)
    state.set_overlay("overview", selection=-5)
    assert state.overview_selection == 0
    state.set_overlay("overview", selection=50)
    assert state.overview_selection == state.count - 1
