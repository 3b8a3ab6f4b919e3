"""The viewer started as a user would: a kiosk in a subprocess, offscreen, in private folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fulian_viewer.system.single_instance import SingleInstance
from tests.fixtures.processes import private_env


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Offscreen, with the runtime, log and data folders inside ``tmp_path``."""
    return private_env(tmp_path)


def viewer(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fulian_viewer", *args, "--quit-after-first-paint"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def log_text(env: dict[str, str]) -> str:
    logs = list(Path(env["XDG_STATE_HOME"]).rglob("fulian-viewer.log"))
    assert logs, "no log file written"
    return logs[0].read_text(encoding="utf-8")


def test_kiosk_starts_logs_and_stops(env: dict[str, str]) -> None:
    done = viewer(env, "--kiosk")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    log = log_text(env)
    assert "starting (kiosk)" in log
    assert "data loaded" in log
    assert "kiosk started" in log


def test_second_kiosk_exits_with_a_clear_message(env: dict[str, str]) -> None:
    folder = Path(env["XDG_RUNTIME_DIR"]) / "fulian-viewer"
    with SingleInstance(folder):
        done = viewer(env, "--kiosk", "--lang", "en")
    assert done.returncode == 3
    assert f"already running (process {os.getpid()})" in done.stderr
    assert "Traceback" not in done.stderr


def test_bad_config_is_reported_and_the_rest_applies(env: dict[str, str], tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('kiosk = true\nlang = "fr"\nidle_home_seconds = 5\ndwell_seconds = 12\n')
    done = viewer(env, "--config", str(config))
    assert done.returncode == 0, done.stderr
    assert "lang" in done.stderr and "kiosk.toml" in done.stderr
    assert "idle_home_seconds" in done.stderr
    assert "Traceback" not in done.stderr
    log = log_text(env)
    assert "starting (kiosk)" in log  # kiosk = true was still read
    assert "dwell 12s" in log


def test_flags_win_over_the_config(env: dict[str, str], tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("kiosk = false\n")
    done = viewer(env, "--config", str(config), "--kiosk")
    assert done.returncode == 0, done.stderr
    assert "starting (kiosk)" in log_text(env)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux display variables")
def test_without_a_display_the_viewer_says_so_plainly(env: dict[str, str]) -> None:
    """Not Qt's abort about platform plugins: staff learn what is missing."""
    screens = ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")
    bare = {k: v for k, v in env.items() if k not in screens}
    done = viewer(bare, "--kiosk", "--lang", "en")
    assert done.returncode == 2
    assert "neither DISPLAY nor WAYLAND_DISPLAY is set" in done.stderr
    assert "platform plugin" not in done.stderr and "Traceback" not in done.stderr
    assert "no display" in log_text(env)


def test_a_display_or_a_chosen_platform_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    from fulian_viewer.app import no_display

    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    assert no_display()
    for name, value in (
        ("XDG_SESSION_TYPE", "wayland"),
        ("DISPLAY", ":0"),
        ("WAYLAND_DISPLAY", "wayland-0"),
        ("QT_QPA_PLATFORM", "offscreen"),
    ):
        monkeypatch.setenv(name, value)
        assert not no_display(), name
        monkeypatch.delenv(name)
    monkeypatch.setattr(sys, "platform", "win32")
    assert not no_display(), "Windows always has its screen"
