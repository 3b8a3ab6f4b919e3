"""``fulian-viewer export --video FILE.mp4``: the kiosk's tour as a video, offscreen.

In order: read the kiosk configuration (dwell), a missing or unreadable file one
line and exit status 2; check the request (size, frame rate, output file) and that
PyAV is installed, each failure one line and exit status 2; read the dataset;
build the audience window as the kiosk does; record the tour on a virtual clock
(:mod:`fulian_viewer.ui.tour_recorder`) into a temporary file beside the output,
renamed over it only when complete, so a cancelled or failed run leaves nothing;
print a summary.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fulian_viewer.cli_text import system_lang
from fulian_viewer.model.config import ConfigProblem, KioskConfig, load_config
from fulian_viewer.model.output_request import write_failure
from fulian_viewer.model.video import VideoFormat, VideoRequestError, check_output
from fulian_viewer.video.progress import Progress, clock_text

if TYPE_CHECKING:
    from fulian_viewer.model.tour import TourTimeline
    from fulian_viewer.ui.main_window import MainWindow

PREFIX = "fulian-viewer export"
INSTALL_HINT = {
    "en": f"{PREFIX}: --video needs PyAV, which is not installed. Install the video extra: "
    'pip install "fulian-viewer[video]" (from a clone: uv sync)',
    "zh": f"{PREFIX}：--video 需要 PyAV，但尚未安装。请安装视频扩展："
    'pip install "fulian-viewer[video]"（在源码目录中：uv sync）',
}
FROZEN_HINT = {
    "en": f"{PREFIX}: this offline build has no video export (FFmpeg and x264 are left out, "
    'see docs/packaging.md). Make the video where Python is: pip install "fulian-viewer[video]"',
    "zh": f"{PREFIX}：这个离线版不含视频导出（未打包 FFmpeg 和 x264，见 docs/packaging.md）。"
    '请在装有 Python 的电脑上制作视频：pip install "fulian-viewer[video]"',
}


def run_video_export(args: argparse.Namespace) -> int:
    """Render and encode the tour; 0 when written, 2 for a request that cannot be met."""
    path: Path = args.video
    fmt = VideoFormat(args.size.width, args.size.height, args.fps)
    config = KioskConfig()
    config_problems: list[ConfigProblem] = []
    if args.config is not None:
        config, config_problems = load_config(args.config)
        unreadable = [problem for problem in config_problems if problem.whole_file]
        if unreadable:
            # A configuration asked for and not read would give a tour with the wrong
            # dwell, language and data: say so before any work, as the kiosk would.
            lang = args.lang or system_lang(os.environ)
            colon = "：" if lang == "zh" else ": "
            print(f"{PREFIX}{colon}{unreadable[0].message(lang)}", file=sys.stderr)
            return 2
    lang = args.lang or config.lang
    zh = lang == "zh"
    try:
        fmt.check()
        check_output(path, args.force)
    except VideoRequestError as error:
        print(f"{PREFIX}{'：' if zh else ': '}{error.message(lang)}", file=sys.stderr)
        return 2
    try:
        from fulian_viewer.video.encoder import H264Writer
    except ImportError:
        hint = FROZEN_HINT if getattr(sys, "frozen", False) else INSTALL_HINT
        print(hint[lang], file=sys.stderr)
        return 2
    for problem in config_problems:
        print(problem.message(lang), file=sys.stderr)
    window, timeline = _build(args, config, fmt)
    from fulian_viewer.ui.tour_recorder import TourRecorder

    recorder = TourRecorder(window, timeline, fmt.fps)
    partial = path.with_name(f".{path.name}.partial")
    progress = Progress(recorder.frame_count, sys.stderr, lang=lang)
    handlers = _cancel_on_termination()
    try:
        with H264Writer(partial, fmt) as writer:
            for done, image in enumerate(recorder.frames(writer.canvas), start=1):
                _Cancel.check()
                writer.write(image)
                progress.update(done)
            _Cancel.check()
        progress.end()
        os.replace(partial, path)
    except BaseException as error:
        progress.end()
        partial.unlink(missing_ok=True)
        recorder.close()
        if isinstance(error, KeyboardInterrupt):
            cancelled = f"已取消，没有写入 {path}" if zh else f"cancelled; {path} was not written"
            print(f"{PREFIX}{'：' if zh else ': '}{cancelled}", file=sys.stderr)
            raise
        if isinstance(error, OSError):
            colon = "：" if zh else ": "
            print(f"{PREFIX}{colon}{path}{colon}{write_failure(error, lang)}", file=sys.stderr)
            return 1
        raise
    finally:
        _restore(handlers)
    recorder.close()
    seconds = writer.frames / fmt.fps
    elapsed = progress.elapsed()
    print(path)
    size_mb = path.stat().st_size / 1e6
    speed = seconds / max(elapsed, 1e-9)
    if zh:
        print(
            f"  时长 {clock_text(seconds)}（{seconds:.2f} 秒），{writer.frames} 帧，每秒 "
            f"{fmt.fps} 帧，{fmt.width}x{fmt.height}，H.264 High@{writer.level.name}，yuv420p"
        )
        print(f"  大小 {size_mb:.1f} MB；用时 {clock_text(elapsed)}（实时的 {speed:.1f} 倍）")
    else:
        print(
            f"  duration {clock_text(seconds)} ({seconds:.2f} s), {writer.frames} frames at "
            f"{fmt.fps} fps, {fmt.width}x{fmt.height}, H.264 High@{writer.level.name}, yuv420p"
        )
        print(
            f"  size {size_mb:.1f} MB; rendered in {clock_text(elapsed)} ({speed:.1f}x real time)"
        )
    return 0


class _Cancel:
    """Ctrl+C, a closed terminal or a ``kill``, noted when it comes, acted on between frames.

    Raising from the signal handler itself could land inside a Qt slot (a count-up's
    tick), which Qt does not unwind; so the frame loop asks :meth:`check` instead.
    """

    requested = False

    @classmethod
    def note(cls, signum: int, frame: object) -> None:
        cls.requested = True

    @classmethod
    def check(cls) -> None:
        """Raise KeyboardInterrupt if a cancel was asked for."""
        if cls.requested:
            raise KeyboardInterrupt


def _cancel_on_termination() -> dict[int, Any]:
    """Ctrl+C, a terminal closed or a ``kill`` cancels the export (no partial file).

    Returns the handlers replaced, for :func:`_restore`.
    """
    _Cancel.requested = False
    replaced = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) in (
            signal.SIG_DFL,
            signal.default_int_handler,
        ):
            replaced[number] = signal.signal(number, _Cancel.note)
    return replaced


def _restore(handlers: dict[int, Any]) -> None:
    for number, handler in handlers.items():
        signal.signal(number, handler)


def _build(
    args: argparse.Namespace, config: KioskConfig, fmt: VideoFormat
) -> tuple[MainWindow, TourTimeline]:
    """The audience window as a kiosk with ``config`` shows it, and its tour's timeline."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from fulian_viewer.app import build_window, create_application, load_with_fallback
    from fulian_viewer.model.dataset import CurrentDataset
    from fulian_viewer.model.settings import Settings
    from fulian_viewer.model.tour import TourDwell, TourTimeline
    from fulian_viewer.system.logs import install_exception_logging

    install_exception_logging()
    create_application()
    settings = Settings(lang=args.lang or config.lang, reduce_motion=config.reduce_motion)
    data = args.data if args.data is not None else config.data
    result = load_with_fallback(data, settings)
    dataset = CurrentDataset(result, "data" if result.path == data else "bundled")
    window = build_window(dataset, settings, notice=False)
    window.setFixedSize(fmt.width, fmt.height)  # the video's size, whatever the minimum
    dwell = TourDwell.of(config, dataset.report)
    timeline = TourTimeline(
        [dwell.pane_ms(spec, settings) for spec in window.controller.state.specs],
        settings.transition_ms if settings.animates else 0,
        loop=args.loop,
    )
    return window, timeline
