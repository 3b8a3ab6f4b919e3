"""The tour recorded on a virtual clock: the real deck, its slide and count-ups, frame by frame."""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import QObject, QVariantAnimation
from PySide6.QtGui import QImage

from fulian_viewer.app import build_window
from fulian_viewer.model.settings import Settings
from fulian_viewer.model.tour import TourTimeline
from fulian_viewer.ui.tour_recorder import TourRecorder, VirtualAnimationClock

FAST = Settings(counter_ms=400, counter_stagger_ms=40, chart_ms=300, transition_ms=300)


def recorder(bundled, qtbot, loop: bool = False, dwell: int = 1000) -> TourRecorder:
    window = build_window(bundled, FAST, notice=False)
    qtbot.addWidget(window)
    window.setFixedSize(320, 180)
    count = window.controller.state.count
    return TourRecorder(window, TourTimeline([dwell] * count, FAST.transition_ms, loop), 30)


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    lines = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return lines[:, : image.width() * 4].astype(int)


def test_the_virtual_clock_moves_an_animation_only_when_told(app) -> None:
    owner = QObject()
    animation = QVariantAnimation(owner)
    animation.setDuration(1000)
    animation.setStartValue(0.0)
    animation.setEndValue(1.0)
    finished: list[bool] = []
    animation.finished.connect(lambda: finished.append(True))
    clock = VirtualAnimationClock(owner)
    animation.start()
    clock.adopt(100)  # started at 100 ms on the virtual clock
    assert clock.running == 1
    time.sleep(0.05)
    app.processEvents()
    assert animation.currentTime() == 0  # real time passing moves nothing
    clock.advance(350)
    assert animation.currentTime() == 250
    assert animation.currentValue() == 0.25
    clock.advance(1200)
    assert animation.state() == QVariantAnimation.State.Stopped
    assert finished == [True]
    assert clock.running == 0


def test_each_frame_is_the_tour_at_its_moment(app, bundled, qtbot) -> None:
    rec = recorder(bundled, qtbot)
    state = rec.controller.state
    shown: list[int] = []
    sliding: list[bool] = []
    counting: list[bool] = []
    rendered: list[bool] = []
    for image in rec.frames():
        shown.append(state.index)
        sliding.append(rec.window.deck.leaving_pane is not None)
        counting.append(rec.clock.running > 0)
        rendered.append(image is not None)
    assert len(shown) == rec.frame_count == 7 * 30
    # Pane i comes in at i seconds: frame 30 i, exactly.
    assert [shown.index(index) for index in range(7)] == [30 * index for index in range(7)]
    # Each slide lasts 300 ms (9 frames), from the frame the pane comes in.
    assert sliding[30:40] == [True] * 9 + [False]
    assert not any(sliding[:30])
    assert counting[31]  # the section pane counts up under the slide
    # Still frames are not rendered again: the cover once its figures have counted up,
    # the closing pane once it is in and has counted up.
    cover_ms = rec.controller.state.specs[0].animation_ms(FAST)
    still_from = math.ceil(cover_ms * 30 / 1000) + 1
    assert all(rendered[:still_from]) and not any(rendered[still_from + 1 : 30])
    closing_ms = rec.controller.state.specs[-1].animation_ms(FAST)
    still_from = 180 + math.ceil(closing_ms * 30 / 1000) + 1
    assert all(rendered[180:190]) and not any(rendered[still_from + 1 :])


def test_frames_show_the_slide_and_the_count_up(app, bundled, qtbot) -> None:
    rec = recorder(bundled, qtbot)
    kept: dict[int, np.ndarray] = {}
    last = None
    for number, image in enumerate(rec.frames()):
        if image is not None:
            last = pixels(image)
        if number in (29, 31, 40, 45, 59):
            kept[number] = last
    cover_end, mid_slide, slid_in, mid_count, pane_end = (kept[n] for n in (29, 31, 40, 45, 59))
    half = 160 * 4
    # Mid-slide: the cover still fills the left, the new pane comes in on the right.
    assert np.array_equal(mid_slide[:150, : half // 2], cover_end[:150, : half // 2])
    assert not np.array_equal(mid_slide[:150, -half // 2 :], cover_end[:150, -half // 2 :])
    # Counting up, then the final figures.
    assert not np.array_equal(slid_in, mid_count)
    assert not np.array_equal(mid_count, pane_end)


def test_a_looping_tour_ends_leading_into_its_first_frame(app, bundled, qtbot) -> None:
    rec = recorder(bundled, qtbot, loop=True)
    state = rec.controller.state
    first = last = None
    indexes = []
    current = None
    for image in rec.frames():
        if image is not None:
            current = pixels(image)
        if first is None:
            first = current
        indexes.append(state.index)
        last = current
    assert indexes[0] == 0 and indexes[-1] == 0  # back on the cover
    assert indexes.count(6) == 30
    assert first is not None and last is not None
    # The last frame is the slide back to the cover within a pixel of its end.
    assert np.abs(first - last).mean() < 1.0
