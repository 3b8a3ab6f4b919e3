"""The presenter console on one offscreen screen: it follows the deck and acts through it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from fulian_viewer.app import build_window
from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.ui.main_window import MainWindow
from fulian_viewer.ui.presenter.launcher import PresenterLauncher
from fulian_viewer.ui.presenter.panels import NotesView
from fulian_viewer.ui.presenter.session import PresenterSession
from tests.fakes import FakeClock
from tests.fixtures.datasets import make_dataset
from tests.ui.conftest import STILL


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window(960, 540)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1000.0)


@pytest.fixture
def session(window: MainWindow, clock: FakeClock, qtbot) -> Iterator[PresenterSession]:
    session = PresenterSession(window, talk_seconds=None, clock=clock)
    qtbot.addWidget(session.console)
    session.console.resize(1366, 768)
    QApplication.processEvents()
    yield session
    session.close()


def test_one_screen_opens_a_window_and_says_so(window: MainWindow, session) -> None:
    console = session.console
    assert console.isVisible() and not console.isFullScreen()
    assert window.isVisible() and not window.isFullScreen(), "the audience stays where it is"
    assert "一块屏幕" in console.footer.text()
    assert not window.findChildren(NotesView), "the audience never sees notes"
    window.controller.toggle_language()
    assert "One screen only" in console.footer.text(), "it follows the language"


def test_the_console_follows_the_deck(window: MainWindow, session) -> None:
    deck, console = window.controller, session.console
    assert console.pane_number.text() == "第 1 / 7 页"
    deck.next()
    assert console.pane_number.text() == "第 2 / 7 页"
    assert console.strip.current == 1
    assert console.mirror.current_pane.spec.key == "section-guidance"
    assert console.notes_label.text() == "要点（取自报告）"
    assert "6.6万场次" in console.notes.plain_text()
    shown = console.notes.label.text().replace("\u2060", "")
    assert 'font-weight:700;">6.6万场次</span>' in shown, "highlighted"
    deck.toggle_language()
    assert console.pane_number.text() == "Pane 2 of 7"
    assert "66,000 sessions" in console.notes.plain_text()
    deck.last()
    assert console.next_picture.text == "End of the presentation"


def test_blacking_out_shows_on_the_console_not_in_its_picture(window: MainWindow, session) -> None:
    window.controller.toggle_blank()
    assert window.deck.blank.isVisible()
    assert not session.console.mirror.blank.isVisible()
    assert "黑屏" in session.console.status.text()
    window.controller.toggle_blank()
    assert "黑屏" not in session.console.status.text()


def test_keys_in_the_console_act_on_the_deck(window: MainWindow, session, qtbot) -> None:
    qtbot.keyClick(session.console, Qt.Key.Key_PageDown)
    qtbot.keyClick(session.console, Qt.Key.Key_PageDown)
    assert window.controller.state.index == 2
    qtbot.keyClick(session.console, Qt.Key.Key_B)
    assert window.controller.state.blanked


def test_the_strip_jumps(window: MainWindow, session, qtbot) -> None:
    strip = session.console.strip
    cell = strip.cells()[4]
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=cell.center().toPoint())
    assert window.controller.state.index == 4


def test_the_mouse_over_the_picture_points_for_the_audience(window: MainWindow, session) -> None:
    mirror = session.console.mirror
    where = QPointF(mirror.width() * 0.25, mirror.height() * 0.5)
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        where,
        QPointF(mirror.mapToGlobal(where.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(mirror, move)
    x, y = window.controller.state.laser or (0, 0)
    assert (round(x, 2), round(y, 2)) == (0.25, 0.5)
    dot = window.deck.laser
    assert dot.isVisible()
    centre = QRectF(dot.geometry()).center()
    assert abs(centre.x() - 240) <= 1 and abs(centre.y() - 270) <= 1
    session.place()  # the windows move: the dot goes
    assert not dot.isVisible()


def test_a_click_on_a_figure_shows_its_source_to_the_audience(
    window: MainWindow, session, qtbot
) -> None:
    window.controller.go(1)
    counter = session.console.mirror.current_pane.counters[0]
    qtbot.mouseClick(counter, Qt.MouseButton.LeftButton, pos=counter.rect().center())
    state = window.controller.state
    assert state.overlay == "source" and state.source_metric is counter.figure_metric
    assert window.deck.provenance.isVisible()


def test_the_timer_pauses_and_resets_by_key_and_click(
    window: MainWindow, clock: FakeClock, qtbot
) -> None:
    launcher = PresenterLauncher(window, clock=clock)
    session = launcher.open_console()
    qtbot.addWidget(session.console)
    console = session.console
    clock.advance(65)
    console.tick()
    assert console.timing.elapsed.text() == "01:05"
    qtbot.keyClick(window, Qt.Key.Key_T)  # from the audience's window too
    clock.advance(100)
    console.tick()
    assert console.timing.elapsed.text() == "01:05" and console.timing.caption.text() == "已暂停"
    qtbot.mouseClick(console.timing.elapsed, Qt.MouseButton.LeftButton)
    clock.advance(5)
    console.tick()
    assert console.timing.elapsed.text() == "01:10"
    qtbot.keyClick(console, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    assert console.timing.elapsed.text() == "00:00"
    qtbot.keyClick(console, Qt.Key.Key_C)  # closes the console; the show goes on
    assert not console.isVisible() and window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_C)
    assert console.isVisible() and launcher.session is session


def test_pace_against_written_targets(app, qtbot, tmp_path: Path, clock: FakeClock) -> None:
    data = make_dataset(tmp_path)
    data.write(
        "notes",
        [
            ["pane", "notes_zh", "notes_en", "target_seconds"],
            ["cover", "先问候来宾。", "Greet the guests.", "60"],
            ["guidance", "", "", "120"],
        ],
    )
    window = build_window(CurrentDataset(data.load()), STILL)
    qtbot.addWidget(window)
    window.resize(800, 450)
    window.show()
    session = PresenterSession(window, talk_seconds=600, clock=clock)
    qtbot.addWidget(session.console)
    console = session.console
    assert console.notes_label.text() == "讲稿"
    assert console.notes.plain_text() == "先问候来宾。"
    clock.advance(75)
    console.tick()
    assert console.timing.pace.text().startswith("落后 00:15")
    window.controller.next()
    clock.advance(5)
    console.tick()
    assert console.timing.pace.text().startswith("进度正常")
    plan = console.timing.plan
    assert plan is not None and sum(plan) == 600
    qtbot.waitUntil(lambda: window.deck.is_ready and console.mirror.is_ready)
    session.close()
    window.close()


def test_a_rehearsal_is_written_when_asked(window: MainWindow, tmp_path: Path, qtbot) -> None:
    clock = FakeClock()
    target = tmp_path / "talk.csv"
    session = PresenterSession(window, rehearse=target, clock=clock)
    qtbot.addWidget(session.console)
    assert "排练中" in session.console.footer.text()
    window.controller.toggle_language()
    assert (
        "Rehearsing" in session.console.footer.text()
        and "talk.csv" in session.console.footer.text()
    )
    window.controller.toggle_language()
    clock.advance(30)
    window.controller.next()
    clock.advance(50)
    assert session.finish_rehearsal() == target
    assert session.finish_rehearsal() is None, "written once"
    lines = target.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[1] == "cover,,,30" and lines[2] == "section-guidance,,,50"
    session.close()


def test_closing_the_audience_window_closes_the_console(window: MainWindow, session) -> None:
    window.close()
    QApplication.processEvents()
    assert not session.console.isVisible() and not session.open


def test_a_reload_renews_the_console_and_tells_only_the_speaker(
    window: MainWindow, session, tmp_path: Path
) -> None:
    from fulian_viewer.model.loading import load_report

    deck, console = window.controller, session.console
    deck.next()
    assert "6.6万场次" in console.notes.plain_text()
    dataset = make_dataset(tmp_path)
    for name in ("metrics", "report"):
        path = dataset.folder / ("report.txt" if name == "report" else "metrics.csv")
        text = path.read_text("utf-8-sig").replace("6.6万场次", "6.7万场次")
        if name == "metrics":
            text = text.replace(",66000,", ",67000,", 1)
        path.write_text(text, "utf-8-sig")
    result = load_report(dataset.folder)
    assert result.ok, result.problems
    deck.show_dataset(result)
    QApplication.processEvents()
    notes = console.notes.plain_text()
    assert "6.7万场次" in notes and "6.6万场次" not in notes
    launcher = PresenterLauncher(window, None)
    launcher.session = session
    assert launcher.show_notice("数据已更新")
    assert console.notice.isVisible() and not window.deck.notice.isVisible()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_a_notice_covers_nothing_of_the_console(
    window: MainWindow, session, size: tuple[int, int]
) -> None:
    from PySide6.QtWidgets import QWidget

    console = session.console
    console.resize(*size)
    QApplication.processEvents()
    console.show_notice("数据已更新：metrics.csv 第 5 行已读入")
    QApplication.processEvents()
    notice = console.notice.geometry()
    assert console.notice.isVisible() and notice.height() >= 20
    assert notice.top() >= 0 and notice.width() > size[0] / 2
    for header in (console.title, console.pane_number, console.clock):
        assert header.isVisible() and not notice.intersects(header.geometry()), header.text()
    children = console.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    for child in children:
        if child is not console.notice and child.isVisible():
            assert not notice.intersects(child.geometry()), child
    console.notice.hide()
    QApplication.processEvents()
    assert console.now_label.geometry().top() <= notice.top(), "the room is given back"
