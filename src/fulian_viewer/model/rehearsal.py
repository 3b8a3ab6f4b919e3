"""Rehearsal: time each pane while the speaker runs through, then write the seconds.

The seconds go to a file the user names, never into the dataset: a ``.csv`` file
is a complete notes table (``pane, notes_zh, notes_en, target_seconds``, the notes
already written kept) that can replace the dataset's ``notes.csv``; a ``.toml`` file
is the kiosk configuration's ``[section_dwell_seconds]`` table. An existing file is
never overwritten: the next free name (``talk-2.csv``) is used instead.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from fulian_viewer.model.deck import PaneSpec
from fulian_viewer.model.notes import COLUMNS
from fulian_viewer.model.report import Report

SUFFIXES = (".csv", ".toml")
MIN_DWELL, MAX_DWELL = 3, 3600
"""The kiosk configuration's bounds on a dwell, in seconds."""


class Rehearsal:
    """How long each pane stays up while the speaker rehearses.

    Args:
        pane_count: how many panes the deck has.
        clock: the talk's seconds (a :class:`TalkTimer`'s ``elapsed``, so a
            paused timer pauses the rehearsal too).
    """

    def __init__(self, pane_count: int, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._seconds = [0.0] * pane_count
        self._index = 0
        self._since = clock()

    def showing(self, index: int) -> None:
        """Pane ``index`` is now up."""
        self._bank()
        self._index = index

    def restart(self) -> None:
        """Forget every time so far (the timer was reset)."""
        self._seconds = [0.0] * len(self._seconds)
        self._since = self._clock()

    def seconds(self) -> tuple[float, ...]:
        """Seconds each pane has been up so far, the current pane included."""
        self._bank()
        return tuple(self._seconds)

    def _bank(self) -> None:
        now = self._clock()
        self._seconds[self._index] += max(0.0, now - self._since)
        self._since = now


def rehearsal_problem(path: Path, data: Path | None) -> str | None:
    """Why ``path`` cannot take a rehearsal's seconds (in English), or None.

    It must end in ``.csv`` or ``.toml`` and lie outside the dataset's folder.
    """
    if path.suffix.lower() not in SUFFIXES:
        return "suffix"
    if path.exists() and path.is_dir():
        return "folder"
    if data is not None:
        folder = (data if data.is_dir() else data.parent).resolve()
        if path.resolve().is_relative_to(folder):
            return "inside_data"
    return None


def free_path(path: Path) -> Path:
    """``path``, or the first of ``name-2.csv``, ``name-3.csv``… that does not exist."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def rehearsal_fallback(path: Path) -> Path:
    """Where a rehearsal goes when ``path`` cannot be written: the user's data folder."""
    import platformdirs

    from fulian_viewer import APP_NAME, ORGANISATION

    return Path(platformdirs.user_data_dir(APP_NAME, ORGANISATION)) / "rehearsals" / path.name


def write_rehearsal(
    path: Path, specs: Sequence[PaneSpec], seconds: Sequence[float], report: Report
) -> Path:
    """Write the rehearsed seconds to ``path`` (or the next free name); return where.

    Raises:
        OSError: the file cannot be written.
    """
    target = free_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix.lower() == ".toml":
        target.write_text(dwell_toml(specs, seconds), encoding="utf-8")
    else:
        target.write_bytes(notes_csv(specs, seconds, report).encode("utf-8-sig"))
    return target


def notes_csv(specs: Sequence[PaneSpec], seconds: Sequence[float], report: Report) -> str:
    """A notes table with each pane's rehearsed seconds (empty for a pane never shown)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for spec, spent in zip(specs, seconds, strict=True):
        notes = report.notes_for(spec.key)
        zh, en = (notes.text.zh, notes.text.en) if notes else ("", "")
        writer.writerow([spec.key, zh, en, str(max(1, round(spent))) if spent >= 0.5 else ""])
    return buffer.getvalue()


def dwell_toml(specs: Sequence[PaneSpec], seconds: Sequence[float]) -> str:
    """The kiosk configuration's per-section dwell, from the section panes' seconds."""
    lines = [
        "# Seconds each section's pane stayed up in rehearsal (3 to 3600).",
        "# Copy this table into the kiosk's configuration file.",
        "[section_dwell_seconds]",
    ]
    for spec, spent in zip(specs, seconds, strict=True):
        if spec.section is not None and spent >= 0.5:
            dwell = min(MAX_DWELL, max(MIN_DWELL, round(spent)))
            lines.append(f'"{spec.section.id}" = {dwell}')
    return "\n".join(lines) + "\n"
