"""Live reload: watch the dataset's files and take each settled, sound edit.

:class:`FileWatcher` watches the files (a ``QFileSystemWatcher`` on their folder,
with polling behind it for network shares, where change notification does not
work) and emits :attr:`FileWatcher.settled` once a change has stopped moving.
:class:`LiveReload` then has the dataset loaded in a worker process
(:mod:`fulian_viewer.reload_worker`) and, on the GUI thread, takes the outcome:

- a sound dataset whose figures changed is staged on the deck controller: the
  views build its panes in the background, between animations, and it is shown
  on the desktop as soon as they are built, in a kiosk at the next pane change;
  each changed figure is logged (``lectures: 6.6万场次 → 6.7万场次``);
- a broken one changes nothing on screen: its problems are logged with file, row
  and column, kept on the dataset for the staff list, and (on the desktop) a notice
  says the edit was not taken.

Timers come from a factory, so tests fire them by hand.
"""

from __future__ import annotations

import logging
import pickle
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QFileSystemWatcher, QObject, QProcess, QTimer, Signal

from fulian_viewer.controllers.deck import DeckController
from fulian_viewer.model.changes import figure_changes
from fulian_viewer.model.loading import LoadResult
from fulian_viewer.model.problems import Problem, problem
from fulian_viewer.model.snapshot import Fingerprint, fingerprint
from fulian_viewer.reload_worker import ReloadOutcome, ReloadRequest, worker_command

log = logging.getLogger(__name__)

DEFAULT_POLL_MS = 2000
DEFAULT_SETTLE_MS = 1000


class Timer(Protocol):
    """The part of a single-shot QTimer used here (tests give a FakeTimer)."""

    @property
    def timeout(self) -> object: ...  # noqa: D102

    def start(self, interval_ms: int) -> None: ...  # noqa: D102

    def stop(self) -> None: ...  # noqa: D102

    def isActive(self) -> bool: ...  # noqa: D102, N802


def qt_timer(parent: QObject) -> Callable[[], Timer]:
    """A factory of single-shot QTimers owned by ``parent``."""

    def make() -> Timer:
        timer = QTimer(parent)
        timer.setSingleShot(True)
        return timer

    return make


class FileWatcher(QObject):
    """Tells when watched files have changed and then stayed still.

    Args:
        files: gives the files to watch (asked again after each change).
        poll_ms: how often to look at the files whatever the system reports.
        settle_ms: how long the files must stay the same before a change counts.
        timers: makes the poll and settle timers (real QTimers by default).
        parent: the owning object.

    Signals:
        settled: the files changed and have stayed the same for ``settle_ms``.
    """

    settled = Signal()

    def __init__(
        self,
        files: Callable[[], list[Path]],
        poll_ms: int = DEFAULT_POLL_MS,
        settle_ms: int = DEFAULT_SETTLE_MS,
        timers: Callable[[], Timer] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._files = files
        self.poll_ms = poll_ms
        self.settle_ms = settle_ms
        make = timers or qt_timer(self)
        self.poll_timer = make()
        self.settle_timer = make()
        self.poll_timer.timeout.connect(self._on_poll)  # type: ignore[attr-defined]
        self.settle_timer.timeout.connect(self._on_settle)  # type: ignore[attr-defined]
        self._system = QFileSystemWatcher(self)
        self._system.directoryChanged.connect(self._on_notified)
        self._system.fileChanged.connect(self._on_notified)
        self._seen: Fingerprint = fingerprint(files())
        self._moving: Fingerprint | None = None

    def start(self) -> None:
        """Start watching and polling."""
        self._watch()
        self.poll_timer.start(self.poll_ms)

    def stop(self) -> None:
        """Stop watching."""
        self.poll_timer.stop()
        self.settle_timer.stop()
        paths = self._system.files() + self._system.directories()
        if paths:
            self._system.removePaths(paths)

    def rebase(self) -> None:
        """Take the files as they are now as seen (after a reload asked for by hand)."""
        self._seen = fingerprint(self._files())

    def look(self) -> None:
        """Look at the files now; a change starts the wait for them to settle."""
        if self.settle_timer.isActive():
            return  # the settle check looks again
        now = fingerprint(self._files())
        if now != self._seen:
            self._moving = now
            self.settle_timer.start(self.settle_ms)

    def _on_notified(self, path: str) -> None:
        # An editor saving by rename drops the watch on the file: watch it again.
        self._watch()
        self.look()

    def _on_poll(self) -> None:
        self.look()
        self.poll_timer.start(self.poll_ms)

    def _on_settle(self) -> None:
        now = fingerprint(self._files())
        if now != self._moving:
            self._moving = now  # still moving: wait again
            self.settle_timer.start(self.settle_ms)
            return
        self._moving = None
        if now != self._seen:
            self._seen = now
            self._watch()
            self.settled.emit()

    def _watch(self) -> None:
        files = self._files()
        wanted = {str(path.parent) for path in files if path.parent.is_dir()}
        wanted |= {str(path) for path in files if path.is_file()}
        missing = wanted - set(self._system.files()) - set(self._system.directories())
        if missing:
            self._system.addPaths(sorted(missing))


class Runner(Protocol):
    """Runs one reload job and calls back with its outcome (on the GUI thread)."""

    def start(self, request: ReloadRequest, done: Callable[[ReloadOutcome], None]) -> None: ...  # noqa: D102


class ProcessRunner(QObject):
    """Runs each reload in a worker process, killed when it takes too long.

    The worker caps its own memory and processor time; the wall-time limit here
    is the request's time cap plus a margin for starting Python.
    """

    START_MARGIN_MS = 10_000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None
        self._folder: Path | None = None
        self._done: Callable[[ReloadOutcome], None] | None = None
        self._killer = QTimer(self)
        self._killer.setSingleShot(True)
        self._killer.timeout.connect(self._on_timeout)
        self._timed_out = False

    @property
    def running(self) -> bool:
        """Whether a worker is running."""
        return self._process is not None

    def start(self, request: ReloadRequest, done: Callable[[ReloadOutcome], None]) -> None:
        """Start a worker for ``request``; ``done`` gets its outcome."""
        self._folder = Path(tempfile.mkdtemp(prefix="fulian-reload-out-"))
        self._done = done
        self._timed_out = False
        program, *arguments = worker_command(request, self._folder / "outcome.pickle")
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process
        self._killer.start(round(request.time_seconds * 1000) + self.START_MARGIN_MS)
        process.start(program, arguments)

    def _on_timeout(self) -> None:
        if self._process is not None:
            self._timed_out = True
            self._process.kill()

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._finish(ReloadOutcome(None, failure="crashed: the worker did not start"))

    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        outcome_file = self._folder / "outcome.pickle" if self._folder else None
        if self._timed_out:
            outcome = ReloadOutcome(None, failure="timeout: the loader took too long")
        elif outcome_file is not None and outcome_file.is_file():
            try:
                outcome = pickle.loads(outcome_file.read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError) as error:
                outcome = ReloadOutcome(None, failure=f"crashed: {error}")
        else:
            reason = (
                "over its memory or time limit?" if status == QProcess.ExitStatus.CrashExit else ""
            )
            outcome = ReloadOutcome(
                None, failure=f"crashed: the loading process stopped (exit {code}) {reason}".strip()
            )
        self._finish(outcome)

    def _finish(self, outcome: ReloadOutcome) -> None:
        self._killer.stop()
        if self._process is not None:
            self._process.deleteLater()
            self._process = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        done, self._done = self._done, None
        if done is not None:
            done(outcome)


class LiveReload(QObject):
    """Reloads the dataset shown when its files change, or when asked (Ctrl+R).

    Args:
        deck: the deck controller (its dataset is the one reloaded).
        data: the dataset's folder or workbook.
        runner: runs the loading off the GUI thread.
        kiosk: take a sound edit at the next pane change rather than at once, and
            keep it as the last good copy.
        last_good_root: where a kiosk keeps last good copies (None: the default).
        notice: shows a short notice on screen (the desktop), or None.
        parent: the owning object.

    Signals:
        taken: a sound edit is on screen (its change lines).
        refused: an edit was not taken (its problems).
    """

    taken = Signal(list)
    refused = Signal(list)

    def __init__(
        self,
        deck: DeckController,
        data: Path,
        runner: Runner,
        *,
        kiosk: bool = False,
        last_good_root: Path | None = None,
        notice: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.deck = deck
        self.data = data
        self.runner = runner
        self.kiosk = kiosk
        self.last_good_root = last_good_root
        self.notice = notice
        self.running = False
        self._again = False
        self._changes: list[str] | None = None
        deck.panes_changed.connect(self._on_shown)

    @property
    def pending(self) -> LoadResult | None:
        """A sound edit not on screen yet (its panes being built, or waiting for a move)."""
        staged = self.deck.staged
        return staged.result if staged is not None else None

    def source_name(self) -> str | None:
        """The report text's file as the deck shown names it."""
        source = self.deck.dataset.report.deck.text("source_file")
        return source.zh if source is not None else None

    def watched_files(self) -> list[Path]:
        """The files to watch for the dataset shown."""
        from fulian_viewer.model.snapshot import watched_files

        return watched_files(self.data, self.source_name())

    def reload(self) -> None:
        """Load the dataset again (once more after the load running now, if one is)."""
        if self.running:
            self._again = True
            return
        self.running = True
        log.info("reload: reading %s", self.data)
        root = None
        if self.kiosk:
            from fulian_viewer.model.last_good import default_root

            root = self.last_good_root or default_root()
        request = ReloadRequest(self.data, self.source_name(), root)
        self.runner.start(request, self._on_outcome)

    def _on_outcome(self, outcome: ReloadOutcome) -> None:
        self.running = False
        if outcome.result is None:
            if outcome.failure.startswith("changing"):
                log.info("reload: the files are still being written (%s)", outcome.failure)
            else:
                self._refuse((problem(str(self.data), "reload_failed", reason=outcome.failure),))
        else:
            if outcome.last_good is not None:
                log.info("reload: kept as the last good copy in %s", outcome.last_good)
            self._take(outcome.result)
        if self._again:
            self._again = False
            self.reload()

    def _take(self, result: LoadResult) -> None:
        if result.report is None or not result.ok:
            self._refuse(result.errors)
            return
        dataset = self.deck.dataset
        dataset.refuse(())
        if result.report == dataset.report and dataset.origin == "data":
            log.info("reload: %s read again, no figure changed", self.data)
            return
        changes = figure_changes(dataset.report, result.report)
        when = "at the next pane change" if self.kiosk else "once its panes are built"
        log.info(
            "reload: taking the edit of %s (%d changes), shown %s", self.data, len(changes), when
        )
        for line in changes:
            log.info("reload: %s", line)
        self._changes = changes
        self.deck.stage_dataset(result, "data", at_next_move=self.kiosk)

    def _on_shown(self) -> None:
        changes, self._changes = self._changes, None
        if changes is None:
            return
        log.info("reload: the edit of %s is on screen", self.data)
        if self.notice is not None:
            from fulian_viewer.model.ui_strings import ui_text

            self.notice(ui_text("reload_taken", self.deck.state.lang, count=len(changes)))
        self.taken.emit(changes)

    def _refuse(self, problems: tuple[Problem, ...]) -> None:
        log.warning("reload: the edit of %s was not taken (%d problems)", self.data, len(problems))
        for item in problems:
            log.warning("reload: %s", item.message("en"))
        self.deck.dataset.refuse(problems)
        if self.notice is not None and problems:
            from fulian_viewer.model.ui_strings import ui_text

            lang = self.deck.state.lang
            where = problems[0].where(lang)
            self.notice(ui_text("reload_refused", lang, count=len(problems), where=where))
        self.refused.emit(list(problems))
