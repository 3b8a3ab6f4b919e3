"""``fulian-viewer export --video``: arguments, a missing PyAV, the whole run and Ctrl+C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import av
import pytest

from fulian_viewer.cli import main, parse_args
from fulian_viewer.model.config import KioskConfig
from fulian_viewer.model.deck import build_panes
from fulian_viewer.model.settings import Settings
from fulian_viewer.model.tour import TourDwell, TourTimeline

COMMAND = (sys.executable, "-m", "fulian_viewer", "export", "--lang", "en")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["export", "--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_video_options_parse() -> None:
    args = parse_args(["export", "--video", "tour.mp4", "--fps", "60", "--loop", "--force"])
    assert (args.video, args.fps, args.loop, args.force, args.out) == (
        Path("tour.mp4"),
        60,
        True,
        True,
        None,
    )
    assert args.lang == "zh"
    # With a configuration, its language applies unless --lang is given.
    assert parse_args(["export", "--video", "t.mp4", "--config", "k.toml"]).lang is None


@pytest.mark.parametrize("argv", [["export"], ["export", "--out", "d", "--video", "t.mp4"]])
def test_export_needs_one_output(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(argv)
    assert exit_info.value.code == 2
    assert "--out DIR (PNG and PDF), --video FILE.mp4" in capsys.readouterr().err


@pytest.mark.parametrize(
    "output", [["--out", "d"], ["--workbook", "w.xlsx"], ["--data-folder", "d"]]
)
@pytest.mark.parametrize(
    ("video_only", "named"),
    [
        (["--fps", "60"], "--fps: for --video FILE.mp4 only"),
        (["--config", "k.toml", "--loop"], "--config, --loop: for --video FILE.mp4 only"),
    ],
)
def test_video_options_without_a_video_are_refused(
    output: list[str], video_only: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["export", "--lang", "en", *output, *video_only])
    assert exit_info.value.code == 2
    assert named in capsys.readouterr().err
    assert parse_args(["export", "--video", "t.mp4"]).fps == 30


@pytest.mark.parametrize(
    ("content", "zh"),
    [(None, "找不到文件"), (b'lang = "en\n', "TOML 格式有误"), (b"\xff\xfe\x00", "UTF-8")],
)
def test_a_configuration_not_read_stops_the_video_before_any_work(
    content: bytes | None, zh: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    if content is not None:
        config.write_bytes(content)
    video = tmp_path / "tour.mp4"
    argv = ["export", "--video", str(video), "--size", "320x180", "--config", str(config)]
    for lang in ("zh", "en"):
        code = main([*argv, "--lang", lang])
        out, err = capsys.readouterr()
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and str(config) in err, err
        assert zh in err if lang == "zh" else err.startswith(f"fulian-viewer export: {config}: ")
    assert list(tmp_path.iterdir()) == ([config] if content is not None else [])


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--size", "1921x1080"], "even width and height"),
        (["--fps", "0"], "30 or 60"),
        (["--fps", "24"], "30 or 60"),
        (["--size", "3840x2160", "--fps", "60"], "level 5.1"),
    ],
)
def test_bad_requests_get_one_line_and_exit_2(
    argv: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "--video", str(tmp_path / "tour.mp4"), *argv)
    assert code == 2
    assert words in err
    assert err.count("\n") == 1 and err.startswith("fulian-viewer export: ")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("argv", "words"),
    [(["--size", "4k"], "'4k' is not a size"), (["--fps", "sixty"], "--fps")],
)
def test_unreadable_values_get_one_line(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["export", "--video", "tour.mp4", *argv])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert words in err and "see fulian-viewer export --help" in err
    assert err.count("\n") == 1


def test_an_existing_file_is_kept_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tour.mp4"
    path.write_bytes(b"the staff's own video")
    code, _, err = run(capsys, "--video", str(path))
    assert code == 2
    assert "--force" in err
    assert path.read_bytes() == b"the staff's own video"


def test_an_unwritable_place_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--video", str(tmp_path / "no" / "such" / "tour.mp4"))
    assert code == 2
    assert "does not exist" in err


def test_without_pyav_it_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "av", None)  # `import av` now fails as if not installed
    monkeypatch.delitem(sys.modules, "fulian_viewer.video.encoder", raising=False)
    code, _, err = run(capsys, "--video", str(tmp_path / "tour.mp4"))
    assert code == 2
    assert 'pip install "fulian-viewer[video]"' in err
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_the_offline_build_says_it_has_no_video_export(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "av", None)
    monkeypatch.delitem(sys.modules, "fulian_viewer.video.encoder", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    code, _, err = run(capsys, "--video", str(tmp_path / "tour.mp4"))
    assert code == 2
    assert "this offline build has no video export" in err
    assert err.count("\n") == 1


@pytest.fixture
def short_config(tmp_path: Path) -> Path:
    config = tmp_path / "kiosk.toml"
    config.write_text("dwell_seconds = 3\nlang = 'en'\n", encoding="utf-8")
    return config


def test_the_tour_is_written_with_a_summary(
    app, report, tmp_path: Path, short_config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tour.mp4"
    code, out, err = run(
        capsys, "--video", str(path), "--size", "320x180", "--config", str(short_config)
    )
    assert code == 0, err
    settings = Settings()
    dwell = TourDwell.of(KioskConfig(dwell_seconds=3), report)
    timeline = TourTimeline(
        [dwell.pane_ms(spec, settings) for spec in build_panes(report)], settings.transition_ms
    )
    frames = timeline.frame_count(30)
    with av.open(str(path)) as container:
        decoded = sum(1 for _ in container.decode(video=0))
    assert decoded == frames
    lines = out.splitlines()
    assert lines[0] == str(path)
    assert f"{frames} frames at 30 fps, 320x180, H.264 High@3.0" in lines[1]
    assert f"({frames / 30:.2f} s)" in lines[1]
    assert abs(frames / 30 - timeline.duration_ms / 1000) <= 1 / 30
    assert " MB" in lines[2]
    assert "100%" in err  # the progress, plain when not on a terminal
    assert {p.name for p in tmp_path.iterdir()} == {"kiosk.toml", "tour.mp4"}


def test_ctrl_c_removes_the_partial_file_and_keeps_the_old_one(
    app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from fulian_viewer.ui.tour_recorder import TourRecorder

    frames = TourRecorder.frames

    def interrupted(self, target):  # Ctrl+C while the 20th frame renders
        for number, image in enumerate(frames(self, target)):
            if number == 20:
                raise KeyboardInterrupt
            yield image

    monkeypatch.setattr(TourRecorder, "frames", interrupted)
    path = tmp_path / "tour.mp4"
    path.write_bytes(b"last week's video")
    code, _, err = run(capsys, "--video", str(path), "--size", "320x180", "--force")
    assert code == 130
    assert "cancelled" in err
    assert [p.name for p in tmp_path.iterdir()] == ["tour.mp4"]
    assert path.read_bytes() == b"last week's video"


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_killed_export_leaves_no_partial_file(name: str, tmp_path: Path) -> None:
    number = getattr(signal, name)
    path = tmp_path / "tour.mp4"
    partial = tmp_path / ".tour.mp4.partial"
    process = subprocess.Popen(
        [*COMMAND, "--video", str(path), "--size", "640x360"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        # As in a terminal: a test runner may have started us ignoring Ctrl+C.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while not partial.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert partial.exists(), "the export never started writing"
    process.send_signal(number)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "cancelled" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_messages_follow_the_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", "--video", str(tmp_path / "tour.mp4"), "--fps", "24"])
    _, err = capsys.readouterr()
    assert code == 2 and err == "fulian-viewer export：--fps 24：视频的帧率只能是每秒 30 或 60 帧\n"
