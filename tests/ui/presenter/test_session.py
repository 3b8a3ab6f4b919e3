"""The presenter session: a rehearsal's seconds are never lost to an unwritable file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fulian_viewer.ui.main_window import MainWindow
from fulian_viewer.ui.presenter.session import PresenterSession
from tests.fakes import FakeClock


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window(960, 540)


def test_a_rehearsal_that_cannot_be_written_is_kept_elsewhere(
    window: MainWindow, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from fulian_viewer.ui.presenter import session as session_module

    (tmp_path / "usb").write_text("a file where a folder was meant")
    target = tmp_path / "usb" / "talk.csv"  # its folder cannot be made
    fallback = tmp_path / "kept" / "talk.csv"
    monkeypatch.setattr(session_module, "rehearsal_fallback", lambda path: fallback)
    clock = FakeClock()
    session = PresenterSession(window, rehearse=target, clock=clock)
    qtbot.addWidget(session.console)
    clock.advance(30)
    assert session.finish_rehearsal() == fallback
    assert fallback.read_bytes().decode("utf-8-sig").splitlines()[1] == "cover,,,30"
    printed = capsys.readouterr().out
    assert str(target) in printed and str(fallback) in printed
    session.close()
