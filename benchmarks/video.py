"""Video export: throughput, peak memory and fidelity of ``export --video``.

For each size, runs the real command (``python -m fulian_viewer export --video``)
in a subprocess on the bundled report with the kiosk's default dwell (or
``--dwell``), and prints its wall and CPU time, its throughput in multiples of
real time (video seconds per second of rendering; targets: >= 2x at 1920x1080,
>= 0.5x at 3840x2160, both at 30 fps) and its peak RSS (target at 3840x2160:
<= 400 MB). The machine's load average is printed beside them: on a shared
machine the figures move with it.

Then decodes the file with PyAV and checks its frame count and duration against
the tour's timeline, and compares the last frame of each pane's dwell with that
pane's PNG export at the same size: PSNR over the yuv420p planes (as FFmpeg's
``psnr`` filter; target >= 40 dB) and, for information, over RGB, both above the
kiosk's progress strip, which the PNG export does not have. With ``--frames DIR``
it also writes decoded frames as PNG at five moments (mid-slide, mid-count-up,
end of a dwell…) to look at.

    uv run python benchmarks/video.py [--sizes 1920x1080,3840x2160] [--fps 30]
        [--dwell SECONDS] [--frames DIR] [--keep DIR]
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import cpu_steal, machine, subprocess_env

from fulian_viewer.app import create_application
from fulian_viewer.model.config import KioskConfig
from fulian_viewer.model.deck import build_panes
from fulian_viewer.model.loading import load_report
from fulian_viewer.model.settings import Settings
from fulian_viewer.model.tour import TourDwell, TourTimeline

TARGET_SPEED = {1920: 2.0, 3840: 0.5}
TARGET_RSS_MB = 400
CHROME_SHARE = 64 / 1080  # the progress strip's share of the height


def record(path: Path, width: int, height: int, fps: int, config: Path | None) -> dict[str, float]:
    """Run the command; its wall and CPU seconds and peak RSS (MB)."""
    argv = [sys.executable, "-m", "fulian_viewer", "export", "--video", str(path)]
    argv += ["--size", f"{width}x{height}", "--fps", str(fps), "--force"]
    if config is not None:
        argv += ["--config", str(config)]
    began = time.perf_counter()
    process = subprocess.Popen(argv, env=subprocess_env(), stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - began
    if process.returncode != 0:
        raise SystemExit(f"export --video failed with status {process.returncode}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": usage.ru_maxrss / 1024,
    }


def rgb(frame: object) -> np.ndarray:
    return frame.to_ndarray(  # type: ignore[attr-defined]
        format="rgb24",
        src_colorspace="ITU709",
        dst_colorspace="ITU709",
        src_color_range="MPEG",
        dst_color_range="JPEG",
    ).astype(float)


def image_rgb(image: object) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB888)  # type: ignore[attr-defined]
    lines = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return lines[:, : image.width() * 3].reshape(image.height(), image.width(), 3).astype(float)


def fidelity(
    path: Path, timeline: TourTimeline, fps: int, width: int, height: int, frames_dir: Path | None
) -> None:
    import av
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    from fulian_viewer.ui.export import iter_deck
    from fulian_viewer.video.fidelity import psnr

    count = len(timeline.dwells_ms)
    ends = {timeline.last_frame_of(index, fps): index for index in range(count)}
    arrive = timeline.arrival(1) * fps // 1000
    moments = {
        arrive + round(0.15 * fps): "mid-slide into pane 2",
        arrive + round(1.0 * fps): "mid-count-up of pane 2",
        timeline.last_frame_of(1, fps): "end of pane 2's dwell",
        timeline.arrival(count - 2) * fps // 1000 + round(0.8 * fps): "mid-count-up, scorecard",
        timeline.frame_count(fps) - 1: "last frame (closing)",
    }
    kept: dict[int, object] = {}
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        decoded = 0
        for number, frame in enumerate(container.decode(stream)):
            decoded += 1
            if number in ends:
                kept[number] = frame
            if frames_dir is not None and number in moments:
                array = np.ascontiguousarray(rgb(frame).astype(np.uint8))
                name = f"{width}x{height}-{number:05d}.png"
                QImage(array.data, width, height, width * 3, QImage.Format.Format_RGB888).save(
                    str(frames_dir / name)
                )
                print(f"    frame {number} ({number / fps:.2f} s, {moments[number]}): {name}")
        duration = float(stream.duration * stream.time_base)
        context = stream.codec_context
        print(
            f"    decoded {decoded} frames (expected {timeline.frame_count(fps)}), "
            f"{duration:.3f} s (expected {timeline.duration_ms / 1000:.3f} s), "
            f"{context.profile} {context.pix_fmt}, {stream.average_rate} fps"
        )
    report = load_report().report
    assert report is not None
    rows = (height - math.ceil(height * CHROME_SHARE)) // 2 * 2
    frames_by_pane = {index: kept[number] for number, index in ends.items()}
    for index, (stem, image) in enumerate(
        iter_deck(report, Settings(), QSize(width, height), "zh")
    ):
        frame = frames_by_pane[index]
        yuv = psnr(image, frame, rows=rows)  # type: ignore[arg-type]
        diff = image_rgb(image)[:rows] - rgb(frame)[:rows]
        rgb_psnr = 10 * math.log10(255**2 / max(1e-12, float((diff * diff).mean())))
        verdict = "ok" if yuv >= 40 else "UNDER"
        print(f"    {stem:26s} PSNR {yuv:5.1f} dB (yuv420p), {rgb_psnr:5.1f} dB (RGB)  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1920x1080,3840x2160")
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--dwell", type=float, help="dwell_seconds (default: the kiosk's)")
    parser.add_argument("--frames", type=Path, help="write decoded frames here as PNG")
    parser.add_argument("--keep", type=Path, help="keep the videos in this folder")
    args = parser.parse_args()
    create_application()
    print(machine())
    report = load_report().report
    assert report is not None
    config = KioskConfig(dwell_seconds=args.dwell)
    settings = Settings()
    dwell = TourDwell.of(config, report)
    timeline = TourTimeline(
        [dwell.pane_ms(spec, settings) for spec in build_panes(report)], settings.transition_ms
    )
    seconds = timeline.duration_ms / 1000
    if args.frames is not None:
        args.frames.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        config_file = None
        if args.dwell is not None:
            config_file = Path(scratch) / "kiosk.toml"
            config_file.write_text(f"dwell_seconds = {args.dwell}\n", encoding="utf-8")
        for size in args.sizes.split(","):
            width, height = (int(part) for part in size.split("x"))
            path = folder / f"tour-{width}x{height}-{args.fps}.mp4"
            load = os.getloadavg()[0]
            steal = cpu_steal()
            figures = record(path, width, height, args.fps, config_file)
            speed = seconds / figures["wall"]
            target = TARGET_SPEED.get(width)
            verdict = "" if target is None else ("ok" if speed >= target else "UNDER")
            print(
                f"{width}x{height}@{args.fps}: {seconds:.1f} s of video in {figures['wall']:.1f} s "
                f"= {speed:.2f}x real time (target {target}x) {verdict}; "
                f"CPU {figures['cpu']:.1f} s ({figures['cpu'] / seconds:.2f} CPU-s per video s); "
                f"peak RSS {figures['rss']:.0f} MB"
                + (f" (target <= {TARGET_RSS_MB})" if width >= 3840 else "")
                + f"; {path.stat().st_size / 1e6:.1f} MB"
            )
            print(
                f"    load average {load:.1f} before, {os.getloadavg()[0]:.1f} after; "
                f"steal {steal():.1f} %"
            )
            fidelity(path, timeline, args.fps, width, height, args.frames)


if __name__ == "__main__":
    main()
