"""Wire live reload into a running viewer: watch the data and the configuration.

:func:`start_watching` watches the dataset shown (when one was given: the bundled
report never changes) and the configuration file (when there is one). An edit of
the data is read again (:class:`~fulian_viewer.controllers.live_reload.LiveReload`);
an edit of the configuration is read again and logged key by key: a new ``data``
is shown and watched, a new ``watch_poll_seconds`` applies at once, and the other
keys take effect at the next start (the log says so). Without ``watch``
(``--no-watch``) nothing is watched and only Ctrl+R reads the data again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import QObject

from fulian_viewer.controllers.live_reload import FileWatcher, LiveReload, ProcessRunner
from fulian_viewer.model.config import ConfigProblem, KioskConfig
from fulian_viewer.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SETTLE_MS = 1000
LIVE_KEYS = ("data", "watch_poll_seconds")
"""Configuration keys an edit applies at once; the others at the next start."""

ConfigReader = Callable[[], tuple[KioskConfig, list[ConfigProblem]]]


class Watching(QObject):
    """The live reload of one window: its watchers, its reloader, its configuration.

    Args:
        window: the viewer's window.
        config: the configuration in force.
        config_file: the configuration file to watch, or None.
        read_config: reads the configuration again (file, then command-line flags).
        parent: the owning object (the window by default).
    """

    def __init__(
        self,
        window: MainWindow,
        config: KioskConfig,
        config_file: Path | None,
        read_config: ConfigReader,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.config = config
        self.read_config = read_config
        self.runner = ProcessRunner(self)
        self.reload: LiveReload | None = None
        self.data_watcher: FileWatcher | None = None
        window.controller.reload_requested.connect(self.reload_now)
        self.config_watcher: FileWatcher | None = None
        if config_file is not None and config.watch:
            self.config_watcher = FileWatcher(
                lambda: [config_file], self.poll_ms, SETTLE_MS, parent=self
            )
            self.config_watcher.settled.connect(self._config_edited)
            self.config_watcher.start()
        self._watch_data(config.data)

    @property
    def poll_ms(self) -> int:
        """How often files are looked at, from the configuration."""
        return round(self.config.watch_poll_seconds * 1000)

    def reload_now(self) -> None:
        """Read the data again now (Ctrl+R), whether or not it changed."""
        if self.reload is None:
            log.info("reload: the bundled report is shown; nothing to read again")
            return
        if self.data_watcher is not None:
            self.data_watcher.rebase()
        self.reload.reload()

    def show_notice(self, text: str) -> None:
        """Show a reload's notice: to the speaker alone while a console is open."""
        presenter = getattr(self.window, "presenter", None)
        if presenter is None or not presenter.show_notice(text):
            self.window.deck.show_notice(text)

    def _watch_data(self, data: Path | None) -> None:
        if self.data_watcher is not None:
            self.data_watcher.stop()
            self.data_watcher.deleteLater()
            self.data_watcher = None
        if data is None:
            return
        deck = self.window.controller
        if self.reload is None:
            notice = None if self.config.kiosk else self.show_notice
            self.reload = LiveReload(
                deck, data, self.runner, kiosk=self.config.kiosk, notice=notice, parent=self
            )
        self.reload.data = data
        if not self.config.watch:
            log.info("live reload is off (--no-watch or watch = false); Ctrl+R reads %s", data)
            return
        self.data_watcher = FileWatcher(
            self.reload.watched_files, self.poll_ms, SETTLE_MS, parent=self
        )
        self.data_watcher.settled.connect(self.reload.reload)
        self.data_watcher.start()
        log.info("watching %s for edits (every %d ms and on notice)", data, self.poll_ms)

    def _config_edited(self) -> None:
        config, problems = self.read_config()
        for problem in problems:
            log.warning("configuration: %s", problem.message("en"))
        changed = [
            f.name
            for f in fields(KioskConfig)
            if getattr(config, f.name) != getattr(self.config, f.name)
        ]
        if not changed:
            log.info("configuration read again: nothing changed")
            return
        old, self.config = self.config, config
        for key in changed:
            when = "now" if key in LIVE_KEYS else "at the next start"
            log.info(
                "configuration: %s: %s → %s (takes effect %s)",
                key,
                getattr(old, key),
                getattr(config, key),
                when,
            )
        if self.config_watcher is not None:
            self.config_watcher.poll_ms = self.poll_ms
        if "data" in changed or "watch_poll_seconds" in changed:
            self._watch_data(config.data)
        if "data" in changed and self.reload is not None:
            self.reload.reload()


def start_watching(
    window: MainWindow,
    config: KioskConfig,
    config_file: Path | None,
    read_config: ConfigReader,
) -> Watching:
    """Start live reload for ``window``; without ``watch``, only Ctrl+R reloads."""
    return Watching(window, config, config_file, read_config)
