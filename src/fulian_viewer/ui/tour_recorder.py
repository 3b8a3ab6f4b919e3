"""Record the kiosk's tour frame by frame on a virtual clock, offscreen.

The tour is played by the real parts: the autoplay state machine decides when
to move on, the deck controller's tour actions move the deck, and the deck view
slides and counts up with its own animations. Only the clock is virtual:
:class:`VirtualAnimationClock` holds every animation of the window and sets each
to the virtual time, so frame ``n`` is the state at ``n / fps`` however long
rendering it takes, and nothing waits on real time.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QAbstractAnimation, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from fulian_viewer.controllers.deck import DeckController
from fulian_viewer.model.autoplay import AutoplayMachine
from fulian_viewer.model.tour import TourTimeline
from fulian_viewer.ui.main_window import MainWindow

NO_VISITOR = 2**62
"""The idle times of a tour no visitor interrupts (never reached)."""


class VirtualAnimationClock:
    """Runs the animations under ``root`` on a clock that advances only when told.

    Call :meth:`adopt` after anything that may have started animations (each then
    counts from that moment) and :meth:`advance` to move every adopted animation
    to a time. An adopted animation is paused, so Qt's own timer leaves it alone;
    reaching its end stops it, and it finishes as it would on screen.
    """

    def __init__(self, root: QObject) -> None:
        self._root = root
        self._started: dict[QAbstractAnimation, float] = {}

    def adopt(self, now: float) -> None:
        """Take over every running animation, counting from ``now`` (ms)."""
        for animation in self._root.findChildren(QAbstractAnimation):
            if animation.state() == QAbstractAnimation.State.Running:
                animation.pause()
                self._started[animation] = now - animation.currentTime()

    def advance(self, now: float) -> None:
        """Set every adopted animation to ``now`` (ms)."""
        for animation, started in list(self._started.items()):
            if animation.state() != QAbstractAnimation.State.Paused:
                del self._started[animation]  # stopped or restarted by the deck
                continue
            animation.setCurrentTime(max(0, round(now - started)))
            if animation.state() != QAbstractAnimation.State.Paused:
                del self._started[animation]

    @property
    def running(self) -> int:
        """How many adopted animations have not finished."""
        return len(self._started)


class TourRecorder:
    """Plays the tour of ``window``'s deck on a virtual clock and renders its frames.

    Args:
        window: a window built by :func:`fulian_viewer.app.build_window`, not shown.
        timeline: each pane's dwell, which the autoplay state machine is given.
        fps: frames per second.
    """

    def __init__(self, window: MainWindow, timeline: TourTimeline, fps: int) -> None:
        self.window = window
        self.timeline = timeline
        self.fps = fps
        self.controller: DeckController = window.controller
        dwells = list(timeline.dwells_ms)
        self.machine = AutoplayMachine(
            dwells.__getitem__,
            idle_resume_ms=NO_VISITOR,
            idle_home_ms=NO_VISITOR,
            pane_count=self.controller.state.count,
        )
        self.clock = VirtualAnimationClock(window)

    @property
    def frame_count(self) -> int:
        """How many frames the recording has."""
        return self.timeline.frame_count(self.fps)

    def frames(self, target: QImage | None = None) -> Iterator[QImage | None]:
        """Each frame of the tour in turn, rendered into ``target`` (RGB32, the window's size).

        ``None`` stands for a frame the same as the one before (nothing moved
        since), which is not rendered again. The same image (``target``, or one
        made here) is filled again for every frame: copy it to keep it.
        """
        window = self.window
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        # Painted only into the frames: a window's own buffer would cost 33 MB at 4K.
        window.setUpdatesEnabled(False)
        window.show()  # laid out and "visible", so the deck slides as on screen
        self.controller.tour_home()
        deck = window.deck
        deck.panes  # noqa: B018 (build every pane now, before the clock starts)
        _settle()
        self.machine.start(0)
        self.clock.adopt(0)
        image = target if target is not None else QImage(window.size(), QImage.Format.Format_RGB32)
        still = False
        for frame in range(self.frame_count):
            now = self.timeline.frame_time(frame, self.fps)
            moved = self._play_until(now)
            if still and not moved:
                yield None
                continue
            self.clock.advance(now)
            if moved:
                _settle()  # the new pane's charts lay out as the event loop turns
            window.setUpdatesEnabled(True)  # for the render only
            deck.render(image)
            window.setUpdatesEnabled(False)
            still = self.clock.running == 0
            yield image

    def close(self) -> None:
        """Close the window and delete it now (no event loop runs to delete it later).

        What the window still has queued (the deck's first-paint notice) runs first.
        """
        _settle()
        for pane in self.window.deck.built_panes:
            pane.finish()
        self.window.close()
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _play_until(self, now: float) -> bool:
        """Carry out the tour's moves due by ``now``, each at its own moment."""
        moved = False
        while (deadline := self.machine.next_deadline()) is not None and deadline <= now:
            self.clock.advance(deadline)
            for action in self.machine.tick(deadline):
                if action == "next":
                    self.controller.tour_next()
                else:
                    self.controller.tour_home()
                moved = True
            self.clock.adopt(deadline)
        return moved


def _settle() -> None:
    """Let pending layout and paint requests run (pyqtgraph lays axes out on later passes)."""
    for _ in range(3):
        QApplication.processEvents()
