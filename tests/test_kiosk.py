"""Kiosk mode on a real window: locked exits, restart keys, staff chords, PIN, problem list.

Timers are never waited for: the fake clock is moved and timeouts are fired by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fulian_viewer.kiosk import KioskSession, dwell_seconds, problems_source, start_kiosk
from fulian_viewer.model.config import ConfigProblem, KioskConfig
from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.model.loading import LoadResult
from fulian_viewer.model.pin import PUBLISHED_PIN_HASHES, hash_pin
from fulian_viewer.model.problems import problem
from fulian_viewer.ui.main_window import MainWindow
from tests.fakes import FakeClock

Mod = Qt.KeyboardModifier
CHORD = Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier
PIN = "5173"  # 2468 was published as the example PIN: the kiosk refuses it


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


@pytest.fixture
def start(
    make_window: Callable[..., MainWindow], bundled: LoadResult, app: QApplication
) -> Iterator[Callable[..., KioskSession]]:
    sessions: list[KioskSession] = []

    def make(config: KioskConfig | None = None, problems: tuple = ()) -> KioskSession:
        window = make_window(800, 450)
        if problems:
            window.controller.dataset.replace(bundled, "last_good", problems)
        session = start_kiosk(app, window, config or KioskConfig(kiosk=True), [])
        QApplication.processEvents()
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.stop()


def press(session: KioskSession, key: Qt.Key, modifiers: Mod = Mod.NoModifier) -> None:
    target = QApplication.focusWidget() or session.window
    QTest.keyClick(target, key, modifiers)


def test_every_exit_path_is_refused(start: Callable[..., KioskSession]) -> None:
    session = start()
    window = session.window
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    for key, modifiers in [
        (Qt.Key.Key_Escape, Mod.NoModifier),
        (Qt.Key.Key_F5, Mod.NoModifier),
        (Qt.Key.Key_F, Mod.NoModifier),
        (Qt.Key.Key_F11, Mod.NoModifier),
        (Qt.Key.Key_Q, Mod.ControlModifier),
        (Qt.Key.Key_W, Mod.ControlModifier),
        (Qt.Key.Key_F4, Mod.AltModifier),
    ]:
        press(session, key, modifiers)
        QApplication.processEvents()
        assert window.isVisible() and window.isFullScreen(), key
    assert window.close() is False  # the window manager's close button, Alt+F4
    assert window.isVisible()
    window.deck.controller.toggle_fullscreen()  # the deck's own request, as F would send
    assert window.isFullScreen()


def test_esc_and_f5_start_the_loop_over(start: Callable[..., KioskSession]) -> None:
    session = start()
    state = session.window.deck.state
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_F5):
        state.go(3)
        press(session, key)
        assert state.index == 0
        assert session.autoplay.playing


def test_esc_closes_an_open_overlay_first(start: Callable[..., KioskSession]) -> None:
    session = start()
    deck = session.window.deck
    deck.state.go(2)
    deck.controller.toggle_help()
    press(session, Qt.Key.Key_Escape)
    assert not deck.help.isVisible()
    assert deck.state.index == 2


def test_visitor_input_pauses_the_tour(start: Callable[..., KioskSession]) -> None:
    session = start()
    assert session.autoplay.playing
    QTest.mouseClick(session.window.deck, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert session.autoplay.machine.state == "paused"


def test_chord_without_pin_quits_at_once(start: Callable[..., KioskSession], qtbot) -> None:
    session = start()
    with qtbot.waitSignal(session.keys.exit_approved, timeout=1000):
        press(session, Qt.Key.Key_Q, CHORD)
    assert not session.window.locked
    assert session.staff_exited
    assert session.window.close()


def test_chord_and_right_pin_quit(start: Callable[..., KioskSession], pin_hash: str, qtbot) -> None:
    session = start(KioskConfig(kiosk=True, pin_hash=pin_hash))
    approvals: list[bool] = []
    session.keys.exit_approved.connect(lambda: approvals.append(True))
    press(session, Qt.Key.Key_Q, CHORD)
    pad = session.keys.pin
    assert pad.isVisible() and approvals == []
    QTest.keyClicks(pad.entry, PIN)
    assert pad.entry.text() == PIN
    assert pad.entry.displayText() != PIN  # masked
    QTest.keyClick(pad.entry, Qt.Key.Key_Return)
    assert approvals == [True]
    assert not session.window.locked


def test_published_pin_disables_the_exit(
    start: Callable[..., KioskSession], qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING"):
        session = start(KioskConfig(kiosk=True, pin_hash=PUBLISHED_PIN_HASHES[0]))
    assert "published" in caplog.text and "pin_hash" in caplog.text
    approvals: list[bool] = []
    session.keys.exit_approved.connect(lambda: approvals.append(True))
    press(session, Qt.Key.Key_Q, CHORD)
    assert not session.keys.pin.isVisible()  # no pad to type the published PIN into
    overlay = session.keys.problem_list
    assert overlay.isVisible()
    assert "pin_hash" in overlay.body.toPlainText() and "停用" in overlay.body.toPlainText()
    QTest.keyClicks(session.window, "2468")
    press(session, Qt.Key.Key_Return)
    assert approvals == [] and session.window.locked and not session.staff_exited


def test_no_pin_quits_but_is_listed_and_logged(
    start: Callable[..., KioskSession], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING"):
        session = start()
    assert "no staff PIN set" in caplog.text
    press(session, Qt.Key.Key_D, CHORD)
    assert "未设置工作人员 PIN" in session.keys.problem_list.body.toPlainText()


def test_own_pin_is_not_listed(start: Callable[..., KioskSession], pin_hash: str) -> None:
    session = start(KioskConfig(kiosk=True, pin_hash=pin_hash))
    press(session, Qt.Key.Key_D, CHORD)
    assert "pin_hash" not in session.keys.problem_list.body.toPlainText()


def test_typing_on_the_pin_pad_does_not_navigate(
    start: Callable[..., KioskSession], pin_hash: str
) -> None:
    session = start(KioskConfig(kiosk=True, pin_hash=pin_hash))
    state = session.window.deck.state
    press(session, Qt.Key.Key_Q, CHORD)
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_N, Qt.Key.Key_End):
        QTest.keyClick(session.keys.pin.entry, key)
    assert state.index == 0
    assert session.keys.pin.entry.text() == ""  # letters are not digits
    press(session, Qt.Key.Key_Escape)
    assert not session.keys.pin.isVisible()
    assert session.window.locked


def test_wrong_pins_are_rate_limited(
    start: Callable[..., KioskSession], pin_hash: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = start(KioskConfig(kiosk=True, pin_hash=pin_hash))
    assert session.keys.guard is not None
    clock = FakeClock()
    monkeypatch.setattr(session.keys.guard, "_clock", clock)
    approvals: list[bool] = []
    session.keys.exit_approved.connect(lambda: approvals.append(True))
    press(session, Qt.Key.Key_Q, CHORD)
    pad = session.keys.pin
    for _ in range(3):
        QTest.keyClicks(pad.entry, "1111")
        QTest.keyClick(pad.entry, Qt.Key.Key_Return)
    assert "30" in pad.message.text  # locked for 30 s
    QTest.keyClicks(pad.entry, PIN)
    QTest.keyClick(pad.entry, Qt.Key.Key_Return)
    assert approvals == []  # even the right PIN is not checked while locked
    clock.now = 31
    QTest.keyClicks(pad.entry, PIN)
    QTest.keyClick(pad.entry, Qt.Key.Key_Return)
    assert approvals == [True]


def test_pin_pad_closes_when_left(start: Callable[..., KioskSession], pin_hash: str) -> None:
    session = start(KioskConfig(kiosk=True, pin_hash=pin_hash))
    press(session, Qt.Key.Key_Q, CHORD)
    QTest.keyClicks(session.keys.pin.entry, "12")
    session.keys.pin.idle.timeout.emit()
    assert not session.keys.pin.isVisible()
    assert session.keys.pin.entry.text() == ""


def test_configured_chord_replaces_the_default(start: Callable[..., KioskSession], qtbot) -> None:
    session = start(KioskConfig(kiosk=True, exit_chord="Ctrl+Alt+E"))
    press(session, Qt.Key.Key_Q, CHORD)
    assert session.window.locked
    with qtbot.waitSignal(session.keys.exit_approved, timeout=1000):
        press(session, Qt.Key.Key_E, Mod.ControlModifier | Mod.AltModifier)


def test_staff_chord_lists_the_problems(start: Callable[..., KioskSession]) -> None:
    bad = problem("metrics.csv", "not_a_number", row=7, column="value", text="abc")
    session = start(problems=(bad,))
    press(session, Qt.Key.Key_D, CHORD)
    overlay = session.keys.problem_list
    assert overlay.isVisible()
    text = overlay.body.toPlainText()
    assert "metrics.csv" in text and "第 7 行" in text and "value" in text
    assert "上次完好" in overlay.shown.text
    press(session, Qt.Key.Key_Escape)
    assert not overlay.isVisible()


def test_no_notice_banner_for_visitors(bundled: LoadResult, qtbot, app: QApplication) -> None:
    bad = problem("metrics.csv", "not_a_number", row=7, column="value", text="abc")
    from fulian_viewer.app import build_window
    from tests.ui.conftest import STILL

    window = build_window(LoadResult(bundled.path, bundled.report, (bad,)), STILL, notice=False)
    qtbot.addWidget(window)
    assert not window.deck.notice.isVisibleTo(window)


def test_links_are_never_opened(start: Callable[..., KioskSession]) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    start()
    assert QDesktopServices.openUrl(QUrl("https://example.org/"))  # handled: by refusing
    assert QDesktopServices.openUrl(QUrl.fromLocalFile("/"))


def test_dwell_comes_from_config_then_dataset_then_default() -> None:
    assert dwell_seconds(KioskConfig(dwell_seconds=12), "30") == 12
    assert dwell_seconds(KioskConfig(), "30") == 30
    assert dwell_seconds(KioskConfig(), "") == 20
    assert dwell_seconds(KioskConfig(), "1") == 20  # out of range: the default


def test_problem_source_names_what_is_shown(bundled: LoadResult) -> None:
    config_problem = ConfigProblem("k.toml", "lang", "语言错误", "bad language")
    source = problems_source(CurrentDataset(bundled, "bundled"), [config_problem])
    showing, messages = source("en")
    assert showing == "Showing: the bundled report"
    assert any("k.toml" in m and "lang" in m for m in messages)


def test_stop_gives_everything_back(start: Callable[..., KioskSession]) -> None:
    session = start(KioskConfig(kiosk=True, cursor_hide_seconds=0))
    assert QGuiApplication.overrideCursor() is not None
    session.stop()
    assert QGuiApplication.overrideCursor() is None
    assert not session.autoplay.timer.isActive()
    assert not session.heartbeat.timer.isActive()
    assert session.window.close()


def test_the_desktop_notice_counts_errors_and_claims_no_skipped_rows(
    bundled: LoadResult, qtbot, app: QApplication
) -> None:
    """Not every error leaves out a row (a header with a name too many leaves none)."""
    from fulian_viewer.app import build_window
    from tests.ui.conftest import STILL

    header = problem("metrics.csv", "header_longer", row=1, found=8, expected=9, names="备注")
    mild = problem("metrics.csv", "merged_cells", row=2, column="label_zh", cells="A2:A5")
    window = build_window(LoadResult(bundled.path, bundled.report, (header, mild)), STILL)
    qtbot.addWidget(window)
    notice = window.deck.notice
    assert mild.warning and not header.warning
    assert notice.isVisibleTo(window)
    assert notice.text.text == "数据有 1 个问题，只显示了没有问题的内容"
    assert "跳过" not in notice.text.text
