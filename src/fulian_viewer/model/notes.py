"""The ``notes`` table: a speaker's notes and target seconds for each pane.

The table is optional (``notes.csv`` in a folder, a ``notes`` sheet in a
workbook). Each row names a pane by its key (``cover``, ``section-<id>`` or just
the section's id, ``scorecard``, ``closing``) and may give notes in Chinese and
English and the seconds the speaker means to spend on it. It is validated like
every table: an unknown pane, a repeated pane or a bad number is reported with
file, row and column, and the other rows still load.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from fulian_viewer.model.report import PaneNotes, Text
from fulian_viewer.model.schema import Cells

MAX_TARGET_SECONDS = Decimal(3600)
COLUMNS = ("pane", "notes_zh", "notes_en", "target_seconds")
"""The table's columns in the order a written notes file has them."""


def read_notes(cells: Cells, pane_keys: Sequence[str]) -> tuple[PaneNotes, ...]:
    """The notes of each known pane, in table order; problems go to ``cells``."""
    known = {key: key for key in pane_keys}
    known.update({key.removeprefix("section-"): key for key in pane_keys})
    allowed = ", ".join(pane_keys)
    notes: list[PaneNotes] = []
    first_row: dict[str, int] = {}
    for row, record in cells.rows():
        written = cells.text(row, record, "pane")
        if written is None:
            continue
        key = known.get(written.strip())
        if key is None:
            cells.add("unknown_pane", row, "pane", pane=written, allowed=allowed)
            continue
        if key in first_row:
            cells.add("duplicate_id", row, "pane", id=written, first=first_row[key])
            continue
        first_row[key] = row
        target = None  # a bad number is reported; the row's notes still show
        if record.get("target_seconds", "").strip():
            seconds = cells.number(row, record, "target_seconds")
            if seconds is not None and not 1 <= seconds <= MAX_TARGET_SECONDS:
                cells.add("bad_seconds", row, "target_seconds", text=record["target_seconds"])
            elif seconds is not None:
                target = float(seconds)
        text = Text(record.get("notes_zh", "").strip(), record.get("notes_en", "").strip())
        notes.append(PaneNotes(key, text, target))
    return tuple(notes)
