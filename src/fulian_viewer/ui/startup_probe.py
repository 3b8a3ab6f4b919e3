"""The start-up benchmark hook behind ``--quit-after-first-paint`` and ``--quit-when-ready``.

It prints to stderr, in milliseconds since the process started
(:mod:`fulian_viewer.timing`), when the first frame showing the cover was painted
(``first-paint-ms=…``) and, for ``--quit-when-ready``, when every pane had been
built as well (``ready-ms=…``), then quits the application.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject

from fulian_viewer.timing import ms_since_start
from fulian_viewer.ui.deck_view import DeckView


class StartupProbe(QObject):
    """Reports a deck's first painted frame and readiness, then quits.

    Args:
        deck: the deck to watch (before its window is shown).
        until_ready: quit once every pane is built, rather than after the first frame.
        stream: where the figures are written (stderr by default).
        quit: what ends the run (leaving the application's event loop by default).
    """

    def __init__(
        self,
        deck: DeckView,
        until_ready: bool,
        stream: TextIO | None = None,
        quit: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(deck)
        self.deck = deck
        self.until_ready = until_ready
        self.stream = stream if stream is not None else sys.stderr
        # exit(), not quit(): quit() asks every window to close, which a kiosk's refuses.
        self._quit = quit if quit is not None else self._exit
        self.first_paint_ms: float | None = None
        self.ready_ms: float | None = None
        deck.first_painted.connect(self._on_first_paint)
        deck.ready.connect(self._on_ready)

    @staticmethod
    def _exit() -> None:
        QCoreApplication.exit(0)

    def _on_first_paint(self) -> None:
        self.first_paint_ms = ms_since_start()
        print(f"first-paint-ms={self.first_paint_ms:.1f}", file=self.stream, flush=True)
        if not self.until_ready:
            self._quit()
        elif self.deck.is_ready:
            self._on_ready()

    def _on_ready(self) -> None:
        if self.first_paint_ms is None or self.ready_ms is not None:
            return  # readiness counts from the first painted frame on
        self.ready_ms = ms_since_start()
        print(f"ready-ms={self.ready_ms:.1f}", file=self.stream, flush=True)
        self._quit()
