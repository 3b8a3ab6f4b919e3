"""Live reload: settled edits are read off the GUI thread; sound ones are shown, broken
ones change nothing. Timers are fired by hand and the worker runs in the test."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fulian_viewer.app import build_window
from fulian_viewer.controllers.live_reload import FileWatcher, LiveReload
from fulian_viewer.model.loading import load_report
from fulian_viewer.reload_worker import ReloadOutcome, ReloadRequest, run_job
from fulian_viewer.ui.main_window import MainWindow
from tests.fakes import FakeTimer
from tests.fixtures.datasets import Dataset, edit_figure, make_dataset
from tests.ui.conftest import STILL


class HandRunner:
    """Runs a job only when the test says so."""

    def __init__(self) -> None:
        self.jobs: list[tuple[ReloadRequest, Callable[[ReloadOutcome], None]]] = []

    def start(self, request: ReloadRequest, done: Callable[[ReloadOutcome], None]) -> None:
        self.jobs.append((request, done))

    def finish(self) -> None:
        request, done = self.jobs.pop(0)
        done(run_job(request))


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    return make_dataset(tmp_path)


@pytest.fixture
def window(app: object, qtbot, dataset: Dataset) -> MainWindow:
    window = build_window(load_report(dataset.folder), STILL)
    qtbot.addWidget(window)
    window.resize(960, 540)
    window.show()
    return window


def build_staged(live: LiveReload) -> None:
    """Run the event loop's zero-time turns until the staged panes are built and shown."""
    for _ in range(200):
        if live.pending is None:
            return
        QApplication.processEvents()
    raise AssertionError("the staged dataset was never shown")


def reloader(
    window: MainWindow, dataset: Dataset, **options: object
) -> tuple[LiveReload, HandRunner]:
    runner = HandRunner()
    notices: list[str] = []
    live = LiveReload(
        window.controller, dataset.folder, runner, notice=notices.append, parent=window, **options
    )
    live.notices = notices  # type: ignore[attr-defined]
    return live, runner


def test_a_sound_edit_is_shown_at_once_on_the_same_pane(
    window: MainWindow, dataset: Dataset, caplog: pytest.LogCaptureFixture
) -> None:
    deck = window.controller
    deck.go(1)
    live, runner = reloader(window, dataset)
    edit_figure(dataset, "lectures", "6.6万场次", "6.7万场次", "67000")
    caplog.set_level(logging.INFO)
    live.reload()
    runner.finish()
    old_pane = window.deck.current_pane
    assert live.pending is not None and window.deck.current_pane is old_pane
    build_staged(live)
    assert deck.state.index == 1
    assert window.deck.current_pane is not old_pane
    shown = [c.final_text for c in window.deck.current_pane.counters]
    assert "6.7万场次" in "".join(shown)
    assert "reload: lectures: 6.6万场次 → 6.7万场次" in caplog.messages
    assert live.notices  # type: ignore[attr-defined]


def test_a_broken_edit_changes_nothing_and_is_listed(
    window: MainWindow, dataset: Dataset, caplog: pytest.LogCaptureFixture
) -> None:
    deck = window.controller
    report = deck.dataset.report
    pane = window.deck.current_pane
    live, runner = reloader(window, dataset)
    row = dataset.set_cell("metrics", "lectures", "value", "六万")
    caplog.set_level(logging.INFO)
    live.reload()
    runner.finish()
    assert deck.dataset.report is report
    assert window.deck.current_pane is pane
    refused = deck.dataset.refused
    assert next((p.file, p.row, p.column) for p in refused) == ("metrics.csv", row, "value")
    assert any("metrics.csv, row 2, column 'value'" in m for m in caplog.messages)
    assert "metrics.csv" in live.notices[-1]  # type: ignore[attr-defined]


def test_a_kiosk_takes_a_sound_edit_at_the_next_pane_change(
    window: MainWindow, dataset: Dataset, tmp_path: Path
) -> None:
    deck = window.controller
    live, runner = reloader(window, dataset, kiosk=True, last_good_root=tmp_path / "keep")
    edit_figure(dataset, "lectures", "6.6万场次", "6.7万场次", "67000")
    report = deck.dataset.report
    live.reload()
    runner.finish()
    for _ in range(50):
        QApplication.processEvents()  # its panes are built meanwhile
    assert deck.dataset.report is report and live.pending is not None
    deck.tour_next()
    assert deck.dataset.report is not report and live.pending is None
    assert deck.state.index == 1
    assert window.deck.current_pane.dataset.report is deck.dataset.report
    assert any(m.display == "6.7万场次" for m in deck.dataset.report.metrics)


def test_a_pane_that_went_away_gives_the_nearest(window: MainWindow, dataset: Dataset) -> None:
    deck = window.controller
    deck.go(4)  # the fourth section, the last one
    live, runner = reloader(window, dataset)
    rows = dataset.rows("sections")
    dataset.write("sections", [row for row in rows if row[1] != "rights"])
    for table in ("metrics", "charts"):
        dataset.write(table, [row for row in dataset.rows(table) if row[0] != "rights"])
    live.reload()
    runner.finish()
    build_staged(live)
    assert deck.dataset.refused == ()
    assert deck.state.count == len(deck.state.specs) and deck.state.index == 4
    assert deck.state.spec.kind == "scorecard"


def test_a_second_request_while_loading_loads_once_more(
    window: MainWindow, dataset: Dataset
) -> None:
    live, runner = reloader(window, dataset)
    live.reload()
    live.reload()
    assert len(runner.jobs) == 1
    runner.finish()
    assert len(runner.jobs) == 1


def watcher(dataset: Dataset) -> tuple[FileWatcher, FakeTimer, FakeTimer, list[int]]:
    timers = [FakeTimer(), FakeTimer()]
    made = iter(timers)
    files = [dataset.path(name) for name in ("deck", "sections", "metrics", "charts")]
    watch = FileWatcher(lambda: files, 2000, 500, timers=lambda: next(made))
    heard: list[int] = []
    watch.settled.connect(lambda: heard.append(1))
    watch.start()
    return watch, timers[0], timers[1], heard


def test_the_watcher_waits_until_the_files_settle(app: object, dataset: Dataset) -> None:
    watch, poll, settle, heard = watcher(dataset)
    poll.fire()
    assert not settle.isActive() and poll.isActive()
    dataset.set_cell("metrics", "lectures", "label_zh", "主题宣讲活动")
    poll.fire()
    assert settle.isActive()
    dataset.set_cell("metrics", "lectures", "label_zh", "主题宣讲活动（续）")  # still copying
    settle.fire()
    assert heard == [] and settle.isActive()
    settle.fire()
    assert heard == [1]
    poll.fire()
    settle.fire()
    assert heard == [1]  # nothing new
    watch.stop()


def test_the_watcher_sees_a_file_replaced_by_rename(app: object, dataset: Dataset) -> None:
    watch, _poll, settle, heard = watcher(dataset)
    path = dataset.path("charts")
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(path.read_bytes() + b"\r\n")
    temporary.replace(path)  # how Excel and LibreOffice save
    watch.look()
    settle.fire()
    assert heard == [1]
    watch.stop()


def test_an_edited_configuration_is_logged_and_a_new_data_folder_watched(
    window: MainWindow, dataset: Dataset, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from fulian_viewer.model.config import KioskConfig
    from fulian_viewer.watching import Watching

    other = make_dataset(tmp_path / "other").folder
    configs = iter([(KioskConfig(data=other, dwell_seconds=30), [])])
    watching = Watching(window, KioskConfig(data=dataset.folder), None, lambda: next(configs))
    assert watching.reload is not None and watching.reload.data == dataset.folder
    caplog.set_level(logging.INFO)
    watching._config_edited()
    assert watching.reload.data == other
    assert any("dwell_seconds: None → 30" in m and "next start" in m for m in caplog.messages)
    assert watching.reload.running  # the new data is being read
    watching.runner._on_timeout()  # stop the worker the test started


def test_the_process_runner_returns_the_workers_outcome(app: object, dataset: Dataset) -> None:
    from fulian_viewer.controllers.live_reload import ProcessRunner

    runner = ProcessRunner()
    outcomes: list[ReloadOutcome] = []
    runner.start(ReloadRequest(dataset.folder, "report.txt"), outcomes.append)
    process = runner._process
    assert process is not None and process.waitForFinished(120_000)
    QApplication.processEvents()  # deliver finished()
    assert outcomes and outcomes[0].result is not None and outcomes[0].result.ok
    assert not runner.running


def test_a_worker_over_its_time_is_killed_and_reported(app: object, dataset: Dataset) -> None:
    from fulian_viewer.controllers.live_reload import ProcessRunner

    runner = ProcessRunner()
    outcomes: list[ReloadOutcome] = []
    runner.start(ReloadRequest(dataset.folder, "report.txt"), outcomes.append)
    runner._killer.timeout.emit()  # the time limit is up
    process = runner._process
    assert process is not None and process.waitForFinished(120_000)
    QApplication.processEvents()
    assert outcomes[0].result is None and outcomes[0].failure.startswith("timeout")


def test_a_failed_reload_is_refused_with_its_reason(window: MainWindow, dataset: Dataset) -> None:
    live, runner = reloader(window, dataset)
    report = window.controller.dataset.report
    live.reload()
    runner.jobs.pop(0)[1](ReloadOutcome(None, failure="memory: over 1536 MB"))
    assert window.controller.dataset.report is report
    refused = window.controller.dataset.refused
    assert refused[0].file == str(dataset.folder) and "memory" in refused[0].message("en")


def test_without_watching_ctrl_r_still_reads_the_data(
    window: MainWindow, dataset: Dataset, qtbot
) -> None:
    from PySide6.QtCore import Qt

    from fulian_viewer.model.config import KioskConfig
    from fulian_viewer.watching import start_watching

    config = KioskConfig(data=dataset.folder, watch=False)
    watching = start_watching(window, config, None, lambda: (config, []))
    assert watching.data_watcher is None and watching.reload is not None
    runner = HandRunner()
    watching.reload.runner = runner
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert len(runner.jobs) == 1
