"""Kiosk input: locked exits, the staff chords, and every input fed to autoplay.

Installed on the application, so it sees each key, click, touch and wheel before
any widget. It

- feeds every visitor input to the deck's ``activity`` signal (so autoplay pauses
  whatever was touched, even where no action is bound);
- turns Esc and F5 (a clicker's "stop" and "start show") into "start the loop over",
  after closing whatever overlay is open;
- swallows what would leave or escape the kiosk: ``F``/F11 (full screen), and any
  key with Ctrl, Alt or Meta held (Ctrl+Q, Ctrl+W, Alt+F4, Ctrl+P, ...);
- opens the staff PIN pad on the exit chord (Ctrl+Alt+Shift+Q by default) and
  the staff problem list on :data:`PROBLEMS_CHORD`. When the configured PIN is
  one the project published, the exit chord opens the problem list instead,
  which says why the exit is disabled.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from fulian_viewer.controllers.autoplay import AutoplayController
from fulian_viewer.controllers.deck import DeckController
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.pin import PinGuard, pin_hash_status
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui.staff_overlays import PIN_IDLE_MS, PinOverlay, ProblemsOverlay

log = logging.getLogger(__name__)

Key = Qt.Key
Mod = Qt.KeyboardModifier
PROBLEMS_CHORD = "Ctrl+Alt+Shift+D"
"""Shows staff every problem with the data and the configuration."""

CHORD_MODIFIERS = Mod.ControlModifier | Mod.AltModifier | Mod.ShiftModifier | Mod.MetaModifier
RESTART_KEYS = {Key.Key_Escape, Key.Key_F5}
LOCKED_KEYS = {Key.Key_F, Key.Key_F11}
SCROLL_KEYS = {Key.Key_PageDown: 1, Key.Key_Down: 1, Key.Key_PageUp: -1, Key.Key_Up: -1}
VISITOR_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
}

ProblemsSource = Callable[[Lang], tuple[str, list[str]]]
"""Gives, in a language, which data is on screen and every problem message."""


def parse_chord(text: str) -> QKeyCombination:
    """The key combination written ``Ctrl+Alt+Shift+Q``.

    Raises:
        ValueError: the text names no key.
    """
    sequence = QKeySequence(text, QKeySequence.SequenceFormat.PortableText)
    if sequence.isEmpty():
        raise ValueError(f"not a key chord: {text!r}")
    first: QKeyCombination = sequence[0]  # type: ignore[index]
    if first.key() == Key.Key_unknown:
        raise ValueError(f"not a key chord: {text!r}")
    return first


def combination_of(event: QKeyEvent) -> QKeyCombination:
    """A key event as a combination of its key and chord modifiers (keypad ignored)."""
    modifiers = event.modifiers() & CHORD_MODIFIERS
    return QKeyCombination(Mod(modifiers), Key(event.key()))


class KioskController(QObject):
    """Keeps visitors in the kiosk and lets staff out.

    Signals:
        exit_approved: the exit chord was pressed and the PIN (if any) was right.

    Args:
        deck: the deck controller.
        view: the audience's deck view (the staff overlays cover it).
        autoplay: the autoplay controller to restart on Esc/F5.
        exit_chord: the staff exit chord, e.g. ``Ctrl+Alt+Shift+Q``.
        pin_hash: the staff PIN's hash; None lets the chord quit at once, and a
            published one (:func:`~fulian_viewer.model.pin.pin_hash_status`)
            disables the exit.
        problems: gives the staff problem list.
        clock: seconds, for the PIN lock-out; :func:`time.monotonic` by default.
        pin_idle_ms: the PIN pad closes after this long without typing.
    """

    exit_approved = Signal()

    def __init__(
        self,
        deck: DeckController,
        view: QWidget,
        autoplay: AutoplayController,
        exit_chord: str,
        pin_hash: str | None,
        problems: ProblemsSource,
        clock: Callable[[], float] = time.monotonic,
        pin_idle_ms: int = PIN_IDLE_MS,
    ) -> None:
        super().__init__(view)
        self.deck = deck
        self.autoplay = autoplay
        self.exit_chord = parse_chord(exit_chord)
        self.problems_chord = parse_chord(PROBLEMS_CHORD)
        self.exit_disabled = pin_hash_status(pin_hash) == "published"
        self.guard = PinGuard(pin_hash, clock) if pin_hash and not self.exit_disabled else None
        self._problems = problems
        self.pin = PinOverlay(pin_idle_ms, view)
        self.pin.hide()
        self.pin.submitted.connect(self._on_pin)
        self.problem_list = ProblemsOverlay(view)
        self.problem_list.hide()

    # Staff actions -----------------------------------------------------------

    def request_exit(self) -> None:
        """The exit chord: quit when no PIN is set, otherwise ask for it.

        With a published PIN, refuse and show the problem list, which says why.
        """
        log.info("staff exit chord pressed")
        if self.exit_disabled:
            log.warning("staff exit refused: pin_hash is a published PIN's; set your own")
            if not self.problem_list.isVisible():
                self.toggle_problems()
            return
        if self.guard is None:
            self._approve()
            return
        self.problem_list.hide()
        self.pin.open(self.deck.state.lang)
        self._show_lock_state()

    def toggle_problems(self) -> None:
        """Show or hide the problem list."""
        if self.problem_list.isVisible():
            self.problem_list.hide()
            return
        self.pin.hide()
        lang = self.deck.state.lang
        showing, messages = self._problems(lang)
        self.problem_list.open(lang, showing, messages)

    # Event filter ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Feed input to autoplay; handle the kiosk's keys."""
        kind = event.type()
        if kind in VISITOR_EVENTS:
            self.deck.user_input()
        if (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and combination_of(event) in (self.exit_chord, self.problems_chord)
        ):
            event.accept()  # claim the chords before any shortcut sees them
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(watched, event)
        return False

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        combination = combination_of(event)
        if combination == self.exit_chord:
            self.request_exit()
            return True
        if combination == self.problems_chord:
            self.toggle_problems()
            return True
        key = Key(event.key())
        if self.pin.isVisible():
            if key == Key.Key_Escape:
                self.pin.hide()
                return True
            # Typing goes to the field only; what it leaves (PgDn...) goes nowhere.
            # The window system's QWindow sees the key first and must pass it on.
            return isinstance(watched, QWidget) and watched is not self.pin.entry
        if self.problem_list.isVisible():
            if key == Key.Key_Escape:
                self.problem_list.hide()
            elif key in SCROLL_KEYS:
                self.problem_list.scroll_pages(SCROLL_KEYS[key])
            return True
        if key in RESTART_KEYS:
            self._restart()
            return True
        held = event.modifiers() & (Mod.ControlModifier | Mod.AltModifier | Mod.MetaModifier)
        return key in LOCKED_KEYS or bool(held)

    # Internals ---------------------------------------------------------------

    def _restart(self) -> None:
        deck = self.deck
        if deck.overlay_open or deck.overview_open:
            deck.escape()
            return
        log.info("loop restarted from the keyboard")
        self.autoplay.restart()

    def _on_pin(self, pin: str) -> None:
        assert self.guard is not None
        outcome = self.guard.attempt(pin)
        if outcome == "ok":
            self._approve()
            return
        if outcome == "wrong":
            log.warning("wrong staff PIN (%d in a row)", self.guard.failures)
        self._show_lock_state(wrong=outcome == "wrong")

    def _show_lock_state(self, wrong: bool = False) -> None:
        assert self.guard is not None
        lang = self.deck.state.lang
        seconds = self.guard.seconds_locked()
        if seconds > 0:
            self.pin.show_message(ui_text("pin_locked", lang, seconds=int(seconds + 0.999)))
        elif wrong:
            self.pin.show_message(ui_text("pin_wrong", lang))

    def _approve(self) -> None:
        log.info("staff exit approved")
        self.pin.hide()
        self.exit_approved.emit()
