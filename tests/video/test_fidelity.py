"""The encoded tour against the PNG export: each pane's last frame, frame count and duration."""

from __future__ import annotations

import itertools
from pathlib import Path

import av
import pytest
from PySide6.QtCore import QSize

from fulian_viewer.app import build_window, create_application
from fulian_viewer.model.settings import Settings
from fulian_viewer.model.tour import TourTimeline
from fulian_viewer.model.video import VideoFormat
from fulian_viewer.ui.export import iter_deck
from fulian_viewer.ui.tour_recorder import TourRecorder
from fulian_viewer.video.encoder import H264Writer
from fulian_viewer.video.fidelity import psnr

FAST = Settings(counter_ms=500, counter_stagger_ms=40, chart_ms=400, transition_ms=300)
WIDTH, HEIGHT, FPS = 480, 270, 30
CHROME_ROWS = 16  # the kiosk's progress strip (64 of 1080 rows), which a PNG does not have


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory, bundled, qapp) -> tuple[Path, TourTimeline]:
    create_application()
    window = build_window(bundled, FAST, notice=False)
    window.setFixedSize(WIDTH, HEIGHT)
    timeline = TourTimeline([1300] * window.controller.state.count, FAST.transition_ms)
    path = tmp_path_factory.mktemp("video") / "tour.mp4"
    recorder = TourRecorder(window, timeline, FPS)
    with H264Writer(path, VideoFormat(WIDTH, HEIGHT, FPS)) as writer:
        for image in recorder.frames():
            writer.write(image)
    recorder.close()
    return path, timeline


def test_the_file_is_what_players_take(recording: tuple[Path, TourTimeline]) -> None:
    path, timeline = recording
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        context = stream.codec_context
        assert (context.name, context.profile, context.pix_fmt) == ("h264", "High", "yuv420p")
        assert (stream.width, stream.height) == (WIDTH, HEIGHT)
        assert stream.average_rate == FPS
        packets = sorted(p.pts for p in container.demux(stream) if p.pts is not None)
        keys = []
        container.seek(0)
        frames = 0
        for frame in container.decode(stream):
            if frame.key_frame:
                keys.append(frame.pts)
            frames += 1
        duration = float(stream.duration * stream.time_base)
    expected = timeline.frame_count(FPS)
    assert abs(frames - expected) <= 1
    assert abs(duration - timeline.duration_ms / 1000) <= 1 / FPS
    # A constant frame rate: one frame every 1/30 s, none missing or doubled.
    steps = {b - a for a, b in itertools.pairwise(packets)}
    assert len(steps) == 1
    # A key frame every two seconds.
    assert [b - a for a, b in itertools.pairwise(keys)] == [steps.pop() * 2 * FPS] * (len(keys) - 1)
    # The index is at the front (+faststart): the "moov" box comes before "mdat".
    boxes = top_level_boxes(path.read_bytes())
    assert boxes.index("moov") < boxes.index("mdat")


def top_level_boxes(data: bytes) -> list[str]:
    """The types of an MP4 file's top-level boxes, in order."""
    boxes, offset = [], 0
    while offset + 8 <= len(data):
        size = int.from_bytes(data[offset : offset + 4], "big")
        boxes.append(data[offset + 4 : offset + 8].decode("ascii"))
        if size == 1:
            size = int.from_bytes(data[offset + 8 : offset + 16], "big")
        offset += size if size else len(data)
    return boxes


def test_each_pane_ends_as_its_png_export(recording: tuple[Path, TourTimeline], report) -> None:
    path, timeline = recording
    wanted = {timeline.last_frame_of(index, FPS): index for index in range(7)}
    ends = {}
    with av.open(str(path)) as container:
        for number, frame in enumerate(container.decode(video=0)):
            if number in wanted:
                ends[wanted[number]] = frame
    exports = list(iter_deck(report, FAST, QSize(WIDTH, HEIGHT), "zh"))
    assert len(exports) == len(ends) == 7
    for index, (stem, image) in enumerate(exports):
        value = psnr(image, ends[index], rows=HEIGHT - CHROME_ROWS)
        assert value >= 40, f"{stem}: {value:.1f} dB"
    # And the measure tells panes apart: a pane against the next one's export.
    assert psnr(exports[2][1], ends[1], rows=HEIGHT - CHROME_ROWS) < 20
