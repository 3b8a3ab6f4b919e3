"""Where the audience and the console go, with real Qt screens from an offscreen config."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fulian_viewer.ui.screen_fit import presenter_screens
from tests.fakes import FakeScreen, offscreen_screens


def screens() -> tuple[FakeScreen, FakeScreen, FakeScreen]:
    from PySide6.QtCore import QRect

    return (
        FakeScreen("eDP-1", QRect(0, 0, 1366, 768)),
        FakeScreen("HDMI-1", QRect(1366, 0, 1920, 1080)),
        FakeScreen("DP-2", QRect(3286, 0, 3840, 2160)),
    )


def test_the_audience_gets_the_projector_and_the_console_the_laptop() -> None:
    laptop, hdmi, dp = screens()
    assert presenter_screens([laptop, hdmi], None, laptop) == (hdmi, laptop)
    assert presenter_screens([hdmi, laptop], None, laptop) == (hdmi, laptop)
    assert presenter_screens([laptop, hdmi], None, laptop, swapped=True) == (laptop, hdmi)
    assert presenter_screens([laptop, hdmi, dp], "dp-2", laptop) == (dp, laptop)
    assert presenter_screens([laptop, hdmi, dp], 2, laptop) == (dp, laptop)
    # Asked to put the audience on the laptop: the console takes another screen.
    assert presenter_screens([laptop, hdmi], "eDP-1", laptop) == (laptop, hdmi)
    assert presenter_screens([laptop, hdmi], "VGA-9", laptop) == (hdmi, laptop)


def test_one_screen_or_none() -> None:
    laptop, _, _ = screens()
    from PySide6.QtCore import QRect

    placeholder = FakeScreen("", QRect())
    assert presenter_screens([laptop, placeholder], None, laptop) == (laptop, None)
    assert presenter_screens([placeholder], None, placeholder) == (None, None)


SCRIPT = """\
import json
from PySide6.QtGui import QGuiApplication
from fulian_viewer.app import build_window, create_application, load_with_fallback
from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.presenter.session import PresenterSession

app = create_application()
settings = Settings(counter_ms=0, chart_ms=0, transition_ms=0, counter_stagger_ms=0)
window = build_window(load_with_fallback(None, settings), settings)
window.resize(1280, 720)
window.show()
every = list(QGuiApplication.screens())
primary = QGuiApplication.primaryScreen()
present = list(every)
session = PresenterSession(window, screens=lambda: present, primary=lambda: primary)


def where():
    app.processEvents()
    return [
        window.screen().name(),
        session.console.screen().name(),
        window.isFullScreen(),
        session.console.isFullScreen(),
        window.geometry().getRect(),
    ]


out = {"primary": primary.name(), "start": where()}
session.swap()
out["swapped"] = where()
session.swap()
present[:] = [primary]  # the projector is unplugged mid-talk
session.place()
out["unplugged"] = where() + [session.console.isVisible(), session.console.screens_text]
present[:] = every  # and plugged in again
session.place()
out["replugged"] = where()
session.close()
out["closed"] = [window.isVisible(), session.console.isVisible(), session.open]
print(json.dumps(out))
"""


def test_windows_follow_the_screens(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    # Qt's offscreen platform makes the first screen by name the primary one.
    config.write_text(
        offscreen_screens(("DSI-1", 0, 0, 1366, 768, 1.0), ("HDMI-1", 1366, 0, 1920, 1080, 1.0)),
        encoding="utf-8",
    )
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"},
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    out = json.loads(completed.stdout.strip().splitlines()[-1])
    assert out["primary"] == "DSI-1"  # the laptop's own panel
    assert out["start"] == ["HDMI-1", "DSI-1", True, True, [1366, 0, 1920, 1080]]
    assert out["swapped"][:4] == ["DSI-1", "HDMI-1", True, True]
    unplugged = out["unplugged"]
    assert unplugged[0] == unplugged[1] == "DSI-1"
    assert unplugged[3] is False and unplugged[5] is True  # the console: a window on top
    assert "One screen" in unplugged[6] or "一块屏幕" in unplugged[6]
    assert out["replugged"][:4] == ["HDMI-1", "DSI-1", True, True]
    assert out["closed"] == [True, False, False], "closing the console leaves the show"
