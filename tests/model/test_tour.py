import pytest

from fulian_viewer.model.config import KioskConfig
from fulian_viewer.model.deck import build_panes
from fulian_viewer.model.report import Report
from fulian_viewer.model.settings import Settings
from fulian_viewer.model.tour import READING_MS, TourDwell, TourTimeline


def test_dwell_comes_from_the_configuration_then_the_default(report: Report) -> None:
    settings = Settings()
    first = report.sections[0].id
    configured = TourDwell.of(
        KioskConfig(dwell_seconds=30, section_dwell_seconds={first: 45}), report
    )
    default = TourDwell.of(KioskConfig(), report)
    assert configured.dwell_ms == 30_000
    assert default.dwell_ms == 20_000  # the bundled report sets no dwell
    panes = build_panes(report)
    assert configured.pane_ms(panes[0], settings) == 30_000
    assert configured.pane_ms(panes[1], settings) == 45_000
    assert configured.pane_ms(panes[2], settings) == 30_000


def test_a_short_dwell_still_lets_the_count_up_finish_and_be_read(report: Report) -> None:
    settings = Settings()
    dwell = TourDwell.of(KioskConfig(dwell_seconds=3), report)
    for spec in build_panes(report):
        assert dwell.pane_ms(spec, settings) == max(3000, spec.animation_ms(settings) + READING_MS)


def test_a_pass_is_every_dwell_and_panes_arrive_in_turn() -> None:
    timeline = TourTimeline([4000, 7000, 5000], transition_ms=500)
    assert timeline.duration_ms == 16_000
    assert [timeline.arrival(index) for index in range(4)] == [0, 4000, 11_000, 16_000]
    assert timeline.start_ms == 0
    assert timeline.frame_count(30) == 480
    assert timeline.frame_time(30, 30) == pytest.approx(1000)
    # The last frame before each next pane comes in.
    assert [timeline.last_frame_of(index, 30) for index in range(3)] == [119, 329, 479]


def test_a_looping_pass_starts_once_the_cover_is_in_and_ends_sliding_back_to_it() -> None:
    timeline = TourTimeline([4000, 7000, 5000], transition_ms=500, loop=True)
    assert timeline.duration_ms == 16_000
    assert timeline.start_ms == 500
    assert timeline.frame_time(0, 30) == 500
    # The pass ends as the cover slides in again: 16.5 s on the tour's clock.
    assert timeline.frame_time(timeline.frame_count(30), 30) == pytest.approx(16_500)
    assert timeline.last_frame_of(0, 30) == 104
    assert timeline.last_frame_of(2, 30) == 464  # before the slide back to the cover


@pytest.mark.parametrize("dwells", [[], [0, 1000], [1000, -5]])
def test_a_tour_needs_panes_shown_for_some_time(dwells: list[int]) -> None:
    with pytest.raises(ValueError, match="at least one pane"):
        TourTimeline(dwells)
