"""A progress line for a long render: percentage, frames and time left.

On a terminal one line is redrawn in place; otherwise (a log, a pipe, a CI job)
a plain line is printed at every tenth of the way, so the output stays readable.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 30
REDRAW_SECONDS = 0.2


def clock_text(seconds: float) -> str:
    """``1:05`` or ``1:02:05`` for a number of seconds."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Reports ``done`` out of ``total`` frames on ``stream``.

    Args:
        total: frames to render.
        stream: where to write (standard error).
        clock: seconds, monotonic (for tests).
        lang: the line's language, ``zh`` or ``en``.
    """

    def __init__(
        self,
        total: int,
        stream: TextIO,
        clock: Callable[[], float] = time.monotonic,
        lang: str = "en",
    ) -> None:
        self.total = max(1, total)
        self.lang = lang
        self.stream = stream
        self._clock = clock
        self._began = clock()
        self._drawn_at = -REDRAW_SECONDS
        self._tenth = -1
        isatty = getattr(stream, "isatty", None)
        self.terminal = bool(isatty and isatty())

    def elapsed(self) -> float:
        """Seconds since the render began."""
        return self._clock() - self._began

    def line(self, done: int) -> str:
        """The progress line for ``done`` frames (with a bar on a terminal)."""
        fraction = min(1.0, done / self.total)
        elapsed = self.elapsed()
        left = elapsed / fraction - elapsed if done * 50 >= self.total else None
        left_text = "…" if left is None else clock_text(left)
        if self.lang == "zh":
            text = f"{fraction:4.0%}  {done}/{self.total} 帧  还需 {left_text}"
        else:
            text = f"{fraction:4.0%}  {done}/{self.total} frames  {left_text} left"
        if self.terminal:
            filled = round(fraction * BAR_WIDTH)
            return f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {text}"
        return text

    def update(self, done: int) -> None:
        """``done`` frames are rendered."""
        if self.terminal:
            now = self._clock()
            if now - self._drawn_at >= REDRAW_SECONDS or done >= self.total:
                self._drawn_at = now
                self.stream.write(f"\r{self.line(done)}\x1b[K")
                self.stream.flush()
            return
        tenth = min(10, done * 10 // self.total)
        if tenth > self._tenth:
            self._tenth = tenth
            print(self.line(done), file=self.stream, flush=True)

    def end(self) -> None:
        """Leave the progress line (a terminal's cursor goes to the next line)."""
        if self.terminal:
            self.stream.write("\n")
            self.stream.flush()
